"""Saving many check-ins at once: all or nothing, days already taken, batches.

Every test runs on a DuckDB file and on PostgreSQL (the ``journal`` fixture).
"""

import datetime as dt

import pytest

from recovery import storage
from recovery.validation import ValidationError
from tests.conftest import TODAY, checkin


@pytest.fixture
def conn(journal):
    """This module's journal: a DuckDB file, then a PostgreSQL database."""
    return journal


def _days(count: int, end: dt.date = TODAY) -> list[dt.date]:
    return [end - dt.timedelta(days=offset) for offset in reversed(range(count))]


def test_many_check_ins_are_saved_in_one_go(conn):
    rows = [(day, checkin(leg_pain=n)) for n, day in enumerate(_days(5))]
    result = storage.save_checkins(conn, "local", rows, batch="import-1")
    assert (result.saved, result.replaced) == (5, 0)
    frame = storage.load_checkins(conn, "local")
    assert frame["leg_pain"].tolist() == [0, 1, 2, 3, 4]
    assert storage.count_batch(conn, "local", "import-1") == 5


def test_optional_values_left_empty_stay_empty(conn):
    rows = [
        (TODAY, checkin(fingertip_floor_cm=12.5, limp=True)),
        (TODAY - dt.timedelta(days=1), checkin()),
    ]
    storage.save_checkins(conn, "local", rows)
    assert storage.get_checkin(conn, "local", TODAY)["fingertip_floor_cm"] == 12.5
    assert storage.get_checkin(conn, "local", TODAY - dt.timedelta(days=1))["limp"] is None


def test_one_bad_row_saves_nothing_and_names_the_row(conn):
    rows = [(day, checkin()) for day in _days(3)]
    rows[1] = (rows[1][0], checkin(leg_pain=12))
    with pytest.raises(ValidationError, match="row 2: leg_pain"):
        storage.save_checkins(conn, "local", rows)
    assert storage.journal_summary(conn, "local").days_logged == 0


def test_the_same_day_twice_is_refused(conn):
    with pytest.raises(ValidationError, match="appears twice"):
        storage.save_checkins(conn, "local", [(TODAY, checkin()), (TODAY, checkin())])


def test_days_already_in_the_journal_are_kept_safe_unless_replacing(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=9))
    rows = [(day, checkin(leg_pain=1)) for day in _days(3)]
    with pytest.raises(storage.DaysTakenError) as caught:
        storage.save_checkins(conn, "local", rows, batch="b")
    assert caught.value.days == [TODAY]
    assert "Nothing was saved" in str(caught.value)
    assert storage.journal_summary(conn, "local").days_logged == 1
    result = storage.save_checkins(conn, "local", rows, batch="b", replace=True)
    assert result.replaced == 1
    assert storage.get_checkin(conn, "local", TODAY)["leg_pain"] == 1


def test_superseding_a_batch_replaces_its_earlier_rows_only(conn):
    storage.save_checkins(conn, "local", [(day, checkin()) for day in _days(4)], batch="b")
    shorter = [(day, checkin(leg_pain=2)) for day in _days(2)]
    result = storage.save_checkins(conn, "local", shorter, batch="b", supersede_batch=True)
    assert (result.saved, result.superseded) == (2, 4)
    assert storage.count_batch(conn, "local", "b") == 2


def test_another_owners_days_do_not_count_as_taken(conn):
    storage.save_checkin(conn, "bob", TODAY, checkin())
    storage.save_checkins(conn, "alice", [(TODAY, checkin())])
    assert storage.journal_summary(conn, "alice").days_logged == 1
