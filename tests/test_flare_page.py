"""The flare-up log under AppTest: one tap to open, answers, Save; edit and delete it later."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import storage
from tests.conftest import TODAY, checkin
from tests.support import choose_row


def _release() -> None:
    # The app keeps its one connection open; tests close it before reading the file.
    st.cache_resource.clear()


def _flares(db_path, owner="local"):
    _release()
    connection = storage.open_database(db_path)
    try:
        return storage.flare_records(connection, owner)
    finally:
        connection.close()


def _open(app):
    app.run()
    app.switch_page("pages/flare.py").run()
    assert not app.exception
    return app


def _log(app, severity=7, trigger="sitting", **more):
    app.segmented_control(key="flare_severity").set_value(severity)
    app.segmented_control(key="flare_trigger").set_value(trigger)
    for key, value in more.items():
        widget = {
            "flare_minutes": app.number_input,
            "flare_helped": app.segmented_control,
            "flare_note": app.text_area,
            "flare_helped_other": app.text_input,
            "flare_medicine": app.selectbox,
        }[key](key=key)
        widget.set_value(value)
    app.button(key="FormSubmitter:flare_form-Save flare-up").click().run()
    assert not app.exception
    return app


def test_the_flare_log_is_in_the_menu_on_every_page(app):
    app.run()
    assert not app.exception
    links = [link.proto.label for link in app.get("page_link")]
    assert "Flare-up" in links


def test_a_flare_up_is_saved_with_its_answers_and_said_so(app, db_path):
    _open(app)
    _log(
        app,
        severity=8,
        trigger="bending",
        flare_minutes=20,
        flare_helped=["heat", "moving"],
        flare_note="Picking up a sock",
    )
    assert "Logged a flare-up" in app.success[0].value
    assert "how bad 8, bending" in app.success[0].value
    (saved,) = _flares(db_path)
    assert saved["severity"] == 8 and saved["trigger"] == "bending"
    assert saved["minutes"] == 20 and saved["helped"] == "moving;heat"
    assert saved["note"] == "Picking up a sock"
    assert saved["day"] == TODAY


def test_any_number_a_day_and_they_are_listed_under_today(app, db_path):
    _open(app)
    _log(app, severity=5)
    _log(app, severity=6, trigger="cough_sneeze")
    assert len(_flares(db_path)) == 2
    assert any("Logged today (2)" in h.value for h in app.subheader)


def test_without_how_bad_nothing_is_saved_and_it_says_what_is_missing(app, db_path):
    _open(app)
    app.segmented_control(key="flare_trigger").set_value("sitting")
    app.button(key="FormSubmitter:flare_form-Save flare-up").click().run()
    assert "How bad" in app.warning[0].value and "Nothing was saved" in app.warning[0].value
    assert _flares(db_path) == []


def test_a_flare_up_can_be_edited_and_deleted(app, db_path):
    _open(app)
    _log(app, severity=4)
    (saved,) = _flares(db_path)
    app.button(key=f"flare_today_edit_{saved['id']}").click().run()
    assert app.segmented_control(key="flare_severity").value == 4
    app.segmented_control(key="flare_severity").set_value(9)
    app.button(key="FormSubmitter:flare_form-Save changes").click().run()
    assert "Updated the flare-up" in app.success[0].value
    (edited,) = _flares(db_path)
    assert edited["severity"] == 9 and edited["id"] == saved["id"]
    app.button(key=f"flare_today_del_{saved['id']}").click().run()
    app.button(key=f"flare_today_yes_{saved['id']}").click().run()
    assert not app.exception
    assert _flares(db_path) == []


def test_a_listed_medicine_can_be_noted_for_a_flare_up(app, db_path):
    connection = storage.open_database(db_path)
    medicine = storage.add_medicine(connection, "local", {"name": "Ibuprofen", "kind": "as_needed"})
    connection.close()
    _open(app)
    _log(app, flare_medicine=medicine)
    (saved,) = _flares(db_path)
    assert saved["medicine_id"] == medicine and saved["medicine_at"] is not None
    assert any("never advises" in c.value for c in app.caption)


def _with_flare(db_path, day, **values):
    connection = storage.open_database(db_path)
    try:
        storage.save_checkin(connection, "local", day, checkin(leg_pain=6))
        now = dt.datetime.combine(TODAY, dt.time(12))
        started = dt.datetime.combine(day, dt.time(9, 30))
        defaults = {"started_at": started, "severity": 7, "trigger": "driving"}
        return storage.add_flare(connection, "local", {**defaults, **values}, now=now)
    finally:
        connection.close()


def test_history_shows_a_flare_up_under_its_day_with_edit_and_delete(app, db_path):
    flare_id = _with_flare(db_path, TODAY - dt.timedelta(days=1), note="Long drive")
    app.run()
    app.switch_page("pages/history.py").run()
    assert not app.exception
    assert any("09:30 · how bad 7 · Driving" in t.value for t in app.text)
    choose_row(app, 0)
    assert any("Flare-ups logged this day (1)" in m.value for m in app.markdown)
    app.button(key=f"flare_day_edit_{flare_id}").click().run()
    assert not app.exception
    assert app.segmented_control(key="flare_trigger").value == "driving"
    assert app.text_area(key="flare_note").value == "Long drive"


def test_progress_says_what_the_triangles_are_and_the_days_medicines_were_taken(app, db_path):
    from recovery import example

    connection = storage.open_database(db_path)
    example.load_example(connection, "local", today=TODAY)
    connection.close()
    app.run()
    app.switch_page("pages/progress.py").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption)
    assert "Orange triangles: days with flare-ups logged" in captions
    assert "Medicines taken in this range: Naproxen on" in captions
    assert "Purple ticks along the top: days a medicine was taken" in captions
    # The ticks themselves: on the leg-pain chart, one per day with a medicine, at the top.
    import json

    pain = json.loads(app.get("vega_lite_chart")[0].proto.spec)  # sign 1, leg pain
    [ticks] = [layer for layer in pain["layer"] if layer["mark"]["type"] == "tick"]
    assert ticks["encoding"]["tooltip"][1]["title"] == "Medicines taken"
