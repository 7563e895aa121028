"""Checking a backup's weekly sections (answers, activities, ratings) before anything is written.

Each problem names its section and entry (counted from 1) and says what is wrong in plain
words, as the days' problems do; a file with any problem writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recovery.signs import weekly as items
from recovery.storage.weekly import check_name, check_rating
from recovery.transfer.checks import ImportProblem, ParsedFile, shown
from recovery.transfer.limits import FIRST_YEAR
from recovery.transfer.writing import is_own_batch
from recovery.validation import ValidationError

_FIELDS = {
    "weekly_answers": ("day", "item", "bothersome", "frequency", "batch"),
    "activities": ("activity_id", "name", "created", "retired", "batch"),
    "activity_ratings": ("activity_id", "day", "rating", "batch"),
}


@dataclass
class WeeklyRows:
    """A backup's weekly sections, checked: ready for storage.restore_weekly."""

    answers: list[dict] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    ratings: list[dict] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many weekly rows the backup holds."""
        return len(self.answers) + len(self.activities) + len(self.ratings)


class _Checker:
    def __init__(self, parsed: ParsedFile, today: dt.date) -> None:
        self.parsed = parsed
        self.today = today
        self.section = ""
        self.row = 0

    def bad(self, name: str, raw: object, message: str) -> None:
        self.parsed.add(ImportProblem(self.row, f"{self.section}.{name}", shown(raw)[:80], message))

    def day(self, entry: dict, name: str, required: bool = True) -> dt.date | None:
        raw = entry.get(name)
        if raw is None and not required:
            return None
        try:
            day = dt.date.fromisoformat(raw)
        except (TypeError, ValueError):
            self.bad(name, raw, f"{name} must be a date such as 2026-03-31")
            return None
        if day > self.today or day.year < FIRST_YEAR:
            self.bad(name, raw, f"{name} is in the future or before {FIRST_YEAR}")
            return None
        return day

    def batch(self, entry: dict) -> str | None:
        raw = entry.get("batch")
        if raw is None or (isinstance(raw, str) and is_own_batch(raw)):
            return raw
        self.bad("batch", raw, 'batch must be empty, "example", or an import\'s label')
        return None

    def whole(self, entry: dict, name: str, high: int, required: bool) -> int | None:
        raw = entry.get(name)
        if raw is None and not required:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= high:
            self.bad(name, raw, f"{name} must be a whole number from 0 to {high}")
            return None
        return raw

    def shape(self, entry: object) -> bool:
        if not isinstance(entry, dict):
            self.bad("", entry, "each entry must be an object of field names and values")
            return False
        for name in entry:
            if name not in _FIELDS[self.section]:
                self.bad(str(name)[:40], entry[name], f"{str(name)[:40]} is not a field here")
        return True


def check_sections(
    parsed: ParsedFile, sections: dict[str, list[object]], today: dt.date
) -> WeeklyRows:
    """Check every weekly entry, adding any problem to ``parsed``; returns the good rows."""
    check = _Checker(parsed, today)
    rows = WeeklyRows()
    seen: set[tuple] = set()
    check.section = "activities"
    ids: set[int] = set()
    for check.row, entry in enumerate(sections.get("activities", []), start=1):
        if not check.shape(entry):
            continue
        if check.row > items.MAX_ACTIVITIES_EVER:
            check.bad("", "", f"a journal holds at most {items.MAX_ACTIVITIES_EVER} activities")
            break
        aid = entry.get("activity_id")
        if isinstance(aid, bool) or not isinstance(aid, int) or aid < 1 or aid in ids:
            check.bad("activity_id", aid, "activity_id must be a whole number, once per activity")
            continue
        try:
            name = check_name(entry.get("name"), [])
        except ValidationError as error:
            check.bad("name", entry.get("name"), error.problems[0].message)
            continue
        created, retired = check.day(entry, "created"), check.day(entry, "retired", False)
        ids.add(aid)
        rows.activities.append(
            {
                "activity_id": aid,
                "name": name,
                "created": created,
                "retired": retired,
                "batch": check.batch(entry),
            }
        )
    check.section = "weekly_answers"
    for check.row, entry in enumerate(sections.get("weekly_answers", []), start=1):
        if not check.shape(entry):
            continue
        day, item = check.day(entry, "day"), entry.get("item")
        if item not in items.ITEM_KEYS:
            check.bad("item", item, "item must be one of " + ", ".join(items.ITEM_KEYS))
        elif (day, item) in seen:
            check.bad("item", item, "this week's answer for this item is in the file twice")
        seen.add((day, item))
        scores = {s: check.whole(entry, s, items.SCALE_MAX, False) for s in items.SCALE_KEYS}
        rows.answers.append({"day": day, "item": item, **scores, "batch": check.batch(entry)})
    check.section = "activity_ratings"
    for check.row, entry in enumerate(sections.get("activity_ratings", []), start=1):
        if not check.shape(entry):
            continue
        aid, day = entry.get("activity_id"), check.day(entry, "day")
        if aid not in ids:
            check.bad("activity_id", aid, "activity_id must name an activity in this backup")
        elif (aid, day) in seen:
            check.bad("day", entry.get("day"), "this activity is rated twice for this week")
        seen.add((aid, day))
        rating = entry.get("rating")
        if not check_rating(rating):
            check.bad("rating", rating, "rating must be a whole number from 0 to 10")
        rows.ratings.append(
            {"activity_id": aid, "day": day, "rating": rating, "batch": check.batch(entry)}
        )
    return rows
