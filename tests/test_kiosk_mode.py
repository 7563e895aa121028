"""Kiosk mode: an example recovery per visitor, nothing on disk.

AppTest drops app-level elements on reruns, so Start over (drawn by app.py) is tested in
tests/browser/test_kiosk_browser.py.
"""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def kiosk(db_path, monkeypatch):
    """The app as the clinic kiosk runs it (a journal path is set, and must stay unused)."""
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.setenv("RECOVERY_MODE", "kiosk")
    st.cache_resource.clear()
    yield lambda: AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    st.cache_resource.clear()


def test_a_visitor_finds_the_example_recovery_and_nothing_is_written_to_disk(kiosk, db_path):
    at = kiosk()
    assert not at.exception
    assert any("Demonstration" in m.value for m in at.main.markdown)
    at.switch_page("pages/history.py").run()
    assert len(at.dataframe[0].value) >= 80
    assert not db_path.exists()


def test_two_kiosk_visitors_do_not_share_entries(kiosk):
    first = kiosk()
    first.text_area(key="ci_notes").input("first visitor")
    first.button(key="ci_save").click().run()
    second = kiosk()
    second.switch_page("pages/history.py").run()
    assert "first visitor" not in second.dataframe[0].value["Note"].tolist()
