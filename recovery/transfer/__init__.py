"""Moving a journal in and out: CSV and JSON export, and validated import of both.

Reading a file never writes anything: ``read_file`` turns bytes into validated rows or a
list of problems (row, column, value, what is wrong), and only ``apply_import`` writes,
in one transaction, through ``storage.save_checkins``. The modules: ``columns`` (what a
file holds), ``limits`` (how much), ``dates`` (how dates are written), ``checks`` (row
checks), ``csv_file`` and ``json_file`` (readers), ``export`` and ``writing``.
"""

from __future__ import annotations

import datetime as dt

from recovery.transfer.checks import ImportProblem, ParsedFile
from recovery.transfer.columns import (
    CSV_COLUMNS,
    EXAMPLE_COLUMN,
    JSON_FIELDS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    column_label,
    template_csv,
)
from recovery.transfer.csv_file import read_csv
from recovery.transfer.dates import AUTO, DATE_ORDERS, DAY_FIRST, MONTH_FIRST
from recovery.transfer.export import export_csv, export_filename, export_json, format_cell
from recovery.transfer.fhir import export_fhir
from recovery.transfer.flares_file import FLARE_CSV_COLUMNS, export_flares_csv
from recovery.transfer.json_file import JSON_FORMAT, NOT_A_BACKUP, read_json
from recovery.transfer.limits import FIRST_YEAR, MAX_BYTES, MAX_PROBLEMS, MAX_ROWS, MAX_UPLOAD_MB
from recovery.transfer.weekly_csv import export_weekly_csv
from recovery.transfer.wording import (
    absent_columns_note,
    days_to_write,
    describe_plan,
    describe_result,
    existing_days_question,
    import_label,
)
from recovery.transfer.writing import (
    ImportPlan,
    apply_import,
    import_batch_name,
    plan_import,
    problems_table,
)

__all__ = [
    "FLARE_CSV_COLUMNS",
    "export_flares_csv",
    "absent_columns_note",
    "days_to_write",
    "describe_plan",
    "existing_days_question",
    "import_label",
    "AUTO",
    "CSV_COLUMNS",
    "DATE_ORDERS",
    "DAY_FIRST",
    "EXAMPLE_COLUMN",
    "FIRST_YEAR",
    "JSON_FIELDS",
    "JSON_FORMAT",
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "MAX_ROWS",
    "MAX_UPLOAD_MB",
    "MONTH_FIRST",
    "NOT_A_BACKUP",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportPlan",
    "ImportProblem",
    "ParsedFile",
    "apply_import",
    "column_label",
    "describe_result",
    "export_csv",
    "export_fhir",
    "export_filename",
    "export_json",
    "export_weekly_csv",
    "format_cell",
    "import_batch_name",
    "looks_like_json",
    "plan_import",
    "problems_table",
    "read_csv",
    "read_file",
    "read_json",
    "template_csv",
]


def looks_like_json(data: bytes, filename: str | None = None) -> bool:
    """True for a .json file name, or content that starts like a JSON object."""
    if filename and filename.lower().endswith(".json"):
        return True
    if filename and filename.lower().endswith((".csv", ".txt", ".tsv")):
        return False
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def read_file(
    data: bytes,
    filename: str | None = None,
    today: dt.date | None = None,
    date_order: str = AUTO,
) -> ParsedFile:
    """Read a CSV or JSON journal file, choosing by its name or content; nothing is written."""
    if looks_like_json(data, filename):
        return read_json(data, today, date_order)
    return read_csv(data, today, date_order)
