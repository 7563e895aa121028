"""Whether a change is bigger than this person's own day-to-day ups and downs.

A sign's change is the difference between two 7-day means (the first week and the latest
days). How much such a mean moves by chance comes from the person's own days in those two
windows (CLINICAL.md, "Noise"): the spread of each day around its window's mean, and how
much one day resembles the next (the lag-1 autocorrelation ``phi``). With days alike from
one to the next, a week holds fewer independent days: the variance of a mean of n days is
that of n / f(n, phi) independent ones (the AR(1) formula in ``mean_variance_factor``),
which the spread within a short window also understates, by (n - f) / (n - 1), corrected
here. ``phi`` is estimated from the windows' consecutive days (centring within a window
biases it by about -1/n, added back) and never taken below PHI_FLOOR: a week or two can
look independent by chance, and an interval trusting that would be too narrow. The
interval is the difference +- Student's t (97.5 %, the pooled degrees of freedom) times its
standard error; "beyond noise" means it leaves out zero.

Calibration (tests/test_noise_calibration.py), on simulated 6-week leg-pain journals of
whole numbers 0-10, AR(1) noise with phi 0.3 and standard deviation 0.8 points: 3.7 % of
1,000 flat journals are called beyond noise (at most 5 % required), and 80.3 % of 1,000
journals whose weekly means fall by 2 points (at least 80 % required). With independent
days, 1.1 % of flat journals; with phi 0.5 (standard deviation 0.9), 8.8 %: stronger
day-to-day correlation than the floor makes false alarms likelier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from recovery.analysis.rules import MIN_CHECKINS

PHI_FLOOR = 0.3
# Student's t, 97.5 % quantile, by degrees of freedom (two windows of 3-7 days: 4-12).
_T_975 = {
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    11: 2.201,
    12: 2.179,
}


@dataclass(frozen=True)
class NoiseBand:
    """A change between two 7-day means with its 95 % interval, from the person's own days."""

    difference: float
    low: float
    high: float
    sd: float  # the estimated day-to-day standard deviation
    phi: float  # the lag-1 autocorrelation used

    @property
    def beyond_noise(self) -> bool:
        """True when the interval leaves out zero: bigger than the usual ups and downs."""
        return self.low > 0 or self.high < 0

    @property
    def margin(self) -> float:
        """Half the interval's width: how far the difference could move by chance."""
        return (self.high - self.low) / 2


def mean_variance_factor(n: int, phi: float) -> float:
    """How much more a mean of n consecutive AR(1) days varies than one of independent days."""
    return 1 + 2 * sum((1 - k / n) * phi**k for k in range(1, n))


def _t_quantile(degrees: int) -> float:
    return _T_975.get(degrees, 1.96 if degrees > 12 else math.inf)


def noise_band(baseline: Sequence[float], recent: Sequence[float]) -> NoiseBand | None:
    """The recent minus the baseline mean with its 95 % interval; None with too few days.

    Each window's values are its logged days in order (missing days are skipped).
    """
    windows = [np.asarray(values, dtype=float) for values in (baseline, recent)]
    if any(len(values) < MIN_CHECKINS for values in windows):
        return None
    deviations = [values - values.mean() for values in windows]
    squares = sum(float(d @ d) for d in deviations)
    pairs = sum(float(d[1:] @ d[:-1]) for d in deviations)
    count = sum(len(values) for values in windows)
    degrees = count - len(windows)
    phi = PHI_FLOOR
    if squares > 0:
        lag1 = (pairs / (count - len(windows))) / (squares / count)
        phi = min(0.9, max(PHI_FLOOR, lag1 + 1 / max(len(v) for v in windows)))
    # The spread within each window, corrected for what centring on its own mean hides.
    hidden = (
        sum(len(values) - mean_variance_factor(len(values), phi) for values in windows) / degrees
    )
    variance = squares / degrees / hidden if squares else 0.0
    error = math.sqrt(variance * sum(mean_variance_factor(len(v), phi) / len(v) for v in windows))
    difference = float(windows[1].mean() - windows[0].mean())
    half = _t_quantile(degrees) * error
    return NoiseBand(difference, difference - half, difference + half, math.sqrt(variance), phi)
