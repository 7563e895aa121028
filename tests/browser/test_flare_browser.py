"""Logging a flare-up on a 390 px phone in a real browser: one tap from Progress to the log,
the answers, one tap to save; then it is in History. Also takes the docs' screenshots."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from recovery import example, storage
from tests.browser.helpers import answer, nav_links, wait_idle
from tests.browser.server import PHONE, ROOT

SCREENSHOTS = ROOT / "docs" / "screenshots"


def _fill_journal(server) -> None:
    server.stop()  # the running app holds the journal file; fill it while it is closed
    conn = storage.open_database(server.db_path)
    today = dt.date.today()
    example.load_example(conn, storage.LOCAL_OWNER, end=today - dt.timedelta(days=1), today=today)
    conn.close()
    server.start()


def _phone(browser, scheme: str):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    return context, tab


def test_a_flare_up_is_logged_in_two_taps_from_progress_and_shows_in_history(server, browser):
    _fill_journal(server)
    context, tab = _phone(browser, "light")
    tab.goto(f"{server.url}/progress")
    wait_idle(tab)
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    nav_links(tab).filter(has_text="Flare-up").first.click()  # tap 1
    wait_idle(tab)
    expect(tab.get_by_role("heading", name="Log a flare-up")).to_be_visible()
    # The answers (taps inside a form do not run the page).
    answer(tab, "How bad was it? (0 = no pain, 10 = worst imaginable)", 7)
    answer(tab, "What set it off?", "Driving")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.get_by_role("button", name="Save flare-up").click()  # tap 2
    wait_idle(tab)
    expect(tab.get_by_text("Logged a flare-up at")).to_be_visible()
    expect(tab.get_by_text("how bad 7 · Driving").first).to_be_visible()
    nav_links(tab).filter(has_text="History").first.click()
    wait_idle(tab)
    tab.get_by_text("Flare-ups logged in the last 28 days").click()
    wait_idle(tab)
    expect(tab.get_by_text("how bad 7 · Driving").first).to_be_visible()
    context.close()


def test_screenshots_of_the_flare_log_and_the_medicines_list_on_a_phone(server, browser):
    _fill_journal(server)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        context, tab = _phone(browser, scheme)
        tab.goto(f"{server.url}/flare")
        wait_idle(tab)
        expect(tab.get_by_test_id("stException")).to_have_count(0)
        # The answer buttons draw a moment after the page: wait for them, not a blank shape.
        expect(tab.get_by_role("radiogroup", name="What set it off?")).to_be_visible()
        expect(tab.get_by_role("radio", name="Sitting", exact=True)).to_be_visible()
        tab.wait_for_timeout(500)
        tab.screenshot(path=str(SCREENSHOTS / f"flare-log-phone-{scheme}.png"), full_page=True)
        context.close()
    for scheme in ("light", "dark"):
        context, tab = _phone(browser, scheme)
        tab.goto(f"{server.url}/data")
        wait_idle(tab)
        heading = tab.get_by_role("heading", name="Your medicines")
        heading.evaluate("e => e.scrollIntoView({block: 'start'})")
        tab.wait_for_timeout(300)
        expect(tab.get_by_text("Naproxen, 250 mg twice a day, regular").first).to_be_visible()
        tab.screenshot(path=str(SCREENSHOTS / f"medicines-phone-{scheme}.png"))
        context.close()
