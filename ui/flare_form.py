"""The flare-up log's widgets: the form (new or edit), and a day's flare-ups with edit/delete."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import storage, text
from recovery.signs import flares
from recovery.validation import ValidationError
from ui import allowance, app_config, storage_problems
from ui.journal import Journal

FORM_KEYS = (
    "flare_date",
    "flare_time",
    "flare_severity",
    "flare_minutes",
    "flare_trigger",
    "flare_helped",
    "flare_helped_other",
    "flare_note",
    "flare_medicine",
    "flare_medicine_time",
)
NO_MEDICINE = ""
EDITING = "flare_editing"  # the id of the flare-up being edited, if any
EDIT_REQUEST = "flare_edit_request"  # set by History's "Edit" before switching here
FLASH = "flare_flash"
PROBLEMS = "flare_problems"
NO_ADVICE = (
    "Seven Signs only keeps what you note. It never advises on which medicine to take or "
    "how much: ask your doctor or pharmacist."
)


def start_new(now: dt.datetime) -> None:
    """An empty form for a flare-up starting now (the visitor's clock)."""
    for key in FORM_KEYS:
        st.session_state.pop(key, None)
    st.session_state.pop(EDITING, None)
    st.session_state["flare_date"] = now.date()
    st.session_state["flare_time"] = now.time()
    st.session_state["flare_medicine_time"] = now.time()
    st.session_state["flare_medicine"] = NO_MEDICINE
    st.session_state["flare_minutes"] = None


def start_edit(record: dict[str, object], now: dt.datetime) -> None:
    """Fill the form with a saved flare-up to change it."""
    start_new(now)
    started: dt.datetime = record["started_at"]
    st.session_state.update(
        {
            EDITING: record["id"],
            "flare_date": started.date(),
            "flare_time": started.time(),
            "flare_severity": record["severity"],
            "flare_minutes": record["minutes"],
            "flare_trigger": record["trigger"],
            "flare_helped": flares.helped_codes(record["helped"]),
            "flare_helped_other": record["helped_other"] or "",
            "flare_note": record["note"] or "",
            "flare_medicine": record["medicine_id"] or NO_MEDICINE,
        }
    )
    if record["medicine_at"] is not None:
        st.session_state["flare_medicine_time"] = record["medicine_at"].time()


def _values() -> dict[str, object]:
    """What the form holds, as storage takes it."""
    state = st.session_state
    day, time = state.get("flare_date"), state.get("flare_time")
    started = dt.datetime.combine(day, time) if day and time else None
    medicine = state.get("flare_medicine") or None
    medicine_at = None
    if medicine and started is not None and state.get("flare_medicine_time") is not None:
        medicine_at = dt.datetime.combine(started.date(), state["flare_medicine_time"])
    return {
        "started_at": started,
        "severity": state.get("flare_severity"),
        "minutes": state.get("flare_minutes"),
        "trigger": state.get("flare_trigger"),
        "helped": list(state.get("flare_helped") or []),
        "helped_other": state.get("flare_helped_other") or None,
        "note": state.get("flare_note") or None,
        "medicine_id": medicine,
        "medicine_at": medicine_at,
    }


_FIELD_WORDS = {
    "started_at": "When",
    "severity": "How bad",
    "minutes": "How long",
    "trigger": "What set it off",
    "helped": "What helped",
    "helped_other": "Something else that helped",
    "note": "Note",
    "medicine_id": "Medicine",
    "medicine_at": "When you took it",
}


def _save(journal: Journal, now: dt.datetime) -> None:
    """Save the form (a new flare-up or an edit); a problem is kept to show, nothing lost."""
    values = _values()
    missing = [
        w for k, w in (("severity", "How bad"), ("trigger", "What set it off")) if values[k] is None
    ]
    if missing:
        st.session_state[PROBLEMS] = ["Please answer: " + " and ".join(missing) + "."]
        return
    editing = st.session_state.get(EDITING)
    try:
        if editing:
            if not storage.edit_flare(journal.conn, journal.owner, editing, values, now=now):
                st.session_state[PROBLEMS] = ["That flare-up is no longer in your journal."]
                return
        else:
            storage.add_flare(journal.conn, journal.owner, values, now=now)
    except ValidationError as error:
        st.session_state[PROBLEMS] = [
            f"{_FIELD_WORDS.get(p.column, p.column)}: {p.message}" for p in error.problems
        ]
        return
    except storage.TooManyFlaresError as error:
        st.session_state[PROBLEMS] = [str(error)]
        return
    started: dt.datetime = values["started_at"]
    verb = "Updated the" if editing else "Logged a"
    st.session_state[FLASH] = (
        f"{verb} flare-up at {started:%H:%M} on {text.long_date(started.date())} "
        f"(how bad {values['severity']}, {flares.trigger_label(values['trigger']).lower()})."
    )
    start_new(now)


def draw_form(journal: Journal, now: dt.datetime) -> None:
    """The flare-up form; saving runs before the next page run, so the page shows the result."""
    medicines = storage.list_medicines(journal.conn, journal.owner, include_retired=False)
    names = {m["id"]: m["name"] + (f" ({m['dose']})" if m["dose"] else "") for m in medicines}
    editing = st.session_state.get(EDITING)
    if editing and st.session_state.get("flare_medicine") not in (NO_MEDICINE, *names):
        names[st.session_state["flare_medicine"]] = "A medicine no longer on your list"

    @storage_problems.in_callback
    def on_save() -> None:
        if allowance.may_write(journal):
            _save(journal, now)

    with st.form("flare_form", border=True):
        when, clock = st.columns(2)
        when.date_input("Day", key="flare_date", max_value=now.date(), format="DD/MM/YYYY")
        clock.time_input("Time it started", key="flare_time", step=dt.timedelta(minutes=5))
        st.segmented_control(
            "How bad was it? (0 = no pain, 10 = worst imaginable)",
            options=list(range(flares.MAX_SEVERITY + 1)),
            key="flare_severity",
            width="stretch",  # one row of equal buttons, as on the check-in
        )
        st.segmented_control(
            "What set it off?",
            options=list(flares.TRIGGER_CODES),
            format_func=flares.trigger_label,
            key="flare_trigger",
        )
        st.number_input(
            "How long did it last, in minutes (optional)",
            min_value=0,
            max_value=flares.MAX_MINUTES,
            step=5,
            key="flare_minutes",
        )
        st.segmented_control(
            "What helped? (optional, any number)",
            options=list(flares.HELPED_CODES),
            format_func=flares.HELPED_LABELS.get,
            selection_mode="multi",
            key="flare_helped",
        )
        personal = app_config.mode_or_none() != "kiosk"  # a kiosk invites no personal text
        if personal:
            st.text_input(
                "Something else that helped (optional)",
                max_chars=flares.MAX_HELPED_OTHER,
                key="flare_helped_other",
            )
        if names:
            taken, at = st.columns(2)
            taken.selectbox(
                "Took a medicine for it (optional)",
                options=[NO_MEDICINE, *names],
                format_func=lambda i: names.get(i, "No"),
                key="flare_medicine",
            )
            at.time_input(
                "When you took it", key="flare_medicine_time", step=dt.timedelta(minutes=5)
            )
        if personal:
            st.text_area("Note (optional)", max_chars=flares.MAX_NOTE, key="flare_note", height=80)
        st.form_submit_button(
            "Save changes" if editing else "Save flare-up",
            type="primary",
            icon=":material/save:",
            width="stretch",
            on_click=on_save,
        )
    if not names:
        st.caption(
            "To note a medicine taken for a flare-up, list your medicines once on Your data."
        )
    st.caption(NO_ADVICE)


def describe(record: dict[str, object], names: dict[str, str]) -> str:
    """One flare-up on one line: '14:05 · how bad 7 · Sitting · 20 min · helped: Heat'."""
    parts = [
        f"{record['started_at']:%H:%M}",
        f"how bad {record['severity']}",
        flares.trigger_label(record["trigger"]),
    ]
    if record["minutes"] is not None:
        parts.append(f"{record['minutes']} min")
    helped = flares.helped_text(record["helped"], record["helped_other"])
    if helped:
        parts.append("helped: " + helped)
    if record["medicine_id"]:
        taken = names.get(record["medicine_id"], "a medicine")
        if record["medicine_at"] is not None:
            taken += f" at {record['medicine_at']:%H:%M}"
        parts.append("took " + taken)
    return " · ".join(parts)


def flare_list(journal: Journal, records: list[dict[str, object]], prefix: str) -> None:
    """Flare-ups, one line each, with Edit (opens the log) and Delete (after a confirmation)."""
    names = {m["id"]: m["name"] for m in storage.list_medicines(journal.conn, journal.owner)}
    for record in records:
        flare_id = record["id"]
        with st.container(border=True, key=f"{prefix}_{flare_id}"):
            # Shown as typed: a note is never read as Markdown.
            st.text(describe(record, names))
            if record["note"]:
                st.text(record["note"])
            if record["batch"] == storage.EXAMPLE_BATCH:
                st.caption("Made up: part of the example recovery.")
            edit, delete = st.columns(2)
            if edit.button("Edit", key=f"{prefix}_edit_{flare_id}", icon=":material/edit:"):
                st.session_state[EDIT_REQUEST] = flare_id
                st.switch_page("pages/flare.py")
            if delete.button("Delete", key=f"{prefix}_del_{flare_id}", icon=":material/delete:"):
                st.session_state["flare_confirm"] = flare_id
            if st.session_state.get("flare_confirm") == flare_id:
                st.warning("Delete this flare-up? This cannot be undone.")
                yes, no = st.columns(2)
                if yes.button("Yes, delete it", key=f"{prefix}_yes_{flare_id}", type="primary"):
                    with storage_problems.guarded():
                        storage.delete_flare(journal.conn, journal.owner, flare_id)
                    st.session_state.pop("flare_confirm", None)
                    st.session_state[FLASH] = "Deleted the flare-up."
                    st.rerun()
                if no.button("Cancel", key=f"{prefix}_no_{flare_id}"):
                    st.session_state.pop("flare_confirm", None)
                    st.rerun()


RECENT_DAYS = 28  # History lists the flare-ups of the last four weeks with any logged


def flares_by_day(journal: Journal, today: dt.date) -> None:
    """The flare-ups of recent weeks, newest day first, each day under its own heading."""
    start = today - dt.timedelta(days=RECENT_DAYS - 1)
    records = storage.flare_records(journal.conn, journal.owner, start, today)
    with st.expander(f"Flare-ups logged in the last {RECENT_DAYS} days ({len(records)})"):
        if not records:
            st.caption("None logged. Use “Flare-up” in the menu when one happens.")
            return
        days = sorted({r["day"] for r in records}, reverse=True)
        for day in days:
            st.markdown(f"**{text.long_date(day)}**")
            flare_list(journal, [r for r in records if r["day"] == day], f"flare_hist_{day}")


def day_flares(journal: Journal, day: dt.date) -> None:
    """One day's flare-ups under that day (History), or nothing when none were logged."""
    records = storage.flare_records(journal.conn, journal.owner, day, day)
    if records:
        st.markdown(f"**Flare-ups logged this day ({len(records)})**")
        flare_list(journal, records, "flare_day")
