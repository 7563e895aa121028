"""The PDF report's small charts, drawn as vector lines with fpdf: instant, crisp in print.

Each chart shows one sign's daily values as dots (weekly means for long periods), the
rolling mean as a line, the baseline (dashed grey) and the level that counts as improving
(dotted green), like the Progress page's chart, without rendering a picture.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from fpdf import FPDF

from recovery import analysis
from recovery.axis import value_axis
from recovery.signs import Sign

DOT = (120, 144, 170)
TREND = (31, 78, 121)
BASELINE = (130, 130, 130)
TARGET = (46, 125, 50)
GRID = (225, 229, 233)
INK = (31, 41, 51)


def _label(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def draw_sign_chart(
    pdf: FPDF,
    box: tuple[float, float, float, float],
    the_sign: Sign,
    frame: pd.DataFrame,
    result: analysis.SignResult,
    period: tuple[dt.date, dt.date],
    font: str,
    clean=str,
) -> None:
    """Draw one sign's chart in ``box`` (x, y, width, height in mm)."""
    x, y, width, height = box
    start, end = period
    measure = the_sign.primary
    better = "lower is better" if measure.better == "lower" else "higher is better"
    pdf.set_text_color(*INK)
    pdf.set_font(font, "B", 8.5)
    pdf.set_xy(x, y)
    pdf.cell(width, 4, clean(f"{the_sign.number}. {the_sign.short_title} ({better})"))
    values = [float(v) for v in frame["value"].dropna()] if not frame.empty else []
    levels = [v for v in (result.baseline, result.target) if v is not None]
    low, high, ticks = value_axis(measure, [*values, *levels])
    left, top = x + 7, y + 6
    plot_w, plot_h = width - 9, height - 12
    span_days = max((end - start).days, 1)

    def px(day: dt.date) -> float:
        return left + plot_w * (day - start).days / span_days

    def py(value: float) -> float:
        return top + plot_h * (1 - (min(max(value, low), high) - low) / (high - low))

    pdf.set_font(font, "", 6.5)
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*GRID)
    for tick in ticks:
        pdf.line(left, py(tick), left + plot_w, py(tick))
        pdf.set_xy(x, py(tick) - 1.5)
        pdf.cell(6, 3, _label(tick), align="R")
    for day, align in ((start, "L"), (end, "R")):
        pdf.set_xy(px(day) - (0 if align == "L" else 20), top + plot_h + 0.8)
        pdf.cell(20, 3, f"{day.day} {day:%b}", align=align)
    pdf.set_line_width(0.3)
    for level, colour, dash in ((result.baseline, BASELINE, 1.2), (result.target, TARGET, 0.4)):
        if level is None:
            continue
        pdf.set_draw_color(*colour)
        pdf.set_dash_pattern(dash=dash, gap=0.8)
        pdf.line(left, py(level), left + plot_w, py(level))
    pdf.set_dash_pattern()
    if frame.empty:
        return
    pdf.set_fill_color(*DOT)
    pdf.set_draw_color(*DOT)
    for day, value in zip(frame["day"], frame["value"], strict=True):
        if pd.notna(value):
            pdf.circle(px(day), py(float(value)), 0.55, style="F")
    pdf.set_draw_color(*TREND)
    pdf.set_line_width(0.5)
    segment: list[tuple[float, float]] = []
    for day, trend in [*zip(frame["day"], frame["trend"], strict=True), (None, None)]:
        if day is not None and pd.notna(trend):
            segment.append((px(day), py(float(trend))))
            continue
        if len(segment) > 1:
            pdf.polyline(segment)
        segment = []
    pdf.set_line_width(0.2)
