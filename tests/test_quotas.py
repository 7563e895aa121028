"""Quotas that keep a shared store alive: days per journal, journals and imports per hour."""

import datetime as dt

import pytest

from recovery import storage, transfer
from recovery.quotas import HourlyQuota
from tests.conftest import TODAY, checkin
from tests.support import csv_text, row


def test_an_hourly_quota_slides_and_keeps_addresses_apart():
    quota = HourlyQuota(2, window=3600)
    assert quota.take("a", now=0) and quota.take("a", now=10)
    assert not quota.take("a", now=20)  # the third within the hour
    assert quota.take("b", now=20)  # another address has its own
    assert quota.take("a", now=3601)  # the first has left the hour


def test_a_journal_holds_at_most_its_cap_of_days_however_they_arrive(conn, monkeypatch):
    monkeypatch.setattr("recovery.storage.cursors.MAX_JOURNAL_DAYS", 3)
    days = [TODAY - dt.timedelta(days=n) for n in range(4)]
    storage.save_checkins(conn, "link:a", [(day, checkin()) for day in days[:2]])
    with pytest.raises(storage.JournalFullError, match="at most 3 days"):
        storage.save_checkins(conn, "link:a", [(day, checkin()) for day in days[2:]])
    storage.save_checkin(conn, "link:a", days[2], checkin())  # the third fits
    with pytest.raises(storage.JournalFullError):
        storage.save_checkin(conn, "link:a", days[3], checkin())
    storage.save_checkin(conn, "link:a", days[0], checkin(leg_pain=1))  # updating a day does
    assert len(storage.load_checkins(conn, "link:a")) == 3
    parsed = transfer.read_file(csv_text([row(days[3])]).encode(), "x.csv", today=TODAY)
    with pytest.raises(storage.JournalFullError):
        transfer.apply_import(conn, "link:a", parsed, replace=False, today=TODAY)
