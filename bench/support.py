"""Shared by the benchmark scripts: journals of any length, timing, budgets and a live server.

Not a benchmark itself (``make bench`` runs bench/bench_*.py).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recovery import example, storage  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401 (re-exported)
from tests.browser.conftest import Server as BrowserTestServer  # noqa: E402
from tests.browser.helpers import IDLE  # noqa: E402, F401 (re-exported)

# BENCH_QUICK=1: tiny journals, one run, budgets printed but not enforced. The test suite
# runs every bench script so, so that a change that breaks a benchmark fails CI
# (tests/test_benchmarks.py); the figures then mean nothing.
QUICK = os.environ.get("BENCH_QUICK") == "1"


def quick(full: int, small: int) -> int:
    """``small`` in quick mode, else ``full`` (a size or a number of runs)."""
    return small if QUICK else full


def exit_status(status: int) -> int:
    """The script's exit status: always 0 in quick mode, where budgets are not enforced."""
    if QUICK:
        print("(quick mode: a check that the benchmark runs; budgets not enforced)")
        return 0
    return status


# The app's menu: along the top on a local journal, page links in the sidebar on a shared
# link (which carry the journal's key).
MENU_LINK = (
    '[data-testid="stTopNavLink"], [data-testid="stSidebarNavLink"], '
    '[data-testid="stPageLink-NavLink"]'
)


# Clicks a menu link, then checks once a frame until READY (a JavaScript expression) holds.
# Timed in the page with performance.now, so no round trip to Playwright's driver counts.
_CLICK_UNTIL = """
async ([title, menuLink]) => {
  const link = [...document.querySelectorAll(menuLink)]
    .find((a) => a.textContent.includes(title));
  const ready = () => READY;
  const started = performance.now();
  link.click();
  await new Promise((done) => {
    const check = () => (ready() ? done() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  return performance.now() - started;
}
"""


# Seven charts have drawn their canvas: the Progress page, as a visitor sees it.
CHARTS_DRAWN = """(
  [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .filter((c) => !c.closest('.st-key-chart_warmup'))
    .filter((c) => { const k = c.querySelector('canvas, svg.marks'); return k && k.width; })
    .length >= 7
)"""


# No Progress chart is left on the page (the check-in's hidden warm-up chart does not count).
NO_PROGRESS_CHART = """(
  ![...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .some((c) => !c.closest('.st-key-chart_warmup'))
)"""


def wait_idle(page: object) -> None:
    """Wait until the script has finished its run (twice, as Streamlit may rerun)."""
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_timeout(100)
    page.wait_for_selector(IDLE, timeout=120_000)


def click_menu_until(page: object, title: str, ready: str) -> float:
    """Milliseconds in the page from a click on the menu link ``title`` until ``ready``
    (a JavaScript expression) is true."""
    return page.evaluate(_CLICK_UNTIL.replace("READY", ready), [title, MENU_LINK])


def journal_rows(end: dt.date, days: int) -> list[tuple[dt.date, dict[str, object]]]:
    """``days`` daily check-ins ending on ``end``: example recoveries back to back."""
    rows: list[tuple[dt.date, dict[str, object]]] = []
    block_end = end
    seed = 1
    while len(rows) < days:
        rows = example.example_days(block_end, seed=seed) + rows
        block_end -= dt.timedelta(days=example.DEFAULT_DAYS)
        seed += 1
    return rows[-days:]


def make_journal(path: Path, owner: str, days: int, end: dt.date) -> None:
    """A journal file holding ``days`` check-ins of one owner, ending on ``end``."""
    conn = storage.open_database(path)
    storage.save_checkins(conn, owner, journal_rows(end, days), today=end)
    conn.close()


def cpu_ms() -> float:
    """CPU time of this process so far (user and system), in milliseconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


def median_of(runs: int, action: Callable[[], object], *, warm: int = 1) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``action`` over ``runs`` runs, after warm-ups."""
    for _ in range(warm):
        action()
    walls, cpus = [], []
    for _ in range(runs):
        wall0, cpu0 = time.perf_counter(), cpu_ms()
        action()
        walls.append((time.perf_counter() - wall0) * 1000)
        cpus.append(cpu_ms() - cpu0)
    return statistics.median(walls), statistics.median(cpus)


@dataclass
class Budgets:
    """Figures printed next to their budgets; ``failed`` says whether any was over."""

    title: str
    lines: list[tuple[str, float, float, str, str]] = field(default_factory=list)

    def check(
        self, name: str, value: float, budget: float, unit: str = "ms", note: str = ""
    ) -> bool:
        """Record and print one figure against its budget (lower is better)."""
        self.lines.append((name, value, budget, unit, note))
        verdict = "PASS" if value <= budget else "OVER"
        print(
            f"  {name:<52} {value:9.2f} {unit:<3} budget {budget:8.2f} {unit:<3} {verdict}  {note}"
        )
        sys.stdout.flush()
        return value <= budget

    @property
    def failed(self) -> int:
        """How many figures were over budget."""
        return sum(1 for _, value, budget, _, _ in self.lines if value > budget)

    def finish(self) -> int:
        """Print the tally; the exit status for the script (1 when anything is over)."""
        total = len(self.lines)
        print(f"\n{self.title}: {total - self.failed} of {total} within budget.\n")
        return exit_status(1 if self.failed else 0)


def _stat_cpu_ms(stat: Path) -> float:
    """User plus system CPU milliseconds in one /proc ``stat`` file (a process or a thread)."""
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _descendants() -> list[int]:
    """Process ids of every process this one started (directly or not) and still running."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parents[int(entry.name)] = int(
                (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
            )
        except OSError:
            continue
    mine = {os.getpid()}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                grew = True
    mine.discard(os.getpid())
    return sorted(mine)


def tree_cpu_ms() -> float:
    """CPU time (user and system, milliseconds) of every process this one started and is
    still running: the server, Chromium's processes and Playwright's driver, all threads."""
    used = 0.0
    for pid in _descendants():
        try:
            used += _stat_cpu_ms(Path(f"/proc/{pid}/stat"))
        except OSError:
            continue
    return used


# The Chromium threads a visitor waits on, by process type: None stands for the main thread
# (its id is the process's own; it carries the process's name, "chromium"). Thread names
# in /proc are cut to 15 characters ("VizCompositorThread" reads "VizCompositorTh").
_CRITICAL_THREADS: dict[str, tuple[str | None, ...]] = {
    "--type=renderer": (None, "Compositor"),
    "--type=gpu-process": ("VizCompositorTh",),
}


def critical_path_cpu_ms(server_pid: int) -> float:
    """CPU ms so far of what a visitor waits on in turn: pages' main and compositor threads,
    the GPU process's compositor thread and the whole server process."""
    # Why not every thread: Chromium's worker threads (V8 compiling in the background, the
    # garbage collector's helpers) run beside the main thread on the other core, and
    # Playwright's driver is no part of a visit; summing them all counts ~1.7x the wait.
    used = _stat_cpu_ms(Path(f"/proc/{server_pid}/stat"))
    for pid in _descendants():
        try:
            # Chromium rewrites its command line as one string, so split on spaces too.
            args = (
                Path(f"/proc/{pid}/cmdline")
                .read_bytes()
                .replace(b"\0", b" ")
                .decode(errors="replace")
                .split()
            )
            wanted = [names for kind, names in _CRITICAL_THREADS.items() if kind in args]
            if not wanted:
                continue
            for task in Path(f"/proc/{pid}/task").iterdir():
                name = None if task.name == str(pid) else (task / "comm").read_text().strip()
                if name in wanted[0]:
                    used += _stat_cpu_ms(task / "stat")
        except OSError:  # a process or thread that ended meanwhile
            continue
    return used


class Server(BrowserTestServer):
    """The browser tests' ``streamlit run`` server, with figures read off its process."""

    def cpu_ms(self) -> float:
        """CPU time the server process has used so far, in milliseconds."""
        return _stat_cpu_ms(Path(f"/proc/{self.process.pid}/stat"))

    def rss_mb(self) -> float:
        """The server's resident memory, in MiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0
