"""Shared link in a real browser: private journals, links that keep them, delete and move."""

import duckdb
import pytest
from playwright.sync_api import Page, expect

from recovery import owners
from recovery.signs import MEASURES_BY_COLUMN
from tests.browser.helpers import answer, answer_all, fill_number, open_app, wait_idle
from tests.browser.server import PHONE, ROOT

LEG_PAIN = MEASURES_BY_COLUMN["leg_pain"].question
SHOTS = ROOT / "docs" / "screenshots"
pytestmark = pytest.mark.server_env({"RECOVERY_MODE": "shared"})


@pytest.fixture(autouse=True)
def patient_expect():
    """Allow a busy machine more than the default 5 s for each expectation."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


def nav_links(page: Page):
    """The sidebar's page links (shared mode draws its own, carrying the journal key)."""
    return page.get_by_test_id("stSidebar").get_by_test_id("stPageLink-NavLink")


def go_to(page: Page, title: str) -> None:
    nav_links(page).filter(has_text=title).first.click()
    wait_idle(page)


def save_check_in(page: Page, leg_pain: int) -> None:
    answer_all(page, leg_pain=leg_pain)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_text("Saved your check-in")).to_be_visible()


def open_link_panel(page: Page) -> None:
    page.get_by_test_id("stSidebar").get_by_text("Your private link").click()
    wait_idle(page)


def rows_in_file(server) -> list[tuple]:
    """Stop the server and read its journal file directly."""
    server.stop()
    conn = duckdb.connect(str(server.db_path), read_only=True)
    try:
        return conn.execute("SELECT owner, leg_pain FROM checkins ORDER BY owner").fetchall()
    finally:
        conn.close()


def test_strangers_on_one_link_keep_separate_journals(server, browser):
    alice_context = browser.new_context()
    alice = alice_context.new_page()
    open_app(alice, server.url)
    expect(alice.get_by_text("Nothing is kept until you save a check-in")).to_be_visible()
    save_check_in(alice, 8)
    go_to(alice, "History")
    assert "journal=" in alice.url, "the private link is missing from the address"
    alice_link = alice.url

    bob_context = browser.new_context()
    bob = bob_context.new_page()
    open_app(bob, server.url + "/history")
    expect(bob.get_by_text("Your journal is empty")).to_be_visible()
    assert bob.url != alice_link

    alice.goto(alice_link)
    wait_idle(alice)
    expect(alice.get_by_text("1 check-in, from")).to_be_visible()
    alice_context.close()
    bob_context.close()


def test_every_link_opened_in_a_new_tab_keeps_the_journal(server, page):
    open_app(page, server.url)
    save_check_in(page, 6)
    token = page.url.split("journal=")[1]
    links = nav_links(page)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    see_all = page.get_by_role("link", name="See all your check-ins").get_attribute("href")
    assert len(hrefs) == 6  # the five pages and the flare-up log
    for href in [*hrefs, see_all]:
        assert f"journal={token}" in href, href
        tab = page.context.new_page()  # what a middle-click does: a new tab, a new session
        open_app(tab, href if href.startswith("http") else server.url + "/" + href.lstrip("/"))
        expect(tab.get_by_text("No journal was found at this link")).to_have_count(0)
        assert f"journal={token}" in tab.url
        tab.close()
    history = page.context.new_page()
    open_app(history, server.url + "/" + see_all.lstrip("/").split("/")[-1])
    expect(history.get_by_text("1 check-in, from")).to_be_visible()
    history.close()


def test_a_link_that_leads_nowhere_asks_what_to_do(server, browser):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    open_app(page, server.url + "/?journal=" + "a" * 22)
    expect(page.get_by_text("No journal was found at this link")).to_be_visible()
    expect(page.get_by_role("radiogroup", name=LEG_PAIN)).to_have_count(0)
    assert page.url.endswith("journal=" + "a" * 22), "the address was quietly swapped"
    page.screenshot(path=str(SHOTS / "shared-link-not-found.png"), full_page=True)
    page.get_by_role("button", name="Start a new journal").click()
    wait_idle(page)
    expect(page.get_by_role("radiogroup", name=LEG_PAIN)).to_be_visible()
    assert "journal=" in page.url and "a" * 22 not in page.url
    context.close()


def test_after_the_first_save_the_link_is_shown_to_copy(server, browser):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    open_app(page, server.url)
    save_check_in(page, 5)
    link = server.url + "/?journal=" + page.url.split("journal=")[1]
    shown = page.get_by_test_id("stMain").get_by_text(link)
    expect(shown).to_be_visible()
    page.get_by_text("Saved your check-in").evaluate(
        "e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -90); "
        "document.querySelector('[data-testid=stMain]').scrollBy(0, -90); }"
    )
    shown.hover()  # the copy button shows on hover (and always on touch screens)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "shared-link-panel-phone.png"))
    context.close()


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_a_reload_before_the_first_save_opens_an_empty_journal_on_the_same_link(
    server, browser, viewport
):
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    open_app(page, server.url)
    link = page.url.split("journal=")[1]
    page.reload()
    wait_idle(page)
    expect(page.get_by_text("No journal was found at this link")).to_have_count(0)
    expect(page.get_by_role("radiogroup", name=LEG_PAIN)).to_be_visible()
    assert page.url.endswith("journal=" + link)
    if viewport is PHONE:
        page.screenshot(path=str(SHOTS / "shared-reload-before-first-save-phone.png"))
    save_check_in(page, 4)
    assert page.url.endswith("journal=" + link), "the first save moved to another link"
    context.close()


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_the_link_and_its_copy_button_are_in_view_right_after_the_first_save(
    server, browser, viewport
):
    context = browser.new_context(viewport=viewport, color_scheme="light", has_touch=True)
    page = context.new_page()
    open_app(page, server.url)
    save_check_in(page, 5)
    panel = page.locator(".st-key-sl_first_save")
    expect(panel).to_be_in_viewport()
    copy = page.locator(".st-key-sl_link_first button").first
    expect(copy).to_be_visible()
    # Seen without hovering (a touch screen cannot): nothing between it and the page is faded.
    faded = copy.evaluate(
        "b => { let o = 1; for (let e = b; e; e = e.parentElement) "
        "o *= parseFloat(getComputedStyle(e).opacity); return o; }"
    )
    assert faded == 1.0, "the copy button shows on hover only"
    # The notice at the top no longer says that nothing is kept.
    expect(page.get_by_text("Nothing is kept until you save")).to_have_count(0)
    name = "phone" if viewport == PHONE else "desktop"
    page.screenshot(path=str(SHOTS / f"shared-first-save-{name}.png"))
    context.close()


def test_history_without_a_chosen_day_keeps_the_link_panel(server, page):
    open_app(page, server.url)
    save_check_in(page, 6)
    go_to(page, "History")
    open_link_panel(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("button", name="Give me a new link")).to_be_visible()
    sidebar.get_by_role("button", name="Give me a new link").click()
    wait_idle(page)
    expect(sidebar.get_by_text("other devices")).to_be_visible()


def test_deleting_the_whole_journal_removes_it_from_the_file(server, page):
    open_app(page, server.url)
    save_check_in(page, 7)
    token = page.url.split("journal=")[1]
    open_link_panel(page)
    page.get_by_role("button", name="Delete my whole journal").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, delete everything").click()
    wait_idle(page)
    expect(page.get_by_text("Your journal was deleted (1 check-in)")).to_be_visible()
    assert token not in page.url
    old = page.context.new_page()
    open_app(old, server.url + "/?journal=" + token)
    expect(old.get_by_text("No journal was found at this link")).to_be_visible()
    assert rows_in_file(server) == []


def test_a_new_link_moves_the_journal_and_the_old_one_stops_working(server, page):
    open_app(page, server.url)
    save_check_in(page, 4)
    old_token = page.url.split("journal=")[1]
    # The same journal left open in another tab (another device, say).
    left_open = page.context.new_page()
    open_app(left_open, server.url + "/?journal=" + old_token)
    expect(left_open.get_by_role("button", name="Save check-in")).to_be_visible()
    open_link_panel(page)
    page.get_by_role("button", name="Give me a new link").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, give me a new link").click()
    wait_idle(page)
    expect(page.get_by_text("has a new private link")).to_be_visible()
    new_token = page.url.split("journal=")[1]
    assert new_token != old_token
    # The tab left open: its next action is told plainly, and nothing it sends is stored.
    answer(left_open, LEG_PAIN, 9)
    expect(left_open.get_by_text("This link no longer opens a journal")).to_be_visible()
    expect(left_open.get_by_role("button", name="Save check-in")).to_have_count(0)
    expect(left_open.get_by_text("Saved your check-in")).to_have_count(0)
    old = page.context.new_page()
    open_app(old, server.url + "/?journal=" + old_token)
    expect(old.get_by_text("No journal was found at this link")).to_be_visible()
    new = page.context.new_page()
    open_app(new, server.url + "/history?journal=" + new_token)
    expect(new.get_by_text("1 check-in, from")).to_be_visible()
    assert rows_in_file(server) == [(owners.owner_for_link(new_token), 4)]


def test_a_dead_link_can_lead_to_restoring_a_backup(server, page):
    open_app(page, server.url + "/history?journal=" + "x" * 30)
    expect(page.get_by_text("No journal was found at this link")).to_be_visible()
    page.get_by_role("button", name="Restore a backup").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    assert "/data?journal=" in page.url and "x" * 30 not in page.url


def test_a_write_refused_in_a_callback_gets_a_plain_message(server, page):
    open_app(page, server.url)
    save_check_in(page, 5)
    token = page.url.split("journal=")[1]
    guide = page.context.new_page()
    open_app(guide, f"{server.url}/recovery_guide?journal={token}")
    aim = guide.get_by_label("Your aim: exercise days per week", exact=True)
    aim.scroll_into_view_if_needed()
    expect(aim).to_be_visible()
    open_link_panel(page)
    page.get_by_role("button", name="Delete my whole journal").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, delete everything").click()
    wait_idle(page)
    # The guide's aim is saved by a callback, which runs before the page: it is refused.
    fill_number(guide, "Your aim: exercise days per week", "3")
    refused = guide.get_by_text("Nothing was saved: this link no longer opens a journal")
    expect(refused).to_be_visible()
    expect(guide.get_by_test_id("stException")).to_have_count(0)
    assert rows_in_file(server) == []
