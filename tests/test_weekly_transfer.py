"""Weekly rows in the JSON backup: a round trip loses nothing, old backups restore, bad ones
are refused in plain words and write nothing."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from recovery import example, storage, transfer
from recovery.signs import weekly as items
from tests.conftest import TODAY, checkin

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _journal(conn, owner="local"):
    example.load_example(conn, owner, today=TODAY)
    drive = storage.add_activity(conn, owner, "Drive to work", TODAY)
    storage.save_weekly(
        conn,
        owner,
        TODAY,
        {"leg_pain": {"bothersome": 2, "frequency": None}},
        {drive.activity_id: 7},
    )
    storage.retire_activity(conn, owner, drive.activity_id, TODAY)


def _weekly(conn, owner="local"):
    return (
        storage.weekly_answers(conn, owner),
        storage.activities(conn, owner),
        storage.activity_ratings(conn, owner),
    )


def test_a_json_backup_round_trip_keeps_every_weekly_row_and_gives_the_same_file(tmp_path):
    first = storage.open_database(tmp_path / "a.duckdb")
    second = storage.open_database(tmp_path / "b.duckdb")
    try:
        _journal(first)
        text = transfer.export_json(first, "local", now=NOW)
        document = json.loads(text)
        assert document["schema_version"] == storage.SCHEMA_VERSION
        assert {"weekly_answers", "activities", "activity_ratings"} <= set(document)
        parsed = transfer.read_file(text.encode(), "backup.json", today=TODAY)
        assert parsed.ok, parsed.problems[:3]
        transfer.apply_import(second, "local", parsed, replace=False, today=TODAY)
        assert _weekly(second) == _weekly(first)
        assert transfer.export_json(second, "local", now=NOW) == text
        # Importing the same backup again doubles nothing.
        transfer.apply_import(second, "local", parsed, replace=False, today=TODAY)
        assert _weekly(second) == _weekly(first)
    finally:
        first.close()
        second.close()


def test_restored_ratings_stay_with_their_activity_when_ids_clash(conn):
    # The journal already has activity 1 under another name: the backup's activity 1 gets a
    # new id, and its ratings follow it.
    storage.add_activity(conn, "anna", "Garden", TODAY)
    activities = [{"activity_id": 1, "name": "Drive", "created": TODAY}]
    ratings = [{"activity_id": 1, "day": TODAY, "rating": 8}]
    storage.restore_weekly(conn, "anna", [], activities, ratings, replace=False)
    names = {a.activity_id: a.name for a in storage.activities(conn, "anna")}
    [rating] = storage.activity_ratings(conn, "anna")
    assert names[rating["activity_id"]] == "Drive"


def test_a_backup_from_before_the_weekly_questions_still_restores(conn):
    old = {
        "format": "seven-signs-journal",
        "schema_version": 6,
        "exported_at": NOW.isoformat(),
        "checkins": [],
    }
    storage.save_checkin(conn, "x", TODAY, checkin(), today=TODAY)
    day = json.loads(transfer.export_json(conn, "x"))["checkins"][0]
    old["checkins"] = [day]
    parsed = transfer.read_file(json.dumps(old).encode(), "old.json", today=TODAY)
    assert parsed.ok and parsed.weekly is None
    transfer.apply_import(conn, "local", parsed, replace=False, today=TODAY)
    assert len(storage.checkin_records(conn, "local")) == 1
    assert storage.weekly_answers(conn, "local") == []


@pytest.mark.parametrize(
    ("section", "entry", "column", "message"),
    [
        ("weekly_answers", {"day": "2026-01-05", "item": "elbow"}, "item", "item must be one of"),
        (
            "weekly_answers",
            {"day": "2026-01-05", "item": "leg_pain", "bothersome": 9},
            "bothersome",
            "from 0 to 6",
        ),
        ("weekly_answers", {"day": "next week", "item": "leg_pain"}, "day", "must be a date"),
        (
            "activity_ratings",
            {"activity_id": 99, "day": "2026-01-05", "rating": 4},
            "activity_id",
            "must name an activity",
        ),
        (
            "activities",
            {"activity_id": 5, "name": "", "created": "2026-01-05"},
            "name",
            "write what the activity is",
        ),
        (
            "weekly_answers",
            {"day": "2026-01-05", "item": "leg_pain", "mood": 3},
            "mood",
            "not a field here",
        ),
    ],
)
def test_a_bad_weekly_entry_is_refused_in_plain_words_and_nothing_is_written(
    conn, section, entry, column, message
):
    storage.save_checkin(conn, "x", TODAY, checkin(), today=TODAY)
    text = transfer.export_json(conn, "x")
    document = json.loads(text)
    document[section] = [entry]
    parsed = transfer.read_file(json.dumps(document).encode(), "bad.json", today=TODAY)
    assert not parsed.ok
    [problem] = parsed.problems
    assert problem.column == f"{section}.{column}" and message in problem.message
    assert problem.row == 1


def test_a_field_that_a_backup_does_not_have_after_the_days_is_refused(conn):
    storage.save_checkin(conn, "x", TODAY, checkin(), today=TODAY)
    text = transfer.export_json(conn, "x").rstrip().rstrip("}") + ', "extra": []}'
    parsed = transfer.read_file(text.encode(), "bad.json", today=TODAY)
    assert not parsed.ok
    assert 'a field "extra" that a backup does not have' in parsed.problems[0].message


def test_the_weekly_csv_has_one_row_per_week_with_totals_and_activities(conn):
    _journal(conn)
    lines = transfer.export_weekly_csv(conn, "local").splitlines()
    header = lines[0].split(",")
    assert header[:2] == ["date", "leg_pain_bothersome"]
    assert {"bothersome_total", "frequency_total", "activities_mean"} <= set(header)
    assert "Put on socks" in header and "Drive to work" in header
    assert len(lines) == 1 + 12  # the example's twelve weeks; the last is today, like ours
    first = dict(zip(header, lines[1].split(","), strict=True))
    assert first["example"] == "yes" and first["bothersome_total"] == "15"
    last = dict(zip(header, lines[-1].split(","), strict=True))
    assert last["example"] == "no" and last["Drive to work"] == "7"
    assert last["bothersome_total"] == ""  # one symptom answered: no total


def test_the_import_message_says_the_weekly_entries_were_restored(tmp_path):
    first = storage.open_database(tmp_path / "a.duckdb")
    second = storage.open_database(tmp_path / "b.duckdb")
    try:
        _journal(first)
        text = transfer.export_json(first, "local", now=NOW)
        parsed = transfer.read_file(text.encode(), "backup.json", today=TODAY)
        result = transfer.apply_import(second, "local", parsed, replace=False, today=TODAY)
        assert "Also restored 73 weekly entries" in transfer.describe_result(result)
    finally:
        first.close()
        second.close()


def test_a_weekly_section_holding_nested_lists_is_refused_before_it_is_decoded(conn):
    storage.save_checkin(conn, "x", TODAY, checkin(), today=TODAY)
    text = transfer.export_json(conn, "x")
    nested = '"weekly_answers": [{"day": [' + "0," * 100_000 + "0]}]"
    hostile = text.replace('"weekly_answers": []', nested)
    parsed = transfer.read_file(hostile.encode(), "bad.json", today=TODAY)
    assert not parsed.ok
    assert (
        "weekly answer 1 is not what a backup's weekly answer holds" in parsed.problems[0].message
    )


def test_the_command_line_exports_the_weekly_csv(db_path):
    from tests.support import run

    conn = storage.open_database(db_path)
    _journal(conn)
    conn.close()
    done = run("export", "--format", "weekly-csv", db=db_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("date,leg_pain_bothersome,") and len(lines) == 13


# Any weekly journal: answers on any of the last 60 days (0-6 or left out), up to five
# activities (some retired) and their ratings, some of them the example's.
WEEKLY_JOURNALS = hst.tuples(
    hst.dictionaries(
        hst.tuples(hst.integers(0, 60), hst.sampled_from(items.ITEM_KEYS)),
        hst.tuples(hst.none() | hst.integers(0, 6), hst.integers(0, 6), hst.booleans()),
        max_size=20,
    ),
    hst.lists(
        hst.tuples(hst.text(min_size=1, max_size=20).filter(str.strip), hst.booleans()),
        max_size=5,
        unique_by=lambda pair: " ".join(pair[0].split()).casefold(),
    ),
    hst.dictionaries(hst.tuples(hst.integers(0, 4), hst.integers(0, 60)), hst.integers(0, 10)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WEEKLY_JOURNALS)
def test_any_weekly_journal_survives_a_backup_round_trip(journal):
    answers, names, ratings = journal
    with tempfile.TemporaryDirectory() as folder:
        first = storage.open_database(Path(folder) / "a.duckdb")
        second = storage.open_database(Path(folder) / "b.duckdb")
        try:
            day = lambda ago: TODAY - dt.timedelta(days=ago)  # noqa: E731
            rows = [
                {
                    "day": day(ago),
                    "item": item,
                    "bothersome": b,
                    "frequency": f,
                    "batch": storage.EXAMPLE_BATCH if ex else None,
                }
                for (ago, item), (b, f, ex) in answers.items()
            ]
            acts = [
                {
                    "activity_id": n + 1,
                    "name": " ".join(name.split()),
                    "created": day(60),
                    "retired": day(1) if retired else None,
                    "batch": None,
                }
                for n, (name, retired) in enumerate(names)
            ]
            rated = [
                {"activity_id": aid + 1, "day": day(ago), "rating": r, "batch": None}
                for (aid, ago), r in ratings.items()
                if aid < len(acts)
            ]
            storage.save_checkin(first, "local", TODAY, checkin(), today=TODAY)
            storage.restore_weekly(first, "local", rows, acts, rated, replace=False)
            text = transfer.export_json(first, "local", now=NOW)
            parsed = transfer.read_file(text.encode(), "b.json", today=TODAY)
            assert parsed.ok, parsed.problems[:3]
            transfer.apply_import(second, "local", parsed, replace=False, today=TODAY)
            assert _weekly(second) == _weekly(first)
        finally:
            first.close()
            second.close()
