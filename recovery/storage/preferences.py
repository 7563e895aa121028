"""Choices a person makes once and keeps with their journal (the weekly exercise aim).

Stored in the ``settings`` table (migration 004), one row per owner and name; every query
filters on the owner, so one visitor's choices never reach another.
"""

from __future__ import annotations

import duckdb

from recovery.storage.cursors import cursor, refuse_revoked, transaction

EXERCISE_AIM = "exercise_aim"

GET_SETTING = "SELECT value FROM settings WHERE owner = ? AND name = ?"
SET_SETTING = (
    "INSERT INTO settings (owner, name, value) VALUES (?, ?, ?) "
    "ON CONFLICT (owner, name) DO UPDATE SET value = excluded.value, updated_at = now()"
)


def get_setting(conn: duckdb.DuckDBPyConnection, owner: str, name: str) -> str | None:
    """The owner's value for a setting, or None when it was never set."""
    with conn.cursor() as cur:
        row = cur.execute(GET_SETTING, [owner, name]).fetchone()
    return None if row is None else str(row[0])


def set_setting(conn: duckdb.DuckDBPyConnection, owner: str, name: str, value: str) -> None:
    """Keep the owner's value for a setting, replacing any earlier one."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        cur.execute(SET_SETTING, [owner, name, value])


def get_int(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    name: str,
    default: int,
    low: int,
    high: int,
) -> int:
    """A whole-number setting within low..high; the default when unset or unreadable."""
    raw = get_setting(conn, owner, name)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return value if low <= value <= high else default


LIST_SETTINGS = "SELECT name, value FROM settings WHERE owner = ? ORDER BY name"


def all_settings(conn: duckdb.DuckDBPyConnection, owner: str) -> dict[str, str]:
    """Every setting the owner has, by name (for the backup)."""
    with conn.cursor() as cur:
        return {str(n): str(v) for n, v in cur.execute(LIST_SETTINGS, [owner]).fetchall()}
