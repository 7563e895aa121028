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
import time_machine
from streamlit.testing.v1 import AppTest

from recovery import form, storage

ROOT = Path(__file__).resolve().parent.parent
# The suite's "today", read once. Every test runs with the clock at noon of that day, so a
# run started just before midnight, or on a day the clocks change, sees one date throughout.
TODAY = dt.date.today()
NOON = dt.datetime.combine(TODAY, dt.time(12)).astimezone()


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    """Hold the clock at noon of the suite's today (it still ticks within a test)."""
    with time_machine.travel(NOON, tick=True):
        yield


def pinned_python(*args: str) -> list[str]:
    """A command line running Python with ``args`` in a fresh process on the suite's noon."""
    code = (
        "import runpy, sys, time_machine\n"
        f"with time_machine.travel({NOON.timestamp()!r}, tick=True):\n"
        "    sys.argv = sys.argv[1:]\n"
        "    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
    )
    assert args[0] == "-m", "only `-m module` command lines are pinned"
    return [sys.executable, "-c", code, *args[1:]]


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
