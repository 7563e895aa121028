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
from functools import cache
from pathlib import Path

import duckdb

from recovery.storage.addresses import describe, is_address, scrub, with_password
from recovery.storage.errors import StorageError

__all__ = ["CATALOG", "PostgresJournal", "connect", "describe", "is_address", "is_postgres"]
__all__ += ["scrub", "with_password"]

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
    as it is made; anything else goes to the underlying connection.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, address: str):
        self._conn = conn
        self.description = describe(address)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor whose default database is the journal."""
        cur = self._conn.cursor()
        cur.execute(USE_JOURNAL)
        return cur

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def __enter__(self) -> PostgresJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.close()


# LOAD and ATTACH take no parameters in DuckDB: their values are this server's own settings
# (the installed extension file, the configured address, quoted as a literal), never a
# visitor's words. USE names the constant catalog.
USE_JOURNAL = f"USE {CATALOG}"


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
        conn.execute(f"LOAD '{extension_file()}'")
        # ATTACH takes no parameters; the address is the host's setting, quoted as a literal.
        literal = full.replace("'", "''")
        conn.execute(f"ATTACH '{literal}' AS {CATALOG} (TYPE postgres)")
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
