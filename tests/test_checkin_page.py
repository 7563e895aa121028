"""The check-in page under AppTest: save, update, validate, red flags, bad database files."""

import datetime as dt

from recovery import storage
from tests.conftest import TODAY, checkin, held_open_by_another_process

YESTERDAY = TODAY - dt.timedelta(days=1)


def _saved(db_path):
    connection = storage.open_database(db_path)
    try:
        return storage.load_checkins(connection, "local")
    finally:
        connection.close()


def _release(app):
    # The app keeps its one connection open; tests close it before reading the file.
    import streamlit as st

    st.cache_resource.clear()


def test_the_app_opens_on_the_check_in_page_for_today(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Daily check-in"
    assert app.date_input(key="ci_date").value == TODAY
    assert [h.value for h in app.subheader][:7] == [
        "1. Less intense pain",
        "2. Fewer pain episodes",
        "3. More range of motion",
        "4. Better walking and mobility",
        "5. Less numbness or tingling",
        "6. More strength",
        "7. Better sleep",
    ]


def test_saving_a_check_in_confirms_it_and_writes_it(app, db_path):
    app.run()
    app.slider(key="ci_leg_pain").set_value(6)
    app.number_input(key="ci_walk_minutes").set_value(25)
    app.text_area(key="ci_notes").input("Walked to the shop")
    app.button(key="ci_save").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Saved your check-in for ")
    _release(app)
    saved = _saved(db_path)
    assert saved.loc[0, "leg_pain"] == 6
    assert saved.loc[0, "walk_minutes"] == 25
    assert saved.loc[0, "notes"] == "Walked to the shop"


def test_saving_the_same_day_again_says_it_was_updated(app, db_path):
    app.run()
    app.button(key="ci_save").click().run()
    app.slider(key="ci_leg_pain").set_value(2)
    app.button(key="ci_save").click().run()
    assert app.success[0].value.startswith("Updated your check-in for ")
    _release(app)
    assert _saved(db_path)["leg_pain"].tolist() == [2]


def test_a_day_already_logged_opens_with_its_answers_and_a_notice(app, db_path):
    connection = storage.open_database(db_path)
    storage.save_checkin(connection, "local", TODAY, checkin(leg_pain=9, notes="bad day"))
    connection.close()
    app.run()
    assert app.slider(key="ci_leg_pain").value == 9
    assert app.text_area(key="ci_notes").value == "bad day"
    assert "already checked in" in app.info[0].value


def test_a_new_day_starts_from_the_last_check_in(app, db_path):
    connection = storage.open_database(db_path)
    storage.save_checkin(connection, "local", YESTERDAY, checkin(leg_pain=4, walk_minutes=40))
    connection.close()
    app.run()
    assert app.slider(key="ci_leg_pain").value == 4
    assert app.number_input(key="ci_walk_minutes").value == 40
    assert any("Started from your last check-in" in c.value for c in app.caption)


def test_choosing_a_past_day_loads_that_day(app, db_path):
    connection = storage.open_database(db_path)
    storage.save_checkin(connection, "local", YESTERDAY, checkin(leg_pain=8))
    storage.save_checkin(connection, "local", TODAY, checkin(leg_pain=3))
    connection.close()
    app.run()
    assert app.slider(key="ci_leg_pain").value == 3
    app.date_input(key="ci_date").set_value(YESTERDAY).run()
    assert app.slider(key="ci_leg_pain").value == 8


def test_ticking_a_red_flag_shows_the_urgent_message_at_once_and_is_saved(app, db_path):
    app.run()
    assert not app.error
    app.checkbox(key="ci_rf_saddle_numbness").check().run()
    assert "Get urgent medical help now" in app.error[0].value
    assert "emergency department" in app.error[0].value
    app.button(key="ci_save").click().run()
    _release(app)
    assert bool(_saved(db_path).loc[0, "rf_saddle_numbness"]) is True


def test_a_locked_journal_shows_a_plain_message_not_a_traceback(app, db_path):
    storage.open_database(db_path).close()
    with held_open_by_another_process(db_path):
        app.run()
    assert not app.exception
    assert "in use by another program" in app.error[0].value
    assert str(db_path) in app.error[0].value


def test_a_damaged_journal_shows_a_plain_message_and_is_not_touched(app, db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\x00garbage" * 500)
    app.run()
    assert not app.exception
    assert "not a Seven Signs journal" in app.error[0].value
    assert db_path.read_bytes() == b"\x00garbage" * 500


def test_every_page_carries_the_education_reminder(app):
    app.run()
    assert any("not medical advice" in c.value for c in app.caption)
