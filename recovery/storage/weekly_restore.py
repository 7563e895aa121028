"""Writing many weekly rows at once: a backup's weekly sections, or the example recovery's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from recovery.storage.batches import WEEKLY_DELETE_BATCH
from recovery.storage.cursors import cursor, refuse_revoked, transaction
from recovery.storage.weekly import (
    INSERT_ACTIVITY,
    INSERT_ANSWER_KEEP,
    INSERT_RATING_KEEP,
    NEXT_ACTIVITY_ID,
    NO_BATCH,
    SELECT_ACTIVITIES,
    UPSERT_RATING,
)

UPSERT_ANSWER = (
    "INSERT INTO weekly_answers (owner, day, item, bothersome, frequency, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, day, item) DO UPDATE SET "
    "bothersome = excluded.bothersome, frequency = excluded.frequency, batch = excluded.batch, "
    "updated_at = excluded.updated_at"
)


def restore_weekly(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    answers: Sequence[dict],
    activities: Sequence[dict],
    ratings: Sequence[dict],
    *,
    replace: bool,
    supersede_batch: str | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Write checked weekly rows in one transaction; returns how many rows were written.

    An activity whose id the journal already holds under the same name is the same activity
    (a backup restored twice); any other gets a new id, and its ratings follow it, so no
    rating ever lands on a different activity. ``replace`` overwrites a week's answers or a
    rating the journal already has; otherwise the journal's own are kept.
    """
    now = now or dt.datetime.now()
    written = 0
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        if supersede_batch is not None:
            for statement in WEEKLY_DELETE_BATCH:
                cur.execute(statement, [owner, supersede_batch])
        held = {
            row[0]: row[1] for row in cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()
        }
        next_id = int(cur.execute(NEXT_ACTIVITY_ID, [owner]).fetchone()[0])
        mapping: dict[int, int] = {}
        for entry in activities:
            old_id = int(entry["activity_id"])
            name = entry["name"]
            if old_id in held and held[old_id].casefold() == name.casefold():
                mapping[old_id] = old_id
                continue
            mapping[old_id] = next_id
            cur.execute(
                INSERT_ACTIVITY,
                [owner, next_id, name, entry["created"], entry.get("retired"), entry.get("batch")],
            )
            next_id += 1
            written += 1
        answer_sql = UPSERT_ANSWER if replace else INSERT_ANSWER_KEEP
        for entry in answers:
            cur.execute(
                answer_sql,
                [
                    owner,
                    entry["day"],
                    entry["item"],
                    entry.get("bothersome"),
                    entry.get("frequency"),
                    entry.get("batch"),
                    now,
                ],
            )
            written += 1
        rating_sql = UPSERT_RATING if replace else INSERT_RATING_KEEP
        for entry in ratings:
            aid = mapping.get(int(entry["activity_id"]))
            if aid is None:
                continue  # checked on reading: a rating names an activity of the same file
            cur.execute(
                rating_sql,
                [owner, aid, entry["day"], entry["rating"], entry.get("batch"), now],
            )
            written += 1
    return written
