"""Why the journal could not be opened, read or written: one class per cause, in plain words.

Each error keeps three things apart: what happened (``message``, never a file path), what the
person running the app can do about it (``advice``) and the file concerned (``path``). The
owner of a local journal sees all three; a visitor to a shared site or a kiosk sees what
happened and ``HOSTED_ADVICE`` only, so the server's folders are never shown to strangers.
Only a file that really is damaged or foreign gets the advice to restore a backup: a healthy
journal on a full, read-only or locked disk must never be replaced because of our wording.
"""

from __future__ import annotations

import errno
from typing import Literal

import duckdb

from recovery.storage.addresses import named, without_credentials

During = Literal["open", "save", "read"]

HOSTED_ADVICE = "Please try again in a while; if it keeps happening, tell whoever runs this site."
_SAFE = "Everything saved before is safe."


class StorageError(Exception):
    """A problem with the journal file, described in plain words for the person."""

    kind = "storage"
    hosted_advice = HOSTED_ADVICE

    def __init__(
        self, message: str, advice: str = "", *, path: str | None = None, detail: str = ""
    ):
        self.message = message
        self.advice = advice
        self.path = None if path in (None, "", ":memory:") else named(str(path))
        self.detail = without_credentials(detail)  # the low-level error, for the server's log
        super().__init__(self.describe(for_owner=True))

    def describe(self, *, for_owner: bool, markdown: bool = False) -> str:
        """The text to show: with the owner's advice and the file, or for a visitor."""
        if not for_owner:
            return " ".join(part for part in (self.message, self.hosted_advice) if part)
        text = " ".join(part for part in (self.message, self.advice) if part)
        if not self.path:
            return text
        if markdown:  # as code, so underscores or stars in a file name stay as they are
            return f"{text}\n\nJournal file: `{self.path}`"
        return f"{text} Journal file: {self.path}"


class DiskFullError(StorageError):
    """The disk (or the account's quota) holding the journal has no space left."""

    kind = "disk_full"


class ReadOnlyError(StorageError):
    """The journal sits on a file system that only allows reading."""

    kind = "read_only"


class PermissionDeniedError(StorageError):
    """The account running the app may not read or write the journal or its folder."""

    kind = "no_permission"


class FolderError(StorageError):
    """The journal's folder does not exist and cannot be created, or is not a folder."""

    kind = "no_folder"


class DatabaseLockedError(StorageError):
    """Another program holds the database file open."""

    kind = "locked"


class WriteConflictError(StorageError):
    """Another change to the same rows was being saved at the same moment."""

    kind = "conflict"
    hosted_advice = ""  # the message already says to try again


class DatabaseVersionError(StorageError):
    """The file was made by another DuckDB or a newer Seven Signs: healthy, not readable here."""

    kind = "version"


class DatabaseDamagedError(StorageError):
    """The file is not a DuckDB database, belongs to another program, or is damaged."""

    kind = "damaged"


class JournalIOError(StorageError):
    """Reading or writing failed for a reason the system did not name."""

    kind = "io"


def _lead(during: During, what: str) -> str:
    if during == "save":
        return f"Nothing was saved: {what}. {_SAFE}"
    if during == "read":
        return f"Your journal could not be read: {what}. Nothing was changed."
    return f"Your journal could not be opened: {what}. Nothing was changed."


def disk_full(during: During, path: str | None, detail: str = "") -> DiskFullError:
    """The disk holding the journal is full."""
    if during == "save":
        message = f"Nothing was saved: the disk holding your journal is full. {_SAFE}"
    else:
        message = _lead(during, "the disk holding it is full")
    return DiskFullError(
        message,
        "Free some space on that disk, then "
        + ("save again." if during == "save" else "try again."),
        path=path,
        detail=detail,
    )


def read_only(during: During, path: str | None, detail: str = "") -> ReadOnlyError:
    """The journal is on a read-only file system."""
    if during == "save":
        message = f"Nothing was saved: your journal is read-only here. {_SAFE}"
    else:
        message = (
            "Your journal is read-only here: it is safe, and nothing was changed, but "
            "Seven Signs needs to write to it and cannot."
        )
    return ReadOnlyError(
        message,
        "It is on a disk or folder that only allows reading (a read-only mount, a locked "
        "memory card, a backup disk). Make that disk writable, or copy the journal to a "
        "folder you can write to and choose the copy with RECOVERY_DB.",
        path=path,
        detail=detail,
    )


def no_permission(during: During, path: str | None, detail: str = "") -> PermissionDeniedError:
    """The app's account may not use the journal file or its folder."""
    what = "your journal" if during == "save" else "it"
    return PermissionDeniedError(
        _lead(during, f"Seven Signs is not allowed to read or write {what} (permission denied)"),
        "The journal itself is fine. Give the account that runs the app permission to the "
        "file and its folder, or choose another file with RECOVERY_DB.",
        path=path,
        detail=detail,
    )


_FOLDER_REASONS = {
    errno.ENOTDIR: "part of its path is a file, not a folder",
    errno.EEXIST: "part of its path is a file, not a folder",
    errno.EISDIR: "the name given for the journal is a folder; name a file inside it",
    errno.EROFS: "that disk only allows reading",
    errno.ENOSPC: "the disk is full",
    errno.ENOENT: "that place does not accept new files or folders",
}


def no_folder(during: During, path: str | None, reason: str, detail: str = "") -> FolderError:
    """The folder meant to hold the journal cannot be created or used."""
    advice = "Create the folder yourself, or choose another place for the journal with RECOVERY_DB."
    if during != "save":
        message = f"The folder for your journal cannot be created or used: {reason}."
    elif reason == _FOLDER_REASONS[errno.ENOENT]:
        # The folder was there when the journal opened: someone moved or deleted it since.
        message = "Nothing was saved: the folder holding your journal was moved or deleted."
        advice = (
            "Put the folder back, or restart the app with RECOVERY_DB set to the journal's "
            "new place."
        )
    else:
        message = f"Nothing was saved: the folder holding your journal cannot be used ({reason})."
    return FolderError(message + " Nothing was changed.", advice, path=path, detail=detail)


def locked(path: str | None, detail: str = "") -> DatabaseLockedError:
    """Another program holds the journal file open."""
    return DatabaseLockedError(
        "Your journal is in use by another program (perhaps a second copy of Seven Signs, "
        "or the DuckDB command line). Nothing was changed.",
        "Close that program and try again (reload the page in the app).",
        path=path,
        detail=detail,
    )


def write_conflict(path: str | None, detail: str = "") -> WriteConflictError:
    """Two changes to the same rows at once: the later one was refused."""
    return WriteConflictError(
        "Nothing was saved: another change to your journal was being saved at the same "
        f"moment. {_SAFE} Please try again.",
        path=path,
        detail=detail,
    )


def other_version(path: str | None, detail: str = "") -> DatabaseVersionError:
    """The file was written by a different DuckDB version."""
    return DatabaseVersionError(
        "Your journal was written by a different version of DuckDB and cannot be opened "
        "here. It was left untouched.",
        "Keep the file, and open it with the version of the app that made it.",
        path=path,
        detail=detail,
    )


def newer_schema(version: int, path: str | None = None) -> DatabaseVersionError:
    """The journal was made by a newer Seven Signs."""
    return DatabaseVersionError(
        f"This journal was made by a newer Seven Signs (schema version {version}). "
        "Nothing was changed.",
        "Update the app to open it.",
        path=path,
    )


def damaged(path: str | None, detail: str = "", during: During = "open") -> DatabaseDamagedError:
    """The file is not a DuckDB database, or it is damaged."""
    if during == "open":
        message = (
            "The journal file is not a Seven Signs journal, or it is damaged. It was left "
            "untouched."
        )
    else:
        # Not "everything saved before is safe": part of it no longer reads back.
        message = (
            "Your journal file is damaged: part of it can no longer be read. Nothing more "
            "was changed."
        )
    return DatabaseDamagedError(
        message,
        "Choose another file (RECOVERY_DB), or move this one aside and restore a backup.",
        path=path,
        detail=detail,
    )


def foreign(path: str | None) -> DatabaseDamagedError:
    """A healthy DuckDB file of another program."""
    return DatabaseDamagedError(
        "This DuckDB file holds other tables and is not a Seven Signs journal. It was left "
        "untouched.",
        "Choose another file with RECOVERY_DB.",
        path=path,
    )


def unexplained(during: During, path: str | None, detail: str = "") -> JournalIOError:
    """Reading or writing failed and the system did not say why."""
    return JournalIOError(
        _lead(during, "the computer reported a problem with the disk"),
        "Restart the app and try again. If it keeps happening the disk may be failing: "
        "copy the journal file somewhere safe.",
        path=path,
        detail=detail,
    )


def first_line(error: BaseException) -> str:
    """The first line of an error: DuckDB's internal errors append a long stack trace."""
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__


# What the operating system says (strerror), as DuckDB quotes it in its messages.
_DISK_FULL = ("no space left on device", "disk quota exceeded")
_READ_ONLY = ("read-only file system", "attached in read-only mode")
_NO_PERMISSION = ("permission denied", "operation not permitted")
_NO_FOLDER = {
    "not a directory": errno.ENOTDIR,
    "is a directory": errno.EISDIR,
    "no such file or directory": errno.ENOENT,
}
_LOCKED = ("could not set lock", "conflicting lock")
_DAMAGED = ("corrupt", "checksum")
_VERSION = ("version number", "newer version", "older version")
# DuckDB errors that mean the file or disk failed, rather than a mistake in a query.
_LOW_LEVEL = (
    duckdb.IOException,
    duckdb.InternalException,
    duckdb.SerializationException,
    duckdb.FatalException,
)


def classify(error: duckdb.Error, path: str | None, during: During) -> StorageError | None:
    """The plain StorageError for a DuckDB failure, or None for a mistake in a query."""
    detail = first_line(error)
    text = detail.lower()
    if any(words in text for words in _DAMAGED):
        return damaged(path, detail, during)
    if any(words in text for words in _DISK_FULL):
        return disk_full(during, path, detail)
    if any(words in text for words in _READ_ONLY):
        return read_only(during, path, detail)
    if any(words in text for words in _NO_PERMISSION):
        return no_permission(during, path, detail)
    if any(words in text for words in _LOCKED):
        return locked(path, detail)
    for words, code in _NO_FOLDER.items():
        if words in text:
            return no_folder(during, path, _FOLDER_REASONS[code], detail)
    if isinstance(error, duckdb.TransactionException) and "conflict" in text:
        return write_conflict(path, detail)
    if during == "open":
        if any(words in text for words in _VERSION):
            return other_version(path, detail)
        return damaged(path, detail)
    if isinstance(error, _LOW_LEVEL) or "failed to commit" in text:
        return unexplained(during, path, detail)
    return None


def from_os_error(error: OSError, path: str | None) -> StorageError:
    """The plain StorageError for a failure to look at or create the journal's folder."""
    detail = f"{error.strerror or error} ({error.filename})"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full("open", path, detail)
    if error.errno in (errno.EACCES, errno.EPERM):
        return no_permission("open", path, detail)
    if error.errno == errno.EROFS:
        return read_only("open", path, detail)
    reason = _FOLDER_REASONS.get(error.errno or 0, (error.strerror or str(error)).lower())
    return no_folder("open", path, reason, detail)
