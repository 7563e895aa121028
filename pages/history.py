"""History: every check-in, newest first, in a table that fits a phone; tap a day to edit it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from recovery import history, storage, text
from recovery.text.numbers import plural
from ui import blocks, flare_form, storage_problems
from ui.journal_link import page_link
from ui.session import open_journal, visitor_today

# Reads on light and dark themes alike: a see-through red over the grid's own background.
RED_FLAG_ROW = "background-color: rgba(230, 40, 40, 0.22)"

journal = open_journal()

st.title("History")
if "history_flash" in st.session_state:
    st.success(st.session_state.pop("history_flash"))
if flare_flash := st.session_state.pop(flare_form.FLASH, None):
    st.success(flare_flash)
frame = storage.load_checkins(journal.conn, journal.owner)
if frame.empty:
    flare_form.flares_by_day(journal, visitor_today())
    st.info(
        "Your journal is empty. Start with today's check-in: it takes about a minute, "
        "and each day you add makes your progress easier to see.",
        icon=":material/info:",
    )
    page_link("pages/checkin.py", label="Go to the daily check-in", icon=":material/edit_note:")
    blocks.end_page()

count = len(frame)
st.write(
    f"{plural(count, 'check-in')}, from {text.long_date(frame['day'].min())} "
    f"to {text.long_date(frame['day'].max())}. **Tap a day** to see all of it, edit or delete it."
)
days = history.table_days(frame)  # row i of the table is days[i]
table = history.phone_table(frame)
flagged = history.red_flag_rows(table)
st.caption(f"Signs: {history.column_key()}")
if any(flagged):
    st.caption(":red[**Red rows**]: a red flag was reported that day.")
# A new key after a delete clears the selection, so it never lands on the next day.
table_key = f"history_table_{st.session_state.get('history_round', 0)}"
columns = {
    "Date": st.column_config.TextColumn(pinned=True, width=history.DATE_WIDTH),
    **{
        name: st.column_config.TextColumn(number, width=history.SIGN_WIDTH, help=name)
        for name, number in history.sign_headers().items()
    },
}
event = st.dataframe(
    # Red-flag days stand out by colour here and by "Yes" in the Red flag column.
    table.style.apply(lambda row: [RED_FLAG_ROW if flagged[row.name] else ""] * len(row), axis=1),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    # A tap on any cell opens its day (no tick-box column: it would push the signs off a phone).
    selection_mode="single-cell",
    key=table_key,
    column_config=columns,
)
selection = event.selection if event is not None else None
rows = [cell[0] for cell in selection.cells] if selection else []
if not rows:
    st.caption("Values are each sign's daily measure; a dash means not recorded.")
    flare_form.flares_by_day(journal, visitor_today())
    blocks.end_page()

chosen = days[rows[0]]
st.subheader(text.long_date(chosen))
edit, delete = st.columns(2)
if edit.button("Edit this day", key="history_edit", icon=":material/edit:", width="stretch"):
    st.session_state["edit_day"] = chosen
    st.switch_page("pages/checkin.py")
if delete.button(
    "Delete this day", key="history_delete", icon=":material/delete:", width="stretch"
):
    st.session_state["history_confirm"] = chosen

if st.session_state.get("history_confirm") == chosen:
    st.warning(f"Delete the check-in for {text.long_date(chosen)}? This cannot be undone.")
    yes, no = st.columns(2)
    if yes.button("Yes, delete it", key="history_confirm_yes", type="primary", width="stretch"):
        with storage_problems.guarded():
            storage.delete_checkin(journal.conn, journal.owner, chosen)
        del st.session_state["history_confirm"]
        st.session_state["history_round"] = st.session_state.get("history_round", 0) + 1
        st.session_state["history_flash"] = f"Deleted the check-in for {text.long_date(chosen)}."
        st.rerun()
    if no.button("Cancel", key="history_confirm_no", width="stretch"):
        del st.session_state["history_confirm"]
        st.rerun()

record = storage.get_checkin(journal.conn, journal.owner, chosen) or {}
with st.expander("Every answer for this day", expanded=True):
    details = pd.DataFrame(history.day_details(record), columns=["Question", "Answer"])
    # Notes are shown as typed: never as Markdown, images or links.
    blocks.plain_table(details.set_index("Question"))
flare_form.day_flares(journal, chosen)
