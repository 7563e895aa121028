"""Flare-ups and medicines in the journal: saved per owner, checked, and covered by every
per-owner operation (delete, new link, revocation, the example batch, kiosk clean-up)."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import example, storage
from recovery.analysis import flares as flare_days
from recovery.validation import ValidationError
from tests.conftest import TODAY, checkin

NOW = dt.datetime.combine(TODAY, dt.time(18, 30))
FIRST = dt.date(2000, 1, 1)


def _flare(conn, owner="local", **values):
    defaults = {"started_at": NOW - dt.timedelta(hours=2), "severity": 6, "trigger": "sitting"}
    return storage.add_flare(conn, owner, {**defaults, **values}, now=NOW)


def _medicine(conn, owner="local", kind="regular"):
    return storage.add_medicine(conn, owner, {"name": "Naproxen", "dose": "250 mg", "kind": kind})


def _everything(conn, owner):
    return (
        storage.flare_records(conn, owner),
        storage.list_medicines(conn, owner),
        storage.dose_records(conn, owner),
    )


def test_a_flare_up_is_read_back_by_its_owner_only(conn):
    _flare(conn, helped=["stretch", "heat"], helped_other="warm bath", minutes=15)
    (saved,) = storage.flare_records(conn, "local")
    assert saved["helped"] == "stretch;heat" and saved["minutes"] == 15
    assert saved["day"] == TODAY and saved["helped_other"] == "warm bath"
    assert storage.flare_records(conn, "someone-else") == []
    assert storage.count_on_day(conn, "local", TODAY) == 1


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"severity": 11}, "from 0 to 10"),  # off the scale
        ({"severity": 2.5}, "whole number"),  # a half point is not on the scale
        ({"severity": True}, "whole number"),  # a tick box is not a score
        ({"trigger": "gardening"}, "must be one of"),  # not on the list
        ({"minutes": -5}, "whole minutes"),
        ({"helped": ["magic"]}, "what helped must be from"),
        ({"started_at": NOW + dt.timedelta(days=2)}, "in the future"),
        ({"started_at": "yesterday"}, "date and time"),
        ({"note": "x" * 2001}, "longer than"),
    ],
)
def test_a_bad_flare_up_is_refused_with_a_plain_reason_and_nothing_saved(conn, values, words):
    with pytest.raises(ValidationError) as raised:
        _flare(conn, **values)
    assert words in str(raised.value)
    assert storage.flare_records(conn, "local") == []


def test_a_flare_up_can_be_edited_and_deleted_only_by_its_owner(conn):
    flare_id = _flare(conn)
    changed = {"started_at": NOW - dt.timedelta(days=1), "severity": 9, "trigger": "lifting"}
    assert not storage.edit_flare(conn, "other", flare_id, changed, now=NOW)
    assert not storage.delete_flare(conn, "other", flare_id)
    assert storage.edit_flare(conn, "local", flare_id, changed, now=NOW)
    (saved,) = storage.flare_records(conn, "local")
    assert saved["severity"] == 9 and saved["day"] == TODAY - dt.timedelta(days=1)
    assert storage.delete_flare(conn, "local", flare_id)
    assert storage.flare_records(conn, "local") == []


def test_deleting_a_journal_removes_its_flare_ups_and_medicines_and_refuses_later_writes(conn):
    medicine = _medicine(conn)
    storage.save_day_doses(conn, "local", TODAY, {medicine: True})
    _flare(conn, medicine_id=medicine, medicine_at=NOW)
    _flare(conn, owner="neighbour")
    storage.delete_owner(conn, "local", revoke=True)
    assert _everything(conn, "local") == ([], [], [])
    assert len(storage.flare_records(conn, "neighbour")) == 1
    with pytest.raises(storage.RevokedOwnerError):
        _flare(conn)
    with pytest.raises(storage.RevokedOwnerError):
        _medicine(conn)
    with pytest.raises(storage.RevokedOwnerError):
        storage.save_day_doses(conn, "local", TODAY, {medicine: True})


def test_a_new_link_takes_the_flare_ups_and_medicines_along(conn):
    storage.save_checkin(conn, "old", TODAY, checkin())
    medicine = _medicine(conn, "old")
    storage.save_day_doses(conn, "old", TODAY, {medicine: True})
    _flare(conn, "old", medicine_id=medicine, medicine_at=NOW)
    before = _everything(conn, "old")
    storage.move_owner(conn, "old", "new")
    assert _everything(conn, "new") == before
    assert _everything(conn, "old") == ([], [], [])
    with pytest.raises(storage.RevokedOwnerError):
        _flare(conn, "old")


def test_a_journal_with_only_a_flare_up_counts_as_started(conn):
    assert not storage.owner_has_checkins(conn, "local")
    _flare(conn)
    assert storage.owner_has_checkins(conn, "local")


def test_removing_the_example_removes_its_flare_ups_and_medicines_but_not_the_persons(conn):
    example.load_example(conn, "local", end=TODAY - dt.timedelta(days=1), today=TODAY)
    assert len(storage.flare_records(conn, "local")) > 20
    assert {m["kind"] for m in storage.list_medicines(conn, "local")} == {"regular", "as_needed"}
    mine = _flare(conn)
    storage.delete_batch(conn, "local", storage.EXAMPLE_BATCH)
    assert [r["id"] for r in storage.flare_records(conn, "local")] == [mine]
    assert storage.list_medicines(conn, "local") == []
    assert storage.dose_records(conn, "local") == []


def test_abandoned_kiosk_visits_lose_their_flare_ups_too(conn):
    example.load_example(conn, "kiosk-a", end=TODAY, today=TODAY)
    _flare(conn, "kiosk-a")
    later = dt.datetime.now() + dt.timedelta(days=2)
    storage.delete_abandoned_visits(conn, "kiosk-", dt.timedelta(hours=1), now=later)
    assert _everything(conn, "kiosk-a") == ([], [], [])


def test_the_daily_row_starts_from_the_last_answered_day(conn):
    regular = _medicine(conn)
    storage.save_day_doses(conn, "local", TODAY - dt.timedelta(days=3), {regular: True})
    assert storage.doses_to_start_from(conn, "local", TODAY) == ({regular: True}, False)
    storage.save_day_doses(conn, "local", TODAY, {regular: False})
    assert storage.doses_to_start_from(conn, "local", TODAY) == ({regular: False}, True)


def test_the_per_day_reads_for_comparing_factors(conn):
    regular = _medicine(conn)
    as_needed = _medicine(conn, kind="as_needed")
    yesterday = TODAY - dt.timedelta(days=1)
    storage.save_day_doses(conn, "local", yesterday, {regular: False})
    storage.save_day_doses(conn, "local", TODAY, {regular: True})
    _flare(conn, trigger="sitting")
    _flare(conn, trigger="sitting", severity=8, medicine_id=as_needed, medicine_at=NOW)
    _flare(conn, trigger="bending", started_at=dt.datetime.combine(yesterday, dt.time(9)))
    triggers = flare_days.flare_trigger_days(conn, "local", FIRST, TODAY)
    assert triggers.to_dict("records") == [
        {"day": yesterday, "trigger": "bending", "count": 1},
        {"day": TODAY, "trigger": "sitting", "count": 2},
    ]
    taken = flare_days.medicine_days(conn, "local", FIRST, TODAY)
    found = sorted((r["day"], r["medicine_id"], r["taken"]) for r in taken.to_dict("records"))
    expected = [(yesterday, regular, False), (TODAY, as_needed, True), (TODAY, regular, True)]
    assert found == sorted(expected)
    by_day = flare_days.flares_by_day(conn, "local", FIRST, TODAY)
    assert by_day.to_dict("records")[-1] == {"day": TODAY, "flares": 2, "worst": 8}
    assert flare_days.flare_trigger_days(conn, "other", FIRST, TODAY).empty


def test_the_example_has_sitting_flare_ups_early_two_medicines_and_a_planted_pattern():
    from recovery.example_flares import example_flares, example_medicines

    rows = example.example_days(TODAY)
    flares = example_flares(rows)
    early = [f for f in flares if f["started_at"].date() < rows[28][0]]
    later = [f for f in flares if f["started_at"].date() >= rows[28][0]]
    share = [sum(f["trigger"] == "sitting" for f in part) / len(part) for part in (early, later)]
    assert share[0] > 0.4 > share[1]  # sitting sets off most flare-ups early on only
    for day, values in rows:  # never more logged than the day's own count
        assert sum(f["started_at"].date() == day for f in flares) <= values["pain_episodes"]
    medicines, doses = example_medicines(rows)
    assert sorted(m["kind"] for m in medicines) == ["as_needed", "regular"]
    assert any(f["medicine_id"] == "example-as-needed" for f in flares)
    assert sum(d["taken"] for d in doses[:42]) > 30 and not any(d["taken"] for d in doses[42:])
    # The planted pattern: leg pain lower on a day after the exercises were done. Compared
    # within the later weeks, where the course of recovery changes slowly.
    after, not_after = [], []
    for (_, before), (_, values) in zip(rows[35:], rows[36:], strict=False):
        (after if before["exercises_done"] else not_after).append(values["leg_pain"])
    assert sum(not_after) / len(not_after) - sum(after) / len(after) > 0.8
    assert example.EXERCISE_EFFECT == 1.5
