"""Writes the journal itself refuses (not the file): a full journal, a link given up."""

from __future__ import annotations

from recovery.storage.errors import StorageError


class JournalFullError(StorageError):
    """The journal holds as many days as one may (storage.MAX_JOURNAL_DAYS)."""

    kind = "journal_full"
    hosted_advice = ""


class RevokedOwnerError(StorageError):
    """The journal's link was given up (a new link, or the journal deleted): nothing is kept."""

    kind = "revoked"
    hosted_advice = ""
