"""One owner's medicines list and the days each was taken: add, edit, retire, tick, restore.

Every query filters on the owner; every write refuses an owner whose link was given up.
The app stores what the person typed and never judges a dose or a choice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

import duckdb

from recovery.signs.flares import validate_medicine
from recovery.storage.cursors import cursor, refuse_revoked, transaction
from recovery.storage.refusals import JournalFullError

INSERT_MEDICINE = (
    "INSERT INTO medicines (owner, id, name, dose, kind, retired, batch, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
RESTORE_MEDICINE = INSERT_MEDICINE + " ON CONFLICT (owner, id) DO NOTHING"
UPDATE_MEDICINE = (
    "UPDATE medicines SET name = ?, dose = ?, kind = ?, retired = ?, updated_at = ? "
    "WHERE owner = ? AND id = ?"
)
SELECT_MEDICINES = (
    "SELECT id, name, dose, kind, retired, batch, created_at, updated_at FROM medicines "
    "WHERE owner = ? ORDER BY retired, created_at, name"
)
MEDICINE_EXISTS = "SELECT count(*) FROM medicines WHERE owner = ? AND id = ?"
COUNT_MEDICINES = "SELECT count(*) FROM medicines WHERE owner = ?"
DELETE_MEDICINE = "DELETE FROM medicines WHERE owner = ? AND id = ?"
DELETE_MEDICINE_DOSES = "DELETE FROM medicine_doses WHERE owner = ? AND medicine_id = ?"
UNLINK_MEDICINE_FLARES = (
    "UPDATE flare_ups SET medicine_id = NULL, medicine_at = NULL "
    "WHERE owner = ? AND medicine_id = ?"
)
UPSERT_DOSE = (
    "INSERT INTO medicine_doses (owner, day, medicine_id, taken, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, day, medicine_id) DO UPDATE SET "
    "taken = excluded.taken, batch = excluded.batch, updated_at = excluded.updated_at"
)
RESTORE_DOSE = (
    "INSERT INTO medicine_doses (owner, day, medicine_id, taken, batch, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (owner, day, medicine_id) DO NOTHING"
)
SELECT_DOSES = (
    "SELECT day, medicine_id, taken, batch, updated_at FROM medicine_doses "
    "WHERE owner = ? AND day >= ? AND day <= ? ORDER BY day, medicine_id"
)
# The latest day before a given one on which the daily row was answered.
LAST_DOSE_DAY = "SELECT max(day) FROM medicine_doses WHERE owner = ? AND day < ?"
DOSES_ON = "SELECT medicine_id, taken FROM medicine_doses WHERE owner = ? AND day = ?"
COUNT_DOSES = "SELECT count(*) FROM medicine_doses WHERE owner = ?"
MAX_MEDICINES = 200  # far more than anyone takes; keeps the list (and the store) bounded
MAX_DOSES = 2_000_000


class TooManyMedicinesError(JournalFullError):
    """The list already holds the most medicines (or days of them) a journal may.

    A full journal: shown in plain words wherever a journal problem is (a StorageError).
    """


def add_medicine(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    values: Mapping[str, object],
    *,
    batch: str | None = None,
) -> str:
    """Validate and add a medicine to the owner's list; returns its id."""
    clean = validate_medicine(values)
    medicine_id = uuid.uuid4().hex
    stamp = dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        if int(cur.execute(COUNT_MEDICINES, [owner]).fetchone()[0]) >= MAX_MEDICINES:
            raise TooManyMedicinesError(
                f"Nothing was saved: the list holds at most {MAX_MEDICINES} medicines."
            )
        cur.execute(
            INSERT_MEDICINE,
            [owner, medicine_id, clean["name"], clean["dose"], clean["kind"], clean["retired"]]
            + [batch, stamp, stamp],
        )
    return medicine_id


def edit_medicine(
    conn: duckdb.DuckDBPyConnection, owner: str, medicine_id: str, values: Mapping[str, object]
) -> bool:
    """Validate and change a medicine (also to retire it); False when there is no such one."""
    clean = validate_medicine(values)
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        if not cur.execute(MEDICINE_EXISTS, [owner, medicine_id]).fetchone()[0]:
            return False
        cur.execute(
            UPDATE_MEDICINE,
            [clean["name"], clean["dose"], clean["kind"], clean["retired"], dt.datetime.now()]
            + [owner, medicine_id],
        )
    return True


def delete_medicine(conn: duckdb.DuckDBPyConnection, owner: str, medicine_id: str) -> bool:
    """Delete a medicine with the days it was ticked (flare-ups keep, without it); True if any."""
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        existed = cur.execute(MEDICINE_EXISTS, [owner, medicine_id]).fetchone()[0] > 0
        cur.execute(DELETE_MEDICINE_DOSES, [owner, medicine_id])
        cur.execute(UNLINK_MEDICINE_FLARES, [owner, medicine_id])
        cur.execute(DELETE_MEDICINE, [owner, medicine_id])
    return existed


def list_medicines(
    conn: duckdb.DuckDBPyConnection, owner: str, *, include_retired: bool = True
) -> list[dict[str, object]]:
    """The owner's medicines (current first, in the order they were added) as dicts."""
    with cursor(conn) as cur:
        cur.execute(SELECT_MEDICINES, [owner])
        columns = [d[0] for d in cur.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
    return [r for r in rows if include_retired or not r["retired"]]


def save_day_doses(
    conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date, taken: Mapping[str, bool]
) -> None:
    """Record, for one day, which of the given medicines were taken (True) or not (False)."""
    stamp = dt.datetime.now()
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        if int(cur.execute(COUNT_DOSES, [owner]).fetchone()[0]) + len(taken) > MAX_DOSES:
            raise TooManyMedicinesError("Nothing was saved: this journal's medicine days are full.")
        for medicine_id, was_taken in taken.items():
            if not cur.execute(MEDICINE_EXISTS, [owner, medicine_id]).fetchone()[0]:
                continue  # removed from the list in another tab meanwhile
            cur.execute(UPSERT_DOSE, [owner, day, medicine_id, bool(was_taken), None, stamp])


def doses_on(conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date) -> dict[str, bool] | None:
    """The daily row as answered on a day ({medicine id: taken}), or None if never answered."""
    with cursor(conn) as cur:
        rows = cur.execute(DOSES_ON, [owner, day]).fetchall()
    return {medicine_id: bool(taken) for medicine_id, taken in rows} if rows else None


def doses_to_start_from(
    conn: duckdb.DuckDBPyConnection, owner: str, day: dt.date
) -> tuple[dict[str, bool], bool]:
    """The daily row for a day: its own answers (and True), or the last earlier answers."""
    own = doses_on(conn, owner, day)
    if own is not None:
        return own, True
    with cursor(conn) as cur:
        last = cur.execute(LAST_DOSE_DAY, [owner, day]).fetchone()[0]
    if last is None:
        return {}, False
    return doses_on(conn, owner, last) or {}, False


def dose_records(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[dict[str, object]]:
    """The daily medicine answers between two days (inclusive) as dicts, oldest first."""
    with cursor(conn) as cur:
        cur.execute(SELECT_DOSES, [owner, start or dt.date.min, end or dt.date.max])
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def restore_medicines(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    medicines: Iterable[Mapping[str, object]],
    doses: Iterable[Mapping[str, object]],
) -> tuple[int, int]:
    """Write validated medicines and daily answers (a backup, the example) in one transaction,
    keeping ids, stamps and batch; rows already there stay. Returns (medicines, days) new."""
    now = dt.datetime.now()
    medicines, doses = list(medicines), list(doses)
    with cursor(conn, "save") as cur, transaction(cur):
        refuse_revoked(cur, owner)
        held = int(cur.execute(COUNT_MEDICINES, [owner]).fetchone()[0])
        if held + len(medicines) > MAX_MEDICINES:
            raise TooManyMedicinesError(
                f"Nothing was saved: the list holds at most {MAX_MEDICINES} medicines."
            )
        for m in medicines:
            cur.execute(
                RESTORE_MEDICINE,
                [owner, m["id"], m["name"], m.get("dose"), m["kind"], bool(m.get("retired"))]
                + [m.get("batch"), m.get("created_at") or now, m.get("updated_at") or now],
            )
        dose_before = int(cur.execute(COUNT_DOSES, [owner]).fetchone()[0])
        if dose_before + len(doses) > MAX_DOSES:
            raise TooManyMedicinesError("Nothing was saved: this journal's medicine days are full.")
        for d in doses:
            cur.execute(
                RESTORE_DOSE,
                [owner, d["day"], d["medicine_id"], bool(d["taken"]), d.get("batch")]
                + [d.get("updated_at") or now],
            )
        medicines_after = int(cur.execute(COUNT_MEDICINES, [owner]).fetchone()[0])
        doses_after = int(cur.execute(COUNT_DOSES, [owner]).fetchone()[0])
    return medicines_after - held, doses_after - dose_before
