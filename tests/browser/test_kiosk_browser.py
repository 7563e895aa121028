"""The clinic kiosk in a real browser: welcome, example recovery, large type, forgetting."""

import re

import pytest
from playwright.sync_api import Page, expect

from recovery import example
from recovery.signs import RED_FLAGS, sign
from tests.browser.helpers import NAV_LINKS, answer, answer_all, go_to, open_app, wait_idle
from tests.browser.server import PHONE, ROOT

PUBLIC_URL = "https://seven-signs.example.org/"
KIOSK = {"RECOVERY_MODE": "kiosk", "RECOVERY_PUBLIC_URL": PUBLIC_URL}
pytestmark = pytest.mark.server_env(KIOSK)
SCREENSHOTS = ROOT / "docs" / "screenshots"
FLAG = RED_FLAGS[0].question
PAIN_QUESTION = sign("pain").primary.question
NOTE = "Anything else worth remembering?"
PORTRAIT = {"width": 768, "height": 1024}
LANDSCAPE = {"width": 1024, "height": 768}
# Whether the check-in's red-flag message already tells a kiosk visitor where to go.
RECEPTION_LANDED = any(
    "reception desk" in path.read_text(encoding="utf-8")
    for folder in ("recovery", "pages")
    for path in (ROOT / folder).rglob("*.py")
)


def _start_todays_check_in(page: Page) -> None:
    page.get_by_role("button", name="Try today's check-in").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Daily check-in")).to_be_visible()


def _pain_answer(page: Page):
    return page.get_by_role("radiogroup", name=PAIN_QUESTION).get_by_role(
        "radio", name="7", exact=True
    )


def _history_line(page: Page) -> str:
    go_to(page, "History")
    line = page.get_by_text(re.compile(r"^\d+ check-ins, from"))
    expect(line).to_be_visible()
    return line.inner_text()


def _start_over(page: Page) -> None:
    page.get_by_role("button", name="Start over for the next person").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, start over").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible()


def test_the_next_visitor_sees_none_of_the_previous_ones_entries(server, page, browser):
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "23px"
    # No page for uploading or downloading files: nothing personal enters or leaves.
    expect(page.get_by_test_id("stTopNavLink").filter(has_text="Your data")).to_have_count(0)
    _start_todays_check_in(page)
    # Nothing invites personal text.
    expect(page.get_by_role("textbox", name=NOTE)).to_have_count(0)
    page.get_by_text(FLAG).click()
    wait_idle(page)
    expect(page.get_by_role("checkbox", name=FLAG)).to_be_checked()
    expect(page.get_by_text("Get urgent medical help now").first).to_be_visible()
    if RECEPTION_LANDED:
        expect(page.get_by_text("reception desk").first).to_be_visible()
    answer_all(page)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_text("your check-in for")).to_be_visible()
    assert _history_line(page).startswith(f"{example.DEFAULT_DAYS + 1} check-ins")

    # The same screen after Start over: a fresh example, no trace of the red flag.
    _start_over(page)
    assert _history_line(page).startswith(f"{example.DEFAULT_DAYS} check-ins")
    go_to(page, "Daily check-in")
    expect(page.get_by_role("checkbox", name=FLAG)).not_to_be_checked()

    # A visitor on another tab or device starts afresh too.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    second = context.new_page()
    open_app(second, server.url)
    assert _history_line(second).startswith(f"{example.DEFAULT_DAYS} check-ins")
    go_to(second, "Daily check-in")
    expect(second.get_by_role("checkbox", name=FLAG)).not_to_be_checked()
    context.close()
    assert not server.db_path.exists(), "the kiosk wrote a journal file"


def test_start_over_asks_first_and_returns_to_the_welcome(server, page):
    open_app(page, server.url)
    _start_todays_check_in(page)
    page.get_by_role("button", name="Start over for the next person").click()
    wait_idle(page)
    expect(page.get_by_text("Clear everything on this screen")).to_be_visible()
    page.get_by_role("button", name="Cancel").click()
    wait_idle(page)
    expect(page.get_by_text("Clear everything on this screen")).to_have_count(0)
    expect(page.get_by_role("heading", name="Daily check-in")).to_be_visible()
    _start_over(page)


def _countdown(page: Page) -> int:
    words = page.get_by_text("clears for the next person in").inner_text()
    return int(re.search(r"in (\d+) second", words).group(1))


@pytest.mark.server_env({**KIOSK, "RECOVERY_KIOSK_IDLE_SECONDS": "4"})
def test_an_idle_screen_asks_still_there_then_clears_itself(server, browser):
    context = browser.new_context(viewport=PORTRAIT)
    page = context.new_page()
    open_app(page, server.url)
    _start_todays_check_in(page)
    # An answer to forget (a red flag would hold the countdown: see the test below).
    answer(page, PAIN_QUESTION, 7)

    prompt = page.locator(".st-key-kiosk_still_there")
    expect(prompt.get_by_text("Still there?")).to_be_visible(timeout=15_000)
    first = _countdown(page)
    page.wait_for_timeout(1_300)
    assert _countdown(page) < first, "the countdown does not move"
    page.screenshot(path=str(SCREENSHOTS / "kiosk-still-there.png"))
    # Still here: the prompt goes and nothing is lost.
    page.get_by_role("button", name="I'm still here").click()
    expect(prompt).to_have_count(0)
    expect(_pain_answer(page)).to_be_checked()

    # Walking away: the screen clears back to the welcome, with a fresh example.
    expect(prompt.get_by_text("Still there?")).to_be_visible(timeout=15_000)
    expect(page.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible(timeout=15_000)
    wait_idle(page)
    _start_todays_check_in(page)
    expect(_pain_answer(page)).not_to_be_checked()
    context.close()


@pytest.mark.server_env({**KIOSK, "RECOVERY_KIOSK_IDLE_SECONDS": "4"})
def test_a_saved_check_in_clears_soon_with_the_countdown_shown(server, page):
    open_app(page, server.url)
    _start_todays_check_in(page)
    answer_all(page)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_text("Finished? This screen clears for the next person")).to_be_visible()
    expect(page.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible(timeout=15_000)


@pytest.mark.server_env({**KIOSK, "RECOVERY_KIOSK_IDLE_SECONDS": "4"})
def test_a_saved_red_flag_is_never_covered_nor_cleared_by_a_countdown(server, page):
    open_app(page, server.url)
    _start_todays_check_in(page)
    page.get_by_text(FLAG).click()
    wait_idle(page)
    page.get_by_role("button", name="Save check-in").click()  # the red flag alone
    wait_idle(page)
    urgent = page.locator(".urgent-care").first
    expect(urgent).to_be_visible()
    # Well past the 4-second countdowns: no pop-up over it, and the screen has not cleared.
    page.wait_for_timeout(9_000)
    expect(page.get_by_text("This screen clears for the next person")).to_have_count(0)
    expect(page.get_by_text("Still there?")).to_have_count(0)
    expect(urgent).to_be_in_viewport()
    page.screenshot(path=str(SCREENSHOTS / "kiosk-red-flag-held.png"))
    # Only Start over clears it, for the next person.
    _start_over(page)
    expect(page.locator(".urgent-care")).to_have_count(0)


def test_the_kiosk_sends_no_request_beyond_its_own_server(server, page):
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server.url, "data:", "blob:"))
            else outside.append(request.url)
        ),
    )
    open_app(page, server.url)
    for title in ("Daily check-in", "Progress", "History", "Recovery guide", "Welcome"):
        go_to(page, title)
    page.reload()
    wait_idle(page)
    assert outside == []
    icon = page.locator("link[rel~='icon']").first.get_attribute("href")
    assert icon.startswith(("/", "./", server.url)) or "media" in icon, icon


def test_the_history_table_offers_no_download(server, page):
    open_app(page, server.url)
    go_to(page, "History")
    grid = page.get_by_test_id("stDataFrame")
    grid.hover()
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stElementToolbar")).to_be_hidden()
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)


@pytest.mark.parametrize(
    ("viewport", "shot"),
    [(PORTRAIT, "kiosk-welcome.png"), (LANDSCAPE, "kiosk-welcome-landscape.png")],
)
def test_the_welcome_reads_from_a_step_away_on_a_tablet(server, browser, viewport, shot):
    context = browser.new_context(viewport=viewport)
    tablet = context.new_page()
    open_app(tablet, server.url)
    expect(tablet.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible()
    expect(tablet.get_by_role("button", name="Try today's check-in")).to_be_visible()
    expect(tablet.get_by_test_id("stVegaLiteChart")).to_have_count(1)
    expect(tablet.get_by_role("heading", name="Take it home")).to_be_attached()
    expect(tablet.get_by_text(PUBLIC_URL)).to_be_attached()
    assert tablet.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    button = tablet.get_by_role("button", name="Try today's check-in").bounding_box()
    assert button["height"] >= 55
    tablet.wait_for_timeout(500)
    # The example's headline and its chart show without scrolling, upright or sideways.
    if viewport is LANDSCAPE:
        for element in (
            tablet.get_by_role("heading", name="Improving in"),
            tablet.get_by_test_id("stVegaLiteChart"),
            tablet.get_by_role("button", name="Try today's check-in"),
        ):
            box = element.bounding_box()
            assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], box
    tablet.screenshot(path=str(SCREENSHOTS / shot))
    tablet.get_by_role("button", name="Try today's check-in").click()
    wait_idle(tablet)
    # The drawn box sits next to the (visually hidden) input inside the label.
    square = tablet.locator('[data-testid="stCheckbox"] label > span + div').first
    assert square.bounding_box()["height"] >= 30, "the checkboxes are hard to tap"
    context.close()


def test_the_kiosk_shows_the_example_progress_on_a_tablet(server, browser):
    context = browser.new_context(viewport={"width": 800, "height": 1280})
    tablet = context.new_page()
    open_app(tablet, server.url)
    tablet.get_by_role("link", name="See all seven signs").click()
    wait_idle(tablet)
    signs = '[class*="st-key-progress_card_"] [data-testid="stVegaLiteChart"]'
    expect(tablet.locator(signs)).to_have_count(7)  # then the example's weekly scores
    tablet.screenshot(path=str(SCREENSHOTS / "kiosk.png"))
    context.close()


@pytest.mark.server_env({"RECOVERY_MODE": "kiosk"})
def test_without_a_public_address_there_is_no_take_home_code(server, page):
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Welcome to Seven Signs")).to_be_visible()
    expect(page.get_by_role("heading", name="Take it home")).to_have_count(0)


def test_the_kiosk_fits_a_phone_screen(server, browser):
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    open_app(phone, server.url)
    expect(phone.get_by_role("button", name="Start over for the next person")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The row of page links that stands in for the top navigation is in large type too.
    expect(phone.get_by_test_id("stPageLink-NavLink").first).to_be_visible()
    assert min(_nav_link_sizes(phone)) >= LARGE_PX
    # ...and starts below the header rather than under it.
    header = phone.get_by_test_id("stHeader").bounding_box()
    links = phone.locator(".st-key-phone_nav").bounding_box()
    assert links["y"] >= header["y"] + header["height"] - 1
    context.close()


# The smallest type a kiosk visitor reads, in CSS pixels; chart tick labels may be a little
# smaller (Vega-Lite's 10px, times the kiosk's chart scale).
LARGE_PX = 20
CHART_PX = 18
_LABEL_SIZE = """els => els.filter(e => e.getClientRects().length).map(e => {
  const words = [...e.querySelectorAll('*')].filter(
    c => !c.children.length && c.textContent.trim() && !/material/i.test(c.className + ''));
  return parseFloat(getComputedStyle(words.at(-1) || e).fontSize);
})"""


def _nav_link_sizes(page: Page) -> list[float]:
    sizes = page.locator(NAV_LINKS).evaluate_all(_LABEL_SIZE)
    assert sizes, "no page link on screen"
    return sizes


def _grid_text_px(page: Page) -> float:
    """The data grid's cell text size: it draws on a canvas, from this style variable."""
    style = page.get_by_test_id("stDataFrame").evaluate(
        """grid => [...grid.querySelectorAll('*')].map(
             e => e.style.getPropertyValue('--gdg-base-font-style')).find(Boolean)"""
    )
    return float(re.search(r"([\d.]+)px", style).group(1))


def _chart_text_px(page: Page) -> list[float]:
    return page.locator('[data-testid="stVegaLiteChart"] svg text').evaluate_all(
        """els => els.filter(t => t.textContent.trim())
             .map(t => parseFloat(getComputedStyle(t).fontSize))"""
    )


def _open(page: Page, url: str) -> None:
    # A tablet folds some pages into "N more": open the page by its address instead.
    page.goto(url)
    wait_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)


@pytest.mark.parametrize(("viewport", "shot"), [(PORTRAIT, "kiosk-guide.png"), (LANDSCAPE, None)])
def test_every_kiosk_page_is_in_large_type_on_a_tablet(server, browser, viewport, shot):
    context = browser.new_context(viewport=viewport)
    tablet = context.new_page()
    open_app(tablet, server.url)
    assert min(_nav_link_sizes(tablet)) >= LARGE_PX

    _open(tablet, server.url + "/history")
    expect(tablet.get_by_test_id("stDataFrame")).to_be_visible()
    assert _grid_text_px(tablet) >= LARGE_PX
    tablet.get_by_test_id("stDataFrame").hover()
    expect(tablet.get_by_role("button", name="Download as CSV")).to_have_count(0)

    _open(tablet, server.url + "/checkin")
    labels = tablet.locator('[data-testid="stCheckbox"] label p')
    expect(labels.first).to_be_visible()
    sizes = labels.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= LARGE_PX

    _open(tablet, server.url + "/recovery_guide")
    charts = tablet.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2)
    expect(charts.last.locator("svg text").first).to_be_attached()
    sizes = _chart_text_px(tablet)
    assert sizes and min(sizes) >= CHART_PX, sorted(set(sizes))
    assert tablet.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    if shot:
        charts.first.evaluate("chart => chart.scrollIntoView({block: 'center'})")
        tablet.wait_for_timeout(500)
        tablet.screenshot(path=str(SCREENSHOTS / shot))
    context.close()


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT])
def test_a_tablet_shows_every_page_and_whole_buttons_and_no_app_menu(server, browser, viewport):
    context = browser.new_context(viewport=viewport)
    tablet = context.new_page()
    open_app(tablet, server.url)
    # All six pages in the top bar (the flare-up log too), none folded behind "2 more".
    for title in ("Welcome", "Daily check-in", "Flare-up", "Progress", "History", "Recovery guide"):
        expect(tablet.get_by_test_id("stTopNavLink").filter(has_text=title)).to_be_in_viewport()
    expect(tablet.get_by_test_id("stTopNavSection")).to_have_count(0)
    # No ⋮ menu: its Print and Record a screencast are not for visitors.
    expect(tablet.get_by_test_id("stMainMenu")).to_be_hidden()
    tablet.get_by_role("button", name="Start over for the next person").click()
    wait_idle(tablet)
    for name in ("Yes, start over", "Cancel"):
        words = tablet.get_by_role("button", name=name).locator("p")
        expect(words).to_have_text(name)
        # The whole label shows: no "Y…" or "C…".
        assert words.evaluate("p => p.scrollWidth <= p.clientWidth"), name
    if viewport is LANDSCAPE:
        tablet.screenshot(path=str(SCREENSHOTS / "kiosk-start-over-landscape.png"))
    tablet.get_by_role("button", name="Cancel").click()
    context.close()
