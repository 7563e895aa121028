"""A person's choices (exercise aim, a planned on/off test) travel in the JSON backup."""

from __future__ import annotations

import json

from recovery import storage, transfer
from recovery.analysis import helps_plan
from recovery.storage import preferences
from recovery.transfer import settings_file
from tests.conftest import TODAY, checkin


def _choices(conn, owner="local"):
    return {n: preferences.get_setting(conn, owner, n) for n in settings_file.NAMES}


def test_the_exercise_aim_and_a_running_plan_survive_a_backup_round_trip(conn, tmp_path):
    storage.save_checkin(conn, "local", TODAY, checkin())
    preferences.set_setting(conn, "local", preferences.EXERCISE_AIM, "4")
    helps_plan.save_plan(conn, "local", "exercises", TODAY, TODAY)
    preferences.set_setting(conn, "someone else", preferences.EXERCISE_AIM, "7")
    backup = transfer.export_json(conn, "local")
    assert json.loads(backup)["settings"][0] == {"name": "exercise_aim", "value": "4"}

    other = storage.open_database(tmp_path / "other.duckdb")
    parsed = transfer.read_file(backup.encode(), "backup.json", today=TODAY)
    assert parsed.ok, parsed.problems
    transfer.apply_import(other, "local", parsed, replace=False, today=TODAY)
    assert _choices(other) == _choices(conn)
    assert helps_plan.load_plan(other, "local") == helps_plan.load_plan(conn, "local")
    other.close()


def test_a_kept_import_leaves_the_journals_own_choice_and_a_replacing_one_restores(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    preferences.set_setting(conn, "local", preferences.EXERCISE_AIM, "4")
    backup = transfer.export_json(conn, "local").encode()
    preferences.set_setting(conn, "local", preferences.EXERCISE_AIM, "2")
    parsed = transfer.read_file(backup, "backup.json", today=TODAY)
    transfer.apply_import(conn, "local", parsed, replace=False, today=TODAY)
    assert preferences.get_setting(conn, "local", preferences.EXERCISE_AIM) == "2"
    parsed = transfer.read_file(backup, "backup.json", today=TODAY)
    transfer.apply_import(conn, "local", parsed, replace=True, today=TODAY)
    assert preferences.get_setting(conn, "local", preferences.EXERCISE_AIM) == "4"


def test_a_backup_without_choices_still_restores(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    backup = json.loads(transfer.export_json(conn, "local"))
    del backup["settings"]
    parsed = transfer.read_file(json.dumps(backup).encode(), "old.json", today=TODAY)
    assert parsed.ok and len(parsed.rows) == 1


def test_an_unknown_or_doubled_setting_is_named_and_nothing_is_imported(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    backup = json.loads(transfer.export_json(conn, "local"))
    backup["settings"] = [
        {"name": "theme", "value": "dark"},
        {"name": "exercise_aim", "value": "3"},
        {"name": "exercise_aim", "value": "5"},
        {"name": "exercise_aim"},
    ]
    parsed = transfer.read_file(json.dumps(backup).encode(), "backup.json", today=TODAY)
    assert not parsed.ok and not parsed.rows
    messages = [p.message for p in parsed.problems]
    assert any("not a setting this app keeps" in m for m in messages)
    assert any("given twice" in m for m in messages)
    assert any('must be {"name"' in m for m in messages)
    assert all(p.column.startswith("settings") for p in parsed.problems)
