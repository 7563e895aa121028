"""Small page blocks used in several places: the footer and the urgent-care message."""

from __future__ import annotations

import streamlit as st

from recovery import text


def footer() -> None:
    """The education-not-advice reminder at the foot of every page."""
    st.divider()
    st.caption(text.DISCLAIMER)


def urgent_care() -> None:
    """The red-flag message: go to urgent care now."""
    st.error(f"**{text.URGENT_TITLE}.** {text.URGENT_MESSAGE}", icon=":material/emergency:")
