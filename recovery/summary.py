"""The journal at a glance for the command line: each sign's verdict, and the stage."""

from __future__ import annotations

import datetime as dt

import duckdb

from recovery import analysis
from recovery.analysis import stage, worsening
from recovery.analysis.weekly import weekly_summary
from recovery.signs import SIGNS
from recovery.text import signs as sign_words
from recovery.text import verdicts
from recovery.text.numbers import plural


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def journal_overview(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date | None = None
) -> dict[str, object]:
    """Per sign the verdict, baseline, recent value and change; the stage; days logged."""
    comparison = analysis.compare_signs(conn, owner, end=today)
    estimate = stage.estimate_stage(conn, owner, today=today)
    notice = worsening.worsening_notice(comparison)
    return {
        # Getting worse comes first, as on the pages: None when no sign is worse.
        "worsening": None
        if notice is None
        else {
            "level": notice.level,
            "signs": list(notice.signs),
            "title": notice.title,
            "text": notice.text,
            "detail": notice.detail,
            "red_flag": notice.red_flag.question if notice.red_flag else None,
        },
        "signs": {
            key: {
                "verdict": result.verdict,
                "baseline": _rounded(result.baseline),
                "recent": _rounded(result.recent),
                "change": _rounded(result.change),
                "change_pct": _rounded(result.change_pct),
                "n_baseline": result.n_baseline,
                "n_recent": result.n_recent,
                # Recent minus baseline 7-day mean, its 95 % interval from the person's own
                # ups and downs (recovery.analysis.noise); null with too few days to tell.
                "difference": None if result.noise is None else round(result.noise.difference, 2),
                "interval": None
                if result.noise is None
                else [round(result.noise.low, 2), round(result.noise.high, 2)],
                "beyond_noise": None if result.noise is None else result.noise.beyond_noise,
            }
            for key, result in comparison.signs.items()
        },
        "stage": estimate.key,
        "stage_title": estimate.title,
        "stage_explanation": estimate.explanation,
        "stage_next_steps": estimate.next_steps,
        "days_logged": comparison.days_logged,
        "first_day": _iso(comparison.first_day),
        "last_day": _iso(comparison.last_day),
        "baseline": [_iso(comparison.baseline_start), _iso(comparison.baseline_end)],
        "recent": [_iso(comparison.recent_start), _iso(comparison.recent_end)],
        # The weekly measures (SBI, SFI, PSFS): first and latest week, change, and the verdict
        # against the measure's own error ("better", "within", "worse"; null before two weeks).
        "weekly": {
            trend.key: {
                "first": trend.first,
                "latest": trend.latest,
                "change": trend.change,
                "error": trend.error,
                "verdict": trend.verdict,
                "weeks": len(trend.points),
            }
            for trend in weekly_summary(conn, owner).indices
            if trend.points
        },
    }


def overview_text(overview: dict[str, object]) -> str:
    """The overview as a small table for a terminal."""
    days = overview["days_logged"]
    if not days:
        return "The journal is empty: log a few days, then ask again.\n"
    lines = [
        f"Seven Signs: {plural(days, 'day')} logged, "
        f"{overview['first_day']} to {overview['last_day']}.",
    ]
    notice = overview.get("worsening")
    if notice:
        lines.append(f"WARNING: {notice['title']}. {notice['text']} {notice['detail']}")
        if notice["red_flag"]:
            lines.append(f"Red flag, get urgent care: {notice['red_flag'].lower()}.")
    baseline, recent = overview["baseline"], overview["recent"]
    if recent[0]:
        lines.append(f"Baseline {baseline[0]} to {baseline[1]}; recent {recent[0]} to {recent[1]}.")
    lines.append("")
    lines.append(f"{'sign':<26}{'baseline':>10}{'recent':>10}  {'change':<18}verdict")
    for the_sign in SIGNS:
        row = overview["signs"][the_sign.key]
        measure = the_sign.primary
        shown = (
            sign_words.format_value(measure, row["baseline"])
            if row["baseline"] is not None
            else "-",
            sign_words.format_value(measure, row["recent"]) if row["recent"] is not None else "-",
        )
        change = (
            sign_words.format_change(measure, row["baseline"], row["recent"], row["change_pct"])
            or "-"
        )
        name = f"{the_sign.number} {measure.label}"
        lines.append(
            f"{name:<26}{shown[0]:>10}{shown[1]:>10}  {change:<18}"
            f"{verdicts.VERDICT_LABELS[row['verdict']]}"
        )
    lines.append("")
    lines.append(f"Stage: {overview['stage_title']}. {overview['stage_explanation']}")
    return "\n".join(lines) + "\n"
