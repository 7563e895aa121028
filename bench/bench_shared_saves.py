"""20 people saving check-ins at the same time on a shared link, measured at the server.

Each visitor is a websocket client (bench/ws_visitor.py) speaking Streamlit's own protocol,
not a browser: 20 Chromium tabs on a 2-core machine spend most of the time drawing, and
then the figure says more about the tabs than about the server. Every visitor opens the
check-in on the shared link (RECOVERY_MODE=shared; each gets its own private journal, which
is written at its first save), and then all of them, at once, answer the questions and
click "Save check-in" for 5 different days. Timed from sending the click until the
confirmation ("Saved your check-in ...") arrives. Afterwards the journal file is read to
check that every one of the 100 check-ins was stored.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import Budgets, Server, quick  # noqa: E402
from ws_visitor import Visitor  # noqa: E402

from recovery import storage  # noqa: E402

VISITORS = quick(20, 2)
SAVES_EACH = quick(5, 1)
P95_BUDGET_MS = 1500
ANSWERS = {
    "leg_pain": 4,
    "back_pain": 3,
    "pain_episodes": 2.0,
    "bending": 5,
    "walk_minutes": 30.0,
    "numbness": 2,
    "leg_strength": 7,
    "sleep_quality": 6,
    "night_wakings": 1.0,
}


async def open_visitor(url: str) -> Visitor:
    """A visitor with the check-in open on the shared link (no query: a new journal)."""
    visitor = Visitor(url)
    await visitor.connect()
    await visitor.run()
    return visitor


async def save_days(visitor: Visitor, today: dt.date, go: asyncio.Event) -> list[float]:
    """SAVES_EACH different days answered and saved; ms from each click to its confirmation."""
    await go.wait()
    timings = []
    for back in range(SAVES_EACH):
        if back:
            await visitor.run(visitor.pick_day(today - dt.timedelta(days=back)))
        millis, confirmed = await visitor.run([*visitor.answers(ANSWERS), visitor.save_click()])
        if not confirmed:
            raise RuntimeError("a save ended without its confirmation")
        timings.append(millis)
    return timings


async def crowd(server: Server) -> tuple[list[float], float, float]:
    """Every visitor connected (one after another), then all saving at once: the timings,
    the wall ms until all were saved, and the server's CPU ms meanwhile."""
    visitors = [await open_visitor(server.url) for _ in range(VISITORS)]
    today = dt.date.today()
    go = asyncio.Event()
    tasks = [asyncio.create_task(save_days(v, today, go)) for v in visitors]
    started, cpu = time.perf_counter(), server.cpu_ms()
    go.set()
    results = await asyncio.gather(*tasks)
    wall, cpu = (time.perf_counter() - started) * 1000, server.cpu_ms() - cpu
    for visitor in visitors:
        await visitor.close()
    return [millis for timings in results for millis in timings], wall, cpu


def stored_checkins(path: Path) -> int:
    """Check-ins in the journal file holding the answers sent, every visitor together."""
    conn = storage.open_database(path)
    try:
        query = "SELECT count(*) FROM checkins WHERE leg_pain = ? AND walk_minutes = ?"
        return conn.execute(query, [ANSWERS["leg_pain"], ANSWERS["walk_minutes"]]).fetchone()[0]
    finally:
        conn.close()


def main() -> int:
    budgets = Budgets("Shared link, saves at once")
    total = VISITORS * SAVES_EACH
    print(f"{VISITORS} visitors x {SAVES_EACH} saves at once on a shared link, websocket clients\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.duckdb"
        storage.open_database(path).close()
        server = Server(path, env={"RECOVERY_MODE": "shared"})
        server.start()
        try:
            timings, wall, cpu = asyncio.run(crowd(server))
        finally:
            server.stop()
        stored = stored_checkins(path)
    p95 = statistics.quantiles(timings, n=20)[-1]
    budgets.check(
        f"{VISITORS} visitors x {SAVES_EACH} saves at once: p95 confirmation",
        p95,
        P95_BUDGET_MS,
        note=f"median {statistics.median(timings):.0f} ms, all {total} in {wall / 1000:.1f} s wall",
    )
    budgets.check(
        f"check-ins missing after {total} saves",
        total - stored,
        0,
        unit="",
        note=f"{stored} of {total} stored; server CPU {cpu / total:.0f} ms a save "
        "(its change of day included)",
    )
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
