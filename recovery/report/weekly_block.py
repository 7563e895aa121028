"""The PDF's weekly-scores block, on its first page: each weekly measure in one line."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

import duckdb

from recovery.analysis.weekly import weekly_summary
from recovery.text import weekly as words


class _Writer(Protocol):
    def heading(self, words: str, size: float = 13) -> None: ...
    def para(self, words: str, size: float = 9.5, bold: bool = False) -> None: ...


SOURCES = (
    "Four sciatica symptoms rated 0-6, totals 0-24 (Sciatica Bothersomeness and Frequency "
    "Indices' structure, Patrick et al., Spine 1995; error about 5 and 6.5 points, Grøvle et "
    "al., 2008). Own activities rated 0-10 (PSFS structure, Stratford et al., 1995; 2.3 "
    "points, Abbott and Schmitt, JOSPT 2014). Latest week against the first in the period."
)


def draw_weekly(
    pdf: _Writer, conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> None:
    """The weekly scores within the period; nothing at all when there are none."""
    summary = weekly_summary(conn, owner)
    trends = [
        dataclasses.replace(t, points=tuple(p for p in t.points if start <= p[0] <= end))
        for t in summary.indices
    ]
    trends = [t for t in trends if t.points]
    if not trends:
        return
    named = [a.title for a in summary.activities if any(start <= p[0] <= end for p in a.points)]
    pdf.heading("Weekly scores", size=11)
    for trend in trends:
        title = trend.title
        if trend.key == "PSFS" and named:
            title = f"Activities' mean ({'; '.join(named)})"
        pdf.para(f"{title}: {words.trend_line(trend)}", size=8)
    pdf.para(SOURCES, size=7)
