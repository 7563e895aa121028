"""The red-flag symptoms asked on every check-in: any of them needs urgent care."""

from __future__ import annotations

from recovery.signs.model import RedFlag

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("rf_bladder_bowel", "New trouble passing urine, or controlling your bladder or bowels"),
    RedFlag(
        "rf_saddle_numbness",
        "Numbness around your bottom (the anus), genitals or inner thighs, where you would sit "
        "on a saddle",
    ),
    RedFlag("rf_both_legs", "Sciatica, numbness or weakness in both legs"),
    RedFlag(
        "rf_worsening_weakness",
        "Leg weakness that is quickly getting worse, or a foot that has started to drag or slap "
        "the ground as you walk",
    ),
    RedFlag("rf_sexual_dysfunction", "New problems with sexual function"),
    RedFlag("rf_fever_or_injury", "Back pain with a fever, or after a bad fall or injury"),
)
