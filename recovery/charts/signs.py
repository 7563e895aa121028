"""Altair chart builders for the seven signs: each returns a chart and never draws it.

Charts carry their data inline, so one spec renders the same way on every page; the PDF
report draws its own charts (recovery/report/pdf_charts.py). The look lives in
recovery/charts/style.py.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from recovery.analysis import Granularity, SignResult
from recovery.axis import value_axis
from recovery.charts.logged import flare_layer, medicine_layer
from recovery.charts.style import (
    AXIS_LABEL_SIZE,
    AXIS_TITLE_SIZE,
    BASELINE_COLOUR,
    BASELINE_DASH,
    CHART_HEIGHT,
    CHART_TITLE_SIZE,
    LIGHT_TEXT,
    POINT_COLOUR,
    REFERENCE_LABEL_SIZE,
    TARGET_COLOUR,
    TARGET_DASH,
    TREND_COLOUR,
    TextColours,
    text_colours,
)
from recovery.signs import Measure, sign
from recovery.text.signs import format_value, phrase


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _y_axis(
    measure: Measure, frame: pd.DataFrame, levels: list[float]
) -> tuple[alt.Scale, list[float]]:
    low, high, ticks = value_axis(measure, [*frame["value"].dropna().tolist(), *levels])
    return alt.Scale(domain=[low, high], nice=False), ticks


def _label_above(level: float, recent: float, others: list[float], close: float) -> bool:
    """Whether a reference line's label goes above it: away from the latest values, unless
    another reference line is within ``close`` (a label's height) on that side."""
    above = recent <= level
    for other in others:
        if above and level < other <= level + close:
            return False
        if not above and level - close <= other < level:
            return True
    return above


def _plot_height(height: int, text_scale: float, titled: bool) -> float:
    """About how many pixels of ``height`` the plot itself gets, after the title and axis."""
    chrome = AXIS_LABEL_SIZE * text_scale * 2.5
    if titled:
        chrome += CHART_TITLE_SIZE * text_scale * 1.8
    return max(height - chrome, 40.0)


def _axis_title(measure: Measure) -> str:
    if measure.kind == "scale":
        return measure.label  # the 0-10 ticks say the scale; long titles would be cut
    if measure.kind == "count":
        return phrase(measure)
    return f"{measure.label} ({measure.unit})"


def _axis_fonts(text_scale: float) -> dict[str, float]:
    # Nothing at the default scale, so the spec stays exactly Vega-Lite's defaults.
    if text_scale == 1.0:
        return {}
    return {
        "labelFontSize": AXIS_LABEL_SIZE * text_scale,
        "titleFontSize": AXIS_TITLE_SIZE * text_scale,
    }


def _chart_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Only what the chart draws, as JSON-friendly values: every column goes to the browser."""
    return pd.DataFrame(
        {
            "day": [_iso(d) for d in frame["day"]],
            "value": frame["value"].astype(float).round(2),
            "trend": frame["trend"].astype(float).round(2),
        }
    )


def _reference_layers(
    references: list[dict[str, object]],
    result: SignResult,
    rows: pd.DataFrame,
    y_scale: alt.Scale,
    x: alt.X,
    domain: tuple[dt.date, dt.date] | None,
    text: TextColours = LIGHT_TEXT,
    font_size: float = REFERENCE_LABEL_SIZE,
    plot_height: float = CHART_HEIGHT,
    y_axis: alt.Axis | None = None,
) -> list[alt.Chart]:
    """The baseline and improvement lines (one layer) and their labels (another)."""
    span = float(y_scale.domain[1] - y_scale.domain[0]) or 1.0
    # Labels are measured in pixels (they grow with the kiosk's type), lines in data units.
    per_pixel = span / plot_height
    label = font_size * 1.25 * per_pixel
    if result.recent is not None:
        recent_level = result.recent
    else:
        recent_level = float(rows["value"].mean()) if len(rows) else 0.0
    last_day = _iso(domain[1]) if domain else (rows["day"].iloc[-1] if len(rows) else None)
    for reference in references:
        others = [r["level"] for r in references if r is not reference]
        above = _label_above(reference["level"], recent_level, others, close=label)
        # Half a label and a little more keeps the label clear of its own line.
        nudge = label / 2 + 2 * per_pixel
        reference["label_at"] = reference["level"] + (nudge if above else -nudge)
        reference["day"] = last_day
    frame = pd.DataFrame(references)
    kinds = ["Baseline", "Improving"]
    colour = alt.Color(
        "kind:N", legend=None, scale=alt.Scale(domain=kinds, range=[BASELINE_COLOUR, TARGET_COLOUR])
    )
    base = alt.Chart(frame)
    lines = base.mark_rule(strokeWidth=1.5).encode(
        y=alt.Y("level:Q", scale=y_scale, axis=y_axis),
        color=colour,
        strokeDash=alt.StrokeDash(
            "kind:N", legend=None, scale=alt.Scale(domain=kinds, range=[BASELINE_DASH, TARGET_DASH])
        ),
        tooltip=[alt.Tooltip("text:N", title="Line")],
    )
    if last_day is None:
        return [lines]
    # Labels sit at the right end, on the side of their line away from the latest values.
    label_colour = alt.Color(
        "kind:N",
        legend=None,
        scale=alt.Scale(domain=kinds, range=[text.baseline, text.target]),
    )
    labels = base.mark_text(align="right", baseline="middle", dx=-2, fontSize=font_size).encode(
        x=x,
        y=alt.Y("label_at:Q", scale=y_scale, axis=y_axis),
        text="text:N",
        color=label_colour,
    )
    return [lines, labels]


def _noise_layer(result: SignResult, y_scale: alt.Scale, y_axis: alt.Axis) -> alt.Chart | None:
    """The band of the person's usual ups and downs around the baseline (under the points).

    A recent 7-day mean inside it is within the noise (recovery.analysis.noise): the band
    is the baseline +- the half-width of the change's 95 % interval.
    """
    if result.noise is None or result.baseline is None:
        return None
    low, high = y_scale.domain
    band = pd.DataFrame(
        {
            "low": [max(low, round(result.baseline - result.noise.margin, 2))],
            "high": [min(high, round(result.baseline + result.noise.margin, 2))],
        }
    )
    return (
        alt.Chart(band)
        .mark_rect(color=BASELINE_COLOUR, opacity=0.15)
        .encode(y=alt.Y("low:Q", scale=y_scale, axis=y_axis), y2="high:Q")
    )


def sign_chart(
    sign_key: str,
    series_frame: pd.DataFrame,
    result: SignResult,
    *,
    domain: tuple[dt.date, dt.date] | None = None,
    granularity: Granularity = "day",
    height: int = CHART_HEIGHT,
    title: str | None = None,
    dark: bool = False,
    text_scale: float = 1.0,
    flares: pd.DataFrame | None = None,
    medicines: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """One sign over time: values as points, the rolling mean as a line, baseline and target.

    ``series_frame`` has the columns day, value and trend (see analysis.sign_series);
    ``domain`` fixes the time axis so every sign's chart lines up; ``text_scale`` enlarges
    every piece of text on the chart. ``flares`` (day, flares, worst: analysis.flares_by_day)
    marks each day with logged flare-ups by a triangle at its worst severity, and
    ``medicines`` (analysis.flares.medicine_days) each day a medicine was taken by a tick
    along the top (leg pain only).
    """
    fonts = _axis_fonts(text_scale)
    # Larger type takes room from the plot: a taller chart keeps the plot readable (else the
    # kiosk's 0-10 labels thin out to 0, 4, 8 in a strip of lines).
    height = round(height * max(1.0, 0.8 * text_scale))
    the_sign = sign(sign_key)
    measure = the_sign.primary
    rows = _chart_rows(series_frame)
    levels = [v for v in (result.baseline, result.target) if v is not None]
    y_scale, y_ticks = _y_axis(measure, rows, levels)
    # Every layer names the same axis: at most six round labels (recovery.axis), all drawn.
    # (A layer without it lets the merged axis fall back to default ticks, thinned out.)
    # Not flush: Streamlit's theme pushes the end labels inward, crowding "0" against "2".
    y_axis = alt.Axis(values=y_ticks, labelOverlap=False, labelFlush=False, **fonts)
    if domain is not None:
        x_scale = alt.Scale(type="utc", domain=[_iso(domain[0]), _iso(domain[1])], padding=6)
    else:
        x_scale = alt.Scale(type="utc", padding=6)
    x = alt.X(
        "day:T",
        scale=x_scale,
        title=None,
        axis=alt.Axis(format="%d %b", labelOverlap=True, tickCount=6, **fonts),
    )
    trend_name = "4-week mean" if granularity == "week" else "7-day mean"
    point_name = "Weekly mean" if granularity == "week" else measure.label
    number = ".0f" if measure.kind == "minutes" else ".1f"
    tooltip = [
        alt.Tooltip(
            "utcyearmonthdate(day):T",
            title="Week of" if granularity == "week" else "Date",
            format="%a %-d %b %Y",
        ),
        alt.Tooltip("value:Q", title=point_name, format=number),
        alt.Tooltip("trend:Q", title=trend_name, format=number),
    ]
    base = alt.Chart(rows)
    points = base.mark_circle(size=30, opacity=0.75, color=POINT_COLOUR).encode(
        x=x,
        y=alt.Y(
            "value:Q",
            scale=y_scale,
            title=_axis_title(measure),
            axis=y_axis,
        ),
        tooltip=tooltip,
    )
    # The points carry the tooltip (their day's value and 7-day mean); the line needs none.
    trend = base.mark_line(color=TREND_COLOUR, strokeWidth=3, interpolate="monotone").encode(
        x=x,
        y=alt.Y("trend:Q", scale=y_scale, axis=y_axis),
    )
    band = _noise_layer(result, y_scale, y_axis)
    layers: list[alt.Chart] = ([band] if band is not None else []) + [points, trend]
    references = []
    if result.baseline is not None:
        references.append(
            {
                "level": round(result.baseline, 2),
                "kind": "Baseline",
                "text": f"baseline {format_value(measure, result.baseline)}",
            }
        )
    if result.target is not None:
        sign_text = "≤" if measure.better == "lower" else "≥"
        references.append(
            {
                "level": round(result.target, 2),
                "kind": "Improving",
                "text": f"improving at {sign_text} {format_value(measure, result.target)}",
            }
        )
    if references:
        layers.extend(
            _reference_layers(
                references,
                result,
                rows,
                y_scale,
                x,
                domain,
                text_colours(dark),
                REFERENCE_LABEL_SIZE * text_scale,
                _plot_height(height, text_scale, titled=bool(title)),
                y_axis,
            )
        )
    # Last, so the ticks and triangles sit on top and the other layers keep their places.
    if medicines is not None and measure.kind == "scale":
        ticks = medicine_layer(medicines, x, y_scale, y_axis, float(measure.maximum))
        if ticks is not None:
            layers.append(ticks)
    if flares is not None and not flares.empty and measure.kind == "scale":
        layers.append(flare_layer(flares, x, y_scale, y_axis))
    chart = alt.layer(*layers).properties(
        height=height,
        description=result.sentence or the_sign.title,
    )
    if title and text_scale != 1.0:
        chart = chart.properties(title=alt.Title(title, fontSize=CHART_TITLE_SIZE * text_scale))
    elif title:
        chart = chart.properties(title=title)
    return chart
