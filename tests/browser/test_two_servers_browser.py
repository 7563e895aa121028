"""Two app servers on one PostgreSQL database: a link made on one opens on the other, many
visitors' saves land under the right owners, and a server killed mid-way loses no
confirmed save while the other keeps serving."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.ws_visitor import Visitor
from recovery import owners, storage
from tests.browser.helpers import answer_all, open_app, wait_idle
from tests.browser.server import Server

SECRET = "two-servers-link-secret-" + "s" * 40
ANSWERS = {"leg_pain": 4, "back_pain": 3, "pain_episodes": 2.0, "bending": 5}
ANSWERS |= {"walk_minutes": 30.0, "numbness": 2, "leg_strength": 7, "sleep_quality": 6}
ANSWERS |= {"night_wakings": 1.0}
VISITORS, SAVES_EACH = 20, 5


@pytest.fixture
def two_servers(tmp_path: Path, postgres_url: str) -> Iterator[tuple[Server, Server, str]]:
    """Two `streamlit run` servers in shared mode on one new PostgreSQL database."""
    env = {"RECOVERY_DB": postgres_url, "RECOVERY_MODE": "shared"}
    env["RECOVERY_LINK_SECRET"] = SECRET
    first = Server(tmp_path / "a" / "unused.duckdb", env=env)
    second = Server(tmp_path / "b" / "unused.duckdb", env=env)
    for server in (first, second):
        server.db_path.parent.mkdir()
        server.start()
    yield first, second, postgres_url
    for server in (first, second):
        server.stop()


def test_a_private_link_made_on_one_server_opens_the_journal_on_the_other(two_servers, page):
    first, second, _ = two_servers
    open_app(page, first.url)
    answer_all(page, leg_pain=7)
    page.get_by_role("button", name="Save check-in").click()
    wait_idle(page)
    expect(page.get_by_text("Saved your check-in")).to_be_visible()
    token = page.url.split("journal=")[1].split("&")[0]

    open_app(page, f"{second.url}/history?journal={token}")
    expect(page.get_by_text("1 check-in, from")).to_be_visible()
    expect(page.get_by_text("No journal was found at this link")).to_have_count(0)


async def _visitor_saves(url: str, confirmed: list, go: asyncio.Event) -> None:
    """One visitor's SAVES_EACH days; each confirmed (link, day) is noted as it arrives."""
    visitor = Visitor(url)
    try:
        await visitor.connect()
        await visitor.run()
        await go.wait()
        today = dt.date.today()
        for back in range(SAVES_EACH):
            day = today - dt.timedelta(days=back)
            if back:
                await visitor.run(visitor.pick_day(day))
            _, ok = await visitor.run([*visitor.answers(ANSWERS), visitor.save_click()])
            if not ok:
                raise RuntimeError(f"a save on {url} ended without its confirmation")
            confirmed.append((visitor.query_string.split("journal=")[1], day))
        await visitor.close()
    except Exception as error:  # noqa: BLE001
        # A killed server's visitors lose their connection: what they were told was saved
        # is checked by the test; what they were not told may be missing. (Without a kill,
        # a visitor that stops short fails the test's count of confirmations.)
        confirmed.append(("failed", repr(error)))


async def _crowd(
    urls: list[str], kill_after: int | None, victim: Server | None
) -> tuple[list, list]:
    confirmed: list = []
    go = asyncio.Event()
    tasks = [
        asyncio.create_task(_visitor_saves(urls[i % len(urls)], confirmed, go))
        for i in range(VISITORS)
    ]
    await asyncio.sleep(0)
    go.set()
    if victim is not None:
        while len(confirmed) < kill_after and not all(t.done() for t in tasks):
            await asyncio.sleep(0.05)
        os.kill(victim.process.pid, signal.SIGKILL)
    await asyncio.gather(*tasks)
    return [c for c in confirmed if c[0] != "failed"], [c[1] for c in confirmed if c[0] == "failed"]


def _stored(address: str, confirmed: list) -> list:
    """The confirmed (link, day) pairs not found under their own owner."""
    conn = storage.open_database(address)
    try:
        return [
            (token, day)
            for token, day in confirmed
            if (storage.get_checkin(conn, owners.owner_for_link(token), day) or {}).get("leg_pain")
            != ANSWERS["leg_pain"]
        ]
    finally:
        conn.close()


def _run(crowd: object) -> list:
    # Playwright's synchronous API keeps an event loop running in this thread.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, crowd).result()


def test_many_visitors_over_two_servers_keep_every_save_under_its_owner(two_servers):
    first, second, address = two_servers
    confirmed, failed = _run(_crowd([first.url, second.url], None, None))
    assert failed == []
    assert len(confirmed) == VISITORS * SAVES_EACH
    assert len({token for token, _ in confirmed}) == VISITORS
    assert _stored(address, confirmed) == []


def test_a_server_killed_mid_way_loses_no_confirmed_save_and_the_other_serves_on(two_servers):
    first, second, address = two_servers
    confirmed, _ = _run(_crowd([first.url, second.url], VISITORS * SAVES_EACH // 3, second))
    assert second.process.wait(10) == -signal.SIGKILL
    assert _stored(address, confirmed) == []  # every confirmed save is there, on either server
    # The surviving server confirmed every one of its visitors' saves.
    assert len(confirmed) >= (VISITORS // 2) * SAVES_EACH
    after, failed = _run(_crowd([first.url], None, None))
    assert failed == [] and len(after) == VISITORS * SAVES_EACH
