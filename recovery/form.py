"""What the check-in form starts from: the day's own entry, else the last one, else defaults."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from recovery import storage
from recovery.signs import MEASURES_BY_COLUMN, RED_FLAG_COLUMNS

# A new day starts from yesterday's answers so an unchanged day takes seconds, but never
# from yesterday's notes or red flags: those describe one day only.
_NOT_CARRIED_OVER = {"notes", *RED_FLAG_COLUMNS}


@dataclass(frozen=True)
class FormStart:
    """The values the form shows for a day, and where they came from."""

    values: dict[str, object]
    existing: bool
    copied_from: dt.date | None


def defaults() -> dict[str, object]:
    """The registry's default for every field, with red flags unticked."""
    values: dict[str, object] = {m.column: m.default for m in MEASURES_BY_COLUMN.values()}
    values.update({column: False for column in RED_FLAG_COLUMNS})
    return values


def starting_values(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> FormStart:
    """The form's values for ``day``: that day's check-in if it exists, else a fresh start."""
    existing = storage.get_checkin(conn, owner, day)
    values = defaults()
    if existing is not None:
        values.update({k: v for k, v in existing.items() if k in values})
        return FormStart(values, existing=True, copied_from=None)
    latest = storage.latest_checkin(conn, owner)
    if latest is None:
        return FormStart(values, existing=False, copied_from=None)
    for column in values:
        if column in _NOT_CARRIED_OVER:
            continue
        # Values are carried over only when they were recorded; an unrecorded one (an
        # imported day without activity, say) leaves the default.
        if latest[column] is not None:
            values[column] = latest[column]
    return FormStart(values, existing=False, copied_from=latest["day"])
