"""Which theme the visitor's browser shows, so chart text keeps its contrast."""

from __future__ import annotations

import streamlit as st


def theme_is_dark() -> bool:
    """True when the page is shown in Streamlit's dark theme (light when unknown)."""
    try:
        return st.context.theme.type == "dark"
    except AttributeError:  # no browser context, as in some tests
        return False
