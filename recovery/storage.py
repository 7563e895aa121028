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
from recovery.validation import Problem, ValidationError, validate_checkin

SQL_DIR = Path(__file__).parent / "sql"


class StorageError(Exception):
    """A problem with the database file, described in plain words for the person."""


class DatabaseLockedError(StorageError):
    """Another program holds the database file open."""


class DatabaseDamagedError(StorageError):
    """The file is not a DuckDB database, or is damaged, or is from an unknown version."""


class DaysTakenError(StorageError):
    """A bulk save would overwrite days the journal already has, and was not told to."""

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
UPSERT_CHECKIN = (
    "INSERT INTO checkins (owner, day, batch, " + _COLUMNS + ") "
    "VALUES (?, ?, ?, " + _PLACEHOLDERS + ") "
    "ON CONFLICT (owner, day) DO UPDATE SET " + _UPDATES + ", batch = excluded.batch, "
    "updated_at = now()"
)
SELECT_CHECKINS = (
    "SELECT day, " + _COLUMNS + ", batch, created_at, updated_at FROM checkins "
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY day"
)
SELECT_ONE = "SELECT day, " + _COLUMNS + " FROM checkins WHERE owner = ? AND day = ?"
SELECT_LATEST = (
    "SELECT day, " + _COLUMNS + " FROM checkins WHERE owner = ? ORDER BY day DESC LIMIT 1"
)
EXISTS = "SELECT count(*) FROM checkins WHERE owner = ? AND day = ?"
DELETE_ONE = "DELETE FROM checkins WHERE owner = ? AND day = ?"
DELETE_BATCH = "DELETE FROM checkins WHERE owner = ? AND batch = ?"
DELETE_OWNER = "DELETE FROM checkins WHERE owner = ?"
DELETE_ABANDONED = (
    "DELETE FROM checkins WHERE owner IN (SELECT owner FROM checkins "
    "WHERE starts_with(owner, ?) GROUP BY owner "
    "HAVING max(updated_at) < now()::TIMESTAMP - to_seconds(?))"
)
COUNT = "SELECT count(*), min(day), max(day) FROM checkins WHERE owner = ?"
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


def _plain_open_error(path: str, error: duckdb.Error) -> StorageError:
    text = str(error).splitlines()[0] if str(error) else ""
    # Only the first line: DuckDB's internal errors append a stack trace full of words.
    if "could not set lock" in text.lower() or "conflicting lock" in text.lower():
        return DatabaseLockedError(
            f"The journal file {path} is in use by another program (perhaps a second copy "
            "of Seven Signs, or the DuckDB command line). Close that program and try again "
            "(reload the page in the app). Nothing was changed."
        )
    if "newer version" in text.lower() or "older" in text.lower():
        return DatabaseDamagedError(
            f"The journal file {path} was written by a different version of DuckDB and "
            "cannot be opened here. Nothing was changed; keep the file and open it with the "
            "version that made it."
        )
    return DatabaseDamagedError(
        f"The file {path} is not a Seven Signs journal, or it is damaged. It was left "
        "untouched. Choose another file (RECOVERY_DB), or move this one aside and restore "
        "a backup."
    )


def open_database(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the journal at ``path`` and bring its schema up to date.

    ``:memory:`` gives a private in-memory journal. Raises StorageError with a plain
    message when the file is locked, damaged or not a DuckDB database.
    """
    target = str(path)
    if target != ":memory:":
        Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = duckdb.connect(target)
    except duckdb.Error as error:
        raise _plain_open_error(target, error) from error
    try:
        migrate(conn)
    except StorageError:
        conn.close()
        raise
    except duckdb.Error as error:
        conn.close()
        raise _plain_open_error(target, error) from error
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
                raise DatabaseDamagedError(
                    "This DuckDB file holds other tables and is not a Seven Signs journal. "
                    "It was left untouched; choose another file."
                )
            return 0
        row = cur.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)


def migrate(conn: duckdb.DuckDBPyConnection, target: int | None = None) -> int:
    """Apply the numbered migrations above the journal's version, each in a transaction."""
    current = schema_version(conn)
    target = SCHEMA_VERSION if target is None else target
    if current > SCHEMA_VERSION:
        raise DatabaseDamagedError(
            "This journal was made by a newer Seven Signs (schema version "
            f"{current}); update the app to open it. Nothing was changed."
        )
    applied = False
    with conn.cursor() as cur:
        for version, script in _migrations():
            if version <= current or version > target:
                continue
            cur.begin()
            try:
                if version == 1:
                    cur.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                cur.execute(script)
                cur.execute("INSERT INTO schema_version VALUES (?)", [version])
                cur.commit()
            except Exception:
                cur.rollback()
                raise
            current = version
            applied = True
    if applied:
        # Move the schema change out of the write-ahead log into the file at once: DuckDB
        # 1.5 cannot replay an ALTER TABLE on this table from the log after a crash (found
        # by tests/test_failures.py), which would leave the journal unopenable.
        with conn.cursor() as cur:
            cur.execute("CHECKPOINT")
    return current


@contextmanager
def _cursor(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for one operation; low-level failures become a plain StorageError."""
    try:
        with conn.cursor() as cur:
            yield cur
    except (
        duckdb.IOException,
        duckdb.InternalException,
        duckdb.SerializationException,
        duckdb.FatalException,
    ) as error:
        raise DatabaseDamagedError(
            "The journal could not be read or written (" + str(error).splitlines()[0] + "). "
            "Nothing more was changed; restart the app, and restore a backup if this repeats."
        ) from error


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
    """Validate and save one day's check-in, replacing that day's earlier one if any."""
    checked_day, clean = validate_checkin(day, values, today=today)
    with _cursor(conn) as cur:
        cur.begin()
        try:
            existed = cur.execute(EXISTS, [owner, checked_day]).fetchone()[0] > 0
            cur.execute(
                UPSERT_CHECKIN, [owner, checked_day, batch, *(clean[c] for c in CHECKIN_COLUMNS)]
            )
            cur.commit()
        except Exception:
            cur.rollback()
            raise
    return SaveResult(day=checked_day, replaced=existed)


def _row_to_dict(columns: list[str], row: tuple) -> dict[str, object]:
    return dict(zip(columns, row, strict=True))


def get_checkin(
    conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date
) -> dict[str, object] | None:
    """The check-in for one day as a dict (with ``day``), or None."""
    with _cursor(conn) as cur:
        cur.execute(SELECT_ONE, [owner, day])
        row = cur.fetchone()
        if row is None:
            return None
        return _row_to_dict([d[0] for d in cur.description], row)


def latest_checkin(conn: duckdb.DuckDBPyConnection, owner: str) -> dict[str, object] | None:
    """The most recent check-in, used to pre-fill the form, or None."""
    with _cursor(conn) as cur:
        cur.execute(SELECT_LATEST, [owner])
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
    with _cursor(conn) as cur:
        cur.begin()
        existed = cur.execute(EXISTS, [owner, day]).fetchone()[0] > 0
        cur.execute(DELETE_ONE, [owner, day])
        cur.commit()
    return existed


def delete_batch(conn: duckdb.DuckDBPyConnection, owner: str, batch: str) -> int:
    """Delete every check-in of one batch (for example the example recovery); returns how many."""
    with _cursor(conn) as cur:
        cur.begin()
        count = cur.execute(COUNT_BATCH, [owner, batch]).fetchone()[0]
        cur.execute(DELETE_BATCH, [owner, batch])
        cur.commit()
    return int(count)


def delete_owner(conn: duckdb.DuckDBPyConnection, owner: str) -> None:
    """Delete every check-in of one owner (a kiosk visitor leaving, a person starting over)."""
    with _cursor(conn) as cur:
        cur.execute(DELETE_OWNER, [owner])


def delete_abandoned_visits(
    conn: duckdb.DuckDBPyConnection, prefix: str, older_than: dt.timedelta
) -> None:
    """Delete the rows of throwaway owners (ids starting with ``prefix``) idle for too long."""
    with _cursor(conn) as cur:
        cur.execute(DELETE_ABANDONED, [prefix, older_than.total_seconds()])


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
    with _cursor(conn) as cur:
        cur.register("incoming", incoming)
        cur.begin()
        try:
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
            cur.commit()
        except Exception:
            cur.rollback()
            raise
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
