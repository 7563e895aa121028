"""Opening the visitor's journal: the shared connection, and whose rows this visitor may see."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from pathlib import Path

import duckdb
import streamlit as st

from recovery import config, owners, storage
from recovery.config import Mode, allow_network, auth_configured, secret_problems
from ui import app_config, blocks, shared_link, storage_problems
from ui.journal import Journal
from ui.journal_link import LINK_PARAM, TOKEN_KEY, link_token, use_link_token

LOG = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # One connection per process, shared by every session; operations take a cursor.
    conn = storage.open_database(
        path,
        motherduck_token=app_config.motherduck_token(),
        password=config.database_password(secrets=app_config.secrets()),
    )
    # For whoever runs the server: how big the store is when it starts serving.
    file = Path(path).expanduser()
    if file.is_file():
        LOG.warning("Seven Signs journal file: %.1f MB (%s)", file.stat().st_size / 1e6, file)
    return conn


def visitor_today() -> dt.date:
    """Today's date where the visitor is, so a late-evening check-in lands on the right day."""
    try:
        zone = st.context.timezone
        if zone:
            return dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, AttributeError):
        pass
    return dt.date.today()


def visitor_now() -> dt.datetime:
    """The time where the visitor is, without a zone (as flare-ups are stored), to the minute."""
    try:
        zone = st.context.timezone
        if zone:
            now = dt.datetime.now(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
            return now.replace(second=0, microsecond=0)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, AttributeError):
        pass
    return dt.datetime.now().replace(second=0, microsecond=0)


def _shared_owner(conn: duckdb.DuckDBPyConnection) -> str:
    """The private link kept in the page address: whoever holds it owns the journal."""
    if auth_configured(app_config.secrets()):
        return shared_link.signed_in_owner()
    token = link_token()
    if token is None:
        asked = st.query_params.get(LINK_PARAM)
        secret = app_config.link_secret()
        if asked is None:
            # A first visit: a new link, but nothing is written until a check-in is saved.
            token = owners.new_link_token(secret)
        elif owners.is_link_token(asked, secret) and not storage.is_revoked(
            conn, owners.owner_for_link(asked)
        ):
            # A link this server issued opens its journal, even one with nothing saved yet: a
            # newcomer who reloads, or opens a page in a new tab, before a first save keeps
            # the link they were given (their first save fills it).
            token = asked
        else:
            # Never open (or quietly swap in) an empty journal for a link that leads nowhere:
            # the visitor would believe their entries were lost. They choose what happens.
            shared_link.not_found(lambda: use_link_token(owners.new_link_token(secret)))
        st.session_state[TOKEN_KEY] = token
    elif storage.is_revoked(conn, owners.owner_for_link(token)):
        # A tab left open on a link that was replaced or deleted (here or on another
        # device): it reads and writes nothing from its next action on.
        secret = app_config.link_secret()
        shared_link.not_found(lambda: use_link_token(owners.new_link_token(secret)), revoked=True)
    # Navigation drops query parameters, so the link is put back on every run: the
    # address bar always shows the one address that reopens this journal.
    if st.query_params.get(LINK_PARAM) != token:
        st.query_params[LINK_PARAM] = token
    return owners.owner_for_link(token)


def _owner(current: Mode, conn: duckdb.DuckDBPyConnection) -> str:
    if current == "shared":
        return _shared_owner(conn)
    if current == "kiosk":
        from ui import kiosk  # only the kiosk needs the example recovery and QR codes

        return kiosk.visitor_owner(conn, visitor_today())
    here = owners.is_this_computer(st.context.ip_address) and owners.is_loopback_host(
        st.context.headers.get("Host")
    )
    if not here and not allow_network(secrets=app_config.secrets()):
        # A local journal belongs to the person at this computer. Opening it to the network
        # is a deliberate choice (RECOVERY_ALLOW_NETWORK); a server deployed without choosing
        # a mode must not show one journal to every visitor, nor to a page that made its own
        # name resolve to this computer (DNS rebinding), whatever server.address says.
        st.error(
            "This Seven Signs runs in local mode: the journal belongs to the computer it runs "
            "on and is not shown to other devices. To host it for several people, set "
            'RECOVERY_MODE=shared (or mode = "shared" under [recovery] in secrets).',
            icon=":material/lock:",
        )
        blocks.stop()
    return owners.LOCAL_OWNER


def _refuse_unsafe_secrets() -> None:
    """Serve no journal with a key anyone could know: a plain word for visitors, the reason
    in the server log for the host."""
    problems = secret_problems(secrets=app_config.secrets())
    if not problems:
        return
    LOG.error("Shared mode is not serving journals: %s.", "; ".join(problems))
    st.error(
        "This site is not set up yet, so no journal can be opened here. Please try again later.",
        icon=":material/construction:",
    )
    blocks.stop()


def open_journal() -> Journal:
    """The visitor's journal; on a locked or damaged file, a plain message and stop."""
    try:
        current = app_config.mode()
    except ValueError as error:
        st.error(f"Seven Signs is not set up correctly: {error}.", icon=":material/error:")
        blocks.stop()
    if current == "shared":
        _refuse_unsafe_secrets()
    path = app_config.database_path()
    try:
        conn = _connection(path)
    except storage.StorageError as error:
        storage_problems.show(error, current)
        blocks.stop()
    return Journal(conn=conn, owner=_owner(current, conn), mode=current)
