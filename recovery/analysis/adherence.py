"""Keeping it up: on how many days a week the person did their exercise routine.

Counted from the check-in's "exercises done" answer, per calendar week (Monday to Sunday),
in DuckDB over the owner's rows. Days not logged are unknown, not counted as days off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from recovery.text.numbers import plural

DEFAULT_AIM = 5
# An aim is a number of exercise days in a week; the page's box and the stored value keep to it.
MIN_AIM, MAX_AIM = 1, 7
RECENT_WEEKS = 4
# The chart shows about half a year: enough for a whole recovery, few enough bars to read.
CHART_WEEKS = 26

WEEKLY_SQL = (
    "SELECT CAST(date_trunc('week', day) AS DATE) AS week_start, "
    # A day whose exercise answer was not recorded (NULL) is unknown, not a day off.
    "count(exercises_done) AS days_logged, "
    "count(*) FILTER (WHERE exercises_done) AS exercise_days "
    "FROM checkins WHERE owner = ? AND day >= ? AND day <= ? "
    "GROUP BY week_start ORDER BY week_start"
)
RECENT_SQL = (
    "SELECT count(*) AS checkins, count(exercises_done) AS days_logged, "
    "count(*) FILTER (WHERE exercises_done) AS exercise_days "
    "FROM checkins WHERE owner = ? AND day BETWEEN ? AND ?"
)


@dataclass(frozen=True)
class ExerciseRecord:
    """Exercise days per week, and how the recent weeks compare with the aim."""

    aim: int
    end: dt.date
    weeks: pd.DataFrame  # week_start, days_logged, exercise_days, complete, met_aim
    recent_days_logged: int  # days with an exercise answer
    recent_exercise_days: int
    recent_checkins: int = 0  # check-ins at all, answered or not

    @property
    def recent_complete_weeks(self) -> pd.DataFrame:
        """The last few weeks that are over (the current week is still in progress)."""
        done = self.weeks[self.weeks["complete"]]
        return done.tail(RECENT_WEEKS)

    @property
    def sentences(self) -> list[str]:
        """The record in plain words."""
        if self.weeks.empty:
            return [
                (
                    "No check-ins yet. Each check-in asks whether you did your exercises "
                    "that day; the weeks will appear here."
                )
            ]
        days = RECENT_WEEKS * 7
        if self.recent_checkins == 0:
            said = [f"No check-ins in the last {RECENT_WEEKS} weeks."]
        elif self.recent_days_logged == 0:
            # Check-ins without the exercise answer (an import, say): unknown, not days off.
            said = [
                f"Exercises were not recorded on any of your "
                f"{plural(self.recent_checkins, 'check-in')} in the last {RECENT_WEEKS} weeks: "
                'answer "Did you do your exercises?" under Activity, exercises and notes.'
            ]
        else:
            said = [
                (
                    f"In the last {RECENT_WEEKS} weeks you did your exercises on "
                    f"{self.recent_exercise_days or 'none'} of the "
                    f"{plural(self.recent_days_logged, 'day')} with an answer"
                )
            ]
            if self.recent_days_logged < days:
                # Days without an answer are unknown, so no weekly rate is extrapolated.
                said[0] += f"; the other {plural(days - self.recent_days_logged, 'day')} have none."
            elif self.recent_exercise_days:
                per_week = self.recent_exercise_days / RECENT_WEEKS
                said[0] += f": about {per_week:.1f} days a week."
            else:
                said[0] += "."
        # Only weeks with an exercise answer can reach or miss the aim.
        complete = self.recent_complete_weeks
        complete = complete[complete["days_logged"] > 0]
        if not complete.empty:
            met = int(complete["met_aim"].sum())
            if len(complete) == 1:
                verb = "reached" if met else "did not reach"
                said.append(f"Your last full week {verb} your aim of {plural(self.aim, 'day')}.")
            else:
                share = {0: "None", len(complete): "All"}.get(met, str(met))
                said.append(
                    f"{share} of the last {len(complete)} full weeks reached your "
                    f"aim of {plural(self.aim, 'day')}."
                )
        return said


def exercise_record(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    aim: int = DEFAULT_AIM,
    today: dt.date | None = None,
) -> ExerciseRecord:
    """Exercise days per calendar week (the last 26) up to today, the last 4 summed up."""
    if not MIN_AIM <= aim <= MAX_AIM:
        raise ValueError(f"the weekly aim is a number of days from {MIN_AIM} to {MAX_AIM}")
    end = today or dt.date.today()
    recent_start = end - dt.timedelta(days=RECENT_WEEKS * 7 - 1)
    with conn.cursor() as cur:
        # Whole calendar weeks only: start on the Monday CHART_WEEKS - 1 weeks back.
        first_monday = end - dt.timedelta(days=end.weekday() + 7 * (CHART_WEEKS - 1))
        weeks = cur.execute(WEEKLY_SQL, [owner, first_monday, end]).df()
        checkins, logged, exercised = cur.execute(RECENT_SQL, [owner, recent_start, end]).fetchone()
    weeks["week_start"] = pd.to_datetime(weeks["week_start"]).dt.date
    weeks["complete"] = [start + dt.timedelta(days=6) <= end for start in weeks["week_start"]]
    weeks["met_aim"] = weeks["exercise_days"] >= aim
    return ExerciseRecord(
        aim=aim,
        end=end,
        weeks=weeks,
        recent_days_logged=int(logged),
        recent_exercise_days=int(exercised),
        recent_checkins=int(checkins),
    )
