"""The journal in DuckDB: every function takes an open connection and an owner.

Every query filters on the owner and passes values as ``?`` parameters. The rooms:
``connection`` (opening a journal), ``migrations`` (the schema), ``queries`` (the SQL),
``cursors`` (cursors, transactions, plain errors), ``checkins`` (single days), ``flares``
(flare-ups logged as they happen), ``medicines`` (the medicines list and days taken), ``bulk``
(many days at once), ``batches``, ``journals`` (whole journals), ``visits`` (kiosk
visitors), ``preferences`` (per-journal choices), ``errors`` (file problems in plain words),
``weekly`` and ``weekly_restore`` (the weekly questions and the person's own activities),
``refusals`` (what the journal itself refuses: a full journal, a link given up, an
address where a file belongs), ``postgres`` (journals in PostgreSQL, and the cursors kept
for them), ``dialect`` (the one place where PostgreSQL is handled differently),
``server_errors`` (a database server that does not answer, in plain words) and ``copying``
(every journal from one store to another, over the list of per-owner tables).
"""

from __future__ import annotations

from recovery.owners import LOCAL_OWNER
from recovery.storage.batches import (
    EXAMPLE_BATCH,
    clear_batch_extras,
    count_batch,
    delete_batch,
)
from recovery.storage.bulk import BulkSaveResult, DaysTakenError, Stamp, save_checkins
from recovery.storage.checkins import (
    JournalSummary,
    SaveResult,
    checkin_records,
    data_version,
    delete_checkin,
    existing_days,
    get_checkin,
    journal_summary,
    latest_checkin,
    load_checkins,
    save_checkin,
)
from recovery.storage.connection import open_database
from recovery.storage.cursors import MAX_JOURNAL_DAYS, log_pending
from recovery.storage.errors import (
    DatabaseDamagedError,
    DatabaseLockedError,
    DiskFullError,
    StorageError,
)
from recovery.storage.flares import (
    TooManyFlaresError,
    add_flare,
    count_on_day,
    delete_flare,
    edit_flare,
    flare_records,
    get_flare,
    load_flares,
    restore_flares,
)
from recovery.storage.journals import delete_owner, is_revoked, move_owner, owner_has_checkins
from recovery.storage.medicines import (
    TooManyMedicinesError,
    add_medicine,
    delete_medicine,
    dose_records,
    doses_on,
    doses_to_start_from,
    edit_medicine,
    list_medicines,
    restore_medicines,
    save_day_doses,
)
from recovery.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from recovery.storage.queries import COUNT_BATCH, DATA_VERSION, UPSERT_CHECKIN
from recovery.storage.refusals import (
    AddressNotFileError,
    JournalFullError,
    RevokedOwnerError,
    refuse_address,
)
from recovery.storage.visits import delete_abandoned_visits
from recovery.storage.weekly import (
    Activity,
    WeeklySave,
    activities,
    activity_ratings,
    add_activity,
    last_weekly_day,
    rename_activity,
    retire_activity,
    save_weekly,
    weekly_answers,
    weekly_day,
    weekly_due,
)
from recovery.storage.weekly_restore import restore_weekly

__all__ = [
    "Activity",
    "WeeklySave",
    "activities",
    "activity_ratings",
    "add_activity",
    "last_weekly_day",
    "rename_activity",
    "restore_weekly",
    "retire_activity",
    "save_weekly",
    "weekly_answers",
    "weekly_day",
    "weekly_due",
    "clear_batch_extras",
    "TooManyFlaresError",
    "TooManyMedicinesError",
    "add_flare",
    "add_medicine",
    "count_on_day",
    "delete_flare",
    "delete_medicine",
    "dose_records",
    "doses_on",
    "doses_to_start_from",
    "edit_flare",
    "edit_medicine",
    "flare_records",
    "get_flare",
    "list_medicines",
    "load_flares",
    "restore_flares",
    "restore_medicines",
    "save_day_doses",
    "COUNT_BATCH",
    "DATA_VERSION",
    "EXAMPLE_BATCH",
    "LOCAL_OWNER",
    "MAX_JOURNAL_DAYS",
    "SCHEMA_VERSION",
    "UPSERT_CHECKIN",
    "BulkSaveResult",
    "DatabaseDamagedError",
    "DatabaseLockedError",
    "DaysTakenError",
    "DiskFullError",
    "AddressNotFileError",
    "refuse_address",
    "JournalFullError",
    "RevokedOwnerError",
    "JournalSummary",
    "SaveResult",
    "Stamp",
    "StorageError",
    "checkin_records",
    "count_batch",
    "data_version",
    "delete_abandoned_visits",
    "delete_batch",
    "delete_checkin",
    "delete_owner",
    "existing_days",
    "get_checkin",
    "is_revoked",
    "log_pending",
    "journal_summary",
    "latest_checkin",
    "load_checkins",
    "migrate",
    "move_owner",
    "open_database",
    "owner_has_checkins",
    "save_checkin",
    "save_checkins",
    "schema_version",
]
