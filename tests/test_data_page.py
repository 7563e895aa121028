"""The Data page under AppTest: download buttons, checked import with keep or replace."""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from recovery import example, storage, transfer
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin, in_page_order
from tests.support import DAY1, DAY2, as_shown, csv_text, row, shown_table


def fill(db_path, days=(DAY1, DAY2)) -> None:
    connection = storage.open_database(db_path)
    for day in days:
        storage.save_checkin(connection, LOCAL_OWNER, day, checkin(leg_pain=4))
    connection.close()


def open_data(app):
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception
    return app


def upload(app, name: str, data: bytes, mime: str = "text/csv"):
    app.file_uploader(key="data_upload_0").set_value((name, data, mime)).run()
    assert not app.exception
    return app


def leg_pain_on(db_path, day: dt.date) -> int | None:
    connection = storage.open_database(db_path)
    try:
        found = storage.get_checkin(connection, LOCAL_OWNER, day)
        return None if found is None else found["leg_pain"]
    finally:
        connection.close()


def test_an_empty_journal_says_there_is_nothing_to_save_but_offers_import(app):
    open_data(app)
    assert app.title[0].value == "Your data"
    assert "nothing to save yet" in app.info[0].value
    assert app.file_uploader(key="data_upload_0") is not None


def test_the_download_buttons_hold_csv_json_and_fhir_of_the_journal(app, db_path):
    fill(db_path)
    open_data(app)
    buttons = [b for b in app.get("download_button") if b.key.startswith("data_download_")]
    labels = sorted(b.proto.label for b in buttons if "template" not in b.key)
    assert labels == [
        "Download CSV",
        "Download backup (JSON)",
        "Download flare-ups (CSV)",
        "Download for a clinic system (FHIR)",
        "Download weekly answers (CSV)",
    ]
    assert "format clinic record systems read" in " ".join(c.value for c in app.caption)


def test_a_valid_file_shows_the_counts_and_writes_only_after_confirming(app, db_path):
    fill(db_path, (DAY1,))
    open_data(app)
    upload(app, "mine.csv", csv_text([row(DAY1, leg_pain=9), row(DAY2, leg_pain=8)]).encode())
    assert "1 new day, 1 already in your journal" in app.info[-1].value
    assert leg_pain_on(db_path, DAY2) is None  # nothing written yet
    assert app.radio(key="data_existing").value == "Keep mine"
    app.button(key="data_import_confirm").click().run()
    assert "Imported 1 day. Kept 1 day of yours unchanged." in app.success[0].value
    assert leg_pain_on(db_path, DAY1) == 4
    assert leg_pain_on(db_path, DAY2) == 8


def test_choosing_replace_takes_the_files_values(app, db_path):
    fill(db_path, (DAY1,))
    open_data(app)
    upload(app, "mine.csv", csv_text([row(DAY1, leg_pain=9)]).encode())
    app.radio(key="data_existing").set_value("Replace with the file's").run()
    assert app.button(key="data_import_confirm").proto.label == "Import 1 day"
    app.button(key="data_import_confirm").click().run()
    assert app.success[0].value == "Imported 1 day: 0 new, 1 replaced."
    assert leg_pain_on(db_path, DAY1) == 9


def test_a_bad_file_shows_a_table_of_problems_and_no_import_button(app, db_path):
    fill(db_path)
    open_data(app)
    bad = [row(TODAY - dt.timedelta(days=3), leg_pain=12), row(TODAY + dt.timedelta(days=2))]
    upload(app, "bad.csv", csv_text(bad).encode())
    assert "Nothing was imported: bad.csv has 2 problems" in as_shown(app.error[0].value)
    table = shown_table(app.table[0].value)
    assert table.index.name == "Row"
    assert table.columns.tolist() == ["Column", "Value", "What is wrong"]
    assert table.index[0] == 2
    assert table.iloc[0].tolist() == [
        "leg_pain",
        "12",
        "leg_pain must be a whole number from 0 to 10; got 12",
    ]
    assert "is in the future" in table.iloc[1]["What is wrong"]
    assert not [b for b in app.button if b.key == "data_import_confirm"]


def test_an_empty_upload_is_refused_in_plain_words(app):
    open_data(app)
    upload(app, "empty.csv", b"")
    assert "has 1 problem" in as_shown(app.error[0].value)
    assert shown_table(app.table[0].value).iloc[0]["What is wrong"] == (
        "The file is empty: there is nothing to import."
    )


def test_preparing_the_report_offers_the_pdf_for_download(app, db_path):
    fill(db_path)
    open_data(app)
    app.text_input(key="data_report_name").input("Sam")
    app.button(key="data_report_make").click().run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Download the PDF report" in labels


def test_a_report_range_picks_the_days(app, db_path):
    fill(db_path)
    open_data(app)
    app.radio(key="data_report_scope").set_value("A date range").run()
    app.date_input(key="data_report_range").set_value((DAY2, DAY2)).run()
    app.button(key="data_report_make").click().run()
    assert not app.exception
    assert app.session_state["data_report_pdf"][0][0] == (DAY2, DAY2)


def test_a_long_list_of_problems_goes_in_a_scrollable_grid(app):
    open_data(app)
    rows = [row(TODAY - dt.timedelta(days=n), leg_pain=11) for n in range(1, 61)]
    upload(app, "bad.csv", csv_text(rows).encode())
    assert "has 60 problems" in as_shown(app.error[0].value)
    assert len(app.dataframe[0].value) == 60


PRIMARY_ONLY = ("date", *(c for c in transfer.REQUIRED_COLUMNS if c != "date"))


def stored(db_path, day: dt.date) -> dict | None:
    connection = storage.open_database(db_path)
    try:
        return storage.get_checkin(connection, LOCAL_OWNER, day)
    finally:
        connection.close()


def import_shown_file(app):
    app.button(key="data_import_confirm").click().run()
    assert not app.exception
    return app


def test_an_empty_journal_offers_a_csv_template_with_every_column(app):
    open_data(app)
    button = next(b for b in app.get("download_button") if b.key == "data_download_template")
    assert button.proto.label == "Download a CSV template"
    assert ",".join(transfer.CSV_COLUMNS) in transfer.template_csv()


def test_the_import_help_lists_required_and_optional_columns(app):
    open_data(app)
    help_text = " ".join(m.value for m in app.markdown)
    assert "**Every row needs:** `date`" in help_text
    assert "`leg_pain`" in help_text and "`activity`" in help_text.split("**Optional**")[1]


def test_a_csv_with_only_the_date_and_primary_columns_imports_as_not_recorded(app, db_path):
    open_data(app)
    upload(app, "sheet.csv", csv_text([row(DAY1), row(DAY2)], PRIMARY_ONLY).encode())
    assert "2 new days" in app.info[-1].value
    assert "saved as not recorded: `fingertip_floor_cm`" in app.caption[-1].value
    import_shown_file(app)
    saved = stored(db_path, DAY1)
    assert saved["leg_pain"] == 5
    assert saved["activity"] is None and saved["exercises_done"] is None
    assert "data_parsed" not in app.session_state  # the file is not kept after the import


def test_a_day_first_csv_imports(app, db_path):
    open_data(app)
    day = dt.date(2026, 3, 31)
    text = csv_text([row(day)], PRIMARY_ONLY).replace(day.isoformat(), "31/03/2026")
    upload(app, "sheet.csv", text.encode())
    import_shown_file(app)
    assert stored(db_path, day) is not None


def test_month_first_dates_need_the_choice_and_then_import(app, db_path):
    open_data(app)
    days = [dt.date(2026, 3, 30), dt.date(2026, 3, 31)]
    text = csv_text([row(d) for d in days], PRIMARY_ONLY)
    for d in days:
        text = text.replace(d.isoformat(), f"{d.month:02d}/{d.day:02d}/{d.year}")
    upload(app, "us.csv", text.encode())
    problem = shown_table(app.table[0].value).iloc[0]["What is wrong"]
    assert "rows 2, 3 write the month first" in problem
    app.radio(key="data_date_order").set_value(transfer.MONTH_FIRST).run()
    import_shown_file(app)
    assert stored(db_path, days[1]) is not None


def test_an_ambiguous_file_is_refused_with_its_rows_named(app, db_path):
    open_data(app)
    text = csv_text([row(dt.date(2026, 4, 3)), row(dt.date(2026, 5, 3))], PRIMARY_ONLY)
    text = text.replace("2026-04-03", "03/04/2026").replace("2026-05-03", "03/05/2026")
    upload(app, "sheet.csv", text.encode())
    problem = shown_table(app.table[0].value).iloc[0]["What is wrong"]
    assert problem.startswith("rows 2, 3: a date such as 03/04/2026 could be 3 April or 4 March")
    assert not [b for b in app.button if b.key == "data_import_confirm"]
    assert (
        stored(db_path, dt.date(2026, 4, 3)) is None
        and stored(db_path, dt.date(2026, 3, 4)) is None
    )


def test_a_row_dated_year_one_is_refused_with_its_row(app, db_path):
    open_data(app)
    upload(app, "sheet.csv", csv_text([row(DAY1), row(dt.date(1, 1, 1))]).encode())
    table = shown_table(app.table[0].value)
    assert table.index[0] == 3
    assert table.iloc[0]["What is wrong"] == "date 0001-01-01 is before 1900; check the year"
    assert stored(db_path, DAY1) is None


def test_an_oversized_file_is_refused_and_nothing_is_written(app, db_path):
    open_data(app)
    big = csv_text([row(DAY1)]).encode() + b"x" * (transfer.MAX_BYTES + 1)
    upload(app, "huge.csv", big)
    assert "the limit is 50 MB" in as_shown(app.error[0].value)
    assert "data_parsed" not in app.session_state
    assert not [b for b in app.button if b.key == "data_import_confirm"]
    assert stored(db_path, DAY1) is None


def test_a_deeply_nested_json_is_not_a_backup_and_nothing_is_written(app, db_path):
    open_data(app)
    upload(app, "deep.json", b"[" * 100_000 + b"]" * 100_000, "application/json")
    problem = shown_table(app.table[0].value).iloc[0]["What is wrong"]
    assert problem.startswith("This is not a Seven Signs backup")
    assert not db_path.exists() or stored(db_path, DAY1) is None


def test_cancel_drops_the_file_and_writes_nothing(app, db_path):
    open_data(app)
    upload(app, "sheet.csv", csv_text([row(DAY1)]).encode())
    app.button(key="data_import_cancel").click().run()
    assert "data_parsed" not in app.session_state
    assert app.file_uploader(key="data_upload_1") is not None
    assert stored(db_path, DAY1) is None


def test_changing_the_name_after_preparing_asks_for_a_new_pdf(app, db_path):
    fill(db_path)
    open_data(app)
    app.text_input(key="data_report_name").input("Sam").run()
    app.button(key="data_report_make").click().run()
    assert "Download the PDF report" in [b.proto.label for b in app.get("download_button")]
    app.text_input(key="data_report_name").input("Samira").run()
    assert "Download the PDF report" not in [b.proto.label for b in app.get("download_button")]
    app.button(key="data_report_make").click().run()
    pdf = app.session_state["data_report_pdf"][1]
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Patient: Samira." in text


def test_a_report_of_example_days_only_is_refused_in_plain_words(app, db_path):
    connection = storage.open_database(db_path)
    example.load_example(connection, LOCAL_OWNER, end=TODAY)
    connection.close()
    open_data(app)
    app.button(key="data_report_make").click().run()
    assert not app.exception
    assert "made-up example day" in app.warning[0].value
    assert "Download the PDF report" not in [b.proto.label for b in app.get("download_button")]


def test_the_import_result_is_said_where_the_import_was_pressed(app, db_path):
    open_data(app)
    upload(app, "mine.csv", csv_text([row(DAY1), row(DAY2)]).encode())
    app.button(key="data_import_confirm").click().run()
    order = in_page_order(app.main)
    result = next(i for i, el in enumerate(order) if el.type == "success")
    uploader = next(i for i, el in enumerate(order) if el.type == "file_uploader")
    assert "Imported 2 days" in order[result].value
    assert result == uploader + 1, "the result is not where the Import button was"
