"""Progress's "Weekly scores" section: a chart per weekly measure and one for the activities."""

from __future__ import annotations

import streamlit as st

from recovery.analysis.weekly import WeeklyTrend, weekly_summary
from recovery.charts.weekly import activities_chart, weekly_chart
from recovery.text import weekly as words
from ui.journal import Journal

_BADGES = {
    "better": (":green-badge[:material/trending_up: Better]"),
    "within": (":gray-badge[:material/trending_flat: Within the error]"),
    "worse": (":orange-badge[:material/trending_down: Worse]"),
    None: (":gray-badge[:material/hourglass_empty: One week so far]"),
}


def _card(trend: WeeklyTrend, chart: object, key: str) -> None:
    with st.container(border=True, key=key):
        st.subheader(trend.title, anchor=False)
        st.markdown(f"{_BADGES[trend.verdict]}&nbsp; {words.trend_line(trend)}")
        st.altair_chart(chart, width="stretch")


def draw(journal: Journal, dark: bool = False, text_scale: float = 1.0) -> None:
    """The weekly scores of ``journal`` (a short how-to-start line when there are none)."""
    with st.container(key="weekly_scores"):
        _draw(journal, dark, text_scale)


def _draw(journal: Journal, dark: bool, text_scale: float) -> None:
    st.header(words.PROGRESS_TITLE, anchor=False)
    summary = weekly_summary(journal.conn, journal.owner)
    if summary.empty:
        st.caption(words.PROGRESS_EMPTY)
        return
    st.caption(words.EXPLAIN)
    for trend in (summary.sbi, summary.sfi):
        if trend.points:
            _card(trend, weekly_chart(trend, dark, text_scale), f"weekly_card_{trend.key}")
    if summary.activities:
        psfs = summary.psfs
        with st.container(border=True, key="weekly_card_PSFS"):
            st.subheader("Your activities", anchor=False)
            st.markdown(f"{_BADGES[psfs.verdict]}&nbsp; Mean rating: {words.trend_line(psfs)}")
            for trend in summary.activities:
                st.caption(f"**{trend.title}**: {words.trend_line(trend)}")
            st.altair_chart(activities_chart(summary.activities, dark, text_scale), width="stretch")
