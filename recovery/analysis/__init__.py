"""The analyses: each sign's verdict, the chart series, and the recovery guide's readings.

``rules`` (when a change counts), ``compare`` (each sign's verdict), ``queries`` (the SQL),
``series`` and ``ranges`` (what a chart draws, over which days); the guide's readings are
``stage``, ``worsening``, ``residual``, ``adherence`` and ``good_level``. The words they are
shown in live in ``recovery.text``.
"""

from recovery.analysis.compare import Comparison, SignResult, compare_signs, sign_result
from recovery.analysis.queries import (
    BOUNDS_SQL,
    PAIN_FREE_SQL,
    PRIMARY_COLUMNS,
    SERIES_COLUMNS,
    WINDOWS_SQL,
    daily_sql,
)
from recovery.analysis.ranges import RANGES, default_range, range_bounds
from recovery.analysis.rules import (
    MIN_CHECKINS,
    WINDOW_DAYS,
    MeasureChange,
    Verdict,
    improvement_target,
    judge,
    secondary_verdict,
)
from recovery.analysis.series import (
    MAX_DAILY_POINTS,
    Granularity,
    SignSeries,
    daily_series,
    granularity_for,
    sign_series,
    weekly_series,
    weekly_summary,
)

__all__ = [
    "BOUNDS_SQL",
    "MAX_DAILY_POINTS",
    "MIN_CHECKINS",
    "PAIN_FREE_SQL",
    "PRIMARY_COLUMNS",
    "RANGES",
    "SERIES_COLUMNS",
    "WINDOWS_SQL",
    "WINDOW_DAYS",
    "Comparison",
    "Granularity",
    "MeasureChange",
    "SignResult",
    "SignSeries",
    "Verdict",
    "compare_signs",
    "daily_series",
    "daily_sql",
    "default_range",
    "granularity_for",
    "improvement_target",
    "judge",
    "range_bounds",
    "secondary_verdict",
    "sign_result",
    "sign_series",
    "weekly_series",
    "weekly_summary",
]
