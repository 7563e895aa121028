"""The recovery guide's text: sections in recovery/content/*.md, loaded in one place.

Keeping the words out of page code lets them be reviewed (and one day translated) as plain
Markdown files. Facts carry their source inline, as in "(Koes et al., BMJ 2007)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from recovery.analysis.good_level import GOOD_LEVELS
from recovery.signs import SIGNS, Sign

CONTENT_DIR = Path(__file__).parent.parent / "content"
SECTIONS: tuple[str, ...] = (
    "last_stages",
    "continuing_care",
    "residual_symptoms",
    "seek_help",
    "red_flags",
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING = re.compile(r"^## (\w+)\s*$", re.MULTILINE)


# Files holding one short text per key ("## key" headings) rather than one section.
KEYED: tuple[str, ...] = ("signs", "stages")


@cache
def section(name: str) -> str:
    """The Markdown of one guide section, without editorial comments."""
    if name not in SECTIONS and name not in KEYED:
        raise KeyError(name)
    raw = (CONTENT_DIR / f"{name}.md").read_text(encoding="utf-8")
    return _COMMENT.sub("", raw).strip()


@cache
def keyed_texts(name: str) -> dict[str, str]:
    """The texts of a keyed file (signs, stages) by key, each joined into one paragraph."""
    parts = _HEADING.split(section(name))
    # split() gives [preamble, key1, text1, key2, text2, ...]
    return {key: " ".join(text.split()) for key, text in zip(parts[1::2], parts[2::2], strict=True)}


def sign_notes() -> dict[str, str]:
    """What improvement feels like, per sign key, from content/signs.md."""
    return keyed_texts("signs")


@dataclass(frozen=True)
class SignExplanation:
    """One sign as the guide explains it: the feeling, the measure, the thresholds."""

    sign: Sign
    feels_like: str
    measured_by: str
    improvement: str
    good_level: str
    also_recorded: str = ""


def _also_recorded(item: Sign) -> str:
    parts = []
    for measure in item.secondary:
        notes = [
            note
            for note, applies in (
                ("yes or no", measure.kind == "yesno"),
                ("optional", not measure.required),
            )
            if applies
        ]
        details = [", ".join(notes)] if notes else []
        rule = measure.threshold
        if rule is not None:
            source = "the app's convention" if rule.is_convention else rule.source
            details.append(f"a real change on its own: {rule.summary}, {source}")
        parts.append(measure.label + (f" ({'; '.join(details)})" if details else ""))
    return "; ".join(parts) + ("." if parts else "")


def explain_signs() -> list[SignExplanation]:
    """The seven signs, each with its note and how the app measures it (from the registry)."""
    notes = sign_notes()
    explained = []
    for item in SIGNS:
        threshold = item.threshold
        summary = f"{threshold.summary[0].upper()}{threshold.summary[1:]}"
        if threshold.is_convention:
            improvement = f"{summary} (the app's own convention)."
        else:
            improvement = f"{summary}. Source: {threshold.source}."
        measure = item.primary
        anchors = ", ".join(p for p in (measure.low_anchor, measure.high_anchor) if p)
        measured_by = f"“{measure.question}”" + (f" ({anchors})" if anchors else "")
        explained.append(
            SignExplanation(
                sign=item,
                feels_like=notes[item.key],
                measured_by=measured_by,
                improvement=improvement,
                good_level=GOOD_LEVELS[item.key].describe() + " (the app's convention).",
                also_recorded=_also_recorded(item),
            )
        )
    return explained
