"""How long the clinician's PDF takes for a 12-week journal, printed next to its budget.

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

from recovery import example, report, storage  # noqa: E402
from tests.conftest import checkin  # noqa: E402

TODAY = dt.date(2026, 11, 24)
BUDGET_SECONDS = 3.0  # "Prepare the PDF" should feel immediate
RUNS = 3


def main() -> int:
    """Build the report a few times on the 12-week example journal; print the median."""
    with tempfile.TemporaryDirectory() as folder:
        conn = storage.open_database(Path(folder) / "bench.duckdb")
        example.load_example(
            conn, storage.LOCAL_OWNER, end=TODAY - dt.timedelta(days=1), today=TODAY
        )
        # One day of the person's own, so the report is not refused as example-only.
        storage.save_checkin(
            conn, storage.LOCAL_OWNER, TODAY, checkin(notes="Felt good 👍"), today=TODAY
        )
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            pdf = report.build_report(conn, storage.LOCAL_OWNER, name="Sam", today=TODAY)
            timings.append(time.perf_counter() - started)
        conn.close()
    middle = statistics.median(timings)
    over = middle > BUDGET_SECONDS
    print(f"{'step':<45}{'seconds':>9}{'budget':>9}")
    print(
        f"{'PDF report, 12 weeks (median of 3)':<45}{middle:>9.2f}{BUDGET_SECONDS:>9.1f}"
        f"{'  OVER' if over else ''}"
    )
    print(f"PDF size {len(pdf) / 1024:.0f} KB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
