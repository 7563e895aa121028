"""What helps me: leg pain, flare-ups and sleep on days with and without each factor.

A factor is a function from the owner's days (one row per calendar day, NaN where nothing
was logged) to a per-day series: 1.0 present, 0.0 absent, NaN unknown (left out). The
registry below reads the daily check-in; flare-up triggers and medicines come from
helps_logged, and any other per-day series can join as ``extra_factors``.

Every factor is compared with each outcome on the same day (lag 0) and the next day (lag 1),
only with at least 7 days on each side; Holm's correction runs across every comparison
made, and ``flagged`` means significant at 5 % after it. A link, never proof of a cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from recovery.analysis import helps_stats
from recovery.analysis.helps_factor import LAGS, OUTCOMES, WINDOW_DAYS, Days, Factor
from recovery.analysis.helps_logged import logged_factors
from recovery.signs import MEASURES_BY_COLUMN

__all__ = ["LAGS", "OUTCOMES", "WINDOW_DAYS", "Days", "Factor"]  # re-exported: callers' names

FACTOR_COLUMNS: tuple[str, ...] = ("exercises_done", "activity", "sleep_hours", "walk_minutes")
COLUMNS = OUTCOMES + FACTOR_COLUMNS
assert all(c in MEASURES_BY_COLUMN for c in COLUMNS)  # registry names only (they go into SQL)

DAYS_SQL = (
    "SELECT day, " + ", ".join(COLUMNS) + " FROM checkins "  # noqa: S608 (registry identifiers)
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY day"
)


def _flag(column: str, test: Callable[[pd.Series], pd.Series]) -> Days:
    def days(table: pd.DataFrame) -> pd.Series:
        values = table[column]
        return test(values).astype(float).where(values.notna())

    return days


def _above_median(column: str) -> Days:
    def days(table: pd.DataFrame) -> pd.Series:
        values = pd.to_numeric(table[column], errors="coerce")
        return (values > values.median()).astype(float).where(values.notna())

    return days


FACTORS: tuple[Factor, ...] = (
    Factor(
        "exercises",
        "Exercises done",
        "on days you did your exercises",
        "on days after you did your exercises",
        _flag("exercises_done", lambda v: v.astype(bool)),
        plan_do="do your exercises",
    ),
    Factor(
        "strenuous",
        "A strenuous day",
        "on strenuous days",
        "on days after a strenuous day",
        _flag("activity", lambda v: v == "strenuous"),
    ),
    Factor(
        "rest",
        "A rest day",
        "on rest days",
        "on days after a rest day",
        _flag("activity", lambda v: v == "rest"),
        plan_do="rest more",
    ),
    Factor(
        "more_sleep",
        "More sleep than your median",
        "on days you logged more hours of sleep than your median",
        "on days after more hours of sleep than your median",
        _above_median("sleep_hours"),
    ),
    Factor(
        "more_walking",
        "More walking than your median",
        "on days you walked more than your median",
        "on days after you walked more than your median",
        _above_median("walk_minutes"),
        plan_do="walk more than usual",
    ),
)
FACTORS_BY_KEY = {f.key: f for f in FACTORS}


@dataclass(frozen=True)
class Link:
    """One comparison: an outcome on days with and without a factor, same or next day."""

    factor: str
    factor_label: str
    outcome: str
    lag: int  # 0 the same day, 1 the next day
    days_with: int
    days_without: int
    difference: float | None  # mean with minus mean without; None: not enough days
    low: float | None
    high: float | None
    p_value: float | None
    p_holm: float | None
    flagged: bool  # significant at 5 % after Holm's correction across every comparison
    # The factor compared, for its words (a trigger or medicine is not in the registry).
    source: Factor | None = field(default=None, compare=False, repr=False)


def day_table(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date, days: int = WINDOW_DAYS
) -> pd.DataFrame:
    """The owner's last ``days`` calendar days ending today, one row each (NaN: not logged)."""
    start = today - dt.timedelta(days=days - 1)
    with conn.cursor() as cur:
        frame = cur.execute(DAYS_SQL, [owner, start, today]).df()
    calendar = pd.date_range(start, today, freq="D")
    frame["day"] = pd.to_datetime(frame["day"])
    table = frame.set_index("day").reindex(calendar).astype(object)
    return table.where(table.notna(), np.nan)


def links(
    table: pd.DataFrame,
    factors: Sequence[Factor] = FACTORS,
    outcomes: Sequence[str] = OUTCOMES,
    lags: Sequence[int] = LAGS,
) -> list[Link]:
    """Every factor x outcome x lag comparison on a day table, with Holm across those made."""
    present = {f: f.days(table).to_numpy(dtype=float) for f in factors}
    values = {o: pd.to_numeric(table[o], errors="coerce").to_numpy(dtype=float) for o in outcomes}
    return compare(present, values, lags)


def compare(
    factors: Mapping[Factor, np.ndarray],
    outcomes: Mapping[str, np.ndarray],
    lags: Sequence[int] = LAGS,
) -> list[Link]:
    """The comparisons from per-day arrays in calendar order (1/0 present, NaN unknown)."""
    found = []
    for factor, present in factors.items():
        for outcome, values in outcomes.items():
            for lag in (lag for lag in lags if lag in factor.lags):
                # The factor on day d against the outcome on day d + lag.
                shifted = np.concatenate([np.full(lag, np.nan), present[: len(present) - lag]])
                found.append((factor, outcome, lag, helps_stats.difference(values, shifted)))
    made = [d.p_value for *_, d in found if d.compared]
    adjusted = iter(helps_stats.holm(made))
    result = []
    for factor, outcome, lag, d in found:
        p_holm = next(adjusted) if d.compared else None
        result.append(
            Link(
                factor.key,
                factor.label,
                outcome,
                lag,
                d.days_with,
                d.days_without,
                d.difference,
                d.low,
                d.high,
                d.p_value,
                p_holm,
                p_holm is not None and p_holm < helps_stats.ALPHA,
                factor,
            )
        )
    return result


def what_helps(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    today: dt.date,
    days: int = WINDOW_DAYS,
    extra_factors: Sequence[Factor] = (),
) -> list[Link]:
    """Every comparison over the owner's last ``days`` days: flagged links first, then the rest.

    The owner's flare-up triggers and medicines (helps_logged) join the registry's factors
    and the correction, as do any ``extra_factors``.
    """
    table = day_table(conn, owner, today, days)
    logged = logged_factors(conn, owner, today, days)
    found = links(table, (*FACTORS, *logged, *extra_factors))
    return sorted(found, key=lambda link: not link.flagged)


def factor_by_key(key: str, extra_factors: Sequence[Factor] = ()) -> Factor | None:
    """The registry's (or an extra) factor with this key, or None."""
    return {f.key: f for f in (*FACTORS, *extra_factors)}.get(key)


def factor_of(link: Link) -> Factor:
    """The factor a comparison was made for (its words come from it)."""
    return link.source or FACTORS_BY_KEY[link.factor]


def link_record(link: Link) -> dict[str, object]:
    """One comparison as plain JSON values (the difference and interval null when not made)."""
    interval = None if link.low is None or link.high is None else [link.low, link.high]
    return {
        "factor": link.factor,
        "label": link.factor_label,
        "outcome": link.outcome,
        "lag": link.lag,
        "days_with": link.days_with,
        "days_without": link.days_without,
        "difference": None if link.difference is None else round(link.difference, 3),
        "interval": None if interval is None else [round(v, 3) for v in interval],
        "p_holm": None if link.p_holm is None else round(link.p_holm, 4),
        "flagged": link.flagged,
    }
