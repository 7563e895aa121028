"""Where the journal lives and how the app is being used, from the environment or secrets."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "data" / "recovery.duckdb"

Mode = Literal["local", "shared", "kiosk"]
MODES: tuple[str, ...] = ("local", "shared", "kiosk")


def _secret(secrets: Mapping | None, section: str, name: str) -> object | None:
    if not secrets:
        return None
    try:
        return secrets[section][name]
    except (KeyError, TypeError):
        return None


def database_path(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> str:
    """The journal file: ``RECOVERY_DB``, then ``recovery.db`` in secrets, then the default."""
    env = os.environ if env is None else env
    chosen = env.get("RECOVERY_DB") or _secret(secrets, "recovery", "db")
    return str(chosen) if chosen else str(DEFAULT_DB_PATH)


def app_mode(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> Mode:
    """How the app is used: ``RECOVERY_MODE``, then ``recovery.mode`` in secrets, else local."""
    env = os.environ if env is None else env
    chosen = str(env.get("RECOVERY_MODE") or _secret(secrets, "recovery", "mode") or "local")
    if chosen not in MODES:
        raise ValueError(f"unknown mode {chosen!r}; choose one of {', '.join(MODES)}")
    return chosen  # type: ignore[return-value]


# A waiting-room screen is read by the next person within minutes: clear it soon.
# RECOVERY_KIOSK_IDLE_SECONDS / kiosk_idle_seconds; RECOVERY_PUBLIC_URL / public_url.
DEFAULT_KIOSK_IDLE_SECONDS = 90
MIN_KIOSK_IDLE_SECONDS = 2


def kiosk_idle_seconds(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> int:
    """Idle seconds before the kiosk asks "Still there?" (env, then secrets, else 90)."""
    env = os.environ if env is None else env
    chosen = env.get("RECOVERY_KIOSK_IDLE_SECONDS") or _secret(
        secrets, "recovery", "kiosk_idle_seconds"
    )
    if chosen is None or chosen == "":
        return DEFAULT_KIOSK_IDLE_SECONDS
    try:
        seconds = int(str(chosen).strip())
    except ValueError:
        seconds = 0
    if seconds < MIN_KIOSK_IDLE_SECONDS:
        raise ValueError(
            f"the kiosk idle time must be a whole number of seconds, at least "
            f"{MIN_KIOSK_IDLE_SECONDS}; got {chosen!r}"
        )
    return seconds


def public_url(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> str | None:
    """The shared-link address a kiosk visitor takes home (env, then secrets), or None."""
    env = os.environ if env is None else env
    chosen = env.get("RECOVERY_PUBLIC_URL") or _secret(secrets, "recovery", "public_url")
    if not chosen:
        return None
    address = str(chosen).strip()
    if not address.startswith(("https://", "http://")) or " " in address:
        raise ValueError(
            f"the public address must be a web address starting with https://; got {address!r}"
        )
    return address
