"""Local mode is this computer only, even for a page whose own name resolves to 127.0.0.1."""

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import wait_idle
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, Server

REBOUND = "rebind.attacker.example"


def _rebinding_browser(browser):
    """A second Chromium in which the attacker's name resolves to this computer."""
    rules = f"--host-resolver-rules=MAP {REBOUND} 127.0.0.1"
    return browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])


def test_a_rebound_host_name_reads_no_local_journal(server, browser):
    rebinding = _rebinding_browser(browser)
    try:
        page = rebinding.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"http://{REBOUND}:{server.port}/")
        wait_idle(page)
        expect(page.get_by_text("This Seven Signs runs in local mode")).to_be_visible()
        expect(page.get_by_role("button", name="Save check-in")).to_have_count(0)
        # The same server, asked by its own name, still opens the journal.
        page.goto(f"{server.url}/")
        wait_idle(page)
        expect(page.get_by_role("button", name="Save check-in")).to_be_visible()
        # Whoever runs the server sees how big the store is when it starts serving.
        assert "Seven Signs journal file:" in server.output()
    finally:
        rebinding.close()


def test_a_network_opened_on_purpose_lets_other_names_in(tmp_path: Path, browser):
    opened = Server(db_path=tmp_path / "recovery.duckdb", env={"RECOVERY_ALLOW_NETWORK": "1"})
    opened.start()
    rebinding = _rebinding_browser(browser)
    try:
        page = rebinding.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"http://{REBOUND}:{opened.port}/")
        wait_idle(page)
        expect(page.get_by_role("button", name="Save check-in")).to_be_visible()
    finally:
        rebinding.close()
        opened.stop()


def test_a_secrets_file_that_does_not_parse_is_said_on_the_page(tmp_path: Path, browser):
    broken = tmp_path / "secrets.toml"
    broken.write_text('[recovery\nmode = "shared"\n', encoding="utf-8")
    site = Server(
        db_path=tmp_path / "recovery.duckdb", env={"STREAMLIT_SECRETS_FILES": str(broken)}
    )
    site.start()
    page = browser.new_page()
    try:
        page.set_default_timeout(30_000)
        page.goto(site.url)
        wait_idle(page)
        expect(page.get_by_text("its secrets file could not be read")).to_be_visible()
        expect(page.get_by_text(str(tmp_path))).to_have_count(0)  # no server path shown
        assert "secrets file could not be read" in site.output()
    finally:
        page.close()
        site.stop()
