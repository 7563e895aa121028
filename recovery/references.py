"""The published sources the app's figures and thresholds rest on, listed once.

The registry's thresholds and the guide's text cite these in short form ("Ostelo et al.,
Spine 2008"); the recovery guide's References section and the PDF list them in full.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One source: who wrote it, the title, where and when it was published."""

    key: str
    authors: str
    title: str
    journal: str
    year: int | None  # None for guidance that is revised in place
    abbreviation: str = ""

    @property
    def short(self) -> str:
        """How the text cites it: 'Ostelo et al., Spine 2008'."""
        journal = self.abbreviation or self.journal
        if self.year is None:
            return journal
        first = self.authors.split(",")[0].split(" ")[0]
        many = "," in self.authors
        return f"{first}{' et al.' if many else ''}, {journal} {self.year}"

    @property
    def full(self) -> str:
        """The entry in a reference list."""
        when = str(self.year) if self.year is not None else "revised regularly"
        return f"{self.authors}. {self.title}. *{self.journal}*, {when}."


REFERENCES: tuple[Reference, ...] = (
    Reference(
        "ostelo2008",
        "Ostelo RW, Deyo RA, Stratford P, et al",
        "Interpreting change scores for pain and functional status in low back pain: towards "
        "international consensus regarding minimal important change",
        "Spine",
        2008,
    ),
    Reference(
        "koes2007",
        "Koes BW, van Tulder MW, Peul WC",
        "Diagnosis and treatment of sciatica",
        "BMJ",
        2007,
    ),
    Reference(
        "pengel2003",
        "Pengel LH, Herbert RD, Maher CG, Refshauge KM",
        "Acute low back pain: systematic review of its prognosis",
        "BMJ",
        2003,
    ),
    Reference(
        "peul2007",
        "Peul WC, van Houwelingen HC, van den Hout WB, et al",
        "Surgery versus prolonged conservative treatment for sciatica",
        "New England Journal of Medicine",
        2007,
        "NEJM",
    ),
    Reference(
        "grovle2013",
        "Grøvle L, Haugen AJ, Natvig B, Brox JI, Grotle M",
        "The prognosis of self-reported paresthesia and weakness in disc-related sciatica",
        "European Spine Journal",
        2013,
        "Eur Spine J",
    ),
    Reference(
        "ekedahl2012",
        "Ekedahl H, Jönsson B, Frobell RB",
        "Fingertip-to-floor test and straight leg raising test: validity, responsiveness, and "
        "predictive value in patients with acute/subacute low back pain",
        "Archives of Physical Medicine and Rehabilitation",
        2012,
        "Arch Phys Med Rehabil",
    ),
    Reference(
        "nice_cks",
        "National Institute for Health and Care Excellence",
        "Sciatica (lumbar radiculopathy)",
        "NICE Clinical Knowledge Summaries",
        None,
        "NICE CKS, Sciatica",
    ),
    Reference(
        "bmj_bp_ces",
        "BMJ Best Practice",
        "Cauda equina syndrome",
        "BMJ Best Practice",
        None,
        "BMJ Best Practice, Cauda equina syndrome",
    ),
)

REFERENCES_BY_KEY: dict[str, Reference] = {r.key: r for r in REFERENCES}


def cite(key: str) -> str:
    """The short citation of one reference, for use beside a figure."""
    return REFERENCES_BY_KEY[key].short


def reference_list() -> list[str]:
    """Every reference in full, in the order listed, as Markdown lines."""
    return [reference.full for reference in REFERENCES]
