"""The seven signs of sciatica improvement: the one registry everything else derives from.

The check-in form, the database columns, validation, the charts, the analysis and the
explanatory text all read this module. Adding a measure means adding one ``Measure`` here
(and a numbered migration for the column, which a test insists on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from recovery.references import cite

Kind = Literal["scale", "count", "minutes", "decimal", "yesno", "choice", "text"]
Better = Literal["lower", "higher"]

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


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
        low = _format_number(self.minimum)
        high = _format_number(self.maximum)
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


def _format_number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _scale(
    column: str,
    label: str,
    question: str,
    better: Better,
    low: str,
    high: str,
    default: int,
    help: str = "",
    required: bool = True,
) -> Measure:
    return Measure(
        column=column,
        label=label,
        question=question,
        kind="scale",
        minimum=0,
        maximum=10,
        better=better,
        low_anchor=low,
        high_anchor=high,
        default=default,
        help=help,
        unit="/10",
        required=required,
    )


_TWO_POINTS = Threshold(
    points=2,
    summary="a change of at least 2 points on the 0-10 scale",
    source="Seven Signs convention for 0-10 self-ratings",
    is_convention=True,
)

SIGNS: tuple[Sign, ...] = (
    Sign(
        key="pain",
        number=1,
        title="Less intense pain",
        short_title="Leg pain",
        meaning="The sharp, burning leg pain eases, turning into a dull ache or going away.",
        primary=_scale(
            "leg_pain",
            "Leg pain",
            "On average over the last 24 hours, how bad was the pain in your leg?",
            "lower",
            "0 = no pain",
            "10 = worst pain imaginable",
            5,
            help="Sciatica is mostly felt in the leg, so rate the leg on its own.",
        ),
        secondary=(
            _scale(
                "back_pain",
                "Back pain",
                "And your lower back, on average over the last 24 hours?",
                "lower",
                "0 = no pain",
                "10 = worst pain imaginable",
                3,
            ),
        ),
        threshold=Threshold(
            points=2,
            percent=30,
            summary="a fall of at least 2 points or at least 30 % from your baseline",
            source=cite("ostelo2008") + " (consensus on minimal important change)",
        ),
    ),
    Sign(
        key="episodes",
        number=2,
        title="Fewer pain episodes",
        short_title="Pain flare-ups",
        meaning="Constant pain becomes occasional, and whole days pass without any.",
        primary=Measure(
            column="pain_episodes",
            label="Flare-ups today",
            question="How many times did the pain flare up in the last 24 hours?",
            kind="count",
            minimum=0,
            maximum=50,
            better="lower",
            low_anchor="0 = a pain-free day",
            high_anchor="count each flare-up once",
            default=1,
            unit="flare-ups",
        ),
        threshold=Threshold(
            percent=50,
            summary="at least 50 % fewer flare-ups than at your baseline",
            source="Seven Signs convention",
            is_convention=True,
        ),
    ),
    Sign(
        key="motion",
        number=3,
        title="More range of motion",
        short_title="Bending and getting up",
        meaning="Bending forward and standing up from a chair become easier.",
        primary=_scale(
            "bending",
            "Ease of bending",
            "How easy was it to bend forward and to stand up from a chair?",
            "higher",
            "0 = could not do it",
            "10 = as easy as before the sciatica",
            5,
        ),
        secondary=(
            Measure(
                column="fingertip_floor_cm",
                label="Fingertip-to-floor distance",
                question="Standing, knees straight, bend forward: how far are your "
                "fingertips from the floor?",
                kind="decimal",
                minimum=0,
                maximum=100,
                better="lower",
                unit="cm",
                low_anchor="0 = you touch the floor",
                help="Optional. Measure with a ruler.",
                required=False,
                threshold=Threshold(
                    points=4.5,
                    summary="a change of at least 4.5 cm, the smallest change the test "
                    "reliably detects",
                    source=cite("ekedahl2012"),
                ),
            ),
        ),
        threshold=_TWO_POINTS,
    ),
    Sign(
        key="walking",
        number=4,
        title="Better walking and mobility",
        short_title="Walking",
        meaning="Walking gets easier and longer, and any limp fades.",
        primary=Measure(
            column="walk_minutes",
            label="Walking time",
            question="How many minutes could you walk in one go before leg pain made you "
            "stop (or you chose to stop)?",
            kind="minutes",
            minimum=0,
            maximum=600,
            better="higher",
            unit="min",
            low_anchor="0 = could not walk",
            high_anchor="up to 600 minutes",
            default=15,
        ),
        secondary=(
            Measure(
                column="limp",
                label="Limp",
                question="Did you limp?",
                kind="yesno",
                help="Optional.",
                required=False,
            ),
        ),
        threshold=Threshold(
            points=5,
            percent=50,
            need_both=True,
            summary="at least 50 % more and at least 5 minutes more than at your baseline",
            source="Seven Signs convention",
            is_convention=True,
        ),
    ),
    Sign(
        key="numbness",
        number=5,
        title="Less numbness or tingling",
        short_title="Numbness and tingling",
        meaning="Pins and needles or numbness in the leg, foot or toes fade as the nerve settles.",
        primary=_scale(
            "numbness",
            "Numbness or tingling",
            "How much numbness or tingling did you feel in your leg, foot or toes?",
            "lower",
            "0 = none",
            "10 = constant and severe",
            3,
        ),
        threshold=_TWO_POINTS,
    ),
    Sign(
        key="strength",
        number=6,
        title="More strength",
        short_title="Leg strength",
        meaning="The leg and lower back feel strong again.",
        primary=_scale(
            "leg_strength",
            "Leg strength",
            "How strong did your affected leg feel, compared with before the sciatica?",
            "higher",
            "0 = very weak",
            "10 = as strong as before",
            6,
        ),
        secondary=(
            Measure(
                column="chair_stands",
                label="Chair stands in 30 seconds",
                question="How many times could you stand up from a chair and sit down "
                "again in 30 seconds, arms crossed?",
                kind="count",
                minimum=0,
                maximum=60,
                better="higher",
                unit="stands",
                help="Optional. A change of about 3 stands is more than measurement error.",
                required=False,
                threshold=Threshold(
                    points=3,
                    summary="a change of at least 3 stands, more than measurement error",
                    source="Seven Signs convention (a change of about 2 to 3 stands is more "
                    "than the test's measurement error)",
                    is_convention=True,
                ),
            ),
            Measure(
                column="heel_toe_walk",
                label="Heel and toe walking",
                question="Could you walk a few steps on your heels and on your toes?",
                kind="yesno",
                help="Optional.",
                required=False,
            ),
        ),
        threshold=_TWO_POINTS,
    ),
    Sign(
        key="sleep",
        number=7,
        title="Better sleep",
        short_title="Sleep",
        meaning="Nights are no longer broken by pain, and you wake more rested.",
        primary=_scale(
            "sleep_quality",
            "Sleep quality",
            "How well did you sleep last night?",
            "higher",
            "0 = could not sleep",
            "10 = slept very well",
            5,
        ),
        secondary=(
            Measure(
                column="night_wakings",
                label="Woken by pain",
                question="How many times did pain wake you last night?",
                kind="count",
                minimum=0,
                maximum=20,
                better="lower",
                unit="times",
                low_anchor="0 = not at all",
                default=1,
                # Half a waking a night at least, so a baseline near 0 cannot make one
                # disturbed night a "real change".
                threshold=Threshold(
                    points=0.5,
                    percent=50,
                    need_both=True,
                    summary="at least 50 % fewer (or more) wakings, and at least one every "
                    "two nights",
                    source="Seven Signs convention",
                    is_convention=True,
                ),
            ),
            Measure(
                column="sleep_hours",
                label="Hours slept",
                question="About how many hours did you sleep?",
                kind="decimal",
                minimum=0,
                maximum=24,
                better="higher",
                unit="h",
                help="Optional.",
                required=False,
            ),
        ),
        threshold=_TWO_POINTS,
    ),
)

ACTIVITY_LEVELS: tuple[str, ...] = ("rest", "light", "normal", "strenuous")

CONTEXT: tuple[Measure, ...] = (
    Measure(
        column="activity",
        label="Activity today",
        question="How active were you in the last 24 hours?",
        kind="choice",
        choices=ACTIVITY_LEVELS,
        default="normal",
        help="Strenuous: heavy lifting, a long day on your feet, sport or a long drive.",
        # The form always asks; an imported spreadsheet may not have it (stored as NULL).
        required=False,
    ),
    Measure(
        column="exercises_done",
        label="Exercises done",
        question="Did you do your stretching, strengthening or aerobic exercises in the "
        "last 24 hours?",
        kind="yesno",
        default=False,
        required=False,
    ),
    Measure(
        column="notes",
        label="Notes",
        question="Anything else worth remembering?",
        kind="text",
        max_length=2000,
        required=False,
        help="Optional: what helped, what made it worse, questions for your clinician.",
    ),
)


@dataclass(frozen=True)
class RedFlag:
    """A symptom that needs urgent care, asked on every check-in."""

    column: str
    question: str


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("rf_bladder_bowel", "New trouble passing urine, or controlling your bladder or bowels"),
    RedFlag(
        "rf_saddle_numbness",
        "Numbness around your bottom (the anus), genitals or inner thighs, where you would sit "
        "on a saddle",
    ),
    RedFlag("rf_both_legs", "Sciatica, numbness or weakness in both legs"),
    RedFlag(
        "rf_worsening_weakness",
        "Leg weakness that is quickly getting worse, or a foot that has started to drag or slap "
        "the ground as you walk",
    ),
    RedFlag("rf_sexual_dysfunction", "New problems with sexual function"),
    RedFlag("rf_fever_or_injury", "Back pain with a fever, or after a bad fall or injury"),
)

SIGN_KEYS: tuple[str, ...] = tuple(sign.key for sign in SIGNS)
SIGN_MEASURES: tuple[Measure, ...] = tuple(m for sign in SIGNS for m in sign.measures)
ALL_MEASURES: tuple[Measure, ...] = SIGN_MEASURES + CONTEXT
MEASURES_BY_COLUMN: dict[str, Measure] = {m.column: m for m in ALL_MEASURES}
RED_FLAG_COLUMNS: tuple[str, ...] = tuple(flag.column for flag in RED_FLAGS)
# Every value column of a check-in, in the order used by the table, the CSV and the form.
CHECKIN_COLUMNS: tuple[str, ...] = tuple(m.column for m in ALL_MEASURES) + RED_FLAG_COLUMNS


def sign(key: str) -> Sign:
    """Return the sign with this key, or raise KeyError."""
    for candidate in SIGNS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def label_for(column: str) -> str:
    """A human label for any check-in column (measure, context or red flag)."""
    if column in MEASURES_BY_COLUMN:
        return MEASURES_BY_COLUMN[column].label
    for flag in RED_FLAGS:
        if flag.column == column:
            return "Red flag: " + flag.question
    return column.replace("_", " ").capitalize()


def _check_registry() -> None:
    # Column names end up in SQL text (identifiers cannot be parameters), so the registry
    # is the only place they come from and each must be a plain identifier.
    seen: set[str] = set()
    for column in CHECKIN_COLUMNS:
        if not _IDENTIFIER.match(column) or column in seen:
            raise ValueError(f"bad or duplicate column name in registry: {column!r}")
        seen.add(column)


_check_registry()
