"""The per-visitor context every page needs: the mode, the shared connection and the owner."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

import duckdb
import streamlit as st

from recovery import owners, settings, storage
from ui import blocks, storage_problems

LINK_PARAM = "journal"


@dataclass(frozen=True)
class Journal:
    """An open journal, whose rows this visitor may see, and how the app is being used."""

    conn: duckdb.DuckDBPyConnection
    owner: str
    mode: settings.Mode


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all is the normal local case
        return {}


def secrets() -> dict:
    """The app's secrets as a plain dict (empty when there is no secrets file)."""
    return _secrets()


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # One connection per process, shared by every session; operations take a cursor.
    return storage.open_database(
        path, motherduck_token=settings.motherduck_token(secrets=_secrets())
    )


def mode() -> settings.Mode:
    """How this app is being used: local, shared or kiosk."""
    return settings.app_mode(secrets=_secrets())


def mode_or_none() -> settings.Mode | None:
    """The mode, or None when it is misconfigured (open_journal then explains)."""
    try:
        return mode()
    except ValueError:
        return None


def database_path() -> str:
    """The journal file this process uses (a kiosk never keeps anything on disk)."""
    if mode() == "kiosk":
        return ":memory:"
    return settings.database_path(secrets=_secrets())


def visitor_today() -> dt.date:
    """Today's date where the visitor is, so a late-evening check-in lands on the right day."""
    try:
        zone = st.context.timezone
        if zone:
            return dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, AttributeError):
        pass
    return dt.date.today()


TOKEN_KEY = "link_token"


def link_secret() -> bytes:
    """The key that signs this server's private links."""
    return settings.link_secret(database_path(), secrets=_secrets())


def link_token() -> str | None:
    """This visitor's private link token (shared mode without sign-in), once settled."""
    return st.session_state.get(TOKEN_KEY)


def use_link_token(token: str) -> None:
    """Make ``token`` this visitor's link, in the session and in the address bar."""
    st.session_state[TOKEN_KEY] = token
    st.query_params[LINK_PARAM] = token


def _shared_owner(conn: duckdb.DuckDBPyConnection) -> str:
    """The private link kept in the page address: whoever holds it owns the journal."""
    from ui import shared_link

    if settings.auth_configured(_secrets()):
        return shared_link.signed_in_owner()
    token = link_token()
    if token is None:
        asked = st.query_params.get(LINK_PARAM)
        secret = link_secret()
        if asked is None:
            # A first visit: a new link, but nothing is written until a check-in is saved.
            token = owners.new_link_token(secret)
        elif owners.is_link_token(asked, secret) and storage.owner_has_checkins(
            conn, owners.owner_for_link(asked)
        ):
            token = asked
        else:
            # Never open (or quietly swap in) an empty journal for a link that leads nowhere:
            # the visitor would believe their entries were lost. They choose what happens.
            shared_link.not_found(lambda: use_link_token(owners.new_link_token(secret)))
        st.session_state[TOKEN_KEY] = token
    # Navigation drops query parameters, so the link is put back on every run: the
    # address bar always shows the one address that reopens this journal.
    if st.query_params.get(LINK_PARAM) != token:
        st.query_params[LINK_PARAM] = token
    return owners.owner_for_link(token)


def _owner(current: settings.Mode, conn: duckdb.DuckDBPyConnection) -> str:
    if current == "shared":
        return _shared_owner(conn)
    if current == "kiosk":
        from ui import kiosk  # only the kiosk needs the example recovery

        return kiosk.visitor_owner(conn, visitor_today())
    if not owners.is_this_computer(st.context.ip_address) and not st.get_option("server.address"):
        # A local journal belongs to the person at this computer. Opening it to the network
        # is a deliberate choice (make run ADDRESS=...); a server that was deployed without
        # choosing a mode must not show one shared journal to every visitor.
        st.error(
            "This Seven Signs runs in local mode: the journal belongs to the computer it runs "
            "on and is not shown to other devices. To host it for several people, set "
            'RECOVERY_MODE=shared (or mode = "shared" under [recovery] in secrets).',
            icon=":material/lock:",
        )
        blocks.stop()
    return owners.LOCAL_OWNER


def open_journal() -> Journal:
    """The visitor's journal; on a locked or damaged file, a plain message and stop."""
    try:
        current = mode()
    except ValueError as error:
        st.error(f"Seven Signs is not set up correctly: {error}.", icon=":material/error:")
        blocks.stop()
    path = database_path()
    try:
        conn = _connection(path)
    except storage.StorageError as error:
        storage_problems.show(error, current)
        blocks.stop()
    return Journal(conn=conn, owner=_owner(current, conn), mode=current)


def emergency_number() -> str:
    """The emergency number set for this app (env or secrets), or '' when none is."""
    return settings.emergency_number(secrets=_secrets())


def link_params() -> dict[str, str] | None:
    """Query parameters for a link to another page: the journal's key in shared mode.

    ``page_link`` gives them to a link, so a link opened in a new tab keeps the journal.
    """
    token = link_token()
    return {LINK_PARAM: token} if token else None


def page_link(page: str, label: str, icon: str) -> None:
    """A link to another page that keeps the journal, also when opened in a new tab."""
    st.page_link(page, label=label, icon=icon, query_params=link_params())
