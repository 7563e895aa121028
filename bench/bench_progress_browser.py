"""Progress in a real browser: from a click on "Progress" until seven charts are drawn.

Starts real ``streamlit run`` servers (the app on a 30-day and a 10-year journal, and the
naive baseline of bench/naive_progress.py on the 30-day one), drives Debian's Chromium
with Playwright, and times in the page itself (performance.now) from the click until all
seven charts have drawn their canvas.

The budget applies to the CPU time of the work the visitor waits on, one piece after
another (from /proc, which stays steady when other programs keep the shared machine busy,
as wall time does not): the page's main thread and its compositor thread in Chromium, the
compositor thread of Chromium's GPU process, and the whole server. Left out are Chromium's
helper threads (V8 compiling scripts in the background, the garbage collector's helpers),
which run at the same time on the other core and so add nothing to the wait, and
Playwright's driver, which no visitor has. Printed beside it: the wall time measured in the
page, and the CPU time of every process and thread together. Also: the server's CPU per
click, a cold start against a warm load, and the server's memory with 20 visitors of a
shared link open on Progress, each with a 10-year journal.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import (  # noqa: E402
    CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    MENU_LINK,
    ROOT,
    Budgets,
    Server,
    click_menu_until,
    critical_path_cpu_ms,
    journal_rows,
    make_journal,
    quick,
    tree_cpu_ms,
    wait_idle,
)

from recovery import config, owners, storage  # noqa: E402

RUNS = quick(5, 1)
CLICK_BUDGET_MS = 400
NAIVE_RATIO = 0.7
SERVER_CPU_BUDGET_MS = 120
COLD_RATIO = 2.0
VISITORS = quick(20, 2)
MEMORY_BUDGET_MB = 700
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Click:
    """Medians per click on Progress until seven charts are drawn, in milliseconds."""

    wall: float  # measured in the page
    critical: float  # CPU of the work the visitor waits on (support.critical_path_cpu_ms)
    total: float  # CPU of every process and thread the bench started
    server: float  # CPU of the server alone


def click_timings(browser: object, server: Server, url: str = "") -> Click:
    """Click on Progress and wait for seven charts, ``RUNS`` times after two warm-ups."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(server.url + url)
    page.locator(MENU_LINK).filter(has_text="Progress").first.wait_for()
    wait_idle(page)
    runs: list[tuple[float, float, float, float]] = []
    for run in range(RUNS + 2):
        cpu = server.cpu_ms()
        critical = critical_path_cpu_ms(server.process.pid)
        total = tree_cpu_ms()
        millis = click_menu_until(page, "Progress", CHARTS_DRAWN)
        critical = critical_path_cpu_ms(server.process.pid) - critical
        total = tree_cpu_ms() - total
        wait_idle(page)
        if run >= 2:  # the first two warm the server and the browser
            runs.append((millis, critical, total, server.cpu_ms() - cpu))
        page.locator(MENU_LINK).filter(has_text="Daily check-in").first.click()
        wait_idle(page)
        page.wait_for_function(
            "!document.querySelector('[data-testid=\"stVegaLiteChart\"]')", timeout=30_000
        )
    context.close()
    return Click(*(statistics.median(column) for column in zip(*runs, strict=True)))


def load_time(browser: object, url: str) -> float:
    """Milliseconds from opening the app in a new tab until its first page is idle."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.get_by_role("button", name="Save check-in").wait_for()
    wait_idle(page)
    millis = (time.perf_counter() - started) * 1000
    context.close()
    return millis


def shared_file(path: Path, tokens: list[str], days: int, end: dt.date) -> None:
    """A shared-link journal file with one ``days``-long journal per link token."""
    conn = storage.open_database(path)
    rows = journal_rows(end, days)
    for token in tokens:
        storage.save_checkins(conn, owners.owner_for_link(token), rows, today=end)
    conn.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    budgets = Budgets("Progress in the browser")
    end = dt.date.today()
    print(
        f"Progress in Chromium, real servers, median of {RUNS} clicks after 2 warm-ups; "
        "CPU from /proc\n"
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base = Path(folder)
        journals = {"30 days": 30, "10 years": 3650}
        clicks = {}
        for label, days in journals.items():
            path = base / label.replace(" ", "") / "journal.duckdb"
            path.parent.mkdir()
            make_journal(path, storage.LOCAL_OWNER, days, end)
            server = Server(path)
            server.start()
            try:
                if label == "10 years":
                    cold = load_time(browser, server.url)
                    warm = statistics.median(load_time(browser, server.url) for _ in range(3))
                click = click_timings(browser, server)
            finally:
                server.stop()
            clicks[label] = click
            budgets.check(
                f"click to 7 charts drawn, {label} (CPU waited on)",
                click.critical,
                CLICK_BUDGET_MS,
                note=f"wall {click.wall:.0f} ms; CPU of all threads {click.total:.0f} ms",
            )
            budgets.check(
                f"server CPU per Progress click, {label}", click.server, SERVER_CPU_BUDGET_MS
            )
        budgets.check(
            "cold start / warm load (first page, 10 years)",
            cold / warm,
            COLD_RATIO,
            unit="x",
            note=f"cold {cold:.0f} ms, warm {warm:.0f} ms",
        )
        naive_path = base / "naive" / "journal.duckdb"
        naive_path.parent.mkdir()
        shutil.copy(base / "30days" / "journal.duckdb", naive_path)
        naive = Server(naive_path, script=ROOT / "bench" / "naive_progress.py")
        naive.start()
        try:
            naive_click = click_timings(browser, naive)
        finally:
            naive.stop()
        budgets.check(
            "click to charts, app / naive page, 30 days (CPU waited on)",
            clicks["30 days"].critical / naive_click.critical,
            NAIVE_RATIO,
            unit="x",
            note=f"naive {naive_click.critical:.0f} ms CPU waited on, "
            f"{naive_click.wall:.0f} ms wall, {naive_click.total:.0f} ms CPU of all threads",
        )

        shared_path = base / "shared" / "journal.duckdb"
        shared_path.parent.mkdir()
        # Links signed with the key the server will read from beside the journal file.
        secret = config.link_secret(str(shared_path))
        tokens = [owners.new_link_token(secret) for _ in range(VISITORS)]
        shared_file(shared_path, tokens, 3650, end)
        server = Server(shared_path, env={"RECOVERY_MODE": "shared"})
        server.start()
        contexts = []
        try:
            for token in tokens:
                context = browser.new_context(viewport=DESKTOP)
                page = context.new_page()
                page.goto(f"{server.url}/progress?journal={token}")
                contexts.append((context, page))
            for _, page in contexts:
                page.get_by_test_id("stVegaLiteChart").nth(6).wait_for(timeout=120_000)
                wait_idle(page)
            memory = server.rss_mb()
        finally:
            for context, _ in contexts:
                context.close()
            server.stop()
        budgets.check(
            f"server memory, {VISITORS} visitors on Progress (10 years each)",
            memory,
            MEMORY_BUDGET_MB,
            unit="MB",
        )
        browser.close()
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
