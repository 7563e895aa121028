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
