"""What a factor of "What helps me" is: a per-day series of present, absent or unknown, with
the words for its days. Shared by the registry (helps) and the logged factors (helps_logged).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

WINDOW_DAYS = 90
OUTCOMES: tuple[str, ...] = ("leg_pain", "pain_episodes", "sleep_quality")
LAGS: tuple[int, ...] = (0, 1)

Days = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Factor:
    """Something a person does or has on a day, with the words for its days."""

    key: str
    label: str  # for tables: "Exercises done"
    same_day: str  # "on days you did your exercises"
    next_day: str  # "on days after you did your exercises"
    days: Days
    plan_do: str | None = None  # the planned test's "this week: ..." (None: not plannable)
    lags: tuple[int, ...] = LAGS  # which days after it are compared (0 same, 1 next)

    @classmethod
    def from_series(
        cls, key: str, label: str, same_day: str, next_day: str, series: pd.Series
    ) -> Factor:
        """A factor from a per-day series indexed by date (True/False; None or NaN unknown)."""
        known = pd.Series(series, dtype=object)
        known.index = pd.to_datetime(known.index)
        values = known.map(lambda v: np.nan if v is None or v is pd.NA or v != v else float(v))
        return cls(key, label, same_day, next_day, lambda table: values.reindex(table.index))
