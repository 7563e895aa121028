"""The words of the progress page: headline, periods, values and what is still needed."""

from __future__ import annotations

import datetime as dt

from recovery.analysis.compare import Comparison, SignResult
from recovery.analysis.rules import MIN_CHECKINS
from recovery.references import cite
from recovery.signs import MEASURES_BY_COLUMN, SIGNS, Sign
from recovery.text import days_ago
from recovery.text.numbers import join_words, plural
from recovery.text.signs import format_change, format_value, sign_names
from recovery.text.verdicts import VERDICT_LABELS

EXPLAIN_VERDICTS = (
    "Each sign compares the average of your first week of check-ins (your baseline) with "
    'the average of your latest 7 days. "Improving" means the change passes that sign\'s '
    f"threshold: for leg pain a fall of at least 2 points or 30 % ({cite('ostelo2008')}); "
    "for the others the app's own rule, shown on each card. At least "
    f"{MIN_CHECKINS} check-ins in each week are needed for a verdict."
)


def _scales() -> str:
    """What the charts' numbers are, from each primary measure's scale in the registry."""
    rated = [s.primary for s in SIGNS if s.primary.kind == "scale"]
    parts = []
    if rated:
        # Every rating in the registry shares one scale; the key names its ends.
        low, high = (f"{value:g}" for value in (rated[0].minimum, rated[0].maximum))
        names = join_words([m.label.lower() for m in rated])
        parts.append(f"{names[0].upper()}{names[1:]} are rated from {low} to {high}")
    for the_sign in SIGNS:
        if the_sign.primary.kind == "count":
            parts.append(f"{the_sign.short_title.lower()} are counted per day")
        elif the_sign.primary.kind == "minutes":
            parts.append(f"{the_sign.short_title.lower()} is in minutes")
    return "; ".join(parts) + "."


CHART_KEY = (
    "How to read the charts: grey dots are single days, the solid blue line is the 7-day "
    "average (once 3 of those days are logged), the dashed grey line is your baseline and "
    "the dotted green line is the level that would count as improving, and the shaded band "
    "around your baseline shows your usual ups and downs: a 7-day average inside it is not "
    "yet a clear change. " + _scales()
)


def short_date(day: dt.date) -> str:
    """A compact date: '23 Nov 2026'."""
    return f"{day.day} {day:%b %Y}"


def span(first: dt.date, last: dt.date) -> str:
    """Two dates as a period: '1-7 Sep 2026', '28 Sep-4 Oct 2026'."""
    if first == last:
        return short_date(first)
    if first.year != last.year:
        return f"{short_date(first)} \u2013 {short_date(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%b} \u2013 {short_date(last)}"
    return f"{first.day}\u2013{short_date(last)}"


def _signs_with(comparison: Comparison, verdict: str) -> tuple[str, ...]:
    return tuple(s.key for s in SIGNS if comparison.signs[s.key].verdict == verdict)


_NOT_YET = ("looks_better", "no_change")


def _count_signs(number: int) -> str:
    return "all seven signs" if number == len(SIGNS) else f"{number} sign{'s'[: number != 1]}"


def headline(comparison: Comparison) -> str:
    """The page's headline: the signs that are worse first, then improving and lagging ones."""
    if comparison.days_logged == 0:
        return "No check-ins yet"
    if not comparison.has_verdicts:
        return "Not enough check-ins for a verdict yet"
    worse = _signs_with(comparison, "worse")
    if worse:
        names = "" if len(worse) == len(SIGNS) else f": {sign_names(worse)}"
        return f"Worse in {_count_signs(len(worse))}{names}"
    improving = comparison.improving_count
    lagging = tuple(
        key for key in (s.key for s in SIGNS) if comparison.signs[key].verdict in _NOT_YET
    )
    if improving == len(SIGNS):
        return "Improving in all seven signs"
    if improving == 0:
        return f"No clear change yet in {sign_names(lagging)}" if lagging else "No verdict yet"
    not_yet = f"; not yet in {sign_names(lagging)}" if lagging else ""
    return f"Improving in {improving} of {len(SIGNS)} signs{not_yet}"


def verdict_names(comparison: Comparison) -> str:
    """Which signs got each verdict, worse first: 'Getting worse: walking · Improving: ...'."""
    order = ("worse", "improved", "looks_better", "no_change", "insufficient_data")
    parts = []
    for verdict in order:
        keys = _signs_with(comparison, verdict)
        if keys:
            names = "all seven signs" if len(keys) == len(SIGNS) else sign_names(keys)
            parts.append(f"{VERDICT_LABELS[verdict]}: {names}")
    # One verdict for every sign is already the headline's whole message.
    return " \u00b7 ".join(parts) if len(parts) > 1 else ""


def summary_line(comparison: Comparison, today: dt.date | None = None) -> str:
    """Days logged, the periods compared and how long ago the last check-in was."""
    if comparison.last_day is None:
        return ""
    days = f"{plural(comparison.days_logged, 'day')} logged"
    ago = days_ago(comparison.last_day, today)
    last = f"last check-in {short_date(comparison.last_day)} ({ago})"
    if comparison.recent_start is None or comparison.baseline_start is None:
        return f"{days}; {last}."
    assert comparison.baseline_end is not None and comparison.recent_end is not None
    return (
        f"{days}. Comparing {span(comparison.baseline_start, comparison.baseline_end)} "
        f"with {span(comparison.recent_start, comparison.recent_end)}; {last}."
    )


def needed_message(comparison: Comparison) -> str:
    """What to log before a verdict is possible, in plain words."""
    needed = comparison.checkins_needed
    plural = "" if needed == 1 else "s"
    text = (
        f"Log {needed} more day{plural} to see a verdict. Each sign compares your first week "
        f"with your latest 7 days, and each needs at least {MIN_CHECKINS} check-ins."
    )
    earliest = comparison.earliest_verdict_day
    if earliest is not None and comparison.recent_start is None:
        text += f" With a check-in every day, the first verdict comes on {short_date(earliest)}."
    return text


def values_line(the_sign: Sign, result: SignResult) -> str:
    """Baseline to recent with the change: 'First week 5.9 → latest 7 days 0.6 (−5.3, −90 %)'."""
    measure = the_sign.primary
    if result.baseline is None:
        return "No check-ins in the baseline week."
    before = format_value(measure, result.baseline)
    if result.recent is None:
        return f"First week {before}; no check-ins since."
    after = format_value(measure, result.recent)
    change = format_change(measure, result.baseline, result.recent, result.change_pct)
    return f"First week **{before}** \u2192 latest 7 days **{after}** ({change})"


def pain_free_line(comparison: Comparison) -> str:
    """Pain-free days (no flare-ups, leg pain 0 or 1) in the two periods compared."""
    if comparison.recent_start is None:
        return ""
    before = comparison.pain_free_baseline or "none"
    after = comparison.pain_free_recent or "none"
    return (
        f"Pain-free days (no flare-ups and leg pain 0 or 1): {before} in your first week, "
        f"{after} in your latest 7 days."
    )


def secondary_line(result: SignResult) -> str:
    """The optional measures logged in both periods: 'Also logged: back pain 4.4 → 1.1.'"""
    parts = []
    for change in result.secondary:
        if change.baseline is None or change.recent is None:
            continue
        measure = MEASURES_BY_COLUMN[change.column]
        unit = f" {measure.unit}" if measure.kind in ("decimal", "count") and measure.unit else ""
        parts.append(
            f"{measure.label.lower()} {format_value(measure, change.baseline)} \u2192 "
            f"{format_value(measure, change.recent)}{unit}"
        )
    if not parts:
        return ""
    return "Also logged, first week \u2192 latest 7 days: " + "; ".join(parts) + "."


def medicine_line(taken: object) -> str:
    """The days each medicine was taken in the charts' range, in one line (empty if none).

    ``taken`` is analysis.flares.medicine_days: a record of what the person noted, no advice.
    """
    answered = taken[taken["taken"].astype(bool)] if len(taken) else taken
    if not len(answered):
        return ""
    counts = answered.groupby("medicine")["day"].nunique().sort_index()
    parts = [f"{name} on {plural(int(days), 'day')}" for name, days in counts.items()]
    return "Medicines taken in this range: " + join_words(parts) + "."
