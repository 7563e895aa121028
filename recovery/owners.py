"""Who owns a journal row: the person here, a private link or an account, a kiosk visit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets

LOCAL_OWNER = "local"
# A link token is a random part and its keyed signature, both URL-safe base64 of 16 bytes.
_PART = 22
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{44}$")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _signature(secret: bytes, random_part: str) -> str:
    digest = hmac.new(secret, b"journal-link:" + random_part.encode("ascii"), hashlib.sha256)
    return _b64(digest.digest()[:16])


def new_link_token(secret: bytes) -> str:
    """A fresh, unguessable link: 128 random bits, then the server's signature of them."""
    random_part = _b64(secrets.token_bytes(16))
    return random_part + _signature(secret, random_part)


def is_link_token(value: object, secret: bytes) -> bool:
    """True only for a link this server issued: checked by its signature, nothing is stored."""
    if not isinstance(value, str) or not _TOKEN.match(value):
        return False
    random_part, signature = value[:_PART], value[_PART:]
    return hmac.compare_digest(signature, _signature(secret, random_part))


def owner_for_link(token: str) -> str:
    """The owner id for a private link; the database keeps a hash, never the link itself."""
    return "link:" + hashlib.sha256(token.encode("ascii")).hexdigest()[:40]


def owner_for_account(issuer: str, subject: str) -> str:
    """The owner id of a signed-in person: a hash of the provider and its id for them.

    Never the e-mail address: people change it, and it would put personal data in every row.
    """
    identity = f"{issuer}\n{subject}".encode()
    return "user:" + hashlib.sha256(identity).hexdigest()[:40]


def owner_for_kiosk_visit() -> str:
    """A throwaway owner id for one kiosk visitor."""
    return "kiosk:" + secrets.token_hex(16)


def is_this_computer(address: object) -> bool:
    """True when a visitor's address is this computer (any loopback form, or none given).

    Streamlit reports no address for some loopback visitors and ``::ffff:127.0.0.1`` for
    others (an IPv4 address carried over IPv6), so every form is checked, not one string.
    """
    if not isinstance(address, str) or address == "":
        return True  # no address at all: the server saw no remote peer
    try:
        parsed = ipaddress.ip_address(address.strip("[]").split("%")[0])
    except ValueError:
        return False
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    return parsed.is_loopback


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback_host(host: object) -> bool:
    """True when a request's ``Host`` names this computer: localhost, 127.0.0.1 or [::1].

    A page on another site can make its own name resolve to 127.0.0.1 (DNS rebinding); its
    requests then come from this computer but carry that other name, so the peer address
    alone cannot tell them apart. No ``Host`` at all (an in-process test) counts as here.
    """
    if not isinstance(host, str) or host == "":
        return True
    name = host.strip().lower()
    if name.startswith("["):  # [::1]:8501
        name = name[1 : name.find("]")] if "]" in name else name
    elif name.count(":") == 1:  # localhost:8501
        name = name.split(":")[0]
    return name.rstrip(".") in LOOPBACK_NAMES or name.startswith("127.")
