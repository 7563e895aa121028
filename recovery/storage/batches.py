"""Batches: rows saved together (an import, the example recovery), counted or removed as one."""

from __future__ import annotations

import duckdb

from recovery.storage.cursors import cursor, transaction
from recovery.storage.queries import COUNT_BATCH, DELETE_BATCH

# The batch of the made-up example recovery: its rows are never taken for the person's own.
EXAMPLE_BATCH = "example"
# The weekly tables' rows of one batch (migration 007); table names are constants here.
WEEKLY_DELETE_BATCH = tuple(
    f"DELETE FROM {t} WHERE owner = ? AND batch = ?"  # noqa: S608
    for t in ("weekly_answers", "activity_ratings", "activities")
)


def delete_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """Delete every check-in and weekly row of one batch (the example recovery); count days."""
    with cursor(conn, "save") as cur, transaction(cur):
        count = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
        cur.execute(DELETE_BATCH, [owner, batch])
        for statement in WEEKLY_DELETE_BATCH:
            cur.execute(statement, [owner, batch])
    return int(count)


def count_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """How many of the owner's check-ins belong to a batch."""
    with cursor(conn) as cur:
        return int(cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0])
