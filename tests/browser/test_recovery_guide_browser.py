"""The recovery guide in a real browser, on the example recovery: charts, stage, red flags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from recovery import example, storage
from recovery.signs import RED_FLAGS
from tests.browser.helpers import go_to, open_app
from tests.browser.server import PHONE, ROOT, Server

SCREENSHOTS = ROOT / "docs" / "screenshots"
# Every page in app.py's navigation, so a new page is covered without editing this test.
# Every page outside the kiosk (its welcome page is the kiosk's alone).
PAGE_TITLES = [
    title
    for title in re.findall(r'st\.Page\([^)]*?title="([^"]+)"', (ROOT / "app.py").read_text())
    if title != "Welcome"
]


@pytest.fixture
def example_server(tmp_path: Path) -> Iterator[Server]:
    """A running app whose journal already holds the example recovery."""
    db_path = tmp_path / "recovery.duckdb"
    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER)
    conn.close()  # only one process may hold the file: close it before the server opens it
    running = Server(db_path=db_path)
    running.start()
    yield running
    running.stop()


def test_the_guide_shows_charts_stage_red_flags_and_footer(example_server, page):
    open_app(page, example_server.url)
    go_to(page, "Recovery guide")
    expect(page.get_by_role("heading", name="Where you stand")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
    for chart in page.get_by_test_id("stVegaLiteChart").all():
        expect(chart.locator("canvas, svg").first).to_be_visible()
    expect(page.get_by_text("The last stage", exact=False).first).to_be_visible()
    expect(page.get_by_text("higher on the day after strenuous activity").first).to_be_visible()

    red_flags = page.get_by_test_id("stAlert").filter(has_text="Get urgent care")
    expect(red_flags).to_be_visible()
    for flag in RED_FLAGS:
        expect(red_flags).to_contain_text(flag.question)
    expect(page.get_by_text("not medical advice", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "recovery-guide.png"))

    # On a phone the charts still draw and nothing spills sideways.
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    for chart in page.get_by_test_id("stVegaLiteChart").all():
        box = chart.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]


def test_every_page_ends_with_the_reminder_even_when_it_stops_early(server, page):
    open_app(page, server.url)
    assert "Recovery guide" in PAGE_TITLES
    expect(page.get_by_test_id("stTopNavLink")).to_have_count(len(PAGE_TITLES))
    for title in PAGE_TITLES:  # on an empty journal, History stops early with its empty state
        go_to(page, title)
        expect(page.get_by_text("not medical advice", exact=False)).to_have_count(1)
