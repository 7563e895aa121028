"""What one PDF may cost: a year of days, the newest notes, and few builds at a time.

A report of 1,500 days with 2,000-character notes took about a minute of CPU per click,
and an import can hold far more. A clinician reads a year at most in one sitting, so a report
covers at most the last MAX_DAYS days of the period asked for and the newest MAX_NOTES notes
(the rest counted). Building is CPU-bound: at most one build per journal and SERVER_BUILDS
per server run at once; a click beyond that is told to wait, not queued.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_DAYS = 366  # a year, leap day included
MAX_NOTES = 60  # about three pages of notes
SERVER_BUILDS = 2  # the machine has two cores; the pages keep one for everyone else

_server = threading.BoundedSemaphore(SERVER_BUILDS)
_building: set[str] = set()
_building_lock = threading.Lock()


class ReportBusy(RuntimeError):
    """A report cannot be built right now; the message says why and what to do."""


def clamp_period(start: dt.date, end: dt.date) -> tuple[dt.date, bool]:
    """The first day a report of ``start``..``end`` covers, and whether it was cut short."""
    earliest = end - dt.timedelta(days=MAX_DAYS - 1)
    return (earliest, True) if start < earliest else (start, False)


def newest_notes(
    notes: list[tuple[dt.date, str]],
) -> tuple[list[tuple[dt.date, str]], int]:
    """The notes a report prints, newest first, and how many older ones it leaves out."""
    newest = sorted(notes, key=lambda pair: pair[0], reverse=True)
    return newest[:MAX_NOTES], max(len(newest) - MAX_NOTES, 0)


@contextmanager
def build_slot(owner: str) -> Iterator[None]:
    """Hold one of the server's report builds for ``owner``, or raise ReportBusy at once."""
    with _building_lock:
        if owner in _building:
            raise ReportBusy(
                "A report for this journal is already being prepared (in another tab, "
                "perhaps). Try again when it is ready."
            )
        _building.add(owner)
    try:
        if not _server.acquire(blocking=False):
            raise ReportBusy("The server is busy preparing other reports. Try again in a minute.")
        try:
            yield
        finally:
            _server.release()
    finally:
        with _building_lock:
            _building.discard(owner)
