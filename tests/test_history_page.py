"""The history page under AppTest: readable table, edit, delete with confirmation."""

import datetime as dt

import streamlit as st

from recovery import storage
from tests.conftest import TODAY, checkin

YESTERDAY = TODAY - dt.timedelta(days=1)


def _fill(db_path):
    connection = storage.open_database(db_path)
    storage.save_checkin(connection, "local", YESTERDAY, checkin(leg_pain=7))
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


def test_check_ins_are_listed_newest_first_with_sign_names(app, db_path):
    _fill(db_path)
    _open_history(app)
    table = app.dataframe[0].value
    assert table["Leg pain (0-10)"].tolist() == [3, 7]
    assert "Walking time (min)" in table.columns
    assert "both legs" in table["Red flags"].iloc[0]
    assert "2 check-ins" in app.markdown[0].value


def test_deleting_a_day_asks_first_and_cancel_keeps_it(app, db_path):
    _fill(db_path)
    _open_history(app)
    app.button(key="history_delete").click().run()
    assert "This cannot be undone" in app.warning[0].value
    app.button(key="history_confirm_no").click().run()
    assert len(app.dataframe[0].value) == 2


def test_confirming_a_delete_removes_the_day(app, db_path):
    _fill(db_path)
    _open_history(app)
    app.selectbox(key="history_day").set_value(YESTERDAY).run()
    app.button(key="history_delete").click().run()
    app.button(key="history_confirm_yes").click().run()
    assert app.success[0].value.startswith("Deleted the check-in for")
    assert app.dataframe[0].value["Leg pain (0-10)"].tolist() == [3]


def test_edit_opens_the_check_in_page_on_that_day(app, db_path):
    _fill(db_path)
    _open_history(app)
    app.selectbox(key="history_day").set_value(YESTERDAY).run()
    app.button(key="history_edit").click().run()
    assert app.title[0].value == "Daily check-in"
    assert app.date_input(key="ci_date").value == YESTERDAY
    assert app.segmented_control(key="ci_leg_pain").value == 7
    st.cache_resource.clear()
