"""What the registry is made of: a measure (one question), a sign (a group of them), a red flag."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["scale", "count", "minutes", "decimal", "yesno", "choice", "text"]
Better = Literal["lower", "higher"]


@dataclass(frozen=True)
class Measure:
    """One value a person records: its column, question, scale and which way is better."""

    column: str
    label: str
    question: str
    kind: Kind
    minimum: float | None = None
    maximum: float | None = None
    better: Better | None = None
    unit: str = ""
    low_anchor: str = ""
    high_anchor: str = ""
    help: str = ""
    default: object = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    required: bool = True
    # For a sign's secondary measure: the change that counts as real on its own, which the
    # sign's sentence mentions when the primary measure shows no clear change.
    threshold: Threshold | None = None

    @property
    def sql_type(self) -> str:
        """The DuckDB column type that stores this measure."""
        return {
            "scale": "INTEGER",
            "count": "INTEGER",
            "minutes": "INTEGER",
            "decimal": "DOUBLE",
            "yesno": "BOOLEAN",
            "choice": "VARCHAR",
            "text": "VARCHAR",
        }[self.kind]

    @property
    def is_whole_number(self) -> bool:
        """True when the measure only takes whole numbers."""
        return self.kind in ("scale", "count", "minutes")

    def describe_range(self) -> str:
        """Plain words for the values this measure accepts, used in error messages."""
        if self.kind == "yesno":
            return "yes or no"
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "text":
            return f"text of at most {self.max_length:,} characters"
        number = "a whole number" if self.is_whole_number else "a number"
        low = format_number(self.minimum)
        high = format_number(self.maximum)
        return f"{number} from {low} to {high}"


@dataclass(frozen=True)
class Threshold:
    """How much a measure must move, in its better direction, to count as a real change.

    ``points`` and ``percent`` are alternatives unless ``need_both`` is set (walking needs
    50 % *and* 5 minutes, so a tiny baseline cannot produce a large "improvement").
    """

    points: float | None = None
    percent: float | None = None
    need_both: bool = False
    summary: str = ""
    source: str = ""
    is_convention: bool = False


@dataclass(frozen=True)
class Sign:
    """One of the seven signs: what it means, how it is measured and what counts as better."""

    key: str
    number: int
    title: str
    short_title: str
    meaning: str
    primary: Measure
    threshold: Threshold
    secondary: tuple[Measure, ...] = field(default_factory=tuple)

    @property
    def measures(self) -> tuple[Measure, ...]:
        """The primary measure followed by the optional ones."""
        return (self.primary, *self.secondary)


def format_number(value: float | None) -> str:
    """A bound as the registry shows it: 10, 2.5, or ? when there is none."""
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class RedFlag:
    """A symptom that needs urgent care, asked on every check-in."""

    column: str
    question: str
