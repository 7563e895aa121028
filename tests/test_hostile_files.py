"""Hostile uploads on a public link are refused before per-item work, in one plain message.

How long each takes and how much memory it needs is measured by bench/bench_hostile.py;
these tests pin what a visitor is told and that nothing of the file is kept.
"""

import datetime as dt
import json

import pytest

from recovery import storage, transfer
from recovery.transfer.checks import MAX_HINTS
from recovery.transfer.limits import too_many_rows_message
from tests.conftest import checkin
from tests.support import DAY1, csv_text, row

HEADER = f'{{"format": "seven-signs-journal", "schema_version": {storage.SCHEMA_VERSION}, '


def _backup(days: str) -> bytes:
    return (HEADER + '"checkins": [' + days + "]}").encode()


def _messages(parsed) -> list[str]:
    return [p.message for p in parsed.problems]


def test_a_csv_header_of_100000_made_up_names_is_refused_in_one_message():
    data = (",".join(f"c{n}" for n in range(100_000)) + "\n1,2\n").encode()
    parsed = transfer.read_file(data, "wide.csv")
    assert not parsed.rows
    assert _messages(parsed) == [
        f"The first line names 100,000 columns; a Seven Signs CSV has at most "
        f"{len(transfer.CSV_COLUMNS)} (the template on this page shows them)."
    ]


def test_only_the_first_few_unknown_names_get_a_suggestion():
    good = csv_text([row(DAY1)]).splitlines()
    names = good[0] + "," + ",".join(f"leg_pian{n}" for n in range(15))
    parsed = transfer.read_file((names + "\n" + good[1] + "\n").encode(), "x.csv")
    suggested = [m for m in _messages(parsed) if "did you mean" in m]
    assert 0 < len(suggested) <= MAX_HINTS
    assert parsed.problem_count == 15  # every name is still reported


def test_a_day_with_50000_made_up_keys_is_refused_before_its_keys_are_looked_at():
    day = json.dumps({f"k{n}": 0 for n in range(50_000)})
    parsed = transfer.read_file(_backup(day), "keys.json")
    (message,) = _messages(parsed)
    assert message.startswith("This is not a Seven Signs backup: day 1 has 50,000 fields")


def test_a_backup_of_millions_of_empty_days_is_refused_at_the_row_limit():
    parsed = transfer.read_file(_backup(",".join(["{}"] * 2_000_000)), "empty.json")
    assert _messages(parsed) == [too_many_rows_message()]


def test_a_day_holding_a_long_list_is_refused_before_it_is_decoded():
    day = '{"date": "2026-01-05", "notes": [' + "0," * 1_000_000 + "0]}"
    (message,) = _messages(transfer.read_file(_backup(day), "list.json"))
    assert message.startswith("This is not a Seven Signs backup: day 1 is not what a backup")


def test_a_top_level_field_a_backup_does_not_have_is_refused_before_its_value():
    data = (HEADER + '"padding": [' + "0," * 1_000_000 + '0], "checkins": []}').encode()
    (message,) = _messages(transfer.read_file(data, "padded.json"))
    assert 'it has a field "padding" that a backup does not have' in message


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("batch", "x" * 1_000_000, "This is not a Seven Signs backup: day 1 is not what"),
        ("batch", "mine", "batch must be empty"),
        ("created_at", "2999-01-01T00:00:00", "created_at is in the future"),
        ("updated_at", "2999-01-01T00:00:00", "updated_at is in the future"),
    ],
)
def test_batch_labels_and_time_stamps_are_the_apps_own(conn, field, value, words):
    storage.save_checkin(conn, "local", DAY1, checkin())
    backup = json.loads(transfer.export_json(conn, "local"))
    backup["checkins"][0][field] = value
    parsed = transfer.read_file(json.dumps(backup).encode(), "edited.json")
    assert not parsed.ok
    assert any(m.startswith(words) for m in _messages(parsed)), _messages(parsed)
    assert all(len(p.value) <= 80 for p in parsed.problems)  # no 1 MB cell in the table


@pytest.mark.parametrize("label", [None, "example", "import 2026-03-31 08:15:00"])
def test_the_apps_own_batch_labels_are_accepted(conn, label):
    storage.save_checkin(conn, "local", DAY1, checkin(), batch=label)
    parsed = transfer.read_file(transfer.export_json(conn, "local").encode(), "mine.json")
    assert parsed.ok, parsed.problems
    assert parsed.stamps[0].batch == label


def test_an_export_still_round_trips_through_the_day_by_day_reader(conn):
    for n in range(30):
        storage.save_checkin(
            conn, "local", DAY1 - dt.timedelta(days=n), checkin(notes='say "hi", {x}')
        )
    parsed = transfer.read_file(transfer.export_json(conn, "local").encode(), "all.json")
    assert parsed.ok and len(parsed.rows) == 30
    assert {values["notes"] for _, values in parsed.rows} == {'say "hi", {x}'}
