"""The clinician's PDF, built once per journal state: a second click costs nothing.

Cached by owner, the journal's data fingerprint, the period, the name and the day, so a
report never outlives a change to what it shows and one visitor's PDF never reaches another.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import streamlit as st

from recovery import storage


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def _report(
    _conn: duckdb.DuckDBPyConnection,
    owner: str,
    fingerprint: tuple[object, ...],
    start: dt.date,
    end: dt.date,
    name: str | None,
    today: dt.date,
) -> bytes:
    from recovery import report  # drawing charts is slow to import; only when asked

    return report.build_report(_conn, owner, start=start, end=end, name=name, today=today)


def report_pdf(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date,
    end: dt.date,
    name: str | None,
    today: dt.date,
) -> bytes:
    """The PDF for these inputs (raises report.ReportRefused or report.ReportBusy)."""
    fingerprint = storage.data_version(conn, owner)
    return _report(conn, owner, fingerprint, start, end, name, today)
