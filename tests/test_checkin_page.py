"""The check-in page under AppTest: answers, saving, example days, red flags, bad files."""

import datetime as dt

import pytest

from recovery import config, example, form, storage
from tests.conftest import (
    FIRST_ANSWERS,
    TODAY,
    checkin,
    held_open_by_another_process,
    in_page_order,
    open_folded,
    set_answers,
)

YESTERDAY = TODAY - dt.timedelta(days=1)
# One answer for every question a first check-in must answer.
ANSWERS = {**FIRST_ANSWERS, "leg_pain": 6, "walk_minutes": 25, "activity": "light"}


def _saved(db_path):
    connection = storage.open_database(db_path)
    try:
        return storage.checkin_records(connection, "local")
    finally:
        connection.close()


def _release(app):
    # The app keeps its one connection open; tests close it before reading the file.
    import streamlit as st

    st.cache_resource.clear()


def _write(db_path, *days_and_values, load_example_until=None):
    connection = storage.open_database(db_path)
    try:
        for day, values in days_and_values:
            storage.save_checkin(connection, "local", day, values, today=TODAY)
        if load_example_until is not None:
            example.load_example(connection, "local", end=load_example_until, today=TODAY)
    finally:
        connection.close()


def _answer(app, **answers):
    set_answers(app, answers)


def _urgent_index(app):
    order = in_page_order(app.main)
    return next(i for i, el in enumerate(order) if el.type == "html" and "urgent-care" in el.value)


def test_the_app_opens_on_today_with_the_seven_questions_first(app):
    app.run()
    assert not app.exception
    assert app.title[0].value == "Daily check-in"
    assert app.date_input(key="ci_date").value == TODAY
    labels = [
        el.label
        for el in in_page_order(app.main)
        if el.type in ("button_group", "number_input") and el.key
    ]
    assert labels[:7] == [m.question for m in form.PRIMARY]
    assert any("last 24 hours" in m.value for m in app.markdown)


def test_a_first_check_in_starts_unanswered_not_from_invented_numbers(app):
    app.run()
    for measure in form.REQUIRED:
        key = f"ci_{measure.column}"
        numeric = measure.kind in ("count", "minutes")
        widget = app.number_input(key=key) if numeric else app.segmented_control(key=key)
        assert widget.value is None, measure.column


def test_saving_with_questions_unanswered_saves_nothing_and_names_them(app, db_path):
    app.run()
    _answer(app, leg_pain=6, bending=4)
    app.button(key="ci_save").click().run()
    assert not app.exception
    assert not app.success
    message = app.warning[0].value
    assert "Nothing was saved" in message
    for label in ("Flare-ups today", "Walking time", "Sleep quality"):
        assert label in message
    assert "Leg pain" not in message
    _release(app)
    assert _saved(db_path) == []


def test_answering_every_question_saves_the_persons_answers(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.text_area(key="ci_notes").input("Walked to the shop")
    app.button(key="ci_save").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Saved your check-in for ")
    _release(app)
    [row] = _saved(db_path)
    assert {k: row[k] for k in ANSWERS} == ANSWERS
    assert row["notes"] == "Walked to the shop"
    assert row["batch"] is None


def test_a_cleared_number_field_is_not_answered_rather_than_zero(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.number_input(key="ci_walk_minutes").set_value(None).run()
    app.button(key="ci_save").click().run()
    assert "Walking time" in app.warning[0].value
    _release(app)
    assert _saved(db_path) == []


def test_saving_the_same_day_again_says_it_was_updated(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.button(key="ci_save").click().run()
    app.segmented_control(key="ci_leg_pain").set_value(2).run()
    app.button(key="ci_save").click().run()
    assert app.success[0].value.startswith("Updated your check-in for ")
    _release(app)
    assert [row["leg_pain"] for row in _saved(db_path)] == [2]


def test_a_day_already_logged_opens_with_its_answers_and_a_notice(app, db_path):
    _write(db_path, (TODAY, checkin(leg_pain=9, notes="bad day")))
    open_folded(app.run())
    assert app.segmented_control(key="ci_leg_pain").value == 9
    assert app.text_area(key="ci_notes").value == "bad day"
    assert "already checked in" in app.info[0].value


def test_a_new_day_starts_from_the_last_check_in(app, db_path):
    _write(db_path, (YESTERDAY, checkin(leg_pain=4, walk_minutes=40)))
    app.run()
    assert app.segmented_control(key="ci_leg_pain").value == 4
    assert app.number_input(key="ci_walk_minutes").value == 40
    assert any("Started from your last check-in" in c.value for c in app.caption)


def test_same_as_yesterday_saves_today_with_the_last_answers_in_one_tap(app, db_path):
    _write(db_path, (YESTERDAY, checkin(leg_pain=4, walk_minutes=40, notes="yesterday only")))
    app.run()
    assert app.button(key="ci_same").label.startswith("Same as yesterday")
    app.button(key="ci_same").click().run()
    assert not app.exception
    assert "the same as yesterday" in app.success[0].value
    _release(app)
    rows = {row["day"]: row for row in _saved(db_path)}
    assert rows[TODAY]["leg_pain"] == 4 and rows[TODAY]["walk_minutes"] == 40
    # Notes describe one day: they are not copied.
    assert rows[TODAY]["notes"] is None


def test_folded_sections_draw_their_fields_only_once_opened(app):
    app.run()
    assert [e.label for e in app.expander][1:] == [
        "Weekly questions (under a minute)",  # a new journal: the weekly questions are due
        "Optional measurements",
        "Activity, exercises and notes",
    ]
    assert not [area for area in app.text_area if area.key == "ci_notes"]
    open_folded(app)
    assert app.text_area(key="ci_notes").value == ""


def test_answers_in_a_folded_section_are_kept_after_folding_it_and_are_saved(app, db_path):
    _write(db_path, (YESTERDAY, checkin(leg_pain=4, walk_minutes=40)))
    open_folded(app.run())
    app.number_input(key="ci_walk_minutes").set_value(55)
    app.text_area(key="ci_notes").input("Swam for the first time")
    app.radio(key="ci_limp").set_value(True).run()
    for key in ("ci_more", "ci_optional", "ci_notes_box"):
        app.session_state[key] = False
    app.run()
    assert not [area for area in app.text_area if area.key == "ci_notes"]
    app.segmented_control(key="ci_leg_pain").set_value(3).run()  # another run while folded
    app.button(key="ci_save").click().run()
    assert app.success[0].value.startswith("Saved your check-in")
    open_folded(app)
    assert app.text_area(key="ci_notes").value == "Swam for the first time"
    _release(app)
    row = {r["day"]: r for r in _saved(db_path)}[TODAY]
    assert (row["leg_pain"], row["walk_minutes"]) == (3, 55)
    assert row["notes"] == "Swam for the first time"
    assert row["limp"] is True


def test_there_is_no_same_as_yesterday_on_a_first_check_in(app):
    app.run()
    assert not [b for b in app.button if b.key == "ci_same"]


def test_choosing_a_past_day_loads_that_day(app, db_path):
    _write(db_path, (YESTERDAY, checkin(leg_pain=8)), (TODAY, checkin(leg_pain=3)))
    app.run()
    assert app.segmented_control(key="ci_leg_pain").value == 3
    app.date_input(key="ci_date").set_value(YESTERDAY).run()
    assert app.segmented_control(key="ci_leg_pain").value == 8


def test_an_example_day_is_not_the_persons_and_saving_over_it_makes_it_theirs(app, db_path):
    _write(db_path, load_example_until=TODAY)
    app.run()
    assert not app.info, "an example day is not 'already checked in'"
    assert app.segmented_control(key="ci_leg_pain").value is None
    assert not [b for b in app.button if b.key == "ci_same"]
    _answer(app, **ANSWERS)
    app.button(key="ci_save").click().run()
    assert app.success[0].value.startswith("Saved your check-in for ")
    _release(app)
    rows = {row["day"]: row for row in _saved(db_path)}
    assert rows[TODAY]["batch"] is None
    assert {k: rows[TODAY][k] for k in ANSWERS} == ANSWERS
    assert rows[YESTERDAY]["batch"] == storage.EXAMPLE_BATCH


def test_ticking_a_red_flag_puts_the_urgent_message_at_the_top_at_once(app):
    app.run()
    assert not [h for h in app.get("html") if "urgent-care" in h.value]
    app.checkbox(key="ci_rf_saddle_numbness").check().run()
    order = in_page_order(app.main)
    title = next(i for i, el in enumerate(order) if el.type == "title")
    urgent = _urgent_index(app)
    assert urgent < title
    body = order[urgent].value
    assert "Get urgent medical help now" in body
    assert "emergency department" in body
    assert "your local emergency number" in body and "tel:" not in body
    # No citations inside the emergency text; they sit beside the questions.
    assert "Sources" not in body and "NICE" not in body


def test_after_saving_a_red_flag_day_the_urgent_message_stays_above_the_confirmation(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.checkbox(key="ci_rf_both_legs").check().run()
    app.button(key="ci_save").click().run()
    order = in_page_order(app.main)
    confirmation = next(i for i, el in enumerate(order) if el.type == "success")
    assert _urgent_index(app) < confirmation
    _release(app)
    assert _saved(db_path)[0]["rf_both_legs"] is True


def test_a_red_flag_is_saved_on_its_own_on_a_first_visit(app, db_path):
    app.run()
    app.checkbox(key="ci_rf_saddle_numbness").check().run()
    app.button(key="ci_save").click().run()
    assert not app.exception
    order = in_page_order(app.main)
    confirmation = next(i for i, el in enumerate(order) if el.type == "success")
    still_to_answer = next(
        i for i, el in enumerate(order) if el.type == "info" and "not answered" in el.value
    )
    # The urgent message first, then the confirmation, then what is still to answer.
    assert _urgent_index(app) < confirmation < still_to_answer
    assert not any("Nothing was saved" in w.value for w in app.warning)
    listed = [m.label for m in form.unanswered({})]
    shown = order[still_to_answer].value
    assert [shown.index(f"**{label}**") for label in listed] == sorted(
        shown.index(f"**{label}**") for label in listed
    ), "the list follows the form's order"
    _release(app)
    (saved,) = _saved(db_path)
    assert saved["rf_saddle_numbness"] is True
    assert saved["leg_pain"] is None and saved["sleep_quality"] is None


def test_without_a_red_flag_a_first_visit_still_needs_every_answer(app, db_path):
    app.run()
    app.button(key="ci_save").click().run()
    assert any("Nothing was saved" in w.value for w in app.warning)
    _release(app)
    assert _saved(db_path) == []


def test_the_emergency_number_setting_becomes_a_phone_link(app, monkeypatch):
    monkeypatch.setenv("RECOVERY_EMERGENCY_NUMBER", "112")
    app.run()
    app.checkbox(key="ci_rf_fever_or_injury").check().run()
    body = next(h.value for h in app.get("html") if "urgent-care" in h.value)
    assert 'href="tel:112"' in body
    assert "local emergency number" not in body


@pytest.mark.parametrize(("mode", "says_reception"), [("kiosk", True), ("local", False)])
def test_a_kiosk_also_says_to_tell_the_reception_desk(app, monkeypatch, mode, says_reception):
    monkeypatch.setenv("RECOVERY_MODE", mode)
    app.run()
    app.switch_page("pages/checkin.py").run()  # a kiosk opens on its welcome
    app.checkbox(key="ci_rf_bladder_bowel").check().run()
    assert not app.exception
    body = next(h.value for h in app.get("html") if "urgent-care" in h.value)
    assert ("Tell the reception desk now" in body) is says_reception


def test_the_check_in_page_has_no_heading_anchor_links(app):
    app.run()
    for heading in [*app.title, *app.header, *app.subheader]:
        assert heading.proto.hide_anchor, heading.value


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


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({"RECOVERY_EMERGENCY_NUMBER": "999"}, {"recovery": {"emergency_number": "112"}}, "999"),
        ({}, {"recovery": {"emergency_number": "112"}}, "112"),
        ({}, {}, ""),
    ],
)
def test_the_emergency_number_comes_from_environment_then_secrets(env, secrets, expected):
    assert config.emergency_number(env=env, secrets=secrets) == expected


def test_a_red_flag_ticked_after_saving_is_offered_for_saving_and_then_stored(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.button(key="ci_save").click().run()
    assert not [b for b in app.button if b.key == "ci_save_flags"]
    app.checkbox(key="ci_rf_both_legs").check().run()
    order = in_page_order(app.main)
    warning = next(
        i for i, el in enumerate(order) if el.type == "warning" and "after saving" in el.value
    )
    assert _urgent_index(app) < warning  # the urgent message still comes first
    app.button(key="ci_save_flags").click().run()
    assert not app.exception
    assert app.success[0].value.startswith("Updated your check-in")
    assert not [w for w in app.warning if "after saving" in w.value]
    _release(app)
    [row] = _saved(db_path)
    assert row["rf_both_legs"] is True


def test_saving_with_the_main_button_after_a_late_red_flag_needs_no_second_reminder(app, db_path):
    app.run()
    _answer(app, **ANSWERS)
    app.button(key="ci_save").click().run()
    app.checkbox(key="ci_rf_fever_or_injury").check().run()
    app.button(key="ci_save").click().run()
    assert not [w for w in app.warning if "after saving" in w.value]
    app.checkbox(key="ci_rf_fever_or_injury").uncheck().run()  # unticking is a change too
    assert [w for w in app.warning if "after saving" in w.value]
    _release(app)
    [row] = _saved(db_path)
    assert row["rf_fever_or_injury"] is True


def test_the_folded_questions_say_they_are_already_answered(app, db_path):
    _write(db_path, (YESTERDAY, checkin(leg_pain=4)))
    app.run()
    titles = [e.label for e in app.expander]
    assert "Already answered: back pain and woken by pain" in titles
