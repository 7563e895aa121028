"""The weekly questions in a real browser on a phone: answered on the check-in, seen on Progress.

Also takes the phone screenshots of both, light and dark, for docs/screenshots.
"""

import datetime as dt

from playwright.sync_api import expect

from recovery import example, storage
from recovery.signs import weekly as items
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import PHONE, ROOT

SCREENSHOTS = ROOT / "docs" / "screenshots"
ZONE = "UTC"


def _today():
    return dt.datetime.now(dt.UTC).date()


def _with_example(server):
    """Restart the server on a journal holding the example recovery up to yesterday."""
    server.stop()
    conn = storage.open_database(server.db_path)
    example.load_example(conn, "local", end=_today() - dt.timedelta(days=1), today=_today())
    conn.close()
    server.start()


def _snap(page, locator, path):
    """Save one part of the page whole: the viewport grows to the page's height first."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": PHONE["width"], "height": height})
    wait_idle(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    page.wait_for_timeout(500)
    locator.screenshot(path=str(path))
    page.set_viewport_size(PHONE)


def _phone(browser, scheme):
    context = browser.new_context(viewport=PHONE, timezone_id=ZONE, color_scheme=scheme)
    phone = context.new_page()
    phone.set_default_timeout(30_000)
    return context, phone


def test_answering_the_weekly_questions_on_a_phone_shows_them_on_progress(server, browser):
    _with_example(server)
    # Dark first, answered but not saved (a screenshot only); then light, answered and saved.
    for scheme in ("dark", "light"):
        context, phone = _phone(browser, scheme)
        open_app(phone, server.url)
        section = phone.get_by_test_id("stExpander").filter(has_text="Weekly questions")
        section.get_by_text("Weekly questions (under a minute)").click()
        wait_idle(phone)
        for item in items.ITEMS:
            for scale in items.SCALES:
                question = scale.question.format(symptom=item.symptom)
                group = phone.get_by_role("radiogroup", name=question)
                group.get_by_role("radio", name="1", exact=True).click()
                wait_idle(phone)
        # Name an activity of one's own (the example's are not offered), then rate it.
        if scheme == "dark":
            phone.get_by_label("Name an activity the sciatica makes hard (optional)").fill(
                "Tie my shoelaces"
            )
            phone.get_by_role("button", name="Add this activity").click()
            wait_idle(phone)
            expect(phone.get_by_text("Added “Tie my shoelaces”")).to_be_visible()
        shoes = phone.get_by_role(
            "radiogroup", name="Tie my shoelaces: How well can you do this now?"
        )
        shoes.get_by_role("radio", name="6", exact=True).click()
        wait_idle(phone)
        _snap(phone, section, SCREENSHOTS / f"checkin-weekly-phone-{scheme}.png")
        if scheme == "light":
            phone.get_by_role("button", name="Save weekly answers").click()
            wait_idle(phone)
            expect(phone.get_by_text("Saved your weekly answers")).to_be_visible()
            expect(phone.get_by_text("weekly bothersomeness 4 of 24")).to_be_visible()
            expect(phone.get_by_text("4 symptoms and 1 activity rating")).to_be_visible()
            # Saved: the section is no longer offered until next week.
            expect(section).to_have_count(0)
        context.close()
    for scheme in ("light", "dark"):
        context, phone = _phone(browser, scheme)
        open_app(phone, server.url)
        go_to(phone, "Progress")
        expect(phone.get_by_role("heading", name="Weekly scores")).to_be_visible()
        expect(
            phone.get_by_text("better by more than the measure's own error").first
        ).to_be_visible()
        cards = phone.locator(
            ".st-key-weekly_card_SBI, .st-key-weekly_card_SFI, .st-key-weekly_card_PSFS"
        )
        expect(cards).to_have_count(3)
        sbi = phone.locator(".st-key-weekly_card_SBI")
        expect(sbi.get_by_test_id("stVegaLiteChart")).to_be_visible()
        expect(sbi.get_by_text("latest 4 (of 24)")).to_be_visible()  # today's answers
        section = phone.locator(".st-key-weekly_scores")
        _snap(phone, section, SCREENSHOTS / f"progress-weekly-phone-{scheme}.png")
        context.close()
