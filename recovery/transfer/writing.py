"""Writing a checked file into the journal, in one transaction, and saying what it did."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from recovery import storage
from recovery.transfer import settings_file
from recovery.transfer.checks import ImportProblem, ParsedFile


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: how many days are new and how many are already there."""

    new_days: int
    existing_days: int
    first_day: dt.date
    last_day: dt.date
    example_days: int = 0


def plan_import(conn: duckdb.DuckDBPyConnection, owner: str, parsed: ParsedFile) -> ImportPlan:
    """Count how many of the file's days are new and how many the journal already has."""
    days = [day for day, _ in parsed.rows]
    first, last = min(days), max(days)
    overlap = len(storage.existing_days(conn, owner, first, last) & set(days))
    return ImportPlan(
        new_days=len(days) - overlap,
        existing_days=overlap,
        first_day=first,
        last_day=last,
        example_days=parsed.example_days,
    )


def import_batch_name(now: dt.datetime | None = None) -> str:
    """The batch label for one import, so it can be recognised (or removed) later."""
    return "import " + (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")


_IMPORT_BATCH = re.compile(r"import \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def is_own_batch(label: str) -> bool:
    """True for a batch label this app writes: the example, or an import_batch_name."""
    return label == storage.EXAMPLE_BATCH or _IMPORT_BATCH.fullmatch(label) is not None


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
    result = storage.save_checkins(
        conn,
        owner,
        parsed.rows,
        replace=replace,
        keep_existing=not replace,
        today=today,
        # A backup restores its own batches; a CSV's days share one import batch, except
        # example days, which stay marked as the example.
        batch=None if parsed.kind == "json" else import_batch_name(),
        stamps=parsed.stamps,
        on_progress=on_progress,
    )
    weekly = parsed.weekly
    if weekly is not None and weekly.count:
        # A second transaction: the days are safe whatever happens here, and a failure is
        # reported like any other (the weekly rows can be imported again, nothing doubles).
        written = storage.restore_weekly(
            conn,
            owner,
            weekly.answers,
            weekly.activities,
            weekly.ratings,
            replace=replace,
        )
        result = dataclasses.replace(result, weekly=written)
    # A backup's medicines and flare-ups follow its days (kept ids: restoring twice adds
    # nothing). Their own transaction: the days are already safely in.
    restore_sections(conn, owner, parsed, replace=replace)
    return result


def restore_sections(
    conn: duckdb.DuckDBPyConnection, owner: str, parsed: ParsedFile, *, replace: bool = False
) -> int:
    """Write a checked backup's medicines, their days, flare-ups and choices; returns the
    flare-ups added.

    The section names are those of transfer/flares_file.py and settings_file.py, which
    checked them.
    """
    extras = parsed.extras
    if not any(extras.values()):
        return 0
    settings_file.restore(conn, owner, extras.get(settings_file.SECTION, []), replace=replace)
    storage.restore_medicines(
        conn, owner, extras.get("medicines", []), extras.get("medicine_doses", [])
    )
    return storage.restore_flares(conn, owner, extras.get("flare_ups", []))


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
