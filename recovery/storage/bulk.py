"""Saving many check-ins at once (imports, backups, the example): all of them or none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from recovery.signs import CHECKIN_COLUMNS, MEASURES_BY_COLUMN
from recovery.storage.cursors import cursor, refuse_overfull, refuse_revoked, transaction
from recovery.storage.errors import StorageError
from recovery.storage.queries import BULK_KEEP, BULK_REPLACE, COUNT_BATCH, DELETE_BATCH, TAKEN_DAYS
from recovery.text.numbers import plural
from recovery.validation import Problem, ValidationError, validate_checkin


class DaysTakenError(StorageError):
    """A bulk save would overwrite days the journal already has, and was not told to."""

    kind = "days_taken"
    hosted_advice = ""  # the message says what to do

    def __init__(self, days: list[dt.date]):
        self.days = days
        first, last = days[0].isoformat(), days[-1].isoformat()
        span = first if first == last else f"between {first} and {last}"
        super().__init__(
            f"Your journal already has {plural(len(days), 'check-in')} "
            f"on the same days ({span}). Nothing was saved, so your own entries are safe."
        )


@dataclass(frozen=True)
class Stamp:
    """Bookkeeping restored from a backup with a row: when it was made and its batch."""

    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    batch: str | None = None


@dataclass(frozen=True)
class BulkSaveResult:
    """What saving many check-ins did."""

    saved: int  # rows written: new days plus replaced ones
    replaced: int  # days the journal had that now hold the new values
    superseded: int = 0  # earlier rows of the same batch removed first
    kept: int = 0  # days the journal had that were left as they were
    weekly: int = 0  # weekly rows written by the same import (a backup's weekly sections)

    @property
    def added(self) -> int:
        """Days that were not in the journal before."""
        return self.saved - self.replaced


# Chunks keep memory flat for long files; all of them share one transaction.
BULK_CHUNK = 5_000
_PANDAS_TYPES = {"INTEGER": "Int64", "DOUBLE": "Float64", "BOOLEAN": "boolean", "VARCHAR": "object"}


def _incoming_frame(
    days: list[dt.date], rows: list[dict[str, object]], stamps: list[Stamp], batch: str | None
) -> pd.DataFrame:
    # Typed nullable columns, so a missing value reaches DuckDB as NULL (never NaN) and an
    # all-empty optional column still has the right type.
    now = dt.datetime.now()
    frame = pd.DataFrame({"seq": range(len(days)), "day": pd.Series(days, dtype="object")})
    for column in CHECKIN_COLUMNS:
        measure = MEASURES_BY_COLUMN.get(column)
        sql_type = measure.sql_type if measure else "BOOLEAN"
        frame[column] = pd.Series([row[column] for row in rows], dtype=_PANDAS_TYPES[sql_type])
    frame["batch"] = pd.Series(
        [s.batch if s.batch is not None else batch for s in stamps], dtype="object"
    )
    frame["created_at"] = pd.Series([s.created_at or now for s in stamps], dtype="datetime64[us]")
    frame["updated_at"] = pd.Series([s.updated_at or now for s in stamps], dtype="datetime64[us]")
    return frame


def save_checkins(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    rows: Iterable[tuple[object, Mapping[str, object]]],
    *,
    batch: str | None = None,
    replace: bool = False,
    keep_existing: bool = False,
    supersede_batch: bool = False,
    today: dt.date | None = None,
    stamps: Sequence[Stamp] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BulkSaveResult:
    """Validate every (day, values) row, then save them all in one transaction, or none.

    Days the journal already has are replaced with ``replace``, left alone with
    ``keep_existing``, and otherwise raise DaysTakenError. With ``supersede_batch``, the
    owner's earlier rows of the same batch are removed first (in the same transaction), so
    loading a batch again refreshes it instead of clashing. ``stamps`` (one per row) restore
    a backup's timestamps and batches exactly; ``on_progress(done, total)`` follows chunks.
    """
    days: list[dt.date] = []
    clean_rows: list[dict[str, object]] = []
    problems: list[Problem] = []
    seen: set[dt.date] = set()
    for number, (day, values) in enumerate(rows, start=1):
        try:
            checked_day, clean = validate_checkin(day, values, today=today)
        except ValidationError as error:
            problems.extend(
                Problem(p.column, p.value, f"row {number}: {p.message}") for p in error.problems
            )
            continue
        if checked_day in seen:
            problems.append(
                Problem(
                    "date",
                    day,
                    f"row {number}: {checked_day.isoformat()} "
                    "appears twice; keep one check-in per day",
                )
            )
            continue
        seen.add(checked_day)
        days.append(checked_day)
        clean_rows.append(clean)
    if problems:
        raise ValidationError(problems)
    if stamps is not None and len(stamps) != len(days):
        raise ValueError("stamps must have one entry per row")
    if not days:
        return BulkSaveResult(saved=0, replaced=0)
    incoming = _incoming_frame(days, clean_rows, list(stamps or [Stamp()] * len(days)), batch)
    superseding = supersede_batch and batch is not None
    with cursor(conn, "save") as cur:
        cur.register("incoming", incoming)
        try:
            with transaction(cur):
                refuse_revoked(cur, owner)
                found = cur.execute(TAKEN_DAYS, [owner, batch, superseding]).fetchall()
                taken = [row[0] for row in found]
                if taken and not (replace or keep_existing):
                    raise DaysTakenError(taken)
                refuse_overfull(cur, owner, len(days) - len(taken))
                superseded = 0
                if superseding:
                    superseded = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
                    cur.execute(DELETE_BATCH, [owner, batch])
                statement = BULK_REPLACE if replace else BULK_KEEP
                for start in range(0, len(days), BULK_CHUNK):
                    stop = min(start + BULK_CHUNK, len(days))
                    cur.execute(statement, [owner, start, stop])
                    if on_progress is not None:
                        on_progress(stop, len(days))
        finally:
            cur.unregister("incoming")
    if replace:
        return BulkSaveResult(saved=len(days), replaced=len(taken), superseded=int(superseded))
    return BulkSaveResult(
        saved=len(days) - len(taken), replaced=0, superseded=int(superseded), kept=len(taken)
    )
