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
from recovery.signs import MEASURES_BY_COLUMN
from tests.postgres import own_postgres_server, postgres_server, postgres_url  # noqa: F401

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


# The check-in's folded sections; their fields are drawn only while they are open.
FOLDED_SECTIONS = ("ci_more", "ci_optional", "ci_notes_box")


def open_folded(at: AppTest) -> AppTest:
    """Open every folded section of the check-in, as a tap on each would, and run the page."""
    for key in FOLDED_SECTIONS:
        at.session_state[key] = True
    return at.run()


def set_answers(at: AppTest, answers: dict[str, object]) -> AppTest:
    """Give check-in answers through the widget each question uses, then run the page."""
    drawn = {getattr(widget, "key", None) for widget in in_page_order(at.main)}
    if any(f"ci_{column}" not in drawn for column in answers):
        open_folded(at)
    for column, value in answers.items():
        measure = MEASURES_BY_COLUMN[column]
        key = f"ci_{column}"
        if measure.kind in ("count", "minutes", "decimal"):
            at.number_input(key=key).set_value(value)
        elif measure.kind == "yesno" and not measure.required:
            at.radio(key=key).set_value(value)  # optional: "not recorded" is a choice too
        else:
            at.segmented_control(key=key).set_value(value)
    return at.run()


def in_page_order(node: object) -> list:
    """Every element under an AppTest node (``at.main``), top to bottom, containers opened."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [found for index in sorted(children) for found in in_page_order(children[index])]


def answer_checkin(at: AppTest, **overrides: object) -> AppTest:
    """Answer every question of the check-in page under AppTest, then run it."""
    return set_answers(at, {**FIRST_ANSWERS, **overrides})


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


@pytest.fixture(params=["file", "postgres"])
def journal_target(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Where a journal lives: a DuckDB file, or a database on a real PostgreSQL server."""
    if request.param == "file":
        return str(db_path)
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def journal(journal_target: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open journal, once in a DuckDB file and once in PostgreSQL (the same tests pass)."""
    connection = storage.open_database(journal_target)
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


def _mount(*args: str) -> bool:
    """Run mount(8); False when this machine does not let the tests mount (not root)."""
    result = subprocess.run(["mount", *args], capture_output=True)
    return result.returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class TinyDisk:
    """A small tmpfs of its own, that a test can fill up and free again."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.filler = folder / "filler.bin"

    def fill(self) -> None:
        """Take every free byte, as a full disk would."""
        with self.filler.open("ab", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
            # The last few bytes, so not even one more block fits.
            try:
                while True:
                    handle.write(b"\0")
            except OSError:
                pass

    def free(self) -> None:
        """Give the space back."""
        self.filler.unlink(missing_ok=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[TinyDisk]:
    """A real 8 MB file system (tmpfs) mounted for this test; skipped where mounting is denied."""
    folder = tmp_path / "tiny-disk"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)):
        pytest.skip("mounting a small tmpfs needs root (CAP_SYS_ADMIN)")
    try:
        yield TinyDisk(folder)
    finally:
        _unmount(folder)


@pytest.fixture
def read_only_journal(tmp_path: Path) -> Iterator[Path]:
    """A healthy journal with two days, seen through a read-only bind mount of its folder."""
    source = tmp_path / "writable"
    source.mkdir()
    conn = storage.open_database(source / "recovery.duckdb")
    for day in (dt.date(2020, 5, 1), dt.date(2020, 5, 2)):
        storage.save_checkin(conn, storage.LOCAL_OWNER, day, checkin(), today=day)
    conn.close()
    view = tmp_path / "read-only"
    view.mkdir()
    if not _mount("--bind", str(source), str(view)):
        pytest.skip("a read-only bind mount needs root (CAP_SYS_ADMIN)")
    try:
        if not _mount("-o", "remount,bind,ro", str(view)):
            pytest.skip("this machine refused to remount a bind mount read-only")
        yield view / "recovery.duckdb"
    finally:
        _unmount(view)


@pytest.fixture
def folder_blocked_by_a_file(tmp_path: Path) -> Path:
    """A journal path whose folder cannot be created: a regular file has that name."""
    (tmp_path / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
    return tmp_path / "notes.txt" / "journal" / "recovery.duckdb"


# Root may open any file whatever its mode bits; without these two capabilities it may not.
WITHOUT_ROOT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture(params=["file", "folder"])
def forbidden_journal(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A healthy journal whose file, or whose folder, lets no one in (mode 000)."""
    path = tmp_path / "forbidden" / "recovery.duckdb"
    conn = storage.open_database(path)
    storage.save_checkin(conn, storage.LOCAL_OWNER, dt.date(2020, 5, 1), checkin())
    conn.close()
    locked_out = path if request.param == "file" else path.parent
    locked_out.chmod(0)
    yield path
    locked_out.chmod(0o700)  # so the test's folder can be cleaned up


def _damage_the_first_data_block(path):
    """Flip bytes inside the block holding the check-ins: the file opens, reading fails."""
    with duckdb.connect(str(path)) as probe:
        block = probe.execute(
            "SELECT min(block_id) FROM pragma_storage_info('checkins') WHERE block_id >= 0"
        ).fetchone()[0]
        block_size = probe.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
    offset = 3 * 4096 + block * block_size + 16  # three header blocks, then data blocks
    data = bytearray(path.read_bytes())
    data[offset : offset + 4] = bytes(b ^ 0xFF for b in data[offset : offset + 4])
    path.write_bytes(bytes(data))


@pytest.fixture
def journal_damaged_inside(db_path):
    """A journal whose header is fine but whose check-in data no longer matches its checksum."""
    journal = storage.open_database(db_path)
    rows = [(dt.date(1900, 1, 1) + dt.timedelta(days=n), checkin()) for n in range(5000)]
    storage.save_checkins(journal, "local", rows)
    journal.close()
    _damage_the_first_data_block(db_path)
    return db_path
