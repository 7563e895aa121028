"""The journal as people read it: a short table for a phone, and one day in full."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from recovery.signs import ALL_MEASURES, RED_FLAGS, SIGNS, Measure
from recovery.text.safety import NOT_ASKED

BLANK = "–"  # an en dash: clearly "not recorded", never the word None
NOTE_PREVIEW = 32


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))


def header(measure: Measure) -> str:
    """A column heading with the scale or unit where it helps: 'Leg pain (0-10)'."""
    if measure.kind == "scale":
        return f"{measure.label} (0-10)"
    if measure.kind in ("minutes", "decimal"):
        return f"{measure.label} ({measure.unit})"
    return measure.label


def cell(measure: Measure, value: object) -> str:
    """One value as the table shows it: 7, 45 min, Yes, Strenuous, or a dash for none."""
    if _missing(value):
        return BLANK
    if measure.kind == "yesno":
        return "Yes" if bool(value) else "No"
    if measure.kind == "choice":
        return str(value).capitalize()
    if measure.kind == "decimal":
        return f"{float(value):g}"
    if measure.kind in ("scale", "count", "minutes"):
        return str(int(value))
    return str(value)


def short_date(day: dt.date, with_year: bool = False) -> str:
    """A day as a phone column fits it: 'Mon 23 Nov' (with the year when it helps)."""
    return f"{day:%a} {day.day} {day:%b}" + (f" {day:%Y}" if with_year else "")


def note_preview(note: object) -> str:
    """The start of a note on one line, or a dash."""
    if _missing(note) or not str(note).strip():
        return BLANK
    line = " ".join(str(note).split())
    return line if len(line) <= NOTE_PREVIEW else line[: NOTE_PREVIEW - 1].rstrip() + "…"


def table_days(frame: pd.DataFrame) -> list[dt.date]:
    """The days in the table's order, newest first: row ``i`` of ``phone_table`` is day ``i``."""
    return list(reversed(frame["day"].tolist()))


def phone_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per day, newest first: the date, the seven signs by short name, a note start."""
    # The same order as table_days, which the page uses to find the day of a tapped row.
    newest_first = frame.iloc[::-1].reset_index(drop=True)
    years = {day.year for day in newest_first["day"]}
    table = pd.DataFrame({"Date": [short_date(day, len(years) > 1) for day in newest_first["day"]]})
    for sign in SIGNS:
        table[sign.short_title] = [cell(sign.primary, v) for v in newest_first[sign.primary.column]]
    table["Note"] = [note_preview(n) for n in newest_first["notes"]]
    table["Red flag"] = [red_flag_cell(row) for _, row in newest_first.iterrows()]
    return table


# On a 390 px phone the date and all seven signs fit side by side only with narrow columns:
# each sign's column is headed by its number, and a key above the table names them.
DATE_WIDTH = 92
SIGN_WIDTH = 36


def sign_headers() -> dict[str, str]:
    """Each sign's column (its short title) and the narrow heading a phone shows: its number."""
    return {sign.short_title: str(sign.number) for sign in SIGNS}


def column_key() -> str:
    """The key to the numbered columns: '1 Leg pain · 2 Pain flare-ups · ...'."""
    return " · ".join(f"**{sign.number}** {sign.short_title}" for sign in SIGNS)


def red_flag_rows(table: pd.DataFrame) -> list[bool]:
    """Which rows of ``phone_table`` are days with a red flag reported (the page marks them)."""
    return [value == "Yes" for value in table["Red flag"]]


def red_flag_cell(row: pd.Series | dict) -> str:
    """The table's red-flag column: 'Yes', '' for none, or 'Not asked' when nobody asked."""
    answers = [row[flag.column] for flag in RED_FLAGS]
    if any(not _missing(answer) and bool(answer) for answer in answers):
        return "Yes"
    if all(_missing(answer) for answer in answers):
        return NOT_ASKED
    return ""


def day_details(record: dict[str, object]) -> list[tuple[str, str]]:
    """Every answer of one day as (label, value) pairs, blanks shown as a dash."""
    details = [
        (header(measure), cell(measure, record.get(measure.column))) for measure in ALL_MEASURES
    ]
    flags = [
        flag.question
        for flag in RED_FLAGS
        if not _missing(record.get(flag.column)) and bool(record.get(flag.column))
    ]
    if flags:
        answer = "; ".join(flags)
    elif all(_missing(record.get(flag.column)) for flag in RED_FLAGS):
        answer = NOT_ASKED  # an imported day whose file did not ask them: unknown, not "None"
    else:
        answer = "None"
    details.append(("Red flags", answer))
    return details
