"""The example recovery: deterministic, valid, realistic in shape, loadable and removable."""

import datetime as dt

import pandas as pd
import pytest

from recovery import example, storage
from recovery.validation import validate_checkin
from tests.conftest import TODAY, checkin

END = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def journal() -> pd.DataFrame:
    """The default example journal as a frame, with a week number."""
    rows = example.example_days(END)
    frame = pd.DataFrame([{"day": day, **values} for day, values in rows])
    frame["week"] = [i // 7 for i in range(len(frame))]
    return frame


def test_the_same_end_and_seed_give_the_same_journal():
    assert example.example_days(END) == example.example_days(END)
    assert example.example_days(END, seed=8) != example.example_days(END)


def test_every_row_is_a_valid_check_in_on_consecutive_days_ending_on_end():
    rows = example.example_days(END)
    assert len(rows) == 84
    assert rows[-1][0] == END and rows[0][0] == END - dt.timedelta(days=83)
    for day, values in rows:
        validate_checkin(day, values, today=END)


def test_pain_and_sleep_improve_faster_than_strength_and_numbness(journal):
    weekly = journal.groupby("week").mean(numeric_only=True)
    assert weekly.loc[0, "leg_pain"] - weekly.loc[3, "leg_pain"] >= 3
    assert weekly.loc[3, "sleep_quality"] - weekly.loc[0, "sleep_quality"] >= 2.5
    assert weekly.loc[3, "leg_strength"] - weekly.loc[0, "leg_strength"] < 1
    assert weekly.loc[0, "numbness"] - weekly.loc[3, "numbness"] < 2


def test_week_five_has_a_flare_up(journal):
    weekly = journal.groupby("week")["leg_pain"].mean()
    assert weekly[4] > weekly[3] + 1 and weekly[4] > weekly[5]


def test_the_last_weeks_look_like_the_last_stage_of_recovery(journal):
    last = journal[journal["week"] >= 8]
    assert (last["leg_pain"] <= 2).mean() >= 0.9
    pain_free = (last["pain_episodes"] == 0) & (last["leg_pain"] <= 1)
    assert pain_free.groupby(last["week"]).sum().min() >= 3
    strenuous = last.index[last["activity"] == "strenuous"]
    day_after = [i + 1 for i in strenuous if i + 1 in last.index]
    assert last.loc[day_after, "numbness"].mean() > last["numbness"].mean()


def test_it_has_activity_exercises_notes_and_optional_measures(journal):
    assert (journal["activity"] == "strenuous").sum() >= 5
    assert journal["exercises_done"].any() and not journal["exercises_done"].all()
    assert 3 <= journal["notes"].notna().sum() <= 15
    assert journal["fingertip_floor_cm"].notna().sum() >= 10
    assert journal["sleep_hours"].notna().sum() >= 60


def test_loading_saves_one_removable_batch(conn):
    storage.save_checkin(conn, "local", END - dt.timedelta(days=200), checkin(), today=END)
    assert example.load_example(conn, "local", END, today=END) == 84
    assert storage.count_batch(conn, "local", storage.EXAMPLE_BATCH) == 84
    assert storage.delete_batch(conn, "local", storage.EXAMPLE_BATCH) == 84
    assert storage.journal_summary(conn, "local").days_logged == 1


def test_loading_twice_refreshes_the_example_instead_of_failing(conn):
    example.load_example(conn, "local", END, today=END)
    example.load_example(conn, "local", END, today=END)
    assert storage.journal_summary(conn, "local").days_logged == 84


def test_loading_over_the_persons_own_days_is_refused_and_changes_nothing(conn):
    storage.save_checkin(conn, "local", TODAY, checkin(leg_pain=9))
    with pytest.raises(storage.DaysTakenError):
        example.load_example(conn, "local")
    assert storage.journal_summary(conn, "local").days_logged == 1
    assert storage.get_checkin(conn, "local", TODAY)["leg_pain"] == 9
