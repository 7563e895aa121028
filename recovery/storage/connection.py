"""Opening the journal safely: a file, memory, MotherDuck or PostgreSQL, at the current schema."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import duckdb

from recovery.storage import dialect, errors, postgres
from recovery.storage.cursors import transaction
from recovery.storage.errors import StorageError
from recovery.storage.migrations import migrate
from recovery.storage.queries import CHECKPOINT, HAS_OWNER_INDEX, OWNER_INDEX
from recovery.storage.refusals import refuse_address


def _open_error(path: str, error: duckdb.Error) -> StorageError:
    return errors.classify(error, path, "open") or errors.damaged(path, errors.first_line(error))


def _journal_files(target: str) -> tuple[Path, Path]:
    """The journal file and its write-ahead log."""
    file = Path(target).expanduser()
    return file, file.with_name(file.name + ".wal")


def _remove_if_created(target: str, existed: bool) -> None:
    # A journal that failed to come into being (a full disk leaves an empty file) would be
    # taken for a damaged one next time: remove only what this call made.
    if existed or target == ":memory:":
        return
    for leftover in _journal_files(target):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # the disk refuses even this; the open error already says why


def _connect(target: str, motherduck_token: str | None) -> duckdb.DuckDBPyConnection:
    if target.startswith("md:"):
        # MotherDuck: the same client, SQL and migrations, on a database that outlives
        # this server. The token is passed as configuration, never written into the name.
        config = {"motherduck_token": motherduck_token} if motherduck_token else {}
        return duckdb.connect(target, config=config)
    return duckdb.connect(target)


def open_database(
    path: str | Path, *, motherduck_token: str | None = None, password: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the journal at ``path`` and bring its schema up to date.

    ``:memory:`` gives a private in-memory journal; ``md:NAME`` a MotherDuck database (with
    ``motherduck_token``, else the ``MOTHERDUCK_TOKEN`` environment variable);
    ``postgresql://user@host:port/name`` a PostgreSQL database (with ``password`` unless the
    address or PGPASSWORD holds it), which several servers can share. Raises a
    StorageError subclass with a plain message when the file is locked, damaged, read-only,
    not allowed, on a full disk, or its folder cannot be created (a journal that could not be
    created leaves no file), or when MotherDuck cannot be reached.
    """
    target = str(path)
    if postgres.is_address(target):
        return _open_postgres(target, password)
    refuse_address(target)  # before any folder is made from it
    hosted = target.startswith("md:")
    existed = True
    if target != ":memory:" and not hosted:
        os.umask(PRIVATE_UMASK)
        try:
            existed = any(file.exists() for file in _journal_files(target))
            folder = Path(target).expanduser().parent
            if not folder.exists():
                # A journal's folder is this user's alone (a folder we did not make is left
                # as its owner set it).
                folder.mkdir(parents=True, mode=PRIVATE_FOLDER)
                folder.chmod(PRIVATE_FOLDER)
        except FileExistsError:
            pass  # another session made it a moment ago
        except OSError as error:  # a folder that cannot be searched or created
            raise errors.from_os_error(error, target) from error
    try:
        conn = _connect(target, motherduck_token)
    except duckdb.Error as error:
        if hosted:
            raise StorageError(
                "The journal database on MotherDuck could not be opened ("
                + (str(error).splitlines()[0] if str(error) else "no reply")
                + "). Check the database name and the MotherDuck token. Nothing was changed."
            ) from error
        _remove_if_created(target, existed)
        raise _open_error(target, error) from error
    try:
        migrate(conn, path=target)
    except StorageError:
        conn.close()
        _remove_if_created(target, existed)
        raise
    except duckdb.Error as error:
        conn.close()
        _remove_if_created(target, existed)
        raise _open_error(target, error) from error
    _index_owners(conn)
    if target != ":memory:" and not hosted:
        make_private(target)
    return conn


# Servers starting together on one new database: one that lost a race starts again afresh.
POSTGRES_OPEN_ATTEMPTS = 5


def _open_postgres(address: str, password: str | None) -> postgres.PostgresJournal:
    for attempt in range(POSTGRES_OPEN_ATTEMPTS):
        conn = postgres.connect(address, password)
        try:
            migrate(conn, path=conn.description)
            _index_owners(conn)
            return conn
        except duckdb.Error as error:
            conn.close()
            # A statement that lost a race leaves the server's session unusable: a new
            # connection reads the schema the winner made.
            if attempt + 1 < POSTGRES_OPEN_ATTEMPTS:
                time.sleep(0.2 * (attempt + 1))
                continue
            reason = postgres.scrub(errors.first_line(error), address)
            raise StorageError(
                f"The journal {conn.description} could not be brought up to date ({reason}). "
                "Nothing was changed."
            ) from None
        except StorageError:
            conn.close()
            raise
    raise AssertionError("unreachable")


# Journals are personal health data: readable and writable by this user only.
PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600
PRIVATE_FOLDER = stat.S_IRWXU  # 0700
# The write-ahead log comes and goes with every checkpoint, each time created anew: so a
# process that opens a journal file creates every file from then on private (its umask).
PRIVATE_UMASK = 0o077


def make_private(target: str) -> None:
    """Make the journal file and its write-ahead log readable by this user only."""
    for file in _journal_files(target):
        try:
            if file.exists() and stat.S_IMODE(file.stat().st_mode) != PRIVATE_FILE:
                os.chmod(file, PRIVATE_FILE)
        except OSError:
            pass  # not ours to change (another user's file opened read-only, say)


def _index_owners(conn: duckdb.DuckDBPyConnection) -> None:
    """Make sure the owner index exists and is used (see OWNER_INDEX)."""
    with conn.cursor() as cur:
        if cur.execute(HAS_OWNER_INDEX).fetchone()[0]:
            return
        if dialect.keeps_own_log(conn):
            with transaction(cur):  # two servers making it at once: one waits for the other
                dialect.lock_migrations(conn, cur)
                cur.execute(OWNER_INDEX)
            return
        cur.execute(OWNER_INDEX)
        if not dialect.keeps_own_log(conn):
            # Into the file at once, like a migration, rather than replayed from the log.
            cur.execute(CHECKPOINT)
