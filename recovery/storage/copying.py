"""Every journal from one store to another (a DuckDB file, PostgreSQL), one owner at a time."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from recovery.storage.cursors import cursor, transaction
from recovery.storage.errors import StorageError

# Every table whose rows belong to one owner (an ``owner`` column), in the order they are
# copied. A new per-owner table is one more name here, and the copy carries it.
OWNER_TABLES: tuple[str, ...] = (
    "checkins",
    "settings",
    "revoked_owners",
    "weekly_answers",
    "activities",
    "activity_ratings",
    "medicines",
    "medicine_doses",
    "flare_ups",
)

# Table names are the constants above, never a person's words; values are parameters.
_OWNERS = " UNION ".join(f"SELECT DISTINCT owner FROM {t}" for t in OWNER_TABLES)  # noqa: S608
_ROWS = {t: f"SELECT * FROM {t} WHERE owner = ?" for t in OWNER_TABLES}  # noqa: S608
_COUNT = {t: f"SELECT count(*) FROM {t} WHERE owner = ?" for t in OWNER_TABLES}  # noqa: S608
_TOTAL = {t: f"SELECT count(*) FROM {t}" for t in OWNER_TABLES}  # noqa: S608
_INSERT = {t: f"INSERT INTO {t} BY NAME SELECT * FROM copied_rows" for t in OWNER_TABLES}  # noqa: S608


class CopyRefusedError(StorageError):
    """The destination already holds journals, or a count did not match after copying."""

    kind = "copy"
    hosted_advice = ""


@dataclass
class CopyResult:
    """What was copied: owners, and rows per table counted on both sides."""

    owners: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OWNER_TABLES, 0))


def totals(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each per-owner table holds, over every owner."""
    with cursor(conn) as cur:
        return {t: int(cur.execute(_TOTAL[t]).fetchone()[0]) for t in OWNER_TABLES}


def copy_journals(
    source: duckdb.DuckDBPyConnection, target: duckdb.DuckDBPyConnection
) -> CopyResult:
    """Copy every owner's rows from ``source`` into an empty ``target``.

    Each owner is written in one transaction and counted again inside it: an owner whose
    counts differ is not written at all, and the copy stops with a plain error.
    """
    held = totals(target)
    if any(held.values()):
        raise CopyRefusedError(
            "The destination already holds journals ("
            + ", ".join(f"{n:,} {t}" for t, n in held.items() if n)
            + "). Copy only into an empty one. Nothing was copied."
        )
    result = CopyResult()
    with cursor(source) as read:
        owners = [row[0] for row in read.execute(_OWNERS).fetchall()]
        for owner in owners:
            tables = {t: read.execute(_ROWS[t], [owner]).fetch_arrow_table() for t in OWNER_TABLES}
            _write_owner(target, owner, tables)
            result.owners += 1
            for table, rows in tables.items():
                result.rows[table] += rows.num_rows
    return result


def _write_owner(target: duckdb.DuckDBPyConnection, owner: str, tables: dict) -> None:
    with cursor(target, "save") as cur, transaction(cur):
        for table, rows in tables.items():
            if not rows.num_rows:
                continue
            cur.register("copied_rows", rows)
            try:
                cur.execute(_INSERT[table])
            finally:
                cur.unregister("copied_rows")
            written = int(cur.execute(_COUNT[table], [owner]).fetchone()[0])
            if written != rows.num_rows:
                raise CopyRefusedError(
                    f"A journal's {table} came out as {written:,} rows instead of "
                    f"{rows.num_rows:,}; that journal was not copied, nor any after it."
                )
