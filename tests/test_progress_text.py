"""The words of the progress page: periods, headline, counts and what is still needed."""

import datetime as dt

import pytest

from recovery import analysis, example, storage
from recovery.signs import SIGNS, sign
from recovery.text import progress
from recovery.text import signs as sign_words
from tests.conftest import checkin

END = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (dt.date(2026, 9, 1), dt.date(2026, 9, 7), "1\u20137 Sep 2026"),
        (dt.date(2026, 9, 28), dt.date(2026, 10, 4), "28 Sep \u2013 4 Oct 2026"),
        # across a new year both dates carry their year
        (dt.date(2025, 12, 29), dt.date(2026, 1, 4), "29 Dec 2025 \u2013 4 Jan 2026"),
        (END, END, "23 Nov 2026"),  # one day
    ],
)
def test_periods_read_naturally(first, last, expected):
    assert progress.span(first, last) == expected


def test_the_example_reads_as_six_of_seven(conn):
    example.load_example(conn, "local", END, today=END)
    comparison = analysis.compare_signs(conn, "local")
    assert progress.headline(comparison) == "Improving in 6 of 7 signs; not yet in leg strength"
    assert progress.verdict_names(comparison) == (
        "Improving: leg pain, pain flare-ups, bending and getting up, walking, numbness and "
        "tingling, and sleep \u00b7 No clear change: leg strength"
    )
    assert progress.summary_line(comparison, today=END + dt.timedelta(days=2)) == (
        "84 days logged. Comparing 1\u20137 Sep 2026 with 17\u201323 Nov 2026; "
        "last check-in 23 Nov 2026 (2 days ago)."
    )
    assert "pain-free" in progress.pain_free_line(comparison).lower()
    assert progress.secondary_line(comparison.signs["pain"]).startswith("Also logged")


def test_an_empty_journal_and_a_new_one_say_what_is_needed(conn):
    empty = analysis.compare_signs(conn, "local")
    assert progress.headline(empty) == "No check-ins yet"
    storage.save_checkin(conn, "local", END, checkin(), today=END)
    one = analysis.compare_signs(conn, "local")
    assert progress.headline(one) == "Not enough check-ins for a verdict yet"
    assert progress.needed_message(one).startswith("Log 5 more days to see a verdict.")
    assert "the first verdict comes on 2 Dec 2026" in progress.needed_message(one)
    assert progress.values_line(SIGNS[0], one.signs["pain"]).endswith("no check-ins since.")


def test_the_chart_key_names_each_scale_from_the_registry():
    assert "out of 10" not in progress.CHART_KEY
    assert "rated from 0 to 10" in progress.CHART_KEY
    assert "pain flare-ups are counted per day" in progress.CHART_KEY
    assert "walking is in minutes" in progress.CHART_KEY


@pytest.mark.parametrize(
    ("baseline", "recent", "shown"),
    [
        (6.44, 2.56, "\u22123.8"),  # 6.4 -> 2.6 reads as -3.8, not the exact -3.9
        (6.45, 6.45, "+0.0"),
        (2.04, 4.96, "+3.0"),  # 2.0 -> 5.0
    ],
)
def test_a_change_is_the_difference_of_the_values_shown(baseline, recent, shown):
    measure = sign("pain").primary
    assert sign_words.format_change(measure, baseline, recent, None) == shown
