"""A measure's value axis, the same on screen and in the PDF: where it ends and its labels.

0-10 scales are labelled every 2 points everywhere; other measures start at 0 and end at a
round number, with at most six labels, so the "0" never crowds the label above it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from recovery.signs import Measure

# Room above the highest value or reference line, so a point is never drawn on the frame.
HEADROOM = 1.1
MAX_LABELS = 6


def _round_steps(value: float) -> Iterable[float]:
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 5, 10):
        yield factor * power


def value_axis(measure: Measure, values: Iterable[float]) -> tuple[float, float, list[float]]:
    """(low, high, labelled values) for a chart of ``measure`` showing ``values``."""
    if measure.kind == "scale":
        low, high = float(measure.minimum or 0), float(measure.maximum or 10)
        return low, high, [low + 2 * i for i in range(int((high - low) // 2) + 1)]
    highest = max([*(float(v) for v in values if v is not None and not math.isnan(v)), 1.0])
    wanted = highest * HEADROOM
    # The smallest round step that reaches the top in at most MAX_LABELS - 1 steps.
    steps = _round_steps(wanted / (MAX_LABELS - 1))
    step = next(s for s in steps if s * (MAX_LABELS - 1) >= wanted)
    if measure.kind != "decimal":
        step = max(step, 1.0)  # no half an episode or half a minute
    count = math.ceil(wanted / step - 1e-9)
    return 0.0, float(step * count), [round(float(step * i), 10) for i in range(count + 1)]
