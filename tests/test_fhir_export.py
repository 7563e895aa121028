"""The FHIR export: a valid R4 Bundle whose numbers are the journal's, and nothing more."""

import datetime as dt
import json

from fhir.resources.bundle import Bundle
from fhir.resources.observation import Observation

from recovery import example, storage, transfer
from recovery.signs import MEASURES_BY_COLUMN, RED_FLAG_COLUMNS
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin
from tests.support import DAY1, DAY2, run

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def _bundle(conn, **kwargs) -> dict:
    text = transfer.export_fhir(conn, LOCAL_OWNER, now=NOW, **kwargs)
    Bundle(json.loads(text))  # strict: every resource checked against the R4 models
    return json.loads(text)


def _observations(bundle: dict) -> list[dict]:
    return [entry["resource"] for entry in bundle.get("entry", [])]


def _value(resource: dict) -> object:
    for key in ("valueInteger", "valueBoolean", "valueString"):
        if key in resource:
            return resource[key]
    return resource["valueQuantity"]["value"]


def test_every_resource_is_a_valid_r4_observation_of_the_survey_category(conn):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(notes="stiff after the drive"))
    bundle = _bundle(conn, name="Sam")
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    assert bundle["timestamp"] == NOW.isoformat()
    for entry in bundle["entry"]:
        resource = Observation(entry["resource"])
        assert entry["fullUrl"] == f"urn:uuid:{resource.id}"
        assert resource.status == "final"
        assert resource.category[0].coding[0].code == "survey"
        # A display name only: no Patient resource, no identifier.
        assert resource.subject.display == "Sam" and resource.subject.reference is None
        assert resource.effectiveDateTime.isostring == DAY1.isoformat()


def test_leg_pain_and_hours_slept_carry_their_loinc_codes(conn):
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(leg_pain=6, sleep_hours=6.5))
    by_code = {r["code"]["coding"][0]["code"]: r for r in _observations(_bundle(conn))}
    pain = by_code["72514-3"]
    assert pain["code"]["coding"][0]["system"] == "http://loinc.org"
    assert pain["code"]["coding"][0]["display"] == (
        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    )
    assert pain["valueInteger"] == 6
    sleep = by_code["93832-4"]["valueQuantity"]
    assert (sleep["value"], sleep["code"], sleep["system"]) == (
        6.5,
        "h",
        "http://unitsofmeasure.org",
    )
    walking = by_code["walk_minutes"]
    assert walking["code"]["coding"][0]["system"] == transfer.fhir.MEASURE_SYSTEM
    assert walking["valueQuantity"]["code"] == "min"


def test_the_numbers_round_trip_against_the_journal(conn):
    example.load_example(conn, "someone-else", TODAY, today=TODAY)  # never in this export
    for day, pain in ((DAY1, 7), (DAY2, 4)):
        storage.save_checkin(conn, LOCAL_OWNER, day, checkin(leg_pain=pain, walk_minutes=35))
    exported = {}
    for resource in _observations(_bundle(conn)):
        column = resource["code"]["coding"][0]["code"]
        column = {"72514-3": "leg_pain", "93832-4": "sleep_hours"}.get(column, column)
        exported[(resource["effectiveDateTime"], column)] = _value(resource)
    for record in storage.checkin_records(conn, LOCAL_OWNER):
        for column in [*MEASURES_BY_COLUMN, *RED_FLAG_COLUMNS]:
            key = (record["day"].isoformat(), column)
            if record[column] is None or record[column] == "":
                assert key not in exported
            else:
                assert exported[key] == record[column], key
    assert {day for day, _ in exported} == {DAY1.isoformat(), DAY2.isoformat()}


def test_a_red_flag_never_asked_is_left_out_never_sent_as_no(conn):
    values = checkin()
    values["rf_both_legs"] = None  # an imported day that never asked it
    values["rf_bladder_bowel"] = True
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, values)
    flags = {
        r["code"]["coding"][0]["code"]: r["valueBoolean"]
        for r in _observations(_bundle(conn))
        if r["code"]["coding"][0]["system"] == transfer.fhir.RED_FLAG_SYSTEM
    }
    assert flags["rf_bladder_bowel"] is True
    assert flags["rf_saddle_numbness"] is False  # asked, answered no
    assert "rf_both_legs" not in flags


def test_the_example_recovery_is_made_up_and_not_exported(conn):
    example.load_example(conn, LOCAL_OWNER, TODAY, today=TODAY)
    bundle = _bundle(conn)
    assert "entry" not in bundle  # FHIR has no empty lists


def test_the_command_line_writes_the_bundle(db_path, tmp_path):
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, LOCAL_OWNER, DAY1, checkin(leg_pain=3))
    conn.close()
    target = tmp_path / "journal.fhir.json"
    result = run("export", "--format", "fhir", "--name", "Sam", "-o", str(target), db=db_path)
    assert result.returncode == 0, result.stderr
    bundle = Bundle(json.loads(target.read_text(encoding="utf-8")))
    assert bundle.type == "collection"
    assert {entry.resource.subject.display for entry in bundle.entry} == {"Sam"}
