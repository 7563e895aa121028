"""Journal problems in a real browser: a plain message box, never Streamlit's crash box.

The full disk is a real 8 MB tmpfs and the read-only journal a real read-only bind mount
(both need root, and are skipped elsewhere); the damaged journal has one data block whose
bytes no longer match DuckDB's checksum.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from recovery import storage
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import Server
from tests.support import seeded


def _running(tmp_path: Path, journal: Path, **env: str) -> Server:
    # The server's log stays in tmp_path, off the journal's (possibly full) disk.
    server = Server(db_path=tmp_path / "unused.duckdb", env={"RECOVERY_DB": str(journal), **env})
    server.start()
    return server


def test_a_check_in_on_a_full_disk_is_refused_plainly_and_saved_once_there_is_room(
    tiny_disk, tmp_path, page
):
    journal = tiny_disk.folder / "recovery.duckdb"
    seeded(journal)
    server = _running(tmp_path, journal)
    try:
        open_app(page, server.url)
        tiny_disk.fill()
        page.get_by_role("button", name="Save check-in").click()
        wait_idle(page)
        refused = page.get_by_test_id("stAlert").filter(
            has_text="Nothing was saved: the disk holding your journal is full."
        )
        expect(refused).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)

        tiny_disk.free()
        page.get_by_role("button", name="Save check-in").click()
        wait_idle(page)
        expect(page.get_by_test_id("stAlert").filter(has_text="your check-in for")).to_be_visible()
        expect(refused).to_have_count(0)
    finally:
        server.stop()
    conn = storage.open_database(journal)
    assert storage.journal_summary(conn, storage.LOCAL_OWNER).days_logged == 3
    conn.close()


def test_a_journal_damaged_inside_gets_a_plain_message_on_every_page(
    journal_damaged_inside, tmp_path, page
):
    server = _running(tmp_path, journal_damaged_inside)
    try:
        open_app(page, server.url)
        for title in ("History", "Progress", "Your data"):
            go_to(page, title)
            damaged = page.get_by_test_id("stAlert").filter(has_text="Your journal file is damaged")
            expect(damaged).to_be_visible()
            expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        server.stop()


def test_a_shared_site_on_a_read_only_journal_shows_visitors_no_server_path(
    read_only_journal, tmp_path, page
):
    server = _running(tmp_path, read_only_journal, RECOVERY_MODE="shared")
    try:
        page.goto(server.url)
        wait_idle(page)
        alert = page.get_by_test_id("stAlert").filter(has_text="Your journal is read-only here")
        expect(alert).to_be_visible()
        assert str(read_only_journal.parent) not in alert.inner_text()
        expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        server.stop()
    assert str(read_only_journal) in server.output()  # the path is in the server's log
