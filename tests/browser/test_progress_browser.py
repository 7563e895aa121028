"""The progress page in a real browser: load the example, see seven charts, switch the range."""

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, ROOT
from tests.browser.helpers import go_to, open_app, wait_idle

SCREENSHOTS = ROOT / "docs" / "screenshots"


def _charts_drawn(page, count: int) -> None:
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(count)
    for index in range(count):
        # Vega draws each chart into a canvas (or an svg) once it has rendered.
        expect(charts.nth(index).locator("canvas, svg").first).to_be_visible()


def test_the_example_recovery_shows_seven_charts_and_the_range_can_change(server, page, browser):
    open_app(page, server.url)
    go_to(page, "Progress")
    expect(page.get_by_text("Your journal is empty")).to_be_visible()

    page.get_by_role("button", name="Load the example recovery").click()
    wait_idle(page)
    page.get_by_role("button", name="Yes, load the example").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Improving in 6 of 7 signs")).to_be_visible()
    _charts_drawn(page, 7)
    expect(page.get_by_text("Getting worse")).to_have_count(0)
    expect(page.get_by_text("No clear change")).to_have_count(1)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": DESKTOP["width"], "height": 1500})
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "progress.png"))
    page.set_viewport_size(DESKTOP)

    page.get_by_text("Last 4 weeks").click()
    wait_idle(page)
    expect(page.get_by_role("radio", name="Last 4 weeks")).to_be_checked()
    _charts_drawn(page, 7)
    page.get_by_text("Everything").click()
    wait_idle(page)
    _charts_drawn(page, 7)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    phone_context = browser.new_context(viewport=PHONE)
    phone = phone_context.new_page()
    open_app(phone, server.url)
    phone.get_by_test_id("stExpandSidebarButton").click()
    go_to(phone, "Progress")
    _charts_drawn(phone, 7)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the progress page scrolls sideways on a phone"
    phone_context.close()
