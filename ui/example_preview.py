"""The example recovery in a private in-memory journal: a look at the page without saving."""

from __future__ import annotations

import datetime as dt

import duckdb
import streamlit as st

from recovery import example, storage
from recovery.config import Mode
from ui.journal import Journal

PREVIEW_OWNER = "example-preview"


@st.cache_resource(show_spinner=False, max_entries=1)
def _connection(day: str) -> duckdb.DuckDBPyConnection:
    # Shared by every session, like the journal's connection; a new day makes a new one
    # so the example always ends today.
    conn = storage.open_database(":memory:")
    example.load_example(conn, PREVIEW_OWNER, today=dt.date.fromisoformat(day))
    return conn


def preview_journal(today: dt.date, mode: Mode) -> Journal:
    """A journal that holds only the example recovery, ending today; never the person's."""
    return Journal(conn=_connection(today.isoformat()), owner=PREVIEW_OWNER, mode=mode)
