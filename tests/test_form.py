"""Where the check-in form starts: the day's own entry, else the last one, else unanswered."""

import datetime as dt

from recovery import example, form, storage
from tests.conftest import TODAY, checkin

YESTERDAY = TODAY - dt.timedelta(days=1)


def test_an_empty_journal_starts_with_every_question_unanswered(conn):
    start = form.starting_values(conn, "local", TODAY)
    assert start.existing is False and start.copied_from is None
    assert all(start.values[m.column] is None for m in form.REQUIRED)
    unanswered = form.unanswered(start.values)
    # Every question, in the order the form asks them: the seven signs first.
    assert set(unanswered) == set(form.REQUIRED) and unanswered[:7] == list(form.PRIMARY)


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
    assert form.unanswered(start.values) == []


def test_a_day_already_logged_starts_from_its_own_answers(conn):
    storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=4, notes="ok"))
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2))
    start = form.starting_values(conn, "local", YESTERDAY)
    assert start.existing is True
    assert start.values["leg_pain"] == 4 and start.values["notes"] == "ok"


def test_example_days_are_never_taken_for_the_persons_answers(conn):
    long_ago = TODAY - dt.timedelta(days=200)
    storage.save_checkin(conn, "local", long_ago, checkin(leg_pain=8), today=TODAY)
    example.load_example(conn, "local", end=YESTERDAY, today=TODAY)
    # Yesterday holds the example: today starts from the person's own last check-in.
    start = form.starting_values(conn, "local", TODAY)
    assert start.copied_from == long_ago and start.values["leg_pain"] == 8
    # An example day itself is not "already checked in".
    on_example_day = form.starting_values(conn, "local", YESTERDAY)
    assert on_example_day.existing is False


def test_saving_over_an_example_day_makes_it_the_persons_own(conn):
    example.load_example(conn, "local", end=TODAY, today=TODAY)
    result = storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=1), today=TODAY)
    assert result.replaced is False, "nothing of the person's was replaced"
    row = storage.checkin_records(conn, "local", TODAY, TODAY)[0]
    assert row["batch"] is None and row["leg_pain"] == 1
    assert storage.count_batch(conn, "local", storage.EXAMPLE_BATCH) == example.DEFAULT_DAYS - 1


def test_a_day_back_filled_long_ago_starts_from_the_check_in_before_it(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2), today=TODAY)
    earlier = TODAY - dt.timedelta(days=400)
    storage.save_checkin(conn, "local", earlier, checkin(leg_pain=8), today=TODAY)
    start = form.starting_values(conn, "local", earlier + dt.timedelta(days=10))
    assert start.copied_from == earlier and start.values["leg_pain"] == 8
    # Before the first check-in there is nothing to start from: blank, never today's answers.
    first = form.starting_values(conn, "local", earlier - dt.timedelta(days=5))
    assert first.copied_from is None and first.values["leg_pain"] is None
