"""Charts of the weekly scores: one line per measure, with the first week's score and its
measurement-error band drawn around it, so a point outside the band is a change beyond the
measure's own error. Builders return Altair charts and never draw.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from recovery.analysis.weekly import WeeklyTrend
from recovery.charts.style import (
    AXIS_LABEL_SIZE,
    AXIS_TITLE_SIZE,
    BASELINE_COLOUR,
    BLUE,
    BLUISH_GREEN,
    VERMILLION,
    text_colours,
)
from recovery.text.weekly import trend_line

# Marks these charts in the page's spec (tests tell them from the seven signs' charts).
WEEKLY_META = {"section": "weekly"}
# Taller than a sign's chart: the whole chart, legend and axes included, fits in it.
WEEKLY_HEIGHT = 220
# The activities' legend, one name a row above the chart, is part of that height in the page.
LEGEND_ROW = 28
# One colour and one dash per activity, so colour is never the only cue.
_ACTIVITY_STYLES = ((BLUE, []), (VERMILLION, [6, 3]), (BLUISH_GREEN, [2, 2]))


def _frame(trend: WeeklyTrend) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "week": pd.to_datetime([day for day, _ in trend.points]),
            "score": [value for _, value in trend.points],
            "measure": trend.title,
        }
    )


def _axes(trend: WeeklyTrend, dark: bool, text_scale: float) -> tuple[alt.X, alt.Y]:
    sizes = {
        "labelFontSize": AXIS_LABEL_SIZE * text_scale,
        "titleFontSize": AXIS_TITLE_SIZE * text_scale,
        "labelColor": text_colours(dark).body,
        "titleColor": text_colours(dark).body,
    }
    # Short: Streamlit fits the whole chart, titles included, into its height on a phone.
    # Which way is better is said in the card's words and the chart's description.
    x = alt.X("week:T", title=None, axis=alt.Axis(format="%d %b", **sizes))
    y = alt.Y(
        "score:Q",
        title=f"{'Total' if trend.maximum > 10 else 'Rating'}, 0-{trend.maximum:g}",
        scale=alt.Scale(domain=[0, trend.maximum]),
        axis=alt.Axis(**sizes),
    )
    return x, y


def weekly_chart(trend: WeeklyTrend, dark: bool = False, text_scale: float = 1.0) -> alt.LayerChart:
    """One weekly measure: its points joined by a line, and the error band around week one."""
    frame = _frame(trend)
    x, y = _axes(trend, dark, text_scale)
    line = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=60 * text_scale), color=BLUE, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("week:T", title="Week", format="%d %B %Y"),
                alt.Tooltip("score:Q", title=trend.title),
            ],
        )
    )
    layers: list[alt.Chart] = []
    if trend.first is not None:
        low = max(0.0, trend.first - trend.error)
        high = min(trend.maximum, trend.first + trend.error)
        band = pd.DataFrame({"low": [low], "high": [high]})
        layers.append(
            alt.Chart(band)
            .mark_rect(color=BASELINE_COLOUR, opacity=0.18)
            .encode(y=alt.Y("low:Q", scale=alt.Scale(domain=[0, trend.maximum])), y2="high:Q")
        )
    better = "lower is better" if trend.lower_is_better else "higher is better"
    return alt.layer(*layers, line).properties(
        height=WEEKLY_HEIGHT,
        description=f"{trend.title} ({better}). {trend_line(trend)}",
        usermeta=WEEKLY_META,
    )


def activities_chart(
    trends: Sequence[WeeklyTrend], dark: bool = False, text_scale: float = 1.0
) -> alt.Chart:
    """Each activity's weekly rating (0-10) as its own line, named in a legend above."""
    frame = pd.concat([_frame(t) for t in trends], ignore_index=True)
    x, y = _axes(trends[0], dark, text_scale)
    names = [t.title for t in trends]
    styles = _ACTIVITY_STYLES[: len(names)] if len(names) <= 3 else None
    colour = alt.Color(
        "measure:N",
        title=None,
        scale=alt.Scale(domain=names, range=[s[0] for s in styles]) if styles else alt.Undefined,
        legend=alt.Legend(
            orient="top",
            direction="vertical",
            labelFontSize=AXIS_LABEL_SIZE * 1.2 * text_scale,
            labelColor=text_colours(dark).body,
            labelLimit=300,
        ),
    )
    dash = alt.StrokeDash(
        "measure:N",
        scale=alt.Scale(domain=names, range=[s[1] for s in styles]) if styles else alt.Undefined,
        legend=None,
    )
    description = " ".join(f"{t.title}: {trend_line(t)}" for t in trends)
    return (
        alt.Chart(frame)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=colour,
            strokeDash=dash,
            tooltip=[
                alt.Tooltip("measure:N", title="Activity"),
                alt.Tooltip("week:T", title="Week", format="%d %B %Y"),
                alt.Tooltip("score:Q", title="Rating"),
            ],
        )
        .properties(
            height=WEEKLY_HEIGHT + LEGEND_ROW * len(names) * text_scale,
            description=f"Your activities. {description}",
            usermeta=WEEKLY_META,
        )
    )
