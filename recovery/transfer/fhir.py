"""The journal as an HL7 FHIR R4 Bundle: how patient-reported values reach a clinic system.

One ``collection`` Bundle of Observations (category ``survey``): one per logged day and
measure, and one per red-flag question the person answered (a question never asked is left
out, never sent as "no"). Leg pain carries LOINC 72514-3 and hours slept LOINC 93832-4
(CLINICAL.md, "Interoperability"); every other measure a code of this app's own code
system, MEASURE_SYSTEM, whose codes are the journal's column names. The subject is a
display name only, as on the PDF report: no Patient resource, no identifier. Days of the
example recovery are made up, so they are left out. The weekly measures travel as
Questionnaires and QuestionnaireResponses (fhir_weekly); flare-ups logged as they happened
follow, one Observation each (transfer/fhir_flares.py).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

import duckdb

from recovery import storage
from recovery.signs import MEASURES_BY_COLUMN, RED_FLAGS, Measure
from recovery.storage import EXAMPLE_BATCH
from recovery.transfer.fhir_flares import flare_entries
from recovery.transfer.fhir_weekly import weekly_entries

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
# This app's own codes (the journal's column names), for measures without a LOINC code.
MEASURE_SYSTEM = "urn:seven-signs:measure"
RED_FLAG_SYSTEM = "urn:seven-signs:red-flag"
LOINC_CODES = {
    "leg_pain": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "sleep_hours": ("93832-4", "Sleep duration"),
}
# UCUM units of the measures that have one.
_UCUM = {"minutes": ("min", "min"), "cm": ("cm", "cm"), "h": ("h", "h")}
# Stable resource ids: the same day and measure of the same journal keep theirs.
_NAMESPACE = uuid.UUID("6f1c0e1e-5a7b-4f0b-9a53-7d1b6c2f4e90")


def _code(column: str, label: str, system: str) -> dict[str, object]:
    if column in LOINC_CODES:
        code, display = LOINC_CODES[column]
        coding = [{"system": LOINC, "code": code, "display": display}]
    else:
        coding = [{"system": system, "code": column, "display": label}]
    return {"coding": coding, "text": label}


def _value(measure: Measure, value: object) -> dict[str, object]:
    """The Observation's value[x] for one stored answer."""
    if measure.kind == "yesno":
        return {"valueBoolean": bool(value)}
    if measure.kind in ("scale", "count"):
        return {"valueInteger": int(value)}
    unit = _UCUM.get("minutes" if measure.kind == "minutes" else measure.unit)
    if unit is not None:
        number = float(value)
        quantity = {"value": int(number) if number.is_integer() else number}
        return {"valueQuantity": quantity | {"unit": unit[0], "system": UCUM, "code": unit[1]}}
    return {"valueString": str(value)}


def _observation(
    owner: str, day: dt.date, code: dict[str, object], value: dict[str, object], subject: str
) -> dict[str, object]:
    column = code["coding"][0]["code"]
    resource_id = uuid.uuid5(_NAMESPACE, f"{owner}/{day.isoformat()}/{column}")
    resource = {
        "resourceType": "Observation",
        "id": str(resource_id),
        "status": "final",
        "category": [
            {"coding": [{"system": CATEGORY_SYSTEM, "code": "survey", "display": "Survey"}]}
        ],
        "code": code,
        "subject": {"display": subject},
        "effectiveDateTime": day.isoformat(),
        **value,
    }
    return {"fullUrl": f"urn:uuid:{resource_id}", "resource": resource}


def export_fhir(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    name: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The journal (or a date range of it) as a FHIR R4 collection Bundle, in JSON."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    subject = name or "Seven Signs journal"
    entries = []
    for record in storage.checkin_records(conn, owner, start, end):
        if record["batch"] == EXAMPLE_BATCH:
            continue
        day = record["day"]
        for column, measure in MEASURES_BY_COLUMN.items():
            value = record.get(column)
            if value is None or (measure.kind == "text" and not str(value).strip()):
                continue
            code = _code(column, measure.label, MEASURE_SYSTEM)
            entries.append(_observation(owner, day, code, _value(measure, value), subject))
        for flag in RED_FLAGS:
            answer = record.get(flag.column)
            if answer is None:  # not asked: left out, never "no"
                continue
            code = _code(flag.column, flag.question, RED_FLAG_SYSTEM)
            entries.append(_observation(owner, day, code, {"valueBoolean": bool(answer)}, subject))
    entries += weekly_entries(conn, owner, subject, start, end)
    entries += flare_entries(conn, owner, start, end, subject)
    bundle: dict[str, object] = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now.isoformat(),
    }
    if entries:  # FHIR allows no empty lists: a Bundle of nothing has no "entry" at all
        bundle["entry"] = entries
    return json.dumps(bundle, ensure_ascii=False) + "\n"
