"""History on a phone in a real browser: tap a row, then edit that day."""

import datetime as dt

from playwright.sync_api import expect

from recovery import storage
from recovery.signs import MEASURES_BY_COLUMN
from tests.browser.helpers import wait_idle
from tests.browser.server import PHONE, ROOT
from tests.conftest import checkin

SCREENSHOTS = ROOT / "docs" / "screenshots"
ROW_HEIGHT = 35  # the data grid's default row and header height, in pixels


def test_tapping_a_history_row_on_a_phone_opens_that_day_for_editing(server, browser):
    today = dt.date.today()
    server.stop()  # the running app holds the journal file; fill it while it is closed
    conn = storage.open_database(server.db_path)
    notes = ["Stiff in the morning, better after a walk", None, "Drove two hours 🚗"]
    for n, note in enumerate(notes):
        storage.save_checkin(
            conn,
            storage.LOCAL_OWNER,
            today - dt.timedelta(days=n),
            checkin(leg_pain=3 + n, notes=note),
        )
    conn.close()
    server.start()

    context = browser.new_context(viewport=PHONE, color_scheme="light")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto(f"{server.url}/history")
    wait_idle(tab)
    grid = tab.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = grid.bounding_box()
    # Tap the second day's date (yesterday), not the small selection box beside it.
    tab.mouse.click(box["x"] + 70, box["y"] + ROW_HEIGHT * 2 + ROW_HEIGHT / 2)
    wait_idle(tab)
    yesterday = today - dt.timedelta(days=1)
    expect(tab.get_by_role("heading", name=f"{yesterday:%A} {yesterday.day}")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "history-phone.png"))
    tab.get_by_role("button", name="Edit this day").click()
    wait_idle(tab)
    expect(tab.get_by_role("heading", name="Daily check-in")).to_be_visible()
    expect(tab.get_by_text("Your answers are shown; saving will update them.")).to_be_visible()
    leg_pain = tab.get_by_role("radiogroup", name=MEASURES_BY_COLUMN["leg_pain"].question)
    expect(leg_pain.get_by_role("radio", name="4", exact=True)).to_be_checked()
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    context.close()
