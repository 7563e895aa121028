"""Import and export speed for a 50,000-day journal, printed next to their budgets.

Run with `make bench` (or `python bench/bench_transfer.py`). Exits 1 if a budget is missed.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from recovery import form, storage, transfer  # noqa: E402

DAYS = 50_000
FIRST = dt.date(1880, 1, 1)
# Budgets in seconds on a modest 2-core machine; a person waits this long at most.
BUDGETS = {
    "check a 50,000-row CSV": 8.0,
    "import it (one transaction)": 8.0,
    "export it as CSV": 4.0,
    "export it as JSON": 6.0,
    "check the JSON backup": 10.0,
    "refuse it with one bad row in the middle": 8.0,
}


def _journal_csv() -> bytes:
    values = form.defaults()
    values["notes"] = "Walked to the shop, stiff after sitting"
    conn = storage.open_database(":memory:")
    rows = [(FIRST + dt.timedelta(days=n), values) for n in range(DAYS)]
    storage.save_checkins(conn, storage.LOCAL_OWNER, rows)
    text = transfer.export_csv(conn, storage.LOCAL_OWNER)
    conn.close()
    return text.encode("utf-8")


# The whole run (50,000 days held as CSV, JSON and DuckDB at once) on a 24 GiB machine;
# the app itself must stay far below this on a small hosted instance.
PEAK_MEMORY_BUDGET_MIB = 1024


def main() -> int:
    """Time each step once and print it beside its budget."""
    data = _journal_csv()
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        conn = storage.open_database(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        parsed = transfer.read_file(data, "journal.csv")
        timings["check a 50,000-row CSV"] = time.perf_counter() - started
        started = time.perf_counter()
        transfer.apply_import(conn, storage.LOCAL_OWNER, parsed, replace=False)
        timings["import it (one transaction)"] = time.perf_counter() - started
        started = time.perf_counter()
        transfer.export_csv(conn, storage.LOCAL_OWNER)
        timings["export it as CSV"] = time.perf_counter() - started
        started = time.perf_counter()
        backup = transfer.export_json(conn, storage.LOCAL_OWNER)
        timings["export it as JSON"] = time.perf_counter() - started
        started = time.perf_counter()
        transfer.read_file(backup.encode("utf-8"), "journal.json")
        timings["check the JSON backup"] = time.perf_counter() - started
        lines = data.decode("utf-8").split("\r\n")
        lines[DAYS // 2] = lines[DAYS // 2].replace(",normal,", ",jogging,", 1)
        started = time.perf_counter()
        refused = transfer.read_file("\r\n".join(lines).encode("utf-8"), "bad.csv")
        timings["refuse it with one bad row in the middle"] = time.perf_counter() - started
        assert refused.problem_count == 1
        conn.close()
    missed = 0
    print(f"{'step':<45}{'seconds':>9}{'budget':>9}")
    for step, seconds in timings.items():
        over = seconds > BUDGETS[step]
        missed += over
        print(f"{step:<45}{seconds:>9.2f}{BUDGETS[step]:>9.1f}{'  OVER' if over else ''}")
    print(f"CSV size {len(data) / 1e6:.1f} MB, JSON size {len(backup.encode()) / 1e6:.1f} MB")
    # Peak resident memory of this whole process (Linux reports kilobytes).
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    over = peak_mib > PEAK_MEMORY_BUDGET_MIB
    missed += over
    print(
        f"{'peak memory, whole run (MiB)':<45}{peak_mib:>9.0f}{PEAK_MEMORY_BUDGET_MIB:>9}"
        f"{'  OVER' if over else ''}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
