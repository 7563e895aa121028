"""Getting worse, said first: the notice the progress and guide pages open with.

A sign counts as worse when its latest 7 days are past its threshold in the wrong direction
(the same rule that judges improvement, recovery.analysis.judge). This notice is the one place
that says how urgent a change is; the sign cards and the guide point to it. One sign worse asks
for an appointment soon; several at once, or leg strength falling, asks to contact the clinician
now. Only leg strength falling adds the red flag about weakness that is quickly getting worse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from recovery.analysis.compare import Comparison
from recovery.references import cite
from recovery.signs import RED_FLAGS, SIGN_KEYS, RedFlag, sign
from recovery.text.signs import format_value, sign_names

Level = Literal["warning", "error"]

# From this many signs worse at once the notice asks firmly (the app's own convention).
SEVERAL_WORSE = 2
# Leg strength falling is the sign closest to a red flag (weakness that is getting worse).
STRENGTH = "strength"
WEAKNESS_FLAG: RedFlag = next(f for f in RED_FLAGS if f.column == "rf_worsening_weakness")

URGENT_IF_FLAG = (
    "If that is happening to you, get urgent care now: go to an emergency department or "
    "call an ambulance (911 in the US, 999 in the UK, 112 in the EU). "
    f"(Sources: {cite('nice_cks')}; {cite('bmj_bp_ces')}.)"
)


@dataclass(frozen=True)
class Notice:
    """What the notice says: its level, a bold title, the text, and the signs it is about."""

    level: Level
    title: str
    text: str
    signs: tuple[str, ...]
    detail: str = ""  # the numbers behind it: first week -> latest 7 days
    red_flag: RedFlag | None = None
    urgent: str = ""


def worse_signs(comparison: Comparison) -> tuple[str, ...]:
    """The keys of the signs judged worse than the first week, in registry order."""
    return tuple(k for k in SIGN_KEYS if comparison.signs[k].verdict == "worse")


def _moves(comparison: Comparison, keys: tuple[str, ...]) -> str:
    parts = []
    for key in keys:
        result = comparison.signs[key]
        measure = sign(key).primary
        parts.append(
            f"{sign(key).short_title.lower()} {format_value(measure, result.baseline)} "
            f"\u2192 {format_value(measure, result.recent)}"
        )
    return "; ".join(parts)


def worsening_notice(comparison: Comparison) -> Notice | None:
    """The notice for a comparison, or None when no sign is worse than the first week."""
    worse = worse_signs(comparison)
    if not worse:
        return None
    names = sign_names(worse)
    moves = f"First week \u2192 latest 7 days: {_moves(comparison, worse)}."
    firm = len(worse) >= SEVERAL_WORSE or STRENGTH in worse
    if not firm:
        return Notice(
            level="warning",
            title=f"{names[0].upper()}{names[1:]} is worse than in your first week",
            text=(
                "Talk to your clinician soon about this change, and sooner if it keeps "
                "getting worse or worries you."
            ),
            signs=worse,
            detail=moves,
        )
    if len(worse) == len(SIGN_KEYS):
        title = "All seven signs are worse than in your first week"
    elif len(worse) == 1:
        title = f"{names[0].upper()}{names[1:]} is worse than in your first week"
    else:
        title = f"{len(worse)} signs are worse than in your first week: {names}"
    text = "Contact your clinician now: do not wait for a routine appointment."
    if STRENGTH not in worse:
        return Notice(level="error", title=title, text=text, signs=worse, detail=moves)
    if len(worse) > 1:
        text += " Leg strength falling needs checking."
    return Notice(
        level="error",
        title=title,
        text=text,
        signs=worse,
        detail=moves,
        red_flag=WEAKNESS_FLAG,
        urgent=f"Red flag: **{WEAKNESS_FLAG.question.lower()}**. {URGENT_IF_FLAG}",
    )
