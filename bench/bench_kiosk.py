"""Kiosk memory: the server's size after 50 visitors who close the tab without Start over.

Runs a real `streamlit run` in kiosk mode and opens 50 visits in Chromium, one after the
other, each closed without Start over. Once their rows have expired, one more visitor
arrives (which cleans up) and the server's resident memory is printed beside its budget.
Run with `make bench` (or `python bench/bench_kiosk.py`). Exits 1 if a budget is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from support import exit_status, quick  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402
from tests.browser.helpers import wait_idle  # noqa: E402
from ui.kiosk import ABANDON_MARGIN_SECONDS  # noqa: E402

VISITS = quick(50, 2)
# A short idle time, so abandoned visits expire within the run.
IDLE_SECONDS = 3
EXPIRES_AFTER = 2 * IDLE_SECONDS + ABANDON_MARGIN_SECONDS
# Budgets in MiB on a modest 2-core machine: growth over the server's size after its first
# two visits, and its whole size at the end.
GROWTH_BUDGET_MIB = 40
TOTAL_BUDGET_MIB = 400


def rss_mib(pid: int) -> float:
    """A process's resident memory in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS line")


def visit(browser: object, url: str) -> bool:
    """One visitor: the welcome, today's check-in, then the tab is closed."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    try:
        page.goto(url)
        wait_idle(page)
        page.get_by_role("button", name="Try today's check-in").click()
        page.get_by_role("heading", name="Daily check-in").wait_for(timeout=20_000)
        return True
    except Exception as error:  # a failed visit is counted, and the run goes on
        print(f"  a visit failed: {str(error).splitlines()[0]}")
        return False
    finally:
        context.close()


def main() -> int:
    """Measure the server before and after the abandoned visits; print beside the budgets."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM}; install it to run this benchmark")
        return 1
    folder = Path(tempfile.mkdtemp())
    server = Server(
        db_path=folder / "unused.duckdb",
        env={"RECOVERY_MODE": "kiosk", "RECOVERY_KIOSK_IDLE_SECONDS": str(IDLE_SECONDS)},
    )
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(2):
                visit(browser, server.url)
            time.sleep(2)
            before = rss_mib(server.process.pid)
            started = time.monotonic()
            failed = sum(not visit(browser, server.url) for _ in range(VISITS))
            visits_took = time.monotonic() - started
            during = rss_mib(server.process.pid)
            time.sleep(EXPIRES_AFTER + 2)
            visit(browser, server.url)  # a new visitor's arrival cleans up
            time.sleep(2)
            after = rss_mib(server.process.pid)
            browser.close()
        with urllib.request.urlopen(server.url + "/_stcore/health", timeout=5) as reply:
            healthy = reply.status == 200
    finally:
        server.stop()
    growth = after - before
    print(f"{VISITS} abandoned kiosk visits in {visits_took:.0f} s (server pid, RSS in MiB)")
    print(f"  before the visits                 {before:7.1f}")
    print(f"  right after them                  {during:7.1f}")
    print(f"  after their clean-up              {after:7.1f}   budget {TOTAL_BUDGET_MIB}")
    print(f"  growth                            {growth:7.1f}   budget {GROWTH_BUDGET_MIB}")
    print(f"  visits that failed                {failed:7d}   budget 0")
    ok = healthy and not failed and growth <= GROWTH_BUDGET_MIB and after <= TOTAL_BUDGET_MIB
    print("within budget" if ok else "OVER BUDGET")
    return exit_status(0 if ok else 1)


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
