"""The link panel's two actions, each asked first: a new link, and deleting the journal.

Both give the old link up for good (storage revokes its owner in the same transaction), so
a tab left open on it stores nothing more.
"""

from __future__ import annotations

import streamlit as st

from recovery import owners, storage
from recovery.text.numbers import plural
from ui import app_config, journal_link, storage_problems
from ui.journal import Journal


def new_link_controls(journal: Journal) -> None:
    """A new link, after saying what it does to the old one."""
    if not st.session_state.get("sl_confirm_new_link"):
        st.button(
            "Give me a new link",
            key="sl_new_link",
            help="Your check-ins move to a new address; the old one stops working.",
            on_click=lambda: st.session_state.update(sl_confirm_new_link=True),
            width="stretch",
        )
        return
    st.warning(
        "Move your journal to a new link? The current address stops working at once, "
        "also in bookmarks on your other devices: you will need to give them the new one.",
        icon=":material/link_off:",
    )
    st.button(
        "Yes, give me a new link",
        key="sl_new_link_yes",
        type="primary",
        on_click=_new_link,
        args=(journal,),
        width="stretch",
    )
    st.button(
        "Cancel",
        key="sl_new_link_no",
        on_click=lambda: st.session_state.pop("sl_confirm_new_link", None),
        width="stretch",
    )


@storage_problems.in_callback
def _new_link(journal: Journal) -> None:
    st.session_state.pop("sl_confirm_new_link", None)
    new_token = owners.new_link_token(app_config.link_secret())
    moved = storage.move_owner(journal.conn, journal.owner, owners.owner_for_link(new_token))
    journal_link.use_link_token(new_token)
    st.session_state["sl_link_fresh"] = True
    st.session_state["shared_flash"] = (
        f"Your journal ({plural(moved, 'check-in')}) has a new private link. "
        "The old link no longer opens it: bookmark the new one."
    )


# Said when the server could not yet fold the deletion into its file (another save was busy).
LEFT_IN_LOG = (
    " The server is busy: your check-ins are gone from your journal, and will be gone from "
    "its file at its next save."
)


def delete_controls(journal: Journal, token: str | None) -> None:
    """Deleting the whole journal, after a warning that it cannot be undone."""
    if not st.session_state.get("sl_confirm_delete"):
        st.button(
            "Delete my whole journal",
            key="sl_delete",
            icon=":material/delete_forever:",
            on_click=lambda: st.session_state.update(sl_confirm_delete=True),
            width="stretch",
        )
        return
    st.warning(
        "Delete every check-in in this journal? This cannot be undone: download a backup "
        "first (Your data page) if you may want them later.",
        icon=":material/warning:",
    )
    st.button(
        "Yes, delete everything",
        key="sl_delete_yes",
        type="primary",
        on_click=_delete,
        args=(journal, token),
        width="stretch",
    )
    st.button(
        "Cancel",
        key="sl_delete_no",
        on_click=lambda: st.session_state.update(sl_confirm_delete=False),
        width="stretch",
    )


@storage_problems.in_callback
def _delete(journal: Journal, token: str | None) -> None:
    count = storage.delete_owner(journal.conn, journal.owner, revoke=True)
    # Start the page afresh: the form would otherwise still show the deleted answers.
    st.session_state.clear()
    if token is not None:
        journal_link.use_link_token(owners.new_link_token(app_config.link_secret()))
    st.session_state["shared_flash"] = (
        f"Your journal was deleted ({plural(count, 'check-in')}); its link no "
        "longer opens anything. This page is a new, empty journal: nothing is kept unless "
        "you save a check-in."
    ) + (LEFT_IN_LOG if storage.log_pending(journal.conn) else "")
