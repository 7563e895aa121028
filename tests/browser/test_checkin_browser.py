"""Check-ins in a real browser: first and returning visitors, phones, red flags, keyboard."""

import datetime as dt

from playwright.sync_api import expect

from recovery import example, storage
from tests.browser.helpers import answer, answer_all, go_to, nav_links, open_app, wait_idle
from tests.browser.server import PHONE, ROOT
from tests.conftest import checkin

LEG_PAIN = "On average over the last 24 hours, how bad was the pain in your leg?"
SCREENSHOTS = ROOT / "docs" / "screenshots"
# The browser and the server agree on the date whatever the machine's zone.
ZONE = "UTC"
# Measured: 19 Tab presses reach Save for a returning visitor on a phone (skip link, the
# app menu, the page area, six page links, Same as yesterday, the day, seven questions).
# Streamlit's own stops (skip link, menu, page area) and the six page links (the five pages
# and the flare-up log) are fixed.
MOST_TABS_TO_SAVE = 19


def _today():
    return dt.datetime.now(dt.UTC).date()


def _with_yesterday(server, **values):
    """Restart the server on a journal whose last check-in was yesterday."""
    server.stop()
    conn = storage.open_database(server.db_path)
    yesterday = _today() - dt.timedelta(days=1)
    storage.save_checkin(conn, "local", yesterday, checkin(**values), today=_today())
    conn.close()
    server.start()


def _rows(server):
    server.stop()
    conn = storage.open_database(server.db_path)
    try:
        return storage.checkin_records(conn, "local")
    finally:
        conn.close()


def _phone(browser, touch=True):
    # A keyboard on a phone-sized screen is a desktop browser made narrow: Chromium's
    # touch-phone emulation leaves buttons out of the Tab order.
    context = browser.new_context(
        viewport=PHONE, timezone_id=ZONE, has_touch=touch, is_mobile=touch
    )
    return context, context.new_page()


def _drawn(page):
    """Wait until every widget is drawn (Streamlit shows grey placeholders while loading)."""
    expect(page.get_by_role("radiogroup").first).to_be_visible()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    page.wait_for_timeout(300)


def _full_page(page, path, width):
    """Save the whole page, not only the first screen (Streamlit scrolls inside the app)."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": width, "height": height})
    wait_idle(page)
    _drawn(page)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": PHONE["height"]})


def _history_leg_pain(page) -> str:
    # The first data row of the History grid, "Leg pain" column (after the date).
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    # The grid draws on a canvas; its accessible copy of the cells is in the DOM.
    return grid.get_by_test_id("glide-cell-1-0").text_content()


def _choose_first_history_row(page) -> None:
    box = page.get_by_test_id("stDataFrame").bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)  # the first row's date
    wait_idle(page)


def test_a_check_in_saved_in_the_browser_survives_reload_and_restart(server, page):
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Daily check-in")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _drawn(page)
    page.screenshot(path=str(SCREENSHOTS / "checkin.png"))

    answer_all(page, leg_pain=6)
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
    answer(page, LEG_PAIN, 3)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Updated your check-in")).to_be_visible()

    server.restart()
    open_app(page, server.url)
    go_to(page, "History")
    assert _history_leg_pain(page) == "3"
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_first_check_in_with_questions_unanswered_is_refused_on_a_phone(server, browser):
    context, phone = _phone(browser)
    open_app(phone, server.url)
    _full_page(phone, SCREENSHOTS / "checkin-phone.png", PHONE["width"])
    answer(phone, LEG_PAIN, 4)
    phone.get_by_role("button", name="Save check-in").click()
    wait_idle(phone)
    refusal = phone.get_by_test_id("stAlert").filter(has_text="still need an answer")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("Walking time")
    expect(phone.get_by_text("Saved your check-in")).to_have_count(0)
    context.close()
    assert _rows(server) == []


def test_a_returning_visitor_saves_same_as_yesterday_in_one_tap_on_a_phone(server, browser):
    _with_yesterday(server, leg_pain=3, walk_minutes=45)
    context, phone = _phone(browser)
    open_app(phone, server.url)
    taps = 0
    same = phone.get_by_role("button", name="Same as yesterday")
    expect(same).to_be_in_viewport()
    same.tap()
    taps += 1
    wait_idle(phone)
    confirmation = phone.get_by_test_id("stAlert").filter(has_text="the same as yesterday")
    expect(confirmation).to_be_in_viewport()
    assert taps <= 2
    context.close()
    rows = {row["day"]: row for row in _rows(server)}
    assert rows[_today()]["leg_pain"] == 3 and rows[_today()]["walk_minutes"] == 45


def test_a_red_flag_puts_the_urgent_message_at_the_top_and_in_view(server, browser):
    context, phone = _phone(browser)
    open_app(phone, server.url)
    flag = phone.get_by_text("Numbness around your bottom (the anus)")
    flag.scroll_into_view_if_needed()
    flag.tap()
    wait_idle(phone)
    urgent = phone.locator("#urgent-care")
    expect(urgent).to_contain_text("Get urgent medical help now")
    expect(urgent).to_be_in_viewport()
    expect(urgent.get_by_text("Get urgent medical help now")).to_be_in_viewport()
    title = phone.get_by_role("heading", name="Daily check-in")
    assert urgent.bounding_box()["y"] < title.bounding_box()["y"]
    _drawn(phone)
    phone.screenshot(path=str(SCREENSHOTS / "checkin-redflag-phone.png"))
    context.close()


def test_save_is_reached_in_few_tab_presses_and_headings_are_not_stops(server, browser):
    _with_yesterday(server)
    context, phone = _phone(browser, touch=False)
    open_app(phone, server.url)
    # Widgets are disabled (and skipped by Tab) while a run is still settling.
    _drawn(phone)
    expect(phone.get_by_role("button", name="Save check-in")).to_be_enabled()
    wait_idle(phone)
    presses = 0
    while presses < 40:
        phone.keyboard.press("Tab")
        presses += 1
        focused = phone.evaluate(
            "[document.activeElement.tagName, document.activeElement.textContent]"
        )
        assert focused[0] != "H1" and not focused[1].startswith("#")
        if focused[0] == "BUTTON" and focused[1].strip() == "Save check-in":
            break
    print(f"Tab presses to Save on a phone: {presses}")
    assert presses <= MOST_TABS_TO_SAVE
    expect(phone.locator("h1 a, h2 a, h3 a")).to_have_count(0)
    context.close()


def test_the_check_in_page_fits_a_phone_screen_with_labelled_page_links(server, browser):
    context, phone = _phone(browser)
    open_app(phone, server.url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    expect(nav_links(phone)).to_have_count(6)  # the five pages and the flare-up log
    expect(phone.get_by_test_id("stExpandSidebarButton")).not_to_be_visible()
    go_to(phone, "Progress")
    expect(phone.get_by_role("heading", name="Progress").first).to_be_in_viewport()
    context.close()


def test_a_bookmarked_page_opened_first_after_a_restart_has_the_full_app(server, page):
    # The very first request of a fresh server is a deep link, not the home page.
    open_app(page, server.url + "/history")
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    nav = page.get_by_test_id("stTopNavLink")
    expect(nav.filter(has_text="Daily check-in")).to_have_count(1)
    expect(nav.filter(has_text="app")).to_have_count(0)
    expect(page.get_by_text("not medical advice")).to_be_visible()


def test_saving_over_an_example_day_makes_it_the_persons_own(server, page):
    today = dt.date.today()
    server.stop()  # the running app holds the journal file; fill it while it is closed
    conn = storage.open_database(server.db_path)
    example.load_example(conn, storage.LOCAL_OWNER, end=today)
    conn.close()
    server.start()

    open_app(page, server.url)
    # Today holds a made-up example day: it is not "already checked in", nor a starting point.
    expect(page.get_by_text("already checked in")).to_have_count(0)
    leg_pain = page.get_by_role("radiogroup", name=LEG_PAIN)
    expect(leg_pain.get_by_role("radio", checked=True)).to_have_count(0)
    answer_all(page, leg_pain=2)
    expect(leg_pain.get_by_role("radio", checked=True)).to_have_count(1)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Saved your check-in")).to_be_visible()

    saved = {row["day"]: row for row in _rows(server)}
    assert saved[today]["leg_pain"] == 2
    assert saved[today]["batch"] is None, "the day still counts as example data"
    assert saved[today - dt.timedelta(days=1)]["batch"] == storage.EXAMPLE_BATCH


def test_a_note_typed_in_a_folded_section_is_kept_when_folded_and_saved(server, page):
    _with_yesterday(server, leg_pain=4, walk_minutes=40)
    open_app(page, server.url)
    notes_box = page.get_by_test_id("stExpander").filter(has_text="Activity, exercises and notes")
    notes = page.get_by_role("textbox", name="Anything else worth remembering?")
    # Folded, its fields are not drawn at all; opening draws them.
    expect(notes).to_have_count(0)
    notes_box.get_by_text("Activity, exercises and notes").click()
    wait_idle(page)
    notes.fill("Swam ten lengths")
    page.get_by_role("heading", name="Daily check-in").click()  # leaving the box commits it
    wait_idle(page)
    notes_box.get_by_text("Activity, exercises and notes").click()  # fold it again
    wait_idle(page)
    expect(notes).to_have_count(0)
    answer(page, LEG_PAIN, 3)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Saved your check-in")).to_be_visible()
    notes_box.get_by_text("Activity, exercises and notes").click()
    wait_idle(page)
    expect(notes).to_have_value("Swam ten lengths")
    today = {row["day"]: row for row in _rows(server)}[_today()]
    assert (today["leg_pain"], today["notes"]) == (3, "Swam ten lengths")


def test_a_red_flag_ticked_after_saving_is_saved_from_the_top_of_a_phone(server, browser):
    _with_yesterday(server)
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, timezone_id=ZONE, color_scheme=scheme)
        phone = context.new_page()
        open_app(phone, server.url)
        flag = phone.get_by_text("Sciatica, numbness or weakness in both legs")
        expect(flag).to_be_visible()
        if scheme == "light":  # the dark visit finds the day already saved
            phone.get_by_role("button", name="Save check-in").click()
            wait_idle(phone)
        flag.scroll_into_view_if_needed()
        flag.click()  # ticked after the day was saved
        wait_idle(phone)
        # The urgent message comes first, then the reminder that the answer is not saved.
        reminder = phone.get_by_test_id("stAlert").filter(has_text="after saving")
        expect(reminder).to_be_visible()
        urgent = phone.locator("#urgent-care")
        assert urgent.bounding_box()["y"] < reminder.bounding_box()["y"]
        _drawn(phone)
        phone.screenshot(path=str(SCREENSHOTS / f"checkin-late-redflag-phone-{scheme}.png"))
        if scheme == "dark":
            phone.get_by_role("button", name="Save it to this check-in").click()
            wait_idle(phone)
            expect(phone.get_by_text("Updated your check-in")).to_be_visible()
            expect(reminder).to_have_count(0)
        context.close()
    today = {row["day"]: row for row in _rows(server)}[_today()]
    assert today["rf_both_legs"] is True
