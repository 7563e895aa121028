"""The Data page in a real browser: upload a CSV, confirm, then download the journal."""

import datetime as dt
import json

import icalendar
import pypdf
from fhir.resources.bundle import Bundle
from playwright.sync_api import expect

from recovery import transfer
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import PHONE, ROOT
from tests.conftest import checkin
from tests.support import csv_text

SCREENSHOTS = ROOT / "docs" / "screenshots"


def test_a_csv_uploaded_in_the_browser_is_imported_and_can_be_downloaded(server, page, tmp_path):
    today = dt.date.today()
    rows = [
        {"date": today - dt.timedelta(days=n), "example": False, **checkin(leg_pain=8 - n // 2)}
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
    result = page.get_by_test_id("stAlert").filter(has_text="Imported 14 days")
    expect(result).to_be_visible()
    expect(result).to_be_in_viewport()  # where the Import button was, not under the title

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = download.value.path().read_text(encoding="utf-8")
    assert saved == source.read_text(encoding="utf-8")
    first, last = rows[0]["date"], rows[-1]["date"]
    assert download.value.suggested_filename == f"seven-signs-{first}-to-{last}.csv"
    with page.expect_download() as fhir_download:
        page.get_by_role("button", name="Download for a clinic system (FHIR)").click()
    bundle = json.loads(fhir_download.value.path().read_text(encoding="utf-8"))
    Bundle(bundle)  # strict: a valid FHIR R4 Bundle
    pain = [
        e["resource"]["valueInteger"]
        for e in bundle["entry"]
        if e["resource"]["code"]["coding"][0]["code"] == "72514-3"
    ]
    assert pain == [row["leg_pain"] for row in rows]
    assert fhir_download.value.suggested_filename == f"seven-signs-{first}-to-{last}.fhir.json"
    with page.expect_download() as reminder:
        page.get_by_role("button", name="Add a daily reminder to my calendar (.ics)").click()
    ics = reminder.value.path().read_text(encoding="utf-8")
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("DTSTART").time() == dt.time(20, 0)
    assert event["RRULE"]["FREQ"] == ["DAILY"] and event.walk("VALARM")
    assert "journal" not in ics.lower() and "http" not in ics
    expect(page.get_by_test_id("stException")).to_have_count(0)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Streamlit scrolls inside its own container, so a tall window shows the whole page.
    page.set_viewport_size({"width": 1280, "height": 1500})
    wait_idle(page)
    page.get_by_role("heading", name="Your data").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "data.png"))


PRIMARY_ONLY = ("date", *(c for c in transfer.REQUIRED_COLUMNS if c != "date"))


def _phone(browser, url: str, path: str):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.goto(f"{url}/{path}")
    wait_idle(tab)
    return context, tab


def _upload(tab, source) -> None:
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(source)
    wait_idle(tab)


def test_spreadsheet_csvs_with_primary_columns_and_day_first_dates_import_on_a_phone(
    server, browser, tmp_path
):
    today = dt.date.today()
    days = [today - dt.timedelta(days=n) for n in range(20, 6, -1)]
    primary = tmp_path / "just-the-signs.csv"
    primary.write_text(csv_text([{"date": d, **checkin()} for d in days[:7]], PRIMARY_ONLY))
    day_first = tmp_path / "day-first.csv"
    text = csv_text([{"date": d, **checkin()} for d in days[7:]], PRIMARY_ONLY)
    for d in days[7:]:
        text = text.replace(d.isoformat(), f"{d.day:02d}/{d.month:02d}/{d.year}")
    day_first.write_text(text)

    context, tab = _phone(browser, server.url, "data")
    _upload(tab, primary)
    expect(tab.get_by_text("7 new days, 0 already in your journal")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.get_by_role("button", name="Import 7 days").scroll_into_view_if_needed()
    tab.wait_for_timeout(300)
    tab.screenshot(path=str(SCREENSHOTS / "import-preview-phone.png"))
    tab.get_by_role("button", name="Import 7 days").click()
    wait_idle(tab)
    imported = tab.get_by_test_id("stAlert").filter(has_text="Imported 7 days")
    expect(imported).to_be_in_viewport()  # on a phone too

    _upload(tab, day_first)
    expect(tab.get_by_text("7 new days, 0 already in your journal")).to_be_visible()
    tab.get_by_role("button", name="Import 7 days").click()
    wait_idle(tab)
    expect(tab.get_by_test_id("stAlert").filter(has_text="Imported 7 days")).to_be_visible()
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_the_pdf_downloaded_after_a_name_change_carries_the_new_name(server, page, tmp_path):
    today = dt.date.today()
    rows = [{"date": today - dt.timedelta(days=n), **checkin()} for n in range(10, 0, -1)]
    source = tmp_path / "days.csv"
    source.write_text(csv_text(rows), encoding="utf-8")
    open_app(page, server.url)
    go_to(page, "Your data")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(source)
    wait_idle(page)
    page.get_by_role("button", name="Import 10 days").click()
    wait_idle(page)

    name = page.get_by_label("Your name on the report (optional)")
    name.fill("Sam")
    name.press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Prepare the PDF").click()
    wait_idle(page)
    expect(page.get_by_role("button", name="Download the PDF report")).to_be_visible()
    name.fill("Samira")
    name.press("Enter")
    wait_idle(page)
    expect(page.get_by_role("button", name="Download the PDF report")).to_have_count(0)
    page.get_by_role("button", name="Prepare the PDF").click()
    wait_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF report").click()
    pdf = pypdf.PdfReader(download.value.path())
    assert "Patient: Samira." in " ".join(pdf.pages[0].extract_text().split())
