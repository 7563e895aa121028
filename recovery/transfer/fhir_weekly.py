"""The weekly measures in FHIR R4: a Questionnaire per measure, a QuestionnaireResponse per week.

Three Questionnaires: weekly bothersomeness (SBI structure) and weekly frequency (SFI
structure), four integer items 0-6 and their 0-24 total, and the person's own activities
(PSFS structure), a repeating group of an activity's name and its 0-10 rating with the mean.
They are sent only with a journal's own weekly answers (the example's are made up), each
response pointing at its Questionnaire by canonical URL. Question texts are this app's own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

import duckdb

from recovery import storage
from recovery.analysis.weekly import activity_means, totals
from recovery.signs import weekly as items
from recovery.storage import EXAMPLE_BATCH

QUESTIONNAIRE_BASE = "urn:seven-signs:questionnaire"
_NAMESPACE = uuid.UUID("0b8f3a52-3c51-4a4e-9d7e-2f6f1d7c9a11")
PSFS = "activities"


def questionnaire_url(key: str) -> str:
    """The canonical URL of one weekly Questionnaire ('bothersome', 'frequency', 'activities')."""
    return f"{QUESTIONNAIRE_BASE}:{key}"


def _entry(resource: dict[str, object]) -> dict[str, object]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _scale_questionnaire(scale: items.WeeklyScale) -> dict[str, object]:
    anchors = ", ".join(f"{n} {word}" for n, word in enumerate(scale.anchors))
    return {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(_NAMESPACE, scale.key)),
        "url": questionnaire_url(scale.key),
        "name": scale.index,
        "title": f"{scale.title} (structure of the {scale.index}; {scale.source})",
        "status": "active",
        "item": [
            {
                "linkId": item.key,
                "text": f"{scale.question.format(symptom=item.symptom)} ({anchors})",
                "type": "integer",
            }
            for item in items.ITEMS
        ]
        + [{"linkId": "total", "text": "Total, 0-24", "type": "integer", "readOnly": True}],
    }


def _activities_questionnaire() -> dict[str, object]:
    return {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(_NAMESPACE, PSFS)),
        "url": questionnaire_url(PSFS),
        "name": "PSFS",
        "title": f"Your own activities (structure of the PSFS; {items.PSFS_SOURCE})",
        "status": "active",
        "item": [
            {
                "linkId": "activity",
                "text": "An activity the sciatica makes hard",
                "type": "group",
                "repeats": True,
                "item": [
                    {"linkId": "activity.name", "text": "Activity", "type": "string"},
                    {
                        "linkId": "activity.rating",
                        "text": f"{items.ACTIVITY_QUESTION} ({'; '.join(items.ACTIVITY_ANCHORS)})",
                        "type": "integer",
                    },
                ],
            },
            {"linkId": "mean", "text": "Mean rating, 0-10", "type": "decimal", "readOnly": True},
        ],
    }


def _response(owner: str, key: str, day: dt.date, subject: str, item: list) -> dict:
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(uuid.uuid5(_NAMESPACE, f"{owner}/{key}/{day.isoformat()}")),
        "questionnaire": questionnaire_url(key),
        "status": "completed",
        "subject": {"display": subject},
        "authored": day.isoformat(),
        "item": item,
    }


def weekly_entries(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    subject: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dict[str, object]]:
    """Bundle entries for the journal's own weekly answers (none when it has none)."""

    def within(day: dt.date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    answers = [
        r for r in storage.weekly_answers(conn, owner, skip_batch=EXAMPLE_BATCH) if within(r["day"])
    ]
    ratings = [
        r
        for r in storage.activity_ratings(conn, owner, skip_batch=EXAMPLE_BATCH)
        if within(r["day"])
    ]
    names = {a.activity_id: a.name for a in storage.activities(conn, owner)}
    # A rating whose activity was removed (the example's) has no name to send.
    ratings = [r for r in ratings if r["activity_id"] in names]
    entries: list[dict[str, object]] = []
    for scale in items.SCALES:
        by_day: dict[dt.date, list[dict]] = defaultdict(list)
        for row in answers:
            if row[scale.key] is not None:
                by_day[row["day"]].append(
                    {"linkId": row["item"], "answer": [{"valueInteger": row[scale.key]}]}
                )
        if not by_day:
            continue
        entries.append(_entry(_scale_questionnaire(scale)))
        week_totals = dict(totals(answers, scale.key))
        for day, answered in sorted(by_day.items()):
            if day in week_totals:
                total = {"valueInteger": int(week_totals[day])}
                answered = [*answered, {"linkId": "total", "answer": [total]}]
            entries.append(_entry(_response(owner, scale.key, day, subject, answered)))
    if ratings:
        entries.append(_entry(_activities_questionnaire()))
        by_week: dict[dt.date, list[dict]] = defaultdict(list)
        for row in ratings:
            by_week[row["day"]].append(
                {
                    "linkId": "activity",
                    "item": [
                        {
                            "linkId": "activity.name",
                            "answer": [{"valueString": names[row["activity_id"]]}],
                        },
                        {"linkId": "activity.rating", "answer": [{"valueInteger": row["rating"]}]},
                    ],
                }
            )
        means = dict(activity_means(ratings))
        for day, groups in sorted(by_week.items()):
            mean = {"linkId": "mean", "answer": [{"valueDecimal": means[day]}]}
            entries.append(_entry(_response(owner, PSFS, day, subject, [*groups, mean])))
    return entries
