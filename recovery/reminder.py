"""A daily reminder to check in, as an iCalendar (.ics) file any calendar app can import.

It holds a repeating event and an alarm, and nothing else: no link (a shared link is the key
to a journal), no name, no health data. It is built from the chosen time alone, so it
cannot carry anything from a journal. The time is "floating" (no time zone): the reminder
rings at that hour wherever the person is, as a daily habit should.
"""

from __future__ import annotations

import datetime as dt
import uuid

from recovery import text

SUMMARY = f"{text.APP_NAME}: daily check-in"
DESCRIPTION = (
    f"Time for your {text.APP_NAME} check-in: seven quick questions about the last 24 hours. "
    "Open the app the way you usually do."
)
EVENT_MINUTES = 5


def _escape(value: str) -> str:
    """A TEXT value as iCalendar writes it (RFC 5545, 3.3.11)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next, after one space (RFC 5545, 3.1)."""
    data = line.encode("utf-8")
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while (data[cut] & 0xC0) == 0x80:  # never split a character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def reminder_ics(at: dt.time, first_day: dt.date, now: dt.datetime) -> str:
    """A calendar file with one event every day at ``at`` from ``first_day``, with an alarm.

    ``now`` stamps the file (DTSTAMP, in UTC).
    """
    start = dt.datetime.combine(first_day, at.replace(second=0, microsecond=0))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{text.APP_NAME}//Daily reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uuid.uuid4()}@seven-signs.reminder",
        f"DTSTAMP:{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"DURATION:PT{EVENT_MINUTES}M",
        "RRULE:FREQ=DAILY",
        f"SUMMARY:{_escape(SUMMARY)}",
        f"DESCRIPTION:{_escape(DESCRIPTION)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        f"DESCRIPTION:{_escape(SUMMARY)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
