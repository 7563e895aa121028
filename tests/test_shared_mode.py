"""Shared mode: strangers on one link never see each other's entries."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import owners, storage
from tests.conftest import ROOT, TODAY

ALICE = "a" * 22
BOB = "b" * 22


@pytest.fixture
def shared(db_path, monkeypatch):
    """A factory of AppTest sessions of the app in shared mode, all on one journal file."""
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.setenv("RECOVERY_MODE", "shared")
    st.cache_resource.clear()

    def visit(token: str | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if token:
            at.query_params["journal"] = token
        return at.run()

    yield visit
    st.cache_resource.clear()


def _save_leg_pain(at: AppTest, value: int) -> None:
    at.slider(key="ci_leg_pain").set_value(value)
    at.button(key="ci_save").click().run()
    assert at.success, "the check-in was not saved"


def test_a_new_visitor_gets_a_private_link_in_the_address(shared):
    at = shared()
    assert owners.is_link_token(at.query_params["journal"])
    assert any("private to this page's address" in c.value for c in at.main.caption)


def test_two_visitors_never_see_each_others_check_ins(shared, db_path):
    alice = shared(ALICE)
    _save_leg_pain(alice, 8)
    bob = shared(BOB)
    assert not bob.main.info, "Bob's form says a day is already logged"
    bob.switch_page("pages/history.py").run()
    assert "Your journal is empty" in bob.main.info[0].value
    st.cache_resource.clear()
    conn = storage.open_database(db_path)
    owners_in_file = conn.execute("SELECT DISTINCT owner FROM checkins").fetchall()
    conn.close()
    assert owners_in_file == [(owners.owner_for_link(ALICE),)]


def test_coming_back_with_the_same_link_finds_the_journal(shared):
    _save_leg_pain(shared(ALICE), 7)
    again = shared(ALICE)
    assert again.slider(key="ci_leg_pain").value == 7
    assert "already checked in" in again.main.info[0].value
    again.switch_page("pages/history.py").run()
    assert again.dataframe[0].value["Leg pain"].tolist() == ["7"]


def test_a_made_up_link_value_is_replaced_by_a_fresh_private_one(shared):
    at = shared("x'; DROP TABLE checkins; --")
    assert owners.is_link_token(at.query_params["journal"])
    assert at.date_input(key="ci_date").value == TODAY
