"""The weekly questions, the person's own activities and their weekly ratings (migration 007).

Every query filters on the owner and passes values as ``?`` parameters; every write refuses
an owner whose link was given up. Ratings are tied to an activity's id, so a renamed activity
keeps its ratings, and a retired one keeps them too (it only stops being asked).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb

from recovery.signs import weekly as items
from recovery.storage.batches import EXAMPLE_BATCH
from recovery.storage.cursors import cursor, refuse_revoked, transaction
from recovery.storage.preferences import get_int
from recovery.validation import Problem, ValidationError

# "Skip no batch": an empty label, which no stored batch has (NULL IS DISTINCT FROM NULL is
# false in SQL, so None cannot stand for "skip nothing").
NO_BATCH = ""
SELECT_ANSWERS = (
    "SELECT day, item, bothersome, frequency, batch FROM weekly_answers "
    "WHERE owner = ? AND batch IS DISTINCT FROM ? ORDER BY day, item"
)
DELETE_ANSWERS_DAY = "DELETE FROM weekly_answers WHERE owner = ? AND day = ?"
INSERT_ANSWER = (
    "INSERT INTO weekly_answers (owner, day, item, bothersome, frequency, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_ANSWER_KEEP = INSERT_ANSWER + " ON CONFLICT (owner, day, item) DO NOTHING"
LAST_DAY = (
    "SELECT max(day) FROM (SELECT day FROM weekly_answers WHERE owner = ? AND batch IS "
    "DISTINCT FROM ? UNION ALL SELECT day FROM activity_ratings WHERE owner = ? AND batch IS "
    "DISTINCT FROM ?)"
)
SELECT_ACTIVITIES = (
    "SELECT activity_id, name, created, retired, batch FROM activities "
    "WHERE owner = ? AND batch IS DISTINCT FROM ? ORDER BY activity_id"
)
NEXT_ACTIVITY_ID = "SELECT coalesce(max(activity_id), 0) + 1 FROM activities WHERE owner = ?"
INSERT_ACTIVITY = (
    "INSERT INTO activities (owner, activity_id, name, created, retired, batch) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
RENAME_ACTIVITY = "UPDATE activities SET name = ? WHERE owner = ? AND activity_id = ?"
RETIRE_ACTIVITY = (
    "UPDATE activities SET retired = ? WHERE owner = ? AND activity_id = ? AND retired IS NULL"
)
SELECT_RATINGS = (
    "SELECT activity_id, day, rating, batch FROM activity_ratings "
    "WHERE owner = ? AND batch IS DISTINCT FROM ? ORDER BY day, activity_id"
)
UPSERT_RATING = (
    "INSERT INTO activity_ratings (owner, activity_id, day, rating, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, activity_id, day) DO UPDATE SET "
    "rating = excluded.rating, batch = excluded.batch, updated_at = excluded.updated_at"
)
INSERT_RATING_KEEP = (
    "INSERT INTO activity_ratings (owner, activity_id, day, rating, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, activity_id, day) DO NOTHING"
)
# Per-owner operations on all three tables (journals.py, batches.py, visits.py).
TABLES = ("weekly_answers", "activities", "activity_ratings")
# Table names cannot be parameters; they come from the constant tuple above, never a user.
DELETE_OWNER = tuple(f"DELETE FROM {t} WHERE owner = ?" for t in TABLES)  # noqa: S608
MOVE_OWNER = tuple(f"UPDATE {t} SET owner = ? WHERE owner = ?" for t in TABLES)  # noqa: S608
# Kiosk visitors' rows once their check-ins are gone (visits.py): prefix, owners to keep.
DELETE_ORPHANS = tuple(
    f"DELETE FROM {t} WHERE starts_with(owner, ?) AND NOT list_contains(?::VARCHAR[], owner) "  # noqa: S608
    "AND owner NOT IN (SELECT DISTINCT owner FROM checkins)"
    for t in TABLES
)


@dataclass(frozen=True)
class Activity:
    """One of the person's own activities: its lasting id, current name, and whether retired."""

    activity_id: int
    name: str
    created: dt.date
    retired: dt.date | None = None
    batch: str | None = None

    @property
    def active(self) -> bool:
        """True while the activity is still asked about each week."""
        return self.retired is None


@dataclass(frozen=True)
class WeeklySave:
    """What a weekly save stored: the day, how many symptom answers and activity ratings."""

    day: dt.date
    answers: int
    ratings: int


def _problem(field: str, message: str, value: object = "") -> Problem:
    return Problem(field, value, message)


def check_answers(answers: Mapping[str, Mapping[str, object]]) -> list[Problem]:
    """Problems with weekly answers {item: {scale: 0..6 or None}}; empty when all is well."""
    problems: list[Problem] = []
    for item, scores in answers.items():
        if item not in items.ITEM_KEYS:
            problems.append(_problem(str(item)[:40], f"{str(item)[:40]} is not a weekly question"))
            continue
        for scale, value in scores.items():
            if scale not in items.SCALE_KEYS:
                problems.append(_problem(item, f"{str(scale)[:40]} is not a weekly scale"))
            elif value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6
            ):
                problems.append(_problem(item, "each weekly answer is a whole number from 0 to 6"))
    return problems


def check_rating(value: object) -> bool:
    """True for a valid activity rating: a whole number 0..10."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= items.RATING_MAX


def save_weekly(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    day: dt.date,
    answers: Mapping[str, Mapping[str, int | None]],
    ratings: Mapping[int, int] | None = None,
    *,
    batch: str | None = None,
    now: dt.datetime | None = None,
) -> WeeklySave:
    """Save one week's answers (replacing that day's) and activity ratings, in one transaction.

    Raises ValidationError (nothing saved) for an answer off the scales, an unknown item or
    activity, or nothing answered at all.
    """
    ratings = dict(ratings or {})
    problems = check_answers(answers)
    problems += [
        _problem(f"activity {aid}", "each activity rating is a whole number from 0 to 10")
        for aid, value in ratings.items()
        if not check_rating(value)
    ]
    kept = {
        item: scores
        for item, scores in answers.items()
        if any(v is not None for v in scores.values())
    }
    if not problems and not kept and not ratings:
        problems.append(_problem("weekly", "Nothing was answered, so nothing was saved."))
    if problems:
        raise ValidationError(problems)
    now = now or dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        known = {row[0] for row in cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()}
        unknown = [aid for aid in ratings if aid not in known]
        if unknown:
            raise ValidationError([_problem("activity", "That activity is not in this journal.")])
        if kept:
            cur.execute(DELETE_ANSWERS_DAY, [owner, day])
        for item, scores in kept.items():
            cur.execute(
                INSERT_ANSWER,
                [owner, day, item, scores.get("bothersome"), scores.get("frequency"), batch, now],
            )
        for aid, value in ratings.items():
            cur.execute(UPSERT_RATING, [owner, aid, day, value, batch, now])
    return WeeklySave(day, len(kept), len(ratings))


def weekly_answers(
    conn: duckdb.DuckDBPyConnection, owner: str, *, skip_batch: str = NO_BATCH
) -> list[dict[str, object]]:
    """Every weekly answer of an owner, oldest first, as dicts (day, item, scores, batch)."""
    with cursor(conn) as cur:
        rows = cur.execute(SELECT_ANSWERS, [owner, skip_batch]).fetchall()
    names = ("day", "item", "bothersome", "frequency", "batch")
    return [dict(zip(names, row, strict=True)) for row in rows]


def activity_ratings(
    conn: duckdb.DuckDBPyConnection, owner: str, *, skip_batch: str = NO_BATCH
) -> list[dict[str, object]]:
    """Every activity rating of an owner, oldest first (activity_id, day, rating, batch)."""
    with cursor(conn) as cur:
        rows = cur.execute(SELECT_RATINGS, [owner, skip_batch]).fetchall()
    names = ("activity_id", "day", "rating", "batch")
    return [dict(zip(names, row, strict=True)) for row in rows]


def activities(
    conn: duckdb.DuckDBPyConnection, owner: str, *, skip_batch: str = NO_BATCH
) -> list[Activity]:
    """The owner's activities, active and retired, in the order they were named."""
    with cursor(conn) as cur:
        rows = cur.execute(SELECT_ACTIVITIES, [owner, skip_batch]).fetchall()
    return [Activity(*row) for row in rows]


def last_weekly_day(conn: duckdb.DuckDBPyConnection, owner: str) -> dt.date | None:
    """The last day the person answered the weekly questions (the example's days not counted)."""
    with cursor(conn) as cur:
        row = cur.execute(LAST_DAY, [owner, EXAMPLE_BATCH, owner, EXAMPLE_BATCH]).fetchone()
    return row[0] if row else None


def weekly_day(conn: duckdb.DuckDBPyConnection, owner: str) -> int | None:
    """The day of the week chosen for the weekly questions (0 Monday), or None: any day."""
    chosen = get_int(conn, owner, items.WEEKDAY_SETTING, -1, -1, 6)
    return None if chosen < 0 else chosen


def weekly_due(conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date) -> bool:
    """True when the weekly questions are due (signs.weekly.due_on, with the chosen day)."""
    return items.due_on(last_weekly_day(conn, owner), today, weekly_day(conn, owner))


def _held(cur: duckdb.DuckDBPyConnection, owner: str) -> list[Activity]:
    return [Activity(*r) for r in cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()]


def check_name(name: object, others: list[str]) -> str:
    """The cleaned activity name, or ValidationError: empty, too long, or already used."""
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        message = "Please write what the activity is (for example: put on socks)."
    elif len(cleaned) > items.ACTIVITY_NAME_MAX:
        message = f"Please keep the name to {items.ACTIVITY_NAME_MAX} characters or fewer."
    elif cleaned.casefold() in {o.casefold() for o in others}:
        message = f"You already have an activity called “{cleaned}”."
    else:
        return cleaned
    raise ValidationError([_problem("activity", message)])


def add_activity(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    name: str,
    today: dt.date,
    *,
    batch: str | None = None,
) -> Activity:
    """Name a new activity (at most three active at once); returns it."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        current = [
            Activity(*r) for r in cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()
        ]
        # The example recovery's activities are made up: they take no place of the person's.
        active = [a for a in current if a.active and a.batch != EXAMPLE_BATCH]
        cleaned = check_name(name, [a.name for a in active])
        if len(current) >= items.MAX_ACTIVITIES_EVER:
            raise ValidationError(
                [
                    _problem(
                        "activity",
                        f"This journal already holds {items.MAX_ACTIVITIES_EVER} activities, "
                        "retired ones included: rename one of yours instead.",
                    )
                ]
            )
        if len(active) >= items.MAX_ACTIVITIES:
            raise ValidationError(
                [
                    _problem(
                        "activity",
                        f"You already follow {items.MAX_ACTIVITIES} activities: retire one "
                        "before adding another.",
                    )
                ]
            )
        new_id = int(cur.execute(NEXT_ACTIVITY_ID, [owner]).fetchone()[0])
        cur.execute(INSERT_ACTIVITY, [owner, new_id, cleaned, today, None, batch])
    return Activity(new_id, cleaned, today, None, batch)


def rename_activity(
    conn: duckdb.DuckDBPyConnection, owner: str, activity_id: int, name: str
) -> str:
    """Rename an activity; its ratings stay with it. Returns the cleaned name."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        current = [
            Activity(*r) for r in cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()
        ]
        if activity_id not in {a.activity_id for a in current}:
            raise ValidationError([_problem("activity", "That activity is not in this journal.")])
        others = [
            a.name
            for a in current
            if a.active and a.activity_id != activity_id and a.batch != EXAMPLE_BATCH
        ]
        cleaned = check_name(name, others)
        cur.execute(RENAME_ACTIVITY, [cleaned, owner, activity_id])
    return cleaned


def retire_activity(
    conn: duckdb.DuckDBPyConnection, owner: str, activity_id: int, today: dt.date
) -> bool:
    """Stop asking about an activity from today; its ratings are kept. True if it was active."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        before = cur.execute(SELECT_ACTIVITIES, [owner, NO_BATCH]).fetchall()
        cur.execute(RETIRE_ACTIVITY, [today, owner, activity_id])
        return any(r[0] == activity_id and r[3] is None for r in before)
