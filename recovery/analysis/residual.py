"""Residual symptoms: are tingling and leg pain worse on the day after a strenuous day?

In the last stage of recovery, symptoms often flare a little after a long or demanding day.
This compares, over the recent weeks, the days that followed a day logged as "strenuous"
with the other days, in DuckDB over the owner's rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from recovery.signs import Measure, sign
from recovery.text.numbers import plural

RECENT_DAYS = 28
MIN_DAYS = 3  # per group: fewer than 3 days is an anecdote, not a pattern
# Below half a point the two groups are described as "about the same".
NOTABLE_DIFFERENCE = 0.5
STRENUOUS = "strenuous"
AFTER = "After a strenuous day"
OTHER = "Other days"

MEASURES: tuple[Measure, ...] = (sign("numbness").primary, sign("pain").primary)
_MEANS = ", ".join(f"avg({m.column}) AS {m.column}" for m in MEASURES)
_VALUES = ", ".join(m.column for m in MEASURES)

# Each day is paired with the day before it; only days whose previous calendar day was also
# logged count, since an unlogged day's activity is unknown. The rows start one day before
# the window so that its first day can still see the day before it.
COMPARE_SQL = (
    "WITH days AS ("  # noqa: S608 (registry identifiers; values are ? parameters)
    "  SELECT day, activity, " + _VALUES + ","
    "    lag(day) OVER (ORDER BY day) AS previous_day,"
    "    lag(activity) OVER (ORDER BY day) AS previous_activity"
    "  FROM checkins WHERE owner = ? AND day >= ? AND day <= ?"
    ") "
    "SELECT previous_activity = ? AS after_strenuous, count(*) AS days, " + _MEANS + " "
    "FROM days "
    # An unrecorded activity (NULL) is unknown: that pair is left out, not counted as rest.
    "WHERE day >= ? AND date_diff('day', previous_day, day) = 1 "
    "AND previous_activity IS NOT NULL "
    "GROUP BY after_strenuous"
)
# What the window holds at all: check-ins, and those with the activity answered.
RECORDED_SQL = (
    "SELECT count(*), count(activity) FROM checkins WHERE owner = ? AND day >= ? AND day <= ?"
)


@dataclass(frozen=True)
class Gap:
    """One measure's mean after strenuous days and on other days."""

    measure: Measure
    after_mean: float | None
    other_mean: float | None

    @property
    def difference(self) -> float | None:
        """After minus other, in points (positive means worse after strenuous days)."""
        if self.after_mean is None or self.other_mean is None:
            return None
        return self.after_mean - self.other_mean

    def sentence(self) -> str:
        """The difference in plain words."""
        label = self.measure.label
        if self.difference is None:
            return f"{label}: not enough days to compare."
        size = abs(self.difference)
        if size < NOTABLE_DIFFERENCE:
            return (
                f"{label} is about the same on the day after strenuous activity as on other days."
            )
        direction = "higher" if self.difference > 0 else "lower"
        points = "point" if round(size, 1) == 1 else "points"
        return (
            f"{label} is on average {size:.1f} {points} {direction} on the day after "
            "strenuous activity than on other days."
        )


@dataclass(frozen=True)
class ResidualPattern:
    """The comparison over the recent weeks, or why there is not enough data for one."""

    start: dt.date
    end: dt.date
    days_after_strenuous: int
    other_days: int
    gaps: tuple[Gap, ...]
    checkins: int = 0  # check-ins in the window
    activity_days: int = 0  # those with the activity answered

    @property
    def enough_data(self) -> bool:
        """True when both groups have at least MIN_DAYS days."""
        return self.days_after_strenuous >= MIN_DAYS and self.other_days >= MIN_DAYS

    @property
    def sentences(self) -> list[str]:
        """What the comparison shows, or what is missing, in plain words."""
        weeks = f"the last {RECENT_DAYS // 7} weeks"
        if self.enough_data:
            counts = (
                f"Based on {plural(self.days_after_strenuous, 'day')} after a strenuous day and "
                f"{plural(self.other_days, 'day')} after other days, in {weeks}."
            )
            return [gap.sentence() for gap in self.gaps] + [counts]
        if self.checkins == 0:
            return [f"No check-ins in {weeks}."]
        if self.activity_days == 0:
            return [
                (
                    f"Activity was not recorded on any of your "
                    f"{plural(self.checkins, 'check-in')} in {weeks}, so the days after a "
                    'strenuous one cannot be found: choose "strenuous" or another level '
                    "under Activity today in the check-in."
                )
            ]
        if self.other_days + self.days_after_strenuous < MIN_DAYS:
            return [
                (
                    f"Not enough check-ins on consecutive days in {weeks} to look for a "
                    "pattern yet. Log a few days in a row, including the day after a "
                    "strenuous one."
                )
            ]
        followed = (
            f"None of the days in {weeks} followed a strenuous day"
            if self.days_after_strenuous == 0
            else f"Only {plural(self.days_after_strenuous, 'day')} in {weeks} followed a "
            "strenuous day"
        )
        return [
            (
                f"{followed}; at least {MIN_DAYS} are needed before the app compares. On a "
                "strenuous day (heavy lifting, a long day on your feet, sport or a long "
                'drive), choose "strenuous" under Activity today in the check-in.'
            )
        ]

    def frame(self) -> pd.DataFrame:
        """One row per measure and group (measure, group, mean, days), for the chart."""
        rows = []
        for gap in self.gaps:
            rows.append(
                {
                    "measure": gap.measure.label,
                    "group": AFTER,
                    "mean": gap.after_mean,
                    "days": self.days_after_strenuous,
                }
            )
            rows.append(
                {
                    "measure": gap.measure.label,
                    "group": OTHER,
                    "mean": gap.other_mean,
                    "days": self.other_days,
                }
            )
        return pd.DataFrame(rows, columns=["measure", "group", "mean", "days"])


def residual_pattern(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date | None = None
) -> ResidualPattern:
    """Compare tingling and leg pain after strenuous days with other days, last 4 weeks."""
    end = today or dt.date.today()
    start = end - dt.timedelta(days=RECENT_DAYS - 1)
    with conn.cursor() as cur:
        rows = cur.execute(
            COMPARE_SQL, [owner, start - dt.timedelta(days=1), end, STRENUOUS, start]
        ).fetchall()
        checkins, activity_days = cur.execute(RECORDED_SQL, [owner, start, end]).fetchone()
    groups = {bool(row[0]): row for row in rows}
    after, other = groups.get(True), groups.get(False)

    def mean(row: tuple | None, index: int) -> float | None:
        return None if row is None or row[2 + index] is None else float(row[2 + index])

    gaps = tuple(Gap(m, mean(after, i), mean(other, i)) for i, m in enumerate(MEASURES))
    return ResidualPattern(
        start=start,
        end=end,
        days_after_strenuous=int(after[1]) if after else 0,
        other_days=int(other[1]) if other else 0,
        gaps=gaps,
        checkins=int(checkins),
        activity_days=int(activity_days),
    )
