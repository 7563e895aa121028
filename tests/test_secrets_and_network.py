"""A shared site with a known or short key opens no journal; local mode is this computer only."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import config, owners
from tests.conftest import ROOT

GOOD = "0123456789abcdef" * 4


@pytest.mark.parametrize(
    ("secrets", "problem"),
    [
        ({"recovery": {"link_secret": "replace-with-64-random-hex-characters"}}, "placeholder"),
        ({"recovery": {"link_secret": "short"}}, "shorter than 32"),
        ({"recovery": {"link_secret": GOOD}}, None),
        ({}, None),  # no key set: one is generated beside the journal
        (
            {"auth": {"cookie_secret": "replace-with-another-long-random-string"}},
            "cookie_secret is the example file's placeholder",
        ),
        ({"auth": {"client_id": "x"}}, "no cookie_secret"),
        ({"auth": {"cookie_secret": GOOD}}, None),
    ],
)
def test_a_key_from_the_example_or_too_short_is_named(secrets, problem):
    found = config.secret_problems(env={}, secrets=secrets)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0]


def test_a_shared_site_with_the_example_key_opens_no_journal(db_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.setenv("RECOVERY_MODE", "shared")
    monkeypatch.setenv("RECOVERY_LINK_SECRET", "replace-with-64-random-hex-characters")
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert "This site is not set up yet" in at.error[0].value
    assert "placeholder" not in at.error[0].value  # the reason is for the host's log
    assert not at.segmented_control  # no check-in form
    assert not db_path.exists()  # nothing opened, nothing made


@pytest.mark.parametrize(
    ("host", "here"),
    [
        ("localhost:8501", True),
        ("127.0.0.1:8501", True),
        ("[::1]:8501", True),
        ("LOCALHOST", True),
        (None, True),
        ("rebind.attacker.example:8501", False),
        ("192.168.1.20:8501", False),
        ("localhost.attacker.example", False),
    ],
)
def test_only_a_loopback_host_name_is_this_computer(host, here):
    assert owners.is_loopback_host(host) is here


@pytest.mark.parametrize(
    ("value", "allowed"), [("1", True), ("true", True), ("yes", True), ("0", False), ("", False)]
)
def test_the_network_is_opened_only_by_an_explicit_setting(value, allowed):
    assert config.allow_network(env={"RECOVERY_ALLOW_NETWORK": value}, secrets={}) is allowed
    assert config.allow_network(env={}, secrets={}) is False


def test_the_server_reads_no_message_bigger_than_the_app_needs():
    import tomllib

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    # History's table of a century of days with long notes is about 5 MB (measured).
    assert server["maxMessageSize"] <= 16
    assert server["maxUploadSize"] <= 50
