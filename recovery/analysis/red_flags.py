"""Red flags reported lately: they stay at the top of every page until a week has passed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from recovery.analysis.queries import RECENT_RED_FLAGS_SQL
from recovery.signs import RED_FLAGS, RedFlag

# A red flag reported within this many days (today included) opens Progress, the Recovery
# guide and the kiosk with the urgent-care message: long enough that a person who logged it
# and did not act sees it again on their next visits, short enough not to stand for a
# symptom that has long been seen to.
RECENT_RED_FLAG_DAYS = 7


@dataclass(frozen=True)
class ReportedFlags:
    """The red flags ticked on one day."""

    day: dt.date
    flags: tuple[RedFlag, ...]


def recent_red_flags(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date
) -> list[ReportedFlags]:
    """The days in the last RECENT_RED_FLAG_DAYS (up to ``today``) with a red flag, newest first."""
    since = today - dt.timedelta(days=RECENT_RED_FLAG_DAYS)
    with conn.cursor() as cur:
        rows = cur.execute(RECENT_RED_FLAGS_SQL, [owner, since, today]).fetchall()
    return [
        ReportedFlags(
            day=row[0], flags=tuple(f for f, on in zip(RED_FLAGS, row[1:], strict=True) if on)
        )
        for row in rows
    ]
