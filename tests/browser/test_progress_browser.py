"""The progress page in a real browser: load the example, see seven charts, switch the range."""

from playwright.sync_api import expect

from recovery import text
from recovery.signs import SIGNS
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import DESKTOP, PHONE, ROOT

SCREENSHOTS = ROOT / "docs" / "screenshots"


# The seven signs' charts (the Weekly scores section below them has its own).
SIGN_CHARTS = '[class*="st-key-progress_card_"] [data-testid="stVegaLiteChart"]'


def _charts_drawn(page, count: int) -> None:
    charts = page.locator(SIGN_CHARTS)
    expect(charts).to_have_count(count)
    for index in range(count):
        # Vega draws each chart into a canvas (or an svg) once it has rendered.
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible()


def test_the_example_recovery_shows_seven_charts_and_the_range_can_change(server, page, browser):
    open_app(page, server.url)
    go_to(page, "Progress")
    expect(page.get_by_text("Your journal is empty")).to_be_visible()
    expect(page.get_by_text(text.DISCLAIMER)).to_be_visible()  # the footer, even when empty

    page.get_by_role("button", name="Load the example recovery").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, load the example").click()
    wait_idle(page)
    expect(
        page.get_by_role("heading", name="Improving in 6 of 7 signs; not yet in leg strength")
    ).to_be_visible()
    _charts_drawn(page, 7)
    expect(page.get_by_text("No clear change: leg strength")).to_be_visible()
    # Each card's badge (words and an icon, not colour alone) matches the analysis.
    for the_sign in SIGNS:
        badge = page.locator(f".st-key-progress_card_{the_sign.key} .stMarkdownBadge")
        verdict = "No clear change" if the_sign.key == "strength" else "Improving"
        expect(badge).to_have_count(1)
        expect(badge).to_contain_text(verdict)
        expect(badge.get_by_role("img")).to_have_count(1)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": DESKTOP["width"], "height": 1500})
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "progress.png"))
    page.set_viewport_size(DESKTOP)

    first_chart = page.get_by_test_id("stVegaLiteChart").first
    points = first_chart.locator('[aria-roledescription="circle"]')
    expect(points).to_have_count(84)  # the whole example, one point a day
    page.get_by_text("Last 4 weeks").click()
    wait_idle(page)
    expect(page.get_by_role("radio", name="Last 4 weeks")).to_be_checked()
    _charts_drawn(page, 7)
    expect(points).to_have_count(28)
    page.get_by_text("Everything").click()
    wait_idle(page)
    _charts_drawn(page, 7)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    phone_context = browser.new_context(viewport=PHONE)
    phone = phone_context.new_page()
    open_app(phone, server.url)
    go_to(phone, "Progress")  # the labelled page links at the top, not a folded sidebar
    _charts_drawn(phone, 7)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the progress page scrolls sideways on a phone"
    phone_context.close()
