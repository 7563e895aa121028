"""The check-in and the flare log together: the day's count starts from the log, and the
regular medicines are one folded row of ticks, starting from the last answers."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import form, storage
from tests.conftest import TODAY, answer_checkin, checkin
from ui import fields

YESTERDAY = TODAY - dt.timedelta(days=1)
NOW = dt.datetime.combine(TODAY, dt.time(23, 0))


def _log_flares(conn, day, count):
    for hour in range(count):
        started = dt.datetime.combine(day, dt.time(8 + hour))
        storage.add_flare(
            conn, "local", {"started_at": started, "severity": 6, "trigger": "sitting"}, now=NOW
        )


def test_a_day_not_answered_yet_starts_its_count_from_the_flare_ups_logged(conn):
    storage.save_checkin(conn, "local", YESTERDAY, checkin(pain_episodes=1))
    _log_flares(conn, TODAY, 3)
    start = form.starting_values(conn, "local", TODAY)
    assert start.values["pain_episodes"] == 3 and start.flares_logged == 3


def test_an_answered_day_keeps_its_own_count(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(pain_episodes=5))
    _log_flares(conn, TODAY, 2)
    assert form.starting_values(conn, "local", TODAY).values["pain_episodes"] == 5


def test_the_check_in_page_says_how_many_were_logged_and_starts_from_it(app, db_path):
    connection = storage.open_database(db_path)
    _log_flares(connection, TODAY, 3)
    connection.close()
    app.run()
    assert not app.exception
    assert any("3 flare-ups logged today" in c.value for c in app.caption)
    assert app.number_input(key="ci_pain_episodes").value == 3


def _with_medicines(db_path):
    connection = storage.open_database(db_path)
    daily = storage.add_medicine(
        connection, "local", {"name": "Naproxen", "dose": "250 mg", "kind": "regular"}
    )
    storage.add_medicine(connection, "local", {"name": "Paracetamol", "kind": "as_needed"})
    storage.save_checkin(connection, "local", YESTERDAY, checkin())
    storage.save_day_doses(connection, "local", YESTERDAY, {daily: True})
    connection.close()
    return daily


def test_the_medicine_row_lists_regular_ones_ticked_as_yesterday_and_saves_with_the_day(
    app, db_path
):
    daily = _with_medicines(db_path)
    app.run()
    assert not app.exception
    box = app.checkbox(key=f"ci_med_{daily}")
    assert box.value is True and box.label == "Naproxen (250 mg)"
    assert not any("Paracetamol" in c.label for c in app.checkbox)  # as needed: not here
    assert any("1 of 1 ticked" in e.label for e in app.expander)
    box.uncheck().run()
    answer_checkin(app)
    app.button(key=fields.SAVE_KEY).click().run()
    assert not app.exception
    st.cache_resource.clear()
    connection = storage.open_database(db_path)
    try:
        assert storage.doses_on(connection, "local", TODAY) == {daily: False}
    finally:
        connection.close()
