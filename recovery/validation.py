"""Checking a check-in before it is written: ranges, types, dates, in plain words."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass

from recovery.signs import CHECKIN_COLUMNS, MEASURES_BY_COLUMN, RED_FLAG_COLUMNS, Measure


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value: where, what was given, and what is expected."""

    column: str
    value: object
    message: str


class ValidationError(ValueError):
    """A check-in (or a row of a file) that cannot be saved; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def _is_number(value: object) -> bool:
    # bool is a subclass of int in Python, but "True" is not a pain score.
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def check_value(measure: Measure, value: object) -> tuple[object, str | None]:
    """Return the value in its stored form and None, or the value and a plain error."""
    name = measure.column
    if value is None:
        if measure.required:
            return None, f"{name} is missing: it must be {measure.describe_range()}"
        return None, None

    def expected() -> str:
        # Built only for a bad value: an import checks hundreds of thousands of good ones.
        return f"{name} must be {measure.describe_range()}; got {_shown(value)}"

    if measure.kind == "yesno":
        if isinstance(value, bool) or type(value).__name__ == "bool_":
            return bool(value), None
        return value, expected()
    if measure.kind == "choice":
        return (value, None) if value in measure.choices else (value, expected())
    if measure.kind == "text":
        if not isinstance(value, str):
            return value, expected()
        text = value.strip()
        if measure.max_length is not None and len(text) > measure.max_length:
            return value, (
                f"{name} is {len(text):,} characters long; the limit is {measure.max_length:,}"
            )
        return (text or None), None
    if not _is_number(value) or math.isnan(float(value)) or math.isinf(float(value)):
        return value, expected()
    number = float(value)
    if measure.is_whole_number and not number.is_integer():
        return value, expected()
    if measure.minimum is not None and number < measure.minimum:
        return value, expected()
    if measure.maximum is not None and number > measure.maximum:
        return value, expected()
    return (int(number) if measure.is_whole_number else number), None


def check_day(day: object, today: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """Return the check-in date, or a plain error when it is not a past or present day."""
    today = today or dt.date.today()
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        return None, f"date must be a calendar date; got {_shown(day)}"
    if day > today:
        return None, f"date {day.isoformat()} is in the future; check-ins are for today or earlier"
    return day, None


def validate_checkin(
    day: object, values: Mapping[str, object], today: dt.date | None = None
) -> tuple[dt.date, dict[str, object]]:
    """Return the date and a complete, normalised set of values, or raise ValidationError.

    Missing optional values become None, and so does a missing red flag: a question nobody
    was asked is unknown, never "no". A day with a red flag ticked may leave every other
    question unanswered, so the urgent answer is never held back by the rest of the form.
    """
    problems: list[Problem] = []
    checked_day, error = check_day(day, today)
    if error:
        problems.append(Problem("date", day, error))
    unknown = sorted(set(values) - set(CHECKIN_COLUMNS))
    for column in unknown:
        problems.append(Problem(column, values[column], f"{column} is not a check-in field"))
    clean: dict[str, object] = {}
    flagged = any(values.get(column) is True for column in RED_FLAG_COLUMNS)
    for column, measure in MEASURES_BY_COLUMN.items():
        if flagged and values.get(column) is None:
            clean[column] = None  # unanswered beside a red flag: saved as not answered
            continue
        stored, error = check_value(measure, values.get(column))
        if error:
            problems.append(Problem(column, values.get(column), error))
        clean[column] = stored
    for column in RED_FLAG_COLUMNS:
        flag = values.get(column)
        if flag is None:
            clean[column] = None
            continue
        if not (isinstance(flag, bool) or type(flag).__name__ == "bool_"):
            problems.append(Problem(column, flag, f"{column} must be yes or no; got {flag!r}"))
            continue
        clean[column] = bool(flag)
    if problems:
        raise ValidationError(problems)
    assert checked_day is not None
    return checked_day, clean
