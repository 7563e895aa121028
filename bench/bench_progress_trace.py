"""Where the browser's time goes on a click on Progress: a Chromium performance trace, grouped.

bench/bench_progress_browser.py says how long a visitor waits; this script says what the
page's main thread does meanwhile. Each visit is a new tab on a 30-day journal: the app
opens on the check-in, a second passes (a person reading the menu), then a trace is
recorded around one click on Progress until its seven charts are drawn (the first click of
the visit), and again around a later click in the same tab. The trace's events on the
page's main thread are grouped by their own (self) time: the scripts run (and which files
they come from), compiling them, style, layout, paint, garbage collection, and the rest.
Which script file the JavaScript time is spent in comes from V8's sampling profiler,
recorded in the same trace ("(program)" is the browser's own native work between scripts).

It explains a time and sets no budget: tracing and sampling slow the page (by a third or
more), so the times printed here are shares of the work, not the ones budgeted in
bench_progress_browser.py. Median of
VISITS visits per figure; the load average is printed so a busy machine shows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_progress_browser import CHECKIN_READY, DESKTOP, READING_MS  # noqa: E402
from support import (  # noqa: E402
    CHARTS_DRAWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    MENU_LINK,
    NO_PROGRESS_CHART,
    Server,
    click_menu_until,
    exit_status,
    make_journal,
    quick,
    wait_idle,
)

from recovery import storage  # noqa: E402

VISITS = quick(5, 1)
CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8.execute",
    "v8",
    "blink.user_timing",
    "disabled-by-default-v8.cpu_profiler",  # samples: which script file the time is spent in
]
# Event names on the main thread, by what they are; anything else counts as "other".
GROUPS: dict[str, tuple[str, ...]] = {
    "scripts (JavaScript run)": (
        "FunctionCall",
        "EvaluateScript",
        "TimerFire",
        "FireAnimationFrame",
        "EventDispatch",
        "RunMicrotasks",
        "v8.run",
        "V8.Execute",
        "v8.callFunction",
    ),
    "compiling scripts": ("v8.compile", "V8.Compile", "CompileScript", "v8.parseOnBackground"),
    "style": ("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet"),
    "layout": ("Layout", "UpdateLayout"),
    "paint and layers": ("Paint", "PrePaint", "Layerize", "UpdateLayer", "CompositeLayers"),
    "garbage collection": ("GC", "MajorGC", "MinorGC", "BlinkGC"),
    "parsing HTML": ("ParseHTML",),
}


def group_of(name: str) -> str:
    """The group an event's name belongs to."""
    for group, prefixes in GROUPS.items():
        if any(name.startswith(prefix) or prefix in name for prefix in prefixes):
            return group
    return "other"


def main_thread(events: list[dict]) -> tuple[int, int]:
    """(pid, tid) of the busiest renderer main thread: the page's own."""
    mains = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M"
        and e.get("name") == "thread_name"
        and e.get("args", {}).get("name") == "CrRendererMain"
    }
    busy: Counter = Counter()
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e["tid"]) in mains and e.get("name") == "RunTask":
            busy[(e["pid"], e["tid"])] += e.get("dur", 0)
    return busy.most_common(1)[0][0]


def breakdown(events: list[dict]) -> tuple[Counter, Counter, float]:
    """Self time (ms) by group and by script file on the page's main thread, and its busy ms."""
    thread = main_thread(events)
    mine = sorted(
        (e for e in events if e.get("ph") == "X" and (e["pid"], e["tid"]) == thread),
        key=lambda e: (e["ts"], -e.get("dur", 0)),
    )
    groups: Counter = Counter()
    busy = 0.0
    stack: list[list] = []  # [end, name, children's time, duration]
    for event in mine:
        start, dur = event["ts"], event.get("dur", 0)
        while stack and stack[-1][0] <= start:
            _settle(stack.pop(), stack, groups)
        if not stack:
            busy += dur
        stack.append([start + dur, event["name"], 0, dur])
    while stack:
        _settle(stack.pop(), stack, groups)
    scale = 1 / 1000  # trace times are microseconds
    return (
        Counter({k: v * scale for k, v in groups.items()}),
        Counter({k: v * scale for k, v in sampled_files(events, thread).items()}),
        busy * scale,
    )


def _settle(done: list, stack: list[list], groups: Counter) -> None:
    """Count an ended event's own time (its duration less its children's)."""
    _, name, children, dur = done
    # A task's own bookkeeping, outside any named work, is "other".
    groups["other" if name == "RunTask" else group_of(name)] += max(dur - children, 0)
    if stack:
        stack[-1][2] += dur


def sampled_files(events: list[dict], thread: tuple[int, int]) -> Counter:
    """Microseconds of the main thread's JavaScript by script file, from V8's samples."""
    files: dict[int, str] = {}
    spent: Counter = Counter()
    for event in events:
        if event.get("name") != "ProfileChunk" or event["pid"] != thread[0]:
            continue
        profile = event.get("args", {}).get("data", {}).get("cpuProfile", {})
        for node in profile.get("nodes", []):
            frame = node.get("callFrame", {})
            name = Path(urlparse(frame.get("url", "")).path).name
            files[node["id"]] = name or frame.get("functionName") or "(unnamed)"
        deltas = event["args"]["data"].get("timeDeltas", [])
        for sample, delta in zip(profile.get("samples", []), deltas, strict=False):
            spent[files.get(sample, "(unnamed)")] += delta
    spent.pop("(idle)", None)
    return spent


def traced_click(browser: object, page: object) -> tuple[float, list[dict]]:
    """One click on Progress, traced: wall ms in the page and the trace's events."""
    browser.start_tracing(page=page, categories=CATEGORIES)
    wall = click_menu_until(page, "Progress", CHARTS_DRAWN)
    raw = browser.stop_tracing()
    return wall, json.loads(raw)["traceEvents"]


def visit(browser: object, server: Server) -> list[tuple[float, Counter, Counter, float]]:
    """A new tab: the first click on Progress and a later one, each traced."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_function(CHECKIN_READY, timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(READING_MS)
    figures = []
    for click in range(2):
        if click:
            page.locator(MENU_LINK).filter(has_text="Daily check-in").first.click()
            wait_idle(page)
            page.wait_for_function(NO_PROGRESS_CHART, timeout=30_000)
        wall, events = traced_click(browser, page)
        wait_idle(page)
        figures.append((wall, *breakdown(events)))
    context.close()
    return figures


def report(label: str, runs: list[tuple[float, Counter, Counter, float]]) -> None:
    """Median wall time, main-thread busy time, and each group's and file's self time."""
    wall = statistics.median(r[0] for r in runs)
    busy = statistics.median(r[3] for r in runs)
    print(f"\n{label}: {wall:.0f} ms in the page (traced), main thread busy {busy:.0f} ms")
    groups = sorted(
        {g for r in runs for g in r[1]}, key=lambda g: -statistics.median(r[1][g] for r in runs)
    )
    for group in groups:
        print(f"  {group:<34} {statistics.median(r[1][group] for r in runs):7.0f} ms")
    print("  JavaScript by file (sampled):")
    names = Counter()
    for r in runs:
        names.update(r[2])
    for name, _ in names.most_common(6):
        print(f"    {name:<40} {statistics.median(r[2][name] for r in runs):7.0f} ms")


def main() -> int:
    from playwright.sync_api import sync_playwright

    one, five, _ = os.getloadavg()
    print(
        f"Progress in Chromium, traced: median of {VISITS} visits on a 30-day journal; "
        f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "journal.duckdb"
        make_journal(path, storage.LOCAL_OWNER, quick(30, 10), dt.date.today())
        server = Server(path)
        server.start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            visit(browser, server)  # warms the server's cache and the machine
            visits = [visit(browser, server) for _ in range(VISITS)]
        finally:
            browser.close()
            server.stop()
    report("First Progress of a visit", [v[0] for v in visits])
    report("A later Progress click", [v[1] for v in visits])
    return exit_status(0)


if __name__ == "__main__":
    raise SystemExit(main())
