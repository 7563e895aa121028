"""Chart builders: what each chart carries, edge cases, and offline rendering for reports."""

import datetime as dt
import json
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from recovery import analysis, charts, example
from recovery.signs import SIGNS, sign
from recovery.text import progress, verdicts

END = dt.date(2026, 11, 23)


@pytest.fixture
def example_comparison(conn):
    """The example recovery's comparison and its chart series over everything."""
    example.load_example(conn, "local", END, today=END)
    comparison = analysis.compare_signs(conn, "local")
    start, end = analysis.range_bounds("all", comparison.first_day, comparison.last_day)
    return comparison, analysis.sign_series(conn, "local", start, end), (start, end)


def _spec(chart) -> dict:
    return json.loads(chart.to_json())


def _layer(spec: dict, mark: str) -> dict:
    """The chart's first layer drawn with ``mark`` (circle: the points, text: the labels)."""
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark)


def test_every_sign_has_points_a_trend_line_and_labelled_reference_lines(example_comparison):
    comparison, series, domain = example_comparison
    for the_sign in SIGNS:
        result = comparison.signs[the_sign.key]
        spec = _spec(
            charts.sign_chart(the_sign.key, series[the_sign.key].frame, result, domain=domain)
        )
        assert [layer["mark"]["type"] for layer in spec["layer"]] == [
            "rect",
            "circle",
            "line",
            "rule",
            "text",
        ]
        assert spec["description"] == result.sentence
        # Under the points: the band of the usual ups and downs around the baseline.
        band = spec["datasets"][spec["layer"][0]["data"]["name"]][0]
        assert band["low"] == pytest.approx(max(0, result.baseline - result.noise.margin), abs=0.01)
        assert band["high"] > result.baseline
        labels = spec["datasets"][spec["layer"][4]["data"]["name"]]
        assert labels[0]["text"].startswith("baseline ")
        direction = "\u2264" if the_sign.primary.better == "lower" else "\u2265"
        assert labels[1]["text"].startswith(f"improving at {direction}")
        # the shared time axis: every chart spans the same days
        assert spec["layer"][1]["encoding"]["x"]["scale"]["domain"] == [
            domain[0].isoformat(),
            domain[1].isoformat(),
        ]


def test_a_chart_holds_only_the_points_it_draws(example_comparison):
    comparison, series, domain = example_comparison
    spec = _spec(
        charts.sign_chart("pain", series["pain"].frame, comparison.signs["pain"], domain=domain)
    )
    points = spec["datasets"][_layer(spec, "circle")["data"]["name"]]
    assert len(points) == 84 and set(points[0]) == {"day", "value", "trend"}


@pytest.mark.parametrize(
    ("frame", "note"),
    [
        (pd.DataFrame({"day": [], "value": [], "trend": []}), "no check-ins in the range"),
        (pd.DataFrame({"day": [END], "value": [4.0], "trend": [None]}), "one check-in"),
    ],
)
def test_charts_of_empty_or_tiny_series_still_build(frame, note):
    result = analysis.sign_result(sign("walking"), None, None, 0, 0)
    spec = _spec(charts.sign_chart("walking", frame, result, domain=(END - dt.timedelta(27), END)))
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["circle", "line"], note


def test_a_target_off_the_scale_draws_no_improvement_line():
    # sleep 9.5 out of 10 at baseline: 2 points better is off the scale
    result = analysis.sign_result(sign("sleep"), 9.5, 9.6, 7, 7)
    frame = pd.DataFrame({"day": [END], "value": [9.0], "trend": [9.0]})
    spec = _spec(charts.sign_chart("sleep", frame, result))
    labels = spec["datasets"][_layer(spec, "text")["data"]["name"]]
    assert [label["kind"] for label in labels] == ["Baseline"]


def test_long_ranges_say_weekly_in_the_tooltip(example_comparison):
    comparison, _, _ = example_comparison
    frame = pd.DataFrame({"day": [END], "value": [3.0], "trend": [3.0]})
    spec = _spec(charts.sign_chart("pain", frame, comparison.signs["pain"], granularity="week"))
    titles = [t["title"] for t in _layer(spec, "circle")["encoding"]["tooltip"]]
    assert titles == ["Week of", "Weekly mean", "4-week mean"]


@pytest.mark.parametrize("verdict", ["improved", "no_change", "worse", "insufficient_data"])
def test_every_verdict_has_words_an_icon_and_a_colour(verdict):
    style = charts.verdict_style(verdict)
    assert style.label == verdicts.VERDICT_LABELS[verdict]
    assert style.icon.startswith(":material/") and style.colour.startswith("#")


def test_charts_render_offline_for_reports(example_comparison):
    comparison, series, domain = example_comparison
    chart = charts.sign_chart(
        "pain",
        series["pain"].frame,
        comparison.signs["pain"],
        domain=domain,
        title=progress.short_date(END),
    )
    png = vlc.vegalite_to_png(chart.properties(width=480).to_json(), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_every_value_axis_is_labelled_alike_on_screen_and_in_the_pdf(example_comparison):
    from recovery.axis import value_axis

    comparison, series, domain = example_comparison
    for the_sign in SIGNS:
        result = comparison.signs[the_sign.key]
        frame = series[the_sign.key].frame
        spec = _spec(charts.sign_chart(the_sign.key, frame, result, domain=domain))
        y = _layer(spec, "circle")["encoding"]["y"]
        ticks = y["axis"]["values"]
        # Every 0-10 scale is labelled 0, 2, ... 10; others by a round step, at most six labels.
        if the_sign.primary.kind == "scale":
            assert ticks == [0, 2, 4, 6, 8, 10]
        assert 3 <= len(ticks) <= 6 and ticks[0] == 0
        assert y["scale"]["domain"] == [ticks[0], ticks[-1]]
        levels = [v for v in (result.baseline, result.target) if v is not None]
        assert value_axis(the_sign.primary, [*frame["value"].dropna(), *levels])[2] == ticks


@pytest.mark.parametrize(
    ("highest", "ticks"), [(0, [0, 1, 2]), (7.2, [0, 2, 4, 6, 8]), (45, [0, 10, 20, 30, 40, 50])]
)
def test_a_count_axis_ends_at_a_round_number_above_the_highest_value(highest, ticks):
    from recovery.axis import value_axis

    assert value_axis(sign("episodes").primary, [highest])[2] == ticks


def _drawn_text(chart, width: int = 420) -> dict[str, float]:
    """Each text the chart draws and its height on the picture, laid out as a page does."""
    # Streamlit fits the whole chart (title and axes too) into its width and height.
    fitted = chart.properties(
        width=width, autosize=alt.AutoSizeParams(type="fit", contains="padding")
    )
    svg = vlc.vegalite_to_svg(fitted.to_json())
    found = re.findall(r'translate\(([\d.\-]+),([\d.\-]+)\)"[^>]*>([^<]*)</text>', svg)
    return {label: float(y) for _, y, label in found}


@pytest.mark.parametrize(("text_scale", "height"), [(1.0, 170), (1.8, 140), (1.8, 170)])
def test_labels_never_overlap_even_in_large_type(example_comparison, text_scale, height):
    comparison, series, domain = example_comparison
    for the_sign in SIGNS:
        result = comparison.signs[the_sign.key]
        chart = charts.sign_chart(
            the_sign.key,
            series[the_sign.key].frame,
            result,
            domain=domain,
            height=height,
            title="A title",
            text_scale=text_scale,
        )
        drawn = _drawn_text(chart)
        references = [
            y for label, y in drawn.items() if label.startswith(("baseline", "improving"))
        ]
        if len(references) == 2:
            assert abs(references[0] - references[1]) >= 11 * text_scale, (the_sign.key, drawn)
        ticks = sorted(y for label, y in drawn.items() if re.fullmatch(r"\d+(\.\d+)?", label))
        assert len(ticks) >= 3, (the_sign.key, drawn)
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert min(gaps) >= 10 * text_scale, (the_sign.key, drawn)
