"""The weekly questions' wording: the section title, verdicts in words, and their sources."""

from __future__ import annotations

from recovery.analysis.weekly import WeeklySummary, WeeklyTrend
from recovery.signs import weekly as items
from recovery.text.numbers import plural

SECTION_TITLE = "Weekly questions (under a minute)"
CHANGE_TITLE = "Change today's weekly answers"
INTRO = (
    "Once a week: how much four sciatica symptoms bothered you, and how often you had them, "
    "over the last 7 days. Tap a number for each; skip any you like. The structure is that "
    "of the Sciatica Bothersomeness and Frequency Indices (Patrick et al., Spine 1995)."
)
ACTIVITIES_INTRO = (
    "Up to three things the sciatica makes hard for you (for example "
    "“put on socks” or “sit through a film”). Name them once, then rate each week how well "
    "you can do them, from 0 (cannot do it) to 10 (as well as before). Following the "
    "Patient-Specific Functional Scale (Stratford et al., Physiotherapy Canada 1995)."
)
NOT_DUE = "You answered the weekly questions on {day}; they come back on {next_day}."
PROGRESS_TITLE = "Weekly scores"
PROGRESS_EMPTY = (
    "No weekly answers yet. When the weekly questions are due, the daily check-in offers "
    "them in a folded section, “Weekly questions”: open it, answer, and save."
)
EXPLAIN = (
    "Each weekly measure has its own measurement error: a change smaller than it can come "
    "from answering a little differently on another day. Bothersomeness total (0-24, lower "
    "is better): about 5 points; frequency total (0-24): about 6.5 points (Grøvle et al., "
    "2008). Your activities' mean (0-10, higher is better): 2.3 points, the middle of the "
    "published figures for a meaningful change (1.3, 2.3 and 2.7; Abbott and Schmitt, JOSPT "
    "2014). A verdict compares your latest week with your first; the shaded band on each "
    "chart is your first week's score give or take that error."
)

VERDICT_WORDS = {
    "better": "better by more than the measure's own error",
    "within": "within the measure's error",
    "worse": "worse by more than the measure's own error",
}


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def trend_line(trend: WeeklyTrend) -> str:
    """'First 14, latest 6, change −8: better by more than the measure's own error (5 points).'"""
    if not trend.points:
        return "No answers yet."
    first, latest = _number(trend.first), _number(trend.latest)
    if trend.change is None:
        return (
            f"One week so far: {latest} of {_number(trend.maximum)}. A second week gives a change."
        )
    sign = "+" if trend.change > 0 else "−" if trend.change < 0 else "±"
    change = f"{sign}{_number(abs(trend.change))}"
    return (
        f"First {first}, latest {latest} (of {_number(trend.maximum)}), change {change} over "
        f"{plural(len(trend.points), 'week')}: {VERDICT_WORDS[trend.verdict]} "
        f"({_number(trend.error)} points)."
    )


def headline(summary: WeeklySummary) -> str:
    """One line for the guide and the PDF: the bothersomeness total and its verdict."""
    return f"Weekly bothersomeness (0-24): {trend_line(summary.sbi)}"


def scale_caption(scale: items.WeeklyScale) -> str:
    """The anchor words of a 0-6 scale: '0 not at all · 3 somewhat · 6 extremely'."""
    return " · ".join(f"{n} {scale.anchors[n]}" for n in (0, 3, 6))
