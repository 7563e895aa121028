"""Shared link in a real browser: each stranger has a private journal that survives a reload."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import answer_all, go_to, open_app, wait_idle

pytestmark = pytest.mark.server_env({"RECOVERY_MODE": "shared"})


def test_strangers_on_one_link_keep_separate_journals(server, browser):
    alice_context = browser.new_context()
    alice = alice_context.new_page()
    open_app(alice, server.url)
    expect(alice.get_by_text("Bookmark it to come back")).to_be_visible()
    answer_all(alice, leg_pain=8)
    alice.get_by_role("button", name="Save check-in").click()
    wait_idle(alice)
    expect(alice.get_by_text("Saved your check-in")).to_be_visible()
    go_to(alice, "History")
    assert "journal=" in alice.url, "the private link is missing from the address"
    alice_link = alice.url

    bob_context = browser.new_context()
    bob = bob_context.new_page()
    open_app(bob, server.url + "/history")
    expect(bob.get_by_text("Your journal is empty")).to_be_visible()
    assert bob.url != alice_link

    alice.goto(alice_link)
    wait_idle(alice)
    expect(alice.get_by_text("1 check-in, from")).to_be_visible()
    alice_context.close()
    bob_context.close()
