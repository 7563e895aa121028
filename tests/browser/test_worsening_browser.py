"""A journal where every sign gets worse over three weeks: the notice is the first thing seen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from recovery import storage
from tests.browser.helpers import go_to, open_app
from tests.browser.server import DESKTOP, PHONE, ROOT, Server
from tests.conftest import checkin
from tests.support import BAD

SCREENSHOTS = ROOT / "docs" / "screenshots"
# Day 0 of the three weeks, and day 20 (today): every sign drifts the wrong way.
START = {
    "leg_pain": 3,
    "pain_episodes": 1,
    "bending": 7,
    "walk_minutes": 30,
    "numbness": 2,
    "leg_strength": 8,
    "sleep_quality": 7,
}
END = BAD  # the stage tests' bad week
DAYS = 21
# Desktop screenshots tall enough for the notice, the headline and the first charts.
TALL = {"width": DESKTOP["width"], "height": 1900}


def worsening_rows(today: dt.date) -> list[tuple[dt.date, dict]]:
    """21 daily check-ins ending today, each sign moving evenly from START to END."""
    rows = []
    for index in range(DAYS):
        share = index / (DAYS - 1)
        values = {k: round(START[k] + (END[k] - START[k]) * share) for k in START}
        # Exercises kept up at first, then dropped as things get worse.
        values["exercises_done"] = index % 3 != 2 if index < 10 else index % 4 == 0
        rows.append((today - dt.timedelta(days=DAYS - 1 - index), checkin(**values)))
    return rows


@pytest.fixture
def worsening_server(tmp_path: Path) -> Iterator[Server]:
    """A running app whose journal gets worse in every sign over three weeks."""
    db_path = tmp_path / "recovery.duckdb"
    conn = storage.open_database(db_path)
    storage.save_checkins(conn, storage.LOCAL_OWNER, worsening_rows(dt.date.today()))
    conn.close()  # only one process may hold the file
    running = Server(db_path=db_path)
    running.start()
    yield running
    running.stop()


def _top(locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def test_the_worsening_notice_is_at_the_top_of_progress(worsening_server, page):
    open_app(page, worsening_server.url)
    go_to(page, "Progress")
    notice = page.locator(".st-key-worsening_notice [data-testid='stAlert']")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("All seven signs are worse than in your first week")
    expect(notice).to_contain_text("Contact your clinician now")
    expect(notice).to_contain_text("leg weakness that is quickly getting worse")
    headline = page.get_by_role("heading", name="Worse in all seven signs")
    expect(headline).to_be_visible()
    # At the top: right under the page title, above the headline and every chart.
    title = page.get_by_role("heading", name="Progress", exact=True)
    assert _top(title) < _top(notice) < _top(headline)
    assert _top(notice) < _top(page.get_by_test_id("stVegaLiteChart").first)
    assert page.get_by_test_id("stAlert").first.text_content() == notice.text_content()
    # Visible without scrolling, even on a phone.
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(400)
    box = notice.bounding_box()
    assert box is not None and box["y"] < PHONE["height"]
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _shoot(page, name: str) -> None:
    page.wait_for_timeout(800)  # charts finish drawing
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.parametrize(
    ("variant", "scheme", "viewport"),
    [("light", "light", TALL), ("dark", "dark", TALL), ("phone", "light", PHONE)],
)
def test_screenshots_of_a_worsening_journal(worsening_server, browser, variant, scheme, viewport):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # Deep links: on a phone the navigation is folded away.
        open_app(page, worsening_server.url + "/progress")
        expect(page.locator(".st-key-worsening_notice")).to_be_visible()
        expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
        _shoot(page, f"worsening-progress-{variant}.png")
        open_app(page, worsening_server.url + "/recovery_guide")
        expect(page.locator(".st-key-worsening_notice")).to_be_visible()
        _shoot(page, f"worsening-guide-{variant}.png")
        expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        context.close()
