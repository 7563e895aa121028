"""Validation: every bad value is refused with a message in plain words."""

import datetime as dt

import pytest

from recovery.validation import ValidationError, validate_checkin
from tests.conftest import TODAY, checkin


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("leg_pain", 12, "leg_pain must be a whole number from 0 to 10; got 12"),
        ("leg_pain", -1, "leg_pain must be a whole number from 0 to 10; got -1"),
        # a half point is not on the 0-10 scale
        ("leg_pain", 4.5, "leg_pain must be a whole number from 0 to 10; got 4.5"),
        # text where a number belongs (as a typed spreadsheet might give)
        ("bending", "7", "bending must be a whole number from 0 to 10; got '7'"),
        # True is a bool, not a score of 1
        ("numbness", True, "numbness must be a whole number from 0 to 10; got True"),
        ("pain_episodes", 51, "pain_episodes must be a whole number from 0 to 50; got 51"),
        ("walk_minutes", 601, "walk_minutes must be a whole number from 0 to 600; got 601"),
        ("night_wakings", 21, "night_wakings must be a whole number from 0 to 20; got 21"),
        ("sleep_hours", 25.0, "sleep_hours must be a number from 0 to 24; got 25.0"),
        ("sleep_hours", float("nan"), "sleep_hours must be a number from 0 to 24; got nan"),
        (
            "activity",
            "marathon",
            "activity must be one of rest, light, normal, strenuous; got 'marathon'",
        ),
        ("limp", "maybe", "limp must be yes or no; got 'maybe'"),
        ("leg_strength", None, "leg_strength is missing: it must be a whole number from 0 to 10"),
        ("notes", "x" * 2001, "notes is 2,001 characters long; the limit is 2,000"),
    ],
)
def test_a_bad_value_is_refused_with_a_plain_message(column, value, message):
    with pytest.raises(ValidationError) as caught:
        validate_checkin(TODAY, checkin(**{column: value}))
    assert [p.message for p in caught.value.problems] == [message]


def test_a_future_date_is_refused():
    tomorrow = TODAY + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="is in the future"):
        validate_checkin(tomorrow, checkin())


def test_a_date_that_is_not_a_date_is_refused():
    with pytest.raises(ValidationError, match="date must be a calendar date"):
        validate_checkin("yesterday", checkin())


def test_an_unknown_field_is_refused():
    with pytest.raises(ValidationError, match="mood is not a check-in field"):
        validate_checkin(TODAY, checkin(mood=3))


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        validate_checkin(TODAY, checkin(leg_pain=11, sleep_quality=-2))
    assert [p.column for p in caught.value.problems] == ["leg_pain", "sleep_quality"]


@pytest.mark.parametrize(
    ("column", "value", "stored"),
    [
        ("leg_pain", 0, 0),  # the bottom of the scale
        ("leg_pain", 10, 10),  # the top of the scale
        ("leg_pain", 7.0, 7),  # a whole float is a whole number
        ("sleep_hours", 7.5, 7.5),
        ("chair_stands", None, None),  # optional and not recorded
        ("notes", "  ", None),  # blank notes are no notes
        ("notes", " slept badly ", "slept badly"),
    ],
)
def test_a_good_value_is_kept_in_its_stored_form(column, value, stored):
    _, clean = validate_checkin(TODAY, checkin(**{column: value}))
    assert clean[column] == stored


def test_a_red_flag_nobody_was_asked_stays_unknown_never_no():
    values = checkin()
    del values["rf_both_legs"]
    _, clean = validate_checkin(TODAY, values)
    assert clean["rf_both_legs"] is None


def test_a_ticked_red_flag_can_be_saved_with_every_other_question_unanswered():
    values = {"rf_saddle_numbness": True}
    _, clean = validate_checkin(TODAY, values)
    assert clean["rf_saddle_numbness"] is True
    assert clean["leg_pain"] is None and clean["sleep_quality"] is None


def test_without_a_red_flag_the_questions_are_still_required():
    with pytest.raises(ValidationError) as caught:
        validate_checkin(TODAY, {"rf_saddle_numbness": False})
    assert any(p.column == "leg_pain" for p in caught.value.problems)
