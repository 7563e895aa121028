"""The stage rules on their own: weekly numbers and verdicts in, a stage out; no database.

Each row is one person's situation written as data (as datasette's tests do), so a rule that
changes shows up as the rows it moves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from recovery.analysis.stage import Week, decide
from recovery.signs import SIGN_KEYS

TODAY = dt.date(2026, 11, 1)
# Sign means per sign key: all seven at a good level, and all seven part-way there.
GOOD = {
    "pain": 1,
    "episodes": 0,
    "motion": 9,
    "walking": 45,
    "numbness": 1,
    "strength": 9,
    "sleep": 8,
}
MIDWAY = {
    "pain": 4,
    "episodes": 2,
    "motion": 6,
    "walking": 25,
    "numbness": 5,
    "strength": 5,
    "sleep": 5,
}


def weeks(days: int = 7, pain_free: int = 0, means: dict | None = None, good_weeks: int = 1):
    """Week 0 as given; the weeks before it all good (``good_weeks`` in all) or part-way."""
    recent = Week(0, days, pain_free, dict(MIDWAY if means is None else means))
    earlier = {
        i: Week(i, 7, 7 if i < good_weeks else 0, dict(GOOD if i < good_weeks else MIDWAY))
        for i in range(1, 4)
    }
    return {0: recent, **earlier}


def verdicts(improved: int = 0, worse: tuple[str, ...] = (), compared: int = 7) -> dict[str, str]:
    """The first ``improved`` signs improved, ``worse`` worse, the rest no change, and only
    the first ``compared`` signs with enough days for a verdict at all."""
    out = {}
    for number, key in enumerate(SIGN_KEYS):
        if number >= compared:
            out[key] = "insufficient_data"
        elif key in worse:
            out[key] = "worse"
        elif number < improved:
            out[key] = "improved"
        else:
            out[key] = "no_change"
    return out


CASES = [
    # (situation, weeks, verdicts, stage)
    ("two check-ins this week", weeks(days=2), verdicts(improved=5), "insufficient_data"),
    ("no check-in this week", weeks(days=0), verdicts(), "insufficient_data"),
    (
        "four weeks with every sign at a good level",
        weeks(pain_free=7, means=GOOD, good_weeks=4),
        verdicts(improved=7),
        "recovered",
    ),
    ("two signs worse", weeks(), verdicts(improved=3, worse=("walking", "sleep")), "worsening"),
    (
        "strength worse, all else better",
        weeks(),
        verdicts(improved=6, worse=("strength",)),
        "worsening",
    ),
    ("one sign worse, nothing better", weeks(), verdicts(worse=("pain",)), "worsening"),
    ("one sign worse, three better", weeks(), verdicts(improved=4, worse=("sleep",)), "improving"),
    (
        "low pain, five signs better, five pain-free days",
        weeks(pain_free=5, means={**MIDWAY, "pain": 1.5}),
        verdicts(improved=5),
        "last_stage",
    ),
    (
        "low pain and better, but four pain-free days",
        weeks(pain_free=4, means={**MIDWAY, "pain": 1.5}),
        verdicts(improved=5),
        "improving",
    ),
    ("three signs with a verdict", weeks(), verdicts(improved=2, compared=3), "insufficient_data"),
    ("three signs better, moderate pain", weeks(), verdicts(improved=3), "improving"),
    (
        "three signs better, pain still severe",
        weeks(means={**MIDWAY, "pain": 7.5}),
        verdicts(improved=3),
        "early",
    ),
    ("two signs better", weeks(), verdicts(improved=2), "early"),
    ("nothing moving yet", weeks(), verdicts(), "early"),
]


@pytest.mark.parametrize(
    ("situation", "week_data", "sign_verdicts", "stage"), CASES, ids=[c[0] for c in CASES]
)
def test_each_situation_gets_its_stage(situation, week_data, sign_verdicts, stage):
    assert decide(week_data, sign_verdicts, TODAY).key == stage


def test_the_stage_says_which_signs_are_worse_and_how_many_improved():
    estimate = decide(weeks(), verdicts(improved=3, worse=("walking", "sleep")), TODAY)
    assert estimate.worse == ("walking", "sleep")
    assert "Walking and sleep are clearly worse" in estimate.explanation
    assert "3 signs improved" in estimate.explanation


def test_the_recovered_advice_on_logging_agrees_with_the_rule_that_keeps_the_stage():
    from recovery.analysis.stage import MIN_RECENT_CHECKINS
    from recovery.text import guide

    advice = " ".join(guide.keyed_texts("stages")["recovered"].split())
    assert f"at least {MIN_RECENT_CHECKINS} check-ins in each week" in advice
    assert "once a week" not in advice
