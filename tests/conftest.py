"""Fixtures shared by all tests: a real DuckDB journal in tmp_path, check-in values, AppTest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import form, storage

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date.today()


def checkin(**overrides: object) -> dict[str, object]:
    """A complete, valid check-in's values, with any field overridden."""
    values = form.defaults()
    values.update(overrides)
    return values


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's journal file lives (not created yet)."""
    return tmp_path / "journal" / "recovery.duckdb"


@pytest.fixture
def conn(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open journal on a real DuckDB file."""
    connection = storage.open_database(db_path)
    yield connection
    connection.close()


@pytest.fixture
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    """The whole app under AppTest, on this test's journal file."""
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.delenv("RECOVERY_MODE", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    st.cache_resource.clear()
    st.cache_data.clear()
