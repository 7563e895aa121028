"""The weekly bothersomeness total's part in the recovery stage (the app's own convention).

The daily rules (stage.py) decide first. Then, when the weekly bothersomeness total (0-24,
SBI structure) has at least two weeks and the latest is from the last 14 days, its change
since the first week, judged against its measurement error (about 5 points; Grøvle et al.,
2008), adjusts the stage: worse by more than the error turns "early", "improving" or "last
stage" into "getting worse"; better by more than the error turns "early" into "improving".
Otherwise the daily stage stands. Without weekly answers nothing changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from recovery.analysis.weekly import WeeklySummary, WeeklyTrend
from recovery.text import guide
from recovery.text.weekly import trend_line

RECENT_DAYS = 14
RULE = (
    "When you answer the weekly questions: with at least two weeks of the weekly "
    "bothersomeness total (0-24), the latest from the last 14 days, a total worse than your "
    "first by more than its measurement error (about 5 points; Grøvle et al., 2008) makes an "
    "early, improving or last stage “getting worse”, and one better by more than the error "
    "makes an early stage “improving”. Otherwise the daily rules' stage stands."
)


def _recent(trend: WeeklyTrend, today: dt.date) -> WeeklyTrend | None:
    points = tuple(p for p in trend.points if p[0] <= today)
    if len(points) < 2 or (today - points[-1][0]).days > RECENT_DAYS:
        return None
    return dataclasses.replace(trend, points=points)


def adjust(
    estimate: object, summary: WeeklySummary, today: dt.date, titles: dict[str, str]
) -> object:
    """The stage estimate with the weekly bothersomeness total's rule applied (see RULE).

    ``titles`` are the stages' names (stage.TITLES; passed in, as stage imports this module).
    """
    sbi = _recent(summary.sbi, today)
    if sbi is None:
        return estimate

    line = f"Weekly bothersomeness: {trend_line(sbi)}"
    key = estimate.key
    if sbi.verdict == "worse" and key in ("early", "improving", "last_stage"):
        key = "worsening"
    elif sbi.verdict == "better" and key == "early":
        key = "improving"
    if key == estimate.key:
        return dataclasses.replace(estimate, explanation=f"{estimate.explanation} {line}")
    return dataclasses.replace(
        estimate,
        key=key,
        title=titles[key],
        explanation=f"{line} The daily check-ins alone say “{estimate.title}”: "
        f"{estimate.explanation}",
        next_steps=guide.keyed_texts("stages")[key],
    )
