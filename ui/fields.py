"""Draw a form field for any registry measure; the widget kind follows the measure's kind."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from recovery.signs import Measure
from ui import app_config

_YES_NO_UNSET = (None, True, False)
_YES_NO = (True, False)
SCALE = tuple(range(11))
# The check-in's Save button; the kiosk reads it to start its shorter countdown after a save.
SAVE_KEY = "ci_save"


def key_for(column: str) -> str:
    """The session-state key of a check-in field (tests find widgets by it)."""
    return f"ci_{column}"


def _anchors(measure: Measure) -> str:
    return " · ".join(part for part in (measure.low_anchor, measure.high_anchor) if part)


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def draw(measure: Measure) -> None:
    """Draw the widget for one measure; its value lands in ``st.session_state[key_for(...)]``.

    Nothing starts chosen unless the session already holds an answer: an empty field, an
    unpicked number, means "not answered", never a silent 0 or a made-up middle value.
    """
    key = key_for(measure.column)
    # Questions that must be answered carry their hint as a caption: a tooltip icon is one
    # more Tab stop on the way to Save. Optional ones, folded away, keep the tooltip.
    help_text = (measure.help or None) if not measure.required else None
    hint = measure.help if measure.required else ""
    empty = "Not answered yet" if measure.required else "Not recorded"
    if measure.kind == "scale":
        # One row of 0-10 buttons: a tap answers, nothing is pre-selected, and the group is
        # a single Tab stop (arrow keys move within it).
        st.segmented_control(measure.question, SCALE, key=key, width="stretch")
        st.caption(" ".join(part for part in (_anchors(measure) + ".", hint) if part))
    elif measure.kind in ("count", "minutes"):
        st.number_input(
            measure.question,
            min_value=int(measure.minimum),
            max_value=int(measure.maximum),
            value=None,  # a cleared box is "not answered", not the minimum
            step=1,
            key=key,
            help=help_text,
            placeholder=empty,
        )
        if _anchors(measure):
            st.caption(_anchors(measure))
    elif measure.kind == "decimal":
        st.number_input(
            f"{measure.question} ({measure.unit})",
            min_value=float(measure.minimum),
            max_value=float(measure.maximum),
            value=None,
            step=0.5,
            key=key,
            help=help_text,
            placeholder=empty,
            format="%.1f",
        )
    elif measure.kind == "yesno" and measure.required:
        st.segmented_control(
            measure.question, _YES_NO, key=key, format_func=_yes_no, width="stretch"
        )
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
        st.segmented_control(
            measure.question,
            measure.choices,
            key=key,
            format_func=str.capitalize,
            width="stretch",
        )
        if hint:
            st.caption(hint)
    elif app_config.mode_or_none() != "kiosk":  # a kiosk invites no personal text
        st.text_area(
            measure.question,
            key=key,
            max_chars=measure.max_length,
            help=help_text,
            placeholder="Optional",
        )


def folded(label: str, key: str, measures: Iterable[Measure]) -> None:
    """A folded part of the form, in an expander whose fields are drawn only while it is open.

    Drawing the hidden fields on every visit was about a quarter of the browser's work in
    opening the check-in (bench/bench_checkin_browser.py). Streamlit forgets the value of a
    widget it did not draw, so while folded, each field's value is stored again under its
    own key, where Save, "Same as yesterday" and the next opening find it unchanged.
    """
    section = st.expander(label, key=key, on_change="rerun")
    if section.open:
        with section, st.container(key=f"{key}_questions"):
            for measure in measures:
                draw(measure)
        return
    for measure in measures:
        name = key_for(measure.column)
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]


# Phones first: the 0-10 buttons share one row, every control shows where keyboard focus
# is, and the questions sit closer together than Streamlit's default spacing.
_CHECKIN_CSS = """
<style>
.st-key-ci_questions [data-testid="stButtonGroup"] > div,
.st-key-ci_more_questions [data-testid="stButtonGroup"] > div,
.st-key-ci_wk_questions [data-testid="stButtonGroup"] > div,
.st-key-flare_severity [data-testid="stButtonGroup"] > div { flex-wrap: nowrap; width: 100%; }
.st-key-ci_questions [data-testid="stButtonGroup"] button,
.st-key-ci_more_questions [data-testid="stButtonGroup"] button,
.st-key-ci_wk_questions [data-testid="stButtonGroup"] button,
.st-key-flare_severity [data-testid="stButtonGroup"] button {
  flex: 1 1 0; min-width: 0; padding-left: 0; padding-right: 0; min-height: 2.6rem;
}
/* The chosen answer stands out at a glance (navy, not red: red is kept for urgent care). */
[data-testid="stButtonGroup"] button[aria-checked="true"] {
  background: #1f4e8c !important; border-color: #1f4e8c !important; color: #fff; font-weight: 700;
}
[data-testid="stButtonGroup"] button[aria-checked="true"] p { color: #fff; }
[data-testid="stButtonGroup"] button:focus-visible,
[data-testid="stSlider"] [role="slider"]:focus-visible,
[data-testid="stRadio"] input:focus-visible + div,
[data-testid="stCheckbox"] input:focus-visible + span {
  outline: 3px solid #1c6dd0; outline-offset: 2px;
}
[data-testid="stSlider"] [role="slider"]:focus { box-shadow: 0 0 0 4px #1c6dd0; }
.st-key-ci_questions, .st-key-ci_more_questions { gap: 0.6rem; }
.st-key-ci_questions [data-testid="stCaptionContainer"],
.st-key-ci_more_questions [data-testid="stCaptionContainer"] { margin-top: -0.5rem; }
@media (min-width: 768px) { [data-testid="stMainBlockContainer"] { padding-top: 4rem; } }
@media (max-width: 640px) { [data-testid="stMain"] h1 { font-size: 2rem; } }
</style>
"""


def checkin_style() -> None:
    """The check-in's (and the flare-up log's) compact, phone-first styling and focus rings."""
    st.html(_CHECKIN_CSS)
