"""The words around red flags: what was reported and when, and answers nobody gave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from recovery.text import days_ago, long_date
from recovery.text.numbers import plural

if TYPE_CHECKING:  # types only
    from recovery.analysis.red_flags import ReportedFlags

NOT_ASKED = "Not asked"


def reported_flags(reports: Sequence[ReportedFlags], today: dt.date) -> str:
    """What the journal holds lately, newest first: 'On Tuesday 24 November 2026 (yesterday)
    you reported: leg weakness that is quickly getting worse.'"""
    if not reports:
        return ""
    newest = reports[0]
    when = days_ago(newest.day, today)
    said = "; ".join(flag.question.lower() for flag in newest.flags)
    sentence = f"On {long_date(newest.day)} ({when}) you reported: {said}."
    if len(reports) > 1:
        others = len(reports) - 1
        sentence += (
            f" You reported a red flag on {others} other day{'s' if others != 1 else ''} "
            "this week too."
        )
    return sentence


def asked_summary(asked: int, total: int, reported: int) -> str:
    """How often the red-flag questions were answered, and with what: 'Red flags: asked on 12
    of 28 days; none reported.' Days nobody was asked (an import without them) are not "no"."""
    if total == 0:
        return "Red flags: no check-ins in this period."
    if asked == 0:
        return f"Red flags: not asked on any of the {plural(total, 'day')} in this period."
    head = (
        f"asked on all {plural(total, 'day')}"
        if asked == total
        else f"asked on {asked:,} of {plural(total, 'day')}"
    )
    tail = "none reported" if reported == 0 else f"reported on {plural(reported, 'day')}"
    return f"Red flags: {head}; {tail}."
