"""What helps me, from what is logged beside the check-in: flare-up triggers and medicines.

Each trigger logged on at least MIN_DAYS days becomes a factor compared with the next day
only: on the same day a flare-up trigger is part of the flare-up count itself, so a
same-day "link" would be true by construction. Each medicine with a daily answer becomes a
factor for both days; a day without an answer about it is unknown, never "not taken".
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from recovery.analysis import flares
from recovery.analysis.helps_factor import OUTCOMES, WINDOW_DAYS, Days, Factor
from recovery.analysis.helps_stats import MIN_DAYS
from recovery.signs.flares import TRIGGER_CODES, TRIGGER_LABELS

_SPECIAL_PHRASES = {
    "after_sleep": "a flare-up after sleep",
    "other": "a flare-up with another trigger",
    "unknown": "a flare-up with no known trigger",
}


def _trigger_phrase(code: str) -> str:
    return _SPECIAL_PHRASES.get(code, f"a flare-up set off by {TRIGGER_LABELS[code].lower()}")


def _on_logged_days(flare_days: set[dt.date]) -> Days:
    """1 on days with such a flare-up, 0 on other days with a check-in, unknown otherwise."""

    def days(table: pd.DataFrame) -> pd.Series:
        present = pd.Series([d.date() in flare_days for d in table.index], index=table.index)
        logged = table[list(OUTCOMES)].notna().any(axis=1)
        return present.astype(float).where(present | logged)

    return days


def logged_factors(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date, days: int = WINDOW_DAYS
) -> tuple[Factor, ...]:
    """The owner's flare-up triggers and medicines as factors over the last ``days`` days."""
    start = today - dt.timedelta(days=days - 1)
    found: list[Factor] = []
    triggers = flares.flare_trigger_days(conn, owner, start, today)
    for code in TRIGGER_CODES:
        flare_days = set(triggers.loc[triggers["trigger"] == code, "day"])
        if len(flare_days) < MIN_DAYS:
            continue
        phrase = _trigger_phrase(code)
        found.append(
            Factor(
                f"trigger_{code}",
                phrase[0].upper() + phrase[1:],
                f"on days with {phrase}",
                f"on days after {phrase}",
                _on_logged_days(flare_days),
                lags=(1,),
            )
        )
    taken = flares.medicine_days(conn, owner, start, today)
    for (number, name), rows in taken.groupby(["medicine_id", "medicine"], sort=True):
        series = pd.Series(rows["taken"].to_numpy(), index=pd.to_datetime(rows["day"]))
        found.append(
            Factor.from_series(
                f"medicine_{number}",
                f"Took {name}",
                f"on days you took {name}",
                f"on days after you took {name}",
                series,
            )
        )
    return tuple(found)
