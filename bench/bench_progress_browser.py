"""Progress in a real browser, as a visitor meets it: the first click of a visit, and later.

Starts real ``streamlit run`` servers (the app on a 30-day and a 10-year journal, and the
naive baseline of bench/naive_progress.py on the same journals) and drives Debian's
Chromium with Playwright. Every figure is wall time measured in the page (performance.now),
median of at least 7 visits, each in a new tab (a new browser context, so nothing is cached
from the visit before):

- opening the app: from navigation until "Save check-in" can be pressed and the script's
  run is over; against the naive page's first load (new tab on Progress until its seven
  charts are drawn);
- first Progress of a visit: the app opened on the check-in, a second to find the menu
  (READING_MS: no person clicks the moment a page appears), then one click on Progress,
  until seven charts are drawn; against the naive page's first click, timed the same way
  in the same run;
- a later click in the same tab (back to the check-in, then Progress again).

Printed beside them, never as budgets: CPU of the work a visitor waits on (the page's main
and compositor threads, the GPU process's compositor thread and the whole server, from
/proc) and the load average, so that a busy machine shows in the output. Also: the server's
memory with 20 visitors of a shared link open on Progress, each with a 10-year journal.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import (  # noqa: E402
    CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    MENU_LINK,
    NO_PROGRESS_CHART,
    ROOT,
    Budgets,
    Server,
    click_menu_until,
    critical_path_cpu_ms,
    journal_rows,
    make_journal,
    quick,
    wait_idle,
)

from recovery import config, owners, storage  # noqa: E402

VISITS = quick(7, 1)
FIRST_CLICK_MS = 500
FIRST_CLICK_RATIO = {"30 days": 0.5, "10 years": 0.3}
LATER_CLICK_MS = 300
OPEN_RATIO = 0.7
VISITORS = quick(20, 2)
MEMORY_BUDGET_MB = 700
DESKTOP = {"width": 1280, "height": 900}
# Between the first page being usable and the first click: a person reading the menu.
READING_MS = 1000

# Checked once a frame from the start of the page's life: the moment (performance.now,
# which counts from navigation) when the first page is usable.
_WATCH_OPEN = """
(() => {
  const ready = () => READY;
  const check = () => {
    if (ready()) { window.__openedAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""

# The check-in can be used: its Save button drawn and the script's run over.
CHECKIN_READY = """(
  !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
  && [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Save check-in'))
)"""


@dataclass
class Visit:
    """One visit's figures, in milliseconds: wall times in the page, CPU beside them."""

    opened: float
    first_click: float
    first_click_cpu: float
    later_click: float


def back_to_start(page: object, title: str) -> None:
    """Back to the first page from the menu; wait until no chart is left."""
    page.locator(MENU_LINK).filter(has_text=title).first.click()
    wait_idle(page)
    page.wait_for_function(NO_PROGRESS_CHART, timeout=30_000)


def visit(browser: object, server: Server, opened_when: str, start_title: str) -> Visit:
    """A new tab: open the app, click Progress, go back, click Progress again."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(_WATCH_OPEN.replace("READY", opened_when))
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_function("window.__openedAt !== undefined", timeout=60_000)
    opened = page.evaluate("window.__openedAt")
    wait_idle(page)
    page.wait_for_timeout(READING_MS)
    wait_idle(page)
    cpu = critical_path_cpu_ms(server.process.pid)
    first = click_menu_until(page, "Progress", CHARTS_DRAWN)
    cpu = critical_path_cpu_ms(server.process.pid) - cpu
    wait_idle(page)
    later = []
    for _ in range(2):
        back_to_start(page, start_title)
        later.append(click_menu_until(page, "Progress", CHARTS_DRAWN))
        wait_idle(page)
    context.close()
    return Visit(opened, first, cpu, min(later))


def first_load(browser: object, server: Server) -> float:
    """The naive page's first load: a new tab on Progress until its charts are drawn."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(_WATCH_OPEN.replace("READY", CHARTS_DRAWN))
    page = context.new_page()
    page.goto(server.url + "/progress")
    page.wait_for_function("window.__openedAt !== undefined", timeout=60_000)
    opened = page.evaluate("window.__openedAt")
    context.close()
    return opened


def median_visit(visits: list[Visit]) -> Visit:
    """The median of each figure."""
    return Visit(*(statistics.median(column) for column in zip(*map(vars_of, visits), strict=True)))


def vars_of(one: Visit) -> tuple[float, ...]:
    """A visit's figures in field order."""
    return (one.opened, one.first_click, one.first_click_cpu, one.later_click)


def load_note() -> str:
    """The machine's load average, so that a busy machine shows in the output."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def measure(browser: object, base: Path, label: str, days: int, end: dt.date) -> tuple[Visit, ...]:
    """The app's and the naive page's visits on one journal, interleaved so that both meet
    the same machine."""
    path = base / label.replace(" ", "") / "journal.duckdb"
    path.parent.mkdir()
    make_journal(path, storage.LOCAL_OWNER, days, end)
    naive_path = base / (label.replace(" ", "") + "-naive") / "journal.duckdb"
    naive_path.parent.mkdir()
    shutil.copy(path, naive_path)
    app = Server(path)
    naive = Server(naive_path, script=ROOT / "bench" / "naive_progress.py")
    app.start()
    naive.start()
    try:
        apps, naives, loads = [], [], []
        for run in range(VISITS + 1):  # the first warms both servers
            one_app = visit(browser, app, CHECKIN_READY, "Daily check-in")
            one_naive = visit(browser, naive, "true", "Daily check-in")
            load = first_load(browser, naive)
            if run:
                apps.append(one_app)
                naives.append(one_naive)
                loads.append(load)
    finally:
        app.stop()
        naive.stop()
    return median_visit(apps), median_visit(naives), statistics.median(loads)


def memory_with_visitors(browser: object, base: Path, end: dt.date) -> float:
    """The server's memory with VISITORS shared-link visitors open on Progress."""
    shared_path = base / "shared" / "journal.duckdb"
    shared_path.parent.mkdir()
    # Links signed with the key the server will read from beside the journal file.
    secret = config.link_secret(str(shared_path))
    tokens = [owners.new_link_token(secret) for _ in range(VISITORS)]
    conn = storage.open_database(shared_path)
    rows = journal_rows(end, quick(3650, 30))
    for token in tokens:
        storage.save_checkins(conn, owners.owner_for_link(token), rows, today=end)
    conn.close()
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
        return server.rss_mb()
    finally:
        for context, _ in contexts:
            context.close()
        server.stop()


def main() -> int:
    from playwright.sync_api import sync_playwright

    budgets = Budgets("Progress in the browser")
    end = dt.date.today()
    print(
        f"Progress in Chromium, real servers, median of {VISITS} visits (each a new tab) "
        f"after a warm-up; wall time in the page. {load_note()}\n"
    )
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base = Path(folder)
        for label, days in {"30 days": quick(30, 10), "10 years": quick(3650, 30)}.items():
            app, naive, naive_load = measure(browser, base, label, days, end)
            rows.append((label, app, naive, naive_load))
            budgets.check(
                f"first Progress of a visit, {label}",
                app.first_click,
                FIRST_CLICK_MS,
                note=f"CPU waited on {app.first_click_cpu:.0f} ms",
            )
            budgets.check(
                f"first Progress, app / naive page, {label}",
                app.first_click / naive.first_click,
                FIRST_CLICK_RATIO[label],
                unit="x",
                note=f"naive {naive.first_click:.0f} ms",
            )
            budgets.check(
                f"a later Progress click, {label}",
                app.later_click,
                LATER_CLICK_MS,
                note=f"naive {naive.later_click:.0f} ms",
            )
            budgets.check(
                f"open the check-in / naive first load, {label}",
                app.opened / naive_load,
                OPEN_RATIO,
                unit="x",
                note=f"check-in {app.opened:.0f} ms, naive Progress {naive_load:.0f} ms",
            )
        budgets.check(
            f"server memory, {VISITORS} visitors on Progress (10 years each)",
            memory_with_visitors(browser, base, end),
            MEMORY_BUDGET_MB,
            unit="MB",
        )
        browser.close()
    print(f"  ({load_note()} at the end)")
    print("\n  journal    what                        app ms   naive ms")
    for label, app, naive, naive_load in rows:
        for what, mine, theirs in (
            ("first Progress of a visit", app.first_click, naive.first_click),
            ("a later Progress click", app.later_click, naive.later_click),
            ("opening the app", app.opened, naive_load),
        ):
            print(f"  {label:<10} {what:<26} {mine:7.0f}  {theirs:8.0f}")
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
