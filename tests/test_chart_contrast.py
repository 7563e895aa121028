"""Every colour the chart builders use keeps its contrast on Streamlit's light and dark themes.

WCAG 2.1: text needs 4.5:1 against its background (1.4.3), graphics such as points, lines
and bars 3:1 (1.4.11). Marks use one mid-tone colour on both themes; chart text follows
the theme, because no single colour reaches 4.5:1 on both (the last test shows why).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from recovery import analysis, charts, example
from recovery.analysis import adherence, residual

END = dt.date(2026, 11, 23)
OWNER = "local"
BACKGROUNDS = {"light": charts.LIGHT_BACKGROUND, "dark": charts.DARK_BACKGROUND}
# The dark background Streamlit 1.67 actually paints, measured on a screenshot: checked too.
PAINTED_DARK = "#171614"
ALL_BACKGROUNDS = {
    "light": [charts.LIGHT_BACKGROUND],
    "dark": [charts.DARK_BACKGROUND, PAINTED_DARK],
}
TEXT_MINIMUM = 4.5
MARK_MINIMUM = 3.0


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #RRGGBB colour."""
    hex_digits = colour.lstrip("#")
    red, green, blue = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#777777", "#FFFFFF", 4.48)],
)
def test_the_contrast_formula_matches_known_ratios(first, second, ratio):
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)


def _colours(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def colours_by_role(spec: dict) -> dict[str, set[str]]:
    """Every colour a chart spec sets, split into text marks and other marks."""
    found: dict[str, set[str]] = {"text": set(), "mark": set()}
    layers = spec.get("layer", [spec])
    for layer in layers:
        mark = layer.get("mark", {})
        mark = {"type": mark} if isinstance(mark, str) else mark
        role = "text" if mark["type"] == "text" else "mark"
        colours = _colours(mark.get("color"))
        colour = layer.get("encoding", {}).get("color", {})
        colours += _colours(colour.get("value"))
        colours += _colours(colour.get("scale", {}).get("range"))
        if role == "text":
            # A text mark without a colour would fall back to Vega's black: unreadable on dark.
            assert colours, f"a text layer has no colour of its own: {layer}"
        found[role].update(c.upper() for c in colours)
    return found


@pytest.fixture
def all_charts(conn) -> dict[str, list[dict]]:
    """Every chart builder's spec for the example recovery, for each theme."""
    example.load_example(conn, OWNER, END, today=END)
    comparison = analysis.compare_signs(conn, OWNER)
    start, end = analysis.range_bounds("all", comparison.first_day, comparison.last_day)
    series = analysis.sign_series(conn, OWNER, start, end)
    pattern = residual.residual_pattern(conn, OWNER, today=END)
    record = adherence.exercise_record(conn, OWNER, today=END)
    built = {}
    for theme in BACKGROUNDS:
        dark = theme == "dark"
        specs = [
            charts.sign_chart(
                key, series[key].frame, comparison.signs[key], domain=(start, end), dark=dark
            )
            for key in series
        ]
        specs += [
            charts.residual_chart(pattern, dark=dark),
            charts.exercise_chart(record, dark=dark),
        ]
        built[theme] = [json.loads(chart.to_json()) for chart in specs]
    return built


@pytest.mark.parametrize("theme", list(BACKGROUNDS))
def test_chart_labels_and_values_reach_4_5_to_1_on_the_theme_they_are_drawn_for(all_charts, theme):
    for spec in all_charts[theme]:
        for colour in colours_by_role(spec)["text"]:
            for background in ALL_BACKGROUNDS[theme]:
                ratio = contrast(colour, background)
                assert ratio >= TEXT_MINIMUM, f"{colour} on {background}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", list(BACKGROUNDS))
def test_points_lines_and_bars_reach_3_to_1_on_both_backgrounds(all_charts, theme):
    for spec in all_charts[theme]:
        for colour in colours_by_role(spec)["mark"]:
            # The exercise chart's aim line is drawn in the theme's text colour.
            if colour in _theme_text():
                targets = ALL_BACKGROUNDS[theme]
            else:
                targets = [*ALL_BACKGROUNDS["light"], *ALL_BACKGROUNDS["dark"]]
            for target in targets:
                ratio = contrast(colour, target)
                assert ratio >= MARK_MINIMUM, f"{colour} on {target}: {ratio:.2f}:1"


def _theme_text() -> set[str]:
    return {
        c.upper()
        for palette in (charts.LIGHT_TEXT, charts.DARK_TEXT)
        for c in vars(palette).values()
    }


def test_the_guide_bar_labels_no_longer_vanish_on_the_dark_theme(all_charts):
    residual_spec = all_charts["dark"][-2]
    text = colours_by_role(residual_spec)["text"]
    assert text == {charts.DARK_TEXT.body.upper()}
    assert contrast(charts.DARK_TEXT.body, charts.DARK_BACKGROUND) >= TEXT_MINIMUM


def test_no_single_colour_could_reach_4_5_to_1_on_both_backgrounds():
    # Every grey from black to white (luminance covers every colour's case): the better of
    # the two ratios never reaches 4.5, which is why chart text follows the theme.
    best = max(
        min(contrast(grey, charts.LIGHT_BACKGROUND), contrast(grey, charts.DARK_BACKGROUND))
        for grey in (f"#{v:02X}{v:02X}{v:02X}" for v in range(256))
    )
    assert best < TEXT_MINIMUM
