"""The verdicts: hand-made journals against hand-computed answers, and the threshold rule."""

import datetime as dt

import pytest

from recovery import analysis, example, storage
from recovery.signs import sign
from tests.conftest import checkin

END = dt.date(2026, 11, 23)
START = END - dt.timedelta(days=27)  # a 4-week journal: baseline days 0-6, recent days 21-27


def _day(index: int) -> dt.date:
    return START + dt.timedelta(days=index)


def _save(conn, values_by_index: dict[int, dict], owner: str = "local") -> None:
    rows = [(_day(i), checkin(**values)) for i, values in sorted(values_by_index.items())]
    storage.save_checkins(conn, owner, rows, today=END)


PAIN = sign("pain")
EPISODES = sign("episodes")
WALKING = sign("walking")
SLEEP = sign("sleep")
MOTION = sign("motion")


@pytest.mark.parametrize(
    ("the_sign", "baseline", "recent", "expected"),
    [
        # pain: a fall of 2 points or 30 %, whichever comes first
        (PAIN, 6.0, 4.0, "improved"),  # exactly 2 points: the threshold counts
        (PAIN, 8.0, 6.1, "no_change"),  # 1.9 points and 24 %: just short of both
        (PAIN, 6.0, 4.1, "improved"),  # 1.9 points but 32 %: percent is enough
        (PAIN, 10.0, 7.0, "improved"),  # exactly 30 % (3 points as well)
        (PAIN, 3.0, 2.1, "improved"),  # 30 % but only 0.9 points: percent is enough
        (PAIN, 7.0, 5.5, "no_change"),  # 1.5 points, 21 %
        (PAIN, 2.0, 4.0, "worse"),  # 2 points the wrong way
        (PAIN, 0.0, 0.0, "no_change"),  # pain-free before and after
        # flare-ups: 50 % fewer; 50 % more is worse
        (EPISODES, 4.0, 2.0, "improved"),  # exactly half
        (EPISODES, 4.0, 2.2, "no_change"),
        (EPISODES, 2.0, 3.0, "worse"),  # exactly 50 % more
        (EPISODES, 0.0, 1.0, "worse"),  # any rise from none is an unlimited percentage
        (EPISODES, 0.0, 0.0, "no_change"),
        # walking: 50 % more AND 5 minutes more
        (WALKING, 10.0, 15.0, "improved"),  # exactly both
        (WALKING, 4.0, 8.0, "no_change"),  # +100 % but only 4 minutes: percent is not enough
        (WALKING, 40.0, 46.0, "no_change"),  # 6 minutes but only 15 %
        (WALKING, 0.0, 5.0, "improved"),  # from not walking at all: 5 minutes decide
        (WALKING, 30.0, 14.0, "worse"),  # 16 minutes and 53 % less
        # 0-10 self-ratings, higher is better: 2 points
        (SLEEP, 4.0, 6.0, "improved"),
        (SLEEP, 4.0, 5.9, "no_change"),
        (SLEEP, 8.0, 5.0, "worse"),
        (MOTION, 5.0, 5.0, "no_change"),  # all values equal
    ],
)
def test_the_threshold_rule(the_sign, baseline, recent, expected):
    verdict = analysis.judge(baseline, recent, the_sign.threshold, the_sign.primary.better, 7, 7)
    assert verdict == expected


@pytest.mark.parametrize(
    ("n_baseline", "n_recent", "expected"),
    [
        (3, 3, "improved"),  # three in each window is enough
        (2, 7, "insufficient_data"),
        (7, 2, "insufficient_data"),
        (0, 0, "insufficient_data"),
    ],
)
def test_fewer_than_three_check_ins_in_a_window_gives_no_verdict(n_baseline, n_recent, expected):
    verdict = analysis.judge(6.0, 2.0, PAIN.threshold, "lower", n_baseline, n_recent)
    assert verdict == expected


def test_means_of_whole_numbers_meet_a_threshold_they_reach_exactly(conn):
    # baseline 6, 7, 6 (mean 19/3), recent 4, 5, 4 (13/3): exactly 2 points better
    _save(
        conn,
        {
            0: {"leg_pain": 6},
            1: {"leg_pain": 7},
            2: {"leg_pain": 6},
            25: {"leg_pain": 4},
            26: {"leg_pain": 5},
            27: {"leg_pain": 4},
        },
    )
    result = analysis.compare_signs(conn, "local").signs["pain"]
    assert result.verdict == "improved"
    assert result.change == pytest.approx(-2.0)


def test_a_hand_made_journal_gives_the_hand_computed_answers(conn):
    baseline = {
        i: {
            "leg_pain": 7,
            "pain_episodes": 4,
            "walk_minutes": 10,
            "sleep_quality": 3,
            "bending": 4,
            "numbness": 3,
            "leg_strength": 6,
        }
        for i in range(7)
    }
    recent = {
        i: {
            "leg_pain": 2,
            "pain_episodes": 0,
            "walk_minutes": 14,
            "sleep_quality": 3,
            "bending": 4,
            "numbness": 5,
            "leg_strength": 6,
        }
        for i in range(21, 28)
    }
    recent[27]["pain_episodes"] = 2  # 2 flare-ups in 7 days: mean 2/7
    _save(conn, baseline | recent)
    comparison = analysis.compare_signs(conn, "local")
    verdicts = {key: r.verdict for key, r in comparison.signs.items()}
    assert verdicts == {
        "pain": "improved",  # 7 -> 2
        "episodes": "improved",  # 4 -> 0.29, -93 %
        "motion": "no_change",  # 4 -> 4, all equal
        "walking": "no_change",  # 10 -> 14: +40 %, +4 minutes, neither enough
        "numbness": "worse",  # 3 -> 5, 2 points the wrong way
        "strength": "no_change",
        "sleep": "no_change",
    }
    assert comparison.improving_count == 2
    pain = comparison.signs["pain"]
    assert (pain.baseline, pain.recent, pain.n_baseline, pain.n_recent) == (7, 2, 7, 7)
    assert pain.change_pct == pytest.approx(-500 / 7)
    assert pain.sentence == (
        "Leg pain fell from 7.0 to 2.0 (\u221271\u00a0%): improving, a clinically meaningful "
        "change and beyond your usual ups and downs (change \u22125.0 points, 95\u00a0% interval "
        "\u22125.0 to \u22125.0)."
    )
    assert comparison.signs["episodes"].recent == pytest.approx(2 / 7)
    assert (comparison.baseline_start, comparison.baseline_end) == (_day(0), _day(6))
    assert (comparison.recent_start, comparison.recent_end) == (_day(21), _day(27))
    assert comparison.days_logged == 14 and comparison.last_day == _day(27)
    # pain-free: flare-ups 0 and leg pain <= 1; leg pain 2 is not pain-free
    assert (comparison.pain_free_baseline, comparison.pain_free_recent) == (0, 0)
    assert "a clear change for the worse" in comparison.signs["numbness"].sentence


def test_an_empty_journal_has_no_verdicts_and_no_periods(conn):
    comparison = analysis.compare_signs(conn, "local")
    assert comparison.days_logged == 0 and comparison.last_day is None
    assert all(r.verdict == "insufficient_data" for r in comparison.signs.values())
    assert comparison.improving_count == 0 and not comparison.has_verdicts
    assert comparison.checkins_needed == 6


def test_a_single_entry_needs_more_check_ins(conn):
    _save(conn, {0: {"leg_pain": 5}})
    comparison = analysis.compare_signs(conn, "local")
    result = comparison.signs["pain"]
    assert (result.verdict, result.n_baseline, result.n_recent) == ("insufficient_data", 1, 0)
    assert result.baseline == 5 and result.recent is None and result.change is None
    assert comparison.recent_start is None
    assert comparison.checkins_needed == 5
    assert comparison.earliest_verdict_day == _day(9)


def test_a_short_journal_never_compares_a_day_with_itself(conn):
    # 9 days: baseline days 0-6, recent only days 7-8, so still no verdict
    _save(conn, {i: {"leg_pain": 8 - i} for i in range(9)})
    comparison = analysis.compare_signs(conn, "local")
    assert (comparison.recent_start, comparison.recent_end) == (_day(7), _day(8))
    assert comparison.signs["pain"].verdict == "insufficient_data"
    _save(conn, {9: {"leg_pain": 0}})
    pain = analysis.compare_signs(conn, "local").signs["pain"]
    # Past the threshold, but three recent days of a steady slide cannot yet be told apart
    # from the person's ups and downs.
    assert pain.verdict == "looks_better"
    assert pain.noise is not None and not pain.noise.beyond_noise


def test_a_gap_of_weeks_is_allowed(conn):
    # three check-ins in the first week, nothing for 17 days, three at the end
    _save(
        conn,
        {
            0: {"leg_pain": 6},
            2: {"leg_pain": 6},
            4: {"leg_pain": 6},
            22: {"leg_pain": 6},
            25: {"leg_pain": 3},
            27: {"leg_pain": 3},
        },
    )
    comparison = analysis.compare_signs(conn, "local")
    pain = comparison.signs["pain"]
    assert (pain.n_baseline, pain.n_recent) == (3, 3)
    # 3 points better by the threshold; 6, 3, 3 is too uneven to call it beyond noise.
    assert pain.recent == pytest.approx(4.0) and pain.verdict == "looks_better"
    series = analysis.sign_series(conn, "local", START, END)["pain"].frame
    assert series["value"].tolist() == [6, 6, 6, 6, 3, 3]
    # the 7-day mean needs 3 check-ins in its 7 days: only days 4 and 27 have them
    trend = series["trend"].tolist()
    assert trend[2] == pytest.approx(6.0) and trend[5] == pytest.approx(4.0)
    assert [t != t for t in trend] == [True, True, False, True, True, False]


def test_a_chosen_start_date_moves_the_baseline_week(conn):
    _save(conn, {i: {"leg_pain": 8 if i < 10 else 4} for i in range(28)})
    default = analysis.compare_signs(conn, "local")
    moved = analysis.compare_signs(conn, "local", baseline_start=_day(10))
    assert default.signs["pain"].verdict == "improved"
    assert moved.baseline_start == _day(10) and moved.signs["pain"].verdict == "no_change"
    # a date before the journal began means its first week
    early = analysis.compare_signs(conn, "local", baseline_start=_day(-30))
    assert early.baseline_start == _day(0)


def test_a_date_range_restricts_the_comparison(conn):
    _save(conn, {i: {"leg_pain": 8 - i // 4} for i in range(28)})
    part = analysis.compare_signs(conn, "local", start=_day(7), end=_day(20))
    assert (part.baseline_start, part.recent_end, part.days_logged) == (_day(7), _day(20), 14)


def test_owners_are_kept_apart(conn):
    _save(conn, {i: {"leg_pain": 8} for i in range(28)}, owner="bob")
    assert analysis.compare_signs(conn, "local").days_logged == 0
    assert analysis.sign_series(conn, "local", START, END)["pain"].frame.empty


@pytest.mark.parametrize(
    ("the_sign", "baseline", "expected"),
    [
        (PAIN, 6.0, 4.2),  # 30 % (to 4.2) comes before 2 points (to 4.0)
        (PAIN, 8.0, 6.0),  # 2 points (to 6) comes before 30 % (to 5.6)
        (EPISODES, 3.0, 1.5),
        (WALKING, 8.0, 13.0),  # both needed: 5 minutes (13) beats 50 % (12)
        (WALKING, 20.0, 30.0),  # both needed: 50 % (30) beats 5 minutes (25)
        (SLEEP, 4.0, 6.0),
        (SLEEP, 9.0, None),  # 11 is off the 0-10 scale: no line to draw
        (PAIN, None, None),
    ],
)
def test_the_improvement_target_is_the_level_that_would_count(the_sign, baseline, expected):
    target = analysis.improvement_target(baseline, the_sign.threshold, the_sign.primary)
    assert target == (None if expected is None else pytest.approx(expected))


def test_the_example_recovery_improves_in_six_signs_with_strength_still_slow(conn):
    example.load_example(conn, "local", END, today=END)
    comparison = analysis.compare_signs(conn, "local")
    assert comparison.improving_count == 6
    assert comparison.signs["strength"].verdict == "no_change"
    assert comparison.days_logged == 84 and comparison.pain_free_recent >= 3


def test_long_ranges_are_charted_as_weekly_means(conn):
    example.load_example(conn, "local", END, today=END)
    daily = analysis.sign_series(conn, "local", END - dt.timedelta(days=27), END)["pain"]
    assert daily.granularity == "day" and len(daily.frame) == 28
    weekly = analysis.sign_series(conn, "local", END - dt.timedelta(days=999), END)["pain"]
    assert weekly.granularity == "week" and len(weekly.frame) == 13  # 84 days over 13 weeks


def test_weekly_summary_counts_pain_free_days(conn):
    _save(
        conn,
        {
            0: {"leg_pain": 1, "pain_episodes": 0},  # pain-free
            1: {"leg_pain": 2, "pain_episodes": 0},  # not: leg pain 2
            2: {"leg_pain": 0, "pain_episodes": 1},  # not: a flare-up
            3: {"leg_pain": 0, "pain_episodes": 0},
        },
    )  # pain-free
    summary = analysis.weekly_summary(conn, "local")
    assert summary["pain_free_days"].sum() == 2 and summary["days_logged"].sum() == 4


def test_an_unknown_column_is_refused():
    with pytest.raises(ValueError, match="not a numeric measure"):
        analysis.daily_series(None, "local", ("notes",))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "all"),  # a new journal: show all of it, not 3 months of empty axis
        (84, "all"),  # the example recovery fits whole
        (91, "3m"),  # from about 3 months on, the latest 3 months
        (1000, "3m"),
    ],
)
def test_the_default_range_follows_the_journal_length(days, expected):
    assert analysis.default_range(END - dt.timedelta(days=days), END) == expected


def test_secondary_measures_are_compared_where_logged(conn):
    rows = {i: {"back_pain": 6, "sleep_hours": 5.0 if i % 2 else None} for i in range(7)}
    rows |= {i: {"back_pain": 2} for i in range(21, 28)}  # hours slept not logged lately
    _save(conn, rows)
    result = analysis.compare_signs(conn, "local").signs
    back = next(c for c in result["pain"].secondary if c.column == "back_pain")
    assert (back.baseline, back.recent, back.n_baseline) == (6, 2, 7)
    hours = next(c for c in result["sleep"].secondary if c.column == "sleep_hours")
    assert (hours.baseline, hours.recent, hours.n_baseline, hours.n_recent) == (5.0, None, 3, 0)


def _two_weeks(first: dict, latest: dict) -> dict[int, dict]:
    """Days 0-6 hold ``first``, days 21-27 hold ``latest`` (the primary measures stay put)."""
    return {i: first for i in range(7)} | {i: latest for i in range(21, 28)}


@pytest.mark.parametrize(
    ("key", "first", "latest", "said"),
    [
        # +4 chair stands: past the app's 3-stand rule while leg strength stays at 6.
        (
            "strength",
            {"chair_stands": 8},
            {"chair_stands": 12},
            "Chair stands in 30 seconds, though, rose from 8.0 to 12.0 stands: a real change "
            "for the better (a change of at least 3 stands, more than measurement error; the "
            "app's convention).",
        ),
        # +2 stands: within measurement error, so nothing is said.
        ("strength", {"chair_stands": 8}, {"chair_stands": 10}, None),
        # -3 stands is as real as +3, the other way.
        ("strength", {"chair_stands": 12}, {"chair_stands": 9}, "a real change for the worse"),
        # Fingertips 6 cm nearer the floor: past the published 4.5 cm (Ekedahl 2012).
        (
            "motion",
            {"fingertip_floor_cm": 30.0},
            {"fingertip_floor_cm": 24.0},
            "Fingertip-to-floor distance, though, fell from 30.0 to 24.0 cm: a real change for "
            "the better (a change of at least 4.5 cm, the smallest change the test reliably "
            "detects; Ekedahl et al., Arch Phys Med Rehabil 2012).",
        ),
        ("motion", {"fingertip_floor_cm": 30.0}, {"fingertip_floor_cm": 27.0}, None),
        # Woken 2 times a night, then once every other night: 75 % and 1.5 fewer.
        (
            "sleep",
            {"night_wakings": 2},
            {"night_wakings": 0, "sleep_quality": 5},
            "Woken by pain, though, fell from 2.0 to 0.0 times: a real change for the better",
        ),
        # From 0 wakings, one night in seven woken is not a real change (0.14 a night).
        ("sleep", {"night_wakings": 0}, {"night_wakings": 0}, None),
    ],
)
def test_a_secondary_measure_past_its_own_rule_is_mentioned_when_the_primary_is_flat(
    conn, key, first, latest, said
):
    _save(conn, _two_weeks(first, latest))
    result = analysis.compare_signs(conn, "local").signs[key]
    assert result.verdict == "no_change"
    if said is None:
        assert "though" not in result.sentence
    else:
        assert said in result.sentence


def test_one_disturbed_night_from_none_is_not_a_real_change_in_wakings(conn):
    rows = _two_weeks({"night_wakings": 0}, {"night_wakings": 0})
    rows[27] = {"night_wakings": 1}
    _save(conn, rows)
    assert "though" not in analysis.compare_signs(conn, "local").signs["sleep"].sentence


def test_a_secondary_measure_is_not_mentioned_when_the_primary_already_moved(conn):
    _save(
        conn,
        _two_weeks({"leg_strength": 3, "chair_stands": 8}, {"leg_strength": 7, "chair_stands": 14}),
    )
    result = analysis.compare_signs(conn, "local").signs["strength"]
    assert result.verdict == "improved" and "though" not in result.sentence


def test_a_secondary_measure_logged_on_too_few_days_is_not_judged(conn):
    rows = _two_weeks({}, {})
    for i in (0, 1, 21, 22):  # two days in each week: below the 3 needed
        rows[i] = {"chair_stands": 8 if i < 7 else 20}
    _save(conn, rows)
    assert "though" not in analysis.compare_signs(conn, "local").signs["strength"].sentence


def test_every_secondary_rule_in_the_registry_has_a_summary_and_a_real_source():
    from recovery.signs import SIGNS

    rules = [m.threshold for s in SIGNS for m in s.secondary if m.threshold is not None]
    assert len(rules) == 3  # chair stands, fingertip-to-floor, night wakings
    for rule in rules:
        assert rule.summary and rule.source
        assert "CLINICAL" not in rule.source
        assert rule.is_convention or " et al., " in rule.source


def test_a_change_within_the_persons_ups_and_downs_only_looks_better(conn):
    # Leg pain swings by 5 points from day to day: a 2.4-point fall of the weekly mean
    # meets the threshold but not the noise.
    swings = [3, 8, 4, 9, 3, 8, 5]
    later = [1, 6, 1, 7, 1, 6, 1]
    _save(conn, {i: {"leg_pain": v} for i, v in enumerate(swings)})
    _save(conn, {21 + i: {"leg_pain": v} for i, v in enumerate(later)})
    pain = analysis.compare_signs(conn, "local").signs["pain"]
    assert pain.change == pytest.approx(-17 / 7)
    assert pain.verdict == "looks_better"
    assert pain.noise is not None and pain.noise.low < 0 < pain.noise.high
    assert "looks better, but within your usual ups and downs" in pain.sentence
    assert "keep logging" in pain.sentence
    assert "95\u00a0% interval" in pain.sentence


def test_the_same_fall_on_steady_days_is_beyond_noise(conn):
    _save(conn, {i: {"leg_pain": v} for i, v in enumerate([6, 6, 5, 6, 6, 5, 6])})
    _save(conn, {21 + i: {"leg_pain": v} for i, v in enumerate([3, 3, 4, 3, 3, 3, 4])})
    pain = analysis.compare_signs(conn, "local").signs["pain"]
    assert pain.verdict == "improved"
    assert pain.noise is not None and pain.noise.high < 0
    assert "beyond your usual ups and downs" in pain.sentence


def test_getting_worse_is_never_softened_by_noisy_days(conn):
    _save(conn, {i: {"leg_pain": v} for i, v in enumerate([1, 6, 1, 7, 1, 6, 1])})
    _save(conn, {21 + i: {"leg_pain": v} for i, v in enumerate([3, 8, 4, 9, 3, 8, 5])})
    pain = analysis.compare_signs(conn, "local").signs["pain"]
    assert pain.noise is not None and not pain.noise.beyond_noise
    assert pain.verdict == "worse"
