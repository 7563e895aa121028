"""Screenshots of every page for a person to look at: light and dark, desktop and phone.

Not a test (it compares nothing): run ``python -m tests.browser.screenshots [OUT] [MODE]``
after changing what a page shows, then open the PNGs. The journal holds the example
recovery; MODE is local (the default), shared or kiosk.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from recovery import example, storage
from tests.browser.helpers import go_to, open_app, wait_idle
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, ROOT, Server

PAGES = ("Daily check-in", "Flare-up", "Progress", "History", "Your data", "Recovery guide")
KIOSK_PAGES = ("Welcome", "Daily check-in", "Flare-up", "Progress", "History", "Recovery guide")


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def take(out: Path, mode: str = "local") -> list[Path]:
    """Save one full-page PNG per page, theme and window size into ``out``; return them."""
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "recovery.duckdb"
        if mode == "local":
            conn = storage.open_database(db_path)
            today = dt.date.today()
            example.load_example(conn, storage.LOCAL_OWNER, end=today - dt.timedelta(days=1))
            conn.close()
        server = Server(db_path=db_path, env={"RECOVERY_MODE": mode} if mode != "local" else {})
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for scheme in ("light", "dark"):
                    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
                        context = browser.new_context(viewport=size, color_scheme=scheme)
                        page = context.new_page()
                        page.set_default_timeout(30_000)
                        open_app(page, server.url)
                        for title in KIOSK_PAGES if mode == "kiosk" else PAGES:
                            go_to(page, title)
                            wait_idle(page)
                            page.wait_for_timeout(500)
                            path = out / f"{mode}-{_slug(title)}-{scheme}-{size_name}.png"
                            page.screenshot(path=str(path), full_page=True)
                            saved.append(path)
                        context.close()
                browser.close()
        finally:
            server.stop()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "artifacts" / "pages"
    for shot in take(target, sys.argv[2] if len(sys.argv) > 2 else "local"):
        print(shot)
