"""What helps me on a real journal: the factors, the counts, the correction, the plan, words."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from recovery import example, storage
from recovery.analysis import helps, helps_plan, helps_stats
from recovery.storage import preferences
from recovery.text import helps as words
from tests.conftest import TODAY, checkin

OWNER = "someone"


def _journal(conn, days: int, make) -> None:
    """``days`` check-ins ending TODAY, each day's values from ``make(index)``."""
    start = TODAY - dt.timedelta(days=days - 1)
    rows = [(start + dt.timedelta(days=i), checkin(**make(i))) for i in range(days)]
    storage.save_checkins(conn, OWNER, rows, today=TODAY)


def _exercise_journal(conn, effect: float = 2.0, days: int = 60) -> None:
    """Exercises on alternate pairs of days; leg pain lower by ``effect`` the day after."""
    rng = np.random.default_rng(4)
    done = [(i // 2) % 2 == 0 for i in range(days)]
    noise = rng.normal(0, 0.7, days)

    def make(i: int) -> dict[str, object]:
        after = i > 0 and done[i - 1]
        return {
            "exercises_done": done[i],
            "leg_pain": int(np.clip(round(6 - effect * after + noise[i]), 0, 10)),
            "walk_minutes": 20 + (i % 5) * 5,
            "sleep_hours": 6.0 + (i % 3) * 0.5,
            "activity": ("rest", "normal", "light", "normal", "strenuous")[i % 5],
        }

    _journal(conn, days, make)


def _find(found, factor: str, outcome: str, lag: int) -> helps.Link:
    return next(
        link for link in found if (link.factor, link.outcome, link.lag) == (factor, outcome, lag)
    )


def test_a_next_day_exercise_effect_is_flagged_with_the_counts(conn):
    _exercise_journal(conn)
    found = helps.what_helps(conn, OWNER, TODAY)
    link = _find(found, "exercises", "leg_pain", 1)
    assert (link.days_with, link.days_without) == (30, 29)  # the first day has no day before
    assert link.flagged and link.difference is not None
    assert link.high < 0 and link.low < link.difference < link.high
    assert found[0].flagged  # links come first
    assert len(found) == len(helps.FACTORS) * len(helps.OUTCOMES) * len(helps.LAGS)


def test_another_owners_days_are_never_counted(conn):
    _exercise_journal(conn)
    found = helps.what_helps(conn, "somebody else", TODAY)
    assert all(link.days_with == link.days_without == 0 for link in found)
    assert not any(link.flagged for link in found)


def test_fewer_than_seven_days_on_a_side_is_not_compared(conn):
    _journal(conn, 20, lambda i: {"exercises_done": i < 6})
    link = _find(helps.what_helps(conn, OWNER, TODAY), "exercises", "leg_pain", 0)
    assert (link.days_with, link.days_without) == (6, 14)
    assert link.difference is None and link.p_holm is None and not link.flagged
    sentence = words.link_sentence(link, helps.FACTORS_BY_KEY["exercises"])
    assert "not enough days yet (6 with, 14 without; 7 of each are needed)" in sentence


def test_unknown_days_are_left_out_not_counted_as_absent(conn):
    _journal(conn, 20, lambda i: {"exercises_done": None if i % 2 else True, "activity": None})
    link = _find(helps.what_helps(conn, OWNER, TODAY), "exercises", "leg_pain", 0)
    assert (link.days_with, link.days_without) == (10, 0)
    rest = _find(helps.what_helps(conn, OWNER, TODAY), "rest", "leg_pain", 0)
    assert (rest.days_with, rest.days_without) == (0, 0)


def test_the_window_ends_today_and_reaches_back_ninety_days(conn):
    _journal(conn, 120, lambda i: {"exercises_done": i % 2 == 0})
    link = _find(helps.what_helps(conn, OWNER, TODAY), "exercises", "leg_pain", 0)
    assert link.days_with + link.days_without == 90
    earlier = TODAY - dt.timedelta(days=100)
    link = _find(helps.what_helps(conn, OWNER, earlier), "exercises", "leg_pain", 0)
    assert link.days_with + link.days_without == 20  # the journal's first 20 days


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        # Above the median is "with"; at or below it "without"; unlogged is unknown.
        ("walk_minutes", [10, 20, 30, 40, None], [0.0, 0.0, 1.0, 1.0, None]),
        ("sleep_hours", [5.0, 7.5, 6.0, None, 8.0], [0.0, 1.0, 0.0, None, 1.0]),
    ],
)
def test_median_factors_split_at_the_persons_own_median(column, values, expected):
    table = pd.DataFrame({column: values}, dtype=object)
    key = "more_walking" if column == "walk_minutes" else "more_sleep"
    got = helps.FACTORS_BY_KEY[key].days(table).tolist()
    assert [None if pd.isna(v) else v for v in got] == expected


def test_activity_factors_read_the_registry_levels():
    table = pd.DataFrame({"activity": ["rest", "strenuous", "normal", None]}, dtype=object)
    rest = helps.FACTORS_BY_KEY["rest"].days(table).tolist()
    strenuous = helps.FACTORS_BY_KEY["strenuous"].days(table).tolist()
    assert rest[:3] == [1.0, 0.0, 0.0] and pd.isna(rest[3])
    assert strenuous[:3] == [0.0, 1.0, 0.0] and pd.isna(strenuous[3])


def test_an_extra_factor_from_a_per_day_series_joins_the_comparison_and_correction(conn):
    _exercise_journal(conn, effect=0.0)
    start = TODAY - dt.timedelta(days=59)
    days = pd.date_range(start, TODAY).date
    # A medicine taken two days in four, unknown on the first five days.
    taken = pd.Series([None] * 5 + [i % 4 < 2 for i in range(5, 60)], index=days)
    medicine = helps.Factor.from_series(
        "medicine:ibuprofen",
        "Took ibuprofen",
        "on days you took ibuprofen",
        "on days after you took ibuprofen",
        taken,
    )
    found = helps.what_helps(conn, OWNER, TODAY, extra_factors=[medicine])
    link = _find(found, "medicine:ibuprofen", "leg_pain", 0)
    assert (link.days_with, link.days_without) == (27, 28)
    plain = _find(helps.what_helps(conn, OWNER, TODAY), "exercises", "leg_pain", 1)
    with_extra = _find(found, "exercises", "leg_pain", 1)
    # One more factor, six more comparisons: each p-value is corrected a little more.
    assert with_extra.p_holm >= plain.p_holm
    assert words.link_sentence(link, medicine).startswith("On days you took ibuprofen")


def test_holm_adjusts_step_down_and_keeps_the_order():
    assert helps_stats.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert helps_stats.holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])


def test_the_t_approximations_match_the_tables():
    assert helps_stats.t_975(10) == pytest.approx(2.228, abs=0.01)
    assert helps_stats.t_975(60) == pytest.approx(2.000, abs=0.005)
    assert helps_stats.t_two_sided_p(2.228, 10) == pytest.approx(0.05, abs=0.002)


def test_streaky_factors_and_days_widen_the_interval():
    rng = np.random.default_rng(1)
    pain = np.empty(80)
    pain[0] = 5.0
    for day in range(1, 80):  # AR(1), 0.8: neighbouring days alike
        pain[day] = 5 + 0.8 * (pain[day - 1] - 5) + rng.normal(0, 1)
    alternating = np.arange(80) % 2
    blocks = (np.arange(80) // 10) % 2
    narrow = helps_stats.difference(pain, alternating)
    wide = helps_stats.difference(pain, blocks)
    assert wide.high - wide.low > 1.3 * (narrow.high - narrow.low)


def test_words_never_claim_a_cause():
    link = helps.Link("exercises", "Exercises done", "leg_pain", 1, 40, 30, -1.2, -2.0, -0.4,
                      0.001, 0.01, True)  # fmt: skip
    sentence = words.link_sentence(link, helps.FACTORS_BY_KEY["exercises"])
    assert sentence == (
        "On days after you did your exercises, leg pain was 1.2 points lower (0.4 to 2.0) "
        "than on other days."
    )
    assert "not proof" in words.LINK_NOT_PROOF and "Holm" in words.INTRO
    assert "Kravitz" in words.HOW_TO_TEST
    for text in (sentence, words.INTRO, words.NO_LINKS, words.LINK_NOT_PROOF):
        assert not any(w in text.lower() for w in ("caused", "because of", "helps your", "reduces"))


def test_flare_up_words_count_per_day():
    link = helps.Link("rest", "A rest day", "pain_episodes", 0, 9, 70, 0.8, 0.2, 1.4,
                      0.01, 0.02, True)  # fmt: skip
    assert "flare-ups were 0.8 more a day (0.2 to 1.4)" in words.link_sentence(
        link, helps.FACTORS_BY_KEY["rest"]
    )


def test_the_example_recovery_gives_every_comparison_and_some_links(conn):
    example.load_example(conn, OWNER, today=TODAY)
    found = helps.what_helps(conn, OWNER, TODAY)
    assert all(link.difference is not None for link in found if link.factor == "exercises")
    assert any(link.flagged for link in found)


def test_flare_triggers_and_medicines_join_as_factors_with_unknown_days_left_out(conn):
    _exercise_journal(conn, days=40)
    start = TODAY - dt.timedelta(days=39)
    noon = dt.time(12)
    for i in range(0, 40, 3):  # a flare-up set off by sitting on every third day
        day = start + dt.timedelta(days=i)
        storage.add_flare(
            conn,
            OWNER,
            {"started_at": dt.datetime.combine(day, noon), "severity": 6, "trigger": "sitting"},
            now=dt.datetime.combine(TODAY, noon),
        )
    storage.add_flare(  # one lifting flare-up: too few days to be a factor
        conn,
        OWNER,
        {"started_at": dt.datetime.combine(start, noon), "severity": 3, "trigger": "lifting"},
        now=dt.datetime.combine(TODAY, noon),
    )
    pill = storage.add_medicine(conn, OWNER, {"name": "Pill", "dose": "1", "kind": "regular"})
    for i in range(20):  # answered on the last 20 days only: the first 20 are unknown
        storage.save_day_doses(conn, OWNER, TODAY - dt.timedelta(days=i), {pill: i % 2 == 0})

    found = helps.what_helps(conn, OWNER, TODAY)
    sitting = [link for link in found if link.factor == "trigger_sitting"]
    # The next day only: on the same day the trigger is part of the flare-up count itself.
    assert {link.lag for link in sitting} == {1}
    assert {link.outcome for link in sitting} == set(helps.OUTCOMES)
    assert not any(link.factor == "trigger_lifting" for link in found)
    taken = _find(found, f"medicine_{pill}", "leg_pain", 0)
    assert (taken.days_with, taken.days_without) == (10, 10)
    sentence = words.link_sentence(taken, helps.factor_of(taken))
    assert sentence.startswith("On days you took Pill")
    after = _find(found, "trigger_sitting", "leg_pain", 1)
    assert words.link_sentence(after, helps.factor_of(after)).startswith(
        "On days after a flare-up set off by sitting"
    )
    assert helps.link_record(after)["label"] == "A flare-up set off by sitting"


# ---- the planned on/off test --------------------------------------------------------------


def test_a_plan_alternates_on_off_off_on_and_is_kept_per_owner(conn):
    plan = helps_plan.save_plan(conn, OWNER, "exercises", TODAY, TODAY)
    assert helps_plan.load_plan(conn, OWNER) == plan
    assert helps_plan.load_plan(conn, "somebody else") is None
    assert [on for _, on in helps_plan.schedule(plan)] == [True, False, False, True]
    assert words.this_week(plan, TODAY) == "Week 1 of 4. This week: do your exercises."
    assert words.this_week(plan, TODAY + dt.timedelta(days=8)).startswith(
        "Week 2 of 4. This week: skip it"
    )
    assert not plan.is_over(TODAY + dt.timedelta(days=27))
    assert plan.is_over(TODAY + dt.timedelta(days=28))
    assert helps_plan.plan_result(conn, OWNER, plan, TODAY) is None
    helps_plan.cancel_plan(conn, OWNER)
    assert helps_plan.load_plan(conn, OWNER) is None


@pytest.mark.parametrize(
    ("factor", "start_days", "message"),
    [
        ("exercises", -7, "more than 6 days ago"),
        ("exercises", 29, "within the next 4 weeks"),
        ("more_sleep", 0, "cannot be planned"),
        ("nonsense", 0, "cannot be planned"),
    ],
)
def test_a_plan_that_cannot_be_kept_is_refused_and_nothing_is_stored(
    conn, factor, start_days, message
):
    with pytest.raises(helps_plan.PlanRefused, match=message):
        helps_plan.save_plan(conn, OWNER, factor, TODAY + dt.timedelta(days=start_days), TODAY)
    assert helps_plan.load_plan(conn, OWNER) is None


def test_an_unreadable_stored_plan_reads_as_none(conn):
    preferences.set_setting(conn, OWNER, helps_plan.SETTING, "{not json")
    assert helps_plan.load_plan(conn, OWNER) is None


def test_a_finished_plan_compares_on_weeks_with_off_weeks(conn):
    start = TODAY - dt.timedelta(days=30)
    plan = helps_plan.Plan("exercises", start)
    # Pain 3 in the on-weeks, 5 in the off-weeks, with a little day-to-day noise.
    _journal(
        conn,
        31,
        lambda i: {"leg_pain": (3 if plan.is_on(start + dt.timedelta(days=i)) else 5) + i % 2},
    )
    result = helps_plan.plan_result(conn, OWNER, plan, TODAY)
    assert result is not None and len(result) == len(helps.OUTCOMES)
    pain = next(link for link in result if link.outcome == "leg_pain")
    assert (pain.days_with, pain.days_without) == (14, 14)
    assert pain.difference == pytest.approx(-2.0) and pain.flagged
    assert words.plan_sentence(pain).startswith("In the on-weeks, leg pain was 2.0 points lower")


def test_the_recovery_trend_alone_is_not_a_link():
    # Exercises taken up only in the second half, while pain falls steadily by itself.
    rng = np.random.default_rng(2)
    pain = np.linspace(7, 3, 90) + rng.normal(0, 0.7, 90)
    later = (np.arange(90) >= 45).astype(float)
    later[::9] = 1 - later[::9]  # a few days against the habit, so both sides span the window
    found = helps_stats.difference(pain, later)
    assert found.low < 0 < found.high
    plain = pain[later == 1].mean() - pain[later == 0].mean()
    assert plain < -1.5  # what a plain difference in means would have shown
