"""Where the check-in form starts: the day's own entry, else yesterday's answers."""

import datetime as dt

from recovery import form, storage
from tests.conftest import TODAY, checkin

YESTERDAY = TODAY - dt.timedelta(days=1)


def test_an_empty_journal_starts_from_the_registry_defaults(conn):
    start = form.starting_values(conn, "local", TODAY)
    assert start.existing is False and start.copied_from is None
    assert start.values == form.defaults()


def test_a_new_day_starts_from_the_last_check_in_but_not_its_notes_or_red_flags(conn):
    storage.save_checkin(
        conn,
        "local",
        YESTERDAY,
        checkin(
            leg_pain=4, activity="strenuous", notes="gardening", rf_both_legs=True, chair_stands=9
        ),
    )
    start = form.starting_values(conn, "local", TODAY)
    assert start.existing is False and start.copied_from == YESTERDAY
    assert start.values["leg_pain"] == 4
    assert start.values["chair_stands"] == 9
    assert start.values["activity"] == "strenuous"
    assert start.values["notes"] is None
    assert start.values["rf_both_legs"] is False


def test_a_day_already_logged_starts_from_its_own_answers(conn):
    storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=4, notes="ok"))
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2))
    start = form.starting_values(conn, "local", YESTERDAY)
    assert start.existing is True
    assert start.values["leg_pain"] == 4 and start.values["notes"] == "ok"
