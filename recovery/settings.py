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


def emergency_number(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> str:
    """The number to call in an emergency: ``RECOVERY_EMERGENCY_NUMBER``, then secrets, else ''."""
    env = os.environ if env is None else env
    chosen = env.get("RECOVERY_EMERGENCY_NUMBER") or _secret(
        secrets, "recovery", "emergency_number"
    )
    return str(chosen).strip() if chosen else ""
