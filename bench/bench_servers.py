"""Several app servers on one PostgreSQL database: saves at once, and Progress against a file.

Starts a PostgreSQL server in a temporary folder (Debian's package, as the tests do), then:
1. one `streamlit run` in shared mode on it, and 20 websocket visitors (bench/ws_visitor.py)
   each saving 5 days at once: save-to-confirmation p50/p95 and saves per second;
2. two servers on the same database, the visitors split between them: the same figures,
   the CPU both servers spent per save, and every check-in found under its own owner;
3. what the Progress page reads and computes for a five-year journal (the comparison, the
   stage and the chart series), from PostgreSQL against the same journal in a DuckDB file.
Budgets: p95 save at most 1.5 s with 20 visitors; Progress on PostgreSQL at most 2x the file.
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

from bench_shared_saves import ANSWERS, SAVES_EACH, VISITORS, open_visitor, save_days  # noqa: E402
from support import Budgets, Server, median_of, quick  # noqa: E402

from recovery import analysis, example, storage  # noqa: E402
from recovery.analysis import stage  # noqa: E402
from tests.postgres import running_server  # noqa: E402

P95_BUDGET_MS = 1500
PROGRESS_RATIO_BUDGET = 2.0
SECRET = "bench-link-secret-" + "k" * 40
YEARS = quick(5, 1)
OWNER = "bench"


async def crowd(servers: list[Server]) -> tuple[list[float], float, float]:
    """Visitors spread over the servers, all saving at once: timings, wall ms, CPU ms."""
    visitors = [await open_visitor(servers[i % len(servers)].url) for i in range(VISITORS)]
    go = asyncio.Event()
    today = dt.date.today()
    tasks = [asyncio.create_task(save_days(v, today, go)) for v in visitors]
    cpu = sum(s.cpu_ms() for s in servers)
    started = time.perf_counter()
    go.set()
    results = await asyncio.gather(*tasks)
    wall = (time.perf_counter() - started) * 1000
    cpu = sum(s.cpu_ms() for s in servers) - cpu
    for visitor in visitors:
        await visitor.close()
    return [ms for timings in results for ms in timings], wall, cpu


def owners_complete(address: str) -> tuple[int, int]:
    """(owners holding exactly SAVES_EACH of the answers sent, check-ins holding them)."""
    conn = storage.open_database(address)
    try:
        with conn.cursor() as cur:
            rows = cur.execute(
                "SELECT owner, count(*) FROM checkins WHERE leg_pain = ? AND walk_minutes = ? "
                "GROUP BY owner",
                [ANSWERS["leg_pain"], ANSWERS["walk_minutes"]],
            ).fetchall()
    finally:
        conn.close()
    return sum(1 for _, n in rows if n == SAVES_EACH), sum(n for _, n in rows)


def saves(budgets: Budgets, folder: Path, address: str, count: int) -> None:
    """Phase 1 or 2: ``count`` servers on the database at ``address``."""
    env = {"RECOVERY_DB": address, "RECOVERY_MODE": "shared", "RECOVERY_LINK_SECRET": SECRET}
    servers = [Server(folder / f"server{i}.duckdb", env=env) for i in range(count)]
    for server in servers:
        server.start()
    try:
        timings, wall, cpu = asyncio.run(crowd(servers))
    finally:
        for server in servers:
            server.stop()
    total = VISITORS * SAVES_EACH
    owners, stored = owners_complete(address)
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    budgets.check(
        f"{count} server(s), {VISITORS} visitors x {SAVES_EACH} saves: p95",
        p95,
        P95_BUDGET_MS,
        note=f"median {statistics.median(timings):.0f} ms, {total / (wall / 1000):.1f} saves/s, "
        f"CPU {cpu / total:.0f} ms a save",
    )
    budgets.check(
        f"{count} server(s): check-ins missing or misplaced",
        total - stored + VISITORS - owners,
        0,
        unit="",
        note=f"{stored} of {total} stored, {owners} of {VISITORS} owners complete",
    )


def progress_ms(conn: object, end: dt.date) -> float:
    """Median ms of what the Progress page reads and computes for one journal."""

    def page() -> object:
        comparison = analysis.compare_signs(conn, OWNER, end=end)
        stage.estimate_stage(conn, OWNER, today=end)
        return comparison, storage.load_checkins(conn, OWNER)

    return median_of(quick(7, 1), page)[0]


def progress(budgets: Budgets, folder: Path, address: str) -> None:
    """Phase 3: the same five-year journal in a file and in PostgreSQL."""
    end = dt.date.today()
    rows: list = []
    block_end, seed = end, 1
    while len(rows) < YEARS * 365:
        rows = example.example_days(block_end, seed=seed) + rows
        block_end -= dt.timedelta(days=example.DEFAULT_DAYS)
        seed += 1
    figures = {}
    for name, target in (("file", str(folder / "progress.duckdb")), ("postgres", address)):
        conn = storage.open_database(target)
        storage.save_checkins(conn, OWNER, rows, batch="bench")
        figures[name] = progress_ms(conn, end)
        conn.close()
    budgets.check(
        "Progress reads on PostgreSQL / on a file",
        figures["postgres"] / figures["file"],
        PROGRESS_RATIO_BUDGET,
        unit="x",
        note=f"{figures['postgres']:.0f} ms against {figures['file']:.0f} ms, {len(rows)} days",
    )


def main() -> int:
    budgets = Budgets("Several servers on PostgreSQL")
    print(f"{VISITORS} visitors x {SAVES_EACH} saves, then Progress of {YEARS} year(s)\n")
    with running_server() as postgres, tempfile.TemporaryDirectory() as folder:
        for count in (1, 2):
            saves(budgets, Path(folder), postgres.create_database(f"saves_{count}"), count)
        progress(budgets, Path(folder), postgres.create_database("progress"))
    return budgets.finish()


if __name__ == "__main__":
    raise SystemExit(main())
