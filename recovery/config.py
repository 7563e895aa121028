"""Where the journal lives and how the app is being used, from the environment or secrets."""

from __future__ import annotations

import os
import secrets as secrets_module
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from recovery.storage.addresses import is_address as is_postgres_address
from recovery.storage.refusals import refuse_address

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


def _setting(env: Mapping[str, str] | None, secrets: Mapping | None, var: str, name: str):
    env = os.environ if env is None else env
    chosen = env.get(var) or _secret(secrets, "recovery", name)
    return str(chosen) if chosen else None


def allow_network(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> bool:
    """Whether a local journal may be opened from other devices (``RECOVERY_ALLOW_NETWORK``).

    Off unless set to 1, true or yes: anyone on the network could then read the journal.
    """
    chosen = _setting(env, secrets, "RECOVERY_ALLOW_NETWORK", "allow_network")
    return str(chosen).strip().lower() in ("1", "true", "yes")


def motherduck_token(
    env: Mapping[str, str] | None = None, secrets: Mapping | None = None
) -> str | None:
    """The MotherDuck token: ``MOTHERDUCK_TOKEN``, then ``recovery.motherduck_token``."""
    return _setting(env, secrets, "MOTHERDUCK_TOKEN", "motherduck_token")


def database_password(
    env: Mapping[str, str] | None = None, secrets: Mapping | None = None
) -> str | None:
    """The PostgreSQL password when the address holds none: ``RECOVERY_DB_PASSWORD``, then
    ``recovery.db_password`` (else PostgreSQL's client reads PGPASSWORD or ~/.pgpass)."""
    return _setting(env, secrets, "RECOVERY_DB_PASSWORD", "db_password")


def is_hosted_database(path: str) -> bool:
    """True for a MotherDuck or PostgreSQL database, which outlives this server."""
    return path.startswith("md:") or is_postgres_address(path)


def auth_configured(secrets: Mapping | None = None) -> bool:
    """True when the host set up sign-in (an ``[auth]`` section in secrets)."""
    try:
        return bool(secrets and secrets["auth"])
    except (KeyError, TypeError):
        return False


# The secrets file people copy: its values are examples, known to anyone who has read it.
EXAMPLE_SECRETS = PROJECT_ROOT / ".streamlit" / "secrets.toml.example"
# A secret shorter than this is guessable (the example's command makes 64 characters).
SHORTEST_SECRET = 32


def _example_values() -> set[str]:
    try:
        example = tomllib.loads(EXAMPLE_SECRETS.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return set()
    return {
        str(value)
        for section in example.values()
        if isinstance(section, dict)
        for value in section.values()
    }


def secret_problems(
    env: Mapping[str, str] | None = None, secrets: Mapping | None = None
) -> list[str]:
    """Why the link key or the sign-in cookie key is unsafe to serve journals with ([] if not).

    A key copied from the example file, or short enough to guess, lets anyone forge links or
    sign-in cookies; a shared site refuses to open journals until it is replaced.
    """
    examples = _example_values()
    chosen = {"link_secret": _setting(env, secrets, "RECOVERY_LINK_SECRET", "link_secret")}
    if auth_configured(secrets):
        chosen["cookie_secret"] = str(secrets["auth"].get("cookie_secret") or "") or None
    problems = []
    if chosen["link_secret"] is None and is_postgres_address(database_path(env, secrets)):
        problems.append(SHARED_DATABASE_NEEDS_SECRET)
    for name, value in chosen.items():
        if value is None:
            if name == "cookie_secret":
                problems.append("[auth] has no cookie_secret")
            continue  # no link key set: one is generated and kept beside the journal
        if value in examples:
            problems.append(f"{name} is the example file's placeholder")
        elif len(value) < SHORTEST_SECRET:
            problems.append(f"{name} is shorter than {SHORTEST_SECRET} characters")
    return problems


# Several servers share one PostgreSQL database: a key generated by one of them would be
# unknown to the others, and a link made on one would open nothing on the next.
SHARED_DATABASE_NEEDS_SECRET = (
    "link_secret is not set, and journals kept in PostgreSQL are served by several servers "
    "that must all sign links with the same key: set RECOVERY_LINK_SECRET (or link_secret "
    "under [recovery] in secrets) to the same value on every server"
)


def link_secret_configured(
    env: Mapping[str, str] | None = None, secrets: Mapping | None = None
) -> bool:
    """True when the host set the link key (``RECOVERY_LINK_SECRET`` or in secrets)."""
    return _setting(env, secrets, "RECOVERY_LINK_SECRET", "link_secret") is not None


# Kept for the life of the process when the journal itself is in memory.
_MEMORY_SECRET = secrets_module.token_bytes(32)


def link_secret_file(path: str) -> Path:
    """Where a generated link secret is kept: beside the journal file."""
    if is_hosted_database(path):
        return DEFAULT_DB_PATH.parent / "motherduck.link-secret"
    return Path(path).expanduser().with_name(Path(path).name + ".link-secret")


def link_secret(
    path: str, env: Mapping[str, str] | None = None, secrets: Mapping | None = None
) -> bytes:
    """The key that signs private links: set by the host, else generated once and kept.

    ``RECOVERY_LINK_SECRET`` or ``recovery.link_secret`` wins. Otherwise a random key is
    written once, readable by this user only, beside the journal, so links survive a restart;
    an in-memory journal keeps its key in memory, since its journals die with the process.
    """
    chosen = _setting(env, secrets, "RECOVERY_LINK_SECRET", "link_secret")
    if chosen:
        return chosen.encode("utf-8")
    if path == ":memory:":
        return _MEMORY_SECRET
    if is_postgres_address(path):
        raise ValueError(SHARED_DATABASE_NEEDS_SECRET)
    refuse_address(path)  # an address never becomes a folder for the key either
    target = link_secret_file(path)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written whole to a private temporary file, then linked into place: two sessions
        # starting at once never read a half-written key, and the first one wins.
        temporary = target.with_name(f"{target.name}.{secrets_module.token_hex(4)}.tmp")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(secrets_module.token_hex(32))
        try:
            os.link(temporary, target)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return target.read_text(encoding="ascii").strip().encode("ascii")


def emergency_number(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> str:
    """The number to call in an emergency: ``RECOVERY_EMERGENCY_NUMBER``, then secrets, else ''."""
    env = os.environ if env is None else env
    chosen = env.get("RECOVERY_EMERGENCY_NUMBER") or _secret(
        secrets, "recovery", "emergency_number"
    )
    return str(chosen).strip() if chosen else ""


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
