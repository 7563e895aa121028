"""Text from people and files stays text in a real browser: no image fetched, no live link."""

import datetime as dt

from playwright.sync_api import expect

from recovery import storage
from recovery.text.plain import ZERO_WIDTH
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.conftest import checkin
from tests.support import csv_text

# An address nobody serves (a documentation range): a request to it would be a leak.
IMAGE = "![x](http://203.0.113.9/seen.png)"
LINK = "[see](http://203.0.113.9/page)"


def _read(locator) -> str:
    """The text as a person reads it (the invisible spaces that break addresses removed)."""
    return locator.inner_text().replace(ZERO_WIDTH, "")


def _log_outside_requests(page, url: str) -> list[str]:
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((url, "data:", "blob:")) else outside.append(request.url)
        ),
    )
    return outside


def test_a_crafted_note_and_file_are_shown_as_typed_and_fetch_nothing(server, page, tmp_path):
    today = dt.date.today()
    server.stop()
    conn = storage.open_database(server.db_path)
    storage.save_checkin(conn, storage.LOCAL_OWNER, today, checkin(notes=f"{IMAGE} {LINK}"))
    conn.close()
    server.start()
    outside = _log_outside_requests(page, server.url)
    open_app(page, server.url)
    go_to(page, "History")
    box = page.get_by_test_id("stDataFrame").bounding_box()
    page.mouse.click(box["x"] + 30, box["y"] + 35 * 1.5)
    wait_idle(page)
    table = page.get_by_test_id("stTable")
    expect(table).to_be_visible()
    assert f"{IMAGE} {LINK}" in _read(table)  # the note, character for character
    expect(page.locator("img[src*='203.0.113.9'], a[href*='203.0.113.9']")).to_have_count(0)

    crafted = tmp_path / "![x](x.png) [see](www.example.org).csv"
    row = {"date": today - dt.timedelta(days=1), "example": False, **checkin()}
    crafted.write_text(csv_text([row]).replace(",5,", f",{LINK},", 1), encoding="utf-8")
    go_to(page, "Your data")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(crafted)
    wait_idle(page)
    expect(page.get_by_text("Nothing was imported")).to_be_visible()
    assert LINK in _read(page.get_by_test_id("stTable"))
    expect(page.locator("img[src*='203.0.113.9'], a[href*='203.0.113.9']")).to_have_count(0)
    page.wait_for_timeout(500)
    assert outside == []
