"""The seven signs of sciatica improvement: the one registry everything else derives from.

The check-in form, the database columns, validation, the charts, the analysis and the
explanatory text all read it. Adding a measure means adding one ``Measure`` here (and a
numbered migration for the column, which a test insists on).
"""

from __future__ import annotations

from recovery.references import cite
from recovery.signs.model import Better, Measure, Sign, Threshold


def scale_measure(
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
    """A 0-10 rating question (the kind most signs ask)."""
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
        primary=scale_measure(
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
            scale_measure(
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
            source=cite("ostelo2008") + ", consensus on minimal important change",
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
        primary=scale_measure(
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
        primary=scale_measure(
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
        primary=scale_measure(
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
        primary=scale_measure(
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


def sign(key: str) -> Sign:
    """Return the sign with this key, or raise KeyError."""
    for candidate in SIGNS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
