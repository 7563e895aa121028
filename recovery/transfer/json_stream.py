"""A JSON backup read one day at a time, so a hostile file costs little memory and time.

``json.loads`` on a 50 MB file of empty entries builds millions of objects (1.2 GB measured)
before any limit can be checked. Here the top level is walked by hand and each day is decoded
on its own with the standard decoder, so the count of days is checked as they come, a day
with far more fields than a backup has is refused before its fields are looked at one by one,
and a top-level field that a backup does not have is refused before its value is decoded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from recovery.transfer.columns import JSON_FIELDS

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
# The header fields an export writes (recovery/transfer/export.py), and the list of days.
HEADER_FIELDS = ("format", "schema_version", "exported_at", "fields")
DAYS_FIELD = "checkins"
# Lists a backup holds before its days (transfer/flares_file.py, transfer/settings_file.py),
# each of flat objects;
# older backups have none of them. The most each may hold is given to read_backup.
SECTION_FIELDS = ("medicines", "medicine_doses", "flare_ups", "settings")
# A header value is a short word, a number, a time or the list of field names: decoded only
# when it starts within this many characters of its end (checked by a bounded pattern).
_SHORT_VALUE = re.compile(r'"[^"\\]{0,64}"|-?\d{1,9}|\[(?:\s*"[^"\\]{0,64}"\s*,?){0,100}\s*\]')


class BackupShapeError(ValueError):
    """The file is JSON-like but not shaped as a backup; the message says how, plainly."""


class TooManyDays(BackupShapeError):
    """The list of days goes on past the most a journal holds."""


def _skip_space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def _expect(text: str, at: int, char: str, what: str) -> int:
    at = _skip_space(text, at)
    if text[at : at + 1] != char:
        raise BackupShapeError(what)
    return at + 1


def _decode(text: str, at: int) -> tuple[object, int]:
    try:
        return _DECODER.raw_decode(text, at)
    except json.JSONDecodeError as error:
        line = text.count("\n", 0, error.pos) + 1
        raise BackupShapeError(f"it is not valid JSON (line {line}: {error.msg})") from None
    except RecursionError:
        raise BackupShapeError("its JSON is nested far deeper than a backup's") from None


def read_backup(
    text: str,
    max_days: int,
    tail: list[int] | None = None,
    section_limits: dict[str, int] | None = None,
) -> tuple[dict[str, object], Iterator[object]]:
    """The header fields, and the days one at a time (raises BackupShapeError as it goes).

    The days are read lazily: raising on the (max_days + 1)th, on a day with more fields than
    a backup has, or on text after the list. Once the days are all read, ``tail`` (when given)
    holds where the text after the list starts, for read_sections. The sections before the
    days (SECTION_FIELDS) are read at once into the header, as lists, each entry checked as
    flat like a day.
    """
    limits = section_limits or {}
    at = _expect(text, 0, "{", "it does not start with {")
    header: dict[str, object] = {}
    while True:
        at = _skip_space(text, at)
        if text[at : at + 1] == "}":
            raise BackupShapeError(f'it has no "{DAYS_FIELD}" list of days')
        name, at = _decode(text, at)
        if not isinstance(name, str):
            raise BackupShapeError("its fields are not named")
        at = _expect(text, at, ":", f'the field "{name[:40]}" has no value')
        at = _skip_space(text, at)
        if name == DAYS_FIELD:
            at = _expect(text, at, "[", f'"{DAYS_FIELD}" is not a list of days')
            return header, _days(text, at, max_days, tail)
        if name in SECTION_FIELDS:
            if name in header:
                raise BackupShapeError(f'it has "{name}" twice')
            at = _expect(text, at, "[", f'"{name}" is not a list')
            header[name], at = _entries(text, at, limits.get(name, 0), name)
            at = _skip_space(text, at)
            if text[at : at + 1] == ",":
                at += 1
            continue
        if name not in HEADER_FIELDS:
            raise BackupShapeError(f'it has a field "{name[:40]}" that a backup does not have')
        if not _SHORT_VALUE.match(text, at):
            raise BackupShapeError(f'its "{name}" is not what a backup holds there')
        header[name], at = _decode(text, at)
        at = _skip_space(text, at)
        if text[at : at + 1] == ",":
            at += 1


def _entries(text: str, at: int, most: int, name: str) -> tuple[list[object], int]:
    """A section's flat entries, and the position after its closing ]."""
    entries: list[object] = []
    at = _skip_space(text, at)
    if text[at : at + 1] == "]":
        return entries, at + 1
    while True:
        count = len(entries) + 1
        if count > most:
            raise BackupShapeError(f'its "{name}" holds more than {most:,} entries')
        at = _skip_space(text, at)
        if text[at : at + 1] == "{" and not _FLAT_DAY.match(text, at):
            raise BackupShapeError(f'entry {count:,} of "{name}" is not a flat object')
        entry, at = _decode(text, at)
        if isinstance(entry, dict) and len(entry) > MOST_FIELDS:
            raise BackupShapeError(f'entry {count:,} of "{name}" has far too many fields')
        entries.append(entry)
        at = _skip_space(text, at)
        following = text[at : at + 1]
        if following == "]":
            return entries, at + 1
        if following != ",":
            raise BackupShapeError(f'entry {count:,} of "{name}" is not followed by a comma')
        at += 1


def _days(
    text: str, at: int, max_days: int, tail: list[int] | None = None, noun: str = "day"
) -> Iterator[object]:
    count = 0
    at = _skip_space(text, at)
    if text[at : at + 1] == "]":
        if tail is not None:
            tail.append(at + 1)
        return
    while True:
        count += 1
        if count > max_days:
            raise TooManyDays(f"it holds more than {max_days:,} {noun}s")
        at = _skip_space(text, at)
        if text[at : at + 1] == "{" and not _FLAT_DAY.match(text, at):
            # Checked before decoding: a day holding a 50 MB list took seconds and 400 MB.
            raise BackupShapeError(
                f"{noun} {count:,} is not what a backup's {noun} holds (field names with "
                "short values: no lists, no nested objects, no text longer than a note)"
            )
        day, at = _decode(text, at)
        if isinstance(day, dict) and len(day) > MOST_FIELDS:
            raise BackupShapeError(
                f"{noun} {count:,} has {len(day):,} fields; a backup's {noun}s have at most "
                f"{len(JSON_FIELDS)}"
            )
        yield day
        at = _skip_space(text, at)
        following = text[at : at + 1]
        if following == "]":
            if tail is not None:
                tail.append(at + 1)
            return
        if following != ",":
            raise BackupShapeError(f"{noun} {count:,} is not followed by a comma or the list's end")
        at += 1


# What a backup's day is: one flat object of names and plain values, text no longer than a
# note (2,000 characters, each at most 6 when escaped). Matched in linear time, bounded.
_STRING = r'"(?:[^"\\\n]|\\.){0,12000}"'
_VALUE = rf"(?:{_STRING}|[-+.\deE]{{1,40}}|true|false|null)"
_FLAT_DAY = re.compile(rf"\{{\s*(?:{_STRING}\s*:\s*{_VALUE}\s*(?:,\s*|(?=\}})))*\}}")
# A day has at most one of each field; a few more are reported one by one, but a day with
# far more is refused at once (50,000 made-up names took seconds to report, one hint each).
MOST_FIELDS = len(JSON_FIELDS) + 20


# The weekly sections a backup holds after its days (schema version 7 on): each a list of
# flat objects like a day, read with the same bounds.
WEEKLY_SECTIONS = ("weekly_answers", "activities", "activity_ratings")


def read_sections(text: str, at: int, max_rows: int) -> dict[str, list[object]]:
    """The weekly sections after the list of days (none in a backup made before them)."""
    sections: dict[str, list[object]] = {}
    while True:
        at = _skip_space(text, at)
        following = text[at : at + 1]
        if following in ("}", ""):
            return sections
        if following != ",":
            raise BackupShapeError("the list of days is not followed by a comma or the end")
        at = _skip_space(text, at + 1)
        name, at = _decode(text, at)
        if name in sections:
            raise BackupShapeError(f'it has the field "{name}" twice')
        if name not in WEEKLY_SECTIONS:
            raise BackupShapeError(f'it has a field "{str(name)[:40]}" that a backup does not have')
        at = _expect(text, at, ":", f'the field "{name}" has no value')
        at = _expect(text, at, "[", f'"{name}" is not a list')
        tail: list[int] = []
        noun = {"weekly_answers": "weekly answer", "activities": "activity row"}.get(name, "rating")
        sections[name] = list(_days(text, at, max_rows, tail, noun))
        at = tail[0]
