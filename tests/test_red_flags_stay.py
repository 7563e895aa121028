"""A red flag reported lately opens Progress, the Recovery guide and the kiosk, first."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery import example, storage
from recovery.analysis import red_flags
from recovery.signs import RED_FLAGS
from tests.conftest import TODAY, checkin, in_page_order

SADDLE = RED_FLAGS[1]


def _journal_with_flag(db_path, days_ago: int) -> None:
    conn = storage.open_database(db_path)
    example.load_example(conn, storage.LOCAL_OWNER, end=TODAY - dt.timedelta(days=1), today=TODAY)
    day = TODAY - dt.timedelta(days=days_ago)
    storage.save_checkin(
        conn, storage.LOCAL_OWNER, day, checkin(**{SADDLE.column: True}), today=TODAY
    )
    conn.close()


def _htmls(at) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def _open(app, page: str):
    app.run()
    return app.switch_page(page).run()


@pytest.mark.parametrize("page", ["pages/progress.py", "pages/recovery_guide.py"])
def test_a_red_flag_from_yesterday_opens_the_page_before_anything_else(app, db_path, page):
    _journal_with_flag(db_path, days_ago=1)
    at = _open(app, page)
    assert not at.exception
    urgent = [body for body in _htmls(at) if "urgent-care" in body]
    assert len(urgent) == 1
    assert "Get urgent medical help now" in urgent[0]
    assert "(yesterday) you reported: numbness around your bottom" in urgent[0]
    # First on the page: nothing but the title comes before it, not the headline or a notice.
    order = [type(e).__name__ for e in in_page_order(at.main)]
    first_html = order.index("Html") if "Html" in order else None
    assert first_html is not None
    assert all(kind in ("Title", "Markdown", "Html") for kind in order[:first_html])


def test_a_red_flag_a_week_old_no_longer_opens_the_page(app, db_path):
    _journal_with_flag(db_path, days_ago=red_flags.RECENT_RED_FLAG_DAYS)
    at = _open(app, "pages/progress.py")
    assert not any("urgent-care" in body for body in _htmls(at))


def test_the_recent_flags_are_read_newest_first_and_only_for_their_owner(conn):
    for ago in (3, 1):
        storage.save_checkin(
            conn,
            "ana",
            TODAY - dt.timedelta(days=ago),
            checkin(**{SADDLE.column: True}),
            today=TODAY,
        )
    storage.save_checkin(conn, "ben", TODAY, checkin(**{RED_FLAGS[0].column: True}), today=TODAY)
    reports = red_flags.recent_red_flags(conn, "ana", TODAY)
    assert [r.day for r in reports] == [TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=3)]
    assert reports[0].flags == (SADDLE,)
    assert red_flags.recent_red_flags(conn, "carl", TODAY) == []
