"""Storage on a real DuckDB file: saving, updating, owners, migrations and bad files."""

import datetime as dt
import time

import duckdb
import pytest

from recovery import settings, storage
from recovery.validation import ValidationError
from tests.conftest import TODAY, checkin, held_open_by_another_process, sha256

YESTERDAY = TODAY - dt.timedelta(days=1)


def test_a_saved_check_in_is_found_again(conn):
    result = storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=6, notes="long drive"))
    assert result.replaced is False
    row = storage.get_checkin(conn, "local", TODAY)
    assert row["leg_pain"] == 6 and row["notes"] == "long drive"


def test_resaving_a_day_updates_it_instead_of_adding_a_second_row(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=6))
    result = storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=3))
    assert result.replaced is True
    frame = storage.load_checkins(conn, "local")
    assert len(frame) == 1 and frame.loc[0, "leg_pain"] == 3


def test_an_invalid_check_in_writes_nothing(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=6))
    with pytest.raises(ValidationError):
        storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=11))
    with pytest.raises(ValidationError):
        storage.save_checkin(conn, "local", TODAY + dt.timedelta(days=1), checkin())
    frame = storage.load_checkins(conn, "local")
    assert frame["leg_pain"].tolist() == [6]


def test_check_ins_survive_closing_and_reopening_the_file(db_path):
    first = storage.open_database(db_path)
    storage.save_checkin(first, "local", YESTERDAY, checkin(rf_both_legs=True))
    first.close()
    again = storage.open_database(db_path)
    row = storage.get_checkin(again, "local", YESTERDAY)
    again.close()
    assert row["rf_both_legs"] is True


def test_one_owner_never_sees_another_owners_check_ins(conn):
    storage.save_checkin(conn, "alice", TODAY, checkin(leg_pain=8))
    storage.save_checkin(conn, "bob", TODAY, checkin(leg_pain=1))
    assert storage.load_checkins(conn, "alice")["leg_pain"].tolist() == [8]
    assert storage.latest_checkin(conn, "bob")["leg_pain"] == 1
    assert storage.delete_checkin(conn, "alice", TODAY) is True
    assert storage.get_checkin(conn, "bob", TODAY)["leg_pain"] == 1
    assert storage.journal_summary(conn, "alice").days_logged == 0


def test_history_is_oldest_first_and_latest_is_the_newest_day(conn):
    for offset, pain in ((3, 7), (1, 5), (2, 6)):
        storage.save_checkin(
            conn, "local", TODAY - dt.timedelta(days=offset), checkin(leg_pain=pain)
        )
    assert storage.load_checkins(conn, "local")["leg_pain"].tolist() == [7, 6, 5]
    assert storage.latest_checkin(conn, "local")["day"] == YESTERDAY


def test_deleting_a_day_removes_only_that_day(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    storage.save_checkin(conn, "local", YESTERDAY, checkin())
    assert storage.delete_checkin(conn, "local", TODAY) is True
    assert storage.delete_checkin(conn, "local", TODAY) is False
    assert storage.load_checkins(conn, "local")["day"].tolist() == [YESTERDAY]


def test_a_batch_is_removed_in_one_go(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    storage.save_checkin(conn, "local", YESTERDAY, checkin(), batch="example")
    assert storage.count_batch(conn, "local", "example") == 1
    assert storage.delete_batch(conn, "local", "example") == 1
    assert storage.load_checkins(conn, "local")["day"].tolist() == [TODAY]


def test_the_folder_is_created_and_the_schema_is_current(tmp_path):
    connection = storage.open_database(tmp_path / "new" / "deeper" / "j.duckdb")
    assert storage.schema_version(connection) == storage.SCHEMA_VERSION
    connection.close()


def test_an_in_memory_journal_works():
    connection = storage.open_database(":memory:")
    storage.save_checkin(connection, "local", TODAY, checkin())
    assert storage.journal_summary(connection, "local").days_logged == 1


def test_a_file_made_by_the_first_schema_keeps_its_rows_after_migrating(db_path):
    db_path.parent.mkdir(parents=True)
    old = duckdb.connect(str(db_path))
    assert storage.migrate(old, target=1) == 1
    with old.cursor() as cur:
        cur.execute(
            "INSERT INTO checkins (owner, day, leg_pain, back_pain, pain_episodes, bending, "
            "walk_minutes, numbness, leg_strength, sleep_quality, night_wakings, activity, "
            "exercises_done) VALUES ('local', ?, 7, 2, 3, 4, 10, 5, 6, 3, 2, 'rest', false)",
            [YESTERDAY],
        )
    old.close()
    upgraded = storage.open_database(db_path)
    assert storage.schema_version(upgraded) == storage.SCHEMA_VERSION
    row = storage.get_checkin(upgraded, "local", YESTERDAY)
    assert row["leg_pain"] == 7 and row["activity"] == "rest"
    storage.save_checkin(upgraded, "local", TODAY, checkin(), batch="example")
    assert storage.count_batch(upgraded, "local", "example") == 1
    upgraded.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = sha256(path)
    with pytest.raises(storage.DatabaseDamagedError, match="not a Seven Signs journal"):
        storage.open_database(path)
    assert sha256(path) == before


def test_a_duckdb_file_of_another_program_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.duckdb"
    other = duckdb.connect(str(path))
    other.execute("CREATE TABLE invoices (id INTEGER)")
    other.close()
    before = sha256(path)
    with pytest.raises(storage.DatabaseDamagedError, match="not a Seven Signs journal"):
        storage.open_database(path)
    assert sha256(path) == before


def test_a_file_locked_by_another_process_gives_a_plain_message(db_path):
    storage.open_database(db_path).close()
    with held_open_by_another_process(db_path):
        started = time.monotonic()
        with pytest.raises(storage.DatabaseLockedError) as caught:
            storage.open_database(db_path)
    assert str(db_path) in str(caught.value)
    assert "in use by another program" in str(caught.value)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, {}, str(settings.DEFAULT_DB_PATH)),  # nothing set: the default file
        ({"RECOVERY_DB": "/tmp/a.duckdb"}, {}, "/tmp/a.duckdb"),
        ({}, {"recovery": {"db": "/tmp/b.duckdb"}}, "/tmp/b.duckdb"),
        # the environment wins over secrets
        ({"RECOVERY_DB": ":memory:"}, {"recovery": {"db": "/tmp/b.duckdb"}}, ":memory:"),
    ],
)
def test_the_journal_file_is_chosen_by_environment_then_secrets(env, secrets, expected):
    assert settings.database_path(env=env, secrets=secrets) == expected


def test_the_default_journal_lives_in_the_data_folder():
    assert settings.DEFAULT_DB_PATH.parent.name == "data"
    assert settings.DEFAULT_DB_PATH.name == "recovery.duckdb"


def test_a_version_2_journal_migrates_so_activity_and_exercises_may_be_unrecorded(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(db_path))
    storage.migrate(conn, target=2)
    conn.close()
    conn = storage.open_database(db_path)  # migrates to the current version, then checkpoints
    values = checkin()
    values.update(activity=None, exercises_done=None)
    storage.save_checkin(
        conn, storage.LOCAL_OWNER, dt.date(2026, 3, 1), values, today=dt.date(2026, 3, 2)
    )
    conn.close()
    conn = storage.open_database(db_path)
    assert storage.schema_version(conn) == storage.SCHEMA_VERSION
    assert storage.get_checkin(conn, storage.LOCAL_OWNER, dt.date(2026, 3, 1))["activity"] is None
    conn.close()
