"""The schema: numbered ``sql/NNN_*.sql`` scripts, each applied once, in its own transaction."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from recovery.storage import dialect, errors
from recovery.storage.cursors import journal_path, transaction
from recovery.storage.queries import (
    CHECKPOINT,
    CREATE_SCHEMA_VERSION,
    RECORD_SCHEMA_VERSION,
    SELECT_SCHEMA_VERSION,
    TABLE_NAMES,
)

SQL_DIR = Path(__file__).parent / "sql"


def _migrations() -> list[tuple[int, str]]:
    """The numbered migration scripts, oldest first, as (version, sql)."""
    scripts = []
    for path in sorted(SQL_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        scripts.append((int(path.name[:3]), path.read_text(encoding="utf-8")))
    return scripts


SCHEMA_VERSION = _migrations()[-1][0]


def _version(conn: object, cur: duckdb.DuckDBPyConnection) -> int:
    tables = {row[0] for row in cur.execute(TABLE_NAMES).fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise errors.foreign(journal_path(conn))
        return 0
    row = cur.execute(SELECT_SCHEMA_VERSION).fetchone()
    return int(row[0] or 0)


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open journal (0 for a brand-new file)."""
    with conn.cursor() as cur:
        return _version(conn, cur)


# Two servers starting on one new PostgreSQL database: the one that waited retries.
MIGRATION_ATTEMPTS = 5


def migrate(
    conn: duckdb.DuckDBPyConnection, target: int | None = None, *, path: str | None = None
) -> int:
    """Apply the numbered migrations above the journal's version, each in a transaction."""
    for attempt in range(MIGRATION_ATTEMPTS):
        try:
            return _migrate(conn, target, path)
        except duckdb.Error:
            # Another server applied the same migration first (its record's key, or a table
            # it made, refuses ours): read the version afresh and go on from there.
            if not dialect.keeps_own_log(conn) or attempt + 1 == MIGRATION_ATTEMPTS:
                raise
            time.sleep(0.1 * (attempt + 1))
            dialect.forget_schema(conn)
    raise AssertionError("unreachable")


def _migrate(conn: duckdb.DuckDBPyConnection, target: int | None, path: str | None) -> int:
    current = schema_version(conn)
    target = SCHEMA_VERSION if target is None else target
    if current > SCHEMA_VERSION:
        raise errors.newer_schema(current, path)
    applied = False
    with conn.cursor() as cur:
        for version, script in _migrations():
            if version <= current or version > target:
                continue
            with transaction(cur):
                dialect.lock_migrations(conn, cur)
                if version == 1:
                    cur.execute(CREATE_SCHEMA_VERSION)
                for step in dialect.migration_steps(conn, script):
                    cur.execute(step)
                cur.execute(RECORD_SCHEMA_VERSION, [version])
            current = version
            applied = True
    if applied and not dialect.keeps_own_log(conn):
        # Move the schema change out of the write-ahead log into the file at once: DuckDB
        # 1.5 cannot replay an ALTER TABLE on this table from the log after a crash (found
        # by tests/test_failures.py), which would leave the journal unopenable.
        with conn.cursor() as cur:
            cur.execute(CHECKPOINT)
    return current
