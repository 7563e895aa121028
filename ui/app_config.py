"""This server's configuration as pages need it: secrets, mode, journal file, emergency number."""

from __future__ import annotations

import logging

import streamlit as st

from recovery import config

LOG = logging.getLogger(__name__)


def secrets() -> dict:
    """The app's secrets as a plain dict (empty when there is no secrets file).

    A secrets file that does not parse raises ValueError: silently reading it as "no
    secrets" would drop the mode, the link key and sign-in without a word.
    """
    try:
        return st.secrets.to_dict()
    except FileNotFoundError as error:  # Streamlit's "no secrets" and "cannot parse" alike
        if "pars" not in str(error).lower():
            return {}  # no secrets file at all: the normal local case
        LOG.error("The secrets file could not be read: %s", error)
        raise ValueError(
            "its secrets file could not be read (the server log says where and why)"
        ) from None


def mode() -> config.Mode:
    """How this app is being used: local, shared or kiosk."""
    return config.app_mode(secrets=secrets())


def mode_or_none() -> config.Mode | None:
    """The mode, or None when it is misconfigured (open_journal then explains)."""
    try:
        return mode()
    except ValueError:
        return None


def database_path() -> str:
    """The journal file this process uses (a kiosk never keeps anything on disk)."""
    if mode() == "kiosk":
        return ":memory:"
    return config.database_path(secrets=secrets())


def motherduck_token() -> str | None:
    """The token for a hosted journal, when one is configured."""
    return config.motherduck_token(secrets=secrets())


def link_secret() -> bytes:
    """The key that signs this server's private links."""
    return config.link_secret(database_path(), secrets=secrets())


def emergency_number() -> str:
    """The emergency number set for this app (env or secrets), or '' when none is."""
    return config.emergency_number(secrets=secrets())
