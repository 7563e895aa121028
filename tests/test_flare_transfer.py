"""Flare-ups and medicines in the backup, the flare-ups CSV, and import checks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from recovery import example, storage, transfer
from tests.conftest import TODAY, checkin

NOW = dt.datetime.combine(TODAY, dt.time(20))


def _journal(conn):
    example.load_example(conn, "local", today=TODAY)
    mine = storage.add_medicine(
        conn, "local", {"name": "Gabapentin", "dose": "300 mg", "kind": "regular"}
    )
    storage.save_day_doses(conn, "local", TODAY, {mine: True})
    storage.add_flare(
        conn,
        "local",
        {
            "started_at": NOW.replace(hour=9),
            "severity": 7,
            "trigger": "cough_sneeze",
            "helped": ["heat"],
            "helped_other": "a hot bath",
            "note": "=SUM(A1) typed as a note",
            "medicine_id": mine,
            "medicine_at": NOW.replace(hour=10),
        },
        now=NOW,
    )
    return mine


def _everything(conn, owner):
    return (
        storage.flare_records(conn, owner),
        storage.list_medicines(conn, owner),
        storage.dose_records(conn, owner),
    )


def test_a_backup_restores_every_flare_up_medicine_and_medicine_day(conn, tmp_path):
    _journal(conn)
    backup = transfer.export_json(conn, "local")
    parsed = transfer.read_file(backup.encode(), "backup.json", today=TODAY)
    assert parsed.ok, parsed.problems
    other = storage.open_database(tmp_path / "other.duckdb")
    transfer.apply_import(other, "local", parsed, replace=False, today=TODAY)
    assert _everything(other, "local") == _everything(conn, "local")
    # Restoring the same backup again adds nothing.
    again = transfer.read_file(backup.encode(), "backup.json", today=TODAY)
    transfer.apply_import(other, "local", again, replace=True, today=TODAY)
    assert _everything(other, "local") == _everything(conn, "local")
    other.close()


def test_a_backup_from_before_flare_ups_still_restores(conn):
    storage.save_checkin(conn, "local", TODAY, checkin())
    backup = json.loads(transfer.export_json(conn, "local"))
    for name in ("medicines", "medicine_doses", "flare_ups"):
        del backup[name]
    backup["schema_version"] = 6
    parsed = transfer.read_file(json.dumps(backup).encode(), "old.json", today=TODAY)
    assert parsed.ok and len(parsed.rows) == 1


def test_a_bad_flare_up_in_a_backup_is_named_plainly_and_nothing_is_imported(conn, tmp_path):
    storage.save_checkin(conn, "local", TODAY, checkin())
    storage.add_flare(
        conn, "local", {"started_at": NOW, "severity": 5, "trigger": "sitting"}, now=NOW
    )
    backup = transfer.export_json(conn, "local").replace('"severity": 5', '"severity": 12')
    backup = backup.replace('"trigger": "sitting"', '"trigger": "gardening"')
    parsed = transfer.read_file(backup.encode(), "backup.json", today=TODAY)
    assert not parsed.ok
    messages = " ".join(p.message for p in parsed.problems)
    assert "from 0 to 10" in messages and "what set it off must be one of" in messages
    assert all(p.column.startswith("flare_ups") for p in parsed.problems)


def test_the_flare_up_csv_has_a_row_per_flare_up_marks_example_rows_and_guards_formulas(conn):
    _journal(conn)
    rows = list(csv.DictReader(io.StringIO(transfer.export_flares_csv(conn, "local"))))
    assert tuple(rows[0]) == transfer.FLARE_CSV_COLUMNS
    assert len(rows) == len(storage.flare_records(conn, "local"))
    mine = [r for r in rows if r["example"] == "no"]
    assert len(mine) == 1
    assert mine[0]["trigger"] == "cough_sneeze" and mine[0]["medicine"] == "Gabapentin"
    assert mine[0]["note"].startswith("'=") and mine[0]["medicine_time"] == "10:00"
    assert {r["example"] for r in rows} == {"yes", "no"}


def test_own_flare_ups_are_valid_fhir_observations_and_example_ones_are_left_out(conn):
    from fhir.resources.bundle import Bundle
    from fhir.resources.observation import Observation

    from recovery.transfer.fhir_flares import FLARE_SYSTEM, FLARE_TRIGGER_SYSTEM

    example.load_example(conn, "local", end=TODAY - dt.timedelta(days=1), today=TODAY)
    storage.add_flare(
        conn,
        "local",
        {
            "started_at": NOW.replace(hour=7, minute=45),
            "severity": 8,
            "trigger": "after_sleep",
            "minutes": 30,
        },
        now=NOW,
    )
    text = transfer.export_fhir(conn, "local")
    Bundle(json.loads(text))  # every resource checked against the R4 models
    flares = [
        Observation(e["resource"])
        for e in json.loads(text).get("entry", [])
        if e["resource"]["code"]["coding"][0]["system"] == FLARE_SYSTEM
    ]
    assert len(flares) == 1  # the example's many flare-ups are made up: never sent
    (flare,) = flares
    assert flare.valueInteger == 8 and flare.effectiveDateTime.isostring == TODAY.isoformat()
    parts = {c.code.coding[0].code: c for c in flare.component}
    # (This fhir.resources release reads a FHIR time badly; the JSON holds it as written.)
    assert parts["time"].as_json()["valueTime"] == "07:45:00"
    trigger = parts["trigger"].valueCodeableConcept.coding[0]
    assert (trigger.system, trigger.code) == (FLARE_TRIGGER_SYSTEM, "after_sleep")
    assert parts["minutes"].valueQuantity.value == 30


def test_the_command_line_writes_the_flare_ups_csv(db_path, tmp_path):
    from tests.support import run

    connection = storage.open_database(db_path)
    _journal(connection)
    connection.close()
    out = tmp_path / "flare-ups.csv"
    done = run("export", "--format", "flares-csv", "-o", str(out), db=db_path)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["trigger"] for r in rows if r["example"] == "no"] == ["cough_sneeze"]
