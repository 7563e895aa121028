"""Flare-ups logged as they happen, and the medicines a person lists: the one place their
choices (triggers, what helped, medicine kinds) and their checks are defined.

The form, validation, storage, export, import and PDF all derive from these lists.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Mapping

from recovery.validation import Problem, ValidationError

# What set a flare-up off, as (stored code, label). The codes are stored and exported;
# the labels are what people read.
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("sitting", "Sitting"),
    ("bending", "Bending"),
    ("lifting", "Lifting"),
    ("standing", "Standing"),
    ("walking", "Walking"),
    ("driving", "Driving"),
    ("cough_sneeze", "Coughing or sneezing"),
    ("after_sleep", "After sleep"),
    ("other", "Other"),
    ("unknown", "Not sure"),
)
TRIGGER_CODES: tuple[str, ...] = tuple(code for code, _ in TRIGGERS)
TRIGGER_LABELS: dict[str, str] = dict(TRIGGERS)

# What helped, a short list; anything else goes in free text beside it.
HELPED: tuple[tuple[str, str], ...] = (
    ("moving", "Gentle moving or walking"),
    ("lying", "Lying down"),
    ("position", "Changing position"),
    ("stretch", "Stretching"),
    ("heat", "Heat"),
    ("cold", "Cold"),
    ("medicine", "A medicine"),
    ("nothing", "Nothing helped"),
)
HELPED_CODES: tuple[str, ...] = tuple(code for code, _ in HELPED)
HELPED_LABELS: dict[str, str] = dict(HELPED)
HELPED_SEPARATOR = ";"  # how the chosen codes are stored and exported in one text cell

MEDICINE_KINDS: tuple[tuple[str, str], ...] = (
    ("regular", "Regular (every day)"),
    ("as_needed", "As needed"),
)
MEDICINE_KIND_CODES: tuple[str, ...] = tuple(code for code, _ in MEDICINE_KINDS)
MEDICINE_KIND_LABELS: dict[str, str] = dict(MEDICINE_KINDS)

MAX_SEVERITY = 10
MAX_MINUTES = 24 * 60  # one flare-up lasting longer than a day is logged day by day
MAX_NOTE = 2000
MAX_HELPED_OTHER = 200
MAX_NAME = 80
MAX_DOSE = 80
# No one logs a flare-up from before this year: an earlier date is a typing slip.
FIRST_YEAR = 1900
# A clock a few hours ahead of the server is a time zone; more is a mistake.
FUTURE_SLACK = dt.timedelta(hours=14)

FLARE_FIELDS: tuple[str, ...] = (
    "started_at",
    "severity",
    "minutes",
    "trigger",
    "helped",
    "helped_other",
    "note",
    "medicine_id",
    "medicine_at",
)
MEDICINE_FIELDS: tuple[str, ...] = ("name", "dose", "kind", "retired")


def trigger_label(code: str) -> str:
    """A trigger as people read it ('Coughing or sneezing'); unknown codes as given."""
    return TRIGGER_LABELS.get(code, code)


def helped_codes(stored: object) -> list[str]:
    """The 'what helped' codes from their stored text ('heat;moving'), in list order."""
    if not isinstance(stored, str) or not stored:
        return []
    chosen = set(stored.split(HELPED_SEPARATOR))
    return [code for code in HELPED_CODES if code in chosen]


def helped_text(stored: object, other: object = None) -> str:
    """What helped as people read it: 'Heat, Stretching; a hot bath'."""
    parts = ", ".join(HELPED_LABELS[c] for c in helped_codes(stored))
    extra = str(other).strip() if isinstance(other, str) else ""
    return "; ".join(p for p in (parts, extra) if p)


def _is_whole(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return math.isfinite(float(value)) and float(value).is_integer()


def _stamp(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None)
        except ValueError:
            return None
    return None


def _text(value: object, limit: int, name: str, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(Problem(name, value, f"{name} must be text"))
        return None
    text = value.strip()
    if len(text) > limit:
        problems.append(Problem(name, "…", f"{name} is longer than {limit:,} characters"))
        return None
    return text or None


def validate_flare(values: Mapping[str, object], *, now: dt.datetime) -> dict[str, object]:
    """A flare-up's values checked and in stored form; raises ValidationError listing all.

    ``now`` is the visitor's local time: a flare-up cannot start in the future.
    """
    problems: list[Problem] = []
    clean: dict[str, object] = {}
    started = _stamp(values.get("started_at"))
    if started is None:
        problems.append(
            Problem("started_at", values.get("started_at"), "the time must be a date and time")
        )
    elif started > now + FUTURE_SLACK:
        problems.append(Problem("started_at", started, "the time is in the future"))
    elif started.year < FIRST_YEAR:
        problems.append(Problem("started_at", started, f"the date is before {FIRST_YEAR}"))
    clean["started_at"] = started
    severity = values.get("severity")
    if not _is_whole(severity) or not 0 <= float(severity) <= MAX_SEVERITY:
        problems.append(
            Problem(
                "severity", severity, f"how bad must be a whole number from 0 to {MAX_SEVERITY}"
            )
        )
    else:
        clean["severity"] = int(severity)
    minutes = values.get("minutes")
    if minutes is None or minutes == "":
        clean["minutes"] = None
    elif not _is_whole(minutes) or not 0 <= float(minutes) <= MAX_MINUTES:
        problems.append(
            Problem("minutes", minutes, f"how long must be whole minutes from 0 to {MAX_MINUTES}")
        )
    else:
        clean["minutes"] = int(minutes)
    trigger = values.get("trigger")
    if trigger not in TRIGGER_CODES:
        problems.append(
            Problem(
                "trigger", trigger, "what set it off must be one of: " + ", ".join(TRIGGER_CODES)
            )
        )
    clean["trigger"] = trigger
    helped = values.get("helped")
    if helped is None or helped == "":
        chosen: list[str] = []
    elif isinstance(helped, str):
        chosen = [part.strip() for part in helped.split(HELPED_SEPARATOR) if part.strip()]
    elif isinstance(helped, (list, tuple)):
        chosen = list(helped)
    else:
        chosen = [helped]  # reported below as not one of the list
    unknown = [c for c in chosen if c not in HELPED_CODES]
    if unknown:
        problems.append(
            Problem(
                "helped",
                unknown[0],
                "what helped must be from: " + ", ".join(HELPED_CODES),
            )
        )
    clean["helped"] = HELPED_SEPARATOR.join(c for c in HELPED_CODES if c in chosen) or None
    clean["helped_other"] = _text(
        values.get("helped_other"), MAX_HELPED_OTHER, "helped_other", problems
    )
    clean["note"] = _text(values.get("note"), MAX_NOTE, "note", problems)
    medicine = values.get("medicine_id")
    clean["medicine_id"] = medicine if isinstance(medicine, str) and medicine else None
    if medicine not in (None, "") and not isinstance(medicine, str):
        problems.append(Problem("medicine_id", medicine, "the medicine must be one of your list"))
    medicine_at = values.get("medicine_at")
    if medicine_at in (None, ""):
        clean["medicine_at"] = None
    else:
        taken = _stamp(medicine_at)
        if taken is None:
            problems.append(
                Problem("medicine_at", medicine_at, "when the medicine was taken must be a time")
            )
        elif taken > now + FUTURE_SLACK:
            problems.append(Problem("medicine_at", taken, "the medicine time is in the future"))
        clean["medicine_at"] = taken
    if clean["medicine_id"] is None:
        clean["medicine_at"] = None  # a time without a medicine says nothing
    if problems:
        raise ValidationError(problems)
    return clean


def validate_medicine(values: Mapping[str, object]) -> dict[str, object]:
    """A listed medicine checked and in stored form; raises ValidationError listing all."""
    problems: list[Problem] = []
    name = _text(values.get("name"), MAX_NAME, "name", problems)
    if name is None and not problems:
        problems.append(Problem("name", values.get("name"), "the medicine needs a name"))
    dose = _text(values.get("dose"), MAX_DOSE, "dose", problems)
    kind = values.get("kind")
    if kind not in MEDICINE_KIND_CODES:
        problems.append(
            Problem("kind", kind, "kind must be one of: " + ", ".join(MEDICINE_KIND_CODES))
        )
    retired = values.get("retired", False)
    if not isinstance(retired, bool):
        problems.append(Problem("retired", retired, "retired must be yes or no"))
    if problems:
        raise ValidationError(problems)
    return {"name": name, "dose": dose, "kind": kind, "retired": retired}
