"""Weekly scores: the bothersomeness and frequency totals, and the activities' mean rating.

Each series gets its first score, the latest, the change, and a verdict against the
measure's own error, a fixed published band (CLINICAL.md, Weekly measures): about 5 points
for the bothersomeness total (SBI), 6.5 for the frequency total (SFI), and 2.3 for the mean
activity rating (PSFS; the medium of the 1.3 / 2.3 / 2.7 figures of Abbott and Schmitt,
JOSPT 2014, chosen so that a "better" verdict is neither the most nor the least cautious).
A change exactly as large as the band is still within it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from recovery.signs import weekly as items

WeeklyVerdict = Literal["better", "within", "worse"]


@dataclass(frozen=True)
class WeeklyTrend:
    """One weekly series: its points, first and latest score, the change and the verdict."""

    key: str  # "SBI", "SFI", "PSFS" or "activity <id>"
    title: str
    points: tuple[tuple[dt.date, float], ...]
    error: float
    lower_is_better: bool
    maximum: float

    @property
    def first(self) -> float | None:
        """The first score, or None without any."""
        return self.points[0][1] if self.points else None

    @property
    def latest(self) -> float | None:
        """The latest score, or None without any."""
        return self.points[-1][1] if self.points else None

    @property
    def change(self) -> float | None:
        """Latest minus first; None until there are two weeks."""
        if len(self.points) < 2:
            return None
        return round(self.points[-1][1] - self.points[0][1], 2)

    @property
    def verdict(self) -> WeeklyVerdict | None:
        """Better or worse by more than the measure's error, or within it; None before two."""
        change = self.change
        if change is None:
            return None
        gain = -change if self.lower_is_better else change
        if gain > self.error:
            return "better"
        if gain < -self.error:
            return "worse"
        return "within"


@dataclass(frozen=True)
class WeeklySummary:
    """Everything Progress, the guide and the PDF show of the weekly answers."""

    sbi: WeeklyTrend
    sfi: WeeklyTrend
    psfs: WeeklyTrend
    activities: tuple[WeeklyTrend, ...]

    @property
    def empty(self) -> bool:
        """True when no week has a total or an activity rating yet."""
        return not (self.sbi.points or self.sfi.points or self.psfs.points)

    @property
    def indices(self) -> tuple[WeeklyTrend, ...]:
        """The two symptom totals, then the activities' mean."""
        return (self.sbi, self.sfi, self.psfs)


def totals(answers: Sequence[dict], scale: str) -> list[tuple[dt.date, float]]:
    """Each week's 0-24 total on one scale, only for weeks with all four items answered."""
    by_day: dict[dt.date, dict[str, int]] = defaultdict(dict)
    for row in answers:
        if row.get(scale) is not None:
            by_day[row["day"]][row["item"]] = int(row[scale])
    return [
        (day, float(sum(scores.values())))
        for day, scores in sorted(by_day.items())
        if set(scores) >= set(items.ITEM_KEYS)
    ]


def activity_means(ratings: Sequence[dict]) -> list[tuple[dt.date, float]]:
    """Each week's mean rating over the activities rated that week (the PSFS score)."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for row in ratings:
        by_day[row["day"]].append(int(row["rating"]))
    return [(day, round(sum(v) / len(v), 2)) for day, v in sorted(by_day.items())]


def summarise(
    answers: Sequence[dict], ratings: Sequence[dict], activities: Sequence[object]
) -> WeeklySummary:
    """The weekly scores from stored rows (storage.weekly_answers, activity_ratings, ...)."""
    sbi, sfi = (items.scale(key) for key in ("bothersome", "frequency"))

    def index(scale: items.WeeklyScale) -> WeeklyTrend:
        points = tuple(totals(answers, scale.key))
        return WeeklyTrend(scale.index, scale.title, points, scale.error, True, items.TOTAL_MAX)

    per_activity = []
    for activity in activities:
        points = tuple(
            (r["day"], float(r["rating"]))
            for r in ratings
            if r["activity_id"] == activity.activity_id
        )
        if points:
            per_activity.append(
                WeeklyTrend(
                    f"activity {activity.activity_id}",
                    activity.name,
                    points,
                    items.PSFS_ERROR,
                    False,
                    items.RATING_MAX,
                )
            )
    psfs = WeeklyTrend(
        "PSFS",
        "Your activities (mean)",
        tuple(activity_means(ratings)),
        items.PSFS_ERROR,
        False,
        items.RATING_MAX,
    )
    return WeeklySummary(index(sbi), index(sfi), psfs, tuple(per_activity))


def weekly_summary(conn: object, owner: str) -> WeeklySummary:
    """The owner's weekly scores, read from the journal (example rows included, as on Progress)."""
    from recovery import storage  # storage imports the signs registry; kept out of import time

    return summarise(
        storage.weekly_answers(conn, owner),
        storage.activity_ratings(conn, owner),
        storage.activities(conn, owner),
    )
