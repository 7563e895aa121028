"""What the charts draw: each sign's daily points or weekly means, with a rolling trend."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from recovery.analysis.queries import (
    PRIMARY_COLUMNS,
    WEEKLY_SUMMARY_SQL,
    bound,
    check_columns,
    daily_sql,
    weekly_sql,
)
from recovery.analysis.rules import WINDOW_DAYS
from recovery.signs import SIGNS

Granularity = Literal["day", "week"]

# A chart of more days than this shows weekly means instead of daily points.
MAX_DAILY_POINTS = 400


def granularity_for(start: dt.date, end: dt.date) -> Granularity:
    """Daily points for up to MAX_DAILY_POINTS days, weekly means beyond."""
    return "day" if (end - start).days + 1 <= MAX_DAILY_POINTS else "week"


def daily_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    columns: tuple[str, ...] = PRIMARY_COLUMNS,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """One row per logged day: each column's value and its 7-day rolling mean (``_trend``).

    The rolling mean covers the 7 calendar days ending that day, so gaps shrink it instead
    of stretching it; it is empty until those days hold 3 check-ins.
    """
    check_columns(columns)
    low, high = bound(start, dt.date.min), bound(end, dt.date.max)
    # The first days drawn need the 6 days before them for their rolling means.
    lookback = low if start is None else low - dt.timedelta(days=WINDOW_DAYS - 1)
    with conn.cursor() as cur:
        frame = cur.execute(daily_sql(columns), [owner, lookback, high, low]).df()
    return _dates(frame)


def weekly_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    columns: tuple[str, ...] = PRIMARY_COLUMNS,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """One row per week (from Monday): each column's mean and a 4-week rolling mean."""
    check_columns(columns)
    low, high = bound(start, dt.date.min), bound(end, dt.date.max)
    with conn.cursor() as cur:
        frame = cur.execute(weekly_sql(columns), [owner, low, high]).df()
    return _dates(frame)


def weekly_summary(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """Per week (from Monday): days logged, pain-free days and each sign's mean."""
    low, high = bound(start, dt.date.min), bound(end, dt.date.max)
    with conn.cursor() as cur:
        frame = cur.execute(WEEKLY_SUMMARY_SQL, [owner, low, high]).df()
    if not frame.empty:
        frame["week"] = pd.to_datetime(frame["week"]).dt.date
    return frame


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    if not frame.empty:
        frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


@dataclass(frozen=True)
class SignSeries:
    """What one sign's chart draws: points (``value``) and the rolling mean (``trend``)."""

    key: str
    frame: pd.DataFrame  # columns: day, value, trend
    granularity: Granularity


def sign_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date,
    end: dt.date,
) -> dict[str, SignSeries]:
    """Each sign's primary measure between two days, ready to chart, from one query."""
    granularity = granularity_for(start, end)
    fetch = daily_series if granularity == "day" else weekly_series
    frame = fetch(conn, owner, PRIMARY_COLUMNS, start, end)
    series = {}
    for the_sign in SIGNS:
        column = the_sign.primary.column
        part = pd.DataFrame(
            {
                "day": frame["day"] if not frame.empty else pd.Series(dtype="object"),
                "value": frame[column] if not frame.empty else pd.Series(dtype="float"),
                "trend": frame[f"{column}_trend"] if not frame.empty else pd.Series(dtype="float"),
            }
        )
        part = part[part["value"].notna()].reset_index(drop=True)
        series[the_sign.key] = SignSeries(the_sign.key, part, granularity)
    return series
