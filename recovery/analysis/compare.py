"""Each sign's verdict for one journal: two small aggregate queries, judged by the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import duckdb

from recovery.analysis.noise import NoiseBand, noise_band
from recovery.analysis.queries import BOUNDS_SQL, NUMERIC_KINDS, WINDOWS_SQL, bound
from recovery.analysis.rules import (
    MIN_CHECKINS,
    WINDOW_DAYS,
    MeasureChange,
    Verdict,
    improvement_target,
    judge,
    secondary_verdict,
)
from recovery.analysis.series import daily_series
from recovery.signs import SIGNS, Sign
from recovery.text.signs import describe
from recovery.text.verdicts import VERDICT_LABELS


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
    # The change against this person's own ups and downs (None: too few days to tell).
    noise: NoiseBand | None = None

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
    low, high = bound(start, dt.date.min), bound(end, dt.date.max)
    anchor = max(low, bound(baseline_start, dt.date.min))
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
    bands = _noise_bands(conn, owner, b_start, b_end, r_start, r_end)
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
            bands.get(the_sign.key),
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


def _noise_bands(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    b_start: dt.date | None,
    b_end: dt.date | None,
    r_start: dt.date | None,
    r_end: dt.date | None,
) -> dict[str, NoiseBand]:
    """Each sign's change with its 95 % interval, from the days in its two windows."""
    if b_start is None or b_end is None or r_start is None or r_end is None:
        return {}
    first = daily_series(conn, owner, start=b_start, end=b_end)
    latest = daily_series(conn, owner, start=r_start, end=r_end)
    bands = {}
    for the_sign in SIGNS:
        column = the_sign.primary.column
        band = noise_band(
            first[column].dropna().to_numpy(float), latest[column].dropna().to_numpy(float)
        )
        if band is not None:
            bands[the_sign.key] = band
    return bands


def _float(value: object) -> float | None:
    return None if value is None else float(value)


def sign_result(
    the_sign: Sign,
    baseline: float | None,
    recent: float | None,
    n_baseline: int,
    n_recent: int,
    secondary: tuple[MeasureChange, ...] = (),
    noise: NoiseBand | None = None,
) -> SignResult:
    """Judge one sign from its two window means and counts, and describe the outcome.

    Improving takes both conditions: the sign's threshold, and a change beyond the person's
    own ups and downs (when there are days enough to tell); a change that meets only the
    first "looks better". Getting worse takes the threshold alone: a warning is never
    held back because the days are noisy.
    """
    measure = the_sign.primary
    verdict = judge(
        baseline, recent, the_sign.threshold, measure.better or "higher", n_baseline, n_recent
    )
    if verdict == "improved" and noise is not None and not noise.beyond_noise:
        verdict = "looks_better"
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
        noise=noise,
    )
    sentence = describe(
        the_sign,
        partial,
        needed=MIN_CHECKINS,
        secondary_verdicts=[secondary_verdict(change) for change in secondary],
    )
    return replace(partial, sentence=sentence)
