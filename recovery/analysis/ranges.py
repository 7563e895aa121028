"""The period a chart shows: the choices offered and the days each one covers."""

from __future__ import annotations

import datetime as dt

RANGES: dict[str, tuple[str, int | None]] = {
    "4w": ("Last 4 weeks", 28),
    "3m": ("Last 3 months", 91),
    "all": ("Everything", None),
}


def range_bounds(choice: str, first_day: dt.date, last_day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day the charts show for a range choice, ending at the last check-in.

    A fixed range keeps its full length even before the journal began, so "last 4 weeks"
    always means 4 weeks of axis.
    """
    _, days = RANGES[choice]
    if days is None:
        return first_day, last_day
    return last_day - dt.timedelta(days=days - 1), last_day


def default_range(first_day: dt.date, last_day: dt.date) -> str:
    """Everything while the journal is under about 3 months long, then the last 3 months."""
    return "all" if (last_day - first_day).days < 91 else "3m"
