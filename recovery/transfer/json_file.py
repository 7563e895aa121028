"""Reading a Seven Signs JSON backup, refusing anything else in plain words."""

from __future__ import annotations

import datetime as dt
import json

from recovery import storage
from recovery.transfer import dates
from recovery.transfer.checks import ImportProblem, ParsedFile, RowChecker, column_hint, shown
from recovery.transfer.columns import JSON_FIELDS
from recovery.transfer.csv_file import refuse_binary
from recovery.transfer.limits import MAX_ROWS, too_many_rows_message

JSON_FORMAT = "seven-signs-journal"
NOT_A_BACKUP = "This is not a Seven Signs backup"


def _parse_stamp(parsed: ParsedFile, row: int, entry: dict, name: str) -> dt.datetime | None:
    raw = entry.get(name)
    if raw is None:
        return None
    try:
        return dt.datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        parsed.add(
            ImportProblem(
                row, name, shown(raw), f"{name} must be a date and time such as 2026-03-31T08:15:00"
            )
        )
        return None


def _load(data: bytes, parsed: ParsedFile) -> object | None:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        parsed.refuse(f"{NOT_A_BACKUP}: it is not UTF-8 text.")
    except json.JSONDecodeError as error:
        parsed.refuse(
            f"{NOT_A_BACKUP}: it is not valid JSON (line {error.lineno}, column "
            f"{error.colno}: {error.msg}). Import the backup exactly as Seven Signs exported it."
        )
    except RecursionError:
        # Thousands of nested brackets: no backup looks like this, and the parser gives up.
        parsed.refuse(f"{NOT_A_BACKUP}: its JSON is nested far deeper than a backup's.")
    return None


def read_json(
    data: bytes, today: dt.date | None = None, date_order: str = dates.AUTO
) -> ParsedFile:
    """Read and validate a Seven Signs JSON backup; nothing is written."""
    today = today or dt.date.today()
    parsed = ParsedFile(kind="json")
    if refuse_binary(data, parsed):
        return parsed
    document = _load(data, parsed)
    if parsed.problem_count:
        return parsed
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        parsed.refuse(f'{NOT_A_BACKUP} (it has no "format": "{JSON_FORMAT}").', column="format")
        return parsed
    version = document.get("schema_version")
    if not isinstance(version, int) or version > storage.SCHEMA_VERSION:
        return parsed.refuse(
            f"This backup comes from a newer Seven Signs (schema version {version}); this one "
            f"reads up to version {storage.SCHEMA_VERSION}. Update the app first.",
            column="schema_version",
        )
    entries = document.pop("checkins", None)
    del document
    if not isinstance(entries, list):
        return parsed.refuse('The backup has no "checkins" list of days.', column="checkins")
    if len(entries) > MAX_ROWS:
        return parsed.refuse(too_many_rows_message())
    if not entries:
        return parsed.refuse("The backup holds no days to import.")
    checker = RowChecker(parsed, today, date_order)
    # Taken from the front one by one so each parsed day is freed once checked.
    entries.reverse()
    index = 0
    while entries:
        entry = entries.pop()
        index += 1
        if not isinstance(entry, dict):
            parsed.add(
                ImportProblem(
                    index,
                    "",
                    shown(entry)[:80],
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
                        shown(entry[name]),
                        f"{name} is not a Seven Signs field{column_hint(name)}",
                    )
                )
        stamp = storage.Stamp(
            created_at=_parse_stamp(parsed, index, entry, "created_at"),
            updated_at=_parse_stamp(parsed, index, entry, "updated_at"),
            batch=entry.get("batch") if isinstance(entry.get("batch"), str) else None,
        )
        checker.check(index, entry, stamp)
    return checker.finish()
