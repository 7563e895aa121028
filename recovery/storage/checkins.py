"""One owner's check-ins, a day at a time: save, read, delete, and what the journal spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from recovery.signs import CHECKIN_COLUMNS
from recovery.storage.batches import EXAMPLE_BATCH
from recovery.storage.cursors import cursor, refuse_overfull, refuse_revoked, transaction
from recovery.storage.queries import (
    COUNT,
    DATA_VERSION,
    DELETE_ONE,
    EXISTS,
    EXISTS_SKIPPING,
    SELECT_CHECKINS,
    SELECT_DAYS,
    SELECT_LATEST,
    SELECT_LATEST_SKIPPING,
    SELECT_ONE,
    SELECT_ONE_SKIPPING,
    UPSERT_CHECKIN,
    WEEKLY_VERSION,
)
from recovery.validation import validate_checkin


@dataclass(frozen=True)
class SaveResult:
    """What saving a check-in did."""

    day: dt.date
    replaced: bool


def save_checkin(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    day: object,
    values: dict[str, object],
    *,
    today: dt.date | None = None,
    batch: str | None = None,
) -> SaveResult:
    """Validate and save one day's check-in, replacing that day's earlier one if any.

    A day holding the example recovery becomes the person's own: their values replace the
    example's and its batch is cleared (``replaced`` stays False, nothing of theirs was).
    """
    checked_day, clean = validate_checkin(day, values, today=today)
    stamp = dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        existed = (
            cur.execute(EXISTS_SKIPPING, [owner, checked_day, EXAMPLE_BATCH]).fetchone()[0] > 0
        )
        if not cur.execute(EXISTS, [owner, checked_day]).fetchone()[0]:
            refuse_overfull(cur, owner, 1)
        cur.execute(
            UPSERT_CHECKIN,
            [owner, checked_day, batch, stamp, stamp, *(clean[c] for c in CHECKIN_COLUMNS)],
        )
    return SaveResult(day=checked_day, replaced=existed)


def row_to_dict(columns: list[str], row: tuple) -> dict[str, object]:
    """A fetched row as a dict keyed by column name."""
    return dict(zip(columns, row, strict=True))


def get_checkin(
    conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date, *, skip_batch: str | None = None
) -> dict[str, object] | None:
    """The check-in for one day as a dict (with ``day``), or None (also when of ``skip_batch``)."""
    with cursor(conn) as cur:
        if skip_batch is None:
            cur.execute(SELECT_ONE, [owner, day])
        else:
            cur.execute(SELECT_ONE_SKIPPING, [owner, day, skip_batch])
        row = cur.fetchone()
        if row is None:
            return None
        return row_to_dict([d[0] for d in cur.description], row)


def latest_checkin(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    *,
    before: dt.date | None = None,
    skip_batch: str | None = None,
) -> dict[str, object] | None:
    """The most recent check-in before ``before`` (default: any), leaving out ``skip_batch``.

    The form starts a day from it: a day back-filled long ago starts from the check-in
    before it, never from a later one.
    """
    bound = before or dt.date.max
    with cursor(conn) as cur:
        if skip_batch is None:
            cur.execute(SELECT_LATEST, [owner, bound])
        else:
            cur.execute(SELECT_LATEST_SKIPPING, [owner, bound, skip_batch])
        row = cur.fetchone()
        if row is None:
            return None
        return row_to_dict([d[0] for d in cur.description], row)


def load_checkins(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """All of an owner's check-ins between two dates (inclusive), oldest first."""
    with cursor(conn) as cur:
        frame = cur.execute(SELECT_CHECKINS, [owner, start or dt.date.min, end or dt.date.max]).df()
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


def delete_checkin(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> bool:
    """Delete one day's check-in; True when there was one."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        existed = cur.execute(EXISTS, [owner, day]).fetchone()[0] > 0
        cur.execute(DELETE_ONE, [owner, day])
    return existed


def data_version(conn: duckdb.DuckDBPyConnection, owner: str) -> tuple[object, ...]:
    """A value that changes whenever anything in the owner's journal changes (for caches)."""
    with cursor(conn) as cur:
        days = tuple(cur.execute(DATA_VERSION, [owner]).fetchone())
        weekly = tuple(cur.execute(WEEKLY_VERSION, [owner, owner, owner]).fetchone())
    return days + weekly


@dataclass(frozen=True)
class JournalSummary:
    """How many check-ins an owner has and the days they span."""

    days_logged: int
    first_day: dt.date | None
    last_day: dt.date | None


def journal_summary(conn: duckdb.DuckDBPyConnection, owner: str) -> JournalSummary:
    """Count an owner's check-ins and find the first and last day."""
    with cursor(conn) as cur:
        count, first, last = cur.execute(COUNT, [owner]).fetchone()
    return JournalSummary(int(count), first, last)


def existing_days(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> set[dt.date]:
    """The days between two dates (inclusive) that already have a check-in."""
    with cursor(conn) as cur:
        return {row[0] for row in cur.execute(SELECT_DAYS, [owner, start, end]).fetchall()}


def checkin_records(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dict[str, object]]:
    """Check-ins as plain Python values (with batch and timestamps), oldest first."""
    with cursor(conn) as cur:
        cur.execute(SELECT_CHECKINS, [owner, start or dt.date.min, end or dt.date.max])
        columns = [d[0] for d in cur.description]
        return [row_to_dict(columns, row) for row in cur.fetchall()]
