"""A planned 4-week on/off test of one factor, kept in the owner's settings.

The weeks run on, off, off, on: a recovery improving steadily over the four weeks then
favours neither side (a plain on, off, on, off order would give the later, better weeks to
"off"). When the 4 weeks are over, the result compares the days of the on-weeks with those
of the off-weeks exactly as the day-by-day comparison does (helps_stats), by the plan, not
by what was logged: a planned week is what the test is about.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from recovery.analysis import helps
from recovery.storage import preferences

SETTING = "helps_plan"
WEEKS = (True, False, False, True)  # on, off, off, on
PLAN_DAYS = 7 * len(WEEKS)
# A plan may start this week or within the next four.
EARLIEST_START_DAYS = 6
LATEST_START_DAYS = 28


class PlanRefused(ValueError):
    """A plan that cannot be kept, with the reason in plain words."""


@dataclass(frozen=True)
class Plan:
    """Which factor is tested and the first day of the four weeks."""

    factor: str
    start: dt.date

    @property
    def end(self) -> dt.date:
        """The last day of the four weeks."""
        return self.start + dt.timedelta(days=PLAN_DAYS - 1)

    def week(self, day: dt.date) -> int | None:
        """Which week (0-3) a day falls in, or None outside the plan."""
        offset = (day - self.start).days
        return offset // 7 if 0 <= offset < PLAN_DAYS else None

    def is_on(self, day: dt.date) -> bool | None:
        """True in an on-week, False in an off-week, None outside the plan."""
        week = self.week(day)
        return None if week is None else WEEKS[week]

    def is_over(self, today: dt.date) -> bool:
        """True once the last planned day has passed."""
        return today > self.end


def load_plan(conn: duckdb.DuckDBPyConnection, owner: str) -> Plan | None:
    """The owner's plan, or None when none is kept (or it cannot be read)."""
    raw = preferences.get_setting(conn, owner, SETTING)
    try:
        data = json.loads(raw) if raw else None
        if not data or data.get("factor") not in helps.FACTORS_BY_KEY:
            return None
        return Plan(data["factor"], dt.date.fromisoformat(data["start"]))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def save_plan(
    conn: duckdb.DuckDBPyConnection, owner: str, factor: str, start: dt.date, today: dt.date
) -> Plan:
    """Keep a new plan, replacing any earlier one; PlanRefused (nothing kept) when it can't be."""
    chosen = helps.FACTORS_BY_KEY.get(factor)
    if chosen is None or chosen.plan_do is None:
        raise PlanRefused("That factor cannot be planned week by week; choose another one.")
    if not today - dt.timedelta(days=EARLIEST_START_DAYS) <= start:
        raise PlanRefused("A plan cannot start more than 6 days ago; choose a later start.")
    if start > today + dt.timedelta(days=LATEST_START_DAYS):
        raise PlanRefused("A plan must start within the next 4 weeks; choose an earlier start.")
    plan = Plan(factor, start)
    value = json.dumps({"factor": factor, "start": start.isoformat()})
    preferences.set_setting(conn, owner, SETTING, value)
    return plan


def cancel_plan(conn: duckdb.DuckDBPyConnection, owner: str) -> None:
    """Forget the owner's plan (an empty value reads as no plan)."""
    preferences.set_setting(conn, owner, SETTING, "")


def schedule(plan: Plan) -> list[tuple[dt.date, bool]]:
    """Each week's first day and whether it is an on-week."""
    return [(plan.start + dt.timedelta(days=7 * i), on) for i, on in enumerate(WEEKS)]


def plan_result(
    conn: duckdb.DuckDBPyConnection, owner: str, plan: Plan, today: dt.date
) -> list[helps.Link] | None:
    """On-weeks against off-weeks for each outcome (same day); None until the plan is over."""
    if not plan.is_over(today):
        return None
    days = (today - plan.start).days + 1
    table = helps.day_table(conn, owner, today, days)
    planned = np.array(
        [
            np.nan if plan.is_on(d.date()) is None else float(plan.is_on(d.date()))
            for d in table.index
        ]
    )
    factor = helps.FACTORS_BY_KEY[plan.factor]
    values = {
        o: pd.to_numeric(table[o], errors="coerce").to_numpy(dtype=float) for o in helps.OUTCOMES
    }
    return helps.compare({factor: planned}, values, lags=(0,))
