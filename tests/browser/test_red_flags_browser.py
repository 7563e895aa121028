"""Red flags in a real browser: saved alone on a first visit, and on top the next day."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from recovery import example, storage
from recovery.signs import RED_FLAGS
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import DESKTOP, PHONE, ROOT
from tests.conftest import checkin

SCREENSHOTS = ROOT / "docs" / "screenshots"
SADDLE = RED_FLAGS[1]
SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@SIZES
def test_a_red_flag_is_saved_alone_on_a_first_visit_with_the_message_in_view(
    server, browser, viewport
):
    context = browser.new_context(viewport=viewport, timezone_id="UTC")
    page = context.new_page()
    open_app(page, server.url)
    flag = page.get_by_text(SADDLE.question)
    flag.scroll_into_view_if_needed()
    flag.click()
    wait_idle(page)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    urgent = page.locator("#urgent-care")
    expect(urgent.get_by_text("Get urgent medical help now")).to_be_in_viewport()
    # Saved, not refused: the other questions wait, listed below the urgent message.
    expect(page.get_by_text("Nothing was saved")).to_have_count(0)
    waiting = page.get_by_text("Your safety answers are saved first")
    expect(waiting).to_be_visible()
    assert urgent.bounding_box()["y"] < waiting.bounding_box()["y"]
    name = "phone" if viewport is PHONE else "desktop"
    page.screenshot(path=str(SCREENSHOTS / f"red-flag-saved-alone-{name}.png"))
    context.close()
    server.stop()  # read the file directly: one row, the flag ticked, the rest unanswered
    conn = storage.open_database(server.db_path)
    record = storage.get_checkin(conn, storage.LOCAL_OWNER, _today())
    conn.close()
    server.start()
    assert record is not None and record[SADDLE.column] is True
    assert record["leg_pain"] is None


@SIZES
def test_a_red_flag_from_yesterday_is_on_the_first_screen_of_progress_and_the_guide(
    server, browser, viewport
):
    server.stop()
    conn = storage.open_database(server.db_path)
    today = _today()
    example.load_example(conn, storage.LOCAL_OWNER, end=today - dt.timedelta(days=2), today=today)
    flagged = checkin(**{SADDLE.column: True})
    storage.save_checkin(
        conn, storage.LOCAL_OWNER, today - dt.timedelta(days=1), flagged, today=today
    )
    conn.close()
    server.start()
    context = browser.new_context(viewport=viewport, timezone_id="UTC")
    page = context.new_page()
    open_app(page, server.url)
    name = "phone" if viewport is PHONE else "desktop"
    for title, slug in (("Progress", "progress"), ("Recovery guide", "guide")):
        go_to(page, title)
        wait_idle(page)
        page.wait_for_timeout(300)
        urgent = page.locator("#urgent-care")
        expect(urgent.get_by_text("Get urgent medical help now")).to_be_in_viewport()
        expect(urgent).to_contain_text("(yesterday) you reported")
        page.screenshot(path=str(SCREENSHOTS / f"red-flag-next-day-{slug}-{name}.png"))
    context.close()
