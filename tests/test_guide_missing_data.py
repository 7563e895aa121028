"""Each guide section says what is missing: no check-ins, not recorded, or too few days."""

from __future__ import annotations

import datetime as dt

from recovery import storage
from recovery.analysis import adherence, residual
from tests.conftest import TODAY, checkin

OWNER = "someone"


def _log(conn, days: int, **values) -> None:
    for back in range(days):
        storage.save_checkin(
            conn, OWNER, TODAY - dt.timedelta(days=back), checkin(**values), today=TODAY
        )


def test_exercises_no_check_ins(conn):
    said = " ".join(adherence.exercise_record(conn, OWNER, today=TODAY).sentences)
    assert "No check-ins yet" in said


def test_exercises_not_recorded_on_29_consecutive_check_ins(conn):
    _log(conn, 29, exercises_done=None, activity=None)
    said = " ".join(adherence.exercise_record(conn, OWNER, today=TODAY).sentences)
    assert "Exercises were not recorded on any of your 28 check-ins" in said
    assert "No check-ins" not in said
    assert "reached your aim" not in said and "reach your aim" not in said


def test_exercises_recorded_on_a_few_days(conn):
    _log(conn, 2, exercises_done=True)
    said = " ".join(adherence.exercise_record(conn, OWNER, today=TODAY).sentences)
    assert "you did your exercises on 2 of the 2 days with an answer" in said


def test_residual_no_check_ins(conn):
    assert residual.residual_pattern(conn, OWNER, today=TODAY).sentences == [
        "No check-ins in the last 4 weeks."
    ]


def test_residual_activity_not_recorded(conn):
    _log(conn, 29, exercises_done=None, activity=None)
    said = " ".join(residual.residual_pattern(conn, OWNER, today=TODAY).sentences)
    assert "Activity was not recorded on any of your 28 check-ins" in said
    assert "consecutive days" not in said


def test_residual_too_few_consecutive_days(conn):
    for back in (0, 5):  # two days, never one after the other
        storage.save_checkin(
            conn, OWNER, TODAY - dt.timedelta(days=back), checkin(activity="normal"), today=TODAY
        )
    said = " ".join(residual.residual_pattern(conn, OWNER, today=TODAY).sentences)
    assert "Not enough check-ins on consecutive days" in said
