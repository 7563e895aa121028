"""A clinic-sized shared file: 2,000 journals of a year each, written day by day as a shared
link fills, against a file holding one journal.

Times the Progress page of one visitor (AppTest, shared mode, median CPU of several runs,
both rebuilt as after a save and from the cache) on each file, and shows with EXPLAIN
ANALYZE that every per-owner query reads only that visitor's rows (through the owner index),
not the 730,000 rows of everyone else.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import ROOT, Budgets, journal_rows, median_of, quick  # noqa: E402

from recovery import analysis, config, owners, storage  # noqa: E402
from recovery.signs import CHECKIN_COLUMNS  # noqa: E402
from ui import progress_cache  # noqa: E402

JOURNALS = quick(2000, 5)
DAYS = quick(365, 30)
RUNS = quick(7, 1)
# A cached run takes some 30 ms of CPU, near the resolution of the kernel's CPU accounting,
# so its median is taken over more runs to keep the ratio steady.
CACHED_RUNS = quick(31, 1)
RATIO_BUDGET = 1.3
TEMPLATE = "template"
_ALL = "day, " + ", ".join(CHECKIN_COLUMNS) + ", batch, created_at, updated_at"
# Every journal a copy of the template's year, rows ordered by day (as saved day by day).
COPY_TEMPLATE = (
    "INSERT INTO checkins (owner, " + _ALL + ") "  # noqa: S608 (registry identifiers; values are ? parameters)
    "SELECT o.owner, " + _ALL + " FROM checkins, (SELECT unnest(?) AS owner) o "
    "WHERE checkins.owner = ? ORDER BY day, o.owner"
)


def build(path: Path, visitor: str, others: int, end: dt.date) -> None:
    """A shared file with the visitor's year among ``others`` other journals."""
    conn = storage.open_database(path)
    storage.save_checkins(conn, TEMPLATE, journal_rows(end, DAYS), today=end)
    names = [visitor] + [f"link:other{n:05d}" for n in range(others)]
    with conn.cursor() as cur:
        cur.execute(COPY_TEMPLATE, [names, TEMPLATE])
    storage.delete_owner(conn, TEMPLATE)
    conn.execute("CHECKPOINT")
    conn.close()


def page_cpu(path: Path, token: str) -> tuple[float, float]:
    """Median CPU ms of the visitor's Progress page: rebuilt (as after a save), and cached."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["RECOVERY_DB"] = str(path)
    os.environ["RECOVERY_MODE"] = "shared"
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["journal"] = token
    app.run()
    app.switch_page("pages/progress.py")

    def run_page() -> None:
        app.run()
        assert not app.exception, app.exception
        assert len(app.get("vega_lite_chart")) == 7

    def rebuild() -> None:
        progress_cache.clear()
        run_page()

    _, rebuilt = median_of(RUNS, rebuild)
    _, cached = median_of(CACHED_RUNS, run_page)
    st.cache_resource.clear()  # closes nothing, but lets the file go with the next open
    return rebuilt, cached


def scan_type(plan: str) -> str:
    """How EXPLAIN ANALYZE says the table was read (index or sequential scan)."""
    kinds = re.findall(r"Type: ([A-Za-z ]+?)\s*│", plan)
    return ", ".join(kinds) or "scan"


def rows_scanned(cur: object, sql: str, params: list, folder: Path) -> int:
    """Rows the query read from the table, from DuckDB's profiler (not the rows it kept)."""
    output = folder / "profile.json"
    cur.execute("SET enable_profiling = 'json'")
    cur.execute("SET profiling_output = ?", [str(output)])
    cur.execute(sql, params).fetchall()
    cur.execute("RESET enable_profiling")
    return int(json.loads(output.read_text())["cumulative_rows_scanned"])


def explain(path: Path, owner: str, budgets: Budgets) -> None:
    """EXPLAIN ANALYZE of each per-owner query the page runs, on the big file."""
    conn = storage.open_database(path)
    comparison = analysis.compare_signs(conn, owner)
    start, end = analysis.range_bounds("3m", comparison.first_day, comparison.last_day)
    lookback = start - dt.timedelta(days=analysis.WINDOW_DAYS - 1)
    b_end = comparison.baseline_end
    queries = {
        "journal fingerprint (cache key)": (storage.DATA_VERSION, [owner]),
        "comparison: bounds": (analysis.BOUNDS_SQL, [dt.date.min, owner, dt.date.min, dt.date.max]),
        "comparison: two weeks": (
            analysis.WINDOWS_SQL,
            [
                owner,
                b_end,
                comparison.baseline_start,
                b_end,
                comparison.recent_start,
                comparison.last_day,
            ],
        ),
        "chart series, 3 months": (
            analysis.daily_sql(analysis.PRIMARY_COLUMNS),
            [owner, lookback, end, start],
        ),
        "example notice (count_batch)": (storage.COUNT_BATCH, [owner, "example"]),
    }
    total = conn.execute("SELECT count(*) FROM checkins").fetchone()[0]
    mine = storage.journal_summary(conn, owner).days_logged
    print(
        "\n  EXPLAIN ANALYZE (scan type) and the profiler's rows read, on the shared file "
        f"({total:,} rows; the visitor's: {mine}):"
    )
    with conn.cursor() as cur:
        for name, (sql, params) in queries.items():
            plan = cur.execute("EXPLAIN ANALYZE " + sql, params).fetchall()[0][1]
            rows = rows_scanned(cur, sql, params, path.parent)
            print(f"    {name:<34} {scan_type(plan):<16} {rows:>7,} rows read")
            budgets.check(f"rows read / visitor's rows: {name}", rows / mine, 1.0, unit="x")
    conn.close()


def main() -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    budgets = Budgets("Clinic-sized shared file")
    end = dt.date.today()
    # One key signs the visitor's link for both files (otherwise each file gets its own).
    os.environ["RECOVERY_LINK_SECRET"] = secrets.token_hex(32)
    token = owners.new_link_token(config.link_secret(""))
    visitor = owners.owner_for_link(token)
    print(
        f"A shared file of {JOURNALS:,} journals x {DAYS} days against one journal: the "
        f"visitor's Progress page (AppTest), median CPU of {RUNS} runs "
        f"({CACHED_RUNS} from the cache)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder) / "clinic.duckdb", Path(folder) / "one.duckdb"
        started = time.perf_counter()
        build(big, visitor, JOURNALS - 1, end)
        build(small, visitor, 0, end)
        print(f"  (files built in {time.perf_counter() - started:.0f} s)")
        one_rebuilt, one_cached = page_cpu(small, token)
        big_rebuilt, big_cached = page_cpu(big, token)
        budgets.check(
            "Progress rebuilt, clinic file / one journal",
            big_rebuilt / one_rebuilt,
            RATIO_BUDGET,
            unit="x",
            note=f"{big_rebuilt:.0f} ms vs {one_rebuilt:.0f} ms CPU",
        )
        budgets.check(
            "Progress from the cache, clinic file / one journal",
            big_cached / one_cached,
            RATIO_BUDGET,
            unit="x",
            note=f"{big_cached:.0f} ms vs {one_cached:.0f} ms CPU",
        )
        explain(big, visitor, budgets)
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
