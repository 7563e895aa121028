"""Is each sign getting better? Baseline against recent, judged by the registry's thresholds.

Everything that touches rows runs in DuckDB, so the cost of a page depends on the days it
shows, not on years of history: the comparison is two small aggregate queries, and a chart
series is one windowed query over the days the chart draws (plus the 6 days before them
that its first rolling means need).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Literal

import duckdb
import pandas as pd

from recovery.signs import MEASURES_BY_COLUMN, SIGNS, Better, Measure, Sign, Threshold

Verdict = Literal["improved", "no_change", "worse", "insufficient_data"]
Granularity = Literal["day", "week"]

MIN_CHECKINS = 3  # per window, below which there is no verdict (the app's convention)
WINDOW_DAYS = 7
# Float means of whole numbers (13/7...) must not miss a threshold they meet exactly.
_TOLERANCE = 1e-9
# A chart of more days than this shows weekly means instead of daily points.
MAX_DAILY_POINTS = 400

VERDICT_LABELS: dict[str, str] = {
    "improved": "Improving",
    "no_change": "No clear change",
    "worse": "Getting worse",
    "insufficient_data": "Not enough data yet",
}

# Identifiers cannot be parameters; they come only from the registry, whose names are
# checked to be plain identifiers. Values are always ? parameters.
NUMERIC_KINDS = ("scale", "count", "minutes", "decimal")
SERIES_COLUMNS: tuple[str, ...] = tuple(
    m.column for s in SIGNS for m in s.measures if m.kind in NUMERIC_KINDS
)
PRIMARY_COLUMNS: tuple[str, ...] = tuple(s.primary.column for s in SIGNS)
PAIN_FREE_SQL = "(pain_episodes = 0 AND leg_pain <= 1)"

# How a measure reads in a sentence, where its form label would not ("Flare-ups today").
_PHRASES = {"pain_episodes": "Flare-ups per day"}


@dataclass(frozen=True)
class MeasureChange:
    """A secondary measure's baseline and recent means, where it was logged (no verdict)."""

    column: str
    baseline: float | None
    recent: float | None
    n_baseline: int
    n_recent: int


@dataclass(frozen=True)
class SignResult:
    """One sign's baseline and recent means, the change and what it amounts to."""

    key: str
    verdict: Verdict
    baseline: float | None
    recent: float | None
    change: float | None
    change_pct: float | None
    n_baseline: int
    n_recent: int
    sentence: str
    target: float | None = None  # the level the recent mean must reach to count as improved
    secondary: tuple[MeasureChange, ...] = ()  # optional measures logged in both windows

    @property
    def label(self) -> str:
        """The verdict in plain words."""
        return VERDICT_LABELS[self.verdict]


@dataclass(frozen=True)
class Comparison:
    """Every sign's result, in registry order, and the two periods compared."""

    signs: dict[str, SignResult]
    baseline_start: dt.date | None
    baseline_end: dt.date | None
    recent_start: dt.date | None
    recent_end: dt.date | None
    days_logged: int
    last_day: dt.date | None
    first_day: dt.date | None = None
    pain_free_baseline: int = 0
    pain_free_recent: int = 0

    @property
    def improving_count(self) -> int:
        """How many signs are judged improved."""
        return sum(1 for r in self.signs.values() if r.verdict == "improved")

    @property
    def has_verdicts(self) -> bool:
        """True when at least one sign has enough check-ins for a verdict."""
        return any(r.verdict != "insufficient_data" for r in self.signs.values())

    @property
    def checkins_needed(self) -> int:
        """How many more check-ins (at the least) before every sign can have a verdict."""
        n_baseline = min((r.n_baseline for r in self.signs.values()), default=0)
        n_recent = min((r.n_recent for r in self.signs.values()), default=0)
        return max(0, MIN_CHECKINS - n_baseline) + max(0, MIN_CHECKINS - n_recent)

    @property
    def earliest_verdict_day(self) -> dt.date | None:
        """The first day a verdict is possible: three days after the baseline week ends."""
        if self.baseline_end is None:
            return None
        return self.baseline_end + dt.timedelta(days=MIN_CHECKINS)


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


def format_value(measure: Measure, value: float | None) -> str:
    """A mean as people read it: '6.8', '42 min'."""
    if value is None:
        return "no value"
    if measure.kind == "minutes":
        return f"{value:.0f} min"
    return f"{value:.1f}"


def format_change(measure: Measure, change: float | None, change_pct: float | None) -> str:
    """A change with its sign and, when defined, its percentage: '−4.7, −69 %'."""
    if change is None:
        return ""
    points = f"{change:+.0f} min" if measure.kind == "minutes" else f"{change:+.1f}"
    points = points.replace("-", "\u2212")
    if change_pct is None:
        return points
    # A no-break space keeps "%" on the line of its number.
    return f"{points}, {change_pct:+.0f}\u00a0%".replace("-", "\u2212")


def phrase(measure: Measure) -> str:
    """How a measure is named at the start of a sentence."""
    return _PHRASES.get(measure.column, measure.label)


def describe(the_sign: Sign, result: SignResult) -> str:
    """One plain sentence that says what the sign's chart and numbers show."""
    measure = the_sign.primary
    name = phrase(measure)
    if result.verdict == "insufficient_data":
        return (
            f"{name}: not enough check-ins to compare yet ({result.n_baseline} in the first "
            f"week, {result.n_recent} in the latest days; at least {MIN_CHECKINS} in each "
            "are needed)."
        )
    assert result.baseline is not None and result.recent is not None
    before = format_value(measure, result.baseline)
    after = format_value(measure, result.recent)
    if before == after:
        moved = f"stayed at {after}"
    else:
        verb = "rose" if result.recent > result.baseline else "fell"
        moved = f"{verb} from {before} to {after}"
        if result.change_pct is not None:
            moved += f" ({result.change_pct:+.0f}\u00a0%)".replace("-", "\u2212")
    rule = the_sign.threshold
    if result.verdict == "improved":
        if rule.is_convention:
            return f"{name} {moved}: a clear improvement by the app's rule ({rule.summary})."
        return f"{name} {moved}, a clinically meaningful improvement."
    if result.verdict == "worse":
        return f"{name} {moved}, a clear change for the worse. Talk to your clinician soon."
    news = _secondary_news(result)
    return f"{name} {moved}: not a clear change yet (that takes {rule.summary}).{news}"


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


def _secondary_news(result: SignResult) -> str:
    """Sentences for secondary measures that moved by their own threshold ('' if none did)."""
    news = []
    for change in result.secondary:
        verdict = secondary_verdict(change)
        if verdict not in ("improved", "worse"):
            continue
        measure = MEASURES_BY_COLUMN[change.column]
        rule = measure.threshold
        assert rule is not None and change.baseline is not None and change.recent is not None
        unit = f" {measure.unit}" if measure.unit else ""
        verb = "rose" if change.recent > change.baseline else "fell"
        direction = "for the better" if verdict == "improved" else "for the worse"
        source = "the app's convention" if rule.is_convention else rule.source
        news.append(
            f" {measure.label}, though, {verb} from {format_value(measure, change.baseline)} "
            f"to {format_value(measure, change.recent)}{unit}: a real change {direction} "
            f"({rule.summary}; {source})."
        )
    return "".join(news)


def _bound(day: dt.date | None, default: dt.date) -> dt.date:
    return default if day is None else day


BOUNDS_SQL = (
    "SELECT count(*), min(day), max(day), min(day) FILTER (WHERE day >= ?) "
    "FROM checkins WHERE owner = ? AND day >= ? AND day <= ?"
)
_WINDOW_AGGREGATES = ", ".join(f"count({c}) AS n_{c}, avg({c}) AS mean_{c}" for c in SERIES_COLUMNS)
# On a file shared by many journals, a day filter next to the owner's lets DuckDB pick a scan
# of every journal's rows for those days; reading the owner's rows first (a materialised
# CTE, through the owner index) keeps each query to one person's rows (bench_clinic_file.py).
OWNER_ROWS = "WITH mine AS MATERIALIZED (SELECT * FROM checkins WHERE owner = ?) "
WINDOWS_SQL = (
    OWNER_ROWS
    + "SELECT CASE WHEN day <= ? THEN 'baseline' ELSE 'recent' END AS period, "
    + _WINDOW_AGGREGATES
    + ", count(*) FILTER (WHERE "
    + PAIN_FREE_SQL
    + ") AS pain_free "
    "FROM mine WHERE (day >= ? AND day <= ?) OR (day >= ? AND day <= ?) "
    "GROUP BY period"
)


def _windows(
    first_day: dt.date | None, last_day: dt.date | None
) -> tuple[dt.date | None, dt.date | None, dt.date | None, dt.date | None]:
    """Baseline: the 7 days from ``first_day``; recent: the 7 days to ``last_day``, after it."""
    if first_day is None or last_day is None:
        return None, None, None, None
    baseline_end = first_day + dt.timedelta(days=WINDOW_DAYS - 1)
    # Never compare a day with itself: the recent window starts after the baseline week.
    recent_start = max(
        last_day - dt.timedelta(days=WINDOW_DAYS - 1), baseline_end + dt.timedelta(days=1)
    )
    if recent_start > last_day:
        return first_day, baseline_end, None, None
    return first_day, baseline_end, recent_start, last_day


def compare_signs(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    baseline_start: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Comparison:
    """Compare each sign's baseline week with its latest 7 days, within start..end.

    The baseline week begins at the first check-in on or after ``baseline_start`` (or the
    first check-in of all); the recent window is the 7 days ending with the latest one.
    """
    low, high = _bound(start, dt.date.min), _bound(end, dt.date.max)
    anchor = max(low, _bound(baseline_start, dt.date.min))
    with conn.cursor() as cur:
        count, first_day, last_day, baseline_first = cur.execute(
            BOUNDS_SQL, [anchor, owner, low, high]
        ).fetchone()
        b_start, b_end, r_start, r_end = _windows(baseline_first, last_day)
        rows: dict[str, dict[str, object]] = {}
        if b_start is not None:
            far = dt.date.max
            cur.execute(WINDOWS_SQL, [owner, b_end, b_start, b_end, r_start or far, r_end or far])
            names = [d[0] for d in cur.description]
            rows = {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}
    results: dict[str, SignResult] = {}
    for the_sign in SIGNS:
        column = the_sign.primary.column
        base_row, recent_row = rows.get("baseline", {}), rows.get("recent", {})
        baseline = _float(base_row.get(f"mean_{column}"))
        recent = _float(recent_row.get(f"mean_{column}"))
        secondary = tuple(
            MeasureChange(
                m.column,
                _float(base_row.get(f"mean_{m.column}")),
                _float(recent_row.get(f"mean_{m.column}")),
                int(base_row.get(f"n_{m.column}") or 0),
                int(recent_row.get(f"n_{m.column}") or 0),
            )
            for m in the_sign.secondary
            if m.kind in NUMERIC_KINDS
        )
        results[the_sign.key] = sign_result(
            the_sign,
            baseline,
            recent,
            int(base_row.get(f"n_{column}") or 0),
            int(recent_row.get(f"n_{column}") or 0),
            secondary,
        )
    return Comparison(
        signs=results,
        baseline_start=b_start,
        baseline_end=b_end,
        recent_start=r_start,
        recent_end=r_end,
        days_logged=int(count),
        last_day=last_day,
        first_day=first_day,
        pain_free_baseline=int(rows.get("baseline", {}).get("pain_free") or 0),
        pain_free_recent=int(rows.get("recent", {}).get("pain_free") or 0),
    )


def _float(value: object) -> float | None:
    return None if value is None else float(value)


def sign_result(
    the_sign: Sign,
    baseline: float | None,
    recent: float | None,
    n_baseline: int,
    n_recent: int,
    secondary: tuple[MeasureChange, ...] = (),
) -> SignResult:
    """Judge one sign from its two window means and counts, and describe the outcome."""
    measure = the_sign.primary
    verdict = judge(
        baseline, recent, the_sign.threshold, measure.better or "higher", n_baseline, n_recent
    )
    change = change_pct = None
    if baseline is not None and recent is not None:
        change = recent - baseline
        change_pct = change / abs(baseline) * 100 if baseline else None
    partial = SignResult(
        key=the_sign.key,
        verdict=verdict,
        baseline=baseline,
        recent=recent,
        change=change,
        change_pct=change_pct,
        n_baseline=n_baseline,
        n_recent=n_recent,
        sentence="",
        target=improvement_target(baseline, the_sign.threshold, measure),
        secondary=secondary,
    )
    return replace(partial, sentence=describe(the_sign, partial))


# ---- series for charts and tables ------------------------------------------------------


def _check_columns(columns: tuple[str, ...]) -> None:
    unknown = [c for c in columns if c not in SERIES_COLUMNS]
    if unknown:
        raise ValueError(f"not a numeric measure of the registry: {', '.join(unknown)}")


def _daily_sql(columns: tuple[str, ...]) -> str:
    trends = ", ".join(
        f"{c}, CASE WHEN count({c}) OVER w >= {MIN_CHECKINS} THEN avg({c}) OVER w END AS {c}_trend"
        for c in columns
    )
    return (
        OWNER_ROWS + ", span AS (SELECT day, " + ", ".join(columns) + " FROM mine "  # noqa: S608 (registry identifiers; values are ? parameters)
        "WHERE day >= ? AND day <= ?), "
        "rolled AS (SELECT day, " + trends + " FROM span "
        "WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW)) "
        "SELECT * FROM rolled WHERE day >= ? ORDER BY day"
    )


def _weekly_sql(columns: tuple[str, ...]) -> str:
    means = ", ".join(f"avg({c}) AS {c}, count({c}) AS {c}_n" for c in columns)
    trends = ", ".join(f"{c}, avg({c}) OVER w AS {c}_trend" for c in columns)
    return (
        OWNER_ROWS  # noqa: S608 (registry identifiers; values are ? parameters)
        + ", weeks AS (SELECT CAST(date_trunc('week', day) AS DATE) AS day, "
        + means
        + " FROM mine WHERE day >= ? AND day <= ? GROUP BY 1) "
        "SELECT day, " + trends + " FROM weeks "
        "WINDOW w AS (ORDER BY day RANGE BETWEEN INTERVAL 21 DAYS PRECEDING AND CURRENT ROW) "
        "ORDER BY day"
    )


def granularity_for(start: dt.date, end: dt.date) -> Granularity:
    """Daily points for up to MAX_DAILY_POINTS days, weekly means beyond."""
    return "day" if (end - start).days + 1 <= MAX_DAILY_POINTS else "week"


def daily_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    columns: tuple[str, ...] = PRIMARY_COLUMNS,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """One row per logged day: each column's value and its 7-day rolling mean (``_trend``).

    The rolling mean covers the 7 calendar days ending that day, so gaps shrink it instead
    of stretching it; it is empty until those days hold 3 check-ins.
    """
    _check_columns(columns)
    low, high = _bound(start, dt.date.min), _bound(end, dt.date.max)
    # The first days drawn need the 6 days before them for their rolling means.
    lookback = low if start is None else low - dt.timedelta(days=WINDOW_DAYS - 1)
    with conn.cursor() as cur:
        frame = cur.execute(_daily_sql(columns), [owner, lookback, high, low]).df()
    return _dates(frame)


def weekly_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    columns: tuple[str, ...] = PRIMARY_COLUMNS,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """One row per week (from Monday): each column's mean and a 4-week rolling mean."""
    _check_columns(columns)
    low, high = _bound(start, dt.date.min), _bound(end, dt.date.max)
    with conn.cursor() as cur:
        frame = cur.execute(_weekly_sql(columns), [owner, low, high]).df()
    return _dates(frame)


WEEKLY_SUMMARY_SQL = (
    "SELECT CAST(date_trunc('week', day) AS DATE) AS week, count(*) AS days_logged, "  # noqa: S608 (registry identifiers; values are ? parameters)
    "count(*) FILTER (WHERE "
    + PAIN_FREE_SQL
    + ") AS pain_free_days, "
    + ", ".join(f"avg({c}) AS {c}" for c in PRIMARY_COLUMNS)
    + " FROM checkins WHERE owner = ? AND day >= ? AND day <= ? GROUP BY 1 ORDER BY 1"
)


def weekly_summary(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """Per week (from Monday): days logged, pain-free days and each sign's mean."""
    low, high = _bound(start, dt.date.min), _bound(end, dt.date.max)
    with conn.cursor() as cur:
        frame = cur.execute(WEEKLY_SUMMARY_SQL, [owner, low, high]).df()
    if not frame.empty:
        frame["week"] = pd.to_datetime(frame["week"]).dt.date
    return frame


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    if not frame.empty:
        frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame


@dataclass(frozen=True)
class SignSeries:
    """What one sign's chart draws: points (``value``) and the rolling mean (``trend``)."""

    key: str
    frame: pd.DataFrame  # columns: day, value, trend
    granularity: Granularity


def sign_series(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date,
    end: dt.date,
) -> dict[str, SignSeries]:
    """Each sign's primary measure between two days, ready to chart, from one query."""
    granularity = granularity_for(start, end)
    fetch = daily_series if granularity == "day" else weekly_series
    frame = fetch(conn, owner, PRIMARY_COLUMNS, start, end)
    series = {}
    for the_sign in SIGNS:
        column = the_sign.primary.column
        part = pd.DataFrame(
            {
                "day": frame["day"] if not frame.empty else pd.Series(dtype="object"),
                "value": frame[column] if not frame.empty else pd.Series(dtype="float"),
                "trend": frame[f"{column}_trend"] if not frame.empty else pd.Series(dtype="float"),
            }
        )
        part = part[part["value"].notna()].reset_index(drop=True)
        series[the_sign.key] = SignSeries(the_sign.key, part, granularity)
    return series


# ---- the period a chart shows ----------------------------------------------------------

RANGES: dict[str, tuple[str, int | None]] = {
    "4w": ("Last 4 weeks", 28),
    "3m": ("Last 3 months", 91),
    "all": ("Everything", None),
}


def range_bounds(choice: str, first_day: dt.date, last_day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day the charts show for a range choice, ending at the last check-in.

    A fixed range keeps its full length even before the journal began, so "last 4 weeks"
    always means 4 weeks of axis.
    """
    _, days = RANGES[choice]
    if days is None:
        return first_day, last_day
    return last_day - dt.timedelta(days=days - 1), last_day


def default_range(first_day: dt.date, last_day: dt.date) -> str:
    """Everything while the journal is under about 3 months long, then the last 3 months."""
    return "all" if (last_day - first_day).days < 91 else "3m"
