"""Failures that must lose nothing: a killed process, a locked file, a damaged file, a bad
row deep inside a large file."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest

from recovery import storage, transfer
from recovery.storage import LOCAL_OWNER
from tests.conftest import child, held_open_by_another_process, sha256, wait_for_line
from tests.test_cli import run, seeded
from tests.test_transfer import csv_text, row

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
    storage.BULK_CHUNK = 1000
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
