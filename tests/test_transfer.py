"""Export to CSV and JSON, and import that checks every row before writing anything."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from recovery import example, storage, transfer
from recovery.storage import LOCAL_OWNER, bulk
from tests.conftest import TODAY, checkin
from tests.support import DAY1, DAY2, csv_text, row


def days_in(conn) -> list[dt.date]:
    return [r["day"] for r in storage.checkin_records(conn, LOCAL_OWNER)]


def test_csv_export_has_date_first_then_the_registry_columns_with_notes_last(conn):
    storage.save_checkin(
        conn, LOCAL_OWNER, DAY1, checkin(notes='Walked to the park, said "ouch"\nthen rested')
    )
    text = transfer.export_csv(conn, LOCAL_OWNER)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0][0] == "date" and parsed[0][-1] == "notes"
    assert parsed[0][1:4] == ["leg_pain", "back_pain", "pain_episodes"]
    assert parsed[1][0] == DAY1.isoformat()
    assert parsed[1][-1] == 'Walked to the park, said "ouch"\nthen rested'


def test_csv_export_of_a_range_holds_only_those_days(conn):
    for day in (DAY1, DAY2, TODAY):
        storage.save_checkin(conn, LOCAL_OWNER, day, checkin())
    text = transfer.export_csv(conn, LOCAL_OWNER, start=DAY2, end=DAY2)
    assert [line.split(",")[0] for line in text.splitlines()[1:]] == [DAY2.isoformat()]


def test_json_backup_names_its_format_schema_version_and_time(conn):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(limp=True, sleep_hours=6.5))
    now = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
    backup = json.loads(transfer.export_json(conn, LOCAL_OWNER, now=now))
    assert backup["format"] == "seven-signs-journal"
    assert backup["schema_version"] == storage.SCHEMA_VERSION
    assert backup["exported_at"] == "2026-03-01T09:30:00+00:00"
    (day,) = backup["checkins"]
    assert day["date"] == DAY1.isoformat() and day["limp"] is True and day["sleep_hours"] == 6.5
    assert set(day) == set(transfer.JSON_FIELDS)


def test_importing_an_export_into_an_empty_journal_gives_the_same_export(conn, tmp_path):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(notes="é, ü and ;"))
    storage.save_checkin(conn, LOCAL_OWNER, DAY2, checkin(fingertip_floor_cm=12.5))
    for export, name in ((transfer.export_csv, "j.csv"), (transfer.export_json, "j.json")):
        fixed = {"now": dt.datetime(2026, 1, 1)} if name.endswith("json") else {}
        text = export(conn, LOCAL_OWNER, **fixed)
        other = storage.open_database(tmp_path / f"other-{name}.duckdb")
        parsed = transfer.read_file(text.encode(), name)
        assert parsed.ok, parsed.problems
        transfer.apply_import(other, LOCAL_OWNER, parsed, replace=False)
        assert export(other, LOCAL_OWNER, **fixed) == text
        other.close()


def test_a_spreadsheet_csv_with_bom_semicolons_any_order_and_missing_optionals_imports(conn):
    columns = (
        "Notes",
        "exercises_done",
        "activity",
        "night_wakings",
        "sleep_quality",
        "leg_strength",
        "numbness",
        "walk_minutes",
        "bending",
        "pain_episodes",
        "back_pain",
        "leg_pain",
        "date",
        "limp",
    )
    rows = [row(DAY1, leg_pain=7, notes="ça va"), row(DAY2, leg_pain=6, limp=None)]
    text = csv_text([{**r, "Notes": r["notes"]} for r in rows], columns, sep=";")
    text = text.replace("no", "No")  # Spreadsheets capitalise yes/no.
    parsed = transfer.read_file(b"\xef\xbb\xbf" + text.encode("utf-8"), "mine.csv")
    assert parsed.ok, parsed.problems
    result = transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=False)
    assert (result.added, result.replaced, result.kept) == (2, 0, 0)
    saved = storage.get_checkin(conn, LOCAL_OWNER, DAY1)
    assert saved["leg_pain"] == 7 and saved["notes"] == "ça va" and saved["limp"] is None
    # A red-flag column the file lacks was never asked: unknown, never "no".
    assert saved["fingertip_floor_cm"] is None and saved["rf_both_legs"] is None


def test_a_decimal_comma_is_read_as_a_decimal_point(conn):
    text = csv_text([row(DAY1, sleep_hours="6,5")], sep=";")
    parsed = transfer.read_file(text.encode(), "x.csv")
    assert parsed.ok and parsed.rows[0][1]["sleep_hours"] == 6.5


def test_blank_trailing_rows_from_a_spreadsheet_are_ignored(conn):
    text = csv_text([row(DAY1)], sep=";") + ";;;;\r\n;;;;\r\n"
    assert transfer.read_file(text.encode(), "x.csv").ok


BAD_CELLS = [
    # A score above the scale: the issue's own example message.
    ("leg_pain", "12", "leg_pain must be a whole number from 0 to 10; got 12"),
    # Half points are not on a 0-10 whole-number scale.
    ("bending", "4.5", "bending must be a whole number from 0 to 10; got 4.5"),
    # Words where a number belongs.
    ("walk_minutes", "twenty", "walk_minutes must be a whole number from 0 to 600; got 'twenty'"),
    # A negative count.
    ("night_wakings", "-1", "night_wakings must be a whole number from 0 to 20; got -1"),
    # A required value left blank.
    ("sleep_quality", "", "sleep_quality is missing: it must be a whole number from 0 to 10"),
    # Not one of the activity levels.
    (
        "activity",
        "jogging",
        "activity must be one of rest, light, normal, strenuous; got 'jogging'",
    ),
    # Yes/no answered with something else.
    ("limp", "sometimes", "limp must be yes or no; got 'sometimes'"),
    ("rf_both_legs", "maybe", "rf_both_legs must be yes or no; got 'maybe'"),
    # A decimal measure outside its range.
    ("sleep_hours", "25", "sleep_hours must be a number from 0 to 24; got 25"),
    # "nan" parses as a float in Python but is not a measurement.
    ("fingertip_floor_cm", "nan", "fingertip_floor_cm must be a number from 0 to 100; got 'nan'"),
    # A date written in words is not one of the ways the import reads.
    (
        "date",
        "Nov 23 2026",
        "date must be written as YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY (for example 2026-03-31 "
        "or 31/03/2026); got 'Nov 23 2026'",
    ),
    # Year 0001 (a spreadsheet's empty date) would make every chart span two millennia.
    ("date", "0001-01-01", "date 0001-01-01 is before 1900; check the year"),
    # Looks like ISO but is not a real day.
    ("date", "2026-02-30", "date 2026-02-30 is not a real calendar day"),
    ("date", "", "date is missing: every row needs its day"),
    # A day that has not happened yet.
    (
        "date",
        (TODAY + dt.timedelta(days=1)).isoformat(),
        f"date {(TODAY + dt.timedelta(days=1)).isoformat()} is in the future; check-ins are "
        "for today or earlier",
    ),
]


@pytest.mark.parametrize(("column", "cell", "message"), BAD_CELLS)
def test_a_bad_cell_is_named_with_row_column_value_and_nothing_is_written(
    conn, column, cell, message
):
    rows = [row(DAY1), row(DAY2, **{column: cell})]
    if column == "date":
        rows[1]["date"] = cell
    parsed = transfer.read_file(csv_text(rows).encode(), "x.csv")
    assert not parsed.ok
    assert [(p.row, p.column, p.value, p.message) for p in parsed.problems] == [
        (3, column, cell, message)
    ]
    assert days_in(conn) == []


BAD_FILES = [
    # Nothing at all.
    (b"", "The file is empty: there is nothing to import."),
    (b"\r\n \n", "The file is empty: there is nothing to import."),
    # A header and no days.
    (",".join(transfer.CSV_COLUMNS).encode(), "The file has column names but no days to import."),
    # An Excel workbook (a zip file) instead of a CSV.
    (
        b"PK\x03\x04" + b"\x00" * 40,
        "This is a spreadsheet workbook (for example .xlsx), not a "
        "CSV file. In your spreadsheet choose Save as (or Download) and pick CSV UTF-8, then "
        "import that.",
    ),
    # A picture or another binary file.
    (
        b"\x89PNG\r\n\x1a\n\x00\x00",
        "This is not a CSV or JSON file (it holds binary data). "
        "Import a CSV or a JSON backup exported from Seven Signs.",
    ),
    # A CSV saved in an old Windows encoding.
    (
        "date,notes\n2026-01-01,café".encode("cp1252"),
        "The file is not UTF-8 text (byte 26 "
        "cannot be read). In your spreadsheet save it as CSV UTF-8, then import it again.",
    ),
    # Prose rather than a table.
    (
        b"Dear doctor, here is my diary.\nIt was a bad week.",
        "This does not look like a Seven "
        "Signs CSV: the first line must hold the column names, starting with date (the template "
        "on this page shows them).",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_a_file_that_is_not_a_journal_csv_gets_one_clear_message(data, message):
    parsed = transfer.read_file(data, "upload.csv")
    assert [p.message for p in parsed.problems] == [message]


def test_an_unknown_column_is_named_with_a_suggestion():
    columns = tuple("legpain" if c == "leg_pain" else c for c in transfer.CSV_COLUMNS)
    parsed = transfer.read_file(csv_text([row()], columns).encode(), "x.csv")
    messages = [p.message for p in parsed.problems]
    assert "legpain is not a Seven Signs column; did you mean leg_pain?" in messages
    assert any("the file has no leg_pain column" in m for m in messages)


def test_a_date_twice_in_the_file_names_both_rows():
    parsed = transfer.read_file(csv_text([row(DAY1), row(DAY2), row(DAY1)]).encode(), "x.csv")
    assert [(p.row, p.message) for p in parsed.problems] == [
        (4, f"date {DAY1.isoformat()} is also on row 2; each day can appear only once")
    ]


def test_a_row_with_too_many_values_is_named():
    text = csv_text([row()]).rstrip("\r\n") + ",surplus\r\n"
    (problem,) = transfer.read_file(text.encode(), "x.csv").problems
    assert (
        problem.row == 2
        and f"first line names {len(transfer.CSV_COLUMNS)} columns" in problem.message
    )


def test_every_problem_in_the_file_is_listed_not_just_the_first():
    rows = [row(DAY1, leg_pain=11, numbness=-2), row(DAY2, activity="jogging")]
    parsed = transfer.read_file(csv_text(rows).encode(), "x.csv")
    assert [(p.row, p.column) for p in parsed.problems] == [
        (2, "leg_pain"),
        (2, "numbness"),
        (3, "activity"),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # Not JSON at all, though named .json.
        (lambda text: text[:40], "This is not a Seven Signs backup: it is not valid JSON"),
        # Some other program's JSON.
        (lambda text: '{"rows": []}', "This is not a Seven Signs backup"),
        # A backup from a future version of the app.
        (
            lambda text: text.replace(
                f'"schema_version": {storage.SCHEMA_VERSION}', '"schema_version": 99'
            ),
            "This backup comes from a newer Seven Signs (schema version 99)",
        ),
        # A value edited by hand out of range.
        (
            lambda text: text.replace('"leg_pain": 5', '"leg_pain": 12'),
            "leg_pain must be a whole number from 0 to 10; got 12",
        ),
        # A field this version does not know.
        (
            lambda text: text.replace('"leg_pain": 5', '"leg_pian": 5'),
            "leg_pian is not a Seven Signs field; did you mean leg_pain?",
        ),
    ],
)
def test_a_damaged_json_backup_is_refused_with_a_clear_message(conn, change, message):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(leg_pain=5))
    text = change(transfer.export_json(conn, LOCAL_OWNER))
    parsed = transfer.read_file(text.encode(), "backup.json")
    assert not parsed.ok
    assert any(p.message.startswith(message) for p in parsed.problems), parsed.problems


def test_the_plan_counts_new_days_and_days_already_in_the_journal(conn):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(leg_pain=2))
    parsed = transfer.read_file(csv_text([row(DAY1, leg_pain=8), row(DAY2)]).encode(), "x.csv")
    plan = transfer.plan_import(conn, LOCAL_OWNER, parsed)
    assert (plan.new_days, plan.existing_days) == (1, 1)


@pytest.mark.parametrize(
    ("replace", "leg_pain", "counts"),
    [
        # Keep: the person's own entry wins.
        (False, 2, (1, 0, 1)),
        # Replace: the file's entry wins.
        (True, 8, (1, 1, 0)),
    ],
)
def test_days_already_in_the_journal_are_kept_or_replaced_as_chosen(
    conn, replace, leg_pain, counts
):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(leg_pain=2))
    parsed = transfer.read_file(csv_text([row(DAY1, leg_pain=8), row(DAY2)]).encode(), "x.csv")
    result = transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=replace)
    assert (result.added, result.replaced, result.kept) == counts
    assert storage.get_checkin(conn, LOCAL_OWNER, DAY1)["leg_pain"] == leg_pain
    assert days_in(conn) == [DAY1, DAY2]


def test_an_imported_csv_is_one_batch_that_can_be_removed_again(conn):
    parsed = transfer.read_file(csv_text([row(DAY1), row(DAY2)]).encode(), "x.csv")
    transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=False)
    (batch,) = {r["batch"] for r in storage.checkin_records(conn, LOCAL_OWNER)}
    assert batch.startswith("import ")
    assert storage.delete_batch(conn, LOCAL_OWNER, batch) == 2


def test_a_failure_during_the_write_leaves_nothing(conn, monkeypatch):
    rows = [row(TODAY - dt.timedelta(days=n)) for n in range(1, 13)]
    parsed = transfer.read_file(csv_text(rows).encode(), "x.csv")
    monkeypatch.setattr(bulk, "BULK_CHUNK", 5)

    def fail_after_first_chunk(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        transfer.apply_import(
            conn, LOCAL_OWNER, parsed, replace=False, on_progress=fail_after_first_chunk
        )
    assert days_in(conn) == []


def test_empty_columns_after_the_last_one_are_ignored():
    text = csv_text([row()], sep=";").replace("\r\n", ";;\r\n")
    assert transfer.read_file(text.encode(), "x.csv").ok


def test_a_column_without_a_name_in_the_middle_is_named():
    columns = ("date", "", *transfer.CSV_COLUMNS[1:])
    (problem,) = transfer.read_file(csv_text([row()], columns).encode(), "x.csv").problems
    assert problem.message == "column 2 has no name in the first line"


# ---- Dates as people type them -----------------------------------------------------------

PRIMARY_ONLY = ("date", *(c for c in transfer.REQUIRED_COLUMNS if c != "date"))
PINNED = dt.date(2026, 11, 24)


def dated_csv(*cells: str, columns: tuple[str, ...] = PRIMARY_ONLY) -> bytes:
    """A primary-columns CSV whose date cells are written exactly as given."""
    text = csv_text(
        [row(dt.date(2000, 1, 1) + dt.timedelta(days=n)) for n in range(len(cells))], columns
    )
    for n, cell in enumerate(cells):
        text = text.replace((dt.date(2000, 1, 1) + dt.timedelta(days=n)).isoformat(), cell, 1)
    return text.encode()


@pytest.mark.parametrize(
    ("cells", "order", "days"),
    [
        # ISO, as exported.
        (("2026-03-30", "2026-03-31"), transfer.AUTO, [(2026, 3, 30), (2026, 3, 31)]),
        # Day first: row 3 (31/03) settles it for row 2 (05/03) too.
        (("05/03/2026", "31/03/2026"), transfer.AUTO, [(2026, 3, 5), (2026, 3, 31)]),
        # Dotted dates are day first wherever they are used.
        (("5.3.2026", "31.3.2026"), transfer.AUTO, [(2026, 3, 5), (2026, 3, 31)]),
        # Month first, when the person says so.
        (("03/05/2026", "03/31/2026"), transfer.MONTH_FIRST, [(2026, 3, 5), (2026, 3, 31)]),
        # Day first chosen explicitly reads a file that cannot settle it by itself.
        (("03/04/2026", "04/04/2026"), transfer.DAY_FIRST, [(2026, 4, 3), (2026, 4, 4)]),
        # The same day and month either way: nothing to settle.
        (("05/05/2026",), transfer.AUTO, [(2026, 5, 5)]),
    ],
)
def test_dates_as_people_type_them_are_read(cells, order, days):
    parsed = transfer.read_file(dated_csv(*cells), "x.csv", today=PINNED, date_order=order)
    assert parsed.ok, parsed.problems
    assert [day for day, _ in parsed.rows] == [dt.date(*d) for d in days]


@pytest.mark.parametrize(
    ("cells", "order", "row", "message"),
    [
        # Nothing in the file says which part is the day: refused, rows named, not guessed.
        (
            ("03/04/2026", "04/05/2026"),
            transfer.AUTO,
            2,
            "rows 2, 3: a date such as 03/04/2026 could be 3 April or 4 March, and no row "
            "settles it; choose the date order (DD/MM/YYYY or MM/DD/YYYY) and import again",
        ),
        # An American file left on automatic.
        (
            ("03/30/2026", "03/04/2026"),
            transfer.AUTO,
            2,
            "row 2 write the month first (such as 03/30/2026); choose the date order "
            "MM/DD/YYYY and import again",
        ),
        # Day-first and month-first rows in one file.
        (
            ("31/03/2026", "03/30/2026"),
            transfer.AUTO,
            2,
            "the dates are written two ways: day first on row 2 (such as 31/03/2026) and "
            "month first on row 3 (such as 03/30/2026); write them all the same way",
        ),
        # Month first chosen, but the file is day first.
        (("31/03/2026",), transfer.MONTH_FIRST, 2, "date 31/03/2026 is not a real calendar day"),
        # Year 0001 (an empty date cell in some spreadsheets) and other early typos.
        (("0001-01-01",), transfer.AUTO, 2, "date 0001-01-01 is before 1900; check the year"),
        (("31.12.1899",), transfer.AUTO, 2, "date 31.12.1899 is before 1900; check the year"),
    ],
)
def test_dates_that_cannot_be_read_surely_are_refused_with_the_row(cells, order, row, message):
    parsed = transfer.read_file(dated_csv(*cells), "x.csv", today=PINNED, date_order=order)
    assert not parsed.ok and not parsed.rows
    assert [(p.row, p.message) for p in parsed.problems] == [(row, message)]


def test_missing_columns_and_bad_rows_are_listed_together():
    columns = tuple(c for c in PRIMARY_ONLY if c != "numbness")
    text = csv_text([row(DAY1, leg_pain=12)], columns).encode()
    problems = transfer.read_file(text, "x.csv").problems
    assert [(p.row, p.column) for p in problems] == [(1, "numbness"), (2, "leg_pain")]


def test_a_primary_columns_only_file_leaves_the_rest_not_recorded(conn):
    parsed = transfer.read_file(dated_csv("2026-03-31"), "x.csv", today=PINNED)
    transfer.apply_import(conn, LOCAL_OWNER, parsed, replace=False, today=PINNED)
    saved = storage.get_checkin(conn, LOCAL_OWNER, dt.date(2026, 3, 31))
    assert saved["activity"] is None and saved["exercises_done"] is None
    assert saved["limp"] is None and saved["rf_both_legs"] is None  # never asked: unknown


# ---- Limits and hostile files ------------------------------------------------------------


def test_a_file_with_more_days_than_a_century_is_refused_before_checking_them_all(monkeypatch):
    monkeypatch.setattr("recovery.transfer.csv_file.MAX_ROWS", 3)
    rows = [row(DAY1 - dt.timedelta(days=n)) for n in range(5)]
    parsed = transfer.read_file(csv_text(rows).encode(), "x.csv")
    assert not parsed.rows
    assert [p.message for p in parsed.problems] == [
        "The file holds more than 40,000 days (a century of daily check-ins is about 36,500). "
        "Nothing was imported. Check that this is a Seven Signs journal, or split it."
    ]


def test_a_file_over_the_size_limit_is_refused_without_reading_it():
    data = b"date\n" + b" " * transfer.MAX_BYTES
    (problem,) = transfer.read_file(data, "x.csv").problems
    assert problem.message.startswith("The file is 50.0 MB; the limit is 50 MB")


@pytest.mark.parametrize(
    "data",
    [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000],
)
def test_a_deeply_nested_json_is_not_a_backup(data):
    (problem,) = transfer.read_file(data, "deep.json").problems
    assert problem.message.startswith("This is not a Seven Signs backup")


# ---- Example days and formulas leave marked --------------------------------------------


def test_example_days_are_marked_in_csv_and_json_and_come_back_as_examples(conn, tmp_path):
    example.load_example(conn, LOCAL_OWNER, end=DAY2)
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin())  # the person's own day
    text = transfer.export_csv(conn, LOCAL_OWNER)
    lines = list(csv.DictReader(io.StringIO(text)))
    assert {r["date"]: r["example"] for r in lines}[DAY1.isoformat()] == "no"
    assert {r["date"]: r["example"] for r in lines}[DAY2.isoformat()] == "yes"
    backup = json.loads(transfer.export_json(conn, LOCAL_OWNER))
    assert {d["date"]: d["example"] for d in backup["checkins"]}[DAY2.isoformat()] is True
    other = storage.open_database(tmp_path / "other.duckdb")
    parsed = transfer.read_file(text.encode(), "x.csv")
    assert parsed.example_days == len(lines) - 1
    transfer.apply_import(other, LOCAL_OWNER, parsed, replace=False)
    assert storage.count_batch(other, LOCAL_OWNER, storage.EXAMPLE_BATCH) == len(lines) - 1
    assert transfer.export_csv(other, LOCAL_OWNER) == text
    other.close()


@pytest.mark.parametrize("note", ["=SUM(A1)", "+33 1 23", "-2 today", "@home", "'=already"])
def test_a_note_a_spreadsheet_would_run_is_exported_with_an_apostrophe(conn, note):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(notes=note))
    (exported,) = [
        r["notes"] for r in csv.DictReader(io.StringIO(transfer.export_csv(conn, LOCAL_OWNER)))
    ]
    assert exported == "'" + note
    parsed = transfer.read_file(transfer.export_csv(conn, LOCAL_OWNER).encode(), "x.csv")
    assert parsed.rows[0][1]["notes"] == note


def test_export_file_names_carry_the_date_range():
    name = transfer.export_filename("csv", dt.date(2026, 9, 1), dt.date(2026, 11, 24))
    assert name == "seven-signs-2026-09-01-to-2026-11-24.csv"
