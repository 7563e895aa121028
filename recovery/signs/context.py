"""What else a check-in asks (activity, exercise, notes): context for a day, not a sign."""

from __future__ import annotations

from recovery.signs.model import Measure

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
