"""Where you stand: a recovery stage estimated from the journal with documented rules.

The rules are the app's own convention (no validated staging of sciatica recovery from home
ratings exists). They are shown on the recovery guide page, checked in this order:

1. Fewer than 3 check-ins in the last 7 days: ``insufficient_data``.
2. All seven signs at a good level (see recovery.good_level) in each of the last 4 weeks,
   with at least 3 check-ins in each week: ``recovered``.
3. Leg strength, or at least 2 signs, clearly worse than in the first week; or any sign
   worse while fewer than 3 have improved: ``worsening``. (Before the last stage and the
   data check: a sign that is clearly worse is worth saying even when few can be compared.)
4. Leg pain averaging 2 or less over the last 7 days, at least 5 of the 7 signs improved
   since the first week or at a good level, and at least 5 pain-free days in the last 7
   (no flare-ups and leg pain 1 or less, as recovery.analysis counts them): ``last_stage``.
5. Fewer than 4 signs with enough data to compare with the first week: ``insufficient_data``.
6. At least 3 signs improved and leg pain below 7 (not severe): ``improving``.
7. Otherwise: ``early``.

The weekly bothersomeness total then adjusts it (stage_weekly.RULE).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import duckdb

from recovery.analysis import stage_weekly
from recovery.analysis.compare import Comparison, compare_signs
from recovery.analysis.good_level import GOOD_LEVELS
from recovery.analysis.queries import PAIN_FREE_SQL
from recovery.analysis.weekly import weekly_summary
from recovery.analysis.worsening import SEVERAL_WORSE, STRENGTH
from recovery.signs import SIGN_KEYS, SIGNS
from recovery.text import guide
from recovery.text.numbers import plural
from recovery.text.signs import sign_names
from recovery.text.verdicts import VERDICT_LABELS

Stage = Literal["worsening", "early", "improving", "last_stage", "recovered", "insufficient_data"]
STAGES: tuple[Stage, ...] = (
    "insufficient_data",
    "worsening",
    "early",
    "improving",
    "last_stage",
    "recovered",
)

WEEK = 7
MIN_RECENT_CHECKINS = 3
RECOVERED_WEEKS = 4
LAST_STAGE_MAX_PAIN = 2.0
LAST_STAGE_MIN_SIGNS = 5
LAST_STAGE_MIN_PAIN_FREE = 5
MIN_COMPARED_SIGNS = 4
IMPROVING_MIN_SIGNS = 3
# 7 or more on a 0-10 pain scale is commonly read as severe pain.
SEVERE_PAIN = 7.0

TITLES: dict[Stage, str] = {
    "insufficient_data": VERDICT_LABELS["insufficient_data"],
    "worsening": VERDICT_LABELS["worse"],
    "early": "Early days",
    "improving": "Improving",
    "last_stage": "The last stage",
    "recovered": "Recovered, by the app's measures",
}

# The rules in the order they are checked: the first that fits gives the stage.
RULES: tuple[tuple[Stage, str], ...] = (
    ("insufficient_data", f"Fewer than {MIN_RECENT_CHECKINS} check-ins in the last 7 days."),
    (
        "recovered",
        f"All seven signs at a good level in each of the last {RECOVERED_WEEKS} "
        f"weeks (at least {MIN_RECENT_CHECKINS} check-ins in each week).",
    ),
    (
        "worsening",
        f"Leg strength, or at least {SEVERAL_WORSE} signs, clearly worse than in your first "
        f"week; or any sign worse while fewer than {IMPROVING_MIN_SIGNS} have improved.",
    ),
    (
        "last_stage",
        f"Leg pain averaging {LAST_STAGE_MAX_PAIN:g} or less over the last 7 days, "
        f"at least {LAST_STAGE_MIN_SIGNS} of the 7 signs improved or at a good level, and at "
        f"least {LAST_STAGE_MIN_PAIN_FREE} pain-free days (no flare-ups and leg pain 1 or less) "
        "in the last 7.",
    ),
    (
        "insufficient_data",
        f"Fewer than {MIN_COMPARED_SIGNS} of the seven signs have enough "
        "check-ins in your first week and in the last 7 days to compare.",
    ),
    (
        "improving",
        f"At least {IMPROVING_MIN_SIGNS} signs improved since your first week, and "
        f"leg pain averaging below {SEVERE_PAIN:g} (not severe).",
    ),
    (
        "early",
        "Anything else: leg pain still severe, or fewer than "
        f"{IMPROVING_MIN_SIGNS} signs improved so far.",
    ),
)

_PRIMARY = [s.primary.column for s in SIGNS]
# Week 0 is the 7 days ending today, week 1 the 7 before, and so on.
WEEKLY_SQL = (
    "SELECT CAST(floor(date_diff('day', day, ?) / 7) AS INTEGER) AS week, count(*) AS days, "
    "count(*) FILTER (WHERE "
    + PAIN_FREE_SQL
    + ") AS pain_free, "
    + ", ".join(f"avg({c})" for c in _PRIMARY)
    + " "
    "FROM checkins WHERE owner = ? AND day <= ? AND day > ? "
    "GROUP BY week ORDER BY week"
)


@dataclass(frozen=True)
class Week:
    """One 7-day block: how many check-ins, pain-free days and the mean of each sign."""

    index: int
    days: int
    pain_free_days: int
    means: dict[str, float | None]

    @property
    def good_signs(self) -> list[str]:
        """The keys of the signs whose mean is at a good level this week."""
        return [key for key in SIGN_KEYS if GOOD_LEVELS[key].is_good(self.means.get(key))]


@dataclass(frozen=True)
class StageEstimate:
    """The estimated stage, why (from the data), what typically comes next, and the numbers."""

    key: Stage
    title: str
    explanation: str
    next_steps: str
    today: dt.date
    recent_checkins: int
    recent_leg_pain: float | None
    pain_free_days: int
    improved: tuple[str, ...] = ()
    worse: tuple[str, ...] = ()
    good_level: tuple[str, ...] = ()
    compared: int = 0
    weeks_all_good: int = 0
    reasons: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sign_detail(self) -> str:
        """Which signs improved and which are at a good level, in words ('' without data)."""
        if self.recent_checkins < MIN_RECENT_CHECKINS:
            return ""
        worse = f"Worse than your first week: {_names(self.worse)}. " if self.worse else ""
        return (
            f"{worse}Improved since your first week: {_names(self.improved)}. "
            f"At a good level now: {_names(self.good_level)}."
        )

    @property
    def improved_or_good(self) -> tuple[str, ...]:
        """Signs that improved or are at a good level, in registry order."""
        both = set(self.improved) | set(self.good_level)
        return tuple(key for key in SIGN_KEYS if key in both)


def _weeks(conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date) -> dict[int, Week]:
    oldest = today - dt.timedelta(days=RECOVERED_WEEKS * WEEK)
    with conn.cursor() as cur:
        rows = cur.execute(WEEKLY_SQL, [today, owner, today, oldest]).fetchall()
    weeks = {}
    for row in rows:
        means = {
            key: (None if value is None else float(value))
            for key, value in zip(SIGN_KEYS, row[3:], strict=True)
        }
        weeks[int(row[0])] = Week(int(row[0]), int(row[1]), int(row[2]), means)
    return weeks


def _names(keys: tuple[str, ...] | list[str]) -> str:
    return sign_names(keys)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _how_many(number: int) -> str:
    return "none" if number == 0 else f"only {number}"


def decide(weeks: dict[int, Week], verdicts: dict[str, str], today: dt.date) -> StageEstimate:
    """Apply the stage rules to the weekly numbers and the per-sign verdicts."""
    recent = weeks.get(0, Week(0, 0, 0, {}))
    leg_pain = recent.means.get("pain")
    improved = tuple(k for k in SIGN_KEYS if verdicts.get(k) == "improved")
    worse = tuple(k for k in SIGN_KEYS if verdicts.get(k) == "worse")
    compared = sum(
        1 for k in SIGN_KEYS if verdicts.get(k, "insufficient_data") != "insufficient_data"
    )
    good = tuple(recent.good_signs)
    all_good_weeks = sum(
        1
        for i in range(RECOVERED_WEEKS)
        if i in weeks
        and weeks[i].days >= MIN_RECENT_CHECKINS
        and len(weeks[i].good_signs) == len(SIGN_KEYS)
    )

    def estimate(key: Stage, explanation: str) -> StageEstimate:
        return StageEstimate(
            key=key,
            title=TITLES[key],
            explanation=explanation,
            next_steps=guide.keyed_texts("stages")[key],
            today=today,
            recent_checkins=recent.days,
            recent_leg_pain=leg_pain,
            pain_free_days=recent.pain_free_days,
            improved=improved,
            worse=worse,
            good_level=good,
            compared=compared,
            weeks_all_good=all_good_weeks,
        )

    if recent.days < MIN_RECENT_CHECKINS:
        return estimate(
            "insufficient_data",
            (
                f"There {'is' if recent.days == 1 else 'are'} "
                f"{plural(recent.days, 'check-in') if recent.days else 'no check-ins'} "
                f"in the last 7 days; the app needs at least {MIN_RECENT_CHECKINS} to estimate "
                "where you stand."
            ),
        )
    pain_words = f"Your leg pain averaged {leg_pain:.1f} out of 10 over the last 7 days"
    if all_good_weeks == RECOVERED_WEEKS:
        return estimate(
            "recovered",
            (
                f"All seven signs have been at a good level in each of the last {RECOVERED_WEEKS} "
                f"weeks. {pain_words}."
            ),
        )
    if worse and (
        len(worse) >= SEVERAL_WORSE or STRENGTH in worse or len(improved) < IMPROVING_MIN_SIGNS
    ):
        verb = "is" if len(worse) == 1 else "are"
        better = (
            f" {plural(len(improved), 'sign')} improved ({_names(improved)})."
            if improved
            else " No sign has clearly improved yet."
        )
        return estimate(
            "worsening",
            (
                f"{_capital(_names(worse))} {verb} clearly worse than in your first week."
                f"{better} {pain_words}."
            ),
        )
    improved_or_good = set(improved) | set(good)
    if (
        leg_pain <= LAST_STAGE_MAX_PAIN
        and len(improved_or_good) >= LAST_STAGE_MIN_SIGNS
        and recent.pain_free_days >= LAST_STAGE_MIN_PAIN_FREE
    ):
        logged = (
            "7 days"
            if recent.days == WEEK
            else f"{plural(recent.days, 'day')} you logged in the last 7"
        )
        behind = [key for key in SIGN_KEYS if key not in improved_or_good]
        still = f" Still catching up: {_names(behind)}." if behind else ""
        return estimate(
            "last_stage",
            (
                f"{pain_words}, {len(improved_or_good)} of the seven signs have improved or are "
                f"at a good level, and {recent.pain_free_days} of the {logged} were pain-free."
                f"{still}"
            ),
        )
    if compared < MIN_COMPARED_SIGNS:
        return estimate(
            "insufficient_data",
            (
                f"{pain_words}, but {_how_many(compared)} of the seven signs "
                f"{'has' if compared == 1 else 'have'} enough days in your first week and in "
                "the last 7 days to compare. Keep logging and the estimate will follow."
            ),
        )
    if len(improved) >= IMPROVING_MIN_SIGNS and leg_pain < SEVERE_PAIN:
        return estimate(
            "improving",
            (
                f"{len(improved)} of the seven signs have improved since your first week "
                f"({_names(improved)}). {pain_words}."
            ),
        )
    if leg_pain >= SEVERE_PAIN:
        why = f"{pain_words}: still severe."
    else:
        why = f"{pain_words}."
    if not improved:
        so_far = "No sign has clearly improved yet."
    else:
        verb = "has" if len(improved) == 1 else "have"
        so_far = (
            f"{plural(len(improved), 'sign')} of seven {verb} improved so far ({_names(improved)})."
        )
    return estimate("early", f"{why} {so_far}")


def estimate_stage(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    today: dt.date | None = None,
    comparison: Comparison | None = None,
) -> StageEstimate:
    """Estimate the owner's recovery stage from their journal, up to ``today``.

    ``comparison`` (compare_signs up to the same ``today``) saves its two queries when the
    caller already has it, as the recovery guide does for its worsening notice.
    """
    today = today or dt.date.today()
    if comparison is None:
        comparison = compare_signs(conn, owner, end=today)
    verdicts = {key: result.verdict for key, result in comparison.signs.items()}
    daily = decide(_weeks(conn, owner, today), verdicts, today)
    return stage_weekly.adjust(daily, weekly_summary(conn, owner), today, TITLES)
