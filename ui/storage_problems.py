"""Journal problems on a page: one plain message, never a traceback, no server paths shown.

Every page that opens, reads or writes the journal sends a StorageError here. The owner of a
local journal is told which file is concerned and what to do; a visitor to a shared site or
a kiosk is told what happened only, and the file and the low-level error go to the server's
log for whoever runs it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec

import duckdb
import streamlit as st

from recovery import config
from recovery.storage import errors as storage_errors
from recovery.storage.errors import StorageError
from ui import app_config, blocks

logger = logging.getLogger("seven_signs.storage")
P = ParamSpec("P")


def message(error: StorageError, mode: config.Mode | None = None) -> str:
    """The words for this visitor (markdown), logged on the server with the file concerned."""
    if mode is None:
        mode = app_config.mode_or_none()
    if error.kind != "days_taken":  # a person's own days in the way is not a server problem
        logger.warning(
            "journal problem (%s) with %s: %s",
            error.kind,
            error.path or "the in-memory journal",
            error.detail or error.message,
        )
    # An unknown (misconfigured) mode hides the path too: only a known local owner sees it.
    return error.describe(for_owner=mode == "local", markdown=True)


def show(error: StorageError, mode: config.Mode | None = None) -> None:
    """Show a journal problem as a plain error box."""
    st.error(message(error, mode), icon=":material/error:")


PENDING = "storage_problem_from_callback"


def in_callback(action: Callable[P, None]) -> Callable[P, None]:
    """Wrap a widget callback: a journal problem it meets is shown plainly by the page run.

    Callbacks run before app.py, outside any page's guard: without this a refused write in
    one (a new link, a deletion, the exercise aim, a kiosk reset) would show a crash box.
    """

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            action(*args, **kwargs)
        except StorageError as error:
            st.session_state[PENDING] = error

    return run


def show_pending() -> None:
    """Show the journal problem a callback met in this run, if any (see in_callback)."""
    error = st.session_state.pop(PENDING, None)
    if isinstance(error, StorageError):
        show(error)


@contextmanager
def guarded() -> Iterator[None]:
    """Run a write; if the journal refuses it, say why in plain words and end the page."""
    try:
        yield
    except StorageError as error:
        show(error)
        blocks.stop()


def _journal_file() -> str | None:
    try:
        return app_config.database_path()
    except ValueError:  # a misconfigured mode; open_journal has already said so
        return None


@contextmanager
def shown_plainly() -> Iterator[None]:
    """Around a whole page: a journal failure it did not expect becomes a plain message."""
    try:
        yield
    except StorageError as error:
        show(error)
    except duckdb.Error as error:
        # Analysis and reports read with their own cursors: classify their failures here.
        plain = storage_errors.classify(error, _journal_file(), "read")
        if plain is None:
            raise  # a mistake in a query: a bug to see in the server's log, not the disk
        show(plain)
