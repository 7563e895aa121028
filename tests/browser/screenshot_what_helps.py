"""The "What helps me" section of Progress on a 390 px phone, light and dark, for the docs.

Not a test: run ``python -m tests.browser.screenshot_what_helps`` after changing the section;
it writes docs/screenshots/progress-what-helps-phone-{light,dark}.png from the example.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from recovery import example, storage
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, PHONE, ROOT, Server


def take() -> None:
    """Save the two PNGs, printing their paths."""
    out = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "recovery.duckdb"
        conn = storage.open_database(db)
        example.load_example(conn, storage.LOCAL_OWNER, end=dt.date.today())
        conn.close()
        server = Server(db_path=db)
        server.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
                    page = context.new_page()
                    page.set_default_timeout(30_000)
                    open_app(page, server.url)
                    go_to(page, "Progress")
                    wait_idle(page)
                    page.set_viewport_size({"width": 390, "height": 9000})
                    wait_idle(page)
                    page.locator("summary", has_text="Every comparison (").click()
                    wait_idle(page)
                    page.wait_for_timeout(1500)
                    path = out / f"progress-what-helps-phone-{scheme}.png"
                    page.locator(".st-key-helps_section").screenshot(path=str(path))
                    print(path)
                    context.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    take()
