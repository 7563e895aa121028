"""Shared mode's private link: the link panel, a link that leads nowhere, and sign-in when
the host set it up (moving or deleting the journal: ui/link_actions.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import NoReturn

import streamlit as st

from recovery import config, owners, storage, transfer
from ui import app_config, blocks, journal_link, link_actions
from ui.journal import Journal

# A server whose journals sit in a local file may lose them at a restart: offer a backup
# this often (in check-ins).
BACKUP_EVERY = 10

NOT_FOUND_TITLE = "No journal was found at this link"
REVOKED_TITLE = "This link no longer opens a journal"
REVOKED_TEXT = (
    "It was replaced by a new link, or its journal was deleted, on this or another device. "
    "Nothing was read or saved with it from then on. If you moved your journal to a new "
    "link, open that one; otherwise you can start a new journal or restore a backup."
)
NOT_FOUND_TEXT = (
    "The address may be cut short or mistyped, nothing was ever saved with it, or the "
    "journal it led to was deleted or moved to a new link. Nothing was opened and nothing "
    "was created. If you have a backup file, you can bring your check-ins back into a new "
    "journal."
)
KEEP_LINK_TEXT = (
    "This address is the only key to your journal: there is no account and no password. "
    "Bookmark it, or e-mail it to yourself, to come back on any device. Anyone with the "
    "address can read your entries, so do not share it."
)
BEFORE_SAVE_NOTICE = (
    ":material/lock: Your journal is private to this page's address. Nothing is kept until "
    "you save a check-in; then you get your private link."
)
MAY_BE_WIPED = (
    ":material/warning: This server keeps journals in a file that may be wiped at any "
    "restart. Download a backup now and then (Your data page) to keep your check-ins."
)
LINKS_MAY_BREAK = (
    ":material/warning: Journals here are kept safely, but this server has no fixed key for "
    "its links (link_secret), so links may stop opening them after a restart."
)


def not_found(start_new: Callable[[], None], revoked: bool = False) -> NoReturn:
    """Say plainly that the link leads nowhere; the visitor starts anew or restores a backup.

    ``revoked``: the link opened a journal in this tab until it was replaced or deleted.
    """
    st.title(REVOKED_TITLE if revoked else NOT_FOUND_TITLE)
    st.write(REVOKED_TEXT if revoked else NOT_FOUND_TEXT)
    left, right = st.columns(2)
    if left.button("Start a new journal", key="nf_new", type="primary", width="stretch"):
        start_new()
        st.rerun()
    if right.button("Restore a backup", key="nf_restore", width="stretch"):
        start_new()
        st.switch_page("pages/data.py", query_params={"journal": journal_link.link_token()})
    blocks.stop()


def _providers(auth: object) -> list[str | None]:
    """The sign-in buttons to offer: one provider set directly under [auth], or each named one."""
    if not isinstance(auth, dict) or "client_id" in auth:
        return [None]
    named = [name for name, value in auth.items() if isinstance(value, dict)]
    return named or [None]


def signed_in_owner() -> str:
    """The signed-in person's owner id; until then, a sign-in button and nothing else."""
    user = st.user
    if not user.get("is_logged_in"):
        st.title("Sign in to open your journal")
        st.write(
            "This Seven Signs keeps each person's journal behind their own sign-in. Your "
            "e-mail address is not stored with your check-ins."
        )
        providers: Sequence[str | None] = _providers(app_config.secrets().get("auth"))
        for provider in providers:
            label = "Sign in" if provider is None else f"Sign in with {provider.title()}"
            st.button(
                label,
                key=f"login_{provider or 'default'}",
                type="primary",
                on_click=st.login,
                args=() if provider is None else (provider,),
            )
        blocks.stop()
    issuer, subject = user.get("iss"), user.get("sub")
    if not issuer or not subject:
        st.error(
            "The sign-in provider did not say who you are (no issuer or subject), so no "
            "journal can be opened. Ask the person who runs this site to check the sign-in "
            "settings.",
            icon=":material/error:",
        )
        blocks.stop()
    return owners.owner_for_account(str(issuer), str(subject))


def link_url(token: str) -> str:
    """The full address that reopens a journal, as the visitor's browser sees this site."""
    secrets = app_config.secrets()
    base = config.public_url(secrets=secrets)
    if not base:
        base = _url_from_browser()
    return f"{base.rstrip('/')}/?{journal_link.LINK_PARAM}={token}"


def _url_from_browser() -> str:
    try:
        url = st.context.url
    except Exception:  # an older or embedded client may not say
        url = None
    if url:
        return url.split("?")[0].rstrip("/")
    try:
        headers = st.context.headers
        host = headers.get("X-Forwarded-Host") or headers.get("Host")
        scheme = headers.get("X-Forwarded-Proto") or "http"
    except Exception:
        host = None
    return f"{scheme}://{host}".rstrip("/") if host else ""


def navigation(pages: Sequence[st.Page], token: str | None) -> None:
    """Sidebar links that carry the journal key, so a link opened in a new tab keeps it."""
    params = {journal_link.LINK_PARAM: token} if token else None
    for page in pages:
        st.page_link(page, query_params=params, width="stretch")


def _flash() -> None:
    message = st.session_state.pop("shared_flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")


# A code block shows its copy button on hover only, which a touch screen never has.
_ALWAYS_COPYABLE = """
<style>
.st-key-sl_link [data-testid="stCode"] *, .st-key-sl_link_first [data-testid="stCode"] * {
  opacity: 1 !important; visibility: visible !important;
}
/* A link is one long word: it breaks anywhere rather than run under the copy button. */
.st-key-sl_link code, .st-key-sl_link_first code { word-break: break-all; }
</style>
"""


def link_box(token: str, key: str = "sl_link") -> None:
    """The private link with a copy button (shown on touch screens too) and what to do with it."""
    st.html(_ALWAYS_COPYABLE)
    with st.container(key=key):
        st.code(link_url(token), language=None, wrap_lines=True)
    st.caption(KEEP_LINK_TEXT)


def first_save_box(journal: Journal) -> None:
    """Right under a check-in's save confirmation: the private link that reopens the journal.

    Shown after the first save on a new link (or after moving to a new link) until the
    visitor says they kept it; the page bottom then does not repeat it.
    """
    token = journal_link.link_token()
    if journal.mode != "shared" or token is None or st.session_state.get("sl_link_kept"):
        return
    fresh = st.session_state.get("sl_started_empty") or st.session_state.get("sl_link_fresh")
    if not fresh:
        return
    st.session_state["sl_first_save_drawn"] = True
    _first_save_panel(token)
    # Save sits low on the page: the link (and the confirmation above it) come into view.
    blocks.scroll_to(".st-key-sl_first_save", block="end")


def _first_save_panel(token: str) -> None:
    with st.container(border=True, key="sl_first_save"):
        st.subheader(":material/link: Your private link", anchor=False)
        st.write(
            "Your check-in is saved in a journal that only this address opens. Copy it "
            "with the button beside it and keep it (a bookmark works too). You will also "
            "find it in the sidebar, under Your private link."
        )
        link_box(token, key="sl_link_first")
        st.button(
            "I have kept my link",
            key="sl_kept",
            on_click=lambda: st.session_state.update(sl_link_kept=True),
        )


def sidebar_panel(journal: Journal, token: str | None) -> None:
    """Always within reach: the link, a new link, and deleting the whole journal."""
    with st.expander("Your private link", icon=":material/link:"):
        # Asked once: on a database server every question is a round trip.
        kept = storage.owner_has_checkins(journal.conn, journal.owner)
        if token is None:
            st.caption("You are signed in: your journal follows your sign-in, not a link.")
            st.button("Sign out", key="sl_logout", on_click=st.logout)
        elif not kept:
            st.caption("Save a check-in first: until then nothing is kept, and there is no link.")
        else:
            link_box(token)
            link_actions.new_link_controls(journal)
        if kept:
            link_actions.delete_controls(journal, token)


def notices(journal: Journal) -> None:
    """The short notices at the top of every page in shared mode."""
    _flash()
    has_checkins = storage.owner_has_checkins(journal.conn, journal.owner)
    if not has_checkins and journal_link.link_token() is not None:
        st.session_state["sl_started_empty"] = True
        st.caption(BEFORE_SAVE_NOTICE)
    if not config.is_hosted_database(app_config.database_path()):
        st.caption(MAY_BE_WIPED)
    elif journal_link.link_token() is not None and not config.link_secret_configured(
        secrets=app_config.secrets()
    ):
        # The generated key lives in a local file, which a hosted server loses at a restart.
        st.caption(LINKS_MAY_BREAK)


def after_page(journal: Journal, today: dt.date) -> None:
    """Below the page: the new link after a first save, and a backup every tenth check-in."""
    token = journal_link.link_token()
    summary = storage.journal_summary(journal.conn, journal.owner)
    if summary.days_logged == 0:
        return
    fresh = st.session_state.get("sl_started_empty") or st.session_state.get("sl_link_fresh")
    drawn_above = st.session_state.pop("sl_first_save_drawn", False)
    if token is not None and fresh and not drawn_above and not st.session_state.get("sl_link_kept"):
        _first_save_panel(token)
    hosted = config.is_hosted_database(app_config.database_path())
    if not hosted and summary.days_logged % BACKUP_EVERY == 0:
        with st.container(border=True, key="sl_backup"):
            st.write(
                f"**{summary.days_logged} check-ins.** This server may wipe journals when it "
                "restarts: download a backup and keep it. The Your data page restores it."
            )
            st.download_button(
                "Download a backup (JSON)",
                data=transfer.export_json(journal.conn, journal.owner),
                file_name=f"seven-signs-backup-{today.isoformat()}.json",
                mime="application/json",
                key="sl_backup_download",
                icon=":material/download:",
                on_click="ignore",
            )
