"""The check-in's weekly section under AppTest: offered when due, folded, saved and confirmed."""

import datetime as dt

import streamlit as st

from recovery import storage
from recovery.signs import weekly as items
from tests.conftest import TODAY
from ui.weekly_form import SECTION_KEY, answer_key, rating_key


def _read(db_path, read):
    st.cache_resource.clear()  # the app keeps its connection open; close it before reading
    connection = storage.open_database(db_path)
    try:
        return read(connection)
    finally:
        connection.close()


def _open(app):
    app.run()
    app.session_state[SECTION_KEY] = True
    return app.run()


def _answer_all(app, value=3):
    for item in items.ITEMS:
        for scale in items.SCALES:
            app.segmented_control(key=answer_key(item.key, scale.key)).set_value(value)
    return app.run()


def test_the_weekly_questions_are_folded_and_not_drawn_until_opened(app):
    app.run()
    assert not app.exception
    assert [e.label for e in app.expander if "Weekly questions" in e.label]
    keys = {w.key for w in app.get("button_group")}
    assert answer_key("leg_pain", "bothersome") not in keys


def test_answering_the_weekly_questions_saves_them_and_says_the_totals(app, db_path):
    _open(app)
    _answer_all(app, 3)
    app.button(key="ci_wk_save").click().run()
    assert not app.exception
    message = app.success[0].value
    assert "Saved your weekly answers" in message and "4 symptoms" in message
    assert "weekly bothersomeness 12 of 24" in message
    # Saved: the section is no longer offered today.
    app.run()
    assert not [e for e in app.expander if "Weekly questions" in e.label]
    rows = _read(db_path, lambda c: storage.weekly_answers(c, "local"))
    assert len(rows) == 4 and {r["bothersome"] for r in rows} == {3}
    assert {r["day"] for r in rows} == {TODAY}


def test_saving_nothing_answered_saves_nothing_and_says_so(app, db_path):
    _open(app)
    app.button(key="ci_wk_save").click().run()
    assert "Nothing was saved" in app.warning[0].value
    assert _read(db_path, lambda c: storage.weekly_answers(c, "local")) == []


def test_an_activity_is_named_once_rated_and_keeps_its_ratings_when_renamed(app, db_path):
    _open(app)
    app.text_input(key="ci_wk_new_name").input("Put on socks").run()
    app.button(key="ci_wk_add").click().run()
    assert "Added “Put on socks”" in app.success[0].value
    [activity] = _read(db_path, lambda c: storage.activities(c, "local"))
    app.segmented_control(key=rating_key(activity.activity_id)).set_value(4).run()
    app.button(key="ci_wk_save").click().run()
    assert "1 activity rating" in app.success[0].value
    connection_rows = _read(db_path, lambda c: storage.activity_ratings(c, "local"))
    assert [r["rating"] for r in connection_rows] == [4]
    # Rename it (on a later week): the rating stays with it.
    connection = storage.open_database(db_path)
    storage.rename_activity(connection, "local", activity.activity_id, "Put on shoes")
    summary_names = [a.name for a in storage.activities(connection, "local")]
    ratings = storage.activity_ratings(connection, "local")
    connection.close()
    assert summary_names == ["Put on shoes"]
    assert ratings[0]["activity_id"] == activity.activity_id


def test_a_too_long_or_repeated_activity_name_is_refused_in_plain_words(app, db_path):
    _open(app)
    app.text_input(key="ci_wk_new_name").input("x" * 61).run()
    app.button(key="ci_wk_add").click().run()
    # max_chars keeps the box short; the storage check says it plainly too
    assert not app.exception
    app.text_input(key="ci_wk_new_name").input("Sit").run()
    app.button(key="ci_wk_add").click().run()
    app.text_input(key="ci_wk_new_name").input("  sit ").run()
    app.button(key="ci_wk_add").click().run()
    assert "already have an activity" in app.warning[0].value
    assert len(_read(db_path, lambda c: storage.activities(c, "local"))) == 1


def test_the_weekly_questions_wait_seven_days_then_come_back(app, db_path):
    connection = storage.open_database(db_path)
    answers = {i: {"bothersome": 2, "frequency": 2} for i in items.ITEM_KEYS}
    storage.save_weekly(connection, "local", TODAY - dt.timedelta(days=6), answers)
    connection.close()
    app.run()
    assert not [e for e in app.expander if "Weekly questions" in e.label]
    st.cache_resource.clear()
    connection = storage.open_database(db_path)
    connection.execute("UPDATE weekly_answers SET day = day - 1")  # now 7 days ago
    connection.close()
    app.run()
    assert [e for e in app.expander if "Weekly questions" in e.label]


def test_your_data_renames_and_retires_an_activity_and_keeps_its_ratings(app, db_path):
    connection = storage.open_database(db_path)
    socks = storage.add_activity(connection, "local", "Put on socks", TODAY)
    storage.save_weekly(connection, "local", TODAY, {}, {socks.activity_id: 5})
    connection.close()
    app.run()
    at = app.switch_page("pages/data.py").run()
    assert not at.exception
    assert "Weekly questions and your activities" in [s.value for s in at.subheader]
    at.text_input(key="data_wk_rename_to").input("Put on shoes").run()
    at.button(key="data_wk_rename").click().run()
    assert "Renamed “Put on socks” to “Put on shoes”" in at.success[0].value
    at.button(key="data_wk_retire").click().run()
    assert "Retired “Put on shoes”" in at.success[0].value
    [activity] = _read(db_path, lambda c: storage.activities(c, "local"))
    assert activity.name == "Put on shoes" and activity.retired == TODAY
    ratings = _read(db_path, lambda c: storage.activity_ratings(c, "local"))
    assert [(r["activity_id"], r["rating"]) for r in ratings] == [(socks.activity_id, 5)]


def test_weekly_answers_are_kept_while_the_section_is_folded_and_opened_again(app, db_path):
    connection = storage.open_database(db_path)
    socks = storage.add_activity(connection, "local", "Put on socks", TODAY)
    connection.close()
    _open(app)
    _answer_all(app, 2)
    app.segmented_control(key=rating_key(socks.activity_id)).set_value(7).run()
    app.session_state[SECTION_KEY] = False
    app.run()
    app.segmented_control(key="ci_leg_pain").set_value(3).run()  # another run while folded
    app.session_state[SECTION_KEY] = True
    app.run()
    assert app.segmented_control(key=answer_key("weakness", "frequency")).value == 2
    assert app.segmented_control(key=rating_key(socks.activity_id)).value == 7


def test_todays_weekly_answers_can_be_changed_the_same_day(app, db_path):
    _open(app)
    _answer_all(app, 3)
    app.button(key="ci_wk_save").click().run()
    app.run()
    [section] = [e for e in app.expander if e.label == "Change today's weekly answers"]
    app.session_state[SECTION_KEY] = True
    app.run()
    # It starts from what was saved, and saving again replaces it.
    assert app.segmented_control(key=answer_key("leg_pain", "bothersome")).value == 3
    app.segmented_control(key=answer_key("leg_pain", "bothersome")).set_value(5).run()
    app.button(key="ci_wk_save").click().run()
    assert "weekly bothersomeness 14 of 24" in app.success[0].value
    rows = _read(db_path, lambda c: storage.weekly_answers(c, "local"))
    assert len(rows) == 4
    assert {r["item"]: r["bothersome"] for r in rows}["leg_pain"] == 5


def test_a_chosen_day_on_your_data_brings_the_weekly_questions_on_that_day(app, db_path):
    connection = storage.open_database(db_path)
    answers = {i: {"bothersome": 2, "frequency": 2} for i in items.ITEM_KEYS}
    storage.save_weekly(connection, "local", TODAY - dt.timedelta(days=5), answers)
    connection.close()
    app.run()
    assert not [e for e in app.expander if "Weekly questions" in e.label]  # 5 days: not yet
    at = app.switch_page("pages/data.py").run()
    at.selectbox(key="data_wk_day").set_value(TODAY.weekday()).run()
    assert not at.exception
    assert f"first check-in of each {items.WEEKDAYS[TODAY.weekday()]}" in at.success[0].value
    assert _read(db_path, lambda c: storage.weekly_day(c, "local")) == TODAY.weekday()
    at = at.switch_page("pages/checkin.py").run()
    assert [e for e in at.expander if "Weekly questions" in e.label]  # today is the day
