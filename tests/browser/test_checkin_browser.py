"""A new user logs a check-in in a real browser, finds it after a reload and a restart."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, ROOT
from tests.browser.helpers import go_to, open_app, set_slider, wait_idle

LEG_PAIN = "On average over the last 24 hours, how bad was the pain in your leg?"
SCREENSHOTS = ROOT / "docs" / "screenshots"


def _history_leg_pain(page) -> str:
    # The first data row of the History grid, "Leg pain" column (after the row's
    # selection box and the date).
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    # The grid draws on a canvas; its accessible copy of the cells is in the DOM.
    return grid.get_by_test_id("glide-cell-2-0").text_content()


def _choose_first_history_row(page) -> None:
    box = page.get_by_test_id("stDataFrame").bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)  # the first row's selection box
    wait_idle(page)


def test_a_check_in_saved_in_the_browser_survives_reload_and_restart(server, page):
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Daily check-in")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "checkin.png"))

    set_slider(page, LEG_PAIN, 6)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Saved your check-in")).to_be_visible()
    expect(page.get_by_role("link", name="See all your check-ins")).to_be_visible()

    page.reload()
    wait_idle(page)
    go_to(page, "History")
    assert _history_leg_pain(page) == "6"

    _choose_first_history_row(page)
    page.get_by_role("button", name="Edit this day").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="already checked in")).to_be_visible()
    set_slider(page, LEG_PAIN, 3)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Updated your check-in")).to_be_visible()

    server.restart()
    open_app(page, server.url)
    go_to(page, "History")
    assert _history_leg_pain(page) == "3"
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_red_flag_shows_the_urgent_message_in_the_browser(server, page):
    open_app(page, server.url)
    page.get_by_text("Numbness around the back passage, genitals or inner thighs").click()
    wait_idle(page)
    expect(page.get_by_text("Get urgent medical help now")).to_be_visible()


def test_the_check_in_page_fits_a_phone_screen(server, browser):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    open_app(phone, server.url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    phone.screenshot(path=str(SCREENSHOTS / "checkin-phone.png"))
    context.close()


def test_a_bookmarked_page_opened_first_after_a_restart_has_the_full_app(server, page):
    # The very first request of a fresh server is a deep link, not the home page.
    open_app(page, server.url + "/history")
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    nav = page.get_by_test_id("stSidebarNavLink")
    expect(nav.filter(has_text="Daily check-in")).to_have_count(1)
    expect(nav.filter(has_text="app")).to_have_count(0)
    expect(page.get_by_text("not medical advice")).to_be_visible()
