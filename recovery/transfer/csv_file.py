"""Reading a CSV journal (exported here or typed in a spreadsheet) one row at a time."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re

from recovery.signs import MEASURES_BY_COLUMN
from recovery.transfer import dates
from recovery.transfer.checks import (
    ImportProblem,
    ParsedFile,
    RowChecker,
    unguard,
)
from recovery.transfer.columns import CSV_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from recovery.transfer.limits import MAX_BYTES, MAX_ROWS, too_big_message, too_many_rows_message

TEXT_COLUMNS = {c for c, m in MEASURES_BY_COLUMN.items() if m.kind == "text"}


def _normalise_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _utf8_error(data: bytes) -> int | None:
    """Where the bytes stop being UTF-8 (0-based), or None; read in chunks, never copied."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    chunk = 1 << 20
    for start in range(0, len(data), chunk):
        # Bytes of a character split between chunks wait in the decoder until the next one.
        held = len(decoder.getstate()[0])
        try:
            decoder.decode(data[start : start + chunk], final=start + chunk >= len(data))
        except UnicodeDecodeError as error:
            return start - held + error.start
    return None


def refuse_binary(data: bytes, parsed: ParsedFile) -> bool:
    """Refuse an empty, oversized, binary or non-UTF-8 file with one problem; True if so."""
    if len(data) > MAX_BYTES:
        parsed.refuse(too_big_message(len(data)))
    elif not data.strip():
        parsed.refuse("The file is empty: there is nothing to import.")
    elif data[:2] == b"PK":
        parsed.refuse(
            "This is a spreadsheet workbook (for example .xlsx), not a CSV file. In your "
            "spreadsheet choose Save as (or Download) and pick CSV UTF-8, then import that."
        )
    elif data[:5] == b"%PDF-" or b"\x00" in data[:4096]:
        parsed.refuse(
            "This is not a CSV or JSON file (it holds binary data). Import a CSV or a JSON "
            "backup exported from Seven Signs."
        )
    elif (at := _utf8_error(data)) is not None:
        parsed.refuse(
            f"The file is not UTF-8 text (byte {at + 1:,} cannot be read). In your "
            "spreadsheet save it as CSV UTF-8, then import it again."
        )
    else:
        return False
    return True


def _delimiter(header_line: str) -> str:
    # Spreadsheets in many European locales separate with ';' (the comma is the decimal mark).
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


# A file may repeat a column or add a few of its own (each is reported by name); far more
# than the format has is not a journal.
MOST_COLUMNS = len(CSV_COLUMNS) + 20


def _check_header(parsed: ParsedFile, header: list[str], first_line: str) -> list[str] | None:
    """The normalised column names, or None after recording what is wrong with them.

    Missing columns are recorded but do not stop the rows being checked, so one round of
    fixing is enough; names that are not ours stop it (every row would repeat them).
    """
    header = list(header)
    while header and not header[-1].strip():
        header.pop()  # Spreadsheets often add empty columns after the last one used.
    if len(header) > MOST_COLUMNS:
        # Refused before any name is looked at: each one costs a search for a suggestion.
        parsed.refuse(
            f"The first line names {len(header):,} columns; a Seven Signs CSV has at most "
            f"{len(CSV_COLUMNS)} (the template on this page shows them).",
            row=1,
        )
        return None
    names = [_normalise_header(name) for name in header]
    if "date" not in names and not set(names) & set(CSV_COLUMNS):
        parsed.refuse(
            "This does not look like a Seven Signs CSV: the first line must hold the column "
            "names, starting with date (the template on this page shows them).",
            row=1,
        )
        parsed.problems[-1] = ImportProblem(1, "", first_line[:80], parsed.problems[-1].message)
        return None
    seen: set[str] = set()
    unusable = False
    for position, name in enumerate(names):
        if not name:
            unusable = True
            parsed.add(
                ImportProblem(
                    1,
                    f"column {position + 1}",
                    "",
                    f"column {position + 1} has no name in the first line",
                )
            )
        elif name in seen:
            unusable = True
            parsed.add(
                ImportProblem(
                    1, name, header[position], f"the column {name} appears twice; keep one"
                )
            )
        elif name not in CSV_COLUMNS:
            unusable = True
            parsed.add(
                ImportProblem(
                    1,
                    name,
                    header[position],
                    f"{name} is not a Seven Signs column{parsed.hint(name)}",
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
    return None if unusable else names


def read_csv(data: bytes, today: dt.date | None = None, date_order: str = dates.AUTO) -> ParsedFile:
    """Read and validate a CSV file row by row; nothing is written."""
    today = today or dt.date.today()
    parsed = ParsedFile(kind="csv")
    if refuse_binary(data, parsed):
        return parsed
    head = data[:4096].decode("utf-8-sig", errors="replace").lstrip("\r\n")
    first_line = head.split("\n", 1)[0].rstrip("\r")
    delimiter = _delimiter(first_line)
    # Counted in the bytes, before the CSV reader builds one string per name: a first line
    # of millions of names would take hundreds of MB (see MOST_COLUMNS).
    start = len(data) - len(data.lstrip(b"\xef\xbb\xbf\r\n"))
    line_end = data.find(b"\n", start)
    separators = data.count(delimiter.encode(), start, line_end if line_end >= 0 else len(data))
    if separators >= MOST_COLUMNS * 2:  # room for empty columns a spreadsheet adds
        return parsed.refuse(
            f"The first line names {separators + 1:,} columns; a Seven Signs CSV has at most "
            f"{len(CSV_COLUMNS)} (the template on this page shows them).",
            row=1,
        )
    # Decoded as it is read, so a large file is never held twice in memory.
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    checker = RowChecker(parsed, today, date_order)
    row_number = 1
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
        if header is None:
            return parsed.refuse("The file is empty: there is nothing to import.")
        names = _check_header(parsed, header, first_line)
        if names is None:
            return parsed
        checker.missing_columns = set(REQUIRED_COLUMNS) - set(names)
        parsed.absent_columns = tuple(c for c in OPTIONAL_COLUMNS if c not in names)
        for cells in reader:
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue  # Spreadsheets often end with empty rows (";;;;").
            if checker.count >= MAX_ROWS:
                return parsed.refuse(too_many_rows_message())
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
                parsed.add(
                    ImportProblem(
                        row_number,
                        "",
                        "",
                        f"row has {len(cells)} values but the first line names {len(names)} "
                        "columns; check for an extra separator or an unquoted comma in a note",
                    )
                )
                continue
            row = dict(zip(names, cells, strict=False))
            for column in TEXT_COLUMNS.intersection(row):
                row[column] = unguard(row[column])
            checker.check(row_number, row)
    except UnicodeDecodeError:
        return parsed.refuse(
            f"The file is not UTF-8 text (near row {row_number + 1:,}). In your spreadsheet "
            "save it as CSV UTF-8, then import it again."
        )
    except csv.Error as error:
        parsed.add(
            ImportProblem(
                row_number, "", "", f"the file could not be read as CSV from here on ({error})"
            )
        )
    checker.finish()
    if not parsed.rows and not parsed.problem_count:
        parsed.add(ImportProblem(None, "", "", "The file has column names but no days to import."))
    return parsed
