"""Reading a Seven Signs JSON backup, refusing anything else in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from recovery import storage
from recovery.transfer import dates, flares_file, settings_file
from recovery.transfer.checks import ImportProblem, ParsedFile, RowChecker, shown
from recovery.transfer.columns import JSON_FIELDS
from recovery.transfer.csv_file import refuse_binary
from recovery.transfer.json_stream import BackupShapeError, TooManyDays, read_backup, read_sections
from recovery.transfer.limits import MAX_ROWS, too_many_rows_message
from recovery.transfer.weekly_file import check_sections
from recovery.transfer.writing import is_own_batch

JSON_FORMAT = "seven-signs-journal"
NOT_A_BACKUP = "This is not a Seven Signs backup"


# Stamps a few hours ahead are time zones; days ahead are a hand edit or a forgery.
STAMP_SLACK = dt.timedelta(days=1)


def _parse_stamp(
    parsed: ParsedFile, row: int, entry: dict, name: str, now: dt.datetime
) -> dt.datetime | None:
    raw = entry.get(name)
    if raw is None:
        return None
    try:
        stamp = dt.datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        parsed.add(
            ImportProblem(
                row,
                name,
                shown(raw)[:80],
                f"{name} must be a date and time such as 2026-03-31T08:15:00",
            )
        )
        return None
    if stamp.replace(tzinfo=None) > now + STAMP_SLACK:
        parsed.add(ImportProblem(row, name, raw, f"{name} is in the future"))
        return None
    return stamp


def _batch(parsed: ParsedFile, row: int, entry: dict) -> str | None:
    """The day's batch label: only the app's own (none, the example, an import's)."""
    raw = entry.get("batch")
    if raw is None or (isinstance(raw, str) and is_own_batch(raw)):
        return raw
    parsed.add(
        ImportProblem(
            row,
            "batch",
            shown(raw)[:80],
            'batch must be empty, "example", or an import\'s label such as '
            '"import 2026-03-31 08:15:00"',
        )
    )
    return None


def read_json(
    data: bytes, today: dt.date | None = None, date_order: str = dates.AUTO
) -> ParsedFile:
    """Read and validate a Seven Signs JSON backup; nothing is written."""
    today = today or dt.date.today()
    parsed = ParsedFile(kind="json")
    if refuse_binary(data, parsed):
        return parsed
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return parsed.refuse(f"{NOT_A_BACKUP}: it is not UTF-8 text.")
    try:
        tail: list[int] = []
        limits = {**flares_file.SECTION_LIMITS, settings_file.SECTION: settings_file.LIMIT}
        header, entries = read_backup(text, MAX_ROWS, tail, limits)
        if header.get("format") != JSON_FORMAT:
            raise BackupShapeError(f'it has no "format": "{JSON_FORMAT}"')
        version = header.get("schema_version")
        if not isinstance(version, int) or version > storage.SCHEMA_VERSION:
            return parsed.refuse(
                f"This backup comes from a newer Seven Signs (schema version {version}); this "
                f"one reads up to version {storage.SCHEMA_VERSION}. Update the app first.",
                column="schema_version",
            )
        _check_days(parsed, entries, today, date_order)
        # Backups from schema version 7 on carry weekly sections after the days; older ones
        # end there, and restore as before.
        sections = read_sections(text, tail[0], MAX_ROWS) if tail else {}
        if sections:
            parsed.weekly = check_sections(parsed, sections, today)
        # Flare-ups and medicines, before the days (none in a backup from before them).
        extras = {name: header.get(name) or [] for name in flares_file.SECTIONS}
        if any(extras.values()):
            flares_file.check_sections(parsed, extras)
        choices = header.get(settings_file.SECTION) or []
        if choices:
            settings_file.check_section(parsed, choices)
        if sections or choices or any(extras.values()):
            # A bad entry in any section stops the whole import, days included.
            if parsed.problem_count:
                parsed.rows.clear()
                parsed.stamps.clear()
        return parsed
    except BackupShapeError as error:
        parsed.problems.clear()  # one message says it all
        parsed.problem_count = 0
        if isinstance(error, TooManyDays):
            return parsed.refuse(too_many_rows_message())
        return parsed.refuse(
            f"{NOT_A_BACKUP}: {error}. Import the backup exactly as Seven Signs exported it."
        )


def _check_days(
    parsed: ParsedFile, entries: Iterator[object], today: dt.date, date_order: str
) -> ParsedFile:
    """Check each day as it is read, so only the days kept are held in memory."""
    checker = RowChecker(parsed, today, date_order)
    now = dt.datetime.now()
    index = 0
    for entry in entries:
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
                        name[:80],
                        shown(entry[name])[:80],
                        f"{name[:80]} is not a Seven Signs field{parsed.hint(name)}",
                    )
                )
        stamp = storage.Stamp(
            created_at=_parse_stamp(parsed, index, entry, "created_at", now),
            updated_at=_parse_stamp(parsed, index, entry, "updated_at", now),
            batch=_batch(parsed, index, entry),
        )
        checker.check(index, entry, stamp)
    return checker.finish()
