"""The journal in DuckDB: opening the file safely, the schema and its migrations, check-ins.

Every function takes an open connection and an owner; every query filters on the owner and
passes values as ``?`` parameters. One connection per process, one cursor per operation:
DuckDB connections are not safe to share between threads, cursors are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from recovery.owners import LOCAL_OWNER as LOCAL_OWNER  # re-exported for callers
from recovery.signs import CHECKIN_COLUMNS, MEASURES_BY_COLUMN
from recovery.storage import errors
from recovery.storage.errors import (  # re-exported: callers catch storage.<Error>
    DatabaseDamagedError,  # noqa: F401
    DatabaseLockedError,  # noqa: F401
    DiskFullError,  # noqa: F401
    StorageError,
)
from recovery.validation import Problem, ValidationError, validate_checkin

SQL_DIR = Path(__file__).parent / "sql"


class DaysTakenError(StorageError):
    """A bulk save would overwrite days the journal already has, and was not told to."""

    kind = "days_taken"
    hosted_advice = ""  # the message says what to do

    def __init__(self, days: list[dt.date]):
        self.days = days
        first, last = days[0].isoformat(), days[-1].isoformat()
        span = first if first == last else f"between {first} and {last}"
        super().__init__(
            f"Your journal already has {len(days)} check-in{'' if len(days) == 1 else 's'} "
            f"on the same days ({span}). Nothing was saved, so your own entries are safe."
        )


def _migrations() -> list[tuple[int, str]]:
    """The numbered migration scripts, oldest first, as (version, sql)."""
    scripts = []
    for path in sorted(SQL_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        scripts.append((int(path.name[:3]), path.read_text(encoding="utf-8")))
    return scripts


SCHEMA_VERSION = _migrations()[-1][0]

# Identifiers cannot be query parameters, so the column lists are spelled out once, here,
# from the registry (whose names are checked to be plain identifiers); values never are.
_COLUMNS = ", ".join(CHECKIN_COLUMNS)
_PLACEHOLDERS = ", ".join("?" for _ in CHECKIN_COLUMNS)
_UPDATES = ", ".join(f"{c} = excluded.{c}" for c in CHECKIN_COLUMNS)
# Times are stamped by the app's clock (as the bulk save does), never the database's, so
# every stamp and every age measured against them come from one clock.
UPSERT_CHECKIN = (
    "INSERT INTO checkins (owner, day, batch, created_at, updated_at, " + _COLUMNS + ") "
    "VALUES (?, ?, ?, ?, ?, " + _PLACEHOLDERS + ") "
    "ON CONFLICT (owner, day) DO UPDATE SET " + _UPDATES + ", batch = excluded.batch, "
    "updated_at = excluded.updated_at"
)
SELECT_CHECKINS = (
    "SELECT day, " + _COLUMNS + ", batch, created_at, updated_at FROM checkins "
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY day"
)
SELECT_ONE = "SELECT day, " + _COLUMNS + " FROM checkins WHERE owner = ? AND day = ?"
SELECT_LATEST = (
    "SELECT day, " + _COLUMNS + " FROM checkins WHERE owner = ? ORDER BY day DESC LIMIT 1"
)
# The *_SKIPPING forms leave out one batch (the example recovery is not the person's own).
SELECT_ONE_SKIPPING = SELECT_ONE + " AND batch IS DISTINCT FROM ?"
SELECT_LATEST_SKIPPING = (
    "SELECT day, " + _COLUMNS + " FROM checkins WHERE owner = ? AND batch IS DISTINCT FROM ? "
    "ORDER BY day DESC LIMIT 1"
)
EXISTS = "SELECT count(*) FROM checkins WHERE owner = ? AND day = ?"
EXISTS_SKIPPING = EXISTS + " AND batch IS DISTINCT FROM ?"
DELETE_ONE = "DELETE FROM checkins WHERE owner = ? AND day = ?"
DELETE_BATCH = "DELETE FROM checkins WHERE owner = ? AND batch = ?"
DELETE_OWNER = "DELETE FROM checkins WHERE owner = ?"
COUNT_OWNER = "SELECT count(*) FROM checkins WHERE owner = ?"
MOVE_OWNER = "UPDATE checkins SET owner = ? WHERE owner = ?"
DELETE_OWNER_SETTINGS = "DELETE FROM settings WHERE owner = ?"
MOVE_OWNER_SETTINGS = "UPDATE settings SET owner = ? WHERE owner = ?"
# Parameters: prefix, owners to keep (a list), the moment to measure from, seconds.
DELETE_ABANDONED = (
    "DELETE FROM checkins WHERE owner IN (SELECT owner FROM checkins "
    "WHERE starts_with(owner, ?) AND NOT list_contains(?::VARCHAR[], owner) GROUP BY owner "
    "HAVING max(updated_at) < ?::TIMESTAMP - to_seconds(?))"
)
DELETE_ORPHAN_SETTINGS = (
    "DELETE FROM settings WHERE starts_with(owner, ?) AND NOT list_contains(?::VARCHAR[], owner) "
    "AND owner NOT IN (SELECT DISTINCT owner FROM checkins)"
)
COUNT = "SELECT count(*), min(day), max(day) FROM checkins WHERE owner = ?"
COUNT_PREFIX = "SELECT count(*) FROM checkins WHERE starts_with(owner, ?)"
COUNT_BATCH = "SELECT count(*) FROM checkins WHERE owner = ? AND batch = ?"
# A fingerprint of everything an owner has stored: any save, edit, delete or import, by any
# code path, changes it, so caches keyed on it never need to be told about writes.
_FINGERPRINTED = ", ".join(["day", *CHECKIN_COLUMNS, "batch", "created_at", "updated_at"])
DATA_VERSION = (
    "SELECT count(*), max(updated_at), sum(hash(" + _FINGERPRINTED + ")) "
    "FROM checkins WHERE owner = ?"
)
# Per-owner reads on a file shared by thousands of journals: an index on owner lets each
# query read only that owner's rows, whatever order the rows were written in. Created in
# code (idempotent), not as a migration: it holds no data and an older app ignores it.
OWNER_INDEX = "CREATE INDEX IF NOT EXISTS checkins_owner ON checkins (owner)"
HAS_OWNER_INDEX = "SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'checkins_owner'"
# DuckDB reads through an index only when few rows match (2,048 by default); a longer
# journal is read faster by a scan, which is left as it is (fetching thousands of wide rows
# one by one through the index took a hundred times longer, bench_clinic_file.py).
SELECT_DAYS = "SELECT day FROM checkins WHERE owner = ? AND day >= ? AND day <= ?"
# The bulk save registers its rows as a DataFrame called ``incoming`` (with a ``seq`` number
# so it can be written in chunks inside one transaction).
# Which of the incoming days are already taken, ignoring rows about to be superseded.
TAKEN_DAYS = (
    "SELECT c.day FROM checkins c JOIN incoming i ON c.day = i.day "
    "WHERE c.owner = ? AND (c.batch IS DISTINCT FROM ? OR NOT ?) ORDER BY c.day"
)
_BULK_COLUMNS = "day, " + _COLUMNS + ", batch, created_at, updated_at"
_BULK_INSERT = (
    "INSERT INTO checkins (owner, " + _BULK_COLUMNS + ") "
    "SELECT ?, " + _BULK_COLUMNS + " FROM incoming WHERE seq >= ? AND seq < ? "
    "ON CONFLICT (owner, day) "
)
BULK_KEEP = _BULK_INSERT + "DO NOTHING"
BULK_REPLACE = (
    _BULK_INSERT + "DO UPDATE SET " + _UPDATES + ", batch = excluded.batch, "
    "updated_at = excluded.updated_at"
)


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
        cur.execute("CHECKPOINT")


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open journal (0 for a brand-new file)."""
    with conn.cursor() as cur:
        tables = {
            row[0] for row in cur.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "schema_version" not in tables:
            if tables:
                raise errors.foreign(_journal_path(conn))
            return 0
        row = cur.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)


def migrate(
    conn: duckdb.DuckDBPyConnection, target: int | None = None, *, path: str | None = None
) -> int:
    """Apply the numbered migrations above the journal's version, each in a transaction."""
    current = schema_version(conn)
    target = SCHEMA_VERSION if target is None else target
    if current > SCHEMA_VERSION:
        raise errors.newer_schema(current, path)
    applied = False
    with conn.cursor() as cur:
        for version, script in _migrations():
            if version <= current or version > target:
                continue
            with _transaction(cur):
                if version == 1:
                    cur.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                cur.execute(script)
                cur.execute("INSERT INTO schema_version VALUES (?)", [version])
            current = version
            applied = True
    if applied:
        # Move the schema change out of the write-ahead log into the file at once: DuckDB
        # 1.5 cannot replay an ALTER TABLE on this table from the log after a crash (found
        # by tests/test_failures.py), which would leave the journal unopenable.
        with conn.cursor() as cur:
            cur.execute("CHECKPOINT")
    return current


def _journal_path(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The file behind a connection (None in memory, or when even this cannot be asked)."""
    try:
        with conn.cursor() as cur:
            row = cur.execute(
                "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
            ).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


@contextmanager
def _transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
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
def _cursor(
    conn: duckdb.DuckDBPyConnection, during: errors.During = "read"
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for one operation; disk and file failures become a plain StorageError."""
    try:
        with conn.cursor() as cur:
            yield cur
    except duckdb.Error as error:
        plain = errors.classify(error, _journal_path(conn), during)
        if plain is None:
            raise  # a mistake in a query, not a problem with the file
        raise plain from error


@dataclass(frozen=True)
class SaveResult:
    """What saving a check-in did."""

    day: dt.date
    replaced: bool


def save_checkin(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    day: object,
    values: dict[str, object],
    *,
    today: dt.date | None = None,
    batch: str | None = None,
) -> SaveResult:
    """Validate and save one day's check-in, replacing that day's earlier one if any.

    A day holding the example recovery becomes the person's own: their values replace the
    example's and its batch is cleared (``replaced`` stays False, nothing of theirs was).
    """
    from recovery.example import EXAMPLE_BATCH  # example imports this module

    checked_day, clean = validate_checkin(day, values, today=today)
    stamp = dt.datetime.now()
    with _cursor(conn, "save") as cur, _transaction(cur):
        existed = (
            cur.execute(EXISTS_SKIPPING, [owner, checked_day, EXAMPLE_BATCH]).fetchone()[0] > 0
        )
        cur.execute(
            UPSERT_CHECKIN,
            [owner, checked_day, batch, stamp, stamp, *(clean[c] for c in CHECKIN_COLUMNS)],
        )
    return SaveResult(day=checked_day, replaced=existed)


def _row_to_dict(columns: list[str], row: tuple) -> dict[str, object]:
    return dict(zip(columns, row, strict=True))


def get_checkin(
    conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date, *, skip_batch: str | None = None
) -> dict[str, object] | None:
    """The check-in for one day as a dict (with ``day``), or None (also when of ``skip_batch``)."""
    with _cursor(conn) as cur:
        if skip_batch is None:
            cur.execute(SELECT_ONE, [owner, day])
        else:
            cur.execute(SELECT_ONE_SKIPPING, [owner, day, skip_batch])
        row = cur.fetchone()
        if row is None:
            return None
        return _row_to_dict([d[0] for d in cur.description], row)


def latest_checkin(
    conn: duckdb.DuckDBPyConnection, owner: str, *, skip_batch: str | None = None
) -> dict[str, object] | None:
    """The most recent check-in (leaving out ``skip_batch``), used to pre-fill the form."""
    with _cursor(conn) as cur:
        if skip_batch is None:
            cur.execute(SELECT_LATEST, [owner])
        else:
            cur.execute(SELECT_LATEST_SKIPPING, [owner, skip_batch])
        row = cur.fetchone()
        if row is None:
            return None
        return _row_to_dict([d[0] for d in cur.description], row)


def load_checkins(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """All of an owner's check-ins between two dates (inclusive), oldest first."""
    with _cursor(conn) as cur:
        frame = cur.execute(SELECT_CHECKINS, [owner, start or dt.date.min, end or dt.date.max]).df()
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


def delete_checkin(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> bool:
    """Delete one day's check-in; True when there was one."""
    with _cursor(conn, "save") as cur, _transaction(cur):
        existed = cur.execute(EXISTS, [owner, day]).fetchone()[0] > 0
        cur.execute(DELETE_ONE, [owner, day])
    return existed


def delete_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """Delete every check-in of one batch (for example the example recovery); returns how many."""
    with _cursor(conn, "save") as cur, _transaction(cur):
        count = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
        cur.execute(DELETE_BATCH, [owner, batch])
    return int(count)


def delete_owner(conn: duckdb.DuckDBPyConnection, owner: str) -> int:
    """Delete every check-in and setting of one owner, out of the file too; returns the days."""
    with _cursor(conn, "save") as cur, _transaction(cur):
        count = int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0])
        cur.execute(DELETE_OWNER, [owner])
        cur.execute(DELETE_OWNER_SETTINGS, [owner])
    _checkpoint(conn)
    return count


def move_owner(conn: duckdb.DuckDBPyConnection, old_owner: str, new_owner: str) -> int:
    """Give every check-in and setting of one owner to another, in one transaction."""
    with _cursor(conn, "save") as cur, _transaction(cur):
        count = int(cur.execute(COUNT_OWNER, [old_owner]).fetchone()[0])
        cur.execute(MOVE_OWNER, [new_owner, old_owner])
        cur.execute(MOVE_OWNER_SETTINGS, [new_owner, old_owner])
    _checkpoint(conn)
    return count


def owner_has_checkins(conn: duckdb.DuckDBPyConnection, owner: str) -> bool:
    """True when an owner has at least one check-in."""
    with _cursor(conn) as cur:
        return int(cur.execute(COUNT_OWNER, [owner]).fetchone()[0]) > 0


def _checkpoint(conn: duckdb.DuckDBPyConnection) -> None:
    # Write the change into the database file now rather than leave it in the write-ahead
    # log, so rows someone asked to delete are gone from the file itself. Another session
    # writing at the same moment can make DuckDB refuse; its own commit checkpoints later.
    try:
        with conn.cursor() as cur:
            cur.execute("CHECKPOINT")
    except duckdb.Error:
        pass


def delete_abandoned_visits(
    conn: duckdb.DuckDBPyConnection,
    prefix: str,
    older_than: dt.timedelta,
    *,
    keep: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> int:
    """Delete throwaway owners' rows (ids start with ``prefix``) unchanged for too long; count.

    Owners in ``keep`` (visitors still at the screen) are spared; ``now`` (naive local
    time, like the stored stamps) defaults to the app's clock. Settings of owners left
    with no check-in go too.
    """
    now = now or dt.datetime.now()
    with _cursor(conn, "save") as cur, _transaction(cur):
        before = cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0]
        cur.execute(DELETE_ABANDONED, [prefix, list(keep), now, older_than.total_seconds()])
        cur.execute(DELETE_ORPHAN_SETTINGS, [prefix, list(keep)])
        after = cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0]
    return int(before - after)


def count_visit_rows(conn: duckdb.DuckDBPyConnection, prefix: str) -> int:
    """How many rows throwaway owners (ids starting with ``prefix``) hold right now."""
    with _cursor(conn) as cur:
        return int(cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0])


def data_version(conn: duckdb.DuckDBPyConnection, owner: str) -> tuple[object, ...]:
    """A value that changes whenever anything in the owner's journal changes (for caches)."""
    with _cursor(conn) as cur:
        return tuple(cur.execute(DATA_VERSION, [owner]).fetchone())


def count_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """How many of the owner's check-ins belong to a batch."""
    with _cursor(conn) as cur:
        return int(cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0])


@dataclass(frozen=True)
class JournalSummary:
    """How many check-ins an owner has and the days they span."""

    days_logged: int
    first_day: dt.date | None
    last_day: dt.date | None


def journal_summary(conn: duckdb.DuckDBPyConnection, owner: str) -> JournalSummary:
    """Count an owner's check-ins and find the first and last day."""
    with _cursor(conn) as cur:
        count, first, last = cur.execute(COUNT, [owner]).fetchone()
    return JournalSummary(int(count), first, last)


@dataclass(frozen=True)
class Stamp:
    """Bookkeeping restored from a backup with a row: when it was made and its batch."""

    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    batch: str | None = None


@dataclass(frozen=True)
class BulkSaveResult:
    """What saving many check-ins did."""

    saved: int  # rows written: new days plus replaced ones
    replaced: int  # days the journal had that now hold the new values
    superseded: int = 0  # earlier rows of the same batch removed first
    kept: int = 0  # days the journal had that were left as they were

    @property
    def added(self) -> int:
        """Days that were not in the journal before."""
        return self.saved - self.replaced


# Chunks keep memory flat for long files; all of them share one transaction.
BULK_CHUNK = 5_000
_PANDAS_TYPES = {"INTEGER": "Int64", "DOUBLE": "Float64", "BOOLEAN": "boolean", "VARCHAR": "object"}


def _incoming_frame(
    days: list[dt.date], rows: list[dict[str, object]], stamps: list[Stamp], batch: str | None
) -> pd.DataFrame:
    # Typed nullable columns, so a missing value reaches DuckDB as NULL (never NaN) and an
    # all-empty optional column still has the right type.
    now = dt.datetime.now()
    frame = pd.DataFrame({"seq": range(len(days)), "day": pd.Series(days, dtype="object")})
    for column in CHECKIN_COLUMNS:
        measure = MEASURES_BY_COLUMN.get(column)
        sql_type = measure.sql_type if measure else "BOOLEAN"
        frame[column] = pd.Series([row[column] for row in rows], dtype=_PANDAS_TYPES[sql_type])
    frame["batch"] = pd.Series(
        [s.batch if s.batch is not None else batch for s in stamps], dtype="object"
    )
    frame["created_at"] = pd.Series([s.created_at or now for s in stamps], dtype="datetime64[us]")
    frame["updated_at"] = pd.Series([s.updated_at or now for s in stamps], dtype="datetime64[us]")
    return frame


def save_checkins(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    rows: Iterable[tuple[object, Mapping[str, object]]],
    *,
    batch: str | None = None,
    replace: bool = False,
    keep_existing: bool = False,
    supersede_batch: bool = False,
    today: dt.date | None = None,
    stamps: Sequence[Stamp] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BulkSaveResult:
    """Validate every (day, values) row, then save them all in one transaction, or none.

    Days the journal already has are replaced with ``replace``, left alone with
    ``keep_existing``, and otherwise raise DaysTakenError. With ``supersede_batch``, the
    owner's earlier rows of the same batch are removed first (in the same transaction), so
    loading a batch again refreshes it instead of clashing. ``stamps`` (one per row) restore
    a backup's timestamps and batches exactly; ``on_progress(done, total)`` follows chunks.
    """
    days: list[dt.date] = []
    clean_rows: list[dict[str, object]] = []
    problems: list[Problem] = []
    seen: set[dt.date] = set()
    for number, (day, values) in enumerate(rows, start=1):
        try:
            checked_day, clean = validate_checkin(day, values, today=today)
        except ValidationError as error:
            problems.extend(
                Problem(p.column, p.value, f"row {number}: {p.message}") for p in error.problems
            )
            continue
        if checked_day in seen:
            problems.append(
                Problem(
                    "date",
                    day,
                    f"row {number}: {checked_day.isoformat()} "
                    "appears twice; keep one check-in per day",
                )
            )
            continue
        seen.add(checked_day)
        days.append(checked_day)
        clean_rows.append(clean)
    if problems:
        raise ValidationError(problems)
    if stamps is not None and len(stamps) != len(days):
        raise ValueError("stamps must have one entry per row")
    if not days:
        return BulkSaveResult(saved=0, replaced=0)
    incoming = _incoming_frame(days, clean_rows, list(stamps or [Stamp()] * len(days)), batch)
    superseding = supersede_batch and batch is not None
    with _cursor(conn, "save") as cur:
        cur.register("incoming", incoming)
        try:
            with _transaction(cur):
                found = cur.execute(TAKEN_DAYS, [owner, batch, superseding]).fetchall()
                taken = [row[0] for row in found]
                if taken and not (replace or keep_existing):
                    raise DaysTakenError(taken)
                superseded = 0
                if superseding:
                    superseded = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
                    cur.execute(DELETE_BATCH, [owner, batch])
                statement = BULK_REPLACE if replace else BULK_KEEP
                for start in range(0, len(days), BULK_CHUNK):
                    stop = min(start + BULK_CHUNK, len(days))
                    cur.execute(statement, [owner, start, stop])
                    if on_progress is not None:
                        on_progress(stop, len(days))
        finally:
            cur.unregister("incoming")
    if replace:
        return BulkSaveResult(saved=len(days), replaced=len(taken), superseded=int(superseded))
    return BulkSaveResult(
        saved=len(days) - len(taken), replaced=0, superseded=int(superseded), kept=len(taken)
    )


def existing_days(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> set[dt.date]:
    """The days between two dates (inclusive) that already have a check-in."""
    with _cursor(conn) as cur:
        return {row[0] for row in cur.execute(SELECT_DAYS, [owner, start, end]).fetchall()}


def checkin_records(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dict[str, object]]:
    """Check-ins as plain Python values (with batch and timestamps), oldest first."""
    with _cursor(conn) as cur:
        cur.execute(SELECT_CHECKINS, [owner, start or dt.date.min, end or dt.date.max])
        columns = [d[0] for d in cur.description]
        return [_row_to_dict(columns, row) for row in cur.fetchall()]
