"""The weekly answers as a spreadsheet: one row per week answered, for reading, not restoring.

Columns: the date; each symptom's bothersomeness and frequency (0-6); the two totals (0-24,
blank unless all four symptoms were answered); the activities' mean (0-10); one column per
activity, headed by its current name; and whether the row is the made-up example. The JSON
backup is what restores weekly answers; this file is for a spreadsheet or a clinician.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict

import duckdb

from recovery import storage
from recovery.analysis.weekly import activity_means, totals
from recovery.signs import weekly as items
from recovery.storage import EXAMPLE_BATCH
from recovery.transfer.checks import guard

ITEM_COLUMNS = tuple(f"{i.key}_{s.key}" for i in items.ITEMS for s in items.SCALES)
TOTAL_COLUMNS = ("bothersome_total", "frequency_total", "activities_mean")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def export_weekly_csv(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    """The weekly answers and activity ratings (within the dates, if given) as CSV text."""

    def within(day: dt.date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    answers = [r for r in storage.weekly_answers(conn, owner) if within(r["day"])]
    ratings = [r for r in storage.activity_ratings(conn, owner) if within(r["day"])]
    activities = storage.activities(conn, owner)
    rows: dict[dt.date, dict[str, object]] = defaultdict(dict)
    example: dict[dt.date, bool] = {}
    for r in answers:
        for scale in items.SCALE_KEYS:
            rows[r["day"]][f"{r['item']}_{scale}"] = r[scale]
        example[r["day"]] = example.get(r["day"], True) and r["batch"] == EXAMPLE_BATCH
    for scale, column in zip(items.SCALE_KEYS, TOTAL_COLUMNS, strict=False):
        for day, total in totals(answers, scale):
            rows[day][column] = total
    for day, mean in activity_means(ratings):
        rows[day]["activities_mean"] = mean
    for r in ratings:
        rows[r["day"]][f"activity {r['activity_id']}"] = r["rating"]
        example[r["day"]] = example.get(r["day"], True) and r["batch"] == EXAMPLE_BATCH
    rated = {r["activity_id"] for r in ratings}
    shown = [a for a in activities if a.activity_id in rated]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["date", *ITEM_COLUMNS, *TOTAL_COLUMNS, *(guard(a.name) for a in shown), "example"]
    )
    for day in sorted(rows):
        row = rows[day]
        writer.writerow(
            [
                day.isoformat(),
                *(_cell(row.get(c)) for c in (*ITEM_COLUMNS, *TOTAL_COLUMNS)),
                *(_cell(row.get(f"activity {a.activity_id}")) for a in shown),
                "yes" if example.get(day) else "no",
            ]
        )
    return buffer.getvalue()
