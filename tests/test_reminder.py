"""The daily reminder: a calendar file any calendar reads, holding a time and nothing else."""

import datetime as dt

import icalendar
import pytest

from recovery import owners, storage
from recovery.reminder import SUMMARY, reminder_ics
from tests.conftest import TODAY, checkin

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def _event(ics: str):
    calendar = icalendar.Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_the_file_is_a_daily_event_at_the_chosen_time_with_an_alarm():
    calendar, event = _event(reminder_ics(dt.time(20, 15), dt.date(2026, 3, 1), NOW))
    assert calendar["VERSION"] == "2.0" and "Seven Signs" in str(calendar["PRODID"])
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 1, 20, 15)  # floating: local time
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event.decoded("DURATION") == dt.timedelta(minutes=5)
    assert str(event["SUMMARY"]) == SUMMARY
    (alarm,) = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == dt.timedelta(0)
    assert event.decoded("DTSTAMP") == NOW


def test_every_line_ends_in_crlf_and_none_is_longer_than_75_octets():
    ics = reminder_ics(dt.time(7, 0), dt.date(2026, 3, 1), NOW)
    lines = ics.split("\r\n")
    assert lines[-1] == "" and "\n" not in "".join(lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "check-in: seven quick questions about the last 24 hours" in ics.replace("\r\n ", "")


@pytest.mark.parametrize("at", [dt.time(0, 0), dt.time(23, 45), dt.time(6, 30, 59)])
def test_any_time_of_day_is_kept_to_the_minute(at):
    _, event = _event(reminder_ics(at, dt.date(2028, 2, 29), NOW))
    assert event.decoded("DTSTART").time() == at.replace(second=0)


def test_the_file_never_holds_the_link_or_anything_from_a_journal(app, db_path):
    token = owners.new_link_token(b"k" * 32)
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, storage.LOCAL_OWNER, TODAY, checkin(notes="private words"))
    conn.close()
    at = app.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    button = next(b for b in at.get("download_button") if b.key == "data_reminder_ics")
    assert button.proto.label == "Add a daily reminder to my calendar (.ics)"
    ics = reminder_ics(at.time_input(key="data_reminder_at").value, TODAY, NOW)
    for private in (token, "journal=", "http", "private words", str(db_path), "leg"):
        assert private not in ics
    # Made from the time and the day alone: the same for any journal.
    assert _event(ics)[1].decoded("DTSTART") == dt.datetime.combine(TODAY, dt.time(20, 0))
