"""Dates as people type them, read without guessing.

ISO (2026-03-31) and dotted (31.3.2026) dates say which part is the day. A slashed date
(31/03/2026 or 03/31/2026) does only when one part is above 12; the order of the others
comes from the person's choice, or, left on automatic, from the file's other rows. A file
whose slashed dates never say is refused with its rows named: 03/04/2026 is 3 April in
London and 4 March in New York.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from recovery.transfer.limits import FIRST_YEAR

AUTO = "auto"
DAY_FIRST = "DD/MM/YYYY"
MONTH_FIRST = "MM/DD/YYYY"
DATE_ORDERS: tuple[str, ...] = (AUTO, DAY_FIRST, MONTH_FIRST)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
HOW_TO_WRITE = "YYYY-MM-DD, DD/MM/YYYY or D.M.YYYY (for example 2026-03-31 or 31/03/2026)"


@dataclass(frozen=True)
class Slashed:
    """A slashed date whose order is not settled yet: its two leading parts and the year."""

    first: int
    second: int
    year: int

    @property
    def says_day_first(self) -> bool:
        """True when only day-first makes sense (31/03/2026)."""
        return self.first > 12 and self.second <= 12

    @property
    def says_month_first(self) -> bool:
        """True when only month-first makes sense (03/31/2026)."""
        return self.second > 12 and self.first <= 12


def _make(year: int, month: int, day: int, raw: str) -> tuple[dt.date | None, str | None]:
    try:
        made = dt.date(year, month, day)
    except ValueError:
        return None, f"date {raw} is not a real calendar day"
    if made.year < FIRST_YEAR:
        return None, f"date {raw} is before {FIRST_YEAR}; check the year"
    return made, None


def read_date(raw: object, order: str) -> tuple[dt.date | Slashed | None, str | None]:
    """A date cell as a date, a Slashed date waiting for the file's order, or an error."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "date is missing: every row needs its day"
    if not isinstance(raw, str):
        return None, f"date must be written as {HOW_TO_WRITE}; got {raw!r}"
    text = raw.strip()
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        return _make(year, month, day, text)
    if match := _DOTTED.match(text):
        day, month, year = (int(part) for part in match.groups())
        return _make(year, month, day, text)
    if match := _SLASHED.match(text):
        first, second, year = (int(part) for part in match.groups())
        if order == DAY_FIRST:
            return _make(year, second, first, text)
        if order == MONTH_FIRST:
            return _make(year, first, second, text)
        return Slashed(first, second, year), None
    return None, f"date must be written as {HOW_TO_WRITE}; got {text!r}"


def settle(slashed: Slashed, day_first: bool, raw: str) -> tuple[dt.date | None, str | None]:
    """A slashed date once the file's order is known."""
    if day_first:
        return _make(slashed.year, slashed.second, slashed.first, raw)
    return _make(slashed.year, slashed.first, slashed.second, raw)


def rows_in_words(rows: list[int], limit: int = 12) -> str:
    """Row numbers as people read them: 'rows 2, 3, 5 and 9 more'."""
    shown = ", ".join(str(r) for r in rows[:limit])
    more = f" and {len(rows) - limit:,} more" if len(rows) > limit else ""
    return ("row " if len(rows) == 1 else "rows ") + shown + more
