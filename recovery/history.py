"""The journal as people read it: sign names instead of column names, newest day first."""

from __future__ import annotations

import pandas as pd

from recovery.signs import ALL_MEASURES, RED_FLAGS, Measure


def _yes_no(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return "Yes" if bool(value) else "No"


def header(measure: Measure) -> str:
    """A column heading with the scale or unit where it helps: 'Leg pain (0-10)'."""
    if measure.kind == "scale":
        return f"{measure.label} (0-10)"
    if measure.kind in ("minutes", "decimal"):
        return f"{measure.label} ({measure.unit})"
    return measure.label


def readable_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per day, newest first, headed by labels; red flags folded into one column."""
    table = pd.DataFrame({"Date": frame["day"]})
    for measure in ALL_MEASURES:
        column = frame[measure.column]
        if measure.kind == "yesno":
            column = column.map(_yes_no)
        elif measure.kind == "choice":
            column = column.str.capitalize()
        table[header(measure)] = column
    table["Red flags"] = [
        "; ".join(flag.question for flag in RED_FLAGS if row[flag.column]) or ""
        for _, row in frame.iterrows()
    ]
    return table.iloc[::-1].reset_index(drop=True)
