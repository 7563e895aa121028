"""Daily check-in: how are the seven signs today? Saved to the journal in one click."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import form, storage, text
from recovery.signs import CONTEXT, RED_FLAGS, SIGNS
from recovery.validation import ValidationError
from ui import blocks, fields
from ui.session import link_params, open_journal, visitor_today

journal = open_journal()
today = visitor_today()


def load_day(day: dt.date) -> None:
    """Fill every field with the values the form should start from for ``day``."""
    start = form.starting_values(journal.conn, journal.owner, day)
    for column, value in start.values.items():
        if column == "notes":
            value = value or ""
        st.session_state[fields.key_for(column)] = value
    st.session_state["ci_loaded_for"] = day
    st.session_state["ci_existing"] = start.existing
    st.session_state["ci_copied_from"] = start.copied_from


def on_date_change() -> None:
    chosen = st.session_state["ci_date"]
    if isinstance(chosen, dt.date) and chosen <= today:
        load_day(chosen)


# Arriving from History's "Edit" opens that day; otherwise start (or stay) on today.
if "edit_day" in st.session_state:
    st.session_state["ci_date"] = st.session_state.pop("edit_day")
    load_day(st.session_state["ci_date"])
elif "ci_date" not in st.session_state or "ci_loaded_for" not in st.session_state:
    st.session_state["ci_date"] = today
    load_day(today)
elif st.session_state.get("ci_loaded_for") != st.session_state["ci_date"]:
    load_day(st.session_state["ci_date"])

st.title("Daily check-in")
st.write("A minute a day: answer for how things have been over the last 24 hours.")

st.date_input(
    "Day of this check-in",
    key="ci_date",
    max_value=today,
    on_change=on_date_change,
    format="DD/MM/YYYY",
)
if st.session_state["ci_existing"]:
    st.info(
        f"You already checked in for {text.long_date(st.session_state['ci_date'])}. "
        "Your answers are shown; saving will update them.",
        icon=":material/edit:",
    )
elif st.session_state["ci_copied_from"]:
    st.caption(
        f"Started from your last check-in ({text.long_date(st.session_state['ci_copied_from'])}): "
        "change only what is different today."
    )

for sign in SIGNS:
    with st.container(border=True):
        st.subheader(f"{sign.number}. {sign.title}")
        for measure in sign.measures:
            if measure.required:
                fields.draw(measure)
        optional = [m for m in sign.measures if not m.required]
        if optional:
            with st.expander("Optional detail"):
                for measure in optional:
                    fields.draw(measure)

with st.container(border=True):
    st.subheader("Your day")
    for measure in CONTEXT:
        fields.draw(measure)

with st.container(border=True):
    st.subheader("Safety check")
    st.write(text.RED_FLAG_INTRO)
    for flag in RED_FLAGS:
        st.checkbox(flag.question, key=fields.key_for(flag.column))
    if any(st.session_state[fields.key_for(flag.column)] for flag in RED_FLAGS):
        blocks.urgent_care()

if st.button("Save check-in", type="primary", key="ci_save", width="stretch"):
    day = st.session_state["ci_date"]
    values = {column: st.session_state[fields.key_for(column)] for column in form.defaults()}
    try:
        result = storage.save_checkin(journal.conn, journal.owner, day, values, today=today)
    except ValidationError as error:
        st.error(
            "Nothing was saved. Please fix:\n\n"
            + "\n".join(f"- {problem.message}" for problem in error.problems)
        )
    except storage.StorageError as error:
        st.error(str(error))
    else:
        st.session_state["ci_existing"] = True
        verb = "Updated" if result.replaced else "Saved"
        st.success(
            f"{verb} your check-in for {text.long_date(result.day)}.",
            icon=":material/check_circle:",
        )
        st.page_link(
            "pages/progress.py",
            label="See your progress",
            icon=":material/monitoring:",
            query_params=link_params(),
        )
        st.page_link(
            "pages/history.py",
            label="See all your check-ins",
            icon=":material/history:",
            query_params=link_params(),
        )
        if any(values[flag.column] for flag in RED_FLAGS):
            blocks.urgent_care()
