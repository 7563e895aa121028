"""Failures that must lose nothing: a killed process, a locked file, a damaged file, a bad
row deep inside a large file."""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recovery import storage, transfer
from recovery.storage import LOCAL_OWNER
from tests.conftest import (
    ROOT,
    WITHOUT_ROOT_OVERRIDE,
    checkin,
    child,
    held_open_by_another_process,
    sha256,
    wait_for_line,
)
from tests.support import choose_row, csv_text, row, run, seeded

# The most days an import accepts (40,000), all after 1900 and before today.
FIRST_DAY = dt.date(1915, 1, 1)
LONGEST = transfer.MAX_ROWS


def saved_days(db_path: Path) -> list[dt.date]:
    conn = storage.open_database(db_path)
    try:
        return [r["day"] for r in storage.checkin_records(conn, LOCAL_OWNER)]
    finally:
        conn.close()


WRITE_CHECKINS = """
    import datetime as dt, sys
    from recovery import form, storage
    conn = storage.open_database(sys.argv[1])
    day = dt.date(2000, 1, 1)
    while True:
        storage.save_checkin(conn, "local", day, form.defaults())
        print("saved", day.isoformat(), flush=True)  # save_checkin returned: confirmed
        day += dt.timedelta(days=1)
"""


def test_killing_the_process_mid_writing_keeps_every_confirmed_checkin(db_path):
    writer = child(WRITE_CHECKINS, str(db_path))
    lines = wait_for_line(writer, "saved 2000-01-30")
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    confirmed = [dt.date.fromisoformat(line.split()[1]) for line in lines]
    on_disk = saved_days(db_path)
    assert set(confirmed) <= set(on_disk)
    # At most the one check-in in flight when the kill came may also be there.
    assert len(on_disk) - len(confirmed) <= 1


KILLED_IMPORT = """
    import sys, time
    from recovery import storage, transfer
    from recovery.storage import bulk
    bulk.BULK_CHUNK = 1000
    conn = storage.open_database(sys.argv[1])
    parsed = transfer.read_file(open(sys.argv[2], "rb").read(), "big.csv")
    assert parsed.ok, parsed.problems[:3]

    def stall(done, total):
        print("written", done, flush=True)
        if done >= 3000:
            time.sleep(600)  # the test kills us here, inside the open transaction

    transfer.apply_import(conn, "local", parsed, replace=False, on_progress=stall)
    print("finished", flush=True)
    time.sleep(600)  # killed here too: a committed import must survive without a clean exit
"""


def test_an_import_killed_half_way_leaves_the_journal_as_it_was(db_path, tmp_path):
    seeded(db_path, (dt.date(2020, 5, 1),))
    source = tmp_path / "big.csv"
    rows = [row(FIRST_DAY + dt.timedelta(days=n)) for n in range(5000)]
    source.write_text(csv_text(rows), encoding="utf-8")
    importer = child(KILLED_IMPORT, str(db_path), str(source))
    wait_for_line(importer, "written 3000")
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    assert saved_days(db_path) == [dt.date(2020, 5, 1)]


def test_an_import_that_finished_survives_a_kill_right_after(db_path, tmp_path):
    source = tmp_path / "big.csv"
    rows = [row(FIRST_DAY + dt.timedelta(days=n)) for n in range(2500)]
    source.write_text(csv_text(rows), encoding="utf-8")
    importer = child(KILLED_IMPORT, str(db_path), str(source))
    wait_for_line(importer, "finished")
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    assert len(saved_days(db_path)) == 2500


@pytest.fixture
def locked_journal(db_path: Path):
    """A journal with two days, held open by another process for the whole test."""
    seeded(db_path)
    with held_open_by_another_process(db_path):
        yield db_path


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["summary"],
        ["demo"],
        ["import", "{csv}"],
    ],
)
def test_a_locked_journal_gets_a_clear_message_exit_1_and_no_change(locked_journal, tmp_path, args):
    source = tmp_path / "ok.csv"
    source.write_text(csv_text([row(dt.date(2021, 1, 1))]), encoding="utf-8")
    before = sha256(locked_journal)
    result = run(*(a.format(csv=source) for a in args), db=locked_journal)
    assert result.returncode == 1
    assert "is in use by another program" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert sha256(locked_journal) == before


def test_the_app_says_a_locked_journal_is_in_use(locked_journal, app):
    before = sha256(locked_journal)
    at = app.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("is in use by another program" in e.value for e in at.error)
    assert sha256(locked_journal) == before


@pytest.mark.parametrize("mode", ["local", "shared"])
def test_the_app_refuses_a_database_address_plainly_and_makes_no_folder(
    app, mode, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECOVERY_DB", "mysql://sam:s3cret@db.example/journal")
    monkeypatch.setenv("RECOVERY_MODE", mode)
    at = app.run()
    assert not at.exception
    said = " ".join(e.value for e in at.error)
    assert "mysql:// address, not a file" in said and "s3cret" not in said
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def damaged_journal(db_path: Path) -> Path:
    """A file where the journal should be that holds random bytes."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(os.urandom(64 * 1024))
    return db_path


@pytest.mark.parametrize("args", [["export"], ["summary"], ["demo"], ["import", "{csv}"]])
def test_a_damaged_journal_is_named_and_never_overwritten(damaged_journal, tmp_path, args):
    source = tmp_path / "ok.csv"
    source.write_text(csv_text([row(dt.date(2021, 1, 1))]), encoding="utf-8")
    before = sha256(damaged_journal)
    result = run(*(a.format(csv=source) for a in args), db=damaged_journal)
    assert result.returncode == 1
    assert "is not a Seven Signs journal, or it is damaged" in result.stderr.decode()
    assert sha256(damaged_journal) == before
    assert sorted(p.name for p in damaged_journal.parent.iterdir()) == [damaged_journal.name]


def test_the_app_says_a_damaged_journal_is_damaged_and_leaves_it(damaged_journal, app):
    before = sha256(damaged_journal)
    at = app.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("is not a Seven Signs journal, or it is damaged" in e.value for e in at.error)
    assert sha256(damaged_journal) == before


def test_the_longest_file_with_one_bad_row_in_the_middle_writes_nothing(db_path, tmp_path):
    seeded(db_path, (dt.date(2025, 5, 1),))
    rows = [row(FIRST_DAY + dt.timedelta(days=n)) for n in range(LONGEST)]
    rows[20_000]["walk_minutes"] = "ninety"
    source = tmp_path / "years.csv"
    source.write_text(csv_text(rows), encoding="utf-8")
    before = sha256(db_path)
    started = time.perf_counter()
    result = run("import", str(source), db=db_path)
    elapsed = time.perf_counter() - started
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[:2] == [
        f"Nothing was imported: 1 problem in {source}.",
        "  row 20002, walk_minutes: walk_minutes must be a whole number from 0 to 600; "
        "got 'ninety'",
    ]
    assert sha256(db_path) == before
    assert saved_days(db_path) == [dt.date(2025, 5, 1)]
    print(f"{LONGEST:,}-row check refused in {elapsed:.1f}s")


def test_the_longest_accepted_file_imports_in_one_go(conn):
    rows = [row(FIRST_DAY + dt.timedelta(days=n)) for n in range(LONGEST)]
    parsed = transfer.read_file(csv_text(rows).encode(), "years.csv")
    result = transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=False)
    assert result.added == LONGEST
    assert storage.journal_summary(conn, LOCAL_OWNER).days_logged == LONGEST


# ---- A journal that cannot be written: the cause in plain words, no traceback -------------


def run_without_root_override(*args: str, db: Path) -> subprocess.CompletedProcess:
    """The command line as an ordinary account would run it: file modes are obeyed."""
    prefix = WITHOUT_ROOT_OVERRIDE if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "recovery", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )


def test_a_journal_the_account_may_not_open_is_reported_as_not_allowed(forbidden_journal):
    before = forbidden_journal.stat()
    result = run_without_root_override("export", db=forbidden_journal)
    message = result.stderr.decode()
    assert result.returncode == 1
    assert "Seven Signs is not allowed to read or write it (permission denied)" in message
    assert "The journal itself is fine" in message and "restore a backup" not in message
    assert "Traceback" not in message
    assert forbidden_journal.stat().st_mtime_ns == before.st_mtime_ns


@pytest.fixture
def full_disk_journal(tiny_disk) -> Path:
    """A journal with two days on a small disk that is then filled to the last byte."""
    path = tiny_disk.folder / "recovery.duckdb"
    seeded(path)
    tiny_disk.fill()
    return path


# Each cause for the command line: the journal it gets, the command, and the first words.
CLI_CAUSES = {
    "disk full (import)": (
        "full_disk_journal",
        ["import", "{csv}"],
        "Nothing was saved: the disk holding your journal is full.",
    ),
    "disk full (example)": (
        "full_disk_journal",
        ["demo", "--force"],
        "Nothing was saved: the disk holding your journal is full.",
    ),
    "read-only (export)": (
        "read_only_journal",
        ["export"],
        "Your journal is read-only here: it is safe, and nothing was changed",
    ),
    "read-only (import)": (
        "read_only_journal",
        ["import", "{csv}"],
        "Your journal is read-only here: it is safe, and nothing was changed",
    ),
    "folder blocked by a file": (
        "folder_blocked_by_a_file",
        ["import", "{csv}"],
        "The folder for your journal cannot be created or used: part of its path is a file",
    ),
}


@pytest.mark.parametrize("cause", list(CLI_CAUSES))
def test_the_command_line_names_the_cause_exits_1_and_changes_nothing(cause, request, tmp_path):
    fixture, args, words = CLI_CAUSES[cause]
    journal = request.getfixturevalue(fixture)
    source = tmp_path / "ok.csv"
    source.write_text(csv_text([row(dt.date(2021, 1, 1))]), encoding="utf-8")
    before = sha256(journal) if journal.exists() else None
    result = run(*(a.format(csv=source) for a in args), db=journal)
    message = result.stderr.decode()
    assert result.returncode == 1
    assert words in message
    assert f"Journal file: {journal}" in message
    assert "Traceback" not in message and "restore a backup" not in message
    assert (sha256(journal) if journal.exists() else None) == before


# ---- The same causes in the app: a plain error box on every page that writes ------------


@pytest.fixture
def app_on_a_full_disk(app, tiny_disk, monkeypatch):
    """The app on a journal with two days (one from the example) whose disk is then full."""
    path = tiny_disk.folder / "recovery.duckdb"
    seeded(path, (dt.date(2020, 5, 1),))
    conn = storage.open_database(path)
    storage.save_checkin(conn, LOCAL_OWNER, dt.date(2020, 5, 2), checkin(), batch="example")
    conn.close()
    monkeypatch.setenv("RECOVERY_DB", str(path))
    at = app.run()
    assert not at.exception
    tiny_disk.fill()
    return at


def _days(path: Path) -> list[dt.date]:
    conn = storage.open_database(path)  # the app's own process: DuckDB shares the instance
    return [r["day"] for r in storage.checkin_records(conn, LOCAL_OWNER)]


def _save_checkin(at):
    at.button(key="ci_save").click().run()


def _delete_a_day(at):
    at.switch_page("pages/history.py").run()
    choose_row(at, 0)
    at.button(key="history_delete").click().run()
    at.button(key="history_confirm_yes").click().run()


def _import_a_file(at):
    at.switch_page("pages/data.py").run()
    data = csv_text([row(dt.date(2021, 1, n)) for n in range(1, 29)]).encode()
    at.file_uploader(key="data_upload_0").set_value(("mine.csv", data, "text/csv")).run()
    at.button(key="data_import_confirm").click().run()


def _remove_the_example(at):
    at.switch_page("pages/progress.py").run()
    at.button(key="progress_remove_example").click().run()


WRITES = {
    "check-in save": _save_checkin,
    "history delete": _delete_a_day,
    "import": _import_a_file,
    "example removal": _remove_the_example,
}


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_on_a_full_disk_shows_a_plain_message_and_saves_nothing(
    write, app_on_a_full_disk, tiny_disk
):
    at = app_on_a_full_disk
    path = tiny_disk.folder / "recovery.duckdb"
    WRITES[write](at)
    assert not at.exception
    shown = [e.value for e in at.error]
    assert any(
        m.startswith("Nothing was saved: the disk holding your journal is full.") for m in shown
    ), shown
    assert not at.success
    assert _days(path) == [dt.date(2020, 5, 1), dt.date(2020, 5, 2)]


def test_a_check_in_refused_by_a_full_disk_saves_once_space_is_freed(app_on_a_full_disk, tiny_disk):
    at = app_on_a_full_disk
    _save_checkin(at)
    assert "the disk holding your journal is full" in at.error[0].value
    tiny_disk.free()
    _save_checkin(at)
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Saved your check-in for")
    assert len(_days(tiny_disk.folder / "recovery.duckdb")) == 3


def test_loading_the_example_on_a_full_disk_says_so(app, tiny_disk, monkeypatch):
    monkeypatch.setenv("RECOVERY_DB", str(tiny_disk.folder / "recovery.duckdb"))
    at = app.run()
    at.switch_page("pages/progress.py").run()
    tiny_disk.fill()
    at.button(key="progress_load_example").click().run()
    at.button(key="progress_example_yes").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Nothing was saved: the disk holding your journal is full")
    assert "Your journal is empty" in at.info[0].value


@pytest.mark.parametrize("page", ["pages/checkin.py", "pages/history.py", "pages/data.py"])
def test_the_app_says_a_read_only_journal_is_safe_and_names_it_for_its_owner(
    read_only_journal, app, monkeypatch, page
):
    monkeypatch.setenv("RECOVERY_DB", str(read_only_journal))
    at = app.run()
    at.switch_page(page).run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith("Your journal is read-only here: it is safe, and nothing was")
    assert f"Journal file: `{read_only_journal}`" in message  # as code: underscores stay
    assert "restore a backup" not in message


def test_a_visitor_to_a_shared_site_sees_no_server_path_and_the_server_logs_it(
    read_only_journal, app, monkeypatch, caplog
):
    monkeypatch.setenv("RECOVERY_DB", str(read_only_journal))
    monkeypatch.setenv("RECOVERY_MODE", "shared")
    with caplog.at_level(logging.WARNING, logger="seven_signs.storage"):
        at = app.run()
    assert not at.exception
    message = at.error[0].value
    assert message.startswith("Your journal is read-only here")
    assert str(read_only_journal) not in message and "/" not in message
    assert "RECOVERY_DB" not in message
    assert str(read_only_journal) in caplog.text and "read_only" in caplog.text


def test_a_folder_that_cannot_be_created_is_a_message_not_a_crash(
    folder_blocked_by_a_file, app, monkeypatch
):
    monkeypatch.setenv("RECOVERY_DB", str(folder_blocked_by_a_file))
    at = app.run()
    assert not at.exception
    assert "The folder for your journal cannot be created or used" in at.error[0].value


@pytest.mark.parametrize("command", ["export", "summary", "report"])
def test_the_command_line_calls_a_journal_damaged_inside_damaged(
    journal_damaged_inside, tmp_path, command
):
    args = [command, "-o", str(tmp_path / "out.pdf")] if command == "report" else [command]
    result = run(*args, db=journal_damaged_inside)
    message = result.stderr.decode()
    assert result.returncode == 1
    assert "Your journal file is damaged: part of it can no longer be read." in message
    assert "restore a backup" in message and "Traceback" not in message
