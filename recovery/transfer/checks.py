"""Checking a file's rows before anything is written: every problem, with row and column.

Readers (``csv_file``, ``json_file``) feed cells row by row into a ``RowChecker``; dates
are settled at the end, once the whole file shows which order its slashed dates use.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field

from recovery import storage
from recovery.signs import CHECKIN_COLUMNS, MEASURES_BY_COLUMN, RED_FLAG_COLUMNS
from recovery.storage import EXAMPLE_BATCH
from recovery.transfer import dates
from recovery.transfer.columns import CSV_COLUMNS, EXAMPLE_COLUMN
from recovery.transfer.limits import MAX_PROBLEMS
from recovery.validation import ValidationError, validate_checkin

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_WHOLE = re.compile(r"^[+-]?\d+$")
_YES = {"yes", "y", "true", "1", "ja", "oui", "si", "sí"}
_NO = {"no", "n", "false", "0", "nein", "non"}
# How the export writes a red-flag question nobody was asked; read back as unknown.
NOT_ASKED = "not asked"
# A spreadsheet runs a cell starting with =, +, -, @, a tab or a carriage return as a
# formula; the CSV export puts an apostrophe in front (which a spreadsheet hides), and the CSV
# import takes it off again.
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in a file: its row (1 = the header line), column, value and why."""

    row: int | None
    column: str
    value: str
    message: str


@dataclass
class ParsedFile:
    """A file read and checked: its valid rows, or the problems that stop it."""

    kind: str
    rows: list[tuple[dt.date, dict[str, object]]] = field(default_factory=list)
    stamps: list[storage.Stamp] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    problem_count: int = 0
    absent_columns: tuple[str, ...] = ()  # optional columns the file leaves out
    hints: int = 0  # "did you mean" suggestions given so far (see hint)
    weekly: object = None  # a backup's weekly sections (weekly_file.WeeklyRows), if any
    # A backup's flare-ups and medicines, checked (transfer/flares_file.py), by section.
    extras: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    @property
    def row_note(self) -> str:
        """How to find a problem's row in this kind of file."""
        if self.kind == "json":
            return "Row numbers count the days in the backup's checkins list, from 1."
        return (
            "Row numbers count the first line (the column names) as row 1, as a spreadsheet does."
        )

    @property
    def ok(self) -> bool:
        """True when every row is valid and the file can be imported."""
        return self.problem_count == 0 and bool(self.rows)

    @property
    def example_days(self) -> int:
        """How many of the file's days are made-up example days."""
        return sum(1 for stamp in self.stamps if stamp.batch == EXAMPLE_BATCH)

    def add(self, problem: ImportProblem) -> None:
        """Record a problem, keeping the first MAX_PROBLEMS in full."""
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def hint(self, name: str) -> str:
        """The suggestion for a name that is not ours; only the first few get a search."""
        self.hints += 1
        if self.hints > MAX_HINTS:
            return UNKNOWN_NAME_ADVICE  # a file of thousands of made-up names costs nothing
        return column_hint(name)

    def refuse(self, message: str, row: int | None = None, column: str = "") -> ParsedFile:
        """Record a problem that stops the whole file, drop any rows read, return self."""
        self.rows.clear()
        self.stamps.clear()
        self.extras.clear()
        self.add(ImportProblem(row, column, "", message))
        return self


def unguard(text: str) -> str:
    """A CSV text cell as typed, without the apostrophe the export adds before a formula."""
    return text[1:] if _GUARDED.match(text) else text


def guard(text: str) -> str:
    """A text cell a spreadsheet shows as text: an apostrophe before a formula start."""
    return "'" + text if _GUARDED.match("'" + text) else text


def convert(column: str, raw: object) -> object:
    """A cell (text from CSV, or a JSON value) as the Python value validation expects."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if text == "":
        return None
    measure = MEASURES_BY_COLUMN.get(column)
    kind = measure.kind if measure else "yesno"
    if kind in ("scale", "count", "minutes", "decimal"):
        # Spreadsheets set to a European locale write 12,5 for 12.5.
        number = text.replace(",", ".") if "," in text and "." not in text else text
        if _WHOLE.match(number):
            return int(number)
        if _NUMBER.match(number):
            return float(number)
        return raw
    if kind == "yesno":
        word = text.lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        if word == NOT_ASKED and column in RED_FLAG_COLUMNS:  # unknown, never "no"
            return None
        return raw
    if kind == "choice":
        return text.lower()
    return raw


def shown(raw: object) -> str:
    """A cell's value as the problems table shows it."""
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)


UNKNOWN_NAME_ADVICE = (
    "; rename it to a Seven Signs column name (an export shows them all) or delete it"
)
# Each suggestion compares the name with every column: a few are help, thousands are a cost.
MAX_HINTS = 5


def column_hint(name: str) -> str:
    """A suggestion for a column name that is not ours."""
    close = difflib.get_close_matches(name[:64], CSV_COLUMNS, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]}?"
    return UNKNOWN_NAME_ADVICE


@dataclass
class _Row:
    number: int
    raw_date: str
    when: dt.date | dates.Slashed
    clean: dict[str, object] | None
    stamp: storage.Stamp


class RowChecker:
    """Checks rows one by one, then settles the dates and fills ``parsed`` in ``finish``."""

    def __init__(self, parsed: ParsedFile, today: dt.date, order: str = dates.AUTO) -> None:
        self.parsed = parsed
        self.today = today
        self.order = order
        self.count = 0
        # Columns the whole file lacks: said once for the header, not again on every row.
        self.missing_columns: set[str] = set()
        self._rows: list[_Row] = []

    def check(
        self, number: int, cells: dict[str, object], stamp: storage.Stamp | None = None
    ) -> None:
        """Check one row's cells; problems go to the file, a readable row is kept."""
        self.count += 1
        parsed = self.parsed
        before = parsed.problem_count
        raw_date = cells.get("date")
        when, error = dates.read_date(raw_date, self.order)
        if error and "date" not in self.missing_columns:
            parsed.add(ImportProblem(number, "date", shown(raw_date), error))
        values = {column: convert(column, cells.get(column)) for column in CHECKIN_COLUMNS}
        example = convert(EXAMPLE_COLUMN, cells.get(EXAMPLE_COLUMN))
        if example is not None and not isinstance(example, bool):
            parsed.add(
                ImportProblem(
                    number,
                    EXAMPLE_COLUMN,
                    shown(cells.get(EXAMPLE_COLUMN)),
                    f"{EXAMPLE_COLUMN} must be yes (a made-up example day) or no",
                )
            )
        clean: dict[str, object] | None = None
        try:
            # The date is checked separately; check the values against a day surely fine.
            _, clean = validate_checkin(self.today, values, today=self.today)
        except ValidationError as invalid:
            for problem in invalid.problems:
                if problem.column in self.missing_columns:
                    continue
                parsed.add(
                    ImportProblem(
                        number,
                        problem.column,
                        shown(cells.get(problem.column)),
                        problem.message,
                    )
                )
        if when is None:
            return
        stamp = stamp or storage.Stamp()
        if example and stamp.batch != EXAMPLE_BATCH:
            stamp = storage.Stamp(stamp.created_at, stamp.updated_at, EXAMPLE_BATCH)
        ok = parsed.problem_count == before and clean is not None
        self._rows.append(_Row(number, str(raw_date).strip(), when, clean if ok else None, stamp))

    def _day_order(self) -> bool | None:
        """True for day-first, False for month-first, None when the file cannot say."""
        slashed = [row for row in self._rows if isinstance(row.when, dates.Slashed)]
        if not slashed:
            return True
        day_first = [row for row in slashed if row.when.says_day_first]
        month_first = [row for row in slashed if row.when.says_month_first]
        if day_first and month_first:
            self.parsed.add(
                ImportProblem(
                    day_first[0].number,
                    "date",
                    day_first[0].raw_date,
                    f"the dates are written two ways: day first on "
                    f"{dates.rows_in_words([r.number for r in day_first])} (such as "
                    f"{day_first[0].raw_date}) and month first on "
                    f"{dates.rows_in_words([r.number for r in month_first])} (such as "
                    f"{month_first[0].raw_date}); write them all the same way",
                )
            )
            return None
        if month_first:
            self.parsed.add(
                ImportProblem(
                    month_first[0].number,
                    "date",
                    month_first[0].raw_date,
                    f"{dates.rows_in_words([r.number for r in month_first])} write the month "
                    f"first (such as {month_first[0].raw_date}); choose the date order "
                    f"{dates.MONTH_FIRST} and import again",
                )
            )
            return None
        if day_first:
            return True
        unclear = [row for row in slashed if row.when.first != row.when.second]
        if not unclear:
            return True
        sample = unclear[0].when
        as_day = dt.date(sample.year, sample.second, sample.first)
        as_month = dt.date(sample.year, sample.first, sample.second)
        self.parsed.add(
            ImportProblem(
                unclear[0].number,
                "date",
                unclear[0].raw_date,
                f"{dates.rows_in_words([r.number for r in unclear])}: a date such as "
                f"{unclear[0].raw_date} could be {as_day.day} {as_day:%B} or "
                f"{as_month.day} {as_month:%B}, and no row settles it; choose the date "
                f"order ({dates.DAY_FIRST} or {dates.MONTH_FIRST}) and import again",
            )
        )
        return None

    def finish(self) -> ParsedFile:
        """Settle every date, refuse future and repeated days, and keep the valid rows."""
        parsed = self.parsed
        day_first = self._day_order()
        first_row_of: dict[dt.date, int] = {}
        for row in self._rows:
            when = row.when
            if isinstance(when, dates.Slashed):
                if day_first is None:
                    continue
                when, error = dates.settle(when, day_first, row.raw_date)
                if error:
                    parsed.add(ImportProblem(row.number, "date", row.raw_date, error))
                    continue
            if when > self.today:
                parsed.add(
                    ImportProblem(
                        row.number,
                        "date",
                        row.raw_date,
                        f"date {when.isoformat()} is in the future; check-ins are for today "
                        "or earlier",
                    )
                )
            elif when in first_row_of:
                parsed.add(
                    ImportProblem(
                        row.number,
                        "date",
                        row.raw_date,
                        f"date {when.isoformat()} is also on row {first_row_of[when]}; each "
                        "day can appear only once",
                    )
                )
            else:
                first_row_of[when] = row.number
                if row.clean is not None:
                    parsed.rows.append((when, row.clean))
                    parsed.stamps.append(row.stamp)
        self._rows.clear()
        parsed.problems.sort(key=lambda p: -1 if p.row is None else p.row)
        if parsed.problem_count:
            parsed.rows.clear()
            parsed.stamps.clear()
        return parsed
