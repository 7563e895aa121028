"""The recovery guide page under AppTest: empty journal and the example recovery."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from recovery import example, storage
from recovery.signs import RED_FLAGS
from tests.conftest import ROOT, checkin, in_page_order

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


def _log_journal(db_path, name: str) -> None:
    from tests.support import END, JOURNALS

    today = dt.date.today()
    conn = storage.open_database(db_path)
    rows = [(day + (today - END), checkin(**values)) for day, values in JOURNALS[name]]
    storage.save_checkins(conn, storage.LOCAL_OWNER, rows)
    conn.close()


def test_a_worsening_journal_opens_with_the_notice_and_the_worsening_stage(app, db_path):
    _log_journal(db_path, "leg pain worse")
    at = open_guide(app)
    elements = in_page_order(at.main)
    assert [e.type for e in elements[:2]] == ["title", "warning"]
    assert elements[0].value == "Recovery guide"  # the same words as its navigation entry
    assert elements[1].value.startswith("**Leg pain is worse than in your first week.**")
    assert "Talk to your clinician soon" in elements[1].value
    assert any(h.value.endswith("Getting worse") for h in at.subheader)
    text = all_markdown(at)
    # No reassurance about most people getting better while things get worse.
    assert "three in four people with a new bout of sciatica are better" not in text
    assert "Getting worse" in text  # the rule is listed with the others


def test_the_guide_lists_its_references_and_never_names_internal_files(app, db_path):
    from recovery import references

    _log_journal(db_path, "improving")
    at = open_guide(app)
    text = all_markdown(at)
    assert "CLINICAL" not in text and ".md" not in text
    assert "References" in [h.value for h in at.header]
    for reference in references.REFERENCES:
        assert reference.title in text


def test_the_exercise_aim_is_kept_after_leaving_the_page_and_in_a_new_session(app, db_path):
    _log_journal(db_path, "flat")
    at = open_guide(app)
    assert at.number_input(key="guide_exercise_aim").value == 5  # the default
    at.number_input(key="guide_exercise_aim").set_value(3).run()
    assert "aim of 3 days" in all_markdown(at)
    at.switch_page("pages/progress.py").run()
    at.switch_page(PAGE).run()
    assert at.number_input(key="guide_exercise_aim").value == 3
    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    fresh = open_guide(fresh)
    assert fresh.number_input(key="guide_exercise_aim").value == 3


def test_the_stage_shows_the_weekly_total_and_the_rule_that_uses_it(app, db_path):
    from recovery.analysis import stage_weekly

    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER)
    conn.close()
    at = open_guide(app)
    text = all_markdown(at)
    assert stage_weekly.RULE in text  # the documented rule, on the page
    assert "Weekly bothersomeness: First" in text  # beside the stage's explanation
