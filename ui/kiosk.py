"""The clinic kiosk: an example recovery per visitor, large type, and a reset between people."""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from recovery import example, owners, storage, text
from ui import blocks

# A visitor who walks away without pressing "Start over" is cleared after this long.
IDLE_SECONDS = 5 * 60
# Rows of visitors who closed the tab are removed when a later visitor arrives.
ABANDONED_AFTER = dt.timedelta(hours=1)


def visitor_owner(conn, today: dt.date) -> str:
    """This visitor's throwaway owner id, with the example recovery loaded on arrival."""
    if "kiosk_owner" not in st.session_state:
        storage.delete_abandoned_visits(conn, "kiosk:", ABANDONED_AFTER)
        owner = owners.owner_for_kiosk_visit()
        example.load_example(conn, owner, end=today)
        st.session_state["kiosk_owner"] = owner
    st.session_state["kiosk_last_seen"] = time.monotonic()
    return st.session_state["kiosk_owner"]


def start_over(conn) -> None:
    """Forget everything this visitor did and start a fresh example for the next one."""
    owner = st.session_state.get("kiosk_owner")
    if owner:
        storage.delete_owner(conn, owner)
    st.session_state.clear()


@st.fragment(run_every=30)
def _idle_watch(conn) -> None:
    last = st.session_state.get("kiosk_last_seen", time.monotonic())
    if time.monotonic() - last > IDLE_SECONDS:
        start_over(conn)
        st.rerun(scope="app")


def furniture(conn) -> None:
    """Kiosk furniture on every page: large type, the demo notice, Start over, idle reset."""
    blocks.large_type()
    # In the main area, not the sidebar: on a tablet or narrow screen the sidebar is folded.
    with st.container(border=True):
        st.markdown(text.KIOSK_NOTICE)
        if st.button(
            "Start over for the next person",
            key="kiosk_reset",
            icon=":material/restart_alt:",
            type="primary",
            width="stretch",
        ):
            start_over(conn)
            st.rerun()
    _idle_watch(conn)
