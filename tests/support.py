"""Journals and helpers the tests share, written as code: import them from here.

The stage journals (a first week, a middle week and a latest week ending on END), CSV rows
and files, the command line run as a person would, and a few counts only tests need.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
from pathlib import Path

import duckdb
import pandas as pd

from recovery import analysis, storage, transfer
from recovery.analysis import worsening
from recovery.storage import LOCAL_OWNER
from recovery.storage.queries import COUNT_PREFIX
from tests.conftest import ROOT, TODAY, checkin, pinned_python

# ---- the stage journals ------------------------------------------------------------------

END = dt.date(2026, 11, 1)
OWNER = "someone"

BAD = {
    "leg_pain": 7,
    "pain_episodes": 5,
    "bending": 3,
    "walk_minutes": 10,
    "numbness": 6,
    "leg_strength": 4,
    "sleep_quality": 3,
}
# Pain, flare-ups, bending, walking and sleep improve by their thresholds; numbness and
# strength move by one point only.
MIDWAY = {
    "leg_pain": 4,
    "pain_episodes": 2,
    "bending": 6,
    "walk_minutes": 25,
    "numbness": 5,
    "leg_strength": 5,
    "sleep_quality": 5,
}
GOOD = {
    "leg_pain": 1,
    "pain_episodes": 0,
    "bending": 9,
    "walk_minutes": 45,
    "numbness": 1,
    "leg_strength": 9,
    "sleep_quality": 8,
}


def phase_days(first_ago: int, last_ago: int) -> list[dt.date]:
    return [END - dt.timedelta(days=ago) for ago in range(first_ago, last_ago - 1, -1)]


def three_weeks(first: dict, latest: dict, middle: dict | None = None) -> list[tuple]:
    """21 daily check-ins: ``first`` for a week, ``middle`` for a week, ``latest`` for a week."""
    middle = MIDWAY if middle is None else middle
    return (
        [(day, first) for day in phase_days(20, 14)]
        + [(day, middle) for day in phase_days(13, 7)]
        + [(day, latest) for day in phase_days(6, 0)]
    )


def with_gaps(first: dict, latest: dict, first_days: int, latest_days: int) -> list[tuple]:
    """A few check-ins in the first week and the latest one, nothing for the 10 days between."""
    return [(day, first) for day in phase_days(20, 20 - first_days + 1)] + [
        (day, latest) for day in phase_days(latest_days - 1, 0)
    ]


JOURNALS = {
    # Every sign passes its threshold for the better; 7 pain-free days at the end.
    "improving": three_weeks(BAD, GOOD),
    # The same values for three weeks: nothing moves.
    "flat": three_weeks(MIDWAY, MIDWAY),
    # Every sign passes its threshold for the worse (flare-ups from 0: any rise counts).
    "all worse": three_weeks(GOOD, BAD, middle=MIDWAY),
    # Only leg pain rises, 4 -> 7 (3 points, 75 %): one sign, a warning.
    "leg pain worse": three_weeks(MIDWAY, {**MIDWAY, "leg_pain": 7}),
    # Leg strength falls 5 -> 2 (3 points): on its own it asks firmly.
    "strength worse": three_weeks(MIDWAY, {**MIDWAY, "leg_strength": 2}),
    # Walking 25 -> 10 min (-15, -60 %) and sleep 5 -> 3: two signs.
    "two worse": three_weeks(MIDWAY, {**MIDWAY, "walk_minutes": 10, "sleep_quality": 3}),
    # Six signs improve, numbness rises 3 -> 6: a warning on an otherwise good journal.
    "improving but numbness worse": three_weeks({**BAD, "numbness": 3}, {**GOOD, "numbness": 6}),
    # Gaps: 3 check-ins in the first week and 3 in the latest, all worse: still a verdict.
    "gaps, enough": with_gaps(GOOD, BAD, 3, 3),
    # Gaps: only 2 check-ins in the latest week: no verdict, so no notice either.
    "gaps, too few": with_gaps(GOOD, BAD, 3, 2),
}


DAY1 = TODAY - dt.timedelta(days=10)
DAY2 = TODAY - dt.timedelta(days=9)


def csv_text(
    rows: list[dict[str, object]], columns: tuple[str, ...] = transfer.CSV_COLUMNS, sep: str = ","
) -> str:
    """A CSV as a spreadsheet might write it, from dicts of cell values."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([transfer.format_cell(c, row.get(c)) for c in columns])
    return buffer.getvalue()


def row(day: dt.date = DAY1, **overrides: object) -> dict[str, object]:
    """One valid day as CSV cells."""
    return {"date": day, **checkin(**overrides)}


def run(
    *args: str,
    db: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run the command line in a fresh process, as a person would."""
    command = pinned_python("-m", "recovery")
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        command + list(args),
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, "RECOVERY_DB": str(ROOT / "data" / "never-used.duckdb"), **(env or {})},
    )


def seeded(db_path: Path, days: tuple[dt.date, ...] = (DAY1, DAY2)) -> None:
    """A journal file with a few days in it, closed again."""
    conn = storage.open_database(db_path)
    for day in days:
        storage.save_checkin(conn, LOCAL_OWNER, day, checkin(notes=f"day {day}"))
    conn.close()


def choose_row(app, index: int, key: str = "history_table_0"):
    """Select a table row as a tap on its date does (AppTest sets the table's selection)."""
    selection = {"rows": [], "columns": [], "cells": [[index, "Date"]]}
    app.session_state[key] = {"selection": selection}
    app.run()
    assert not app.exception
    return app


# ---- counts only tests need ----------------------------------------------------------------


def count_visit_rows(conn: duckdb.DuckDBPyConnection, prefix: str) -> int:
    """How many rows throwaway owners (ids starting with ``prefix``) hold right now."""
    with conn.cursor() as cur:
        return int(cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0])


def open_visits() -> int:
    """How many kiosk visits this process is holding."""
    from ui import kiosk

    with kiosk._visits_lock:
        return len(kiosk._visits)


def notice_for(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date | None = None
) -> worsening.Notice | None:
    """The worsening notice for an owner's journal up to ``today``."""
    return worsening.worsening_notice(analysis.compare_signs(conn, owner, end=today))


def as_shown(value: object) -> str:
    """Text as a person reads it on the page: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", str(value))


def shown_table(table: pd.DataFrame) -> pd.DataFrame:
    """An st.table's frame as a person reads it (see as_shown)."""
    shown = table.map(lambda v: as_shown(v) if isinstance(v, str) else v)
    labels = [as_shown(v) if isinstance(v, str) else v for v in table.index]
    shown.index = pd.Index(labels, name=table.index.name)
    return shown
