"""History on a phone in a real browser: tap a row, then edit that day."""

import datetime as dt

from playwright.sync_api import expect

from recovery import history, storage
from recovery.signs import MEASURES_BY_COLUMN
from tests.browser.helpers import wait_idle
from tests.browser.server import DESKTOP, PHONE, ROOT
from tests.conftest import checkin

SCREENSHOTS = ROOT / "docs" / "screenshots"
ROW_HEIGHT = 35  # the data grid's default row and header height, in pixels


def _open_history(tab, url: str):
    tab.set_default_timeout(30_000)
    tab.goto(f"{url}/history")
    wait_idle(tab)
    expect(tab.get_by_test_id("stDataFrame")).to_be_visible()
    tab.wait_for_timeout(300)  # the grid paints its canvas after it appears
    return tab


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
            checkin(leg_pain=3 + n, notes=note, rf_both_legs=n == 2, walk_minutes=120),
        )
    conn.close()
    server.start()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dark = browser.new_context(viewport=PHONE, color_scheme="dark")
    _open_history(dark.new_page(), server.url).screenshot(
        path=str(SCREENSHOTS / "history-phone-dark.png")
    )
    dark.close()
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    tab = _open_history(context.new_page(), server.url)
    grid = tab.get_by_test_id("stDataFrame")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = grid.bounding_box()
    # The date and all seven signs fit the phone's width: nothing to scroll sideways for.
    assert box["x"] + history.DATE_WIDTH + 7 * history.SIGN_WIDTH <= box["x"] + box["width"]
    assert box["x"] + box["width"] <= PHONE["width"]
    expect(tab.get_by_text("Red rows")).to_be_visible()  # the red-flag day is marked
    # Tap the second day's date (yesterday): a tap anywhere on a row opens its day.
    tab.mouse.click(box["x"] + 30, box["y"] + ROW_HEIGHT * 2 + ROW_HEIGHT / 2)
    wait_idle(tab)
    yesterday = today - dt.timedelta(days=1)
    expect(tab.get_by_role("heading", name=f"{yesterday:%A} {yesterday.day}")).to_be_visible()
    tab.screenshot(path=str(SCREENSHOTS / "history-phone.png"))
    tab.get_by_role("button", name="Edit this day").click()
    wait_idle(tab)
    expect(tab.get_by_role("heading", name="Daily check-in")).to_be_visible()
    expect(tab.get_by_text("Your answers are shown; saving will update them.")).to_be_visible()
    leg_pain = tab.get_by_role("radiogroup", name=MEASURES_BY_COLUMN["leg_pain"].question)
    expect(leg_pain.get_by_role("radio", name="4", exact=True)).to_be_checked()
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    context.close()


def test_clicking_a_date_on_a_desktop_opens_that_day(server, browser):
    today = dt.date.today()
    server.stop()
    conn = storage.open_database(server.db_path)
    for n in range(3):
        day = today - dt.timedelta(days=n)
        storage.save_checkin(conn, storage.LOCAL_OWNER, day, checkin(leg_pain=3 + n))
    conn.close()
    server.start()
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    tab = _open_history(context.new_page(), server.url)
    box = tab.get_by_test_id("stDataFrame").bounding_box()
    tab.mouse.click(box["x"] + 30, box["y"] + ROW_HEIGHT * 3 + ROW_HEIGHT / 2)
    wait_idle(tab)
    before = today - dt.timedelta(days=2)
    expect(tab.get_by_role("heading", name=f"{before:%A} {before.day}")).to_be_visible()
    expect(tab.get_by_role("button", name="Edit this day")).to_be_visible()
    context.close()
