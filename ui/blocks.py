"""Small page blocks used in several places: the footer and the urgent-care message."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from recovery import text


def footer() -> None:
    """The education-not-advice reminder at the foot of every page."""
    st.divider()
    st.caption(text.DISCLAIMER)


def urgent_care() -> None:
    """The red-flag message: go to urgent care now."""
    st.error(f"**{text.URGENT_TITLE}.** {text.URGENT_MESSAGE}", icon=":material/emergency:")


def stop() -> NoReturn:
    """End the page here, footer included: after st.stop() nothing more can be drawn."""
    # app.py draws the footer once the page returns, but st.stop() also cancels anything
    # drawn after it (even in a finally block), so a stopping page draws the footer first.
    footer()
    st.stop()


# Kiosk screens are read from a step away: larger type and roomier controls. The data grid's
# toolbar (download as CSV, search) is hidden: nothing leaves a kiosk.
_LARGE_TYPE_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label { font-size: 1.15rem; }
[data-testid="stSidebarNavLink"] span { font-size: 1.15rem; }
button[kind] { min-height: 3rem; }
[data-testid="stCheckbox"] label { gap: 0.75rem; align-items: center; }
[data-testid="stCheckbox"] label > span + div {
  width: 1.6rem; height: 1.6rem; flex: 0 0 1.6rem;
}
[data-testid="stWidgetLabel"] p { font-size: 1.15rem; }
[data-testid="stAppViewContainer"] input { font-size: 1.1rem; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBarMin"],
[data-testid="stSliderTickBarMax"] { font-size: 1.1rem; }
[data-testid="stSlider"] [role="slider"] { width: 1.5rem; height: 1.5rem; }
[data-testid="stElementToolbar"] { display: none !important; }
/* Room at the foot for the kiosk's floating countdown, so it never hides the last lines. */
[data-testid="stMainBlockContainer"] { padding-top: 4.25rem; padding-bottom: 9rem; }
</style>
"""
# Chart text grows with the page's type in the kiosk.
KIOSK_CHART_TEXT_SCALE = 1.8


def large_type() -> None:
    """Enlarge text and controls for the clinic kiosk."""
    st.html(_LARGE_TYPE_CSS)


def chart_text_scale(mode: str) -> float:
    """How much to enlarge chart text: more in the kiosk, none elsewhere."""
    return KIOSK_CHART_TEXT_SCALE if mode == "kiosk" else 1.0
