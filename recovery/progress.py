"""The words of the progress page: headline, periods, values and what is still needed."""

from __future__ import annotations

import datetime as dt

from recovery.analysis import MIN_CHECKINS, Comparison, SignResult, format_change, format_value
from recovery.signs import SIGNS, Sign
from recovery.text import days_ago

EXPLAIN_VERDICTS = (
    "Each sign compares the average of your first week of check-ins (your baseline) with "
    "the average of your latest 7 days. \"Improving\" means the change passes that sign's "
    "threshold: for leg pain a fall of at least 2 points or 30 % (Ostelo et al., Spine "
    "2008); for the others the app's own rule, shown on each card. At least "
    f"{MIN_CHECKINS} check-ins in each week are needed for a verdict."
)

CHART_KEY = (
    "How to read the charts: dots are single days, the solid line is the 7-day average, "
    "the dashed grey line is your baseline and the dotted green line is the level that "
    "would count as improving."
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


def headline(comparison: Comparison) -> str:
    """'Improving in 6 of 7 signs', or what the page is waiting for."""
    if comparison.days_logged == 0:
        return "No check-ins yet"
    if not comparison.has_verdicts:
        return "Not enough check-ins for a verdict yet"
    return f"Improving in {comparison.improving_count} of {len(SIGNS)} signs"


def summary_line(comparison: Comparison, today: dt.date | None = None) -> str:
    """Days logged, the periods compared and how long ago the last check-in was."""
    if comparison.last_day is None:
        return ""
    days = f"{comparison.days_logged} day{'' if comparison.days_logged == 1 else 's'} logged"
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
    change = format_change(measure, result.change, result.change_pct)
    return f"First week **{before}** \u2192 latest 7 days **{after}** ({change})"


def pain_free_line(comparison: Comparison) -> str:
    """Pain-free days (no flare-ups, leg pain 0 or 1) in the two periods compared."""
    if comparison.recent_start is None:
        return ""
    return (
        f"Pain-free days (no flare-ups and leg pain 0 or 1): {comparison.pain_free_baseline} in "
        f"your first week, {comparison.pain_free_recent} in your latest 7 days."
    )
