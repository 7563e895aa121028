"""The clinic kiosk in a real browser: example recovery, large type, Start over."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, ROOT
from tests.browser.helpers import answer_all, go_to, open_app, wait_idle

pytestmark = pytest.mark.server_env({"RECOVERY_MODE": "kiosk"})
NOTE = "Anything else worth remembering?"


def test_a_visitors_entry_is_gone_after_start_over(server, page):
    open_app(page, server.url)
    expect(page.get_by_text("an example recovery, not a real person")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    # No page for uploading or downloading files: nothing personal enters or leaves.
    expect(page.get_by_test_id("stTopNavLink").filter(has_text="Your data")).to_have_count(0)
    # The example recovery is not the visitor's: a check-in starts unanswered.
    answer_all(page)
    page.get_by_text("Notes", exact=True).click()
    page.get_by_role("textbox", name=NOTE).fill("a very personal note")
    page.get_by_role("textbox", name=NOTE).press("Control+Enter")
    wait_idle(page)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_text("your check-in for")).to_be_visible()
    go_to(page, "History")
    go_to(page, "Daily check-in")
    # Notes sit in a folded section; the box is there, only hidden.
    notes = page.locator(".st-key-ci_notes textarea")
    expect(notes).to_have_value("a very personal note")

    page.get_by_role("button", name="Start over for the next person").click()
    wait_idle(page)
    expect(notes).not_to_have_value("a very personal note")
    go_to(page, "History")
    expect(page.get_by_text("check-ins, from")).to_be_visible()
    assert not server.db_path.exists(), "the kiosk wrote a journal file"


def test_the_kiosk_shows_the_example_progress_on_a_tablet(server, browser):
    context = browser.new_context(viewport={"width": 800, "height": 1280})
    tablet = context.new_page()
    open_app(tablet, server.url)
    go_to(tablet, "Progress")
    expect(tablet.get_by_test_id("stVegaLiteChart")).to_have_count(7)
    tablet.screenshot(path=str(ROOT / "docs" / "screenshots" / "kiosk.png"))
    context.close()


def test_the_kiosk_fits_a_phone_screen(server, browser):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    open_app(phone, server.url)
    expect(phone.get_by_role("button", name="Start over for the next person")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
