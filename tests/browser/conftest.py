"""Browser fixtures: a real `streamlit run` on a free port, driven by Playwright in Chromium.

With CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.server import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, Server


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    """The server runs on the real clock in its own process, so the browser tests do too."""
    yield


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the whole run."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}; CI must run the browser tests")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Server]:
    """A running app on this test's own journal; its log is printed if the test fails."""
    marker = request.node.get_closest_marker("server_env")
    running = Server(db_path=tmp_path / "recovery.duckdb", env=marker.args[0] if marker else {})
    running.start()
    yield running
    running.stop()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print("---- streamlit output ----\n" + running.output())


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser tab at desktop size; a screenshot is kept if the test fails."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report
