"""Journals in PostgreSQL: whole-journal operations on both stores, migrations from several
servers at once, passwords kept out of messages, the copy command, and shared mode's key."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import config, storage
from recovery.storage import postgres
from recovery.storage.cursors import cursor
from tests.conftest import ROOT, TODAY, checkin
from tests.support import run

YESTERDAY = TODAY - dt.timedelta(days=1)
VERSIONS = "SELECT version FROM schema_version ORDER BY version"


def test_moving_a_journal_carries_its_days_and_settings_and_gives_up_the_old_link(journal):
    storage.save_checkin(journal, "old", TODAY, checkin(leg_pain=4))
    storage.save_checkin(journal, "old", YESTERDAY, checkin(leg_pain=5))
    storage.save_checkin(journal, "someone else", TODAY, checkin(leg_pain=9))
    assert storage.move_owner(journal, "old", "new") == 2
    assert storage.load_checkins(journal, "new")["leg_pain"].tolist() == [5, 4]
    assert storage.is_revoked(journal, "old") and not storage.is_revoked(journal, "new")
    with pytest.raises(storage.RevokedOwnerError):
        storage.save_checkin(journal, "old", TODAY, checkin())
    assert storage.get_checkin(journal, "someone else", TODAY)["leg_pain"] == 9


def test_deleting_a_journal_removes_every_day_and_revokes_its_link(journal):
    storage.save_checkin(journal, "gone", TODAY, checkin())
    storage.save_checkin(journal, "kept", TODAY, checkin())
    assert storage.delete_owner(journal, "gone", revoke=True) == 1
    assert not storage.owner_has_checkins(journal, "gone")
    assert storage.is_revoked(journal, "gone")
    assert storage.owner_has_checkins(journal, "kept")


def test_a_data_fingerprint_changes_with_every_write(journal):
    before = storage.data_version(journal, "local")
    storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=3))
    after_save = storage.data_version(journal, "local")
    storage.save_checkin(journal, "local", TODAY, checkin(leg_pain=4))
    assert len({before, after_save, storage.data_version(journal, "local")}) == 3


def test_a_new_database_gets_the_current_schema_and_reopening_it_migrates_nothing(postgres_url):
    first = storage.open_database(postgres_url)
    assert storage.schema_version(first) == storage.SCHEMA_VERSION
    first.close()
    again = storage.open_database(postgres_url)
    with again.cursor() as cur:
        versions = [r[0] for r in cur.execute(VERSIONS).fetchall()]
    again.close()
    assert versions == list(range(1, storage.SCHEMA_VERSION + 1))


def test_servers_starting_together_on_a_new_database_apply_each_migration_once(postgres_url):
    opened, failed = [], []
    start = threading.Barrier(4)

    def server() -> None:
        start.wait()
        try:
            opened.append(storage.open_database(postgres_url))
        except Exception as error:  # noqa: BLE001 (the test reports any failure below)
            failed.append(error)

    threads = [threading.Thread(target=server) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failed == [] and len(opened) == 4
    storage.save_checkin(opened[0], "local", TODAY, checkin(leg_pain=2))
    assert storage.get_checkin(opened[3], "local", TODAY)["leg_pain"] == 2  # one database
    with opened[1].cursor() as cur:
        versions = [r[0] for r in cur.execute(VERSIONS).fetchall()]
    for conn in opened:
        conn.close()
    assert versions == list(range(1, storage.SCHEMA_VERSION + 1))


def test_a_database_that_cannot_be_reached_is_named_by_host_never_by_password(postgres_server):
    wrong = postgres_server.url("journal_missing").replace(
        quote(postgres_server.password, safe=""), "Wr0ngPa55"
    )
    with pytest.raises(storage.StorageError) as caught:
        storage.open_database(wrong)
    said = str(caught.value)
    assert "database journal_missing on 127.0.0.1" in said
    assert "Wr0ngPa55" not in said and "Traceback" not in said
    assert caught.value.__cause__ is None  # the driver's message holds the whole address


def test_a_password_from_secrets_fills_an_address_without_one(postgres_server):
    address = postgres_server.create_database("journal_by_secret")
    bare = postgres_server.url("journal_by_secret", with_password=False)
    conn = storage.open_database(bare, password=postgres_server.password)
    assert storage.schema_version(conn) == storage.SCHEMA_VERSION
    conn.close()
    assert postgres.describe(address) == postgres.describe(bare)


@pytest.mark.parametrize("address", ["mysql://sam:s3cret@db/j", "https://x/y", "sqlite://a"])
def test_other_database_addresses_are_still_refused(address, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(storage.AddressNotFileError) as caught:
        storage.open_database(address)
    assert "s3cret" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_copy_moves_every_journal_to_postgres_and_back_with_counts_on_both_sides(
    tmp_path, postgres_url, postgres_server
):
    source = tmp_path / "journal.duckdb"
    conn = storage.open_database(source)
    storage.save_checkin(conn, "ann", TODAY, checkin(leg_pain=6, notes="it's better"))
    storage.save_checkin(conn, "ann", YESTERDAY, checkin(leg_pain=7))
    storage.save_checkin(conn, "bob", TODAY, checkin(leg_pain=2))
    storage.save_checkin(conn, "old", TODAY, checkin())
    storage.move_owner(conn, "old", "cy")
    conn.close()

    there = run("copy", "--to", postgres_url, db=source)
    assert there.returncode == 0, there.stderr.decode()
    said = there.stdout.decode()
    assert "Copied the rows of 4 owners" in said  # ann, bob, cy and the old link
    assert "checkins: 4 rows copied; counted 4 in the source and 4 in the destination" in said
    assert "revoked_owners: 1 rows copied" in said
    assert postgres_server.password not in said

    back = tmp_path / "back.duckdb"
    home = run("copy", "--from", postgres_url, "--to", str(back))
    assert home.returncode == 0, home.stderr.decode()
    copied = storage.open_database(back)
    assert storage.get_checkin(copied, "ann", TODAY)["notes"] == "it's better"
    assert storage.load_checkins(copied, "cy")["day"].tolist() == [TODAY]
    assert storage.is_revoked(copied, "old")
    copied.close()

    again = run("copy", "--to", postgres_url, db=source)  # never on top of journals
    assert again.returncode == 1
    assert "already holds journals" in again.stderr.decode()
    assert "Nothing was copied" in again.stderr.decode()


def test_shared_mode_on_postgres_refuses_to_start_without_a_link_secret(postgres_url, monkeypatch):
    env = {"RECOVERY_DB": postgres_url}
    assert config.secret_problems(env=env) == [config.SHARED_DATABASE_NEEDS_SECRET]
    assert config.secret_problems(env={**env, "RECOVERY_LINK_SECRET": "k" * 40}) == []
    with pytest.raises(ValueError, match="same value on every server"):
        config.link_secret(postgres_url, env={})

    monkeypatch.setenv("RECOVERY_DB", postgres_url)
    monkeypatch.setenv("RECOVERY_MODE", "shared")
    monkeypatch.delenv("RECOVERY_LINK_SECRET", raising=False)
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    st.cache_resource.clear()
    assert not at.exception
    assert "not set up yet" in " ".join(e.value for e in at.error)


def test_a_journal_written_by_the_previous_duckdb_pin_opens(tmp_path):
    """A journal file written by the previous pin (DuckDB 1.5.6) opens with this one (1.5.5).

    ``make test`` installs 1.5.6 into .duckdb-1.5.6 (OTHER_DUCKDB_PATH elsewhere); the
    journal is written by a Python that finds that release first.
    """
    folder = Path(os.environ.get("OTHER_DUCKDB_PATH", ROOT / ".duckdb-1.5.6"))
    if not (folder / "duckdb").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"DuckDB 1.5.6 is needed under CI=true in {folder} (make test installs it)")
        pytest.skip(f"DuckDB 1.5.6 is not installed in {folder}")
    path = tmp_path / "older.duckdb"
    code = (
        "import sys, datetime as dt, duckdb; from recovery import storage; "
        "from tests.conftest import checkin; c = storage.open_database(sys.argv[1]); "
        "storage.save_checkin(c, 'local', dt.date.fromisoformat(sys.argv[2]), "
        "checkin(notes='older release')); c.close(); print(duckdb.__version__)"
    )
    env = {**os.environ, "PYTHONPATH": f"{folder}{os.pathsep}{ROOT}"}
    wrote = subprocess.run(
        [sys.executable, "-c", code, str(path), TODAY.isoformat()],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    assert wrote.stdout.split()[-1] == "1.5.6"
    conn = storage.open_database(path)
    assert storage.get_checkin(conn, "local", TODAY)["notes"] == "older release"
    conn.close()


def test_a_journal_problem_names_a_database_by_host_in_messages_and_logs():
    problem = storage.StorageError("It failed.", path="postgresql://sam:s3cret@db.example/j")
    assert problem.path == "database j on db.example"
    assert "s3cret" not in problem.describe(for_owner=True)


def test_progress_figures_and_backups_are_the_same_from_a_file_and_from_postgres(
    tmp_path, postgres_url
):
    from recovery import example, summary, transfer

    stores = [storage.open_database(tmp_path / "j.duckdb"), storage.open_database(postgres_url)]
    seen = []
    for conn in stores:
        example.load_example(conn, "ann", end=TODAY)
        storage.save_checkin(conn, "ann", TODAY, checkin(leg_pain=2, notes="own day"))
        seen.append(
            (
                summary.journal_overview(conn, "ann", today=TODAY),
                transfer.export_csv(conn, "ann"),
                storage.data_version(conn, "ann"),
            )
        )
        conn.close()
    assert seen[0][0] == seen[1][0]  # every sign's verdict, means and stage
    assert seen[0][1] == seen[1][1]  # the CSV export, byte for byte
    assert seen[0][2][0] == seen[1][2][0] == 84  # the same days (12 weeks with the own day)


def test_a_drivers_error_quoting_the_address_reaches_the_log_without_the_password():
    problem = storage.StorageError(
        "It failed.", detail='Unable to connect to Postgres at "postgresql://sam:s3cret@h/j"'
    )
    assert "s3cret" not in problem.detail and "postgresql://***@h/j" in problem.detail


def test_weekly_answers_and_activities_live_in_postgres_and_travel_with_copy(
    tmp_path, postgres_url
):
    from recovery.signs import weekly as items

    answers = {item: {"bothersome": 3, "frequency": 2} for item in items.ITEM_KEYS}
    there = storage.open_database(postgres_url)
    socks = storage.add_activity(there, "ann", "Put on socks", TODAY)
    storage.save_weekly(there, "ann", TODAY, answers, {socks.activity_id: 6})
    assert not storage.weekly_due(there, "ann", TODAY)
    assert storage.weekly_due(there, "bob", TODAY)  # another owner's week is not theirs
    storage.save_checkin(there, "ann", TODAY, checkin())
    there.close()

    back = tmp_path / "back.duckdb"
    home = run("copy", "--from", postgres_url, "--to", str(back))
    assert home.returncode == 0, home.stderr.decode()
    assert "activity_ratings: 1 rows copied" in home.stdout.decode()
    copied = storage.open_database(back)
    assert [a.name for a in storage.activities(copied, "ann")] == ["Put on socks"]
    assert not storage.weekly_due(copied, "ann", TODAY)
    copied.close()


def test_every_table_that_holds_an_owners_rows_is_copied(tmp_path):
    from recovery.storage import copying

    conn = storage.open_database(tmp_path / "journal.duckdb")
    with conn.cursor() as cur:
        owned = {
            row[0]
            for row in cur.execute(
                "SELECT table_name FROM duckdb_columns() WHERE column_name = 'owner'"
            ).fetchall()
        }
    conn.close()
    assert owned == set(copying.OWNER_TABLES)


def test_a_cursor_is_reused_only_after_a_clean_operation(postgres_url):
    conn = storage.open_database(postgres_url)
    try:
        with conn.cursor() as cur:
            first = cur._cur
        with conn.cursor() as cur:
            assert cur._cur is first  # kept, already pointed at the journal
            assert cur.execute("SELECT count(*) FROM checkins").fetchone() == (0,)
        with pytest.raises(storage.StorageError), cursor(conn) as cur:
            broken = cur._cur
            raise storage.StorageError("a failed operation")
        with conn.cursor() as cur:
            assert cur._cur is not broken  # closed, never handed on
            cur.begin()
            left_open = cur._cur
        with conn.cursor() as cur:
            assert cur._cur is not left_open  # a transaction left open is not handed on
    finally:
        conn.close()


def test_saves_from_many_threads_at_once_land_under_their_owners(postgres_url):
    conn = storage.open_database(postgres_url)
    owners = [f"visitor {n}" for n in range(20)]

    def save(owner: str) -> None:
        for back in range(3):
            storage.save_checkin(conn, owner, TODAY - dt.timedelta(days=back), checkin())

    threads = [threading.Thread(target=save, args=(owner,)) for owner in owners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert all(len(storage.load_checkins(conn, owner)) == 3 for owner in owners)
    finally:
        conn.close()


def test_after_postgresql_restarts_the_journal_serves_on_and_nothing_saved_is_lost(
    own_postgres_server,
):
    conn = storage.open_database(own_postgres_server.create_database("restarted"))
    try:
        storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=3))
        assert storage.owner_has_checkins(conn, "local")  # a cursor and a connection kept
        own_postgres_server.restart()  # every connection the app held is gone
        storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2))
        assert storage.load_checkins(conn, "local")["leg_pain"].tolist() == [3, 2]
    finally:
        conn.close()


def test_while_postgresql_is_down_a_save_says_so_plainly_and_then_works_again(
    own_postgres_server,
):
    conn = storage.open_database(own_postgres_server.create_database("down"))
    try:
        storage.save_checkin(conn, "local", YESTERDAY, checkin(leg_pain=3))
        own_postgres_server.stop()
        with pytest.raises(storage.StorageError) as refused:
            storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2))
        said = refused.value.describe(for_owner=True)
        assert said.startswith("Nothing was saved: the database server that keeps the journals")
        assert "disk" not in said and own_postgres_server.password not in said
        assert "try again in a while" in refused.value.describe(for_owner=False)
        with pytest.raises(storage.StorageError, match="could not be read: the database server"):
            storage.load_checkins(conn, "local")
        own_postgres_server.start()
        storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=2))
        assert storage.load_checkins(conn, "local")["leg_pain"].tolist() == [3, 2]
    finally:
        conn.close()
