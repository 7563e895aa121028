"""Getting worse is said first: the notice and the stage for journals built in code.

Each journal has a first week, a middle week and a latest week (END is its last day). The
expected answers were worked out by hand from the thresholds in recovery/signs/registry.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import analysis, example, storage, summary
from recovery.analysis import stage, worsening
from recovery.text import progress
from tests.conftest import checkin
from tests.support import END, JOURNALS, OWNER, notice_for

ALL = ("pain", "episodes", "motion", "walking", "numbness", "strength", "sleep")


@pytest.mark.parametrize(
    ("journal", "level", "signs", "stage_key"),
    [
        ("improving", None, (), "last_stage"),
        ("flat", None, (), "early"),
        ("all worse", "error", ALL, "worsening"),
        ("leg pain worse", "warning", ("pain",), "worsening"),
        ("strength worse", "error", ("strength",), "worsening"),
        ("two worse", "error", ("walking", "sleep"), "worsening"),
        # Improving overall, so the stage says so; the notice still names numbness.
        ("improving but numbness worse", "warning", ("numbness",), "last_stage"),
        ("gaps, enough", "error", ALL, "worsening"),
        # Two latest check-ins: no verdict, and the stage refuses to guess.
        ("gaps, too few", None, (), "insufficient_data"),
    ],
)
def test_each_journal_gets_the_right_notice_and_stage(conn, journal, level, signs, stage_key):
    storage.save_checkins(
        conn, OWNER, [(day, checkin(**values)) for day, values in JOURNALS[journal]], today=END
    )
    notice = notice_for(conn, OWNER, END)
    if level is None:
        assert notice is None
    else:
        assert notice is not None
        assert (notice.level, notice.signs) == (level, signs)
    estimate = stage.estimate_stage(conn, OWNER, today=END)
    assert estimate.key == stage_key
    assert estimate.title == stage.TITLES[stage_key]
    assert estimate.next_steps  # the stage has its own text, for the page and the PDF


def test_the_example_recovery_gets_no_notice_and_the_last_stage(conn):
    example.load_example(conn, OWNER, END, today=END)
    assert notice_for(conn, OWNER, END) is None
    assert stage.estimate_stage(conn, OWNER, today=END).key == "last_stage"


def test_an_empty_journal_gets_no_notice(conn):
    assert notice_for(conn, OWNER, END) is None


def _log(conn, journal: str) -> analysis.Comparison:
    rows = [(day, checkin(**values)) for day, values in JOURNALS[journal]]
    storage.save_checkins(conn, OWNER, rows, today=END)
    return analysis.compare_signs(conn, OWNER, end=END)


@pytest.mark.parametrize(
    ("journal", "title", "words"),
    [
        (
            "leg pain worse",
            "Leg pain is worse than in your first week",
            ["leg pain 4.0 \u2192 7.0", "Talk to your clinician soon"],
        ),
        (
            "two worse",
            "2 signs are worse than in your first week: walking and sleep",
            ["walking 25 min \u2192 10 min", "sleep 5.0 \u2192 3.0", "Contact your clinician now"],
        ),
        (
            "strength worse",
            "Leg strength is worse than in your first week",
            ["leg strength 5.0 \u2192 2.0", "Contact your clinician now"],
        ),
        (
            "all worse",
            "All seven signs are worse than in your first week",
            ["Contact your clinician now"],
        ),
    ],
)
def test_the_notice_names_the_signs_and_what_to_do(conn, journal, title, words):
    notice = worsening.worsening_notice(_log(conn, journal))
    assert notice is not None
    assert notice.title == title
    for word in words:
        assert word in notice.text + notice.detail
    if "strength" in notice.signs:
        # Leg strength falling carries the registry's red flag and its urgent-care message.
        assert notice.level == "error"
        assert notice.red_flag is not None and notice.red_flag.column == "rf_worsening_weakness"
        assert notice.red_flag.question.lower() in notice.urgent
        assert "emergency department" in notice.urgent
    else:
        assert notice.red_flag is None and notice.urgent == ""


@pytest.mark.parametrize(
    ("journal", "headline"),
    [
        ("all worse", "Worse in all seven signs"),
        ("leg pain worse", "Worse in 1 sign: leg pain"),
        ("two worse", "Worse in 2 signs: walking and sleep"),
        ("improving", "Improving in all seven signs"),
        (
            "flat",
            "No clear change yet in leg pain, pain flare-ups, bending and getting up, "
            "walking, numbness and tingling, leg strength, and sleep",
        ),
        ("improving but numbness worse", "Worse in 1 sign: numbness and tingling"),
    ],
)
def test_the_headline_names_the_signs_that_are_worse_or_lagging(conn, journal, headline):
    comparison = _log(conn, journal)
    assert progress.headline(comparison) == headline
    assert " 0 " not in progress.headline(comparison)


def test_the_worsening_stage_names_the_worse_signs_and_says_none_improved(conn):
    _log(conn, "two worse")
    estimate = stage.estimate_stage(conn, OWNER, today=END)
    assert estimate.explanation.startswith("Walking and sleep are clearly worse")
    assert "No sign has clearly improved yet" in estimate.explanation
    assert "Worse than your first week: walking and sleep." in estimate.sign_detail
    assert "clinician" in estimate.next_steps


def test_the_summary_reports_the_worsening_stage_and_notice_first(conn):
    _log(conn, "all worse")
    overview = summary.journal_overview(conn, OWNER, today=END)
    assert list(overview)[0] == "worsening"
    assert overview["worsening"]["level"] == "error"
    assert overview["worsening"]["signs"] == list(ALL)
    assert overview["stage"] == "worsening"
    assert overview["stage_title"] == "Getting worse"
    text = summary.overview_text(overview)
    assert text.splitlines()[1].startswith("WARNING: All seven signs are worse")


def test_zero_reads_as_none_and_one_verdict_for_all_is_not_repeated(conn):
    comparison = _log(conn, "all worse")
    assert progress.pain_free_line(comparison) == (
        "Pain-free days (no flare-ups and leg pain 0 or 1): 7 in your first week, "
        "none in your latest 7 days."
    )
    assert progress.verdict_names(comparison) == ""  # the headline already says it
    # The card points to the notice instead of giving its own, different urgency.
    assert comparison.signs["pain"].sentence.endswith(
        "(the notice at the top of the page says what to do)."
    )


@pytest.mark.parametrize(
    ("days_before", "words"),
    [(0, "today"), (1, "yesterday"), (5, "5 days ago"), (-1, "today")],
)
def test_how_long_ago_never_reads_as_a_negative_number(days_before, words):
    from recovery import text

    assert text.days_ago(END - dt.timedelta(days=days_before), END) == words


@pytest.mark.parametrize("journal", ["leg pain worse", "two worse", "strength worse", "all worse"])
def test_one_scale_of_urgency_the_notice_alone_says_how_soon(conn, journal):
    comparison = _log(conn, journal)
    notice = worsening.worsening_notice(comparison)
    assert notice is not None
    said = notice.text + notice.urgent
    # One sign (not strength) asks for soon; several or strength ask for now; never both.
    assert ("soon" in said) != ("now" in notice.text)
    for key in notice.signs:
        assert "clinician" not in comparison.signs[key].sentence
    # The emergency paragraph about leg weakness only when leg strength is falling.
    assert ("emergency department" in notice.urgent) == ("strength" in notice.signs)
