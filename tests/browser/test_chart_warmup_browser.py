"""The check-in's hidden warm-up chart: drawn once after the page, unseen, then quiet."""

from playwright.sync_api import expect

from tests.browser.helpers import go_to, open_app, wait_idle

# Counts what the page asks of the server: each message sent on Streamlit's websocket.
_COUNT_SENDS = """
window.__sends = 0;
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  const send = socket.send.bind(socket);
  socket.send = (data) => { window.__sends += 1; send(data); };
  return socket;
};
window.WebSocket.prototype = Native.prototype;
Object.assign(window.WebSocket, Native);
"""


def test_the_warm_up_chart_is_drawn_once_out_of_sight_and_then_asks_nothing(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(_COUNT_SENDS)
    page = context.new_page()
    open_app(page, server.url)
    warmup = page.locator(".st-key-chart_warmup")
    expect(warmup.get_by_test_id("stVegaLiteChart").locator("canvas, svg").first).to_be_attached(
        timeout=10_000
    )
    wait_idle(page)
    # Out of sight, out of the accessibility tree, and the page is no wider for it.
    assert warmup.evaluate("(el) => getComputedStyle(el).visibility") == "hidden"
    assert warmup.evaluate("(el) => el.getBoundingClientRect().right") < 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_role("graphics-document")).to_have_count(0)
    # The timer that drew it has stopped: the page asks the server nothing more.
    sends = page.evaluate("window.__sends")
    page.wait_for_timeout(3_000)
    assert page.evaluate("window.__sends") == sends
    # Progress draws its own seven charts, and the warm-up is gone with the check-in.
    go_to(page, "Progress")
    expect(warmup).to_have_count(0)
    context.close()
