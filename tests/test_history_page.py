"""The history page under AppTest: a table for a phone, choose a row to edit or delete it."""

import datetime as dt

import streamlit as st

from recovery import history, storage, text
from recovery.signs import SIGNS
from tests.conftest import TODAY, checkin
from tests.support import choose_row, shown_table

YESTERDAY = TODAY - dt.timedelta(days=1)


def _fill(db_path):
    connection = storage.open_database(db_path)
    storage.save_checkin(connection, "local", YESTERDAY, checkin(leg_pain=7, notes="Long walk"))
    storage.save_checkin(connection, "local", TODAY, checkin(leg_pain=3, rf_both_legs=True))
    connection.close()


def _open_history(app):
    app.run()
    app.switch_page("pages/history.py").run()
    assert not app.exception
    return app


def test_an_empty_journal_explains_how_to_start(app):
    _open_history(app)
    assert "Your journal is empty" in app.info[0].value


def test_the_table_fits_a_phone_short_dates_sign_names_dashes_not_none(app, db_path):
    _fill(db_path)
    _open_history(app)
    table = app.dataframe[0].value
    assert list(table.columns) == [
        "Date",
        *(sign.short_title for sign in SIGNS),
        "Note",
        "Red flag",
    ]
    assert table["Date"].tolist() == [history.short_date(TODAY), history.short_date(YESTERDAY)]
    assert table["Leg pain"].tolist() == ["3", "7"]
    assert table["Note"].tolist() == ["–", "Long walk"]
    assert table["Red flag"].tolist() == ["Yes", ""]
    assert "None" not in table.to_string()
    assert "2 check-ins" in app.markdown[0].value


def test_short_dates_and_note_previews_read_well():
    assert history.short_date(dt.date(2026, 11, 23)) == "Mon 23 Nov"
    assert history.note_preview("a\nb") == "a b"
    assert (
        history.note_preview("x" * 50).endswith("…") and len(history.note_preview("x" * 50)) == 32
    )
    assert history.note_preview(None) == "–"


def test_choosing_a_row_shows_the_whole_day_with_blanks_as_dashes(app, db_path):
    _fill(db_path)
    _open_history(app)
    choose_row(app, 1)
    assert app.subheader[0].value.endswith(str(YESTERDAY.year))
    answers = shown_table(app.table[0].value)
    assert answers.loc["Leg pain (0-10)", "Answer"] == "7"
    assert answers.loc["Hours slept (h)", "Answer"] == "–"
    assert answers.loc["Notes", "Answer"] == "Long walk"


def test_deleting_a_day_asks_first_and_cancel_keeps_it(app, db_path):
    _fill(db_path)
    _open_history(app)
    choose_row(app, 0)
    app.button(key="history_delete").click().run()
    assert "This cannot be undone" in app.warning[0].value
    app.button(key="history_confirm_no").click().run()
    assert len(app.dataframe[0].value) == 2


def test_confirming_a_delete_removes_the_chosen_day(app, db_path):
    _fill(db_path)
    _open_history(app)
    choose_row(app, 1)
    app.button(key="history_delete").click().run()
    app.button(key="history_confirm_yes").click().run()
    assert app.success[0].value.startswith("Deleted the check-in for")
    assert app.dataframe[0].value["Leg pain"].tolist() == ["3"]
    assert not [b for b in app.button if b.key == "history_delete"]  # selection cleared


def test_edit_opens_the_check_in_page_on_the_chosen_day(app, db_path):
    _fill(db_path)
    _open_history(app)
    choose_row(app, 1)
    app.button(key="history_edit").click().run()
    assert app.title[0].value == "Daily check-in"
    assert app.date_input(key="ci_date").value == YESTERDAY
    assert app.segmented_control(key="ci_leg_pain").value == 7
    st.cache_resource.clear()


def test_an_imported_day_without_activity_opens_for_editing(app, db_path):
    connection = storage.open_database(db_path)
    values = checkin(leg_pain=6)
    values.update(activity=None, exercises_done=None)
    storage.save_checkin(connection, "local", YESTERDAY, values)
    connection.close()
    _open_history(app)
    choose_row(app, 0)
    assert shown_table(app.table[0].value).loc["Activity today", "Answer"] == "–"
    app.button(key="history_edit").click().run()
    assert not app.exception
    assert app.segmented_control(key="ci_leg_pain").value == 6


def test_tapping_any_cell_of_a_row_opens_that_day(app, db_path):
    conn = storage.open_database(db_path)
    for back in (2, 1):
        day = TODAY - dt.timedelta(days=back)
        storage.save_checkin(conn, "local", day, checkin(leg_pain=back), today=TODAY)
    conn.close()
    app.run()
    app.switch_page("pages/history.py").run()
    key = "history_table_0"
    app.session_state[key] = {"selection": {"rows": [], "columns": [], "cells": [[1, "Sleep"]]}}
    app.run()
    assert not app.exception
    # Row 1 is the older day (newest first).
    assert app.subheader[0].value == text.long_date(TODAY - dt.timedelta(days=2))
