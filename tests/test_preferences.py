"""Settings kept with a journal (the weekly exercise aim): per owner, on a real DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from recovery import storage
from recovery.storage import preferences
from recovery.storage.preferences import EXERCISE_AIM


def test_a_setting_is_kept_per_owner_and_replaced_when_set_again(conn):
    assert preferences.get_setting(conn, "ana", EXERCISE_AIM) is None
    preferences.set_setting(conn, "ana", EXERCISE_AIM, "3")
    preferences.set_setting(conn, "ben", EXERCISE_AIM, "6")
    preferences.set_setting(conn, "ana", EXERCISE_AIM, "4")
    assert preferences.get_setting(conn, "ana", EXERCISE_AIM) == "4"
    assert preferences.get_setting(conn, "ben", EXERCISE_AIM) == "6"
    storage.delete_owner(conn, "ana")
    assert preferences.get_setting(conn, "ana", EXERCISE_AIM) is None
    assert preferences.get_setting(conn, "ben", EXERCISE_AIM) == "6"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, 5),  # never set: the default
        ("3", 3),
        ("9", 5),  # out of range (edited by hand): the default, never an error
        ("three", 5),  # not a number
    ],
)
def test_a_whole_number_setting_falls_back_to_its_default(conn, stored, expected):
    if stored is not None:
        preferences.set_setting(conn, "local", EXERCISE_AIM, stored)
    assert preferences.get_int(conn, "local", EXERCISE_AIM, 5, 1, 7) == expected


def test_a_setting_survives_closing_and_reopening_the_file(db_path):
    conn = storage.open_database(db_path)
    preferences.set_setting(conn, "local", EXERCISE_AIM, "2")
    conn.close()
    again = storage.open_database(db_path)
    assert preferences.get_setting(again, "local", EXERCISE_AIM) == "2"
    again.close()


def test_a_journal_from_before_settings_gains_the_table_and_keeps_its_rows(db_path):
    db_path.parent.mkdir(parents=True)
    old = duckdb.connect(str(db_path))
    assert storage.migrate(old, target=2) == 2
    old.close()
    upgraded = storage.open_database(db_path)
    assert storage.schema_version(upgraded) == storage.SCHEMA_VERSION >= 4
    preferences.set_setting(upgraded, "local", EXERCISE_AIM, "6")
    upgraded.close()
    # The migration was checkpointed into the file: it opens again with nothing to replay.
    reopened = duckdb.connect(str(db_path))
    assert reopened.execute("SELECT value FROM settings").fetchall() == [("6",)]
    reopened.close()
