"""Layers for what is logged beside the check-in, drawn on the leg-pain chart: flare-ups
logged as they happened, and the days a medicine was taken."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from recovery.charts.style import FLARE_COLOUR, MEDICINE_COLOUR

_DATE_TOOLTIP = alt.Tooltip("utcyearmonthdate(day):T", title="Date", format="%a %-d %b %Y")


def _iso(day: dt.date) -> str:
    return day.isoformat()


def flare_layer(flares: pd.DataFrame, x: alt.X, y_scale: alt.Scale, y_axis: alt.Axis) -> alt.Chart:
    """Days with logged flare-ups: a triangle at the day's worst severity (shape, not only hue)."""
    rows = pd.DataFrame(
        {
            "day": [_iso(d) for d in flares["day"]],
            "flares": flares["flares"].astype(int),
            "worst": flares["worst"].astype(int),
        }
    )
    return (
        alt.Chart(rows)
        .mark_point(shape="triangle-up", filled=True, size=55, opacity=0.9, color=FLARE_COLOUR)
        .encode(
            x=x,
            y=alt.Y("worst:Q", scale=y_scale, axis=y_axis),
            tooltip=[
                _DATE_TOOLTIP,
                alt.Tooltip("flares:Q", title="Flare-ups logged"),
                alt.Tooltip("worst:Q", title="Worst (0-10)"),
            ],
        )
    )


def medicine_layer(
    taken: pd.DataFrame, x: alt.X, y_scale: alt.Scale, y_axis: alt.Axis, top: float
) -> alt.Chart | None:
    """Days a medicine was taken: a short tick along the chart's top, its names in the tooltip
    (None when no day in the range had one)."""
    if taken.empty:
        return None
    yes = taken[taken["taken"].astype(bool)]
    if yes.empty:
        return None
    names = yes.groupby("day")["medicine"].agg(lambda s: ", ".join(sorted(set(s))))
    rows = pd.DataFrame(
        {"day": [_iso(d) for d in names.index], "medicines": names.to_list(), "top": top}
    )
    return (
        alt.Chart(rows)
        .mark_tick(orient="vertical", thickness=2, size=9, color=MEDICINE_COLOUR, opacity=0.9)
        .encode(
            x=x,
            y=alt.Y("top:Q", scale=y_scale, axis=y_axis),
            tooltip=[_DATE_TOOLTIP, alt.Tooltip("medicines:N", title="Medicines taken")],
        )
    )
