"""How fast is the progress page on a journal of five years? Prints figures, not a test.

Builds a five-year journal (twenty-two example recoveries back to back, each a fresh
episode, as recurrences are common) in a temporary DuckDB file, then times what the page
does: the comparison, the chart series for each range, the weekly summary and building the
seven charts, each against a budget.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from support import exit_status, quick  # noqa: E402

from recovery import analysis, charts, example, storage  # noqa: E402
from ui import progress_cache  # noqa: E402

YEARS = quick(5, 1)
RUNS = quick(7, 1)
OWNER = "bench"


def five_years(end: dt.date) -> list[tuple[dt.date, dict[str, object]]]:
    """Back-to-back example recoveries ending on ``end``, about five years of days."""
    rows: list[tuple[dt.date, dict[str, object]]] = []
    block_end = end
    seed = 1
    while len(rows) < YEARS * 365:
        rows = example.example_days(block_end, seed=seed) + rows
        block_end -= dt.timedelta(days=example.DEFAULT_DAYS)
        seed += 1
    return rows


def timed(action: Callable[[], object]) -> tuple[float, object]:
    """Median milliseconds over RUNS runs (after one warm-up), and the last result."""
    result = action()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def report(name: str, millis: float, budget: float, note: str = "") -> bool:
    """One line: the figure, its budget and PASS or OVER."""
    verdict = "PASS" if millis <= budget else "OVER"
    print(f"  {name:<44} {millis:8.1f} ms   budget {budget:6.0f} ms   {verdict}  {note}")
    return millis <= budget


def page_run(db_path: Path) -> bool:
    """The whole progress page, as Streamlit runs it (AppTest), on the five-year journal."""
    import logging
    import os

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["RECOVERY_DB"] = str(db_path)
    # The page reads the default owner's journal: point it at the benchmark's rows.
    conn = storage.open_database(db_path)
    with conn.cursor() as cur:
        cur.execute("UPDATE checkins SET owner = ? WHERE owner = ?", [storage.LOCAL_OWNER, OWNER])
    conn.close()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.switch_page("pages/progress.py")

    def run_page() -> object:
        app.run()
        assert not app.exception, app.exception
        return app

    millis, _ = timed(run_page)
    return report("whole progress page (AppTest run)", millis, 1500, "3 months shown")


def main() -> int:
    end = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        conn = storage.open_database(Path(folder) / "bench.duckdb")
        rows = five_years(end)
        started = time.perf_counter()
        storage.save_checkins(conn, OWNER, rows, batch="bench", today=end)
        load_ms = (time.perf_counter() - started) * 1000
        # Another person's rows in the same file, so every query must filter by owner.
        storage.save_checkins(conn, "someone-else", rows[-365:], today=end)
        summary = storage.journal_summary(conn, OWNER)
        print(
            f"Progress page benchmark: {summary.days_logged} days of one journal "
            f"({summary.first_day} to {summary.last_day}), median of {RUNS} runs\n"
        )
        results = [report("save all rows (one transaction)", load_ms, 5000)]

        millis, comparison = timed(lambda: analysis.compare_signs(conn, OWNER))
        results.append(
            report("compare_signs", millis, 200, f"improving in {comparison.improving_count} of 7")
        )
        first, last = comparison.first_day, comparison.last_day
        for choice, (label, _) in analysis.RANGES.items():
            start, stop = analysis.range_bounds(choice, first, last)
            millis, series = timed(lambda s=start, e=stop: analysis.sign_series(conn, OWNER, s, e))
            points = sum(len(s.frame) for s in series.values())
            granularity = next(iter(series.values())).granularity
            results.append(
                report(
                    f"sign_series, {label.lower()}",
                    millis,
                    200,
                    f"{points} points to draw ({granularity})",
                )
            )
        millis, weekly = timed(lambda: analysis.weekly_summary(conn, OWNER))
        results.append(
            report("weekly_summary (pain-free days per week)", millis, 200, f"{len(weekly)} weeks")
        )
        millis, daily = timed(lambda: analysis.daily_series(conn, OWNER))
        results.append(
            report(
                "daily_series, all days (not used by the page)", millis, 500, f"{len(daily)} rows"
            )
        )

        start, stop = analysis.range_bounds("all", first, last)
        series = analysis.sign_series(conn, OWNER, start, stop)

        def build_charts() -> int:
            size = 0
            for key, one in series.items():
                chart = charts.sign_chart(
                    key,
                    one.frame,
                    comparison.signs[key],
                    domain=(start, stop),
                    granularity=one.granularity,
                )
                # As the page draws it: a spec without re-validation, data as Arrow bytes.
                spec = progress_cache.vega_lite_spec(chart)
                data = spec.pop("datasets")
                size += len(json.dumps(spec)) + sum(len(part) for part in data.values())
            return size

        millis, size = timed(build_charts)
        results.append(
            report(
                "build the seven charts, everything",
                millis,
                500,
                f"{size / 1024:.0f} KiB of chart specs",
            )
        )
        conn.close()
        results.append(page_run(Path(folder) / "bench.duckdb"))
    print(f"\n{sum(results)} of {len(results)} within budget.")
    return exit_status(0 if sum(results) == len(results) else 1)


if __name__ == "__main__":
    raise SystemExit(main())
