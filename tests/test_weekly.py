"""Weekly questions: storage per owner, the scores and their verdicts, wording, migration."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import example, storage
from recovery.analysis import weekly
from recovery.signs import weekly as items
from recovery.text import weekly as words
from recovery.validation import ValidationError
from tests.conftest import TODAY, checkin

WEEK_AGO = TODAY - dt.timedelta(days=7)


def _all(value: int | None, frequency: int | None = None) -> dict:
    """The same answer on every item (frequency defaults to the bothersome answer)."""
    other = value if frequency is None else frequency
    return {item: {"bothersome": value, "frequency": other} for item in items.ITEM_KEYS}


def test_weekly_answers_are_saved_and_read_back_per_owner(conn):
    storage.save_weekly(conn, "anna", WEEK_AGO, _all(4))
    storage.save_weekly(conn, "ben", WEEK_AGO, _all(1))
    assert {r["bothersome"] for r in storage.weekly_answers(conn, "anna")} == {4}
    assert {r["bothersome"] for r in storage.weekly_answers(conn, "ben")} == {1}
    assert storage.weekly_answers(conn, "carl") == []


def test_saving_the_same_week_again_replaces_its_answers(conn):
    storage.save_weekly(conn, "anna", TODAY, _all(4))
    storage.save_weekly(conn, "anna", TODAY, _all(2))
    rows = storage.weekly_answers(conn, "anna")
    assert len(rows) == 4 and {r["bothersome"] for r in rows} == {2}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"leg_pain": {"bothersome": 7}}, "from 0 to 6"),  # off the scale
        ({"leg_pain": {"bothersome": -1}}, "from 0 to 6"),
        ({"leg_pain": {"bothersome": True}}, "from 0 to 6"),  # a tick is not a score
        ({"leg_pain": {"bothersome": 2.5}}, "from 0 to 6"),
        ({"elbow": {"bothersome": 2}}, "not a weekly question"),
        ({"leg_pain": {"loudness": 2}}, "not a weekly scale"),
        ({"leg_pain": {"bothersome": None}}, "Nothing was answered"),
    ],
)
def test_a_bad_weekly_answer_is_refused_in_plain_words_and_saves_nothing(conn, answers, message):
    with pytest.raises(ValidationError) as refused:
        storage.save_weekly(conn, "anna", TODAY, answers)
    assert message in str(refused.value)
    assert storage.weekly_answers(conn, "anna") == []


def test_activities_at_most_three_named_once_unique_and_kept_through_rename(conn):
    socks = storage.add_activity(conn, "anna", "  Put on   socks ", TODAY)
    assert socks.name == "Put on socks"
    storage.add_activity(conn, "anna", "Sit through a film", TODAY)
    with pytest.raises(ValidationError, match="already have"):
        storage.add_activity(conn, "anna", "put on SOCKS", TODAY)
    with pytest.raises(ValidationError, match="60 characters"):
        storage.add_activity(conn, "anna", "x" * 61, TODAY)
    with pytest.raises(ValidationError, match="write what the activity is"):
        storage.add_activity(conn, "anna", "   ", TODAY)
    storage.add_activity(conn, "anna", "Drive", TODAY)
    with pytest.raises(ValidationError, match="retire one"):
        storage.add_activity(conn, "anna", "Garden", TODAY)
    storage.save_weekly(conn, "anna", WEEK_AGO, {}, {socks.activity_id: 3})
    storage.rename_activity(conn, "anna", socks.activity_id, "Put on shoes and socks")
    assert storage.retire_activity(conn, "anna", socks.activity_id, TODAY)
    storage.add_activity(conn, "anna", "Garden", TODAY)  # room again once one is retired
    [rating] = storage.activity_ratings(conn, "anna")
    renamed = next(
        a for a in storage.activities(conn, "anna") if a.activity_id == rating["activity_id"]
    )
    assert renamed.name == "Put on shoes and socks" and renamed.retired == TODAY
    assert rating["rating"] == 3


def test_another_owners_activity_cannot_be_rated_or_renamed(conn):
    theirs = storage.add_activity(conn, "ben", "Drive", TODAY)
    with pytest.raises(ValidationError):
        storage.save_weekly(conn, "anna", TODAY, {}, {theirs.activity_id: 5})
    with pytest.raises(ValidationError):
        storage.rename_activity(conn, "anna", theirs.activity_id, "Mine now")
    assert storage.activities(conn, "ben")[0].name == "Drive"


def test_the_weekly_questions_are_due_when_never_answered_or_seven_days_on(conn):
    assert storage.weekly_due(conn, "anna", TODAY)
    storage.save_weekly(conn, "anna", TODAY - dt.timedelta(days=6), _all(2))
    assert not storage.weekly_due(conn, "anna", TODAY)
    assert storage.weekly_due(conn, "anna", TODAY + dt.timedelta(days=1))


def test_the_example_weekly_answers_do_not_make_the_questions_wait(conn):
    example.load_example(conn, "anna", today=TODAY)
    assert storage.weekly_answers(conn, "anna")  # shown on Progress
    assert storage.weekly_due(conn, "anna", TODAY)  # but the person's own are still asked


def test_deleting_or_moving_an_owner_takes_the_weekly_rows_too(conn):
    for owner in ("anna", "ben"):
        storage.save_checkin(conn, owner, TODAY, checkin(), today=TODAY)
        activity = storage.add_activity(conn, owner, "Drive", TODAY)
        storage.save_weekly(conn, owner, TODAY, _all(3), {activity.activity_id: 4})
    storage.move_owner(conn, "anna", "anna2")
    assert storage.weekly_answers(conn, "anna") == []
    assert len(storage.weekly_answers(conn, "anna2")) == 4
    assert len(storage.activity_ratings(conn, "anna2")) == 1
    with pytest.raises(storage.RevokedOwnerError):
        storage.save_weekly(conn, "anna", TODAY, _all(1))
    with pytest.raises(storage.RevokedOwnerError):
        storage.add_activity(conn, "anna", "Walk", TODAY)
    storage.delete_owner(conn, "ben", revoke=True)
    for read in (storage.weekly_answers, storage.activity_ratings, storage.activities):
        assert read(conn, "ben") == []
    assert len(storage.weekly_answers(conn, "anna2")) == 4


def test_removing_the_example_removes_only_its_weekly_rows(conn):
    example.load_example(conn, "anna", today=TODAY)
    mine = storage.add_activity(conn, "anna", "Drive", TODAY)
    storage.save_weekly(conn, "anna", TODAY, {}, {mine.activity_id: 6})
    storage.delete_batch(conn, "anna", storage.EXAMPLE_BATCH)
    assert storage.weekly_answers(conn, "anna") == []
    assert [a.name for a in storage.activities(conn, "anna")] == ["Drive"]
    assert [r["rating"] for r in storage.activity_ratings(conn, "anna")] == [6]


def test_abandoned_kiosk_visits_lose_their_weekly_rows(conn):
    visitor = "kiosk-123"
    storage.save_checkin(conn, visitor, TODAY, checkin(), today=TODAY)
    storage.save_weekly(conn, visitor, TODAY, _all(3))
    later = dt.datetime.now() + dt.timedelta(hours=2)
    storage.delete_abandoned_visits(conn, "kiosk-", dt.timedelta(minutes=30), now=later)
    assert storage.weekly_answers(conn, visitor) == []


def test_a_schema_6_journal_migrates_and_keeps_its_days(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    storage.migrate(old, target=6)
    storage.save_checkin(old, "local", TODAY, checkin(leg_pain=4), today=TODAY)
    old.close()
    conn = storage.open_database(path)
    try:
        assert storage.schema_version(conn) == storage.SCHEMA_VERSION >= 7
        assert storage.checkin_records(conn, "local")[0]["leg_pain"] == 4
        storage.save_weekly(conn, "local", TODAY, _all(2))
        assert len(storage.weekly_answers(conn, "local")) == 4
    finally:
        conn.close()


# ---- scores and verdicts -------------------------------------------------------------


def _rows(*weeks: tuple[int, int | None]) -> list[dict]:
    """Answer rows: (days ago, value on every item; None leaves out the weakness item)."""
    rows = []
    for ago, value in weeks:
        for item in items.ITEM_KEYS:
            if value is None and item == "weakness":
                continue
            rows.append(
                {
                    "day": TODAY - dt.timedelta(days=ago),
                    "item": item,
                    "bothersome": value or 1,
                    "frequency": value or 1,
                }
            )
    return rows


def test_a_total_needs_all_four_items():
    assert weekly.totals(_rows((14, 3), (7, None)), "bothersome") == [
        (TODAY - dt.timedelta(days=14), 12.0)
    ]


@pytest.mark.parametrize(
    ("first", "latest", "error", "lower_is_better", "verdict"),
    [
        (12, 7, 5.0, True, "within"),  # exactly the error: still within it
        (12, 6, 5.0, True, "better"),  # one past the error
        (12, 17, 5.0, True, "within"),
        (12, 18, 5.0, True, "worse"),
        (10, 3.5, 6.5, True, "within"),  # SFI: 6.5 exactly
        (10, 3, 6.5, True, "better"),
        (4, 6.3, 2.3, False, "within"),  # PSFS: higher is better, 2.3 exactly
        (4, 6.4, 2.3, False, "better"),
        (4, 1.6, 2.3, False, "worse"),
    ],
)
def test_verdicts_at_the_edges_of_the_measurement_error(
    first, latest, error, lower_is_better, verdict
):
    points = ((TODAY - dt.timedelta(days=7), float(first)), (TODAY, float(latest)))
    trend = weekly.WeeklyTrend("X", "X", points, error, lower_is_better, 24)
    assert trend.verdict == verdict


def test_one_week_has_a_score_but_no_verdict_yet():
    trend = weekly.WeeklyTrend("SBI", "Weekly bothersomeness", ((TODAY, 9.0),), 5.0, True, 24)
    assert trend.change is None and trend.verdict is None
    assert "One week so far: 9 of 24" in words.trend_line(trend)


def test_the_activities_score_is_the_mean_of_that_weeks_ratings():
    ratings = [
        {"activity_id": 1, "day": WEEK_AGO, "rating": 2},
        {"activity_id": 2, "day": WEEK_AGO, "rating": 5},
        {"activity_id": 1, "day": TODAY, "rating": 6},
    ]
    assert weekly.activity_means(ratings) == [(WEEK_AGO, 3.5), (TODAY, 6.0)]


def test_the_example_reads_as_better_beyond_the_error_in_words(conn):
    example.load_example(conn, "anna", today=TODAY)
    summary = weekly.weekly_summary(conn, "anna")
    for trend in (*summary.indices, *summary.activities):
        assert trend.verdict == "better", trend.title
    line = words.trend_line(summary.sbi)
    assert line.startswith("First ") and "better by more than the measure's own error" in line
    assert [t.title for t in summary.activities] == ["Put on socks", "Sit through a film"]


# ---- the recovery stage ---------------------------------------------------------------


def _stage_with_weekly(conn, first: int, latest: int):
    from recovery.analysis import stage

    for ago in range(14):
        day = TODAY - dt.timedelta(days=ago)
        storage.save_checkin(conn, "anna", day, checkin(leg_pain=5), today=TODAY)
    daily = stage.estimate_stage(conn, "anna", TODAY)
    storage.save_weekly(conn, "anna", TODAY - dt.timedelta(days=7), _all(first // 4))
    storage.save_weekly(conn, "anna", TODAY, _all(latest // 4))
    return daily, stage.estimate_stage(conn, "anna", TODAY)


def test_a_weekly_total_worse_by_more_than_its_error_makes_the_stage_getting_worse(conn):
    daily, weekly_aware = _stage_with_weekly(conn, 8, 16)
    assert daily.key in ("early", "improving", "last_stage")
    assert weekly_aware.key == "worsening"
    assert "worse by more than the measure's own error" in weekly_aware.explanation


def test_a_weekly_total_within_its_error_leaves_the_daily_stage(conn):
    daily, weekly_aware = _stage_with_weekly(conn, 12, 8)  # 4 points: within 5
    assert weekly_aware.key == daily.key
    assert "within the measure's error" in weekly_aware.explanation


def test_without_weekly_answers_the_stage_is_the_daily_rules_alone(conn):
    from recovery.analysis import stage

    for ago in range(14):
        storage.save_checkin(conn, "anna", TODAY - dt.timedelta(days=ago), checkin(), today=TODAY)
    estimate = stage.estimate_stage(conn, "anna", TODAY)
    assert "Weekly" not in estimate.explanation


def test_a_weekly_save_rename_or_retirement_changes_the_journals_fingerprint(conn):
    # Caches (the PDF's) are keyed on it: a weekly change must make them anew.
    seen = [storage.data_version(conn, "anna")]
    activity = storage.add_activity(conn, "anna", "Drive", TODAY)
    seen.append(storage.data_version(conn, "anna"))
    storage.save_weekly(conn, "anna", TODAY, _all(3), {activity.activity_id: 4})
    seen.append(storage.data_version(conn, "anna"))
    storage.rename_activity(conn, "anna", activity.activity_id, "Drive to work")
    seen.append(storage.data_version(conn, "anna"))
    storage.retire_activity(conn, "anna", activity.activity_id, TODAY)
    seen.append(storage.data_version(conn, "anna"))
    assert len(set(seen)) == len(seen)
    assert storage.data_version(conn, "ben") == seen[0]  # another owner's is untouched


def test_the_examples_activities_take_no_place_of_the_persons_own(conn):
    example.load_example(conn, "anna", today=TODAY)  # two made-up activities
    for name in ("Drive", "Garden", "Put on socks"):  # the example's name is free to use
        storage.add_activity(conn, "anna", name, TODAY)
    own = storage.activities(conn, "anna", skip_batch=storage.EXAMPLE_BATCH)
    assert [a.name for a in own] == ["Drive", "Garden", "Put on socks"]


def test_the_weekly_charts_carry_their_words_and_read_on_a_dark_page(conn):
    from recovery.charts.weekly import activities_chart, weekly_chart

    example.load_example(conn, "anna", today=TODAY)
    summary = weekly.weekly_summary(conn, "anna")
    spec = weekly_chart(summary.sbi, dark=True).to_dict()
    # A text alternative for screen readers: the measure, which way is better, the verdict.
    assert spec["description"].startswith("Weekly bothersomeness (lower is better).")
    assert "better by more than the measure's own error" in spec["description"]
    axis = spec["layer"][-1]["encoding"]["y"]["axis"]
    assert axis["labelColor"] == "#FAFAFA"  # the dark theme's text colour
    both = activities_chart(summary.activities).to_dict()
    assert "Put on socks" in both["description"] and "Sit through a film" in both["description"]


def test_a_journal_holds_at_most_a_hundred_activities_retired_ones_included(conn):
    for n in range(items.MAX_ACTIVITIES_EVER):
        made = storage.add_activity(conn, "anna", f"Activity {n}", TODAY)
        storage.retire_activity(conn, "anna", made.activity_id, TODAY)
    with pytest.raises(ValidationError, match="already holds 100 activities"):
        storage.add_activity(conn, "anna", "One more", TODAY)
    assert len(storage.activities(conn, "anna")) == items.MAX_ACTIVITIES_EVER


def test_the_summary_gives_each_weekly_measure_with_its_verdict(conn):
    from recovery.summary import journal_overview

    example.load_example(conn, "anna", today=TODAY)
    weekly_part = journal_overview(conn, "anna", today=TODAY)["weekly"]
    assert set(weekly_part) == {"SBI", "SFI", "PSFS"}
    assert weekly_part["SBI"]["verdict"] == "better" and weekly_part["SBI"]["error"] == 5.0
    assert weekly_part["SBI"]["weeks"] == 12


@pytest.mark.parametrize(
    ("gap", "weekday_offset", "due"),
    [
        (None, None, True),  # never answered
        (6, None, False),
        (7, None, True),
        (3, 0, False),  # the chosen day, but answered only 3 days ago
        (4, 0, True),  # the chosen day, 4 days on
        (5, 2, True),  # the chosen day came round 2 days ago and was missed
        (5, -1, False),  # the chosen day is tomorrow: not since the last answers
        (9, -1, True),  # 7 days or more: due whatever the day
    ],
)
def test_the_weekly_questions_come_after_7_days_or_on_the_chosen_day(gap, weekday_offset, due):
    last = None if gap is None else TODAY - dt.timedelta(days=gap)
    weekday = None if weekday_offset is None else (TODAY.weekday() - weekday_offset) % 7
    assert items.due_on(last, TODAY, weekday) is due
