"""Whole journals: does an owner have one, hand it to another owner, or delete it."""

from __future__ import annotations

import datetime as dt

import duckdb

from recovery.storage import weekly
from recovery.storage.cursors import checkpoint, cursor, refuse_revoked, transaction
from recovery.storage.queries import (
    COUNT_OWNER,
    DELETE_OWNER,
    DELETE_OWNER_EXTRA,
    DELETE_OWNER_SETTINGS,
    HAS_ANY_ROW,
    IS_REVOKED,
    MOVE_OWNER,
    MOVE_OWNER_EXTRA,
    MOVE_OWNER_SETTINGS,
    REVOKE_OWNER,
)

DELETE_CHECKPOINT_TRIES = 5


def delete_owner(conn: duckdb.DuckDBPyConnection, owner: str, *, revoke: bool = False) -> int:
    """Delete all of one owner's rows (every table), out of the file too; returns the days.

    With ``revoke`` the owner's link is given up for good (a person deleting their journal);
    a kiosk visit that ends is not, as its owner id is never reused anyway.
    """
    with cursor(conn, "save") as cur, transaction(cur):
        count = int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0])
        cur.execute(DELETE_OWNER, [owner])
        cur.execute(DELETE_OWNER_SETTINGS, [owner])
        for statement in (*weekly.DELETE_OWNER, *DELETE_OWNER_EXTRA):
            cur.execute(statement, [owner])
        if revoke:
            cur.execute(REVOKE_OWNER, [owner, dt.datetime.now()])
    # Out of the file too, not only out of the journal: tried again if another save is busy.
    checkpoint(conn, attempts=DELETE_CHECKPOINT_TRIES)
    return count


def move_owner(conn: duckdb.DuckDBPyConnection, old_owner: str, new_owner: str) -> int:
    """Give all of one owner's rows (every table) to another, in one transaction.

    The old owner is revoked: its link no longer opens anything.
    """
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, old_owner)  # a link given up already cannot be moved again
        count = int(cur.execute(COUNT_OWNER, [old_owner]).fetchone()[0])
        cur.execute(MOVE_OWNER, [new_owner, old_owner])
        cur.execute(MOVE_OWNER_SETTINGS, [new_owner, old_owner])
        for statement in (*weekly.MOVE_OWNER, *MOVE_OWNER_EXTRA):
            cur.execute(statement, [new_owner, old_owner])
        cur.execute(REVOKE_OWNER, [old_owner, dt.datetime.now()])
    checkpoint(conn)
    return count


def owner_has_checkins(conn: duckdb.DuckDBPyConnection, owner: str) -> bool:
    """True when an owner has saved anything: a check-in, a flare-up or a medicine.

    (A shared journal exists, with its link, from its first saved entry of any kind.)
    """
    with cursor(conn) as cur:
        return bool(cur.execute(HAS_ANY_ROW, [owner]).fetchone()[0])


def is_revoked(conn: duckdb.DuckDBPyConnection, owner: str) -> bool:
    """True when an owner's link was given up (its journal deleted or moved)."""
    with cursor(conn) as cur:
        return int(cur.execute(IS_REVOKED, [owner]).fetchone()[0]) > 0
