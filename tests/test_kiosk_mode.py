"""Kiosk mode: a welcome, an example recovery per visitor, nothing on disk, nothing kept.

AppTest drops app-level elements on reruns, so Start over and the idle countdown (drawn by
app.py) are tested in tests/browser/test_kiosk_browser.py.
"""

import datetime as dt
import json
import time

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import charts, config, example, owners, storage
from recovery.analysis import adherence, compare_signs, residual, sign_series
from tests.conftest import ROOT, TODAY, answer_checkin, open_folded
from tests.support import count_visit_rows, open_visits
from ui import kiosk, session

PUBLIC_URL = "https://seven-signs.example.org/"


@pytest.fixture
def kiosk_app(db_path, monkeypatch):
    """The app as the clinic kiosk runs it (a journal path is set, and must stay unused)."""
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.setenv("RECOVERY_MODE", "kiosk")
    monkeypatch.delenv("RECOVERY_PUBLIC_URL", raising=False)
    monkeypatch.delenv("RECOVERY_KIOSK_IDLE_SECONDS", raising=False)
    st.cache_resource.clear()
    yield lambda: AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    st.cache_resource.clear()


def _kiosk_conn():
    """The kiosk's in-memory journal, the one every visitor of this process shares."""
    return session._connection(":memory:")


def test_a_visitor_arrives_on_the_welcome_with_the_example_headline_and_one_chart(kiosk_app):
    at = kiosk_app()
    assert not at.exception
    assert at.title[0].value == "Welcome to Seven Signs"
    assert any("daily check-in for people recovering from sciatica" in m.value for m in at.markdown)
    assert at.header[0].value.startswith("Improving in ")
    assert len(at.get("vega_lite_chart")) == 1
    assert any("Demonstration" in m.value for m in at.main.markdown)


def test_todays_check_in_is_a_new_day_started_from_the_example(kiosk_app):
    # The welcome's button itself is clicked in the browser test: AppTest replays its
    # click on the page switch.
    at = kiosk_app()
    assert at.button(key="welcome_try").label == "Try today's check-in"
    at.switch_page("pages/checkin.py").run()
    assert not at.exception
    assert at.title[0].value == "Daily check-in"
    # The example is not the visitor's own: today's check-in starts unanswered.
    assert at.segmented_control(key="ci_leg_pain").value is None


def test_the_kiosk_check_in_offers_no_notes_box(kiosk_app):
    at = kiosk_app()
    open_folded(at.switch_page("pages/checkin.py").run())
    assert not at.exception
    assert at.segmented_control(key="ci_activity")  # the notes' own section is open
    assert not [area for area in at.text_area if area.key == "ci_notes"]
    assert at.checkbox(key="ci_rf_bladder_bowel")


def test_the_welcome_chart_text_is_large(kiosk_app):
    at = kiosk_app()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    sizes = [
        layer["encoding"]["x"]["axis"]["labelFontSize"]
        for layer in spec["layer"]
        if "axis" in layer.get("encoding", {}).get("x", {})
    ]
    assert sizes and min(sizes) >= 16


def test_take_it_home_shows_a_qr_code_only_when_a_public_address_is_set(kiosk_app, monkeypatch):
    at = kiosk_app()
    assert not at.get("image")
    assert not any("Take it home" in s.value for s in at.subheader)
    monkeypatch.setenv("RECOVERY_PUBLIC_URL", PUBLIC_URL)
    at = kiosk_app()
    assert any("Take it home" in s.value for s in at.subheader)
    assert len(at.get("image")) == 1
    assert any(PUBLIC_URL in m.value for m in at.markdown)


def test_a_public_address_that_is_not_a_web_address_is_explained(kiosk_app, monkeypatch):
    monkeypatch.setenv("RECOVERY_PUBLIC_URL", "seven-signs dot org")
    at = kiosk_app()
    assert not at.exception
    assert any("take-home link is not set up correctly" in e.value for e in at.error)


def test_the_qr_code_is_a_png_drawn_locally():
    assert kiosk.take_home_qr(PUBLIC_URL).startswith(b"\x89PNG")


def test_a_visitor_finds_the_example_recovery_and_nothing_is_written_to_disk(kiosk_app, db_path):
    at = kiosk_app()
    at.switch_page("pages/history.py").run()
    assert len(at.dataframe[0].value) >= 80
    assert not db_path.exists()


def test_two_kiosk_visitors_do_not_share_entries(kiosk_app):
    first = kiosk_app()
    first.switch_page("pages/checkin.py").run()
    first.checkbox(key="ci_rf_bladder_bowel").check().run()
    answer_checkin(first)
    first.button(key="ci_save").click().run()
    assert any("your check-in for" in s.value for s in first.success)
    second = kiosk_app()
    second.switch_page("pages/history.py").run()
    table = second.dataframe[0].value
    assert not table.astype(str).apply(lambda col: col.str.contains("bladder")).any().any()
    assert second.session_state["kiosk_owner"] != first.session_state["kiosk_owner"]


def test_visits_nobody_touches_leave_no_rows_after_the_clean_up(kiosk_app):
    for _ in range(3):
        kiosk_app()  # each tab closed without Start over
    conn = _kiosk_conn()
    assert count_visit_rows(conn, kiosk.PREFIX) >= 3 * 80
    later = time.monotonic() + kiosk.timing().abandoned_after + 1
    assert kiosk.clean_up(conn, now=later) >= 3
    assert count_visit_rows(conn, kiosk.PREFIX) == 0
    assert open_visits() == 0


def test_a_visitor_still_at_the_screen_keeps_the_example(kiosk_app):
    at = kiosk_app()
    conn = _kiosk_conn()
    soon = time.monotonic() + kiosk.timing().idle
    kiosk.clean_up(conn, now=soon)
    assert count_visit_rows(conn, at.session_state["kiosk_owner"]) >= 80


def test_abandoned_visits_expire_soon_after_the_idle_reset():
    timing = kiosk.Timing(idle=90, countdown=30, after_save=60)
    assert timing.abandoned_after <= 90 + 30 + kiosk.ABANDON_MARGIN_SECONDS
    assert timing.abandoned_after < 5 * 60


# Storage level: 50 visitors who closed the tab, with the clock passed in.


@pytest.fixture
def fifty_abandoned_visits(conn):
    """50 kiosk visits' example journals, plus one person's own journal."""
    visits = [owners.owner_for_kiosk_visit() for _ in range(50)]
    rows = example.example_days(TODAY - dt.timedelta(days=1))
    for owner in visits:
        storage.save_checkins(conn, owner, rows, batch=storage.EXAMPLE_BATCH)
    storage.save_checkins(conn, "local", rows)
    return visits


def test_fifty_abandoned_visits_leave_no_rows_after_the_clean_up(conn, fifty_abandoned_visits):
    later = dt.datetime.now() + dt.timedelta(minutes=3)
    removed = storage.delete_abandoned_visits(conn, "kiosk:", dt.timedelta(seconds=150), now=later)
    assert removed == 50 * len(example.example_days(TODAY - dt.timedelta(days=1)))
    assert count_visit_rows(conn, "kiosk:") == 0
    assert storage.journal_summary(conn, "local").days_logged > 0, "a person's journal was touched"


def test_recent_visits_and_visitors_at_the_screen_are_kept(conn, fifty_abandoned_visits):
    assert storage.delete_abandoned_visits(conn, "kiosk:", dt.timedelta(seconds=150)) == 0
    later = dt.datetime.now() + dt.timedelta(minutes=3)
    still_here = fifty_abandoned_visits[:2]
    storage.delete_abandoned_visits(
        conn, "kiosk:", dt.timedelta(seconds=150), keep=still_here, now=later
    )
    left = count_visit_rows(conn, "kiosk:")
    assert left == sum(storage.journal_summary(conn, owner).days_logged for owner in still_here)


# Settings and the countdown's arithmetic.


@pytest.mark.parametrize(
    ("env", "secrets", "seconds"),
    [
        ({}, {}, 90),  # the default: about a minute and a half
        ({"RECOVERY_KIOSK_IDLE_SECONDS": "45"}, {}, 45),
        ({}, {"recovery": {"kiosk_idle_seconds": 120}}, 120),
        ({"RECOVERY_KIOSK_IDLE_SECONDS": "30"}, {"recovery": {"kiosk_idle_seconds": 120}}, 30),
    ],
)
def test_the_idle_time_comes_from_the_environment_then_secrets(env, secrets, seconds):
    assert config.kiosk_idle_seconds(env, secrets) == seconds


@pytest.mark.parametrize("value", ["soon", "0", "-5", "1.5"])
def test_an_idle_time_that_is_not_a_number_of_seconds_is_refused_in_plain_words(value):
    with pytest.raises(ValueError, match="whole number of seconds"):
        config.kiosk_idle_seconds({"RECOVERY_KIOSK_IDLE_SECONDS": value}, {})


def test_the_public_address_comes_from_the_environment_then_secrets():
    assert config.public_url({}, {}) is None
    assert config.public_url({}, {"recovery": {"public_url": PUBLIC_URL}}) == PUBLIC_URL
    assert config.public_url({"RECOVERY_PUBLIC_URL": PUBLIC_URL}, {}) == PUBLIC_URL
    with pytest.raises(ValueError, match="https://"):
        config.public_url({"RECOVERY_PUBLIC_URL": "javascript:alert(1)"}, {})


TIMING = kiosk.Timing(idle=90, countdown=30, after_save=60)


@pytest.mark.parametrize(
    ("idle_for", "saved", "where", "left"),
    [
        (0, False, "browsing", 120),
        (89, False, "browsing", 31),
        (90, False, "still_there", 30),  # the prompt appears after the idle time
        (119, False, "still_there", 1),
        (120, False, "reset", 0),
        (0, True, "after_save", 60),  # a saved check-in clears sooner, counting down at once
        (59, True, "after_save", 1),
        (60, True, "reset", 0),
    ],
)
def test_the_countdown_follows_the_last_interaction(idle_for, saved, where, left):
    assert kiosk.phase(1000.0 + idle_for, 1000.0, saved, TIMING) == (where, left)


def test_chart_text_grows_with_the_text_scale():
    conn = storage.open_database(":memory:")
    example.load_example(conn, "demo", today=dt.date(2026, 11, 23))
    comparison = compare_signs(conn, "demo")
    start, end = comparison.first_day, comparison.last_day
    series = sign_series(conn, "demo", start, end)["pain"]
    normal = charts.sign_chart("pain", series.frame, comparison.signs["pain"]).to_dict()
    large = charts.sign_chart(
        "pain", series.frame, comparison.signs["pain"], text_scale=2.0
    ).to_dict()
    assert "labelFontSize" not in json.dumps(normal)
    points = next(layer for layer in large["layer"] if layer["mark"]["type"] == "circle")
    assert points["encoding"]["y"]["axis"]["labelFontSize"] == 20
    assert points["encoding"]["x"]["axis"]["titleFontSize"] == 22


def _font_sizes(spec: object) -> list[float]:
    """Every font size a Vega-Lite spec sets, wherever it sets it."""
    if isinstance(spec, dict):
        found = [v for k, v in spec.items() if k.lower().endswith("fontsize")]
        return found + [size for value in spec.values() for size in _font_sizes(value)]
    if isinstance(spec, list):
        return [size for value in spec for size in _font_sizes(value)]
    return []


def test_the_recovery_guide_charts_are_in_large_type_in_the_kiosk(kiosk_app):
    at = kiosk_app()
    at.switch_page("pages/recovery_guide.py").run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2
    for chart in charts:
        sizes = _font_sizes(json.loads(chart.proto.spec))
        # Every label, legend and axis title is set, none below the kiosk's 18px.
        assert len(sizes) >= 4 and min(sizes) >= 18


def test_guide_chart_text_grows_with_the_text_scale():
    conn = storage.open_database(":memory:")
    today = dt.date(2026, 11, 23)
    example.load_example(conn, "demo", today=today)
    pattern = residual.residual_pattern(conn, "demo", today=today)
    record = adherence.exercise_record(conn, "demo", aim=4, today=today)
    for build, data in (
        (charts.residual_chart, pattern),
        (charts.exercise_chart, record),
    ):
        normal, large = (
            _font_sizes(build(data).to_dict()),
            _font_sizes(build(data, text_scale=2.0).to_dict()),
        )
        assert max(large) == 2 * max(normal)
        assert min(large) >= 20


def test_a_red_flag_on_the_screen_holds_every_countdown():
    # However long the screen has sat, saved or not, nothing counts down over a red flag.
    for saved in (False, True):
        assert kiosk.phase(1000.0 + 10_000, 1000.0, saved, TIMING, urgent=True)[0] == "urgent"


def test_a_red_flag_saved_in_the_kiosk_opens_its_other_pages(kiosk_app):
    at = kiosk_app()
    at.switch_page("pages/checkin.py").run()
    at.checkbox(key="ci_rf_saddle_numbness").check().run()
    at.button(key="ci_save").click().run()
    assert not at.exception
    assert any("your check-in for" in s.value for s in at.success)
    at.switch_page("pages/welcome.py").run()
    urgent = [h.value for h in at.get("html") if "urgent-care" in h.value]
    assert urgent and "Tell the reception desk now" in urgent[0]


def test_the_kiosk_progress_shows_the_examples_weekly_scores(kiosk_app):
    at = kiosk_app()
    at.switch_page("pages/progress.py").run()
    assert not at.exception
    assert "Weekly scores" in [h.value for h in at.header]
    assert {"Weekly bothersomeness", "Weekly frequency", "Your activities"} <= {
        s.value for s in at.subheader
    }
    weekly = [
        c
        for c in at.get("vega_lite_chart")
        if json.loads(c.proto.spec).get("usermeta", {}).get("section") == "weekly"
    ]
    assert len(weekly) == 3


def test_a_kiosk_visitor_is_offered_the_weekly_questions(kiosk_app):
    at = kiosk_app()
    at.switch_page("pages/checkin.py").run()
    assert not at.exception
    assert [e for e in at.expander if e.label == "Weekly questions (under a minute)"]


def test_the_kiosk_flare_up_log_and_weekly_questions_invite_no_personal_text(kiosk_app):
    at = kiosk_app().switch_page("pages/flare.py").run()
    assert not at.exception
    assert at.segmented_control(key="flare_trigger")  # the log itself is there
    assert not at.text_area and not [box for box in at.text_input if box.key == "flare_note"]
    assert not [box for box in at.text_input if box.key == "flare_helped_other"]
    at = at.switch_page("pages/checkin.py").run()
    at.session_state["ci_weekly"] = True
    at.run()
    assert not at.exception
    assert at.segmented_control(key="ci_wk_leg_pain_bothersome")  # the questions are open
    assert not [box for box in at.text_input if box.key == "ci_wk_new_name"]
