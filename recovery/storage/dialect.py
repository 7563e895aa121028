"""Where a journal in PostgreSQL is handled differently from a DuckDB file: only here.

DuckDB speaks the same SQL to both, except for what its postgres extension cannot pass on:
changing a column's constraints (run natively in Postgres, in the same transaction), a
checkpoint (Postgres keeps its own log), the file's name (an address holds a password),
and two servers migrating at once (a transaction-scoped advisory lock serialises them).
"""

from __future__ import annotations

import re

import duckdb

from recovery.storage.postgres import CATALOG, is_postgres

# Statements DuckDB's postgres extension refuses ("only RENAME, ADD and DROP COLUMN").
_NATIVE_ONLY = re.compile(r"^\s*ALTER\s+TABLE\s+\S+\s+ALTER\s+COLUMN\b", re.IGNORECASE)
# Any number, the same on every server: the key of the lock taken around each migration.
MIGRATION_LOCK = 7_357_000_021


def _statements(script: str) -> list[str]:
    """A migration script's statements (comments dropped; no migration quotes a semicolon)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def _native(statement: str) -> str:
    # The statement comes from this package's own migration files, never from a person.
    return f"CALL postgres_execute('{CATALOG}', '{statement.replace(chr(39), chr(39) * 2)}')"


def migration_steps(conn: object, script: str) -> list[str]:
    """The SQL to run for one migration script on this journal."""
    if not is_postgres(conn):
        return [script]
    return [_native(s) if _NATIVE_ONLY.match(s) else s for s in _statements(script)]


def lock_migrations(conn: object, cur: duckdb.DuckDBPyConnection) -> None:
    """Inside a migration's transaction: wait while another server migrates the same database.

    Released by the transaction's end. A server that waited finds the migration applied by
    the other (schema_version's key refuses a second record) and starts again from there.
    """
    if is_postgres(conn):
        cur.execute(_native(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))


def forget_schema(conn: object) -> None:
    """Forget the tables DuckDB remembers of the journal (another server may have changed them)."""
    if is_postgres(conn):
        with conn.cursor() as cur:
            cur.execute("CALL pg_clear_cache()")


def keeps_own_log(conn: object) -> bool:
    """True when the database writes its own log (no CHECKPOINT is needed or possible)."""
    return is_postgres(conn)


def journal_name(conn: object) -> str | None:
    """What a journal is called in messages when it is not a file (None for a file)."""
    return conn.description if is_postgres(conn) else None
