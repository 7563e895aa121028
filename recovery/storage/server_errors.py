"""A journal's database server that does not answer: the plain words for it.

A journal file fails through its disk; a journal in PostgreSQL fails through the network or
a server that is stopped or restarting, and the person is told that instead.
"""

from __future__ import annotations

import duckdb

from recovery.storage.errors import During, StorageError, _lead, first_line

# What DuckDB's postgres extension (through libpq) says when the server cannot be reached.
_NO_ANSWER = (
    "unable to connect",
    "could not connect",
    "connection refused",
    "server closed the connection",
    "no connection to the server",
    "terminating connection",
    "connection timed out",
)


class ServerUnreachableError(StorageError):
    """The database server keeping the journals could not be reached."""

    kind = "unreachable"


def unreachable(error: duckdb.Error, name: str | None, during: During) -> StorageError | None:
    """The plain error when ``error`` says the server did not answer; None otherwise."""
    detail = first_line(error)
    if not any(words in detail.lower() for words in _NO_ANSWER):
        return None
    return ServerUnreachableError(
        _lead(during, "the database server that keeps the journals did not answer"),
        "Try again in a moment. If it keeps happening, check that PostgreSQL is running and "
        "can be reached from this computer.",
        path=name,
        detail=detail,
    )
