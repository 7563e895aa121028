"""`python -m recovery`: import, export and their refusals, run as a person would."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from recovery import storage, transfer
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY
from tests.support import DAY1, DAY2, ROOT, csv_text, row, run, seeded


@pytest.mark.parametrize("command", ["import", "export", "summary", "report", "factors", "demo"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert b"usage: python -m recovery " + command.encode() in result.stdout


def test_export_writes_csv_to_stdout_by_default(db_path):
    seeded(db_path)
    result = run("export", db=db_path)
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("date,leg_pain,")
    assert [line[:10] for line in lines[1:]] == [DAY1.isoformat(), DAY2.isoformat()]


def test_export_json_of_a_range_to_a_file(db_path, tmp_path):
    seeded(db_path)
    target = tmp_path / "backup.json"
    result = run(
        "export", "--format", "json", "--from", DAY2.isoformat(), "-o", str(target), db=db_path
    )
    assert result.returncode == 0 and result.stdout == b""
    backup = json.loads(target.read_text(encoding="utf-8"))
    assert [d["date"] for d in backup["checkins"]] == [DAY2.isoformat()]


def test_the_default_journal_is_recovery_db(db_path):
    seeded(db_path)
    result = run("export", env={"RECOVERY_DB": str(db_path)})
    assert DAY1.isoformat() in result.stdout.decode()


def test_import_prints_what_it_imported_and_keeps_existing_days(db_path, tmp_path):
    seeded(db_path, (DAY1,))
    source = tmp_path / "mine.csv"
    source.write_text(csv_text([row(DAY1, leg_pain=9), row(DAY2)]), encoding="utf-8")
    result = run("import", str(source), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith(
        "Imported 1 day. Kept 1 day of yours unchanged. (from "
    )
    conn = storage.open_database(db_path)
    assert storage.get_checkin(conn, LOCAL_OWNER, DAY1)["leg_pain"] != 9
    conn.close()


def test_import_replace_takes_the_files_days(db_path, tmp_path):
    seeded(db_path, (DAY1,))
    source = tmp_path / "mine.csv"
    source.write_text(csv_text([row(DAY1, leg_pain=9)]), encoding="utf-8")
    result = run("import", str(source), "--replace", db=db_path)
    assert "1 replaced" in result.stdout.decode()
    conn = storage.open_database(db_path)
    assert storage.get_checkin(conn, LOCAL_OWNER, DAY1)["leg_pain"] == 9
    conn.close()


def test_an_invalid_import_lists_problems_on_stderr_writes_nothing_and_exits_1(db_path, tmp_path):
    seeded(db_path)
    before = db_path.read_bytes()
    source = tmp_path / "bad.csv"
    source.write_text(csv_text([row(TODAY - dt.timedelta(days=30), leg_pain=12)]), encoding="utf-8")
    result = run("import", str(source), db=db_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert "row 2, leg_pain: leg_pain must be a whole number from 0 to 10; got 12" in (
        result.stderr.decode()
    )
    assert db_path.read_bytes() == before


def test_an_invalid_import_into_a_new_path_creates_no_journal(tmp_path):
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    result = run("import", str(source), db=tmp_path / "new.duckdb")
    assert result.returncode == 1
    assert "The file is empty" in result.stderr.decode()
    assert not (tmp_path / "new.duckdb").exists()


def test_import_reads_a_json_backup_from_stdin(db_path, tmp_path):
    seeded(tmp_path / "old.duckdb")
    backup = run("export", "--format", "json", db=tmp_path / "old.duckdb").stdout
    result = run("import", "-", db=db_path, stdin=backup)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "Imported 2 days (all new). (from -)\n"


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        # A file that is not there.
        (["import", "nowhere.csv"], "There is no file nowhere.csv.", 1),
        # A date in the wrong form is a usage error, with argparse's exit code.
        (["export", "--from", "31/03/2026"], "is not a date; write it as YYYY-MM-DD", 2),
        # An inverted range.
        (
            ["export", "--from", "2026-03-02", "--to", "2026-03-01"],
            "--from must be on or before --to.",
            1,
        ),
    ],
)
def test_bad_arguments_get_a_plain_message(db_path, args, message, code):
    seeded(db_path)
    result = run(*args, db=db_path)
    assert result.returncode == code
    assert message in result.stderr.decode()


def test_reading_commands_do_not_create_a_missing_journal(tmp_path):
    result = run("export", db=tmp_path / "typo.duckdb")
    assert result.returncode == 1
    assert "There is no journal at" in result.stderr.decode()
    assert not (tmp_path / "typo.duckdb").exists()


def test_export_of_fifty_rows_matches_the_library(db_path):
    days = tuple(TODAY - dt.timedelta(days=n) for n in range(50, 0, -1))
    seeded(db_path, days)
    conn = storage.open_database(db_path)
    expected = transfer.export_csv(conn, LOCAL_OWNER)
    conn.close()
    assert run("export", db=db_path).stdout.decode() == expected


def test_demo_fills_an_empty_journal_with_the_example(db_path):
    result = run("demo", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Added the example recovery: 84 days." in result.stdout.decode()
    conn = storage.open_database(db_path)
    assert storage.journal_summary(conn, LOCAL_OWNER).days_logged == 84
    conn.close()


def test_demo_refuses_a_journal_with_days_unless_forced(db_path):
    seeded(db_path, (TODAY,))
    before = db_path.read_bytes()
    refused = run("demo", db=db_path)
    assert refused.returncode == 1
    assert "already holds 1 day" in refused.stderr.decode()
    assert db_path.read_bytes() == before
    forced = run("demo", "--force", db=db_path)
    assert forced.returncode == 0, forced.stderr


def test_import_reads_month_first_dates_when_told(tmp_path):
    db = tmp_path / "j.duckdb"
    source = tmp_path / "us.csv"
    text = csv_text([row(dt.date(2026, 3, 30))]).replace("2026-03-30", "03/30/2026")
    source.write_text(text, encoding="utf-8")
    refused = run("import", str(source), db=db)
    assert refused.returncode == 1
    assert "choose the date order MM/DD/YYYY" in refused.stderr.decode()
    assert not db.exists()
    result = run("import", "--date-format", "MM/DD/YYYY", str(source), db=db)
    assert result.returncode == 0, result.stderr
    assert "Imported 1 day" in result.stdout.decode()


def test_a_deeply_nested_json_is_refused_without_a_traceback(tmp_path):
    source = tmp_path / "deep.json"
    source.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = run("import", str(source), db=tmp_path / "j.duckdb")
    assert result.returncode == 1
    assert "This is not a Seven Signs backup" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert not (tmp_path / "j.duckdb").exists()


@pytest.mark.parametrize("address", ["mysql://sam:s3cret@db.example:3306/journal", "https://x/y"])
def test_a_database_address_is_refused_and_never_becomes_a_folder(address, tmp_path):
    before = set(ROOT.iterdir())
    for command in (["summary"], ["export"], ["import", "-"]):
        result = run(*command, db=address, stdin=csv_text([row(DAY1)]).encode())
        assert result.returncode == 1
        said = result.stderr.decode()
        assert f"{address.split('://')[0]}:// address, not a file" in said
        assert "Nothing was created" in said and "Traceback" not in said
        assert "s3cret" not in said  # only the scheme is repeated: an address may hold a password
    assert set(ROOT.iterdir()) == before  # no "mysql:" folder beside the code


def test_factors_json_prints_every_comparison(db_path):
    assert run("demo", db=db_path).returncode == 0
    result = run("factors", "--json", db=db_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert set(rows[0]) == {
        "factor",
        "label",
        "outcome",
        "lag",
        "days_with",
        "days_without",
        "difference",
        "interval",
        "p_holm",
        "flagged",
    }
    assert rows[0]["flagged"]  # links first
    for one in rows:
        if one["factor"] in {"exercises", "rest", "more_walking"}:
            assert one["difference"] is not None  # the example has enough of those days
        if one["difference"] is not None:
            low, high = one["interval"]
            assert low <= one["difference"] <= high
        else:
            assert one["interval"] is None and not one["flagged"]
    every = {(o, lag) for o in ("leg_pain", "pain_episodes", "sleep_quality") for lag in (0, 1)}
    for factor in ("exercises", "strenuous", "rest", "more_sleep", "more_walking"):
        assert {(r["outcome"], r["lag"]) for r in rows if r["factor"] == factor} == every
    # The example's logged flare-up triggers and medicines are factors too.
    assert any(r["factor"] == "trigger_sitting" for r in rows)
    assert any(r["factor"].startswith("medicine_") for r in rows)


def test_factors_without_enough_days_print_null_differences(db_path):
    seeded(db_path)
    rows = json.loads(run("factors", "--json", db=db_path).stdout)
    assert all(r["difference"] is None and r["interval"] is None for r in rows)
    assert not any(r["flagged"] for r in rows)
    text = run("factors", db=db_path).stdout.decode()
    assert "not enough days yet" in text and "link, not proof" in text


def test_factors_refuses_a_silly_window_in_plain_words(db_path):
    seeded(db_path)
    result = run("factors", "--days", "3", db=db_path)
    assert result.returncode == 1
    assert b"--days must be between 14 and 3660" in result.stderr
