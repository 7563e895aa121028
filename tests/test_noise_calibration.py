"""The "beyond your usual ups and downs" call, calibrated on simulated journals.

Noise model: a 6-week leg-pain journal (42 days, one check-in a day) whose daily rating is a
level plus AR(1) noise with lag-1 correlation 0.3 and standard deviation 0.8 points, rounded
to whole numbers and kept within 0-10. Flat journals keep the level at 6; changed journals
move it in a straight line so that the first and the last week's means differ by 2 points.
The call compares the first and the last 7 days, as the Progress page does.
"""

import math

import numpy as np
import pytest

from recovery.analysis import noise

# Simulated journals with fixed seeds: no date is read, so one run is enough.
pytestmark = pytest.mark.clockless

JOURNALS = 1_000
DAYS = 42
PHI, SD = 0.3, 0.8


def simulated(rng: np.random.Generator, change: float, phi: float = PHI, sd: float = SD):
    """One journal under the noise model above; ``change`` is how far its level falls."""
    wander = np.empty(DAYS)
    wander[0] = rng.normal(0, sd)
    step = sd * math.sqrt(1 - phi**2)
    for day in range(1, DAYS):
        wander[day] = phi * wander[day - 1] + rng.normal(0, step)
    level = 6 - change * (np.arange(DAYS) - 3) / (DAYS - 7)
    return np.clip(np.round(level + wander), 0, 10)


def share_beyond(change: float, seed: int, **model: float) -> float:
    rng = np.random.default_rng(seed)
    called = 0
    for _ in range(JOURNALS):
        days = simulated(rng, change, **model)
        band = noise.noise_band(days[:7], days[-7:])
        called += band is not None and band.beyond_noise
    return called / JOURNALS


def test_flat_journals_are_rarely_called_beyond_noise():
    assert share_beyond(0.0, seed=1) <= 0.05


def test_a_real_fall_of_two_points_is_usually_called_beyond_noise():
    assert share_beyond(2.0, seed=2) >= 0.80


def test_independent_days_are_not_over_called_either():
    assert share_beyond(0.0, seed=3, phi=0.0) <= 0.05


def test_the_interval_widens_with_the_ups_and_downs():
    calm = noise.noise_band([6, 6, 7, 6, 6, 7, 6], [4, 4, 5, 4, 4, 4, 5])
    wild = noise.noise_band([3, 9, 5, 8, 4, 9, 4], [1, 7, 2, 6, 1, 7, 4])
    assert calm is not None and wild is not None
    assert calm.beyond_noise and calm.high < 0
    assert not wild.beyond_noise
    assert wild.margin > 2 * calm.margin


def test_a_gap_or_a_jump_between_the_windows_is_not_taken_for_noise():
    band = noise.noise_band([7] * 7, [2] * 7)
    assert band is not None and band.beyond_noise
    assert (band.difference, band.low, band.high) == (-5.0, -5.0, -5.0)


def test_too_few_days_in_a_window_give_no_interval():
    assert noise.noise_band([5.0, 6.0], [5.0] * 7) is None
    assert noise.noise_band([5.0] * 7, [4.0, 4.0]) is None
    three = noise.noise_band([5.0, 6.0, 5.0], [3.0, 4.0, 3.0])
    assert three is not None  # three in each window, as for a verdict: a wide interval
    assert three.margin > 1.0


def test_day_to_day_correlation_is_never_assumed_below_the_floor():
    alternating = noise.noise_band([5, 7, 5, 7, 5, 7, 5], [4, 6, 4, 6, 4, 6, 4])
    assert alternating is not None and alternating.phi == noise.PHI_FLOOR
    drifting = noise.noise_band([4, 5, 6, 7, 8, 9, 9], [2, 3, 4, 5, 6, 7, 7])
    assert drifting is not None and drifting.phi > 0.5
