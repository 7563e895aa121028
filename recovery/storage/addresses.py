"""Database addresses (``postgresql://user:password@host/name``) named without their secrets."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")


def is_address(target: str) -> bool:
    """True for a PostgreSQL connection address (``postgresql://`` or ``postgres://``)."""
    return target.lower().startswith(SCHEMES)


def describe(address: str) -> str:
    """How a Postgres journal is named to people: its database and host, never a password."""
    parts = urlsplit(address)
    name = parts.path.lstrip("/") or "(default)"
    host = parts.hostname or "localhost"
    return f"database {name} on {host}" + (f":{parts.port}" if parts.port else "")


def _password(address: str) -> str | None:
    raw = urlsplit(address).password
    return unquote(raw) if raw else None


def with_password(address: str, password: str | None) -> str:
    """The address with ``password`` put in, unless it already holds one (or none is given).

    Without either, libpq reads PGPASSWORD or ~/.pgpass, as every PostgreSQL client does.
    """
    parts = urlsplit(address)
    if not password or parts.password:
        return address
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[-1]
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def scrub(text: str, address: str) -> str:
    """``text`` with the address and its password replaced by the plain description."""
    text = text.replace(address, describe(address))
    secret = _password(address)
    if secret:
        for form in {secret, quote(secret, safe=""), urlsplit(address).password or ""}:
            if form:
                text = text.replace(form, "***")
    return text


# The user and password part of a database address, as a driver may quote it in an error.
_CREDENTIALS = re.compile(r"(postgres(?:ql)?://)[^@\s\"']*@", re.IGNORECASE)


def without_credentials(text: str) -> str:
    """``text`` with any database address's user and password replaced by ``***``."""
    return _CREDENTIALS.sub(r"\1***@", text)


def named(path: str) -> str:
    """A journal's name for messages and logs: a database address only by host and name."""
    return describe(path) if "://" in path else path
