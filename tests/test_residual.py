"""The residual-symptom comparison: the day after a strenuous day against other days."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import storage
from recovery.analysis import residual
from tests.conftest import checkin

END = dt.date(2026, 11, 1)
OWNER = "someone"


def write_days(conn, days: list[tuple[int, str, int]], owner: str = OWNER) -> None:
    """Save (days before END, activity, numbness) check-ins; leg pain follows numbness."""
    for ago, activity, numbness in days:
        storage.save_checkin(
            conn,
            owner,
            END - dt.timedelta(days=ago),
            checkin(activity=activity, numbness=numbness, leg_pain=max(numbness - 1, 0)),
            today=END,
        )


def alternating(count: int, strenuous_every: int = 4) -> list[tuple[int, str, int]]:
    """Consecutive days; every 4th is strenuous and the day after it has numbness 4, else 2."""
    rows = []
    for ago in range(count - 1, -1, -1):
        index = count - 1 - ago
        activity = "strenuous" if index % strenuous_every == 0 else "normal"
        after = index % strenuous_every == 1
        rows.append((ago, activity, 4 if after else 2))
    return rows


def test_tingling_is_higher_the_day_after_strenuous_activity(conn):
    write_days(conn, alternating(28))
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    assert pattern.enough_data
    assert pattern.days_after_strenuous == 7
    assert pattern.other_days == 20  # the window's first day has no logged day before it
    numbness = pattern.gaps[0]
    assert numbness.difference == pytest.approx(2.0)
    assert pattern.sentences[0] == (
        "Numbness or tingling is on average 2.0 points higher on the day after strenuous "
        "activity than on other days."
    )


def test_chart_frame_has_a_bar_per_measure_and_group(conn):
    write_days(conn, alternating(28))
    frame = residual.residual_pattern(conn, OWNER, today=END).frame()
    assert len(frame) == 4
    after = frame[(frame["group"] == residual.AFTER) & (frame["measure"] == "Numbness or tingling")]
    assert after["mean"].iloc[0] == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("days", "after", "other", "enough"),
    [
        # an empty journal
        ([], 0, 0, False),
        # two strenuous days are not yet a pattern
        (
            [
                (5, "strenuous", 2),
                (4, "normal", 4),
                (3, "strenuous", 2),
                (2, "normal", 4),
                (1, "normal", 2),
                (0, "normal", 2),
            ],
            2,
            3,
            False,
        ),
        # a day counts only if the day before it was logged (days 5 and 2 were not)
        (
            [
                (6, "strenuous", 2),
                (4, "normal", 5),
                (3, "strenuous", 2),
                (1, "strenuous", 2),
                (0, "normal", 4),
            ],
            1,
            1,
            False,
        ),
        # strenuous days older than 4 weeks are outside the recent window
        (
            [
                (40, "strenuous", 2),
                (39, "normal", 5),
                (38, "strenuous", 2),
                (37, "normal", 5),
                (36, "strenuous", 2),
                (35, "normal", 5),
                (2, "normal", 2),
                (1, "normal", 2),
                (0, "normal", 2),
            ],
            0,
            2,
            False,
        ),
        # three of each is just enough
        (
            [
                (6, "strenuous", 2),
                (5, "strenuous", 4),
                (4, "strenuous", 4),
                (3, "normal", 4),
                (2, "normal", 2),
                (1, "normal", 2),
                (0, "normal", 2),
            ],
            3,
            3,
            True,
        ),
    ],
)
def test_too_few_days_means_no_verdict(conn, days, after, other, enough):
    write_days(conn, days)
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    assert (pattern.days_after_strenuous, pattern.other_days) == (after, other)
    assert pattern.enough_data is enough
    if not enough:
        assert "points" not in " ".join(pattern.sentences)


def test_too_few_strenuous_days_says_how_to_mark_them(conn):
    write_days(conn, [(ago, "normal", 2) for ago in range(10)])
    sentences = residual.residual_pattern(conn, OWNER, today=END).sentences
    assert sentences[0].startswith("None of the days in the last 4 weeks followed a strenuous day")
    assert "Activity today" in sentences[0]


def test_similar_days_read_as_about_the_same(conn):
    write_days(conn, [(ago, "strenuous" if ago % 2 else "normal", 3) for ago in range(12)])
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    assert pattern.enough_data
    assert "about the same" in pattern.sentences[0]


def test_another_owners_days_are_not_counted(conn):
    write_days(conn, alternating(28), owner="someone else")
    write_days(conn, [(0, "normal", 2)])
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    assert (pattern.days_after_strenuous, pattern.other_days) == (0, 0)


def test_a_day_whose_activity_was_not_recorded_is_left_out_not_counted_as_rest(conn):
    write_days(conn, [(ago, None, 2) for ago in range(28)])
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    assert pattern.other_days == 0 and pattern.days_after_strenuous == 0
