"""How a sign's numbers and verdict are said: values, changes and one plain sentence per sign."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from recovery.signs import MEASURES_BY_COLUMN, Measure, Sign, sign
from recovery.text.numbers import join_words

if TYPE_CHECKING:  # types only: the analysis calls describe, so it cannot be imported here
    from recovery.analysis.compare import SignResult
    from recovery.analysis.rules import Verdict


# How a measure reads in a sentence, where its form label would not ("Flare-ups today").
_PHRASES = {"pain_episodes": "Flare-ups per day"}


def _places(measure: Measure) -> int:
    return 0 if measure.kind == "minutes" else 1


def format_value(measure: Measure, value: float | None) -> str:
    """A mean as people read it: '6.8', '42 min'."""
    if value is None:
        return "no value"
    if measure.kind == "minutes":
        return f"{value:.0f} min"
    return f"{value:.1f}"


def format_change(
    measure: Measure, baseline: float | None, recent: float | None, change_pct: float | None
) -> str:
    """The change between two shown means, with its percentage: '−4.7, −69 %'.

    The difference is taken between the values as shown (6.4 and 2.6 give −3.8), so the
    numbers on the page add up; the percentage keeps the exact means.
    """
    if baseline is None or recent is None:
        return ""
    places = _places(measure)
    change = round(round(recent, places) - round(baseline, places), places)
    points = f"{change:+.0f} min" if measure.kind == "minutes" else f"{change:+.1f}"
    points = points.replace("-", "\u2212")
    if change_pct is None:
        return points
    # A no-break space keeps "%" on the line of its number.
    return f"{points}, {change_pct:+.0f}\u00a0%".replace("-", "\u2212")


def phrase(measure: Measure) -> str:
    """How a measure is named at the start of a sentence."""
    return _PHRASES.get(measure.column, measure.label)


def sign_names(keys: Sequence[str]) -> str:
    """Signs in words: 'leg pain', 'leg pain and sleep', 'leg pain, walking and sleep'."""
    return join_words([sign(key).short_title.lower() for key in keys]) or "none"


def describe(
    the_sign: Sign,
    result: SignResult,
    *,
    needed: int,
    secondary_verdicts: Sequence[Verdict] = (),
) -> str:
    """One plain sentence that says what the sign's chart and numbers show.

    ``needed`` is the check-ins each window needs for a verdict, and ``secondary_verdicts``
    the verdict of each of ``result.secondary``, in order (both from the analysis rules).
    """
    measure = the_sign.primary
    name = phrase(measure)
    if result.verdict == "insufficient_data":
        return (
            f"{name}: not enough check-ins to compare yet ({result.n_baseline} in the first "
            f"week, {result.n_recent} in the latest days; at least {needed} in each "
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
        beyond = ""
        if result.noise is not None:
            beyond = f" and beyond your usual ups and downs ({noise_interval(measure, result)})"
        if rule.is_convention:
            return (
                f"{name} {moved}: improving, a clear change by the app's rule "
                f"({rule.summary}){beyond}."
            )
        return f"{name} {moved}: improving, a clinically meaningful change{beyond}."
    if result.verdict == "looks_better":
        return (
            f"{name} {moved}: looks better, but within your usual ups and downs "
            f"({noise_interval(measure, result)}): keep logging."
        )
    if result.verdict == "worse":
        # How urgent it is, the worsening notice says once (recovery.analysis.worsening).
        return (
            f"{name} {moved}, a clear change for the worse "
            "(the notice at the top of the page says what to do)."
        )
    news = _secondary_news(result, secondary_verdicts)
    return f"{name} {moved}: not a clear change yet (that takes {rule.summary}).{news}"


def _signed(measure: Measure, value: float) -> str:
    """A change with its sign, to the measure's places: '+1.4', '−12', and plain '0.0'."""
    text = f"{value:+.0f}" if measure.kind == "minutes" else f"{value:+.1f}"
    if float(text) == 0:
        text = text[1:]
    return text.replace("-", "\u2212")


def interval_range(measure: Measure, result: SignResult) -> str:
    """The change's 95 % interval, as read: '−2.9 to 0.1' ('' with too few days)."""
    band = result.noise
    if band is None:
        return ""
    return f"{_signed(measure, band.low)} to {_signed(measure, band.high)}"


def noise_interval(measure: Measure, result: SignResult) -> str:
    """The change with its 95 % interval, as read: 'change −1.4, 95 % interval −2.9 to 0.1'."""
    band = result.noise
    if band is None:
        return ""
    # A 0-10 scale's unit ("/10") does not follow a change: its change is in points.
    unit = " points" if not measure.unit or measure.unit.startswith("/") else f" {measure.unit}"
    return (
        f"change {_signed(measure, band.difference)}{unit}, 95\u00a0% interval "
        f"{interval_range(measure, result)}"
    )


def _secondary_news(result: SignResult, verdicts: Sequence[Verdict]) -> str:
    """Sentences for secondary measures that moved by their own threshold ('' if none did)."""
    news = []
    for change, verdict in zip(result.secondary, verdicts, strict=True):
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
