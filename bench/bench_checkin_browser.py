"""The daily check-in in a real browser: opening it and saving.

On a 10-year journal: from opening the address (browser cache warm, as on a second visit)
until the form is ready, and from a click on "Save check-in" until the confirmation shows.
Each is reported as wall time and as CPU time of the server and Chromium together (from
/proc), which stays steady on a busy shared machine; the budget applies to the CPU time.
Opening is timed from a click in the menu (the app already loaded): a whole reload also
parses Streamlit's own scripts, which no change to this app can speed up. Twenty people
saving at once on a shared link is bench/bench_shared_saves.py, with websocket clients in
place of browser tabs.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE,
    MENU_LINK,
    Budgets,
    Server,
    make_journal,
    tree_cpu_ms,
)

from recovery import storage  # noqa: E402

RUNS = 5
OPEN_BUDGET_MS = 300
SAVE_BUDGET_MS = 300
DESKTOP = {"width": 1280, "height": 900}

# Click "Save check-in" and wait for its confirmation, timed in the page.
SAVE_AND_WAIT = """
async () => {
  const button = [...document.querySelectorAll('button')]
    .find((b) => b.textContent.includes('Save check-in'));
  const confirmed = () => [...document.querySelectorAll('[data-testid="stAlert"]')]
    .some((a) => /(Saved|Updated) your check-in/.test(a.textContent));
  const started = performance.now();
  button.click();
  await new Promise((done) => {
    const check = () => (confirmed() ? done() : setTimeout(check, 5));
    check();
  });
  return performance.now() - started;
}
"""


CONFIRMATION_GONE = """
() => ![...document.querySelectorAll('[data-testid="stAlert"]')]
  .some((a) => /(Saved|Updated) your check-in/.test(a.textContent))
"""


def wait_ready(page: object) -> None:
    """The form is drawn and the script idle."""
    page.get_by_role("button", name="Save check-in").wait_for(timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def pick_day(page: object, day: dt.date) -> None:
    """Choose another day in the form; the last confirmation goes away."""
    # The date field waits folded under "change the day"; it is three segments, and typing
    # into the first fills all of them.
    field = page.get_by_role("spinbutton", name="day, Day of this check-in")
    if not field.is_visible():
        page.get_by_text("change the day").click()
    field.click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Daily check-in").click()  # leaving the field commits it
    page.wait_for_function(CONFIRMATION_GONE)
    page.wait_for_selector(IDLE)


def single_visitor(browser: object, server: Server, budgets: Budgets) -> None:
    """Opening the check-in and saving, one visitor, 10-year journal."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(server.url)
    wait_ready(page)
    started = time.perf_counter()
    page.reload()
    wait_ready(page)
    reload_ms = (time.perf_counter() - started) * 1000
    walls, works = [], []
    for _ in range(RUNS + 1):
        go_to(page, "History")
        cpu, started = tree_cpu_ms(), time.perf_counter()
        go_to(page, "Daily check-in")
        wait_ready(page)
        walls.append((time.perf_counter() - started) * 1000)
        works.append(tree_cpu_ms() - cpu)
    budgets.check(
        "open the check-in from the menu, 10 years (CPU)",
        statistics.median(works[1:]),
        OPEN_BUDGET_MS,
        note=f"wall {statistics.median(walls[1:]):.0f} ms; "
        f"a whole page reload (Streamlit's scripts included) {reload_ms:.0f} ms wall",
    )
    walls, works = [], []
    for back in range(RUNS + 1):
        if back:
            pick_day(page, dt.date.today() - dt.timedelta(days=back))
        cpu = tree_cpu_ms()
        walls.append(page.evaluate(SAVE_AND_WAIT))
        page.wait_for_selector(IDLE)
        works.append(tree_cpu_ms() - cpu)
    budgets.check(
        "save to confirmation, 10 years (CPU)",
        statistics.median(works[1:]),
        SAVE_BUDGET_MS,
        note=f"wall {statistics.median(walls[1:]):.0f} ms",
    )
    context.close()


def go_to(page: object, title: str) -> None:
    """Click a page in the sidebar and wait for its run to finish."""
    page.locator(MENU_LINK).filter(has_text=title).click()
    page.wait_for_timeout(50)
    page.wait_for_selector(IDLE)


def main() -> int:
    from playwright.sync_api import sync_playwright

    budgets = Budgets("Daily check-in in the browser")
    end = dt.date.today()
    print(f"Daily check-in in Chromium, real servers, median of {RUNS} after a warm-up\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long" / "journal.duckdb"
        path.parent.mkdir()
        make_journal(path, storage.LOCAL_OWNER, 3650, end - dt.timedelta(days=1))
        server = Server(path)
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                single_visitor(browser, server, budgets)
                browser.close()
        finally:
            server.stop()

    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
