"""The Data page under AppTest: download buttons, checked import with keep or replace."""

from __future__ import annotations

import datetime as dt

from recovery import storage
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin
from tests.test_transfer import DAY1, DAY2, csv_text, row


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


def test_the_download_buttons_hold_csv_and_json_of_the_journal(app, db_path):
    fill(db_path)
    open_data(app)
    buttons = {b.proto.id: b for b in app.get("download_button")}
    assert len(buttons) == 2
    labels = sorted(b.proto.label for b in buttons.values())
    assert labels == ["Download CSV", "Download backup (JSON)"]


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
    assert "Nothing was imported: bad.csv has 2 problems" in app.error[0].value
    table = app.table[0].value
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
    assert "has 1 problem" in app.error[0].value
    assert app.table[0].value.iloc[0]["What is wrong"] == (
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
    assert app.session_state["data_report_pdf"][0] == (DAY2, DAY2)


def test_a_long_list_of_problems_goes_in_a_scrollable_grid(app):
    open_data(app)
    rows = [row(TODAY - dt.timedelta(days=n), leg_pain=11) for n in range(1, 61)]
    upload(app, "bad.csv", csv_text(rows).encode())
    assert "has 60 problems" in app.error[0].value
    assert len(app.dataframe[0].value) == 60
