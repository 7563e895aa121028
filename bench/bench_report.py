"""How long the clinician's PDF takes, for a 12-week journal and for the longest journal an
import accepts (every day with a 2,000-character note), printed next to its budget.

Run with `make bench` (or `python bench/bench_report.py`). Exits 1 if the budget is missed.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support import exit_status, quick  # noqa: E402

from recovery import example, report, storage, transfer  # noqa: E402
from tests.conftest import checkin  # noqa: E402

TODAY = dt.date(2026, 11, 24)
BUDGET_SECONDS = 3.0  # "Prepare the PDF" should feel immediate
RUNS = quick(3, 1)
LONGEST_NOTE = 2000  # the check-in's limit on a note


def _timed(conn, runs: int = RUNS) -> tuple[float, bytes]:
    timings, pdf = [], b""
    for _ in range(runs):
        started = time.perf_counter()
        pdf = report.build_report(conn, storage.LOCAL_OWNER, name="Sam", today=TODAY)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), pdf


def main() -> int:
    """Build the report on the 12-week example, then on the longest journal an import takes."""
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        conn = storage.open_database(Path(folder) / "bench.duckdb")
        example.load_example(
            conn, storage.LOCAL_OWNER, end=TODAY - dt.timedelta(days=1), today=TODAY
        )
        # One day of the person's own, so the report is not refused as example-only.
        storage.save_checkin(
            conn, storage.LOCAL_OWNER, TODAY, checkin(notes="Felt good 👍"), today=TODAY
        )
        seconds, pdf = _timed(conn)
        figures.append(("PDF report, 12 weeks (median of 3)", seconds, len(pdf)))
        conn.close()
        # The longest journal an import accepts, every day with a note as long as allowed.
        conn = storage.open_database(Path(folder) / "longest.duckdb")
        note = ("Walked to the shop and back, stiff after sitting. " * 40)[:LONGEST_NOTE]
        rows = [
            (TODAY - dt.timedelta(days=n), checkin(notes=note))
            for n in range(quick(transfer.MAX_ROWS, 400))
        ]
        storage.save_checkins(conn, storage.LOCAL_OWNER, rows, today=TODAY)
        seconds, pdf = _timed(conn)
        figures.append(
            (f"PDF report, {quick(transfer.MAX_ROWS, 400):,} days, long notes", seconds, len(pdf))
        )
        conn.close()
    print(f"{'step':<45}{'seconds':>9}{'budget':>9}")
    over = False
    for name, seconds, size in figures:
        late = seconds > BUDGET_SECONDS
        over = over or late
        print(f"{name:<45}{seconds:>9.2f}{BUDGET_SECONDS:>9.1f}{'  OVER' if late else ''}")
        print(f"  PDF size {size / 1024:.0f} KB")
    return exit_status(1 if over else 0)


if __name__ == "__main__":
    sys.exit(main())
