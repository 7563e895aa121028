"""What an import will do and what it did, in the words the Your data page shows."""

from __future__ import annotations

from recovery import storage, text
from recovery.text.numbers import plural
from recovery.transfer.checks import ParsedFile
from recovery.transfer.columns import EXAMPLE_COLUMN
from recovery.transfer.writing import ImportPlan


def describe_plan(filename: str, plan: ImportPlan) -> str:
    """What the file holds against the journal (markdown), before anything is written."""
    total = plan.new_days + plan.existing_days
    examples = (
        f" {plan.example_days:,} of them {'are' if plan.example_days != 1 else 'is'} "
        "made-up example days, marked as such."
        if plan.example_days
        else ""
    )
    return (
        f"{filename} holds {plural(total, 'day')}, from "
        f"{text.long_date(plan.first_day)} to {text.long_date(plan.last_day)}: "
        f"**{plural(plan.new_days, 'new day')}, "
        f"{plan.existing_days:,} already in your journal.**{examples}"
    )


def absent_columns_note(parsed: ParsedFile) -> str | None:
    """Which answers the file leaves out and how they are saved, or None when it has them all."""
    # Red flags are reported apart (they are saved unticked), and a missing example column
    # just means the days are the person's own.
    unrecorded = [
        f"`{column}`"
        for column in parsed.absent_columns
        if not column.startswith("rf_") and column != EXAMPLE_COLUMN
    ]
    if not unrecorded:
        return None
    flags = any(column.startswith("rf_") for column in parsed.absent_columns)
    return f"Not in the file, so saved as not recorded: {', '.join(unrecorded)}." + (
        " Red flags not in the file are saved as not asked, never as no." if flags else ""
    )


def existing_days_question(plan: ImportPlan) -> str:
    """The question over the keep-or-replace choice for days already in the journal."""
    return f"For the {plural(plan.existing_days, 'day')} already in your journal"


def days_to_write(plan: ImportPlan, replace: bool) -> int:
    """How many days the import writes: the new ones, plus the existing ones when replacing."""
    return plan.new_days + (plan.existing_days if replace else 0)


def import_label(written: int) -> str:
    """The import button's words: 'Import 12 days'."""
    return f"Import {plural(written, 'day')}"


def describe_result(result: storage.BulkSaveResult) -> str:
    """What an import did, in one sentence: 'Imported 14 days: 12 new, 2 replaced.'"""
    if result.saved == 0:
        sentence = "Imported nothing"
    elif result.replaced == 0:
        sentence = f"Imported {plural(result.saved, 'day')}" + (
            " (all new)" if result.saved > 1 else ""
        )
    else:
        sentence = (
            f"Imported {plural(result.saved, 'day')}: "
            f"{result.added:,} new, {result.replaced:,} replaced"
        )
    if result.kept:
        sentence += f". Kept {plural(result.kept, 'day')} of yours unchanged"
    if result.weekly:
        sentence += f". Also restored {plural(result.weekly, 'weekly entry', 'weekly entries')}"
    return sentence + "."
