"""The seven signs of sciatica improvement, the check-in's other questions and the red flags.

``registry`` holds the seven signs (the one place they are defined), ``context`` the other
questions, ``red_flags`` the urgent symptoms, ``model`` what they are made of, and
``columns`` the column lists and lookups every other module derives from them.
"""

from recovery.signs.columns import (
    ALL_MEASURES,
    CHECKIN_COLUMNS,
    MEASURES_BY_COLUMN,
    RED_FLAG_COLUMNS,
    SIGN_KEYS,
    SIGN_MEASURES,
    label_for,
)
from recovery.signs.context import ACTIVITY_LEVELS, CONTEXT
from recovery.signs.model import Better, Kind, Measure, RedFlag, Sign, Threshold
from recovery.signs.red_flags import RED_FLAGS
from recovery.signs.registry import SIGNS, sign

__all__ = [
    "ACTIVITY_LEVELS",
    "ALL_MEASURES",
    "CHECKIN_COLUMNS",
    "CONTEXT",
    "MEASURES_BY_COLUMN",
    "RED_FLAGS",
    "RED_FLAG_COLUMNS",
    "SIGNS",
    "SIGN_KEYS",
    "SIGN_MEASURES",
    "Better",
    "Kind",
    "Measure",
    "RedFlag",
    "Sign",
    "Threshold",
    "label_for",
    "sign",
]
