"""Journals in PostgreSQL, reached through DuckDB's postgres extension (installed as a wheel).

DuckDB stays the one client and dialect: an in-memory DuckDB attaches the Postgres database
as ``journal`` and makes it the default for every cursor, so the same queries and
migrations run on it. The address may hold a password; it is never logged nor shown: a
journal on Postgres is named by its host and database name only.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from functools import cache
from pathlib import Path

import duckdb

from recovery.storage.addresses import describe, is_address, scrub, with_password
from recovery.storage.errors import StorageError

__all__ = ["CATALOG", "PooledCursor", "PostgresJournal", "connect", "describe", "is_address"]
__all__ += ["is_postgres", "scrub", "with_password"]

CATALOG = "journal"  # the name the attached database goes by inside DuckDB


# The wheel ships the signed binary as ``postgres.duckdb_extension``; DuckDB finds an
# extension's entry point from its file name, which must be the extension's own name.
_EXTENSION_NAME = "postgres_scanner"


@cache
def extension_file() -> Path:
    """The postgres extension from the installed wheel, under the name DuckDB loads it by."""
    try:
        import duckdb_extension_postgres as wheel
    except ImportError as error:
        raise StorageError(
            "This installation cannot reach PostgreSQL: the duckdb-extension-postgres "
            "package is missing. Install requirements.txt again. Nothing was changed."
        ) from error
    shipped = Path(wheel.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    binary = shipped / "postgres.duckdb_extension"
    if not binary.exists():
        raise StorageError(
            f"The PostgreSQL extension installed is not built for DuckDB {duckdb.__version__}."
            " Install requirements.txt again (both packages share one version)."
        )
    folder = Path(tempfile.mkdtemp(prefix="seven-signs-ext-"))
    atexit.register(shutil.rmtree, folder, True)
    linked = folder / f"{_EXTENSION_NAME}.duckdb_extension"
    os.symlink(binary, linked)
    return linked


class PostgresJournal:
    """An in-memory DuckDB with the Postgres journal attached, used like a DuckDB connection.

    ``USE`` holds for one DuckDB connection only, so every cursor is pointed at the journal
    once, when it is made. Pointing one costs a look into the attached catalog, which 20
    visitors saving at once made the largest part of a save's time, so closed cursors wait
    in a small pool for the next operation instead of being thrown away.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, address: str):
        self._conn = conn
        self.description = describe(address)
        self._idle: list[duckdb.DuckDBPyConnection] = []
        self._idle_lock = threading.Lock()

    def cursor(self) -> PooledCursor:
        """A cursor whose default database is the journal, for one operation at a time."""
        with self._idle_lock:
            cur = self._idle.pop() if self._idle else None
        if cur is None:
            cur = self._conn.cursor()
            cur.execute(USE_JOURNAL)
        return PooledCursor(cur, self)

    def take_back(self, cur: duckdb.DuckDBPyConnection, reusable: bool) -> None:
        """A cursor's operation ended: keep it for the next one, or close it."""
        if reusable:
            with self._idle_lock:
                if len(self._idle) < IDLE_CURSORS:
                    self._idle.append(cur)
                    return
        cur.close()

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def __enter__(self) -> PostgresJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the idle cursors and the connection."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for cur in idle:
            cur.close()
        self._conn.close()


# Enough for the operations of a busy server running at once; more are made when needed.
IDLE_CURSORS = 16


class PooledCursor:
    """One operation's cursor on the journal: a DuckDB cursor that goes back to the pool.

    Only a cursor that ended cleanly, with no transaction left open, is reused: one that
    met an error is closed, so a broken connection to Postgres or a half-done transaction
    is never handed to the next visitor.
    """

    def __init__(self, cur: duckdb.DuckDBPyConnection, journal: PostgresJournal):
        self._cur: duckdb.DuckDBPyConnection | None = cur
        self._journal = journal
        self._in_transaction = False

    def _live(self) -> duckdb.DuckDBPyConnection:
        if self._cur is None:
            raise duckdb.ConnectionException("Connection already closed!")
        return self._cur

    def __getattr__(self, name: str):
        return getattr(self._live(), name)

    def begin(self) -> None:
        """Start a transaction."""
        self._live().begin()
        self._in_transaction = True

    def commit(self) -> None:
        """Commit the transaction (it has ended, even when the commit fails)."""
        self._in_transaction = False
        self._live().commit()

    def rollback(self) -> None:
        """Roll the transaction back."""
        self._in_transaction = False
        self._live().rollback()

    def __enter__(self) -> PooledCursor:
        return self

    def __exit__(self, kind: type | None, *exc: object) -> None:
        self._release(clean=kind is None)

    def close(self) -> None:
        """Hand the cursor back to the pool."""
        self._release(clean=True)

    def _release(self, clean: bool) -> None:
        cur, self._cur = self._cur, None
        if cur is not None:
            self._journal.take_back(cur, clean and not self._in_transaction)


# USE names the constant catalog.
USE_JOURNAL = f"USE {CATALOG}"
POOL_SIZE = "SET pg_pool_max_connections = ?"
# Connections to Postgres kept open by one app server: its visitors' operations at once
# (well under Postgres's default limit of 100, with a few servers on one database).
PG_CONNECTIONS = 24


def attach_statement(address: str) -> str:
    """The ATTACH statement for ``address``, quoted as a SQL literal.

    DuckDB's ATTACH takes no parameters, so the address goes in as a literal: it is this
    server's own setting (environment or secrets), never a visitor's words.
    """
    literal = address.replace("'", "''")
    return f"ATTACH '{literal}' AS {CATALOG} (TYPE postgres)"


def connect(address: str, password: str | None = None) -> PostgresJournal:
    """Attach the Postgres journal at ``address``; a plain StorageError when it cannot be."""
    full = with_password(address, password)
    # Extensions come from the installed wheel only: nothing is fetched at run time, and
    # DuckDB checks the binary's signature (unsigned extensions stay refused).
    conn = duckdb.connect(
        ":memory:",
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
    )
    try:
        conn.load_extension(str(extension_file()))
        # The extension keeps 4 connections to Postgres by default and opens (and signs in
        # with) a new one for every transaction beyond them: with visitors saving at once
        # that sign-in became most of a save's time. Keep enough for a busy server.
        conn.execute(POOL_SIZE, [PG_CONNECTIONS])
        conn.execute(attach_statement(full))
        conn.execute(USE_JOURNAL)
    except duckdb.Error as error:
        conn.close()
        reason = scrub(str(error).splitlines()[0], full) if str(error) else "no reply"
        raise StorageError(
            f"The journal {describe(address)} could not be opened ({reason}). Check the "
            "address, that PostgreSQL is running, and the password (PGPASSWORD or db_password "
            "in secrets). Nothing was changed."
        ) from None
    return PostgresJournal(conn, address)


def is_postgres(conn: object) -> bool:
    """True for a journal kept in PostgreSQL."""
    return isinstance(conn, PostgresJournal)
