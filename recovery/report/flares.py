"""The PDF's flare-ups and medicines: flare-ups by trigger with counts, and the medicines
listed with the days each was taken. What the patient logged, never advice."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import duckdb

from recovery import storage
from recovery.analysis import flares as flare_days
from recovery.signs.flares import MEDICINE_KIND_LABELS, trigger_label
from recovery.storage import EXAMPLE_BATCH
from recovery.text.numbers import plural


class _Writer(Protocol):
    def heading(self, words: str, size: float = 13) -> None: ...

    def para(self, words: str, size: float = 9.5, bold: bool = False) -> None: ...


def trigger_lines(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> list[str]:
    """One line per trigger with flare-ups in the period, most first: 'Sitting: 12 (...)'."""
    counts = flare_days.trigger_counts(conn, owner, start, end)
    counts = counts[counts["count"] > 0].sort_values("count", ascending=False, kind="stable")
    return [
        f"{trigger_label(trigger)}: {count} (mean severity {mean:.1f}/10)"
        for trigger, count, mean in zip(
            counts["trigger"], counts["count"], counts["mean_severity"], strict=True
        )
    ]


def write_flares(
    pdf: _Writer, conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date, end: dt.date
) -> None:
    """The flare-ups section: how many were logged, by what set them off; then medicines."""
    pdf.heading("Flare-ups logged as they happened, by trigger")
    records = storage.flare_records(conn, owner, start, end)
    if not records:
        pdf.para("No flare-ups were logged as they happened in this period.")
    else:
        days = len({r["day"] for r in records})
        pdf.para(
            f"{plural(len(records), 'flare-up')} on {plural(days, 'day')}, with what the "
            "patient said set each one off:"
        )
        for line in trigger_lines(conn, owner, start, end):
            pdf.para(line, size=9)
        examples = sum(1 for r in records if r["batch"] == EXAMPLE_BATCH)
        if examples:
            pdf.para(
                f"Note: {examples} of these are made-up example flare-ups.", size=8.5, bold=True
            )
    medicines = storage.list_medicines(conn, owner)
    if not medicines:
        return
    pdf.heading("Medicines the patient listed")
    taken = flare_days.medicine_days(conn, owner, start, end)
    for medicine in medicines:
        mine = taken[taken["medicine_id"] == medicine["id"]]
        dose = f", {medicine['dose']}" if medicine["dose"] else ""
        stopped = ", stopped" if medicine["retired"] else ""
        # "Regular (every day)" reads "regular, every day" inside the brackets.
        kind = MEDICINE_KIND_LABELS[medicine["kind"]].lower().replace(" (", ", ").rstrip(")")
        pdf.para(
            f"{medicine['name']}{dose} ({kind}{stopped}): taken on "
            f"{plural(int(mine['taken'].sum()), 'day')} of the period.",
            size=9,
        )
    pdf.para("As the patient typed them; the app gives no advice on medicines.", size=7.5)
