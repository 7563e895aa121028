"""Draw a form field for any registry measure; the widget kind follows the measure's kind."""

from __future__ import annotations

import streamlit as st

from recovery.signs import Measure
from ui import session

_YES_NO_UNSET = (None, True, False)


def key_for(column: str) -> str:
    """The session-state key of a check-in field (tests find widgets by it)."""
    return f"ci_{column}"


def _anchors(measure: Measure) -> str:
    return " · ".join(part for part in (measure.low_anchor, measure.high_anchor) if part)


def draw(measure: Measure) -> None:
    """Draw the widget for one measure; its value lands in ``st.session_state[key_for(...)]``."""
    key = key_for(measure.column)
    help_text = measure.help or None
    if measure.kind == "scale":
        st.slider(
            measure.question,
            min_value=int(measure.minimum),
            max_value=int(measure.maximum),
            step=1,
            key=key,
            help=help_text,
        )
        st.caption(_anchors(measure))
    elif measure.kind in ("count", "minutes"):
        st.number_input(
            measure.question,
            min_value=int(measure.minimum),
            max_value=int(measure.maximum),
            step=1,
            key=key,
            help=help_text,
            placeholder="Not recorded",
        )
        if _anchors(measure):
            st.caption(_anchors(measure))
    elif measure.kind == "decimal":
        st.number_input(
            f"{measure.question} ({measure.unit})",
            min_value=float(measure.minimum),
            max_value=float(measure.maximum),
            step=0.5,
            key=key,
            help=help_text,
            placeholder="Not recorded",
            format="%.1f",
        )
    elif measure.kind == "yesno" and measure.required:
        st.checkbox(measure.question, key=key, help=help_text)
    elif measure.kind == "yesno":
        st.radio(
            measure.question,
            _YES_NO_UNSET,
            key=key,
            horizontal=True,
            help=help_text,
            format_func=lambda v: {None: "Not recorded", True: "Yes", False: "No"}[v],
        )
    elif measure.kind == "choice":
        st.radio(
            measure.question,
            measure.choices,
            key=key,
            horizontal=True,
            help=help_text,
            format_func=str.capitalize,
        )
    elif session.mode_or_none() != "kiosk":  # a kiosk invites no personal text
        st.text_area(
            measure.question,
            key=key,
            max_chars=measure.max_length,
            help=help_text,
            placeholder="Optional",
        )
