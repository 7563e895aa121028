"""Daily check-in: seven quick questions about the last 24 hours, saved in one tap."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import form, storage, text
from recovery.signs import CONTEXT, RED_FLAGS, SIGNS
from recovery.text.numbers import plural
from recovery.validation import ValidationError
from ui import (
    allowance,
    app_config,
    blocks,
    chart_warmup,
    fields,
    medicine_row,
    shared_link,
    storage_problems,
    weekly_form,
)
from ui.journal_link import page_link
from ui.session import open_journal, visitor_today

journal = open_journal()
today = visitor_today()
_FOLLOW_UP = [m for m in form.REQUIRED if m not in form.PRIMARY]
_OPTIONAL = [m for sign in SIGNS for m in sign.secondary if not m.required]
_NOTES = [m for m in CONTEXT if m.column not in {r.column for r in form.REQUIRED}]


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
    st.session_state["ci_last_values"] = start.values if start.copied_from else None
    st.session_state["ci_saved_flags"] = flags_on(start.values) if start.existing else None
    st.session_state["ci_flares_logged"] = start.flares_logged
    medicine_row.load(journal, day)
    # Required questions with no earlier answer (a first check-in) are asked before Save;
    # otherwise they start from the last answers and wait, folded, below it.
    st.session_state["ci_ask_first"] = [
        m.column for m in _FOLLOW_UP if start.values[m.column] is None
    ]


@storage_problems.in_callback
def on_date_change() -> None:
    # .get: a kiosk reset clears the state between the browser's change and this callback.
    chosen = st.session_state.get("ci_date")
    if isinstance(chosen, dt.date) and chosen <= today:
        load_day(chosen)


def current_values() -> dict[str, object]:
    """What the form holds now, one value per check-in column."""
    return {column: st.session_state.get(fields.key_for(column)) for column in form.blank()}


def red_flag_ticked() -> bool:
    """True when any red-flag box is ticked on the form right now."""
    return any(st.session_state.get(fields.key_for(flag.column)) for flag in RED_FLAGS)


def flags_on(values: dict[str, object]) -> dict[str, bool]:
    """The red-flag answers among a day's values, each as ticked or not."""
    return {flag.column: bool(values.get(flag.column)) for flag in RED_FLAGS}


def flags_unsaved() -> bool:
    """True when the day is saved but its safety answers on the form differ from the saved ones.

    The safety check sits below Save, so a box ticked after saving would otherwise be shown
    but never stored.
    """
    saved = st.session_state.get("ci_saved_flags")
    return saved is not None and saved != flags_on(current_values())


def _question_list(measures: list) -> str:
    return "\n".join(f"- **{m.label}**: {m.question}" for m in measures)


def save(values: dict[str, object]) -> storage.SaveResult | None:
    """Save the day, or say in plain words why nothing was saved."""
    missing = form.unanswered(values)
    # A red flag is saved at once, whatever else is unanswered; the rest can follow.
    if missing and not form.red_flag_ticked(values):
        st.warning(
            text.CHECKIN_UNANSWERED + "\n\n" + _question_list(missing), icon=":material/rule:"
        )
        return None
    if not allowance.may_write(journal):
        return None
    try:
        result = storage.save_checkin(
            journal.conn, journal.owner, st.session_state["ci_date"], values, today=today
        )
        medicine_row.save(journal, result.day)
        return result
    except ValidationError as error:
        st.warning(
            "Nothing was saved. Please fix:\n\n"
            + "\n".join(f"- {problem.message}" for problem in error.problems),
            icon=":material/rule:",
        )
    except storage.StorageError as error:
        storage_problems.show(error)
    return None


def confirm(result: storage.SaveResult, how: str = "") -> None:
    """The save confirmation, with the ways on."""
    st.session_state["ci_existing"] = True
    st.session_state["ci_saved_flags"] = flags_on(current_values())
    verb = "Updated" if result.replaced else "Saved"
    st.success(
        f"{verb} your check-in for {text.long_date(result.day)}{how}.",
        icon=":material/check_circle:",
    )
    if red_flag_ticked():
        blocks.scroll_to_urgent()  # Save sits below the questions; the message is above them
    missing = form.unanswered(current_values())
    if missing:  # only beside a red flag: the safety answers went first
        st.info(
            text.SAVED_WITH_UNANSWERED + "\n\n" + _question_list(missing), icon=":material/rule:"
        )
    shared_link.first_save_box(journal)  # a new shared journal's link, right here
    page_link("pages/progress.py", label="See your progress", icon=":material/monitoring:")
    page_link("pages/history.py", label="See all your check-ins", icon=":material/history:")


# Arriving from History's "Edit" opens that day; otherwise start (or stay) on today.
if "edit_day" in st.session_state:
    st.session_state["ci_date"] = st.session_state.pop("edit_day")
    load_day(st.session_state["ci_date"])
elif "ci_date" not in st.session_state or "ci_loaded_for" not in st.session_state:
    st.session_state["ci_date"] = today
    load_day(today)
elif st.session_state.get("ci_loaded_for") != st.session_state["ci_date"]:
    load_day(st.session_state["ci_date"])

fields.checkin_style()
# A ticked red flag comes before everything else on the page, and stays there after saving.
if red_flag_ticked():
    blocks.urgent_care(
        app_config.emergency_number(),
        kiosk=journal.mode == "kiosk",
    )

# A safety answer changed after saving is offered for saving at the top, where it is seen.
# Pressing that button saves before anything is drawn, so no stale reminder shows; and in
# the run where Save itself is pressed, that save includes the answer.
if st.session_state.get("ci_save_flags"):
    result = save(current_values())
    if result is not None:
        confirm(result)
elif flags_unsaved() and not (
    st.session_state.get(fields.SAVE_KEY) or st.session_state.get("ci_same")
):
    st.warning(
        text.SAFETY_NOT_SAVED.format(day=text.long_date(st.session_state["ci_date"])),
        icon=":material/warning:",
    )
    st.button(text.SAVE_SAFETY, key="ci_save_flags", type="primary", icon=":material/save:")

st.title("Daily check-in", anchor=False)

day = st.session_state["ci_date"]
last = st.session_state["ci_copied_from"]
if last is not None and not st.session_state["ci_existing"]:
    when = "yesterday" if last == day - dt.timedelta(days=1) else text.long_date(last)
    if st.button(
        text.SAME_AS_LAST.format(when=when),
        key="ci_same",
        icon=":material/done_all:",
        width="stretch",
        help=text.SAME_AS_LAST_HELP.format(day=text.long_date(day), last=text.long_date(last)),
    ):
        # Today's own notes and any red flag ticked before the tap are never dropped.
        same = form.same_as_last(st.session_state["ci_last_values"], current_values())
        if st.session_state.get("ci_flares_logged"):
            same[form.FLARE_COUNT] = current_values()[form.FLARE_COUNT]  # counted from the log
        result = save(same)
        if result is not None:
            load_day(result.day)
            confirm(result, f", the same as {when}")

if last is None and not st.session_state["ci_existing"]:
    # A first visit: say what this is (on a phone there is no sidebar to say it).
    st.caption(f"**{text.APP_NAME}**: {text.TAGLINE}")
st.write(text.CHECKIN_INTRO)
# Changing the day is rare (History's "Edit" opens a past day), so it waits folded: the
# date picker alone is four Tab stops.
with st.expander(f"For {text.long_date(day)}: change the day", key="ci_day_box"):
    st.date_input(
        "Day of this check-in",
        key="ci_date",
        max_value=today,
        on_change=on_date_change,
        format="DD/MM/YYYY",
    )
if st.session_state["ci_existing"]:
    st.info(
        f"You already checked in for {text.long_date(day)}. "
        "Your answers are shown; saving will update them.",
        icon=":material/edit:",
    )
elif last is not None:
    st.caption(
        f"Started from your last check-in ({text.long_date(last)}): change only what is different."
    )

ask_first = [m for m in _FOLLOW_UP if m.column in st.session_state["ci_ask_first"]]
with st.container(key="ci_questions"):
    for measure in form.PRIMARY:
        logged = st.session_state.get("ci_flares_logged", 0)
        if measure.column == form.FLARE_COUNT and logged and not st.session_state["ci_existing"]:
            st.caption(
                f":material/bolt: {plural(logged, 'flare-up')} logged "
                f"{'today' if day == today else 'that day'}: the count below starts from it."
            )
        fields.draw(measure)
    for measure in ask_first:
        fields.draw(measure)

if st.button("Save check-in", type="primary", key=fields.SAVE_KEY, width="stretch"):
    result = save(current_values())
    if result is not None:
        confirm(result)

with st.container(border=True):
    st.markdown("**Safety check**")
    st.write(text.RED_FLAG_INTRO)
    for flag in RED_FLAGS:
        st.checkbox(flag.question, key=fields.key_for(flag.column))
    st.caption(text.RED_FLAG_SOURCES)

# Once a week, folded: the weekly questions, with their own Save.
weekly_form.draw(journal, today)
folded = [m for m in _FOLLOW_UP if m not in ask_first]
if folded:
    fields.folded(text.already_answered([m.label for m in folded]), "ci_more", folded)
fields.folded("Optional measurements", "ci_optional", _OPTIONAL)
fields.folded("Activity, exercises and notes", "ci_notes_box", _NOTES)
medicine_row.draw(journal)
# Last, hidden: the chart library loads while the person answers, not on their first
# click on Progress.
chart_warmup.draw()
