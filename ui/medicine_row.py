"""The check-in's one folded row of regular medicines, ticked when taken that day."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import storage
from ui.journal import Journal

PREFIX = "ci_med_"
ANSWERED = "ci_med_answered"  # whether the shown ticks are the day's own saved answers


def regular(journal: Journal) -> list[dict[str, object]]:
    """The regular medicines still on the list, in the list's order."""
    medicines = storage.list_medicines(journal.conn, journal.owner, include_retired=False)
    return [m for m in medicines if m["kind"] == "regular"]


def load(journal: Journal, day: dt.date) -> None:
    """Tick each regular medicine as the day was answered, else as the last answered day."""
    ticks, own = storage.doses_to_start_from(journal.conn, journal.owner, day)
    for medicine in regular(journal):
        st.session_state[PREFIX + medicine["id"]] = bool(ticks.get(medicine["id"], False))
    st.session_state[ANSWERED] = own


def ticked(journal: Journal) -> dict[str, bool]:
    """The row as it stands: {medicine id: taken} for every regular medicine."""
    return {m["id"]: bool(st.session_state.get(PREFIX + m["id"], False)) for m in regular(journal)}


def save(journal: Journal, day: dt.date) -> None:
    """Store the row's ticks for the day (called once the check-in itself is saved)."""
    answers = ticked(journal)
    if answers:
        storage.save_day_doses(journal.conn, journal.owner, day, answers)
        st.session_state[ANSWERED] = True


def draw(journal: Journal) -> None:
    """The folded row; nothing at all when no regular medicine is listed."""
    medicines = regular(journal)
    if not medicines:
        return
    taken = sum(bool(st.session_state.get(PREFIX + m["id"])) for m in medicines)
    with st.expander(f"Regular medicines taken today ({taken} of {len(medicines)} ticked)"):
        if not st.session_state.get(ANSWERED):
            st.caption("Ticked as on your last check-in: change what was different.")
        for medicine in medicines:
            label = medicine["name"] + (f" ({medicine['dose']})" if medicine["dose"] else "")
            st.checkbox(label, key=PREFIX + medicine["id"])
        st.caption(
            "Saved with your check-in. Only a record of what you took: Seven Signs never "
            "advises on a medicine or its dose."
        )
