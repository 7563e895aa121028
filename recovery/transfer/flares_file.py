"""Flare-ups and medicines in and out: their CSV, their JSON backup sections, and the
checks a backup's sections pass before anything is written.

A backup holds three sections beside its check-ins: ``flare_ups``, ``medicines`` and
``medicine_doses``, each a list of flat objects. Backups from before these existed have
none and still restore.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping

import duckdb

from recovery import storage
from recovery.signs import flares
from recovery.storage import EXAMPLE_BATCH
from recovery.transfer.checks import ImportProblem, ParsedFile, guard, shown
from recovery.transfer.writing import is_own_batch
from recovery.validation import ValidationError

FLARE_CSV_COLUMNS: tuple[str, ...] = (
    "date",
    "time",
    "severity",
    "minutes",
    "trigger",
    "helped",
    "helped_other",
    "note",
    "medicine",
    "medicine_time",
    "example",
)
FLARE_SECTION = "flare_ups"
MEDICINE_SECTION = "medicines"
DOSE_SECTION = "medicine_doses"
SECTIONS: tuple[str, ...] = (MEDICINE_SECTION, DOSE_SECTION, FLARE_SECTION)
# The fields of each section's entries, in the order a backup writes them.
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    FLARE_SECTION: ("id", *flares.FLARE_FIELDS, "batch", "created_at", "updated_at"),
    MEDICINE_SECTION: ("id", *flares.MEDICINE_FIELDS, "batch", "created_at", "updated_at"),
    DOSE_SECTION: ("day", "medicine_id", "taken", "batch", "updated_at"),
}
# Bounds that fit any real journal (see storage.flares.MAX_FLARES and storage.medicines).
SECTION_LIMITS: dict[str, int] = {
    FLARE_SECTION: storage.flares.MAX_FLARES,
    MEDICINE_SECTION: storage.medicines.MAX_MEDICINES,
    DOSE_SECTION: storage.medicines.MAX_DOSES,
}
MAX_ID = 64


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def export_flares_csv(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    """The flare-ups (or those of a date range) as CSV text, one row each, earliest first."""
    names = {m["id"]: m["name"] for m in storage.list_medicines(conn, owner)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FLARE_CSV_COLUMNS)
    for r in storage.flare_records(conn, owner, start, end):
        medicine_at = r["medicine_at"]
        writer.writerow(
            [
                r["day"].isoformat(),
                f"{r['started_at']:%H:%M}",
                r["severity"],
                _cell(r["minutes"]),
                r["trigger"],
                _cell(r["helped"]),
                guard(r["helped_other"]) if r["helped_other"] else "",
                guard(r["note"]) if r["note"] else "",
                guard(names.get(r["medicine_id"], "")) if r["medicine_id"] else "",
                f"{medicine_at:%H:%M}" if medicine_at is not None else "",
                _cell(r["batch"] == EXAMPLE_BATCH),
            ]
        )
    return buffer.getvalue()


def _json_value(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def section_entries(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[str, list[dict[str, object]]]:
    """The backup's sections for an owner: every medicine, and the period's days and flare-ups."""
    records = {
        MEDICINE_SECTION: storage.list_medicines(conn, owner),
        DOSE_SECTION: storage.dose_records(conn, owner, start, end),
        FLARE_SECTION: storage.flare_records(conn, owner, start, end),
    }
    return {
        name: [{f: _json_value(r.get(f)) for f in SECTION_FIELDS[name]} for r in rows]
        for name, rows in records.items()
    }


def _stamp(raw: object) -> dt.datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.fromisoformat(raw).replace(tzinfo=None)
    except ValueError:
        return None


class _Checker:
    """Checks one section's entries, adding problems to the file as 'flare_ups 3: …'."""

    def __init__(self, parsed: ParsedFile, section: str, now: dt.datetime):
        self.parsed, self.section, self.now = parsed, section, now

    def problem(self, index: int, column: str, value: object, message: str) -> None:
        self.parsed.add(
            ImportProblem(index, f"{self.section}: {column}"[:80], shown(value)[:80], message)
        )

    def fields(self, index: int, entry: object) -> dict | None:
        if not isinstance(entry, dict):
            self.problem(index, "", entry, "each entry must be an object of names and values")
            return None
        allowed = SECTION_FIELDS[self.section]
        for name in entry:
            if name not in allowed:
                self.problem(index, name, entry[name], f"{name[:40]} is not a field of this list")
        return entry

    def ident(self, index: int, entry: dict, name: str = "id") -> str | None:
        raw = entry.get(name)
        if not isinstance(raw, str) or not raw or len(raw) > MAX_ID:
            self.problem(index, name, raw, f"{name} must be a short text")
            return None
        return raw

    def batch(self, index: int, entry: dict) -> str | None:
        raw = entry.get("batch")
        if raw is None or (isinstance(raw, str) and is_own_batch(raw)):
            return raw
        self.problem(index, "batch", raw, 'batch must be empty, "example" or an import label')
        return None

    def stamps(self, index: int, entry: dict, names: tuple[str, ...]) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in names:
            raw = entry.get(name)
            if raw is None:
                out[name] = None
                continue
            stamp = _stamp(raw)
            if stamp is None or stamp > self.now + flares.FUTURE_SLACK:
                self.problem(index, name, raw, f"{name} must be a past date and time")
            out[name] = stamp
        return out

    def validated(self, index: int, check, values: Mapping[str, object]) -> dict | None:
        try:
            return check(values)
        except ValidationError as error:
            for p in error.problems:
                self.problem(index, p.column, p.value, p.message)
            return None


def check_sections(
    parsed: ParsedFile, sections: Mapping[str, list[object]], now: dt.datetime | None = None
) -> None:
    """Check a backup's flare-up and medicine sections; keep the valid ones on ``parsed``."""
    now = now or dt.datetime.now()
    kept: dict[str, list[dict[str, object]]] = {name: [] for name in SECTIONS}
    medicine_ids: set[str] = set()
    check = _Checker(parsed, MEDICINE_SECTION, now)
    for index, raw in enumerate(sections.get(MEDICINE_SECTION, []), start=1):
        entry = check.fields(index, raw)
        if entry is None:
            continue
        ident = check.ident(index, entry)
        clean = check.validated(
            index, flares.validate_medicine, {**entry, "retired": entry.get("retired", False)}
        )
        stamps = check.stamps(index, entry, ("created_at", "updated_at"))
        if ident and clean is not None:
            medicine_ids.add(ident)
            kept[MEDICINE_SECTION].append(
                {"id": ident, **clean, "batch": check.batch(index, entry), **stamps}
            )
    check = _Checker(parsed, DOSE_SECTION, now)
    for index, raw in enumerate(sections.get(DOSE_SECTION, []), start=1):
        entry = check.fields(index, raw)
        if entry is None:
            continue
        medicine = check.ident(index, entry, "medicine_id")
        if medicine and medicine not in medicine_ids:
            check.problem(
                index, "medicine_id", medicine, "this medicine is not in the backup's medicines"
            )
        try:
            day = dt.date.fromisoformat(entry.get("day"))
        except (TypeError, ValueError):
            check.problem(index, "day", entry.get("day"), "day must be a date such as 2026-03-31")
            continue
        if not isinstance(entry.get("taken"), bool):
            check.problem(index, "taken", entry.get("taken"), "taken must be true or false")
            continue
        stamps = check.stamps(index, entry, ("updated_at",))
        kept[DOSE_SECTION].append(
            {
                "day": day,
                "medicine_id": medicine,
                "taken": entry["taken"],
                "batch": check.batch(index, entry),
                **stamps,
            }
        )
    check = _Checker(parsed, FLARE_SECTION, now)
    for index, raw in enumerate(sections.get(FLARE_SECTION, []), start=1):
        entry = check.fields(index, raw)
        if entry is None:
            continue
        ident = check.ident(index, entry)
        clean = check.validated(index, lambda v: flares.validate_flare(v, now=now), entry)
        if clean is not None and clean["medicine_id"] and clean["medicine_id"] not in medicine_ids:
            check.problem(
                index,
                "medicine_id",
                clean["medicine_id"],
                "this medicine is not in the backup's medicines",
            )
        stamps = check.stamps(index, entry, ("created_at", "updated_at"))
        if ident and clean is not None:
            kept[FLARE_SECTION].append(
                {"id": ident, **clean, "batch": check.batch(index, entry), **stamps}
            )
    parsed.extras = kept
