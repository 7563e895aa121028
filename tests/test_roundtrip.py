"""Property: export, import into an empty journal, export again gives the identical file."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery import storage, transfer
from recovery.signs import MEASURES_BY_COLUMN, RED_FLAG_COLUMNS, Measure
from recovery.storage import EXAMPLE_BATCH, LOCAL_OWNER

FIXED_NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
# Notes as people type them: accents, quotes, separators, line breaks, emoji.
NOTE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from([",", ";", '"', "\n", "\r", "\t"]),
    max_size=60,
)
# Notes a spreadsheet would run as a formula (=, +, -, @), and ones that already start
# with the apostrophe the export adds, so the guard must not eat a typed apostrophe.
FORMULA_NOTES = st.tuples(
    st.sampled_from(["=", "+", "-", "@", "'=", "''+", "'", "'-1", '=HYPERLINK("x")']),
    NOTE_TEXT,
).map("".join)


def value_of(measure: Measure) -> st.SearchStrategy:
    """Any value the journal accepts for a measure, None for optional ones included."""
    if measure.kind == "yesno":
        strategy = st.booleans()
    elif measure.kind == "choice":
        strategy = st.sampled_from(measure.choices)
    elif measure.kind == "text":
        strategy = NOTE_TEXT | FORMULA_NOTES
    elif measure.kind == "decimal":
        strategy = st.floats(
            min_value=measure.minimum,
            max_value=measure.maximum,
            allow_nan=False,
            allow_infinity=False,
        )
    else:
        strategy = st.integers(int(measure.minimum), int(measure.maximum))
    return strategy if measure.required else st.none() | strategy


DAY_VALUES = st.fixed_dictionaries(
    {
        **{column: value_of(measure) for column, measure in MEASURES_BY_COLUMN.items()},
        **{column: st.booleans() for column in RED_FLAG_COLUMNS},
    }
)
# Each day is the person's own or a made-up example day (the ``example`` column/field).
JOURNALS = st.dictionaries(
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date.today()),
    st.tuples(DAY_VALUES, st.booleans()),
    min_size=1,
    max_size=12,
)


def round_trip(journal: dict[dt.date, dict], export, suffix: str) -> tuple[str, str]:
    """Export a generated journal, import it into a fresh one, export that; both texts."""
    with tempfile.TemporaryDirectory() as folder:
        first = storage.open_database(Path(folder) / "first.duckdb")
        for is_example in (False, True):
            days = sorted((d, v) for d, (v, e) in journal.items() if e == is_example)
            storage.save_checkins(
                first, LOCAL_OWNER, days, batch=EXAMPLE_BATCH if is_example else None
            )
        text = export(first, LOCAL_OWNER)
        parsed = transfer.read_file(text.encode("utf-8"), "journal" + suffix)
        assert parsed.ok, parsed.problems[:3]
        second = storage.open_database(Path(folder) / "second.duckdb")
        transfer.apply_import(second, LOCAL_OWNER, parsed, replace=False)
        again = export(second, LOCAL_OWNER)
        first.close()
        second.close()
    return text, again


ROUND_TRIP = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(JOURNALS)
def test_csv_round_trip_gives_an_identical_file(journal):
    text, again = round_trip(journal, transfer.export_csv, ".csv")
    assert again == text


@ROUND_TRIP
@given(JOURNALS)
def test_json_round_trip_gives_an_identical_file(journal):
    def export(conn, owner):
        return transfer.export_json(conn, owner, now=FIXED_NOW)

    text, again = round_trip(journal, export, ".json")
    assert again == text


def test_a_formula_note_is_written_as_text_and_read_back_exactly(conn):
    storage.save_checkin(conn, LOCAL_OWNER, dt.date(2026, 3, 1), {**_day(), "notes": "=1+2"})
    text = transfer.export_csv(conn, LOCAL_OWNER)
    assert text.splitlines()[1].endswith(",'=1+2")
    parsed = transfer.read_file(text.encode(), "x.csv")
    assert parsed.rows[0][1]["notes"] == "=1+2"


def _day() -> dict[str, object]:
    from recovery import form

    return form.defaults()
