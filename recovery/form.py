"""What the check-in form starts from: the day's own entry, else the last one, else nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from recovery import storage
from recovery.signs import (
    MEASURES_BY_COLUMN,
    RED_FLAG_COLUMNS,
    SIGNS,
    Measure,
)
from recovery.storage import EXAMPLE_BATCH

# A new day starts from yesterday's answers so an unchanged day takes seconds, but never
# from yesterday's notes or red flags: those describe one day only.
_NOT_CARRIED_OVER = {"notes", *RED_FLAG_COLUMNS}

# The daily count that flare-ups logged as they happen start from.
FLARE_COUNT = "pain_episodes"

# The seven questions asked first, one per sign.
PRIMARY: tuple[Measure, ...] = tuple(sign.primary for sign in SIGNS)
# Every measure the journal must hold a value for: nothing is invented for any of them.
REQUIRED: tuple[Measure, ...] = tuple(m for m in MEASURES_BY_COLUMN.values() if m.required)


@dataclass(frozen=True)
class FormStart:
    """The values the form shows for a day, and where they came from."""

    values: dict[str, object]
    existing: bool
    copied_from: dt.date | None
    flares_logged: int = 0  # flare-ups logged that day; the count starts from them


def defaults() -> dict[str, object]:
    """A complete set of plausible values (tests and benchmarks); the form never starts here."""
    values: dict[str, object] = {m.column: m.default for m in MEASURES_BY_COLUMN.values()}
    values.update({column: False for column in RED_FLAG_COLUMNS})
    return values


def blank() -> dict[str, object]:
    """Every field unanswered, with red flags unticked: a first check-in starts here."""
    values: dict[str, object] = dict.fromkeys(MEASURES_BY_COLUMN)
    values.update(dict.fromkeys(RED_FLAG_COLUMNS, False))
    return values


def unanswered(values: dict[str, object]) -> list[Measure]:
    """The questions that still need an answer, in the order the form asks them."""
    in_form_order = [*PRIMARY, *(m for m in REQUIRED if m not in PRIMARY)]
    return [m for m in in_form_order if values.get(m.column) is None]


def red_flag_ticked(values: dict[str, object]) -> bool:
    """True when any red flag is ticked: the day is saved even with questions unanswered."""
    return any(values.get(column) is True for column in RED_FLAG_COLUMNS)


def starting_values(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> FormStart:
    """The form's values for ``day``: its own check-in, else the last one before it, else blank.

    Rows of the example recovery are not the person's answers: they are never shown as
    "already checked in" nor copied into a new day.
    """
    values = blank()
    existing = storage.get_checkin(conn, owner, day, skip_batch=EXAMPLE_BATCH)
    if existing is not None:
        values.update({k: v for k, v in existing.items() if k in values})
        return FormStart(values, existing=True, copied_from=None)
    # A day not answered yet counts its flare-ups from the ones logged as they happened.
    logged = storage.count_on_day(conn, owner, day)
    latest = storage.latest_checkin(conn, owner, before=day, skip_batch=EXAMPLE_BATCH)
    if latest is None:
        if logged:
            values[FLARE_COUNT] = logged
        return FormStart(values, existing=False, copied_from=None, flares_logged=logged)
    for column in values:
        if column in _NOT_CARRIED_OVER:
            continue
        # Values are carried over only when they were recorded; an unrecorded one (an
        # imported day without activity, say) stays unanswered.
        if latest[column] is not None:
            values[column] = latest[column]
    if logged:
        values[FLARE_COUNT] = logged
    return FormStart(values, existing=False, copied_from=latest["day"], flares_logged=logged)


def same_as_last(last: dict[str, object], on_form: dict[str, object]) -> dict[str, object]:
    """The values of a day saved as "the same as last time", with this day's notes and flags.

    Notes and red flags describe one day: they are never carried over, and what the form
    holds for them now is never dropped.
    """
    values = dict(last)
    for column in _NOT_CARRIED_OVER:
        on_form_value = on_form.get(column)
        values[column] = (
            bool(on_form_value) if column in RED_FLAG_COLUMNS else on_form_value or None
        )
    return values
