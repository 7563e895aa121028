"""The Progress page's "What helps me" section under AppTest: links, the table, the plan."""

from __future__ import annotations

import datetime as dt

from recovery import example, storage
from recovery.analysis import helps, helps_plan
from recovery.text import helps as words
from tests.conftest import TODAY, checkin
from ui.helps import TABLE_KEY


def _open_progress(app):
    app.run()
    return app.switch_page("pages/progress.py").run()


def _with_example(db_path) -> list[helps.Link]:
    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER, today=TODAY)
    found = helps.what_helps(conn, storage.LOCAL_OWNER, TODAY)
    conn.close()
    return found


def _table(at):
    """The folded table of every comparison (the only table with a "Factor" column), opened."""
    assert not [d for d in at.dataframe if "Factor" in d.value.columns]  # not drawn while folded
    at.session_state[TABLE_KEY] = True
    at.run()
    return next(d.value for d in at.dataframe if "Factor" in d.value.columns)


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_example_shows_its_links_first_and_every_comparison_in_a_table(app, db_path):
    found = _with_example(db_path)
    at = _open_progress(app)
    assert not at.exception
    assert "What helps me" in [h.value for h in at.header]
    flagged = [link for link in found if link.flagged]
    assert flagged
    shown = [t for t in _markdown(at) if t.startswith(":material/link: ")]
    # The six clearest links are listed; the others are counted and left to the table.
    clearest = sorted(flagged, key=lambda link: link.p_holm)[:6]
    expected = [words.link_sentence(link, helps.factor_of(link)) for link in clearest]
    assert [t.removeprefix(":material/link: ") for t in shown] == expected
    captions = [c.value for c in at.caption]
    assert (words.more_links(len(flagged) - 6) in captions) == (len(flagged) > 6)
    assert words.LINK_NOT_PROOF in [c.value for c in at.caption]
    table = _table(at)
    assert len(table) == len(found)
    assert list(table.columns) == [
        "Factor",
        "Outcome",
        "When",
        "Days with",
        "Days without",
        "Difference",
        "95 % interval",
        "Link",
    ]
    assert (table["Link"] == "yes").sum() == len(flagged)
    made = sum(link.difference is not None for link in found)
    assert any(e.label.startswith(f"Every comparison ({made} of {len(found)}") for e in at.expander)


def test_a_short_journal_says_not_enough_days_and_no_links(app, db_path):
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, storage.LOCAL_OWNER, TODAY, checkin(), today=TODAY)
    conn.close()
    at = _open_progress(app)
    assert not at.exception
    assert words.NO_LINKS in [i.value for i in at.info]
    table = _table(at)
    assert set(table["Difference"]) == {"not enough days yet"}


def test_a_plan_is_started_shown_week_by_week_and_cancelled(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    at.selectbox(key="helps_plan_factor").set_value("exercises").run()
    at.button(key="helps_plan_begin").click().run()
    assert not at.exception
    assert "**Week 1 of 4. This week: do your exercises.**" in _markdown(at)
    conn = storage.open_database(db_path)
    assert helps_plan.load_plan(conn, storage.LOCAL_OWNER) == helps_plan.Plan("exercises", TODAY)
    conn.close()
    at.button(key="helps_plan_cancel").click().run()
    assert not at.exception
    assert at.button(key="helps_plan_begin")  # the offer is back
    conn = storage.open_database(db_path)
    assert helps_plan.load_plan(conn, storage.LOCAL_OWNER) is None
    conn.close()


def test_a_start_too_far_ahead_is_refused_in_plain_words(app, db_path):
    _with_example(db_path)
    at = _open_progress(app)
    at.date_input(key="helps_plan_start").set_value(TODAY + dt.timedelta(days=40)).run()
    at.button(key="helps_plan_begin").click().run()
    assert not at.exception
    assert "within the next 4 weeks" in at.error[0].value


def test_a_finished_plan_shows_its_result(app, db_path):
    _with_example(db_path)
    conn = storage.open_database(db_path)
    start = TODAY - dt.timedelta(days=30)
    helps_plan.save_plan(conn, storage.LOCAL_OWNER, "exercises", start, start)
    conn.close()
    at = _open_progress(app)
    assert not at.exception
    lines = [t for t in _markdown(at) if t.startswith("- In the on-weeks")]
    assert len(lines) == len(helps.OUTCOMES)
    assert words.PLAN_CAVEAT in [c.value for c in at.caption]


def test_the_example_preview_offers_no_plan(app, db_path):
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, storage.LOCAL_OWNER, TODAY, checkin(), today=TODAY)
    conn.close()
    at = _open_progress(app)
    at.button(key="progress_preview_on").click().run()
    assert not at.exception
    assert "What helps me" in [h.value for h in at.header]
    assert not [b for b in at.button if b.key == "helps_plan_begin"]
