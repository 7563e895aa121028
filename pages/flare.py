"""Log a flare-up when it happens: when, how bad, what set it off, what helped, any medicine."""

from __future__ import annotations

import streamlit as st

from recovery import storage
from ui import fields, flare_form
from ui.journal_link import page_link
from ui.session import open_journal, visitor_now

journal = open_journal()
now = visitor_now()

request = st.session_state.pop(flare_form.EDIT_REQUEST, None)
if request is not None:
    record = storage.get_flare(journal.conn, journal.owner, request)
    if record is not None:
        flare_form.start_edit(record, now)
elif "flare_date" not in st.session_state:
    flare_form.start_new(now)

fields.checkin_style()  # the 0-10 buttons on one row, as on the check-in
st.title("Log a flare-up", anchor=False)
flash = st.session_state.pop(flare_form.FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")
for problem in st.session_state.pop(flare_form.PROBLEMS, []):
    st.warning("Nothing was saved. " + problem, icon=":material/rule:")
editing = st.session_state.get(flare_form.EDITING)
if editing:
    st.info("You are changing a flare-up you logged earlier.", icon=":material/edit:")
    if st.button("Log a new one instead", key="flare_new"):
        flare_form.start_new(now)
        st.rerun()
else:
    st.write(
        "Note a flare-up while you remember it: any number a day. The daily check-in starts "
        "its count of flare-ups from what you log here."
    )
flare_form.draw_form(journal, now)

day = now.date()
logged = storage.flare_records(journal.conn, journal.owner, day, day)
if logged:
    st.subheader(f"Logged today ({len(logged)})", anchor=False)
    flare_form.flare_list(journal, list(reversed(logged)), "flare_today")
page_link("pages/history.py", label="Flare-ups on other days: History", icon=":material/history:")
