"""How often one address may start journals or import files on a shared link: per hour.

A stranger on the public link costs the store a journal per new link and up to 40,000 days
per import; a script could repeat either without end. Counts are kept in this process's
memory (a restart forgets them, and each server counts its own); a clinic's visitors behind
one network address share a generous allowance.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

HOUR = 3600.0
NEW_JOURNALS_PER_HOUR = 30
IMPORTS_PER_HOUR = 60
# Addresses remembered at most; the least recently seen are forgotten first.
MAX_ADDRESSES = 10_000


class HourlyQuota:
    """At most ``limit`` actions per key in any hour (a sliding window), thread-safe."""

    def __init__(self, limit: int, window: float = HOUR) -> None:
        self.limit = limit
        self.window = window
        self._times: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> bool:
        """Count one action for ``key`` and return True, or False when its hour is full."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._times.pop(key, None) or deque()
            while times and times[0] <= now - self.window:
                times.popleft()
            allowed = len(times) < self.limit
            if allowed:
                times.append(now)
            self._times[key] = times  # now the most recently seen
            while len(self._times) > MAX_ADDRESSES:
                self._times.popitem(last=False)
            return allowed


new_journals = HourlyQuota(NEW_JOURNALS_PER_HOUR)
imports = HourlyQuota(IMPORTS_PER_HOUR)

NEW_JOURNALS_FULL = (
    "Nothing was saved: many new journals were started from your network in the last hour. "
    "Please try again later."
)
IMPORTS_FULL = (
    "Nothing was imported: many files were imported from your network in the last hour. "
    "Please try again later."
)
