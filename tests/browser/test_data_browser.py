"""The Data page in a real browser: upload a CSV, confirm, then download the journal."""

import datetime as dt

from playwright.sync_api import expect

from tests.browser.conftest import ROOT
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.conftest import checkin
from tests.test_transfer import csv_text

SCREENSHOTS = ROOT / "docs" / "screenshots"


def test_a_csv_uploaded_in_the_browser_is_imported_and_can_be_downloaded(server, page, tmp_path):
    today = dt.date.today()
    rows = [
        {"date": today - dt.timedelta(days=n), **checkin(leg_pain=8 - n // 2)}
        for n in range(14, 0, -1)
    ]
    source = tmp_path / "from-my-spreadsheet.csv"
    source.write_text(csv_text(rows), encoding="utf-8")

    open_app(page, server.url)
    go_to(page, "Your data")
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(source)
    wait_idle(page)
    expect(page.get_by_text("14 new days, 0 already in your journal")).to_be_visible()
    page.get_by_role("button", name="Import 14 days").click()
    wait_idle(page)
    expect(page.get_by_test_id("stAlert").filter(has_text="Imported 14 days")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = download.value.path().read_text(encoding="utf-8")
    assert saved == source.read_text(encoding="utf-8")
    assert download.value.suggested_filename == "seven-signs.csv"
    expect(page.get_by_test_id("stException")).to_have_count(0)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Streamlit scrolls inside its own container, so a tall window shows the whole page.
    page.set_viewport_size({"width": 1280, "height": 1350})
    wait_idle(page)
    page.screenshot(path=str(SCREENSHOTS / "data.png"))
