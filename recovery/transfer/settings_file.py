"""A person's choices (exercise aim, planned on/off test, weekly day) in the JSON backup.

The backup's ``settings`` section is a list of ``{"name", "value"}`` entries, before the days.
Only the names this app keeps are exported or taken back; the values are checked again when
they are read (an unreadable aim or plan reads as unset), so here they need only be short
text. Backups from before this section restore as before, without choices.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from recovery.analysis import helps_plan
from recovery.signs import weekly
from recovery.storage import preferences
from recovery.transfer.checks import ImportProblem, ParsedFile, shown

SECTION = "settings"
NAMES: tuple[str, ...] = (preferences.EXERCISE_AIM, helps_plan.SETTING, weekly.WEEKDAY_SETTING)
MAX_VALUE = 2000
LIMIT = 20  # entries a backup's section may hold (one per name, with room to spare)


def section_entries(conn: duckdb.DuckDBPyConnection, owner: str) -> list[dict[str, str]]:
    """The owner's kept choices as backup entries (an empty value is no choice)."""
    found = preferences.all_settings(conn, owner)
    return [{"name": name, "value": found[name]} for name in NAMES if found.get(name)]


def check_section(parsed: ParsedFile, entries: list[object]) -> None:
    """Check a backup's settings; keep the valid ones on ``parsed.extras``, name the rest."""
    kept: list[dict[str, str]] = []
    seen: set[str] = set()

    def problem(index: int, column: str, value: object, message: str) -> None:
        parsed.add(ImportProblem(index, f"{SECTION}: {column}", shown(value)[:80], message))

    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping) or set(entry) != {"name", "value"}:
            problem(index, "", entry, 'each setting must be {"name": ..., "value": ...}')
            continue
        name, value = entry["name"], entry["value"]
        if name not in NAMES:
            problem(index, "name", name, "not a setting this app keeps: " + ", ".join(NAMES))
        elif name in seen:
            problem(index, "name", name, "this setting is given twice")
        elif not isinstance(value, str) or len(value) > MAX_VALUE:
            problem(index, "value", value, f"the value must be text of at most {MAX_VALUE}")
        else:
            seen.add(name)
            kept.append({"name": name, "value": value})
    parsed.extras[SECTION] = kept


def restore(
    conn: duckdb.DuckDBPyConnection, owner: str, entries: list[dict[str, str]], *, replace: bool
) -> None:
    """Keep a checked backup's choices; without ``replace``, the journal's own choices stay."""
    for entry in entries:
        if replace or not preferences.get_setting(conn, owner, entry["name"]):
            preferences.set_setting(conn, owner, entry["name"], entry["value"])
