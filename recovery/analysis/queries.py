"""The analysis SQL: window means, daily and weekly series, weekly summaries; values are ``?``.

Identifiers cannot be parameters; they come only from the registry, whose names are checked
to be plain identifiers.
"""

from __future__ import annotations

import datetime as dt

from recovery.analysis.rules import MIN_CHECKINS
from recovery.signs import RED_FLAG_COLUMNS, SIGNS

# Identifiers cannot be parameters; they come only from the registry, whose names are
# checked to be plain identifiers. Values are always ? parameters.
NUMERIC_KINDS = ("scale", "count", "minutes", "decimal")
SERIES_COLUMNS: tuple[str, ...] = tuple(
    m.column for s in SIGNS for m in s.measures if m.kind in NUMERIC_KINDS
)
PRIMARY_COLUMNS: tuple[str, ...] = tuple(s.primary.column for s in SIGNS)
PAIN_FREE_SQL = "(pain_episodes = 0 AND leg_pain <= 1)"


def bound(day: dt.date | None, default: dt.date) -> dt.date:
    return default if day is None else day


BOUNDS_SQL = (
    "SELECT count(*), min(day), max(day), min(day) FILTER (WHERE day >= ?) "
    "FROM checkins WHERE owner = ? AND day >= ? AND day <= ?"
)
_WINDOW_AGGREGATES = ", ".join(f"count({c}) AS n_{c}, avg({c}) AS mean_{c}" for c in SERIES_COLUMNS)

# On a file shared by many journals, a day filter next to the owner's lets DuckDB pick a scan
# of every journal's rows for those days; reading the owner's rows first (a materialised
# CTE, through the owner index) keeps each query to one person's rows (bench_clinic_file.py).
OWNER_ROWS = "WITH mine AS MATERIALIZED (SELECT * FROM checkins WHERE owner = ?) "
WINDOWS_SQL = (
    OWNER_ROWS
    + "SELECT CASE WHEN day <= ? THEN 'baseline' ELSE 'recent' END AS period, "
    + _WINDOW_AGGREGATES
    + ", count(*) FILTER (WHERE "
    + PAIN_FREE_SQL
    + ") AS pain_free "
    "FROM mine WHERE (day >= ? AND day <= ?) OR (day >= ? AND day <= ?) "
    "GROUP BY period"
)


def check_columns(columns: tuple[str, ...]) -> None:
    unknown = [c for c in columns if c not in SERIES_COLUMNS]
    if unknown:
        raise ValueError(f"not a numeric measure of the registry: {', '.join(unknown)}")


def daily_sql(columns: tuple[str, ...]) -> str:
    trends = ", ".join(
        f"{c}, CASE WHEN count({c}) OVER w >= {MIN_CHECKINS} THEN avg({c}) OVER w END AS {c}_trend"
        for c in columns
    )
    return (
        OWNER_ROWS + ", span AS (SELECT day, " + ", ".join(columns) + " FROM mine "  # noqa: S608 (registry identifiers; values are ? parameters)
        "WHERE day >= ? AND day <= ?), "
        "rolled AS (SELECT day, " + trends + " FROM span "
        "WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW)) "
        "SELECT * FROM rolled WHERE day >= ? ORDER BY day"
    )


def weekly_sql(columns: tuple[str, ...]) -> str:
    means = ", ".join(f"avg({c}) AS {c}, count({c}) AS {c}_n" for c in columns)
    trends = ", ".join(f"{c}, avg({c}) OVER w AS {c}_trend" for c in columns)
    return (
        OWNER_ROWS  # noqa: S608 (registry identifiers; values are ? parameters)
        + ", weeks AS (SELECT CAST(date_trunc('week', day) AS DATE) AS day, "
        + means
        + " FROM mine WHERE day >= ? AND day <= ? GROUP BY 1) "
        "SELECT day, " + trends + " FROM weeks "
        "WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL 21 DAYS PRECEDING AND CURRENT ROW) "
        "ORDER BY day"
    )


WEEKLY_SUMMARY_SQL = (
    "SELECT CAST(date_trunc('week', day) AS DATE) AS week, count(*) AS days_logged, "  # noqa: S608 (registry identifiers; values are ? parameters)
    "count(*) FILTER (WHERE "
    + PAIN_FREE_SQL
    + ") AS pain_free_days, "
    + ", ".join(f"avg({c}) AS {c}" for c in PRIMARY_COLUMNS)
    + " FROM checkins WHERE owner = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1"
)

# Days with any red flag ticked; an unknown answer (NULL, never asked) is not a red flag.
RECENT_RED_FLAGS_SQL = (
    "SELECT day, " + ", ".join(RED_FLAG_COLUMNS) + " FROM checkins "  # noqa: S608
    "WHERE owner = ? AND day > ? AND day <= ? AND ("
    + " OR ".join(f"coalesce({c}, false)" for c in RED_FLAG_COLUMNS)
    + ") ORDER BY day DESC"
)
