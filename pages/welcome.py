"""Kiosk welcome: what Seven Signs is, the example's progress at a glance, where to start."""

from __future__ import annotations

import streamlit as st

from recovery import analysis, charts
from recovery.text import progress
from ui import blocks, kiosk, notices
from ui.journal_link import page_link
from ui.session import open_journal, visitor_today

# The one chart shown here: leg pain, the sign people come to the clinic with.
FEATURED_SIGN = "pain"
# Before the kiosk's larger type grows it (about 200 px): headline and chart share the first
# screen of a 1024 x 768 tablet.
WELCOME_CHART_HEIGHT = 140
# The two columns stack on a tall (portrait) screen, as they do on a phone.
WELCOME_CSS = """
<style>
@media (orientation: portrait), (max-width: 899.98px) {
  .st-key-welcome_columns [data-testid="stHorizontalBlock"] { flex-direction: column; gap: 1rem; }
  .st-key-welcome_columns [data-testid="stColumn"] {
    width: 100% !important; flex: 1 1 auto !important;
  }
}
@media (min-width: 900px) and (orientation: landscape) {
  .st-key-welcome_columns h1 { font-size: 1.9rem; padding-top: 0.5rem; }
  .st-key-welcome_example h2 { font-size: 1.35rem; padding-top: 0.25rem; }
}
</style>
"""

journal = open_journal()
today = visitor_today()
# A red flag this visitor reported comes before the welcome (Start over clears it).
notices.recent_red_flags(journal, today)

# Side by side on a wide screen (headline and chart above the fold), stacked on a tall one.
st.html(WELCOME_CSS)
with st.container(key="welcome_columns"):
    intro, example_box = st.columns([2, 3], gap="large")
with intro:
    st.title("Welcome to Seven Signs", anchor=False)
    st.markdown(
        "Seven Signs is a one-minute daily check-in for people recovering from sciatica. "
        "It follows seven signs of improvement, from leg pain to sleep, and shows sign by sign "
        "whether you are getting better."
    )
    # The kiosk switches pages at the start of the next run (see kiosk.go_to).
    st.button(
        "Try today's check-in",
        key="welcome_try",
        type="primary",
        icon=":material/edit_note:",
        width="stretch",
        on_click=kiosk.go_to,
        args=("pages/checkin.py",),
    )

comparison = analysis.compare_signs(journal.conn, journal.owner)
with example_box, st.container(border=True, key="welcome_example"):
    st.caption("Here is an example: 12 weeks of made-up check-ins after a flare-up.")
    st.header(progress.headline(comparison), anchor=False)
    if comparison.first_day is not None and comparison.last_day is not None:
        start, end = analysis.range_bounds(
            analysis.default_range(comparison.first_day, comparison.last_day),
            comparison.first_day,
            comparison.last_day,
        )
        series = analysis.sign_series(journal.conn, journal.owner, start, end)[FEATURED_SIGN]
        result = comparison.signs[FEATURED_SIGN]
        st.altair_chart(
            charts.sign_chart(
                FEATURED_SIGN,
                series.frame,
                result,
                domain=(start, end),
                granularity=series.granularity,
                # No title: its axis says "Leg pain" and 0 to 10, and the sentence below says
                # what moved; the title's room goes to the plot, where large labels need it.
                height=WELCOME_CHART_HEIGHT,
                text_scale=blocks.chart_text_scale(journal.mode),
            ),
            width="stretch",
        )
        st.write(result.sentence)
    page_link("pages/progress.py", label="See all seven signs", icon=":material/monitoring:")

kiosk.take_it_home()
