"""The weekly questions: four sciatica symptoms rated for bothersomeness and frequency.

The one place the weekly items are defined; the form, storage checks, export, FHIR
Questionnaires and wording derive from it. The structure and scales are those of the Sciatica
Bothersomeness and Frequency Indices (Patrick et al., Spine 1995; Grøvle et al., 2008); the
question wording is this app's own. The person's own activities follow the structure of the
Patient-Specific Functional Scale (Stratford et al., Physiotherapy Canada 1995).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class WeeklyItem:
    """One symptom asked about once a week, twice: how bothersome, and how often."""

    key: str  # stored in weekly_answers.item; a plain identifier
    label: str  # short name for charts and tables
    symptom: str  # fits "In the last week, how bothersome was ..."


@dataclass(frozen=True)
class WeeklyScale:
    """One of the two 0-6 scales, with a word for each point."""

    key: str  # "bothersome" or "frequency": the stored column
    index: str  # the total's short name, e.g. "SBI"
    title: str  # the total's name in words
    question: str  # with {symptom}
    anchors: tuple[str, ...]  # seven words, 0..6
    error: float  # the measure's own error (CLINICAL.md, Weekly measures)
    source: str


ITEMS: tuple[WeeklyItem, ...] = (
    WeeklyItem("leg_pain", "Leg pain", "pain in your leg"),
    WeeklyItem(
        "tingling", "Numbness or tingling", "numbness or tingling in your leg, foot or toes"
    ),
    WeeklyItem("weakness", "Weakness", "weakness in your leg or foot"),
    WeeklyItem("sitting_pain", "Pain when sitting", "back or leg pain while you sat"),
)
ITEM_KEYS: tuple[str, ...] = tuple(item.key for item in ITEMS)

SCALES: tuple[WeeklyScale, ...] = (
    WeeklyScale(
        "bothersome",
        "SBI",
        "Weekly bothersomeness",
        "Over the last 7 days, how much did {symptom} bother you?",
        ("not at all", "hardly", "a little", "somewhat", "quite a lot", "very much", "extremely"),
        5.0,
        "Patrick et al., Spine 1995; measurement error about 5 points, Grøvle et al., 2008",
    ),
    WeeklyScale(
        "frequency",
        "SFI",
        "Weekly frequency",
        "Over the last 7 days, how often did you have {symptom}?",
        (
            "never",
            "rarely",
            "now and then",
            "about half the time",
            "often",
            "nearly always",
            "always",
        ),
        6.5,
        "Patrick et al., Spine 1995; measurement error about 6.5 points, Grøvle et al., 2008",
    ),
)
SCALE_KEYS: tuple[str, ...] = tuple(scale.key for scale in SCALES)
SCALE_MAX = 6
TOTAL_MAX = SCALE_MAX * len(ITEMS)  # 24

# The person's own activities (PSFS structure): up to three, each rated 0..10 weekly.
MAX_ACTIVITIES = 3
# Retired ones included: years of changing activities fit, a visitor cannot fill the store.
MAX_ACTIVITIES_EVER = 100
ACTIVITY_NAME_MAX = 60
RATING_MAX = 10
ACTIVITY_QUESTION = "How well can you do this now?"
ACTIVITY_ANCHORS = ("0 = cannot do it at all", "10 = as well as before the sciatica")
# Meaningful change in the mean rating: 1.3 small, 2.3 medium, 2.7 large (Abbott and Schmitt,
# JOSPT 2014). The medium figure is the band: a change smaller than it is not called real.
PSFS_ERROR = 2.3
PSFS_SOURCE = (
    "Stratford et al., Physiotherapy Canada 1995; change of 2.3 points, Abbott and Schmitt, "
    "JOSPT 2014"
)

# The weekly questions come back once this many days have passed since the last answers.
DUE_AFTER_DAYS = 7
# Or on a day of the week the person chooses (kept in settings; unset: any day), once at
# least this many days have passed, so that choosing a day never asks twice in a few days.
WEEKDAY_SETTING = "weekly_day"
MIN_GAP_DAYS = 4
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def due_on(last: dt.date | None, today: dt.date, weekday: int | None = None) -> bool:
    """True when the weekly questions are due: never answered, 7 days or more since, or the
    chosen weekday (0 Monday) has come round since the last answers, MIN_GAP_DAYS or more ago.
    """
    if last is None:
        return True
    gap = (today - last).days
    if gap >= DUE_AFTER_DAYS:
        return True
    if weekday is None:
        return False
    latest = today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    return latest > last and gap >= MIN_GAP_DAYS


def scale(key: str) -> WeeklyScale:
    """The scale with this key ('bothersome' or 'frequency')."""
    return next(s for s in SCALES if s.key == key)
