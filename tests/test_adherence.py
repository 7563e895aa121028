"""Exercise days per week, from the check-in's "exercises done" answer."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import storage
from recovery.analysis import adherence
from tests.conftest import checkin

END = dt.date(2026, 11, 1)  # a Sunday: the week ending today is complete
OWNER = "someone"


def write_weeks(conn, pattern: list[bool], end: dt.date = END, owner: str = OWNER) -> None:
    """One check-in a day ending at ``end``, exercises done as the pattern says."""
    for offset, done in enumerate(reversed(pattern)):
        storage.save_checkin(
            conn, owner, end - dt.timedelta(days=offset), checkin(exercises_done=done), today=end
        )


def test_counts_exercise_days_per_calendar_week(conn):
    write_weeks(conn, [True] * 5 + [False] * 2 + [True] * 3 + [False] * 4)
    record = adherence.exercise_record(conn, OWNER, today=END)
    assert record.weeks["exercise_days"].tolist() == [5, 3]
    assert record.weeks["met_aim"].tolist() == [True, False]
    assert record.weeks["week_start"].tolist() == [dt.date(2026, 10, 19), dt.date(2026, 10, 26)]


def test_summary_over_four_full_weeks(conn):
    write_weeks(conn, ([True] * 5 + [False] * 2) * 3 + [True] * 2 + [False] * 5)
    record = adherence.exercise_record(conn, OWNER, today=END)
    assert record.sentences == [
        (
            "In the last 4 weeks you did your exercises on 17 of the 28 days with an answer: "
            "about 4.2 days a week."
        ),
        "3 of the last 4 full weeks reached your aim of 5 days.",
    ]


def test_every_week_at_the_aim_reads_as_all(conn):
    write_weeks(conn, [True] * 28)
    record = adherence.exercise_record(conn, OWNER, today=END)
    assert record.sentences[-1] == "All of the last 4 full weeks reached your aim of 5 days."


@pytest.mark.parametrize(
    ("aim", "met"),
    [
        (1, 4),  # the lowest aim: any exercise day in a week meets it
        (5, 3),
        (7, 0),  # every day: no week had seven
    ],
)
def test_the_aim_decides_which_weeks_reach_it(conn, aim, met):
    write_weeks(conn, ([True] * 5 + [False] * 2) * 3 + [True] * 2 + [False] * 5)
    record = adherence.exercise_record(conn, OWNER, aim=aim, today=END)
    assert int(record.weeks["met_aim"].sum()) == met


def test_the_current_week_is_not_judged_until_it_is_over(conn):
    wednesday = END + dt.timedelta(days=3)
    write_weeks(conn, [True] * 10, end=wednesday)
    record = adherence.exercise_record(conn, OWNER, today=wednesday)
    assert record.weeks["complete"].tolist() == [True, False]
    assert record.sentences[-1] == "Your last full week reached your aim of 5 days."


def test_missing_days_are_not_counted_as_days_off(conn):
    for ago in (0, 2, 4):
        storage.save_checkin(
            conn, OWNER, END - dt.timedelta(days=ago), checkin(exercises_done=True), today=END
        )
    record = adherence.exercise_record(conn, OWNER, today=END)
    assert record.sentences[0] == (
        "In the last 4 weeks you did your exercises on 3 of the 3 days with an answer; "
        "the other 25 days have none."
    )


def test_empty_journal_explains_where_the_weeks_come_from(conn):
    record = adherence.exercise_record(conn, OWNER, today=END)
    assert record.weeks.empty
    assert "No check-ins yet" in record.sentences[0]


@pytest.mark.parametrize("aim", [0, 8])
def test_an_aim_outside_one_to_seven_is_refused(conn, aim):
    with pytest.raises(ValueError, match="1 to 7"):
        adherence.exercise_record(conn, OWNER, aim=aim, today=END)


def test_another_owners_days_are_not_counted(conn):
    write_weeks(conn, [True] * 14, owner="someone else")
    assert adherence.exercise_record(conn, OWNER, today=END).weeks.empty


def test_the_chart_keeps_to_the_last_26_weeks(conn):
    write_weeks(conn, [True] * 7 * 30)
    weeks = adherence.exercise_record(conn, OWNER, today=END).weeks
    assert len(weeks) == 26
    assert weeks["week_start"].iloc[-1] == dt.date(2026, 10, 26)
    assert weeks["days_logged"].tolist() == [7] * 26  # the first week is whole, not cut


def test_a_day_without_an_exercise_answer_is_unknown_not_a_day_off(conn):

    end = dt.date(2026, 11, 1)
    for ago in range(14):
        answer = True if ago % 2 else None
        storage.save_checkin(
            conn, "someone", end - dt.timedelta(days=ago), checkin(exercises_done=answer), today=end
        )
    record = adherence.exercise_record(conn, "someone", today=end)
    assert record.recent_days_logged == 7
    assert record.recent_exercise_days == 7
