"""Import and export speed for the longest journal an import accepts, and import memory.

Run with `make bench` (or `python bench/bench_transfer.py`). Exits 1 if a budget is missed.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from support import exit_status, quick  # noqa: E402

from recovery import form, storage, transfer  # noqa: E402
from recovery.signs import MEASURES_BY_COLUMN  # noqa: E402

DAYS = quick(transfer.MAX_ROWS, 300)  # the most an import accepts: a century and more
END = dt.date(2025, 12, 31)
FIRST = END - dt.timedelta(days=DAYS - 1)
NOTE_LIMIT = MEASURES_BY_COLUMN["notes"].max_length
# Budgets in seconds on a modest 2-core machine; a person waits this long at most.
BUDGETS = {
    f"check a {DAYS:,}-row CSV": 8.0,
    "import it (one transaction)": 8.0,
    "export it as CSV": 4.0,
    "export it as JSON": 6.0,
    "check the JSON backup": 10.0,
    "refuse it with one bad row in the middle": 8.0,
}
# Peak memory of a fresh process that checks and imports the largest file the app accepts
# (a JSON backup of DAYS days padded with notes to the upload limit): what one import adds
# to a small hosted instance.
IMPORT_MEMORY_BUDGET_MIB = 600
# The whole run (the journal held as CSV, JSON and DuckDB at once).
PEAK_MEMORY_BUDGET_MIB = 1024

_IMPORT_CHILD = """
import resource, sys
sys.path.insert(0, sys.argv[3])
from recovery import storage, transfer
data = open(sys.argv[1], "rb").read()
parsed = transfer.read_file(data, "largest.json", today=__import__("datetime").date(2026, 1, 1))
assert parsed.ok, parsed.problems[:3]
conn = storage.open_database(sys.argv[2])
transfer.apply_import(conn, storage.LOCAL_OWNER, parsed, replace=False)
conn.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _journal_csv() -> bytes:
    values = form.defaults()
    values["notes"] = "Walked to the shop, stiff after sitting"
    conn = storage.open_database(":memory:")
    rows = [(FIRST + dt.timedelta(days=n), values) for n in range(DAYS)]
    storage.save_checkins(conn, storage.LOCAL_OWNER, rows, today=END)
    text = transfer.export_csv(conn, storage.LOCAL_OWNER)
    conn.close()
    return text.encode("utf-8")


def _largest_backup(backup: str) -> bytes:
    """The JSON backup with each day's note lengthened until the file nears the limit."""
    document = json.loads(backup)
    room = (transfer.MAX_BYTES - len(backup.encode())) // DAYS - 8
    for day in document["checkins"]:
        note = (day["notes"] or "") + " "
        # No longer than a note may be (a quick run's few days cannot fill the limit).
        day["notes"] = note + "x" * max(min(room, NOTE_LIMIT - len(note)), 0)
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    assert len(data) <= transfer.MAX_BYTES, len(data)
    return data


def _import_peak_mib(data: bytes, folder: str) -> float:
    source = Path(folder) / "largest.json"
    source.write_bytes(data)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _IMPORT_CHILD,
            str(source),
            str(Path(folder) / "m.duckdb"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def main() -> int:
    """Time each step once and print it beside its budget."""
    data = _journal_csv()
    timings: dict[str, float] = {}
    today = END
    with tempfile.TemporaryDirectory() as folder:
        conn = storage.open_database(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        parsed = transfer.read_file(data, "journal.csv", today=today)
        timings[f"check a {DAYS:,}-row CSV"] = time.perf_counter() - started
        assert parsed.ok, parsed.problems[:3]
        started = time.perf_counter()
        transfer.apply_import(conn, storage.LOCAL_OWNER, parsed, replace=False, today=today)
        timings["import it (one transaction)"] = time.perf_counter() - started
        started = time.perf_counter()
        transfer.export_csv(conn, storage.LOCAL_OWNER)
        timings["export it as CSV"] = time.perf_counter() - started
        started = time.perf_counter()
        backup = transfer.export_json(conn, storage.LOCAL_OWNER)
        timings["export it as JSON"] = time.perf_counter() - started
        started = time.perf_counter()
        transfer.read_file(backup.encode("utf-8"), "journal.json", today=today)
        timings["check the JSON backup"] = time.perf_counter() - started
        lines = data.decode("utf-8").split("\r\n")
        lines[DAYS // 2] = lines[DAYS // 2].replace(",normal,", ",jogging,", 1)
        started = time.perf_counter()
        refused = transfer.read_file("\r\n".join(lines).encode("utf-8"), "bad.csv", today=today)
        timings["refuse it with one bad row in the middle"] = time.perf_counter() - started
        assert refused.problem_count == 1
        conn.close()
        largest = _largest_backup(backup)
        del parsed, refused, lines
        import_peak = _import_peak_mib(largest, folder)
    missed = 0
    print(f"{'step':<45}{'seconds':>9}{'budget':>9}")
    for step, seconds in timings.items():
        over = seconds > BUDGETS[step]
        missed += over
        print(f"{step:<45}{seconds:>9.2f}{BUDGETS[step]:>9.1f}{'  OVER' if over else ''}")
    print(f"CSV size {len(data) / 1e6:.1f} MB, JSON size {len(backup.encode()) / 1e6:.1f} MB")
    over = import_peak > IMPORT_MEMORY_BUDGET_MIB
    missed += over
    print(
        f"{f'peak RSS importing a {len(largest) / 2**20:.0f} MB backup (MiB)':<45}"
        f"{import_peak:>9.0f}{IMPORT_MEMORY_BUDGET_MIB:>9}{'  OVER' if over else ''}"
    )
    # Peak resident memory of this whole process (Linux reports kilobytes).
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    over = peak_mib > PEAK_MEMORY_BUDGET_MIB
    missed += over
    print(
        f"{'peak memory, whole run (MiB)':<45}{peak_mib:>9.0f}{PEAK_MEMORY_BUDGET_MIB:>9}"
        f"{'  OVER' if over else ''}"
    )
    return exit_status(1 if missed else 0)


if __name__ == "__main__":
    sys.exit(main())
