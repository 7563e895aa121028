"""The stage estimate: each stage reached on a hand-made journal, and too little data."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import storage
from recovery.analysis import stage
from tests.conftest import checkin
from tests.support import BAD, END, GOOD, MIDWAY, OWNER


def log(conn, first_ago: int, last_ago: int, owner: str = OWNER, **values: object) -> None:
    """One check-in a day from ``first_ago`` days before END to ``last_ago`` days before."""
    for ago in range(first_ago, last_ago - 1, -1):
        storage.save_checkin(
            conn, owner, END - dt.timedelta(days=ago), checkin(**values), today=END
        )


def estimate(conn) -> stage.StageEstimate:
    return stage.estimate_stage(conn, OWNER, today=END)


def test_an_empty_journal_is_not_enough_data(conn):
    result = estimate(conn)
    assert result.key == "insufficient_data"
    assert "There are no check-ins in the last 7 days" in result.explanation


def test_two_recent_checkins_are_not_enough(conn):
    log(conn, 30, 20, **BAD)
    log(conn, 1, 0, **MIDWAY)
    result = estimate(conn)
    assert result.key == "insufficient_data"
    assert "2 check-ins in the last 7 days" in result.explanation


def test_a_recent_week_without_a_first_week_to_compare_is_not_enough(conn):
    log(conn, 4, 0, **MIDWAY)
    result = estimate(conn)
    assert result.key == "insufficient_data"
    assert "to compare" in result.explanation


def test_nothing_improving_yet_is_early(conn):
    log(conn, 20, 0, **MIDWAY)
    result = estimate(conn)
    assert result.key == "early"
    assert result.improved == ()
    assert "No sign has clearly improved yet" in result.explanation
    assert "0 signs" not in result.explanation
    assert "6 weeks" in result.next_steps


def test_improvement_with_pain_still_severe_is_early(conn):
    log(conn, 20, 14, **{**BAD, "leg_pain": 10})
    log(conn, 6, 0, **{**MIDWAY, "leg_pain": 7})
    result = estimate(conn)
    assert result.key == "early"
    assert len(result.improved) >= 3
    assert "still severe" in result.explanation


def test_several_signs_improving_is_improving(conn):
    log(conn, 20, 14, **BAD)
    log(conn, 6, 0, **MIDWAY)
    result = estimate(conn)
    assert result.key == "improving"
    assert set(result.improved) == {"pain", "episodes", "motion", "walking", "sleep"}
    assert result.explanation.startswith("5 of the seven signs have improved")
    assert result.sign_detail == (
        "Improved since your first week: leg pain, pain flare-ups, bending and getting up, "
        "walking, and sleep. At a good level now: none."
    )


def test_low_pain_most_signs_good_and_pain_free_days_is_the_last_stage(conn):
    log(conn, 20, 14, **BAD)
    log(conn, 6, 0, **GOOD)
    result = estimate(conn)
    assert result.key == "last_stage"
    assert result.pain_free_days == 7
    assert result.recent_leg_pain == pytest.approx(1.0)
    assert result.explanation == (
        "Your leg pain averaged 1.0 out of 10 over the last 7 days, 7 of the seven signs have "
        "improved or are at a good level, and 7 of the 7 days were pain-free."
    )


def test_the_last_stage_names_the_signs_still_catching_up(conn):
    log(conn, 20, 14, **{**BAD, "leg_strength": 6})
    log(conn, 6, 0, **{**GOOD, "leg_strength": 6})
    result = estimate(conn)
    assert result.key == "last_stage"
    assert result.explanation.endswith("Still catching up: leg strength.")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # leg pain just above 2 on average is not yet the last stage
        ({"leg_pain": 3}, "improving"),
        # four pain-free days out of seven are one short
        ("four_pain_free", "improving"),
        # exactly at the limits: leg pain averaging 2 and five pain-free days
        ("limits", "last_stage"),
    ],
)
def test_last_stage_limits(conn, change, expected):
    log(conn, 20, 14, **BAD)
    if change == "four_pain_free":
        log(conn, 6, 4, **{**GOOD, "pain_episodes": 1})
        log(conn, 3, 0, **GOOD)
    elif change == "limits":
        log(conn, 6, 5, **{**GOOD, "leg_pain": 7, "pain_episodes": 1})
        log(conn, 4, 0, **{**GOOD, "leg_pain": 0})
    else:
        log(conn, 6, 0, **{**GOOD, **change})
    assert estimate(conn).key == expected


def test_four_good_weeks_is_recovered(conn):
    log(conn, 45, 35, **BAD)
    log(conn, 27, 0, **GOOD)
    result = estimate(conn)
    assert result.key == "recovered"
    assert result.weeks_all_good == 4


def test_a_thin_week_among_the_four_is_not_yet_recovered(conn):
    log(conn, 45, 35, **BAD)
    log(conn, 27, 21, **GOOD)
    log(conn, 20, 19, **GOOD)  # only two check-ins in the third week back
    log(conn, 13, 0, **GOOD)
    result = estimate(conn)
    assert result.key == "last_stage"
    assert result.weeks_all_good == 3


def test_one_sign_below_its_good_level_in_one_week_is_not_recovered(conn):
    log(conn, 45, 35, **BAD)
    log(conn, 27, 21, **{**GOOD, "sleep_quality": 6})
    log(conn, 20, 0, **GOOD)
    assert estimate(conn).key == "last_stage"


def test_another_owners_journal_is_not_used(conn):
    log(conn, 45, 35, owner="someone else", **BAD)
    log(conn, 27, 0, owner="someone else", **GOOD)
    assert estimate(conn).key == "insufficient_data"


def test_every_stage_has_a_title_rule_and_next_steps():
    assert set(stage.TITLES) == set(stage.STAGES)
    assert {key for key, _ in stage.RULES} == set(stage.STAGES)
