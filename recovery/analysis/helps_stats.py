"""The statistics of "What helps me": the difference between days with and without a factor,
allowing for the recovery's overall trend, with a 95 % interval that allows for day-to-day
correlation, and Holm's correction.

Days are in calendar order (a gap is NaN), so "yesterday" is always the day before. The
interval is the difference +- Student's t times its standard error, and the standard error
is the independent-days one inflated for correlation (CLINICAL.md, "Noise"): when both the
outcome's leftover ups and downs (lag-1 autocorrelation ``r_e``) and the factor's days
(``r_x``) run in streaks, the difference varies as that of n / f independent days with
f = (1 + r_e r_x) / (1 - r_e r_x), the AR(1) formula for a regression slope with correlated
errors and a correlated regressor. Both correlations are estimated from centred days, which
biases them low by about (1 + 4 r) / n (Kendall), so 2 / n is added back; ``r_e`` is never
taken below RESIDUAL_FLOOR (90 days can look independent by chance), neither above 0.95.
An analytic interval rather than a block bootstrap: it calibrates under the noise model of
the tests and is fast enough to check on 1,000 journals in seconds
(tests/test_helps_calibration.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MIN_DAYS = 7  # on each side, as the issue asks: fewer and there is no comparison
RESIDUAL_FLOOR = 0.3
ALPHA = 0.05


@dataclass(frozen=True)
class Difference:
    """Days with and without a factor and, with enough of both, the difference in means."""

    days_with: int
    days_without: int
    difference: float | None = None  # with minus without, the overall trend allowed for
    low: float | None = None
    high: float | None = None
    p_value: float | None = None

    @property
    def compared(self) -> bool:
        """True when both sides had at least MIN_DAYS days."""
        return self.difference is not None


def _normal_upper(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def t_two_sided_p(t: float, degrees: float) -> float:
    """Two-sided p-value of Student's t (a normal transform of t, accurate to ~1e-3 for df >= 3)."""
    t = abs(t)
    z = t * (1 - 1 / (4 * degrees)) / math.sqrt(1 + t * t / (2 * degrees))
    return min(1.0, 2 * _normal_upper(z))


def t_975(degrees: float) -> float:
    """Student's t 97.5 % quantile (Cornish-Fisher expansion; within 0.01 for df >= 4)."""
    z = 1.959964
    d = max(degrees, 1.0)
    return (
        z
        + (z**3 + z) / (4 * d)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * d**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * d**3)
    )


def lag1(values: np.ndarray) -> float:
    """Lag-1 autocorrelation of a centred series over consecutive days both logged."""
    known = ~np.isnan(values)
    pairs = known[1:] & known[:-1]
    if pairs.sum() < 2:
        return 0.0
    squares = float(np.mean(values[known] ** 2))
    if squares == 0:
        return 0.0
    return float(np.mean(values[1:][pairs] * values[:-1][pairs]) / squares)


def _fit(design: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Least squares: coefficients, residuals and (X'X)^-1 of ``values`` on ``design``."""
    inverse = np.linalg.pinv(design.T @ design)
    coefficients = inverse @ design.T @ values
    return coefficients, values - design @ coefficients, inverse


def difference(outcome: np.ndarray, factor: np.ndarray) -> Difference:
    """Outcome on factor days minus on other days, allowing for the recovery's overall trend.

    A straight-line trend over the window is fitted with the factor (outcome ~ 1 + factor +
    day): while a person recovers, pain falls and habits change at the same time, and a plain
    difference in means would show that shared drift as a link (a factor tried mostly in the
    first weeks looks "bad"). NaN in either array leaves a day out.
    """
    outcome = np.asarray(outcome, dtype=float)
    factor = np.asarray(factor, dtype=float)
    used = ~np.isnan(outcome) & ~np.isnan(factor)
    on = used & (factor == 1)
    off = used & (factor == 0)
    n_on, n_off = int(on.sum()), int(off.sum())
    if n_on < MIN_DAYS or n_off < MIN_DAYS:
        return Difference(n_on, n_off)
    count = n_on + n_off
    day = np.arange(len(outcome), dtype=float)[used]
    day -= day.mean()
    present = (factor[used] == 1).astype(float)
    design = np.column_stack([np.ones(count), present, day])
    coefficients, leftover, inverse = _fit(design, outcome[used])
    # The factor's own streaks, once the trend is taken out of it too.
    _, factor_leftover, _ = _fit(design[:, [0, 2]], present)
    residual = np.full(len(outcome), np.nan)
    residual[used] = leftover
    centred = np.full(len(outcome), np.nan)
    centred[used] = factor_leftover
    r_e = min(0.95, max(RESIDUAL_FLOOR, lag1(residual) + 2 / count))
    r_x = min(0.95, max(0.0, lag1(centred) + 2 / count))
    rho = r_e * r_x
    inflation = (1 + rho) / (1 - rho)
    variance = float(np.sum(leftover**2)) / (count - 3)
    error = math.sqrt(max(0.0, variance * float(inverse[1, 1]) * inflation))
    degrees = max(count / inflation - 3, 3.0)
    diff = float(coefficients[1])
    if error == 0:
        return Difference(n_on, n_off, diff, diff, diff, 0.0 if diff else 1.0)
    half = t_975(degrees) * error
    p_value = t_two_sided_p(diff / error, degrees)
    return Difference(n_on, n_off, diff, diff - half, diff + half, p_value)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given (each at most 1)."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [1.0] * len(p_values)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted
