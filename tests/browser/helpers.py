"""Small Playwright helpers for a Streamlit page, after Streamlit's own browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_idle(page: Page) -> None:
    """Wait until the script has finished its current run."""
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=30_000)


def open_app(page: Page, url: str) -> None:
    """Load the app and wait for its first run to finish."""
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)


# The top navigation on a wide screen, the labelled row of page links on a phone.
NAV_LINKS = '[data-testid="stTopNavLink"], [data-testid="stPageLink-NavLink"]'


def nav_links(page: Page):
    """The page links a visitor can see now, whatever the screen width."""
    return page.locator(NAV_LINKS).locator("visible=true")


def go_to(page: Page, title: str) -> None:
    """Click a page in the navigation."""
    nav_links(page).filter(has_text=title).first.click()
    wait_idle(page)


def answer(page: Page, question: str, value: object) -> None:
    """Tap an answer (0-10, Yes, Rest...) of a check-in question found by its wording."""
    group = page.get_by_role("radiogroup", name=question)
    group.get_by_role("radio", name=str(value), exact=True).click()
    wait_idle(page)


def set_slider(page: Page, label: str, value: int) -> None:
    """Move a 0-10 slider, found by its question, to a value with the keyboard."""
    thumb = page.get_by_role("slider", name=label)
    thumb.focus()
    thumb.press("Home")
    for _ in range(value):
        thumb.press("ArrowRight")
    wait_idle(page)


def fill_number(page: Page, label: str, value: str) -> None:
    """Type into a number input found by its label, then commit it."""
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")
    wait_idle(page)


def answer_all(page: Page, **overrides: object) -> None:
    """Answer every question a first check-in asks (tests.conftest.FIRST_ANSWERS)."""
    from recovery import form
    from tests.conftest import FIRST_ANSWERS

    chosen = {**FIRST_ANSWERS, **overrides}
    for measure in form.REQUIRED:
        value = chosen[measure.column]
        if measure.kind in ("count", "minutes"):
            fill_number(page, measure.question, str(value))
        elif measure.kind == "yesno":
            answer(page, measure.question, "Yes" if value else "No")
        else:
            answer(page, measure.question, str(value).capitalize())
