"""Who owns a journal row: one person locally, a private link when shared, a kiosk visit."""

from __future__ import annotations

import hashlib
import re
import secrets

LOCAL_OWNER = "local"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def new_link_token() -> str:
    """A fresh, unguessable token for a private journal link (128 bits of randomness)."""
    return secrets.token_urlsafe(16)


def is_link_token(value: object) -> bool:
    """True when a value looks like a token made by ``new_link_token``."""
    return isinstance(value, str) and bool(_TOKEN.match(value))


def owner_for_link(token: str) -> str:
    """The owner id for a private link; the database keeps a hash, never the link itself."""
    return "link:" + hashlib.sha256(token.encode("ascii")).hexdigest()[:40]


def owner_for_kiosk_visit() -> str:
    """A throwaway owner id for one kiosk visitor."""
    return "kiosk:" + secrets.token_hex(16)
