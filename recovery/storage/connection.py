"""Opening the journal safely: a file, memory or MotherDuck, brought up to the current schema."""

from __future__ import annotations

from pathlib import Path

import duckdb

from recovery.storage import errors
from recovery.storage.errors import StorageError
from recovery.storage.migrations import migrate
from recovery.storage.queries import CHECKPOINT, HAS_OWNER_INDEX, OWNER_INDEX


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
    path: str | Path, *, motherduck_token: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the journal at ``path`` and bring its schema up to date.

    ``:memory:`` gives a private in-memory journal; ``md:NAME`` a MotherDuck database (with
    ``motherduck_token``, else the ``MOTHERDUCK_TOKEN`` environment variable). Raises a
    StorageError subclass with a plain message when the file is locked, damaged, read-only,
    not allowed, on a full disk, or its folder cannot be created (a journal that could not be
    created leaves no file), or when MotherDuck cannot be reached.
    """
    target = str(path)
    hosted = target.startswith("md:")
    existed = True
    if target != ":memory:" and not hosted:
        try:
            existed = any(file.exists() for file in _journal_files(target))
            Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)
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
    return conn


def _index_owners(conn: duckdb.DuckDBPyConnection) -> None:
    """Make sure the owner index exists and is used (see OWNER_INDEX)."""
    with conn.cursor() as cur:
        if cur.execute(HAS_OWNER_INDEX).fetchone()[0]:
            return
        cur.execute(OWNER_INDEX)
        # Into the file at once, like a migration, rather than replayed from the log.
        cur.execute(CHECKPOINT)
