"""The verdict rules: when a change between two windows of days counts, and which way.

A sign is judged by comparing the mean of its first 7 days (the baseline) with the mean of
its latest 7 days, against the threshold the registry gives it; fewer than MIN_CHECKINS
check-ins in either window gives no verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from recovery.signs import MEASURES_BY_COLUMN, Better, Measure, Threshold

# "looks_better": the threshold is met, but not beyond the person's ups and downs (compare).
Verdict = Literal["improved", "looks_better", "no_change", "worse", "insufficient_data"]
MIN_CHECKINS = 3  # per window, below which there is no verdict (the app's convention)
WINDOW_DAYS = 7

# Float means of whole numbers (13/7...) must not miss a threshold they meet exactly.
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class MeasureChange:
    """A secondary measure's baseline and recent means, where it was logged (no verdict)."""

    column: str
    baseline: float | None
    recent: float | None
    n_baseline: int
    n_recent: int


def _criteria(amount: float, percent: float, threshold: Threshold) -> bool:
    """Whether a move of ``amount`` points (``percent`` of baseline) meets the threshold."""
    tests = []
    if threshold.points is not None:
        tests.append(amount + _TOLERANCE >= threshold.points)
    if threshold.percent is not None:
        tests.append(percent + _TOLERANCE >= threshold.percent)
    if not tests:
        return False
    return all(tests) if threshold.need_both else any(tests)


def judge(
    baseline: float | None,
    recent: float | None,
    threshold: Threshold,
    better: Better,
    n_baseline: int,
    n_recent: int,
) -> Verdict:
    """The verdict for one measure: the same threshold decides better and worse.

    Percentages are of the baseline; from a baseline of 0 any move is an unlimited
    percentage, so the points part of a rule (if any) decides.
    """
    if n_baseline < MIN_CHECKINS or n_recent < MIN_CHECKINS or baseline is None or recent is None:
        return "insufficient_data"
    gain = (baseline - recent) if better == "lower" else (recent - baseline)
    if baseline:
        gain_pct = gain / abs(baseline) * 100
    else:
        gain_pct = math.copysign(math.inf, gain) if gain else 0.0
    if _criteria(gain, gain_pct, threshold):
        return "improved"
    if _criteria(-gain, -gain_pct, threshold):
        return "worse"
    return "no_change"


def improvement_target(
    baseline: float | None, threshold: Threshold, measure: Measure
) -> float | None:
    """The level the recent mean must reach to count as improved; None when out of reach."""
    if baseline is None:
        return None
    direction = -1 if measure.better == "lower" else 1
    levels = []
    if threshold.points is not None:
        levels.append(baseline + direction * threshold.points)
    if threshold.percent is not None:
        levels.append(baseline + direction * abs(baseline) * threshold.percent / 100)
    if not levels:
        return None
    # Either rule is enough: the easier level counts; both needed: the harder one does.
    easier = max if direction < 0 else min
    harder = min if direction < 0 else max
    target = harder(levels) if threshold.need_both else easier(levels)
    low = measure.minimum if measure.minimum is not None else -math.inf
    high = measure.maximum if measure.maximum is not None else math.inf
    out_of_scale = target < low - _TOLERANCE or target > high + _TOLERANCE
    if out_of_scale or abs(target - baseline) < _TOLERANCE:
        return None
    return target


def secondary_verdict(change: MeasureChange) -> Verdict:
    """A secondary measure's own verdict, by its threshold in the registry (if it has one)."""
    measure = MEASURES_BY_COLUMN[change.column]
    if measure.threshold is None or measure.better is None:
        return "insufficient_data"
    return judge(
        change.baseline,
        change.recent,
        measure.threshold,
        measure.better,
        change.n_baseline,
        change.n_recent,
    )
