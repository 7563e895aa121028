"""Hostile uploads on a public link: what each costs, and what another visitor waits.

For every hostile file (the probes of the public-link review, and a few more), a fresh
process reads it as the Data page does and reports its CPU time and the memory the read
added; each must be refused within 2 s of CPU and 300 MB. Then, on a real shared-link
server, a visitor clicks Progress (wall time in the page, until seven charts are drawn)
while idle and again while two other visitors upload the heaviest hostile files; the ratio
must stay under 1.5.

Run with `make bench` (or `python bench/bench_hostile.py`). Exits 1 if a figure is over.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from support import (
    CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    MENU_LINK,
    NO_PROGRESS_CHART,
    ROOT,
    Budgets,
    Server,
    click_menu_until,
    journal_rows,
    quick,
    wait_idle,
)

from recovery import config, owners, storage, transfer  # noqa: E402

TIME_BUDGET_S = 2.0
MEMORY_BUDGET_MB = 300
SLOWDOWN_BUDGET = 1.5
RUNS = quick(5, 1)
# Just under the upload limit: the largest file a visitor can send (the browser's uploader
# counts a megabyte as 1,000,000 bytes).
NEAR_LIMIT = quick(transfer.MAX_UPLOAD_MB * 1_000_000 - 1_000_000, 200_000)
HEADER = f'{{"format": "seven-signs-journal", "schema_version": {storage.SCHEMA_VERSION}, '


def _repeat(piece: str, size: int) -> str:
    return piece * (size // len(piece))


def _day(**fields: object) -> dict[str, object]:
    return {"date": "2026-01-05", "leg_pain": 3, **fields}


# name -> (file name, a function making its bytes)
HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "CSV header of 100,000 made-up names (1.4 MB)": (
        "wide.csv",
        lambda: (",".join(f"column{n}" for n in range(100_000)) + "\n").encode(),
    ),
    "CSV header of made-up names to the upload limit": (
        "widest.csv",
        lambda: _repeat("x,", NEAR_LIMIT).encode() + b"\n",
    ),
    "CSV of one cell to the upload limit": (
        "cell.csv",
        lambda: b"date,notes\n2026-01-05," + b"y" * NEAR_LIMIT + b"\n",
    ),
    "CSV of empty rows to the upload limit": (
        "rows.csv",
        lambda: b"date,leg_pain\n" + _repeat("2026-01-05,3\n", NEAR_LIMIT).encode(),
    ),
    "JSON day with 50,000 made-up keys (1.1 MB)": (
        "keys.json",
        lambda: (
            HEADER + '"checkins": [' + json.dumps({f"k{n}": 0 for n in range(50_000)}) + "]}"
        ).encode(),
    ),
    "JSON backup of empty days to the upload limit": (
        "empty.json",
        lambda: (HEADER + '"checkins": [' + _repeat("{},", NEAR_LIMIT) + "{}]}").encode(),
    ),
    "JSON day whose batch label fills the upload limit": (
        "batch.json",
        lambda: (
            HEADER + '"checkins": [' + json.dumps(_day(batch="b" * NEAR_LIMIT)) + "]}"
        ).encode(),
    ),
    "JSON field a backup lacks, to the upload limit": (
        "padding.json",
        lambda: (
            HEADER + '"padding": [' + _repeat("0,", NEAR_LIMIT) + '0], "checkins": []}'
        ).encode(),
    ),
    "JSON day of one list to the upload limit": (
        "list.json",
        lambda: (
            HEADER + '"checkins": [{"notes": [' + _repeat("0,", NEAR_LIMIT) + "0]}]}"
        ).encode(),
    ),
    "JSON nested 100,000 brackets deep": (
        "deep.json",
        lambda: (HEADER + '"checkins": [' + "[" * 100_000 + "]" * 100_000 + "]}").encode(),
    ),
}

# Time (wall, and CPU beside it) on a plain run; memory on a second run under tracemalloc
# (which slows it),
# as the peak of what Python allocated while reading, the decoded text included.
_CHILD = """
import sys, time, json, tracemalloc
sys.path.insert(0, sys.argv[2])
from recovery import transfer
data = open(sys.argv[1], "rb").read()
cpu, wall = time.process_time(), time.perf_counter()
parsed = transfer.read_file(data, sys.argv[1])
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
del parsed
tracemalloc.start()
parsed = transfer.read_file(data, sys.argv[1])
added = tracemalloc.get_traced_memory()[1] / 1024 / 1024
print(json.dumps({"cpu": cpu, "wall": wall, "added_mib": added, "refused": not parsed.ok,
                  "said": parsed.problems[0].message[:90] if parsed.problems else ""}))
"""


def file_costs(folder: Path, budgets: Budgets) -> list[Path]:
    """Read each hostile file in a fresh process; print its CPU and memory against budget."""
    paths = []
    for name, (file_name, make) in HOSTILE.items():
        path = folder / file_name
        path.write_bytes(make())
        paths.append(path)
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(out.stdout)
        said = "refused: " + figures["said"] if figures["refused"] else "NOT REFUSED"
        note = f"CPU {figures['cpu']:.2f} s; {said}"
        budgets.check(f"{name}: time to read", figures["wall"], TIME_BUDGET_S, unit="s", note=note)
        budgets.check(f"{name}: memory added", figures["added_mib"], MEMORY_BUDGET_MB, unit="MB")
        if not figures["refused"]:
            budgets.check(f"{name}: refused", 1, 0, unit="")
    return paths


def _progress_click(page: object) -> float:
    millis = click_menu_until(page, "Progress", CHARTS_DRAWN)
    wait_idle(page)
    page.locator(MENU_LINK).filter(has_text="Daily check-in").first.click()
    wait_idle(page)
    page.wait_for_function(NO_PROGRESS_CHART, timeout=60_000)
    return millis


def _upload(tabs: list, files: list[Path], wait: bool = True) -> None:
    """Each tab sends its hostile file; with ``wait``, until each has said it was refused."""
    for tab, hostile in zip(tabs, files, strict=True):
        tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            str(hostile)
        )
    if wait:
        for tab in tabs:
            tab.get_by_text("Nothing was imported").first.wait_for(timeout=60_000)
            wait_idle(tab)


def slowdown(folder: Path, heaviest: list[Path], budgets: Budgets) -> None:
    """Another visitor's Progress, idle and while two uploads of hostile files are read."""
    from playwright.sync_api import sync_playwright

    path = folder / "shared" / "journal.duckdb"
    path.parent.mkdir()
    secret = config.link_secret(str(path))
    visitor = owners.new_link_token(secret)
    conn = storage.open_database(path)
    end = dt.date.today() - dt.timedelta(days=1)
    storage.save_checkins(conn, owners.owner_for_link(visitor), journal_rows(end, 365), today=end)
    conn.close()
    server = Server(path, env={"RECOVERY_MODE": "shared"})
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{server.url}/?journal={visitor}")
            page.locator(MENU_LINK).filter(has_text="Progress").first.wait_for(timeout=60_000)
            wait_idle(page)
            attackers = []
            for _ in heaviest:
                tab = browser.new_page()
                tab.goto(f"{server.url}/data")
                tab.locator('[data-testid="stFileUploader"] input[type="file"]').wait_for(
                    state="attached", timeout=60_000
                )
                wait_idle(tab)
                attackers.append(tab)
            for _ in range(2):
                _progress_click(page)  # warm the server and the browser
            idle = [_progress_click(page) for _ in range(RUNS)]
            # How long an upload takes to be read and refused, alone: the visitor then
            # clicks a third of the way in, while both files are being read.
            started = time.perf_counter()
            _upload(attackers, heaviest)
            refused_after = time.perf_counter() - started
            loaded = []
            for _ in range(RUNS):
                _upload(attackers, heaviest, wait=False)
                page.wait_for_timeout(refused_after * 1000 / 3)
                loaded.append(_progress_click(page))
                for tab in attackers:
                    tab.get_by_text("Nothing was imported").first.wait_for(timeout=60_000)
                    wait_idle(tab)
            browser.close()
    finally:
        server.stop()
    idle_ms, loaded_ms = statistics.median(idle), statistics.median(loaded)
    print(f"  (two uploads alone were read and refused in {refused_after:.2f} s)")
    budgets.check(
        "another visitor's Progress while 2 hostile uploads are read (x idle)",
        loaded_ms / idle_ms,
        SLOWDOWN_BUDGET,
        unit="x",
        note=f"idle {idle_ms:.0f} ms, during uploads {loaded_ms:.0f} ms (wall, in the page)",
    )


def main() -> int:
    budgets = Budgets("Hostile uploads")
    print(f"{budgets.title} (each read in a fresh process; a visitor's wall time in the page)\n")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        paths = file_costs(base, budgets)
        by_name = {path.name: path for path in paths}
        slowdown(base, [by_name["empty.json"], by_name["widest.csv"]], budgets)
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
