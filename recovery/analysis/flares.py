"""Flare-ups and medicines per day, for charts, the check-in and comparisons of factors.

Each function reads one owner's rows between two days (inclusive) in SQL and returns a
small DataFrame, so callers never touch the tables.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from recovery.signs.flares import TRIGGER_CODES
from recovery.storage.cursors import cursor

TRIGGER_DAYS_SQL = (
    "SELECT day, trigger, count(*)::INTEGER AS count FROM flare_ups "
    "WHERE owner = ? AND day >= ? AND day <= ? GROUP BY day, trigger ORDER BY day, trigger"
)
FLARES_BY_DAY_SQL = (
    "SELECT day, count(*)::INTEGER AS flares, max(severity)::INTEGER AS worst FROM flare_ups "
    "WHERE owner = ? AND day >= ? AND day <= ? GROUP BY day ORDER BY day"
)
TRIGGER_COUNTS_SQL = (
    "SELECT trigger, count(*)::INTEGER AS count, round(avg(severity), 1) AS mean_severity "
    "FROM flare_ups WHERE owner = ? AND day >= ? AND day <= ? GROUP BY trigger"
)
# A medicine was taken on a day when the daily row ticked it, or a flare-up that day (by
# when it was taken, else the flare-up's day) says it was; the daily row's "no" is kept as
# not taken unless a flare-up says otherwise.
MEDICINE_DAYS_SQL = (
    "WITH flare_taken AS ("
    "  SELECT coalesce(medicine_at::DATE, day) AS day, medicine_id FROM flare_ups "
    "  WHERE owner = $1 AND medicine_id IS NOT NULL), "
    "answers AS ("
    "  SELECT day, medicine_id, taken FROM medicine_doses WHERE owner = $1 "
    "  UNION ALL SELECT day, medicine_id, true FROM flare_taken) "
    "SELECT a.day, m.name AS medicine, a.medicine_id, bool_or(a.taken) AS taken "
    "FROM answers a JOIN medicines m ON m.owner = $1 AND m.id = a.medicine_id "
    "WHERE a.day >= $2 AND a.day <= $3 "
    "GROUP BY a.day, m.name, a.medicine_id ORDER BY a.day, m.name"
)


def _read(conn: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    with cursor(conn) as cur:
        frame = cur.execute(sql, params).df()
    if "day" in frame:
        frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


def flare_trigger_days(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Per day and trigger, how many flare-ups with that trigger were logged: [day, trigger,
    count]. Only days and triggers with at least one flare-up appear (a missing pair is 0
    only on days the person was logging)."""
    return _read(conn, TRIGGER_DAYS_SQL, [owner, start, end])


def flares_by_day(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Per day with a logged flare-up: how many, and the worst severity: [day, flares, worst]."""
    return _read(conn, FLARES_BY_DAY_SQL, [owner, start, end])


def trigger_counts(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Every trigger in the registry's order with its count of flare-ups and mean severity."""
    found = _read(conn, TRIGGER_COUNTS_SQL, [owner, start, end]).set_index("trigger")
    frame = pd.DataFrame({"trigger": list(TRIGGER_CODES)})
    frame["count"] = [int(found["count"].get(t, 0)) for t in TRIGGER_CODES]
    frame["mean_severity"] = [found["mean_severity"].get(t) for t in TRIGGER_CODES]
    return frame


def medicine_days(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> pd.DataFrame:
    """Per day and medicine: [day, medicine, medicine_id, taken]. A row exists when the
    daily row was answered for that medicine (taken True or False) or a flare-up says it
    was taken (True); days with no row are unknown, not "not taken"."""
    return _read(conn, MEDICINE_DAYS_SQL, [owner, start, end])
