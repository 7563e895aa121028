"""The daily check-in in a real browser: opening it and saving.

On a 10-year journal: from a click on "Daily check-in" in the menu (the app already
loaded, on History) until the form is ready, and from a click on "Save check-in" until the
confirmation shows. Both are timed in the page itself (performance.now): opening ends when
the "Save check-in" button is there, History's table is gone and the script has finished
its run (checked every animation frame).

The budgets apply to that wall time, what the visitor waits for. Printed beside it, to
explain it, never as the budget: the CPU time of the work the visitor waits on, one piece
after another (from /proc): the page's main thread and its compositor thread in Chromium,
the compositor thread of Chromium's GPU process, and the whole server; and the CPU time of
every process and thread together. For a save, CPU is counted until the script's run has
finished, a little after the confirmation shows.

Opening is timed from the menu: a whole reload also parses Streamlit's own scripts, which no
change to this app can speed up (its wall time is printed for reference). Twenty people
saving at once on a shared link is bench/bench_shared_saves.py, with websocket clients in
place of browser tabs.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE,
    MENU_LINK,
    Budgets,
    Server,
    click_menu_until,
    critical_path_cpu_ms,
    make_journal,
    quick,
    tree_cpu_ms,
)

from recovery import storage  # noqa: E402

RUNS = quick(5, 1)
OPEN_BUDGET_MS = 300
SAVE_BUDGET_MS = 300
DESKTOP = {"width": 1280, "height": 900}

# The check-in form is ready: its "Save check-in" button drawn, History's table gone and the
# script's run finished.
FORM_READY = """(
  [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Save check-in'))
  && !document.querySelector('[data-testid="stDataFrame"]')
  && document.querySelector('[data-testid="stApp"]')
    .getAttribute('data-test-script-state') === 'notRunning'
)"""

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


@dataclass
class Cpu:
    """CPU milliseconds read off /proc: the work a visitor waits on, and every thread."""

    critical: float
    total: float

    @classmethod
    def now(cls, server: Server) -> Cpu:
        """Both counters as they stand."""
        return cls(critical_path_cpu_ms(server.process.pid), tree_cpu_ms())

    def since(self, server: Server) -> Cpu:
        """What was used from this reading until now."""
        later = Cpu.now(server)
        return Cpu(later.critical - self.critical, later.total - self.total)


def check(budgets: Budgets, name: str, walls: list[float], cpus: list[Cpu], budget: float) -> None:
    """Medians after the warm-up run: wall time in the page against the budget, CPU beside."""
    critical = statistics.median(cpu.critical for cpu in cpus[1:])
    total = statistics.median(cpu.total for cpu in cpus[1:])
    wall = statistics.median(walls[1:])
    budgets.check(
        name, wall, budget, note=f"CPU waited on {critical:.0f} ms; of all threads {total:.0f} ms"
    )


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
    print(f"  (a whole page reload, Streamlit's scripts included: {reload_ms:.0f} ms wall)")
    walls, cpus = [], []
    for _ in range(RUNS + 1):
        open_history(page)
        cpu = Cpu.now(server)
        walls.append(click_menu_until(page, "Daily check-in", FORM_READY))
        cpus.append(cpu.since(server))
    check(budgets, "open the check-in from the menu, 10 years", walls, cpus, OPEN_BUDGET_MS)
    walls, cpus = [], []
    for back in range(RUNS + 1):
        if back:
            pick_day(page, dt.date.today() - dt.timedelta(days=back))
        cpu = Cpu.now(server)
        walls.append(page.evaluate(SAVE_AND_WAIT))
        page.wait_for_selector(IDLE)
        cpus.append(cpu.since(server))
    check(budgets, "save to confirmation, 10 years", walls, cpus, SAVE_BUDGET_MS)
    context.close()


def open_history(page: object) -> None:
    """Go to History from the menu and wait until its table is drawn and the run is over."""
    page.locator(MENU_LINK).filter(has_text="History").first.click()
    page.get_by_test_id("stDataFrame").wait_for(timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def main() -> int:
    from playwright.sync_api import sync_playwright

    budgets = Budgets("Daily check-in in the browser")
    end = dt.date.today()
    print(f"Daily check-in in Chromium, real servers, median of {RUNS} after a warm-up\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long" / "journal.duckdb"
        path.parent.mkdir()
        make_journal(path, storage.LOCAL_OWNER, quick(3650, 30), end - dt.timedelta(days=1))
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
