"""Moving a journal in and out: CSV and JSON export, and validated import of both.

Reading a file never writes anything: ``read_file`` turns bytes into validated rows or a
list of problems (row, column, value, what is wrong), and only ``apply_import`` writes,
in one transaction, through ``storage.save_checkins``.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from recovery import storage
from recovery.signs import (
    CHECKIN_COLUMNS,
    MEASURES_BY_COLUMN,
    RED_FLAG_COLUMNS,
    SIGN_MEASURES,
)
from recovery.validation import ValidationError, validate_checkin

JSON_FORMAT = "seven-signs-journal"
# One day per row: the date, the sign measures, the day's context, the red flags, and the
# free-text notes last so a long note does not push the numbers off a spreadsheet screen.
_CONTEXT_FIRST = tuple(
    c
    for c in CHECKIN_COLUMNS
    if c not in {m.column for m in SIGN_MEASURES} and c not in RED_FLAG_COLUMNS and c != "notes"
)
CSV_COLUMNS: tuple[str, ...] = (
    "date",
    *(m.column for m in SIGN_MEASURES),
    *_CONTEXT_FIRST,
    *RED_FLAG_COLUMNS,
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "date",
    *(m.column for m in MEASURES_BY_COLUMN.values() if m.required),
)
_STAMP_FIELDS = ("batch", "created_at", "updated_at")
JSON_FIELDS: tuple[str, ...] = ("date", *CHECKIN_COLUMNS, *_STAMP_FIELDS)
# Enough to fix a file; a file where every row is wrong still gets a count of the rest.
MAX_PROBLEMS = 500

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_WHOLE = re.compile(r"^[+-]?\d+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YES = {"yes", "y", "true", "1", "ja", "oui", "si", "sí"}
_NO = {"no", "n", "false", "0", "nein", "non"}


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in a file: its row (1 = the header line), column, value and why."""

    row: int | None
    column: str
    value: str
    message: str


@dataclass
class ParsedFile:
    """A file read and checked: its valid rows, or the problems that stop it."""

    kind: str
    rows: list[tuple[dt.date, dict[str, object]]] = field(default_factory=list)
    stamps: list[storage.Stamp] | None = None
    problems: list[ImportProblem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def row_note(self) -> str:
        """How to find a problem's row in this kind of file."""
        if self.kind == "json":
            return "Row numbers count the days in the backup's checkins list, from 1."
        return (
            "Row numbers count the first line (the column names) as row 1, as a spreadsheet does."
        )

    @property
    def ok(self) -> bool:
        """True when every row is valid and the file can be imported."""
        return self.problem_count == 0 and bool(self.rows)

    def add(self, problem: ImportProblem) -> None:
        """Record a problem, keeping the first MAX_PROBLEMS in full."""
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: how many days are new and how many are already there."""

    new_days: int
    existing_days: int
    first_day: dt.date
    last_day: dt.date


# ---------------------------------------------------------------------------------------
# Export


def format_cell(column: str, value: object) -> str:
    """One value as the CSV writes it: yes/no, plain numbers, ISO dates, blank for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


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
        record["date"] = record["day"]
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
        record["date"] = record["day"]
        entry = {name: _json_value(record[name]) for name in JSON_FIELDS}
        lines.append(json.dumps(entry, ensure_ascii=False))
    # One day per line keeps a years-long backup readable and diff-friendly.
    head = ",\n".join(
        f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in header.items()
    )
    body = "\n ]" if not lines else "\n  " + ",\n  ".join(lines) + "\n ]"
    return "{\n" + head + ',\n "checkins": [' + body + "\n}\n"


# ---------------------------------------------------------------------------------------
# Reading values


def _convert(column: str, raw: object) -> object:
    """A cell (text from CSV, or a JSON value) as the Python value validation expects."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if text == "":
        return None
    measure = MEASURES_BY_COLUMN.get(column)
    kind = measure.kind if measure else "yesno"
    if kind in ("scale", "count", "minutes", "decimal"):
        # Spreadsheets set to a European locale write 12,5 for 12.5.
        number = text.replace(",", ".") if "," in text and "." not in text else text
        if _WHOLE.match(number):
            return int(number)
        if _NUMBER.match(number):
            return float(number)
        return raw
    if kind == "yesno":
        word = text.lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        return raw
    if kind == "choice":
        return text.lower()
    return raw


def _parse_date(raw: object) -> tuple[dt.date | None, str | None]:
    if isinstance(raw, str) and _ISO_DATE.match(raw.strip()):
        try:
            return dt.date.fromisoformat(raw.strip()), None
        except ValueError:
            return None, f"date {raw.strip()} is not a real calendar day"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "date is missing: every row needs its day, written as YYYY-MM-DD"
    return None, (f"date must be written as YYYY-MM-DD, for example 2026-03-31; got {_shown(raw)}")


def _shown(raw: object) -> str:
    return repr(raw) if isinstance(raw, str) else json.dumps(raw)


def _cell_text(raw: object) -> str:
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)


def _check_row(
    parsed: ParsedFile,
    row_number: int,
    cells: dict[str, object],
    today: dt.date,
    first_row_of: dict[dt.date, int],
) -> None:
    """Validate one row's cells; add problems, or append the clean row to ``parsed``."""
    before = parsed.problem_count
    day, error = _parse_date(cells.get("date"))
    if error:
        parsed.add(ImportProblem(row_number, "date", _cell_text(cells.get("date")), error))
    elif day is not None:
        if day > today:
            parsed.add(
                ImportProblem(
                    row_number,
                    "date",
                    day.isoformat(),
                    f"date {day.isoformat()} is in the future; check-ins are for today or earlier",
                )
            )
        elif day in first_row_of:
            parsed.add(
                ImportProblem(
                    row_number,
                    "date",
                    day.isoformat(),
                    f"date {day.isoformat()} is also on row {first_row_of[day]}; each day can "
                    "appear only once",
                )
            )
        else:
            first_row_of[day] = row_number
    values = {column: _convert(column, cells.get(column)) for column in CHECKIN_COLUMNS}
    try:
        # The date was checked above; validate the values against a day that is surely fine.
        _, clean = validate_checkin(today, values, today=today)
    except ValidationError as invalid:
        for problem in invalid.problems:
            parsed.add(
                ImportProblem(
                    row_number,
                    problem.column,
                    _cell_text(cells.get(problem.column)),
                    problem.message,
                )
            )
        return
    if parsed.problem_count == before and day is not None:
        parsed.rows.append((day, clean))


def _column_hint(name: str) -> str:
    close = difflib.get_close_matches(name, CSV_COLUMNS, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]}?"
    return "; rename it to a Seven Signs column name (an export shows them all) or delete it"


# ---------------------------------------------------------------------------------------
# CSV


def _normalise_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _decode(data: bytes, parsed: ParsedFile) -> str | None:
    if not data.strip():
        parsed.add(ImportProblem(None, "", "", "The file is empty: there is nothing to import."))
        return None
    if data[:2] == b"PK":
        parsed.add(
            ImportProblem(
                None,
                "",
                "",
                (
                    "This is a spreadsheet workbook (for example .xlsx), not a CSV file. In your "
                    "spreadsheet choose Save as (or Download) and pick CSV UTF-8, then import that."
                ),
            )
        )
        return None
    if data[:5] == b"%PDF-" or b"\x00" in data[:4096]:
        parsed.add(
            ImportProblem(
                None,
                "",
                "",
                (
                    "This is not a CSV or JSON file (it holds binary data). Import a CSV or a JSON "
                    "backup exported from Seven Signs."
                ),
            )
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        parsed.add(
            ImportProblem(
                None,
                "",
                "",
                (
                    f"The file is not UTF-8 text (byte {error.start + 1:,} cannot be read). "
                    "In your spreadsheet save it as CSV UTF-8, then import it again."
                ),
            )
        )
        return None


def _delimiter(header_line: str) -> str:
    # Spreadsheets in many European locales separate with ';' (the comma is the decimal mark).
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(data: bytes, today: dt.date | None = None) -> ParsedFile:
    """Read and validate a CSV file; nothing is written."""
    today = today or dt.date.today()
    parsed = ParsedFile(kind="csv")
    text = _decode(data, parsed)
    if text is None:
        return parsed
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except csv.Error as error:
        parsed.add(ImportProblem(1, "", "", f"The first line could not be read as CSV ({error})."))
        return parsed
    if header is None:
        parsed.add(ImportProblem(None, "", "", "The file is empty: there is nothing to import."))
        return parsed
    names = [_normalise_header(name) for name in header]
    while names and not names[-1]:
        names.pop()  # Spreadsheets often add empty columns after the last one used.
    if "date" not in names and not set(names) & set(CSV_COLUMNS):
        parsed.add(
            ImportProblem(
                1,
                "",
                first_line[:80],
                (
                    "This does not look like a Seven Signs CSV: the first line must hold the "
                    "column names, starting with date (export your journal once to see them)."
                ),
            )
        )
        return parsed
    seen: set[str] = set()
    for position, name in enumerate(names):
        if not name:
            parsed.add(
                ImportProblem(
                    1,
                    f"column {position + 1}",
                    "",
                    f"column {position + 1} has no name in the first line",
                )
            )
        elif name in seen:
            parsed.add(
                ImportProblem(
                    1, name, header[position], f"the column {name} appears twice; keep one"
                )
            )
        elif name not in CSV_COLUMNS:
            parsed.add(
                ImportProblem(
                    1,
                    name,
                    header[position],
                    f"{name} is not a Seven Signs column{_column_hint(name)}",
                )
            )
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            measure = MEASURES_BY_COLUMN.get(name)
            need = f"; it holds {measure.describe_range()}" if measure else ""
            parsed.add(
                ImportProblem(
                    1, name, "", f"the file has no {name} column, which every day needs{need}"
                )
            )
    if parsed.problem_count:
        return parsed  # Fix the header first: every row would repeat the same complaint.
    first_row_of: dict[dt.date, int] = {}
    row_number = 1
    try:
        for cells in reader:
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue  # Spreadsheets often end with empty rows (";;;;").
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
                parsed.add(
                    ImportProblem(
                        row_number,
                        "",
                        "",
                        (
                            f"row has {len(cells)} values but the first line names {len(names)} "
                            "columns; check for an extra separator or an unquoted comma in a note"
                        ),
                    )
                )
                continue
            _check_row(
                parsed, row_number, dict(zip(names, cells, strict=False)), today, first_row_of
            )
    except csv.Error as error:
        parsed.add(
            ImportProblem(
                row_number, "", "", f"the file could not be read as CSV from here on ({error})"
            )
        )
    if not parsed.rows and not parsed.problem_count:
        parsed.add(ImportProblem(None, "", "", "The file has column names but no days to import."))
    return parsed


# ---------------------------------------------------------------------------------------
# JSON


def _parse_stamp(parsed: ParsedFile, row: int, entry: dict, name: str) -> dt.datetime | None:
    raw = entry.get(name)
    if raw is None:
        return None
    try:
        return dt.datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        parsed.add(
            ImportProblem(
                row,
                name,
                _cell_text(raw),
                f"{name} must be a date and time such as 2026-03-31T08:15:00",
            )
        )
        return None


def read_json(data: bytes, today: dt.date | None = None) -> ParsedFile:
    """Read and validate a Seven Signs JSON backup; nothing is written."""
    today = today or dt.date.today()
    parsed = ParsedFile(kind="json", stamps=[])
    text = _decode(data, parsed)
    if text is None:
        return parsed
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        parsed.add(
            ImportProblem(
                None,
                "",
                "",
                (
                    f"The file is not valid JSON (line {error.lineno}, column {error.colno}: "
                    f"{error.msg}). Import the backup exactly as Seven Signs exported it."
                ),
            )
        )
        return parsed
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        parsed.add(
            ImportProblem(
                None,
                "format",
                "",
                (
                    "This JSON file is not a Seven Signs backup (it has no "
                    f'"format": "{JSON_FORMAT}").'
                ),
            )
        )
        return parsed
    version = document.get("schema_version")
    if not isinstance(version, int) or version > storage.SCHEMA_VERSION:
        parsed.add(
            ImportProblem(
                None,
                "schema_version",
                _cell_text(version),
                (
                    f"This backup comes from a newer Seven Signs (schema version {version}); "
                    f"this one reads up to version {storage.SCHEMA_VERSION}. Update the app first."
                ),
            )
        )
        return parsed
    entries = document.get("checkins")
    if not isinstance(entries, list):
        parsed.add(
            ImportProblem(None, "checkins", "", 'The backup has no "checkins" list of days.')
        )
        return parsed
    first_row_of: dict[dt.date, int] = {}
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            parsed.add(
                ImportProblem(
                    index,
                    "",
                    _cell_text(entry)[:80],
                    "each day must be an object of field names and values",
                )
            )
            continue
        for name in entry:
            if name not in JSON_FIELDS:
                parsed.add(
                    ImportProblem(
                        index,
                        name,
                        _cell_text(entry[name]),
                        f"{name} is not a Seven Signs field{_column_hint(name)}",
                    )
                )
        kept = len(parsed.rows)
        _check_row(parsed, index, entry, today, first_row_of)
        stamp = storage.Stamp(
            created_at=_parse_stamp(parsed, index, entry, "created_at"),
            updated_at=_parse_stamp(parsed, index, entry, "updated_at"),
            batch=entry.get("batch") if isinstance(entry.get("batch"), str) else None,
        )
        if len(parsed.rows) > kept:
            parsed.stamps.append(stamp)
    if not entries and not parsed.problem_count:
        parsed.add(ImportProblem(None, "", "", "The backup holds no days to import."))
    return parsed


def looks_like_json(data: bytes, filename: str | None = None) -> bool:
    """True for a .json file name, or content that starts like a JSON object."""
    if filename and filename.lower().endswith(".json"):
        return True
    if filename and filename.lower().endswith((".csv", ".txt", ".tsv")):
        return False
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def read_file(data: bytes, filename: str | None = None, today: dt.date | None = None) -> ParsedFile:
    """Read a CSV or JSON journal file, choosing by its name or content; nothing is written."""
    if looks_like_json(data, filename):
        return read_json(data, today)
    return read_csv(data, today)


# ---------------------------------------------------------------------------------------
# Writing


def plan_import(conn: duckdb.DuckDBPyConnection, owner: str, parsed: ParsedFile) -> ImportPlan:
    """Count how many of the file's days are new and how many the journal already has."""
    days = [day for day, _ in parsed.rows]
    first, last = min(days), max(days)
    overlap = len(storage.existing_days(conn, owner, first, last) & set(days))
    return ImportPlan(
        new_days=len(days) - overlap, existing_days=overlap, first_day=first, last_day=last
    )


def import_batch_name(now: dt.datetime | None = None) -> str:
    """The batch label for one import, so it can be recognised (or removed) later."""
    return "import " + (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")


def apply_import(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    parsed: ParsedFile,
    *,
    replace: bool,
    today: dt.date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> storage.BulkSaveResult:
    """Write a valid file's days in one transaction: all of them or none."""
    if not parsed.ok:
        raise ValueError("only a file without problems can be imported")
    return storage.save_checkins(
        conn,
        owner,
        parsed.rows,
        replace=replace,
        keep_existing=not replace,
        today=today,
        batch=None if parsed.kind == "json" else import_batch_name(),
        stamps=parsed.stamps if parsed.kind == "json" else None,
        on_progress=on_progress,
    )


def problems_table(problems: list[ImportProblem]) -> list[dict[str, object]]:
    """Problems as rows for a table people read: row, column, value, what is wrong."""
    return [
        {
            "Row": "" if p.row is None else p.row,
            "Column": p.column,
            "Value": p.value,
            "What is wrong": p.message,
        }
        for p in problems
    ]


def export_filename(kind: str, start: dt.date | None, end: dt.date | None) -> str:
    """A file name that says what is inside: seven-signs-2026-01-05-to-2026-03-29.csv."""
    period = f"-{start.isoformat()}-to-{end.isoformat()}" if start and end else ""
    return f"seven-signs{period}.{kind}"


def describe_result(result: storage.BulkSaveResult) -> str:
    """What an import did, in one sentence: 'Imported 14 days: 12 new, 2 replaced.'"""

    def days(count: int) -> str:
        return f"{count:,} day{'s' if count != 1 else ''}"

    if result.saved == 0:
        sentence = "Imported nothing"
    elif result.replaced == 0:
        sentence = f"Imported {days(result.saved)}" + (" (all new)" if result.saved > 1 else "")
    else:
        sentence = (
            f"Imported {days(result.saved)}: {result.added:,} new, {result.replaced:,} replaced"
        )
    if result.kept:
        sentence += f". Kept {days(result.kept)} of yours unchanged"
    return sentence + "."
