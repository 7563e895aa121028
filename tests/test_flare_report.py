"""The PDF lists flare-ups by trigger with counts, and the medicines listed."""

from __future__ import annotations

import datetime as dt

from recovery import example, report, storage
from tests.conftest import TODAY, checkin
from tests.test_report import pdf_pages, words

NOW = dt.datetime.combine(TODAY, dt.time(21))


def _text(data: bytes) -> str:
    return " ".join(words(page) for page in pdf_pages(data))


def test_the_report_counts_flare_ups_by_trigger_most_first(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    for trigger, severity in (("sitting", 6), ("sitting", 8), ("cough_sneeze", 5)):
        storage.add_flare(
            conn, "local", {"started_at": NOW, "severity": severity, "trigger": trigger}, now=NOW
        )
    medicine = storage.add_medicine(
        conn, "local", {"name": "Naproxen", "dose": "250 mg", "kind": "regular"}
    )
    storage.save_day_doses(conn, "local", TODAY, {medicine: True})
    text = _text(report.build_report(conn, "local", today=TODAY))
    assert "3 flare-ups on 1 day" in text
    assert "Sitting: 2 (mean severity 7.0/10)" in text
    assert "Coughing or sneezing: 1 (mean severity 5.0/10)" in text
    assert text.index("Sitting: 2") < text.index("Coughing or sneezing: 1")
    assert "Naproxen, 250 mg (regular, every day): taken on 1 day" in text


def test_a_report_without_flare_ups_says_so(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    assert "No flare-ups were logged" in _text(report.build_report(conn, "local", today=TODAY))


def test_the_example_recoverys_flare_ups_are_marked_made_up(conn):
    example.load_example(conn, "local", end=TODAY - dt.timedelta(days=1), today=TODAY)
    storage.save_checkin(conn, "local", TODAY, checkin())
    text = _text(report.build_report(conn, "local", today=TODAY))
    assert "Sitting:" in text and "made-up example flare-ups" in text


def test_the_leg_pain_chart_marks_days_with_logged_flare_ups(conn):
    from recovery import analysis, charts
    from recovery.analysis import flares as flare_days

    example.load_example(conn, "local", today=TODAY)
    comparison = analysis.compare_signs(conn, "local")
    start, end = analysis.range_bounds("all", comparison.first_day, comparison.last_day)
    series = analysis.sign_series(conn, "local", start, end)
    logged = flare_days.flares_by_day(conn, "local", start, end)
    spec = charts.sign_chart(
        "pain", series["pain"].frame, comparison.signs["pain"], flares=logged
    ).to_dict()
    (layer,) = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    assert layer["mark"]["shape"] == "triangle-up"
    plain = charts.sign_chart("pain", series["pain"].frame, comparison.signs["pain"]).to_dict()
    assert all(layer["mark"]["type"] != "point" for layer in plain["layer"])
