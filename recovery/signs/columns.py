"""The registry seen as columns: every check-in column, lookups by column, and their checks."""

from __future__ import annotations

import re

from recovery.signs.context import CONTEXT
from recovery.signs.model import Measure
from recovery.signs.red_flags import RED_FLAGS
from recovery.signs.registry import SIGNS

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")

SIGN_KEYS: tuple[str, ...] = tuple(sign.key for sign in SIGNS)
SIGN_MEASURES: tuple[Measure, ...] = tuple(m for sign in SIGNS for m in sign.measures)
ALL_MEASURES: tuple[Measure, ...] = SIGN_MEASURES + CONTEXT
MEASURES_BY_COLUMN: dict[str, Measure] = {m.column: m for m in ALL_MEASURES}
RED_FLAG_COLUMNS: tuple[str, ...] = tuple(flag.column for flag in RED_FLAGS)

# Every value column of a check-in, in the order used by the table, the CSV and the form.
CHECKIN_COLUMNS: tuple[str, ...] = tuple(m.column for m in ALL_MEASURES) + RED_FLAG_COLUMNS


def label_for(column: str) -> str:
    """A human label for any check-in column (measure, context or red flag)."""
    if column in MEASURES_BY_COLUMN:
        return MEASURES_BY_COLUMN[column].label
    for flag in RED_FLAGS:
        if flag.column == column:
            return "Red flag: " + flag.question
    return column.replace("_", " ").capitalize()


def _check_registry() -> None:
    # Column names end up in SQL text (identifiers cannot be parameters), so the registry
    # is the only place they come from and each must be a plain identifier.
    seen: set[str] = set()
    for column in CHECKIN_COLUMNS:
        if not _IDENTIFIER.match(column) or column in seen:
            raise ValueError(f"bad or duplicate column name in registry: {column!r}")
        seen.add(column)


_check_registry()
