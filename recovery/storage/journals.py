"""Whole journals: does an owner have one, hand it to another owner, or delete it."""

from __future__ import annotations

import duckdb

from recovery.storage.cursors import checkpoint, cursor, transaction
from recovery.storage.queries import (
    COUNT_OWNER,
    DELETE_OWNER,
    DELETE_OWNER_SETTINGS,
    MOVE_OWNER,
    MOVE_OWNER_SETTINGS,
)


def delete_owner(conn: duckdb.DuckDBPyConnection, owner: str) -> int:
    """Delete every check-in and setting of one owner, out of the file too; returns the days."""
    with cursor(conn, "save") as cur, transaction(cur):
        count = int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0])
        cur.execute(DELETE_OWNER, [owner])
        cur.execute(DELETE_OWNER_SETTINGS, [owner])
    checkpoint(conn)
    return count


def move_owner(conn: duckdb.DuckDBPyConnection, old_owner: str, new_owner: str) -> int:
    """Give every check-in and setting of one owner to another, in one transaction."""
    with cursor(conn, "save") as cur, transaction(cur):
        count = int(cur.execute(COUNT_OWNER, [old_owner]).fetchone()[0])
        cur.execute(MOVE_OWNER, [new_owner, old_owner])
        cur.execute(MOVE_OWNER_SETTINGS, [new_owner, old_owner])
    checkpoint(conn)
    return count


def owner_has_checkins(conn: duckdb.DuckDBPyConnection, owner: str) -> bool:
    """True when an owner has at least one check-in."""
    with cursor(conn) as cur:
        return int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0]) > 0
