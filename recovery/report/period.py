"""Which days a report covers: the period asked for, cut to its last year, never empty."""

from __future__ import annotations

import datetime as dt

import duckdb

from recovery.report import limits
from recovery.storage import EXAMPLE_BATCH, checkin_records, journal_summary


class ReportRefused(ValueError):
    """A report that would mislead or be empty; the message says why in plain words."""


def _period(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date, list[dict[str, object]]]:
    records = checkin_records(conn, owner, start, end)
    if not records:
        raise ReportRefused("There are no check-ins in this period, so there is nothing to report.")
    if all(r["batch"] == EXAMPLE_BATCH for r in records):
        raise ReportRefused(
            "Every day in this period is a made-up example day, so there is nothing of yours "
            "to report. Remove the example recovery (on the Progress page) and log your own "
            "days first."
        )
    return start or records[0]["day"], end or records[-1]["day"], records


def days_to_report(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date, list[dict[str, object]], bool]:
    """(first day, last day, the days' records, whether the period was cut to a year).

    Only the days reported are read: a century-long journal costs no more than a year.
    """
    if start is None or end is None:
        summary = journal_summary(conn, owner)
        start, end = start or summary.first_day, end or summary.last_day
    cut = False
    if start is not None and end is not None:
        start, cut = limits.clamp_period(start, end)
    start, end, records = _period(conn, owner, start, end)
    return start, end, records, cut
