"""What the journal refuses (not the file): a full journal, a link given up, an address."""

from __future__ import annotations

import re

from recovery.storage.addresses import is_address
from recovery.storage.errors import StorageError

# "postgresql://user@host/name", "https://...": an address, never a file name.
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class JournalFullError(StorageError):
    """The journal holds as many days as one may (storage.MAX_JOURNAL_DAYS)."""

    kind = "journal_full"
    hosted_advice = ""


class RevokedOwnerError(StorageError):
    """The journal's link was given up (a new link, or the journal deleted): nothing is kept."""

    kind = "revoked"
    hosted_advice = ""


class AddressNotFileError(StorageError):
    """RECOVERY_DB (or --db) holds a database address where a file was expected."""

    kind = "address"


def refuse_address(target: str) -> None:
    """Raise AddressNotFileError for a URL that is not a PostgreSQL address (it would become
    a folder); ``postgresql://`` and ``postgres://`` addresses are journals on a server.

    Only the scheme is repeated: the rest of an address may hold a password.
    """
    if _ADDRESS.match(target) and not is_address(target):
        scheme = target.split("://", 1)[0]
        raise AddressNotFileError(
            f"The journal setting is a {scheme}:// address, not a file. Seven Signs keeps a "
            "journal in a DuckDB file (a path such as data/recovery.duckdb), on MotherDuck "
            "(md:NAME) or in PostgreSQL (postgresql://user@host/name). Nothing was created.",
            "Set RECOVERY_DB (or --db) to a file path, an md: name or a postgresql:// address.",
        )
