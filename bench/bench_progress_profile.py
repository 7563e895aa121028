"""Where the Progress page's server time goes: one profiled run, grouped by library.

Runs the whole app under AppTest (Streamlit's script runner, no browser) on journals of
30 days and 10 years, times warm reruns of the Progress page (median wall time of several
runs, against the budget; CPU time beside it), both from the cache and rebuilt as after a
save, then profiles one rebuilding run and splits its time into DuckDB queries, pandas,
Altair (building specs), Streamlit and the app's own code.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import logging
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import ROOT, Budgets, make_journal, median_of, quick  # noqa: E402

from ui import progress_cache  # noqa: E402

RUNS = quick(7, 1)
BUDGET_MS = 120
# The first run after a write builds the seven charts again (once per save, not per visit).
REBUILD_BUDGET_MS = 400
JOURNALS = {"30 days": 30, "10 years": quick(3650, 60)}
# Where a function's own time is counted, by the path of its file (first match wins).
GROUPS = [
    ("DuckDB queries", ("duckdb",)),
    ("Altair spec + validation", ("altair", "jsonschema", "referencing", "narwhals")),
    ("pandas / Arrow", ("pandas", "pyarrow", "numpy")),
    ("Streamlit", ("streamlit", "google/protobuf", "tornado")),
    ("Seven Signs code", (str(ROOT / "recovery"), str(ROOT / "ui"), str(ROOT / "pages"))),
]


def group_of(filename: str) -> str:
    """The group a Python function's file belongs to."""
    for name, parts in GROUPS:
        if any(part in filename for part in parts):
            return name
    return "other Python"


def breakdown(profile: cProfile.Profile) -> dict[str, float]:
    """Milliseconds of own time per group.

    Built-in functions (json, C methods) have no file: DuckDB's are charged to DuckDB, the
    rest to the group of whoever called them, so Altair's json work counts as Altair's.
    """
    stats = pstats.Stats(profile)
    totals: dict[str, float] = {}

    def add(group: str, seconds: float) -> None:
        totals[group] = totals.get(group, 0.0) + seconds * 1000

    for (filename, _, function), (_, _, own, _, callers) in stats.stats.items():
        if filename not in ("~", "") and not filename.startswith("<"):
            add(group_of(filename), own)
        elif "duckdb" in function.lower():
            add("DuckDB queries", own)
        else:
            for (caller_file, _, _), (_, _, caller_own, _) in callers.items():
                add(group_of(caller_file), caller_own)
    return totals


def profiled_run(action: object) -> cProfile.Profile:
    """Profile ``action`` inside AppTest's script thread (a profiler sees one thread)."""
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profile = cProfile.Profile()
    original = LocalScriptRunner._run_script_thread

    def run_profiled(self: LocalScriptRunner) -> None:
        profile.enable()
        try:
            original(self)
        finally:
            profile.disable()

    LocalScriptRunner._run_script_thread = run_profiled
    try:
        action()
    finally:
        LocalScriptRunner._run_script_thread = original
    return profile


def main() -> int:
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    budgets = Budgets("Progress server run")
    end = dt.date.today()
    print(f"Progress page, server side (AppTest), median wall time of {RUNS} warm runs\n")
    with tempfile.TemporaryDirectory() as folder:
        for label, days in JOURNALS.items():
            path = Path(folder) / f"{days}.duckdb"
            make_journal(path, "local", days, end)
            os.environ["RECOVERY_DB"] = str(path)
            os.environ.pop("RECOVERY_MODE", None)
            import streamlit as st

            st.cache_resource.clear()
            st.cache_data.clear()
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            app.run()
            app.switch_page("pages/progress.py")

            def run_page(app: AppTest = app) -> None:
                app.run()
                assert not app.exception, app.exception
                assert len(app.get("vega_lite_chart")) == 7

            wall, cpu = median_of(RUNS, run_page)
            budgets.check(f"Progress run, {label}", wall, BUDGET_MS, note=f"CPU {cpu:.0f} ms")

            def rebuild_page(app: AppTest = app) -> None:
                progress_cache.clear()  # as after a save: nothing cached for this journal
                run_page(app)

            wall, cpu = median_of(RUNS, rebuild_page)
            budgets.check(
                f"Progress run after a save, {label}",
                wall,
                REBUILD_BUDGET_MS,
                note=f"CPU {cpu:.0f} ms, analysis and charts rebuilt",
            )
            profile = profiled_run(rebuild_page)
            parts = breakdown(profile)
            total = sum(parts.values())
            print(f"    one profiled rebuild, {label}: {total:.0f} ms under the profiler")
            for name, millis in sorted(parts.items(), key=lambda item: -item[1]):
                print(f"      {name:<30} {millis:7.1f} ms  {100 * millis / total:4.0f} %")
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
