"""The journal's SQL, one named constant per statement, always with ``?`` parameters."""

from __future__ import annotations

from recovery.signs import CHECKIN_COLUMNS

# The schema's own bookkeeping (migrations.py).
# The journal's own tables: a database on a server also lists the server's catalogs.
TABLE_NAMES = (
    "SELECT table_name FROM duckdb_tables() "
    "WHERE database_name = current_database() AND schema_name = current_schema()"
)
# The key refuses a second record of one migration (two servers migrating at once).
CREATE_SCHEMA_VERSION = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY)"
SELECT_SCHEMA_VERSION = "SELECT max(version) FROM schema_version"
RECORD_SCHEMA_VERSION = "INSERT INTO schema_version VALUES (?)"
JOURNAL_FILE = "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
# Writes what the write-ahead log holds into the file itself.
CHECKPOINT = "CHECKPOINT"

# Identifiers cannot be query parameters, so the column lists are spelled out once, here,
# from the registry (whose names are checked to be plain identifiers); values never are.
COLUMNS = ", ".join(CHECKIN_COLUMNS)
_PLACEHOLDERS = ", ".join("?" for _ in CHECKIN_COLUMNS)
_UPDATES = ", ".join(f"{c} = excluded.{c}" for c in CHECKIN_COLUMNS)
# Times are stamped by the app's clock (as the bulk save does), never the database's, so
# every stamp and every age measured against them come from one clock.
UPSERT_CHECKIN = (
    "INSERT INTO checkins (owner, day, batch, created_at, updated_at, " + COLUMNS + ") "
    "VALUES (?, ?, ?, ?, ?, " + _PLACEHOLDERS + ") "
    "ON CONFLICT (owner, day) DO UPDATE SET " + _UPDATES + ", batch = excluded.batch, "
    "updated_at = excluded.updated_at"
)
SELECT_CHECKINS = (
    "SELECT day, " + COLUMNS + ", batch, created_at, updated_at FROM checkins "  # noqa: S608
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY day"
)
SELECT_ONE = "SELECT day, " + COLUMNS + " FROM checkins WHERE owner = ? AND day = ?"  # noqa: S608
# The latest check-in before a day: what a new (or back-filled) day starts from.
SELECT_LATEST = (
    "SELECT day, " + COLUMNS + " FROM checkins WHERE owner = ? AND day < ? "  # noqa: S608
    "ORDER BY day DESC LIMIT 1"
)
# The *_SKIPPING forms leave out one batch (the example recovery is not the person's own).
SELECT_ONE_SKIPPING = SELECT_ONE + " AND batch IS DISTINCT FROM ?"
SELECT_LATEST_SKIPPING = (
    "SELECT day, " + COLUMNS + " FROM checkins WHERE owner = ? AND day < ? "  # noqa: S608
    "AND batch IS DISTINCT FROM ? ORDER BY day DESC LIMIT 1"
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
# The tables beside checkins that hold an owner's rows: deleted, moved and cleared with them.
# Table names are fixed here, never taken from input.
OWNER_TABLES = ("flare_ups", "medicines", "medicine_doses")
DELETE_OWNER_EXTRA = tuple(f"DELETE FROM {t} WHERE owner = ?" for t in OWNER_TABLES)  # noqa: S608
MOVE_OWNER_EXTRA = tuple(f"UPDATE {t} SET owner = ? WHERE owner = ?" for t in OWNER_TABLES)  # noqa: S608
DELETE_BATCH_EXTRA = tuple(
    f"DELETE FROM {t} WHERE owner = ? AND batch = ?"  # noqa: S608
    for t in OWNER_TABLES
)
# A kiosk visitor's rows in these tables go once the visitor has no check-in left.
DELETE_ORPHAN_EXTRA = tuple(
    f"DELETE FROM {t} WHERE starts_with(owner, ?) AND NOT list_contains(?::VARCHAR[], owner) "  # noqa: S608
    "AND owner NOT IN (SELECT DISTINCT owner FROM checkins)"
    for t in OWNER_TABLES
)
# Whether an owner has anything at all: a check-in, a flare-up or a medicine.
HAS_ANY_ROW = (
    "SELECT EXISTS (SELECT 1 FROM checkins WHERE owner = $1) "
    "OR EXISTS (SELECT 1 FROM flare_ups WHERE owner = $1) "
    "OR EXISTS (SELECT 1 FROM medicines WHERE owner = $1)"
)
REVOKE_OWNER = "INSERT OR IGNORE INTO revoked_owners (owner, revoked_at) VALUES (?, ?)"
IS_REVOKED = "SELECT count(*) FROM revoked_owners WHERE owner = ?"
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
# Flare-ups and medicine days are charted too, so their changes count as well.
DATA_VERSION = (
    "SELECT count(*), max(updated_at), sum(hash(" + _FINGERPRINTED + ")), "
    "(SELECT count(*) || '/' || coalesce(max(updated_at)::VARCHAR, '') || '/' "
    "|| coalesce(sum(hash(id, started_at, severity, trigger, medicine_id)), 0) "
    "FROM flare_ups WHERE owner = $1), "
    "(SELECT count(*) || '/' || coalesce(max(updated_at)::VARCHAR, '') || '/' "
    "|| coalesce(sum(hash(day, medicine_id, taken)), 0) "
    "FROM medicine_doses WHERE owner = $1) "
    "FROM checkins WHERE owner = $1"
)
# The weekly tables' part of the fingerprint (migration 007): a weekly save, rename or
# retirement changes it, so a cached PDF (which shows the weekly scores) is made again.
WEEKLY_VERSION = (
    "SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::VARCHAR, '') || '/' || "
    "coalesce(sum(hash(day, item, bothersome, frequency, batch)), 0) FROM weekly_answers "
    "WHERE owner = ?), (SELECT count(*) || '/' || coalesce(sum(hash(activity_id, day, rating, "
    "batch)), 0) FROM activity_ratings WHERE owner = ?), (SELECT count(*) || '/' || "
    "coalesce(sum(hash(activity_id, name, created, retired, batch)), 0) FROM activities "
    "WHERE owner = ?)"
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
_BULK_COLUMNS = "day, " + COLUMNS + ", batch, created_at, updated_at"
_BULK_INSERT = (
    "INSERT INTO checkins (owner, " + _BULK_COLUMNS + ") "  # noqa: S608
    "SELECT ?, " + _BULK_COLUMNS + " FROM incoming WHERE seq >= ? AND seq < ? "
    "ON CONFLICT (owner, day) "
)
BULK_KEEP = _BULK_INSERT + "DO NOTHING"
BULK_REPLACE = (
    _BULK_INSERT + "DO UPDATE SET " + _UPDATES + ", batch = excluded.batch, "
    "updated_at = excluded.updated_at"
)
