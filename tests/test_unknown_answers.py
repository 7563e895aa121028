"""Unknown is never shown as "no": red flags nobody was asked read "not asked" everywhere."""

from __future__ import annotations

import datetime as dt
import io
import json

import duckdb
from pypdf import PdfReader

from recovery import history, report, storage, transfer
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin
from tests.support import DAY1, DAY2, csv_text, row

ASKED_DAY = TODAY - dt.timedelta(days=3)


def _import_without_red_flags(conn) -> None:
    columns = tuple(c for c in transfer.CSV_COLUMNS if not c.startswith("rf_"))
    parsed = transfer.read_file(csv_text([row(DAY1), row(DAY2)], columns).encode(), "old.csv")
    assert parsed.ok, parsed.problems
    transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=False, today=TODAY)
    storage.save_checkin(conn, LOCAL_OWNER, ASKED_DAY, checkin(), today=TODAY)


def test_history_marks_days_nobody_was_asked_as_not_asked(conn):
    _import_without_red_flags(conn)
    table = history.phone_table(storage.load_checkins(conn, LOCAL_OWNER))
    assert list(table["Red flag"]) == ["", "Not asked", "Not asked"]
    details = dict(history.day_details(storage.get_checkin(conn, LOCAL_OWNER, DAY1)))
    assert details["Red flags"] == "Not asked"
    asked = dict(history.day_details(storage.get_checkin(conn, LOCAL_OWNER, ASKED_DAY)))
    assert asked["Red flags"] == "None"


def test_the_csv_and_json_keep_not_asked_apart_from_no(conn, tmp_path):
    _import_without_red_flags(conn)
    exported = transfer.export_csv(conn, LOCAL_OWNER)
    lines = exported.splitlines()
    header = lines[0].split(",")
    column = header.index("rf_both_legs")
    cells = [line.split(",")[column] for line in lines[1:]]
    assert cells == ["not asked", "not asked", "no"]
    backup = json.loads(transfer.export_json(conn, LOCAL_OWNER, now=dt.datetime(2026, 11, 20)))
    assert [day["rf_both_legs"] for day in backup["checkins"]] == [None, None, False]
    # Read back into another journal, "not asked" stays unknown.
    other = storage.open_database(tmp_path / "other.duckdb")
    parsed = transfer.read_file(exported.encode(), "back.csv", today=TODAY)
    assert parsed.ok, parsed.problems
    transfer.apply_import(other, LOCAL_OWNER, parsed, replace=False, today=TODAY)
    assert storage.get_checkin(other, LOCAL_OWNER, DAY1)["rf_both_legs"] is None
    other.close()


def test_the_pdf_says_on_how_many_days_red_flags_were_asked(conn):
    _import_without_red_flags(conn)
    pdf = report.build_report(conn, LOCAL_OWNER, today=TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Red flags: asked on 1 of 3 days; none reported." in " ".join(text.split())
    assert "None ticked" not in text


def test_the_migration_turns_old_imports_without_red_flags_into_unknown(db_path):
    # A journal as the previous version (schema 4) left it: imported days stored "not ticked".
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = duckdb.connect(str(db_path))
    storage.migrate(old, target=4)
    values = checkin()
    columns = ", ".join(["owner", "day", "batch", *values])
    marks = ", ".join("?" for _ in range(len(values) + 3))
    insert = f"INSERT INTO checkins ({columns}) VALUES ({marks})"  # noqa: S608
    for day, batch, flagged in (
        (ASKED_DAY, "import 2026-01-01 10:00:00", False),  # no flag in the whole batch
        (DAY2, "import 2026-02-01 10:00:00", True),  # this file did ask
        (DAY1, None, False),  # typed in the app: asked, and "no"
    ):
        old.execute(insert, ["ana", day, batch, *{**values, "rf_both_legs": flagged}.values()])
    old.close()
    conn = storage.open_database(db_path)
    got = {r["day"]: r["rf_both_legs"] for r in storage.checkin_records(conn, "ana")}
    assert storage.schema_version(conn) == storage.SCHEMA_VERSION
    conn.close()
    assert got == {ASKED_DAY: None, DAY2: True, DAY1: False}
