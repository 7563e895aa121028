"""The columns of an exported journal, which ones an import needs, and a blank template."""

from __future__ import annotations

from recovery.signs import (
    CHECKIN_COLUMNS,
    MEASURES_BY_COLUMN,
    RED_FLAG_COLUMNS,
    SIGN_MEASURES,
    label_for,
)

# True for a made-up day of the example recovery, so it never passes for a real one.
EXAMPLE_COLUMN = "example"
# One day per row: the date, the sign measures, the day's context, the red flags, whether
# the day is an example, and the free-text notes last so a long note does not push the
# numbers off a spreadsheet screen.
_CONTEXT_FIRST = tuple(
    c
    for c in CHECKIN_COLUMNS
    if c not in {m.column for m in SIGN_MEASURES} and c not in RED_FLAG_COLUMNS and c != "notes"
)
CSV_COLUMNS: tuple[str, ...] = (
    "date",
    *(m.column for m in SIGN_MEASURES),
    *_CONTEXT_FIRST,
    *RED_FLAG_COLUMNS,
    EXAMPLE_COLUMN,
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "date",
    *(m.column for m in MEASURES_BY_COLUMN.values() if m.required),
)
OPTIONAL_COLUMNS: tuple[str, ...] = tuple(c for c in CSV_COLUMNS if c not in REQUIRED_COLUMNS)
STAMP_FIELDS = ("batch", "created_at", "updated_at")
JSON_FIELDS: tuple[str, ...] = ("date", *CHECKIN_COLUMNS, EXAMPLE_COLUMN, *STAMP_FIELDS)


def column_label(column: str) -> str:
    """What a column holds, in words, for the import help."""
    if column == "date":
        return "the day"
    if column == EXAMPLE_COLUMN:
        return "yes for a made-up example day"
    return label_for(column)


def template_csv() -> str:
    """A CSV with every column's name and no days, to fill in a spreadsheet."""
    return ",".join(CSV_COLUMNS) + "\r\n"
