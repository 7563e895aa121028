"""The progress page under AppTest: empty journal, example recovery, verdicts, charts, range."""

import datetime as dt
import json

import pandas as pd
import pyarrow as pa
import pytest

from recovery import analysis, example, storage
from recovery.signs import SIGNS
from recovery.text import progress, verdicts
from tests.conftest import TODAY, answer_checkin, checkin, in_page_order


def _open_progress(app):
    app.run()
    return app.switch_page("pages/progress.py").run()


def _with_example(db_path) -> analysis.Comparison:
    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER)
    comparison = analysis.compare_signs(conn, storage.LOCAL_OWNER)
    conn.close()
    return comparison


def _sign_charts(at) -> list:
    """The seven signs' charts, leaving out the Weekly scores section's."""
    return [
        c
        for c in at.get("vega_lite_chart")
        if json.loads(c.proto.spec).get("usermeta", {}).get("section") != "weekly"
    ]


def _texts(at) -> list[str]:
    return [m.value for m in at.markdown]


def _chart_frames(at) -> list[dict[str, object]]:
    """Each chart's spec and its series rows (the dataset with value and trend)."""
    charts = []
    for chart in _sign_charts(at):
        frames = [
            pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets
        ]
        series = next(f for f in frames if {"value", "trend"} <= set(f.columns))
        lines = next(f for f in frames if "level" in f.columns)
        charts.append({"spec": json.loads(chart.proto.spec), "series": series, "lines": lines})
    return charts


def test_an_empty_journal_explains_what_is_needed_and_offers_the_example(app):
    at = _open_progress(app)
    assert not at.exception
    assert "Your journal is empty" in at.info[0].value
    assert len(at.get("vega_lite_chart")) == 0
    at.button(key="progress_load_example").click().run()
    assert "made-up check-ins" in at.warning[0].value
    at.button(key="progress_example_no").click().run()
    assert len(at.warning) == 0 and "Your journal is empty" in at.info[0].value


def test_loading_the_example_after_confirming_shows_seven_charts(app, db_path):
    at = _open_progress(app)
    at.button(key="progress_load_example").click().run()
    at.button(key="progress_example_yes").click().run()
    assert not at.exception
    assert "Loaded the example recovery (84 days)" in at.success[0].value
    assert at.header[0].value == "Improving in 6 of 7 signs; not yet in leg strength"
    assert len(_sign_charts(at)) == 7


def test_the_page_shows_the_analysis_headline_and_seven_verdicts(app, db_path):
    comparison = _with_example(db_path)
    at = _open_progress(app)
    assert not at.exception
    assert at.header[0].value == progress.headline(comparison)
    assert comparison.improving_count == 6
    assert "84 days logged" in _texts(at)[0] and "(today)" in _texts(at)[0]
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:7] == [f"{s.number}. {s.title}" for s in SIGNS]
    verdict_lines = [t for t in _texts(at) if "-badge[" in t][:7]  # then the weekly ones
    expected = [verdicts.VERDICT_LABELS[r.verdict] for r in comparison.signs.values()]
    assert [
        next(w for w in verdicts.VERDICT_LABELS.values() if w in line) for line in verdict_lines
    ] == expected
    assert sum("Improving" in line for line in verdict_lines) == 6
    # the sentence under each chart is the analysis's own
    for result in comparison.signs.values():
        assert result.sentence in _texts(at)


def test_seven_chart_specs_carry_points_line_baseline_and_target(app, db_path):
    comparison = _with_example(db_path)
    at = _open_progress(app)
    charts = _chart_frames(at)
    assert len(charts) == 7
    for chart, the_sign in zip(charts, SIGNS, strict=True):
        marks = [layer["mark"]["type"] for layer in chart["spec"]["layer"]]
        # The band of the usual ups and downs, then points, 7-day line, lines and labels;
        # on the leg-pain chart, ticks along the top for medicine days, then triangles last
        # for the days with flare-ups logged.
        flare_marks = ["tick", "point"] if the_sign.key == "pain" else []
        assert marks == ["rect", "circle", "line", "rule", "text", *flare_marks]
        series = chart["series"]
        assert len(series) == 84  # "last 3 months" covers the whole example
        result = comparison.signs[the_sign.key]
        assert chart["spec"]["description"] == result.sentence
        # the baseline and the level that would count as improving, as reference lines
        assert chart["lines"]["kind"].tolist() == ["Baseline", "Improving"]
        assert chart["lines"]["level"].tolist() == pytest.approx(
            [result.baseline, result.target], abs=0.01
        )
        last_week = series["value"].tail(7).mean()
        assert last_week == pytest.approx(result.recent, abs=0.01)


def test_switching_the_range_sends_only_the_points_drawn(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    at.radio(key="progress_range").set_value("4w").run()
    charts = _chart_frames(at)
    assert len(charts) == 7 and all(len(c["series"]) == 28 for c in charts)
    first = pd.Timestamp(charts[0]["series"]["day"].min()).date()
    assert first == TODAY - dt.timedelta(days=27)


def test_the_example_can_be_removed_in_one_click(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    at.button(key="progress_remove_example").click().run()
    assert "Removed the example recovery (84 days)" in at.success[0].value
    assert "Your journal is empty" in at.info[0].value


def test_a_short_journal_says_how_many_more_days_are_needed(app, db_path):
    conn = storage.open_database(db_path)
    for offset in (1, 0):
        storage.save_checkin(
            conn, storage.LOCAL_OWNER, TODAY - dt.timedelta(days=offset), checkin()
        )
    conn.close()
    at = _open_progress(app)
    assert at.header[0].value == "Not enough check-ins for a verdict yet"
    assert any("Log 4 more days to see a verdict" in i.value for i in at.info)
    assert sum("Not enough data yet" in t for t in _texts(at)) == 7
    assert len(_sign_charts(at)) == 7
    # the example can be looked at, apart from the journal, and left again
    at.button(key="progress_preview_on").click().run()
    assert at.header[0].value == "Improving in 6 of 7 signs; not yet in leg strength"
    assert "example recovery" in _texts(at)[0]
    at.button(key="progress_preview_off").click().run()
    assert at.header[0].value == "Not enough check-ins for a verdict yet"
    conn = storage.open_database(db_path)
    assert storage.journal_summary(conn, storage.LOCAL_OWNER).days_logged == 2
    conn.close()


def test_a_chosen_start_date_changes_the_baseline(app, db_path):
    _with_example(db_path)
    chosen = TODAY - dt.timedelta(days=13)
    conn = storage.open_database(db_path)
    expected = analysis.compare_signs(conn, storage.LOCAL_OWNER, baseline_start=chosen)
    conn.close()
    at = _open_progress(app)
    at.date_input(key="progress_baseline").set_value(chosen).run()
    assert not at.exception
    # the last two weeks of the example against each other: fewer signs still moving
    assert expected.improving_count < 6
    assert at.header[0].value == progress.headline(expected)
    period = progress.span(chosen, chosen + dt.timedelta(days=6))
    assert f"Comparing {period} with" in _texts(at)[0]


def test_saving_a_check_in_links_to_the_progress_page(app):
    answer_checkin(app.run())
    app.button(key="ci_save").click().run()
    links = {link.proto.label: link.proto.page for link in app.get("page_link")}
    assert links["See your progress"] == "progress"
    assert "See all your check-ins" in links


def test_a_worsening_journal_opens_with_the_notice_before_anything_else(app, db_path):
    from tests.support import END, JOURNALS

    conn = storage.open_database(db_path)
    # The "two worse" journal moved to end today: walking and sleep clearly worse.
    rows = [(day + (TODAY - END), checkin(**values)) for day, values in JOURNALS["two worse"]]
    storage.save_checkins(conn, storage.LOCAL_OWNER, rows)
    conn.close()
    at = _open_progress(app)
    assert not at.exception
    elements = in_page_order(at.main)
    assert [e.type for e in elements[:2]] == ["title", "error"]
    assert elements[0].value == "Progress"  # the same words as its navigation entry
    notice = elements[1].value
    assert notice.startswith("**2 signs are worse than in your first week: walking and sleep.**")
    assert "Contact your clinician now" in notice
    # Walking and sleep are not leg strength: no emergency paragraph about weakness.
    assert "leg weakness" not in notice and "emergency" not in notice
    assert at.header[0].value == "Worse in 2 signs: walking and sleep"


def test_an_improving_journal_has_no_worsening_notice(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    assert len(at.error) == 0 and len(at.warning) == 0


def test_the_example_shows_weekly_scores_with_verdicts_against_the_measures_error(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    assert not at.exception
    assert "Weekly scores" in [h.value for h in at.header]
    subheaders = [s.value for s in at.subheader]
    assert subheaders[7:] == ["Weekly bothersomeness", "Weekly frequency", "Your activities"]
    weekly = [
        c
        for c in at.get("vega_lite_chart")
        if json.loads(c.proto.spec).get("usermeta", {}).get("section") == "weekly"
    ]
    assert len(weekly) == 3
    texts = " ".join(_texts(at))
    assert "better by more than the measure's own error (5 points)" in texts
    assert "Put on socks" in " ".join(c.value for c in at.caption)


def test_without_weekly_answers_progress_says_how_to_start_them(app):
    at = _open_progress(app)
    assert "Weekly scores" in [h.value for h in at.header]
    assert any("No weekly answers yet" in c.value for c in at.caption)
