"""Throwaway journals of kiosk visitors: cleared once nobody has touched them for a while."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from recovery.storage import weekly
from recovery.storage.cursors import cursor, transaction
from recovery.storage.queries import (
    COUNT_PREFIX,
    DELETE_ABANDONED,
    DELETE_ORPHAN_EXTRA,
    DELETE_ORPHAN_SETTINGS,
)


def delete_abandoned_visits(
    conn: duckdb.DuckDBPyConnection,
    prefix: str,
    older_than: dt.timedelta,
    *,
    keep: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> int:
    """Delete throwaway owners' rows (ids start with ``prefix``) unchanged for too long; count.

    Owners in ``keep`` (visitors still at the screen) are spared; ``now`` (naive local
    time, like the stored stamps) defaults to the app's clock. Settings, weekly rows,
    flare-ups and medicines of owners left with no check-in go too.
    """
    now = now or dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        before = cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0]
        cur.execute(DELETE_ABANDONED, [prefix, list(keep), now, older_than.total_seconds()])
        cur.execute(DELETE_ORPHAN_SETTINGS, [prefix, list(keep)])
        for statement in (*weekly.DELETE_ORPHANS, *DELETE_ORPHAN_EXTRA):
            cur.execute(statement, [prefix, list(keep)])
        after = cur.execute(COUNT_PREFIX, [prefix]).fetchone()[0]
    return int(before - after)
