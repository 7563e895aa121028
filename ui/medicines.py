"""Your data's list of medicines: name, dose as typed, regular or as needed; add, change, stop."""

from __future__ import annotations

import streamlit as st

from recovery import storage
from recovery.signs import flares
from recovery.validation import ValidationError
from ui import allowance, storage_problems
from ui.journal import Journal

NO_ADVICE = (
    "List what you take, as written on the packet or prescription, so the check-in and the "
    "flare-up log can note it. Seven Signs never advises on which medicine to take or on its "
    "dose: ask your doctor or pharmacist."
)
_FIELD_WORDS = {"name": "Name", "dose": "Dose", "kind": "Regular or as needed"}


def _problems(error: ValidationError) -> str:
    return "Nothing was saved. " + " ".join(
        f"{_FIELD_WORDS.get(p.column, p.column)}: {p.message}." for p in error.problems
    )


def _describe(medicine: dict[str, object]) -> str:
    dose = f", {medicine['dose']}" if medicine["dose"] else ""
    kind = flares.MEDICINE_KIND_LABELS[medicine["kind"]].lower()
    stopped = " (stopped)" if medicine["retired"] else ""
    return f"{medicine['name']}{dose}, {kind}{stopped}"


def _add(journal: Journal) -> None:
    with st.form("med_add", clear_on_submit=True, border=True):
        st.markdown("**Add a medicine**")
        name = st.text_input("Name", max_chars=flares.MAX_NAME, key="med_name")
        dose = st.text_input(
            "Dose, as you take it (optional)", max_chars=flares.MAX_DOSE, key="med_dose"
        )
        kind = st.radio(
            "How you take it",
            options=list(flares.MEDICINE_KIND_CODES),
            format_func=flares.MEDICINE_KIND_LABELS.get,
            horizontal=True,
            key="med_kind",
        )
        submitted = st.form_submit_button("Add medicine", icon=":material/add:")
    if not submitted or not allowance.may_write(journal):
        return
    try:
        with storage_problems.guarded():
            storage.add_medicine(
                journal.conn, journal.owner, {"name": name, "dose": dose, "kind": kind}
            )
    except ValidationError as error:
        st.warning(_problems(error), icon=":material/rule:")
        return
    except storage.TooManyMedicinesError as error:
        st.warning(str(error), icon=":material/rule:")
        return
    st.session_state["med_flash"] = f"Added {name.strip()} to your medicines."
    st.rerun()


def _change(journal: Journal, medicine: dict[str, object]) -> None:
    key = f"med_{medicine['id']}"
    with st.expander(_describe(medicine), key=f"{key}_box"):
        with st.form(f"{key}_form", border=False):
            name = st.text_input("Name", value=medicine["name"], max_chars=flares.MAX_NAME)
            dose = st.text_input("Dose", value=medicine["dose"] or "", max_chars=flares.MAX_DOSE)
            kind = st.radio(
                "How you take it",
                options=list(flares.MEDICINE_KIND_CODES),
                index=flares.MEDICINE_KIND_CODES.index(medicine["kind"]),
                format_func=flares.MEDICINE_KIND_LABELS.get,
                horizontal=True,
            )
            stopped = st.checkbox("I no longer take it", value=bool(medicine["retired"]))
            saved = st.form_submit_button("Save changes")
        if saved:
            values = {"name": name, "dose": dose, "kind": kind, "retired": stopped}
            try:
                with storage_problems.guarded():
                    storage.edit_medicine(journal.conn, journal.owner, medicine["id"], values)
            except ValidationError as error:
                st.warning(_problems(error), icon=":material/rule:")
                return
            st.session_state["med_flash"] = f"Saved the changes to {name.strip()}."
            st.rerun()
        st.caption(
            "Stopping keeps the days you took it. Removing it also removes those days "
            "(flare-ups stay, without the medicine)."
        )
        if st.button("Remove from the list", key=f"{key}_remove", icon=":material/delete:"):
            with storage_problems.guarded():
                storage.delete_medicine(journal.conn, journal.owner, medicine["id"])
            st.session_state["med_flash"] = f"Removed {medicine['name']} from your medicines."
            st.rerun()


def section(journal: Journal) -> None:
    """The medicines section of Your data."""
    st.subheader("Your medicines", anchor=False)
    st.caption(NO_ADVICE)
    if flash := st.session_state.pop("med_flash", None):
        st.success(flash, icon=":material/check_circle:")
    medicines = storage.list_medicines(journal.conn, journal.owner)
    if not medicines:
        st.write("No medicines listed.")
    for medicine in medicines:
        _change(journal, medicine)
    _add(journal)
