"""The recovery guide page under AppTest: empty journal and the example recovery."""

from __future__ import annotations

import datetime as dt

from recovery import example, storage
from recovery.signs import RED_FLAGS
from tests.conftest import checkin

PAGE = "pages/recovery_guide.py"


def open_guide(app):
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def all_markdown(app) -> str:
    return "\n".join(str(block.value) for block in app.markdown)


def test_empty_journal_shows_the_guide_and_points_to_the_checkin(app):
    at = open_guide(app)
    assert "Your journal is empty" in at.info[0].value
    assert at.get("vega_lite_chart") == []
    assert "Koes et al., BMJ 2007" in all_markdown(at)


def test_red_flags_are_always_shown_with_the_urgent_message(app):
    at = open_guide(app)
    box = " ".join(at.error[0].value.split())
    for flag in RED_FLAGS:
        assert flag.question in box
    assert "emergency department" in box


def test_the_example_recovery_shows_stage_residual_pattern_and_exercise_record(app, db_path):
    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER)
    conn.close()
    at = open_guide(app)
    assert len(at.get("vega_lite_chart")) == 2
    assert any(h.value.endswith("The last stage") for h in at.subheader)
    text = all_markdown(at)
    assert "Numbness or tingling is on average" in text
    assert "higher on the day after strenuous activity" in text
    assert "you did your exercises on" in text


def test_changing_the_weekly_aim_updates_the_record(app, db_path):
    today = dt.date.today()
    conn = storage.open_database(db_path)
    for ago in range(20, -1, -1):
        storage.save_checkin(
            conn, storage.LOCAL_OWNER, today - dt.timedelta(days=ago), checkin(exercises_done=True)
        )
    conn.close()
    at = open_guide(app)
    at.number_input(key="guide_exercise_aim").set_value(7).run()
    assert not at.exception
    assert "reached your aim of 7 days" in all_markdown(at)


def test_a_two_day_journal_says_there_is_not_enough_data_instead_of_guessing(app, db_path):
    today = dt.date.today()
    conn = storage.open_database(db_path)
    for ago in (1, 0):
        storage.save_checkin(
            conn, storage.LOCAL_OWNER, today - dt.timedelta(days=ago), checkin(activity="strenuous")
        )
    conn.close()
    at = open_guide(app)
    assert any(h.value.endswith("Not enough data yet") for h in at.subheader)
    assert "2 check-ins in the last 7 days" in all_markdown(at)
    assert any("Not enough check-ins on consecutive days" in box.value for box in at.info)
    # the exercise record still draws: it needs no minimum
    assert len(at.get("vega_lite_chart")) == 1
