"""This server's configuration as pages need it: secrets, mode, journal file, emergency number."""

from __future__ import annotations

import streamlit as st

from recovery import config


def secrets() -> dict:
    """The app's secrets as a plain dict (empty when there is no secrets file)."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all is the normal local case
        return {}


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
