"""The per-visitor context every page needs: settings, the shared connection and the owner."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import streamlit as st

from recovery import settings, storage
from ui import blocks


@dataclass(frozen=True)
class Journal:
    """An open journal and whose rows this visitor may see."""

    conn: duckdb.DuckDBPyConnection
    owner: str
    path: str


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all is the normal local case
        return {}


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # One connection per process, shared by every session; operations take a cursor.
    return storage.open_database(path)


def database_path() -> str:
    """The journal file this process uses."""
    return settings.database_path(secrets=_secrets())


def open_journal() -> Journal:
    """The visitor's journal; on a locked or damaged file, a plain message and stop."""
    path = database_path()
    try:
        conn = _connection(path)
    except storage.StorageError as error:
        st.error(str(error), icon=":material/error:")
        blocks.stop()
    return Journal(conn=conn, owner=storage.LOCAL_OWNER, path=path)
