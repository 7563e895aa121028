"""Flare-ups logged as they happened, as FHIR R4 Observations beside the daily ones.

One Observation per flare-up (example flare-ups left out): code ``flare_up`` of this app's
code system FLARE_SYSTEM, value the severity 0-10, dated by its day. The time of day is a
``time`` component: the journal keeps local times without a zone, and a FHIR dateTime with
a time must carry one. Components also hold the trigger (FLARE_TRIGGER_SYSTEM, the codes of
recovery/signs/flares.py) and, when given, the minutes it lasted (UCUM).
"""

from __future__ import annotations

import datetime as dt
import uuid

import duckdb

from recovery import storage
from recovery.signs.flares import trigger_label
from recovery.storage import EXAMPLE_BATCH

FLARE_SYSTEM = "urn:seven-signs:flare-up"
FLARE_TRIGGER_SYSTEM = "urn:seven-signs:flare-trigger"
_UCUM = "http://unitsofmeasure.org"
_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_NAMESPACE = uuid.UUID("2b0a2f55-3c1e-4c4e-8a63-1f0c9b7d5e21")


def _component(code: str, label: str, value: dict[str, object]) -> dict[str, object]:
    coding = [{"system": FLARE_SYSTEM, "code": code, "display": label}]
    return {"code": {"coding": coding, "text": label}, **value}


def flare_entries(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None,
    end: dt.date | None,
    subject: str,
) -> list[dict[str, object]]:
    """Bundle entries for the owner's own flare-ups in a period (never the example's)."""
    entries = []
    for record in storage.flare_records(conn, owner, start, end):
        if record["batch"] == EXAMPLE_BATCH:
            continue
        resource_id = uuid.uuid5(_NAMESPACE, f"{owner}/{record['id']}")
        trigger = record["trigger"]
        components = [
            _component(
                "time", "Time it started", {"valueTime": f"{record['started_at']:%H:%M:%S}"}
            ),
            _component(
                "trigger",
                "What set it off",
                {
                    "valueCodeableConcept": {
                        "coding": [
                            {
                                "system": FLARE_TRIGGER_SYSTEM,
                                "code": trigger,
                                "display": trigger_label(trigger),
                            }
                        ]
                    }
                },
            ),
        ]
        if record["minutes"] is not None:
            quantity = {"value": int(record["minutes"]), "unit": "min", "system": _UCUM}
            components.append(
                _component("minutes", "How long", {"valueQuantity": quantity | {"code": "min"}})
            )
        resource = {
            "resourceType": "Observation",
            "id": str(resource_id),
            "status": "final",
            "category": [
                {"coding": [{"system": _CATEGORY, "code": "survey", "display": "Survey"}]}
            ],
            "code": {
                "coding": [{"system": FLARE_SYSTEM, "code": "flare_up", "display": "Flare-up"}],
                "text": "Flare-up (severity 0-10)",
            },
            "subject": {"display": subject},
            "effectiveDateTime": record["day"].isoformat(),
            "valueInteger": int(record["severity"]),
            "component": components,
        }
        entries.append({"fullUrl": f"urn:uuid:{resource_id}", "resource": resource})
    return entries
