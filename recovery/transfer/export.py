"""Writing a journal out: CSV for spreadsheets, JSON for a complete backup."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb

from recovery import storage
from recovery.signs import MEASURES_BY_COLUMN, RED_FLAG_COLUMNS
from recovery.storage import EXAMPLE_BATCH
from recovery.transfer import flares_file, settings_file
from recovery.transfer.checks import NOT_ASKED, guard
from recovery.transfer.columns import CSV_COLUMNS, EXAMPLE_COLUMN, JSON_FIELDS
from recovery.transfer.json_file import JSON_FORMAT


def format_cell(column: str, value: object) -> str:
    """One value as the CSV writes it: yes/no, plain numbers, ISO dates, blank for none.

    A red-flag question nobody was asked reads "not asked": a blank there could pass for "no".
    """
    if value is None:
        return NOT_ASKED if column in RED_FLAG_COLUMNS else ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    measure = MEASURES_BY_COLUMN.get(column)
    if measure is not None and measure.kind == "text":
        return guard(str(value))
    return str(value)


def _with_example(record: dict[str, object]) -> dict[str, object]:
    record["date"] = record["day"]
    record[EXAMPLE_COLUMN] = record["batch"] == EXAMPLE_BATCH
    return record


def export_csv(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    """The journal (or a date range of it) as CSV text, one row per day, oldest first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in storage.checkin_records(conn, owner, start, end):
        record = _with_example(record)
        writer.writerow([format_cell(column, record[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _json_value(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def export_json(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    now: dt.datetime | None = None,
) -> str:
    """A complete backup as JSON: every field of every day, the schema version, the time."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    header = {
        "format": JSON_FORMAT,
        "schema_version": storage.SCHEMA_VERSION,
        "exported_at": now.isoformat(),
        "fields": list(JSON_FIELDS),
    }
    lines = []
    for record in storage.checkin_records(conn, owner, start, end):
        record = _with_example(record)
        entry = {name: _json_value(record[name]) for name in JSON_FIELDS}
        lines.append(json.dumps(entry, ensure_ascii=False))
    # One day per line keeps a years-long backup readable and diff-friendly.
    head = ",\n".join(
        f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in header.items()
    )
    # Medicines, flare-ups and choices come before the days, one entry per line too.
    sections = flares_file.section_entries(conn, owner, start, end)
    sections[settings_file.SECTION] = settings_file.section_entries(conn, owner)
    for name, entries in sections.items():
        inner = ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in entries)
        head += f",\n {json.dumps(name)}: [" + (f"\n  {inner}\n ]" if entries else "]")
    body = "\n ]" if not lines else "\n  " + ",\n  ".join(lines) + "\n ]"
    weekly = "".join(
        f',\n "{name}": ' + _json_list(rows)
        for name, rows in weekly_sections(conn, owner, start, end)
    )
    return "{\n" + head + ',\n "checkins": [' + body + weekly + "\n}\n"


def _json_list(rows: list[dict]) -> str:
    if not rows:
        return "[]"
    entries = (
        json.dumps({k: _json_value(v) for k, v in r.items()}, ensure_ascii=False) for r in rows
    )
    return "[\n  " + ",\n  ".join(entries) + "\n ]"


def weekly_sections(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[tuple[str, list[dict]]]:
    """The weekly answers, activities and ratings (within the dates, if given), as backup rows."""

    def within(day: dt.date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    answers = [r for r in storage.weekly_answers(conn, owner) if within(r["day"])]
    ratings = [r for r in storage.activity_ratings(conn, owner) if within(r["day"])]
    activities = [
        {
            "activity_id": a.activity_id,
            "name": a.name,
            "created": a.created,
            "retired": a.retired,
            "batch": a.batch,
        }
        for a in storage.activities(conn, owner)
    ]
    return [("weekly_answers", answers), ("activities", activities), ("activity_ratings", ratings)]


def export_filename(kind: str, start: dt.date | None, end: dt.date | None) -> str:
    """A file name that says what is inside: seven-signs-2026-01-05-to-2026-03-29.csv."""
    period = f"-{start.isoformat()}-to-{end.isoformat()}" if start and end else ""
    return f"seven-signs{period}.{kind}"
