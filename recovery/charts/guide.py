"""Charts for the recovery guide page: builders that return Altair charts and never draw.

Colours come from the Okabe-Ito palette, which stays distinct with common colour-vision
deficiencies; every colour also has a text label or legend so none carries meaning alone.
Bars keep at least 3:1 contrast on both Streamlit backgrounds, and words drawn in a chart
take the theme's text colour (recovery.charts.text_colours), at least 4.5:1.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from recovery.analysis.adherence import ExerciseRecord
from recovery.analysis.residual import AFTER, OTHER, ResidualPattern
from recovery.charts.style import (
    AXIS_LABEL_SIZE,
    AXIS_TITLE_SIZE,
    BLUE,
    GREY,
    VERMILLION,
    text_colours,
)

# Vermillion rather than Okabe-Ito orange: orange has only 2.3:1 contrast on white.
WARM = VERMILLION
FONT_SIZE = 13
# Bar height per row of the residual chart at the default text size.
RESIDUAL_STEP = 26


def _axis(text_scale: float, **options: object) -> alt.Axis:
    """An axis whose label and title sizes grow with ``text_scale`` (a kiosk is read from afar)."""
    if text_scale != 1.0:
        options.setdefault("labelFontSize", AXIS_LABEL_SIZE * text_scale)
        options["titleFontSize"] = AXIS_TITLE_SIZE * text_scale
    return alt.Axis(**options)


def residual_chart(
    pattern: ResidualPattern, dark: bool = False, text_scale: float = 1.0
) -> alt.LayerChart:
    """Mean tingling and leg pain on days after strenuous days against other days.

    ``text_scale`` enlarges every word in the chart, and the bars with them.
    """
    size = FONT_SIZE * text_scale
    frame = pattern.frame().dropna(subset=["mean"])
    frame["label"] = frame["mean"].map(lambda value: f"{value:.1f}")
    measures = list(dict.fromkeys(frame["measure"]))
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "measure:N",
            title=None,
            sort=measures,
            axis=_axis(text_scale, labelFontSize=size, labelLimit=160 * text_scale),
        ),
        yOffset=alt.YOffset("group:N", sort=[AFTER, OTHER]),
        x=alt.X(
            "mean:Q",
            title="Average (0-10, lower is better)",
            scale=alt.Scale(domain=[0, 10]),
            axis=_axis(text_scale, values=list(range(0, 11, 2))),  # as every 0-10 axis
        ),
        color=alt.Color(
            "group:N",
            title=None,
            sort=[AFTER, OTHER],
            scale=alt.Scale(domain=[AFTER, OTHER], range=[WARM, BLUE]),
            legend=alt.Legend(
                orient="top",
                labelFontSize=size,
                labelLimit=240 * text_scale,
                symbolSize=100 * text_scale**2,
            ),
        ),
        tooltip=[
            alt.Tooltip("measure:N", title="Measure"),
            alt.Tooltip("group:N", title="Days"),
            alt.Tooltip("mean:Q", title="Average", format=".1f"),
            alt.Tooltip("days:Q", title="Number of days"),
        ],
    )
    bars = base.mark_bar()
    labels = base.mark_text(align="left", dx=4, fontSize=size).encode(
        text="label:N", color=alt.value(text_colours(dark).body)
    )
    return alt.layer(bars, labels).properties(height=alt.Step(RESIDUAL_STEP * text_scale))


def exercise_chart(
    record: ExerciseRecord, dark: bool = False, text_scale: float = 1.0
) -> alt.LayerChart:
    """Exercise days per week as bars, with the weekly aim as a dashed line.

    ``text_scale`` enlarges every word in the chart.
    """
    size = FONT_SIZE * text_scale
    frame = record.weeks.copy()
    frame["week"] = pd.to_datetime(frame.pop("week_start"))
    frame["status"] = [
        "This week" if not complete else ("Aim reached" if met else "Below aim")
        for complete, met in zip(frame["complete"], frame["met_aim"], strict=True)
    ]
    statuses = ["Aim reached", "Below aim", "This week"]
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "yearmonthdate(week):O",
                title="Week starting",
                axis=_axis(text_scale, format="%d %b", labelAngle=-45),
            ),
            y=alt.Y(
                "exercise_days:Q",
                title="Exercise days",
                scale=alt.Scale(domain=[0, 7]),
                axis=_axis(text_scale, values=list(range(8))),
            ),
            color=alt.Color(
                "status:N",
                title=None,
                sort=statuses,
                scale=alt.Scale(domain=statuses, range=[BLUE, WARM, GREY]),
                legend=alt.Legend(
                    orient="top",
                    labelFontSize=size,
                    labelLimit=240 * text_scale,
                    symbolSize=100 * text_scale**2,
                ),
            ),
            tooltip=[
                alt.Tooltip("week:T", title="Week starting", format="%A %d %B %Y"),
                alt.Tooltip("exercise_days:Q", title="Exercise days"),
                alt.Tooltip("days_logged:Q", title="Days logged"),
                alt.Tooltip("status:N", title=""),
            ],
        )
    )
    aim_frame = pd.DataFrame({"aim": [record.aim], "label": [f"Your aim: {record.aim} a week"]})
    aim = (
        alt.Chart(aim_frame)
        .mark_rule(
            strokeDash=[6, 4],
            color=text_colours(dark).body,
            strokeWidth=2,
        )
        .encode(y="aim:Q", tooltip=[alt.Tooltip("aim:Q", title="Your weekly aim")])
    )
    aim_label = (
        alt.Chart(aim_frame)
        .mark_text(
            align="left",
            baseline="bottom",
            x=4,
            dy=-4,
            fontSize=size,
            color=text_colours(dark).body,
        )
        .encode(y="aim:Q", text="label:N")
    )
    return alt.layer(bars, aim, aim_label).properties(height=340 + 60 * (text_scale - 1))
