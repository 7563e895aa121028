"""The shared link's journal key: kept in the session and the address bar, carried by links."""

from __future__ import annotations

import streamlit as st

LINK_PARAM = "journal"
TOKEN_KEY = "link_token"


def link_token() -> str | None:
    """This visitor's private link token (shared mode without sign-in), once settled."""
    return st.session_state.get(TOKEN_KEY)


def use_link_token(token: str) -> None:
    """Make ``token`` this visitor's link, in the session and in the address bar."""
    st.session_state[TOKEN_KEY] = token
    st.query_params[LINK_PARAM] = token


def link_params() -> dict[str, str] | None:
    """Query parameters for a link to another page: the journal's key in shared mode.

    ``page_link`` gives them to a link, so a link opened in a new tab keeps the journal.
    """
    token = link_token()
    return {LINK_PARAM: token} if token else None


def page_link(page: str, label: str, icon: str) -> None:
    """A link to another page that keeps the journal, also when opened in a new tab."""
    st.page_link(page, label=label, icon=icon, query_params=link_params())
