"""Fixtures shared by all tests: a real DuckDB journal in tmp_path, check-in values, AppTest."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


# An answer for every question a first check-in asks (nothing is pre-filled any more).
FIRST_ANSWERS: dict[str, object] = {
    "leg_pain": 5,
    "pain_episodes": 1,
    "bending": 5,
    "walk_minutes": 15,
    "numbness": 3,
    "leg_strength": 6,
    "sleep_quality": 5,
    "back_pain": 3,
    "night_wakings": 1,
    "activity": "normal",
    "exercises_done": False,
}
_NUMBER_BOXES = ("pain_episodes", "walk_minutes", "night_wakings")


def answer_checkin(at: AppTest, **overrides: object) -> AppTest:
    """Answer every question of the check-in page under AppTest, then run it."""
    for column, value in {**FIRST_ANSWERS, **overrides}.items():
        if column in _NUMBER_BOXES:
            at.number_input(key=f"ci_{column}").set_value(value)
        else:
            at.segmented_control(key=f"ci_{column}").set_value(value)
    return at.run()


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


def sha256(path: Path) -> str:
    """A file's fingerprint, to prove that it was not changed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def child(code: str, *args: str) -> subprocess.Popen:
    """A Python process running ``code`` from the project root, its stdout piped back."""
    return subprocess.Popen(
        [sys.executable, "-u", "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen, prefix: str, timeout: float = 60) -> list[str]:
    """Read the child's lines until one starts with ``prefix``; return them all."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError("child ended early:\n" + process.stderr.read())
        lines.append(line.strip())
        if line.startswith(prefix):
            return lines
    raise AssertionError(f"no line starting with {prefix!r} within {timeout}s")


HOLD_OPEN = """
    import sys, time, duckdb
    conn = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(600)
"""


@contextmanager
def held_open_by_another_process(path: Path) -> Iterator[Path]:
    """Keep a DuckDB file open (and so locked) in a second process while the block runs."""
    holder = child(HOLD_OPEN, str(path))
    try:
        wait_for_line(holder, "holding")
        yield path
    finally:
        holder.kill()
        holder.wait()
