"""One cursor per operation, one transaction per change, and file failures in plain words.

DuckDB connections are not safe to share between threads, cursors are: every operation
takes its own cursor from the one connection a process keeps.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from recovery.storage import dialect, errors, refusals, server_errors
from recovery.storage.queries import CHECKPOINT, COUNT_OWNER, IS_REVOKED, JOURNAL_FILE

LOG = logging.getLogger("seven_signs.storage")
RETRY_PAUSE = 0.05  # seconds, growing with each try


def journal_path(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The file behind a connection (None in memory, or when even this cannot be asked).

    A journal on a server is named by its host and database, never by its address.
    """
    named = dialect.journal_name(conn)
    if named:
        return named
    try:
        with conn.cursor() as cur:
            row = cur.execute(JOURNAL_FILE).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: all of it is committed, or none of it."""
    cur.begin()
    try:
        yield
        cur.commit()
    except BaseException:
        # A commit that failed (a full disk) has already ended the transaction, and
        # rolling back then raises "no transaction is active", hiding the real error.
        try:
            cur.rollback()
        except duckdb.Error:
            pass
        raise


@contextmanager
def cursor(
    conn: duckdb.DuckDBPyConnection, during: errors.During = "read"
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for one operation; disk and file failures become a plain StorageError."""
    try:
        with conn.cursor() as cur:
            yield cur
    except duckdb.Error as error:
        name = dialect.journal_name(conn)
        plain = server_errors.unreachable(error, name, during) if name else None
        plain = plain or errors.classify(error, journal_path(conn), during)
        if plain is None:
            raise  # a mistake in a query, not a problem with the file
        raise plain from error


REVOKED = (
    "Nothing was saved: this link no longer opens a journal. It was replaced by a new link, "
    "or its journal was deleted, on this or another device."
)


def refuse_revoked(cur: duckdb.DuckDBPyConnection, owner: str) -> None:
    """Inside a write's transaction: raise RevokedOwnerError when ``owner``'s link was given up.

    A tab left open on an old link must not write to it: its rows would land where no link
    leads (and the person was told that link stopped working).
    """
    if cur.execute(IS_REVOKED, [owner]).fetchone()[0]:
        raise refusals.RevokedOwnerError(REVOKED)


# A century of daily check-ins is 36,525 days: one journal holds no more than this, however
# the days arrive (a save, an import, many imports), so no visitor can fill the store.
MAX_JOURNAL_DAYS = 40_000


def refuse_overfull(cur: duckdb.DuckDBPyConnection, owner: str, adding: int) -> None:
    """Inside a write's transaction: raise JournalFullError when ``adding`` new days would
    take ``owner``'s journal past MAX_JOURNAL_DAYS."""
    if adding <= 0:
        return
    held = int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0])
    if held + adding > MAX_JOURNAL_DAYS:
        raise refusals.JournalFullError(
            f"Nothing was saved: a journal holds at most {MAX_JOURNAL_DAYS:,} days (more "
            f"than a century of daily check-ins), and this one holds {held:,}."
        )


def checkpoint(conn: duckdb.DuckDBPyConnection, attempts: int = 1) -> bool:
    """Write the latest change into the file now, if DuckDB lets us; True once it did.

    Never raises: a refusal after ``attempts`` tries is logged for whoever runs the server.
    """
    if dialect.keeps_own_log(conn):
        return True
    # Write the change into the database file now rather than leave it in the write-ahead
    # log, so rows someone asked to delete are gone from the file itself. Another session
    # writing at the same moment can make DuckDB refuse; its own commit checkpoints later.
    for attempt in range(attempts):
        try:
            with conn.cursor() as cur:
                cur.execute(CHECKPOINT)
            return True
        except duckdb.Error as error:
            if attempt + 1 == attempts:
                LOG.warning("checkpoint refused after %d tries: %s", attempts, error)
            else:
                time.sleep(RETRY_PAUSE * (attempt + 1))
    return False


def log_pending(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when changes still wait in the write-ahead log (not yet written into the file)."""
    path = journal_path(conn)
    if not path or dialect.keeps_own_log(conn):
        return False
    wal = Path(path + ".wal")
    try:
        return wal.exists() and wal.stat().st_size > 0
    except OSError:
        return False
