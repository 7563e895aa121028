"""Storage on a real DuckDB file: saving, updating, owners, migrations and bad files."""

import datetime as dt
import os
import secrets
import shutil
import time
from pathlib import Path

import duckdb
import pytest

from recovery import config, storage
from recovery.storage import errors as storage_errors
from recovery.validation import ValidationError
from tests.conftest import TODAY, checkin, held_open_by_another_process, sha256

YESTERDAY = TODAY - dt.timedelta(days=1)


def test_a_saved_check_in_is_found_again(journal):
    result = storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=6, notes="long drive"))
    assert result.replaced is False
    row = storage.get_checkin(journal, "local", TODAY)
    assert row["leg_pain"] == 6 and row["notes"] == "long drive"


def test_resaving_a_day_updates_it_instead_of_adding_a_second_row(journal):
    storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=6))
    result = storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=3))
    assert result.replaced is True
    frame = storage.load_checkins(journal, "local")
    assert len(frame) == 1 and frame.loc[0, "leg_pain"] == 3


def test_an_invalid_check_in_writes_nothing(journal):
    storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=6))
    with pytest.raises(ValidationError):
        storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=11))
    with pytest.raises(ValidationError):
        storage.save_checkin(journal, "local", TODAY + dt.timedelta(days=1), checkin())
    frame = storage.load_checkins(journal, "local")
    assert frame["leg_pain"].tolist() == [6]


def test_check_ins_survive_closing_and_reopening_the_file(journal_target):
    first = storage.open_database(journal_target)
    storage.save_checkin(first, "local", YESTERDAY, checkin(rf_both_legs=True))
    first.close()
    again = storage.open_database(journal_target)
    row = storage.get_checkin(again, "local", YESTERDAY)
    again.close()
    assert row["rf_both_legs"] is True


def test_one_owner_never_sees_another_owners_check_ins(journal):
    storage.save_checkin(journal, "alice", TODAY, checkin(leg_pain=8))
    storage.save_checkin(journal, "bob", TODAY, checkin(leg_pain=1))
    assert storage.load_checkins(journal, "alice")["leg_pain"].tolist() == [8]
    assert storage.latest_checkin(journal, "bob")["leg_pain"] == 1
    assert storage.delete_checkin(journal, "alice", TODAY) is True
    assert storage.get_checkin(journal, "bob", TODAY)["leg_pain"] == 1
    assert storage.journal_summary(journal, "alice").days_logged == 0


def test_history_is_oldest_first_and_latest_is_the_newest_day(journal):
    for offset, pain in ((3, 7), (1, 5), (2, 6)):
        storage.save_checkin(
            journal, "local", TODAY - dt.timedelta(days=offset), checkin(leg_pain=pain)
        )
    assert storage.load_checkins(journal, "local")["leg_pain"].tolist() == [7, 6, 5]
    assert storage.latest_checkin(journal, "local")["day"] == YESTERDAY


def test_deleting_a_day_removes_only_that_day(journal):
    storage.save_checkin(journal, "local", TODAY, checkin())
    storage.save_checkin(journal, "local", YESTERDAY, checkin())
    assert storage.delete_checkin(journal, "local", TODAY) is True
    assert storage.delete_checkin(journal, "local", TODAY) is False
    assert storage.load_checkins(journal, "local")["day"].tolist() == [YESTERDAY]


def test_a_batch_is_removed_in_one_go(journal):
    storage.save_checkin(journal, "local", TODAY, checkin())
    storage.save_checkin(journal, "local", YESTERDAY, checkin(), batch="example")
    assert storage.count_batch(journal, "local", "example") == 1
    assert storage.delete_batch(journal, "local", "example") == 1
    assert storage.load_checkins(journal, "local")["day"].tolist() == [TODAY]


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
        ({}, {}, str(config.DEFAULT_DB_PATH)),  # nothing set: the default file
        ({"RECOVERY_DB": "/tmp/a.duckdb"}, {}, "/tmp/a.duckdb"),
        ({}, {"recovery": {"db": "/tmp/b.duckdb"}}, "/tmp/b.duckdb"),
        # the environment wins over secrets
        ({"RECOVERY_DB": ":memory:"}, {"recovery": {"db": "/tmp/b.duckdb"}}, ":memory:"),
    ],
)
def test_the_journal_file_is_chosen_by_environment_then_secrets(env, secrets, expected):
    assert config.database_path(env=env, secrets=secrets) == expected


def test_the_default_journal_lives_in_the_data_folder():
    assert config.DEFAULT_DB_PATH.parent.name == "data"
    assert config.DEFAULT_DB_PATH.name == "recovery.duckdb"


# ---- Why the journal could not be opened or written: one plain message per cause ------


def test_a_save_on_a_full_disk_says_so_writes_nothing_and_the_next_save_works(tiny_disk):
    path = tiny_disk.folder / "recovery.duckdb"
    first = storage.open_database(path)
    storage.save_checkin(first, "local", YESTERDAY, checkin(leg_pain=7))
    first.close()  # (a write-ahead log still open could have room left in its last block)
    journal = storage.open_database(path)
    tiny_disk.fill()
    with pytest.raises(storage_errors.DiskFullError) as caught:
        storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=3))
    assert str(caught.value).startswith(
        "Nothing was saved: the disk holding your journal is full. Everything saved before is safe."
    )
    assert storage.load_checkins(journal, "local")["leg_pain"].tolist() == [7]
    tiny_disk.free()
    storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=3))
    journal.close()
    again = storage.open_database(path)
    assert storage.load_checkins(again, "local")["leg_pain"].tolist() == [7, 3]
    again.close()


def test_an_import_on_a_full_disk_writes_none_of_its_days(tiny_disk):
    journal = storage.open_database(tiny_disk.folder / "recovery.duckdb")
    storage.save_checkin(journal, "local", YESTERDAY, checkin())
    tiny_disk.fill()
    rows = [(dt.date(2000, 1, 1) + dt.timedelta(days=n), checkin()) for n in range(3000)]
    with pytest.raises(storage_errors.DiskFullError, match="^Nothing was saved: the disk"):
        storage.save_checkins(journal, "local", rows)
    assert storage.journal_summary(journal, "local").days_logged == 1
    tiny_disk.free()
    assert storage.save_checkins(journal, "local", rows).saved == 3000
    journal.close()


def test_a_new_journal_on_a_full_disk_leaves_no_empty_file_behind(tiny_disk):
    path = tiny_disk.folder / "recovery.duckdb"
    tiny_disk.fill()
    with pytest.raises(storage_errors.DiskFullError, match="disk holding it is full"):
        storage.open_database(path)
    # An empty file left here would be called damaged once the disk has room again.
    assert not path.exists()
    tiny_disk.free()
    storage.open_database(path).close()


def _journal_under_proc(tmp_path):
    return Path("/proc/1/seven-signs.duckdb")  # /proc accepts no new files, even from root


# Each cause: how the test produces it, the error class, and words the person must read.
CAUSES = {
    # The journal's folder bind-mounted read-only (root only; skipped elsewhere).
    "read-only journal": (
        lambda request, tmp: request.getfixturevalue("read_only_journal"),
        storage_errors.ReadOnlyError,
        "Your journal is read-only here: it is safe, and nothing was changed",
    ),
    "new journal in a read-only folder": (
        lambda request, tmp: request.getfixturevalue("read_only_journal").parent / "new.duckdb",
        storage_errors.ReadOnlyError,
        "read-only here",
    ),
    # A regular file where a folder of the path should be: mkdir fails (ENOTDIR).
    "folder blocked by a file": (
        lambda request, tmp: request.getfixturevalue("folder_blocked_by_a_file"),
        storage_errors.FolderError,
        "The folder for your journal cannot be created or used: part of its path is a file",
    ),
    "a place that takes no files": (
        lambda request, tmp: _journal_under_proc(tmp),
        storage_errors.FolderError,
        "does not accept new files or folders",
    ),
    "a folder named as the journal": (
        lambda request, tmp: tmp,
        storage_errors.FolderError,
        "the name given for the journal is a folder",
    ),
    "random bytes": (
        lambda request, tmp: request.getfixturevalue("damaged_file"),
        storage_errors.DatabaseDamagedError,
        "not a Seven Signs journal, or it is damaged",
    ),
}


@pytest.fixture
def damaged_file(tmp_path):
    """A file of random bytes where the journal should be."""
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(os.urandom(64 * 1024))
    return path


@pytest.mark.parametrize("cause", list(CAUSES))
def test_each_reason_a_journal_cannot_be_opened_has_its_own_plain_message(cause, request, tmp_path):
    make_path, error_class, words = CAUSES[cause]
    path = make_path(request, tmp_path)
    before = sha256(path) if path.is_file() else None
    with pytest.raises(error_class) as caught:
        storage.open_database(path)
    message = str(caught.value)
    assert words in message
    assert f"Journal file: {path}" in message  # the owner is told which file
    # Only a damaged file gets the advice to replace it with a backup.
    assert ("restore a backup" in message) == (error_class is storage_errors.DatabaseDamagedError)
    assert (sha256(path) if path.is_file() else None) == before


@pytest.mark.parametrize("cause", list(CAUSES))
def test_a_visitor_never_sees_the_servers_file_path(cause, request, tmp_path):
    make_path, error_class, words = CAUSES[cause]
    path = make_path(request, tmp_path)
    with pytest.raises(error_class) as caught:
        storage.open_database(path)
    shown = caught.value.describe(for_owner=False)
    assert words in shown
    assert str(path) not in shown and "/" not in shown
    assert shown.endswith(storage_errors.HOSTED_ADVICE)
    assert "RECOVERY_DB" not in shown  # advice for whoever runs the server, not a visitor


def test_a_locked_journal_is_in_use_not_damaged(db_path):
    storage.open_database(db_path).close()
    with held_open_by_another_process(db_path), pytest.raises(storage.DatabaseLockedError) as e:
        storage.open_database(db_path)
    assert "restore a backup" not in str(e.value)
    assert "/" not in e.value.describe(for_owner=False)


def test_a_journal_damaged_inside_is_called_damaged_when_read(journal_damaged_inside):
    journal = storage.open_database(journal_damaged_inside)
    with pytest.raises(storage.DatabaseDamagedError) as caught:
        storage.load_checkins(journal, "local")
    journal.close()
    assert str(caught.value).startswith("Your journal file is damaged: part of it can no longer")
    assert "restore a backup" in str(caught.value)


def test_a_save_that_collides_with_another_unfinished_change_asks_to_try_again(conn):
    storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=7))
    # A second session of the app, half way through changing the same day.
    other = conn.cursor()
    other.begin()
    other.execute(
        "UPDATE checkins SET leg_pain = 9 WHERE owner = ? AND day = ?", ["local", YESTERDAY]
    )
    with pytest.raises(storage_errors.WriteConflictError, match="Please try again"):
        storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=3))
    other.rollback()
    storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=3))
    assert storage.get_checkin(conn, "local", YESTERDAY)["leg_pain"] == 3


def test_a_save_after_the_journals_folder_was_deleted_says_so(tmp_path):
    folder = tmp_path / "journal"
    journal = storage.open_database(folder / "recovery.duckdb")
    storage.save_checkin(journal, "local", YESTERDAY, checkin())
    journal.execute("CHECKPOINT")  # the next save needs a new write-ahead log in the folder
    shutil.rmtree(folder)
    with pytest.raises(storage_errors.FolderError) as caught:
        storage.save_checkin(journal, "local", TODAY, checkin())
    journal.close()
    assert str(caught.value).startswith(
        "Nothing was saved: the folder holding your journal was moved or deleted."
    )
    assert "restore a backup" not in str(caught.value)


# ---- MotherDuck (opt-in) ---------------------------------------------------------------
# The same SQL and migrations on a hosted database. Run them with a token:
#   MOTHERDUCK_TOKEN=... .venv/bin/python -m pytest tests/test_storage.py -m motherduck
# Without a token they are skipped before anything touches the network.
MOTHERDUCK_DB = os.environ.get("RECOVERY_TEST_MOTHERDUCK_DB", "seven_signs_test")


@pytest.fixture
def hosted():
    """A MotherDuck journal and an owner of its own, whose rows are removed afterwards."""
    token = config.motherduck_token(env=os.environ)
    if not token:
        pytest.skip("MOTHERDUCK_TOKEN is not set: the MotherDuck run is opt-in")
    with duckdb.connect("md:", config={"motherduck_token": token}) as setup:
        setup.execute("CREATE DATABASE IF NOT EXISTS " + MOTHERDUCK_DB)
    conn = storage.open_database("md:" + MOTHERDUCK_DB, motherduck_token=token)
    owner = "test:" + secrets.token_hex(8)
    yield conn, owner
    storage.delete_owner(conn, owner)
    conn.close()


@pytest.mark.motherduck
def test_motherduck_journal_has_the_current_schema(hosted):
    conn, _ = hosted
    assert storage.schema_version(conn) == storage.SCHEMA_VERSION


@pytest.mark.motherduck
def test_motherduck_saves_updates_and_finds_a_check_in(hosted):
    conn, owner = hosted
    storage.save_checkin(conn, owner, TODAY, checkin(leg_pain=6), today=TODAY)
    assert storage.save_checkin(conn, owner, TODAY, checkin(leg_pain=3), today=TODAY).replaced
    assert storage.load_checkins(conn, owner)["leg_pain"].tolist() == [3]
    assert storage.load_checkins(conn, owner + "-someone-else").empty


@pytest.mark.motherduck
def test_motherduck_moves_and_deletes_an_owners_rows(hosted):
    conn, owner = hosted
    storage.save_checkin(conn, owner + "-old", TODAY, checkin(), today=TODAY)
    storage.save_checkin(conn, owner + "-old", YESTERDAY, checkin(), today=TODAY)
    assert storage.move_owner(conn, owner + "-old", owner) == 2
    assert not storage.owner_has_checkins(conn, owner + "-old")
    assert storage.delete_owner(conn, owner) == 2
    assert storage.load_checkins(conn, owner).empty


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


def test_a_new_journal_and_its_folder_are_private_whatever_the_umask(tmp_path):
    import os
    import stat

    previous = os.umask(0o022)
    try:
        path = tmp_path / "data" / "recovery.duckdb"
        conn = storage.open_database(path)
        storage.save_checkin(conn, "local", TODAY, checkin(), today=TODAY)
        wal = path.with_name(path.name + ".wal")
        assert wal.exists()  # the day is in the write-ahead log until a checkpoint
        for file in (path, wal):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        conn.close()
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        # A journal made before this rule (0644) is made private when next opened.
        os.chmod(path, 0o644)
        storage.open_database(path).close()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(previous)


def test_open_database_refuses_an_address_before_making_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(storage.AddressNotFileError):
        storage.open_database("mysql://sam@localhost/journal")
    with pytest.raises(storage.AddressNotFileError):
        config.link_secret("mysql://sam@localhost/journal", env={})
    with pytest.raises(storage.StorageError):  # a PostgreSQL address, but nothing answers
        storage.open_database("postgresql://sam@127.0.0.1:1/journal")
    assert list(tmp_path.iterdir()) == []
