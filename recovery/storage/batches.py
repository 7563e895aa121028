"""Batches: rows saved together (an import, the example recovery), counted or removed as one."""

from __future__ import annotations

import duckdb

from recovery.storage.cursors import cursor, transaction
from recovery.storage.queries import COUNT_BATCH, DELETE_BATCH, DELETE_BATCH_EXTRA

# The batch of the made-up example recovery: its rows are never taken for the person's own.
EXAMPLE_BATCH = "example"
# The weekly tables' rows of one batch (migration 007); table names are constants here.
WEEKLY_DELETE_BATCH = tuple(
    f"DELETE FROM {t} WHERE owner = ? AND batch = ?"  # noqa: S608
    for t in ("weekly_answers", "activity_ratings", "activities")
)


def delete_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """Delete every row of one batch (the example recovery: its days, weekly rows, flare-ups
    and medicines); returns how many check-ins went."""
    with cursor(conn, "save") as cur, transaction(cur):
        count = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
        cur.execute(DELETE_BATCH, [owner, batch])
        for statement in (*WEEKLY_DELETE_BATCH, *DELETE_BATCH_EXTRA):
            cur.execute(statement, [owner, batch])
    return int(count)


def clear_batch_extras(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> None:
    """Delete a batch's flare-ups and medicines only (its check-ins stay)."""
    with cursor(conn, "save") as cur, transaction(cur):
        for statement in DELETE_BATCH_EXTRA:
            cur.execute(statement, [owner, batch])


def count_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """How many of the owner's check-ins belong to a batch."""
    with cursor(conn) as cur:
        return int(cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0])
