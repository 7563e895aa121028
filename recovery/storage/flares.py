"""One owner's flare-ups, logged as they happen: add, edit, delete, list, restore.

Every query filters on the owner; every write refuses an owner whose link was given up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

import duckdb
import pandas as pd

from recovery.signs.flares import FLARE_FIELDS, validate_flare
from recovery.storage.cursors import cursor, refuse_revoked, transaction
from recovery.storage.refusals import JournalFullError

_COLUMNS = ", ".join(FLARE_FIELDS)
_PLACEHOLDERS = ", ".join("?" for _ in FLARE_FIELDS)
_UPDATES = ", ".join(f"{c} = ?" for c in FLARE_FIELDS)
INSERT_FLARE = (
    "INSERT INTO flare_ups (owner, id, day, batch, created_at, updated_at, " + _COLUMNS + ") "
    "VALUES (?, ?, ?, ?, ?, ?, " + _PLACEHOLDERS + ")"
)
# A restored backup's flare-up keeps its id: restoring twice changes nothing.
RESTORE_FLARE = INSERT_FLARE + " ON CONFLICT (owner, id) DO NOTHING"
UPDATE_FLARE = (
    "UPDATE flare_ups SET day = ?, updated_at = ?, batch = NULL, " + _UPDATES + " "  # noqa: S608
    "WHERE owner = ? AND id = ?"
)
DELETE_FLARE = "DELETE FROM flare_ups WHERE owner = ? AND id = ?"
FLARE_EXISTS = "SELECT count(*) FROM flare_ups WHERE owner = ? AND id = ?"
SELECT_FLARES = (
    "SELECT id, day, " + _COLUMNS + ", batch, created_at, updated_at FROM flare_ups "  # noqa: S608
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY started_at, created_at"
)
SELECT_FLARE = (
    "SELECT id, day, " + _COLUMNS + ", batch, created_at, updated_at FROM flare_ups "  # noqa: S608
    "WHERE owner = ? AND id = ?"
)
COUNT_DAY = "SELECT count(*) FROM flare_ups WHERE owner = ? AND day = ?"
# A journal holds at most this many flare-ups (two hundred a day for a century is far more
# than anyone logs), so no visitor can fill the store through this table.
MAX_FLARES = 200_000
COUNT_FLARES = "SELECT count(*) FROM flare_ups WHERE owner = ?"


class TooManyFlaresError(JournalFullError):
    """The journal already holds the most flare-ups it may.

    A full journal: shown in plain words wherever a journal problem is (a StorageError).
    """


def _refuse_full(cur: duckdb.DuckDBPyConnection, owner: str, adding: int) -> None:
    held = int(cur.execute(COUNT_FLARES, [owner]).fetchone()[0])
    if held + adding > MAX_FLARES:
        raise TooManyFlaresError(
            f"Nothing was saved: a journal holds at most {MAX_FLARES:,} flare-ups."
        )


def add_flare(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    values: Mapping[str, object],
    *,
    now: dt.datetime,
    batch: str | None = None,
) -> str:
    """Validate and save a new flare-up; returns its id (ValidationError on bad values)."""
    clean = validate_flare(values, now=now)
    flare_id = uuid.uuid4().hex
    stamp = dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        _refuse_full(cur, owner, 1)
        cur.execute(
            INSERT_FLARE,
            [owner, flare_id, clean["started_at"].date(), batch, stamp, stamp]
            + [clean[c] for c in FLARE_FIELDS],
        )
    return flare_id


def edit_flare(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    flare_id: str,
    values: Mapping[str, object],
    *,
    now: dt.datetime,
) -> bool:
    """Validate and replace a flare-up's values; False when the owner has no such flare-up."""
    clean = validate_flare(values, now=now)
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        if not cur.execute(FLARE_EXISTS, [owner, flare_id]).fetchone()[0]:
            return False
        cur.execute(
            UPDATE_FLARE,
            [clean["started_at"].date(), dt.datetime.now()]
            + [clean[c] for c in FLARE_FIELDS]
            + [owner, flare_id],
        )
    return True


def delete_flare(conn: duckdb.DuckDBPyConnection, owner: str, flare_id: str) -> bool:
    """Delete one flare-up; True when there was one."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        existed = cur.execute(FLARE_EXISTS, [owner, flare_id]).fetchone()[0] > 0
        cur.execute(DELETE_FLARE, [owner, flare_id])
    return existed


def flare_records(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dict[str, object]]:
    """An owner's flare-ups between two days (inclusive) as dicts, earliest first."""
    with cursor(conn) as cur:
        cur.execute(SELECT_FLARES, [owner, start or dt.date.min, end or dt.date.max])
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def get_flare(conn: duckdb.DuckDBPyConnection, owner: str, flare_id: str) -> dict | None:
    """One of the owner's flare-ups as a dict, or None."""
    with cursor(conn) as cur:
        cur.execute(SELECT_FLARE, [owner, flare_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))


def load_flares(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """An owner's flare-ups between two days (inclusive) as a DataFrame, earliest first."""
    with cursor(conn) as cur:
        frame = cur.execute(SELECT_FLARES, [owner, start or dt.date.min, end or dt.date.max]).df()
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


def count_on_day(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> int:
    """How many flare-ups the owner logged on one day."""
    with cursor(conn) as cur:
        return int(cur.execute(COUNT_DAY, [owner, day]).fetchone()[0])


def restore_flares(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    records: Iterable[Mapping[str, object]],
) -> int:
    """Write already-validated flare-ups (a backup, the example) in one transaction, keeping
    their ids, stamps and batch; ones already there are left as they are. Returns how many
    were new."""
    rows = list(records)
    now = dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        before = int(cur.execute(COUNT_FLARES, [owner]).fetchone()[0])
        _refuse_full(cur, owner, len(rows))
        for record in rows:
            started = record["started_at"]
            cur.execute(
                RESTORE_FLARE,
                [
                    owner,
                    record.get("id") or uuid.uuid4().hex,
                    started.date(),
                    record.get("batch"),
                    record.get("created_at") or now,
                    record.get("updated_at") or now,
                ]
                + [record.get(c) for c in FLARE_FIELDS],
            )
        after = int(cur.execute(COUNT_FLARES, [owner]).fetchone()[0])
    return after - before
