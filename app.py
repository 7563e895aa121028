"""Seven Signs: a daily check-in and progress dashboard for recovery from sciatica."""

from pathlib import Path

import streamlit as st

from recovery import text
from ui import app_config, blocks, journal_link, session, storage_problems

ICON = Path(__file__).parent / "assets" / "icon.png"

# A local image, not an emoji or icon name: those are fetched from another server.
st.set_page_config(page_title=text.APP_NAME, page_icon=str(ICON), layout="centered")
mode = app_config.mode_or_none()

CHECKIN = st.Page(
    "pages/checkin.py",
    title="Daily check-in",
    icon=":material/edit_note:",
    default=mode != "kiosk",
)
# One tap from any page (the menu, or the row of links on a phone), then the answers and Save.
FLARE = st.Page("pages/flare.py", title="Flare-up", icon=":material/bolt:")
PROGRESS = st.Page("pages/progress.py", title="Progress", icon=":material/monitoring:")
HISTORY = st.Page("pages/history.py", title="History", icon=":material/history:")
DATA = st.Page("pages/data.py", title="Your data", icon=":material/database:")
GUIDE = st.Page("pages/recovery_guide.py", title="Recovery guide", icon=":material/menu_book:")
WELCOME = st.Page(
    "pages/welcome.py", title="Welcome", icon=":material/waving_hand:", default=mode == "kiosk"
)

# A kiosk keeps nothing personal: no uploads of someone's own files, no downloads.
pages = (
    [WELCOME, CHECKIN, FLARE, PROGRESS, HISTORY, GUIDE]
    if mode == "kiosk"
    else [CHECKIN, FLARE, PROGRESS, HISTORY, DATA, GUIDE]
)
shared = mode == "shared"
# Shared mode draws its own page links, which carry the journal's key: the built-in menu's
# links do not, so a page opened from it in a new tab would lose the journal. Elsewhere the
# menu is at the top, with labels.
page = st.navigation(pages, position="hidden" if shared else "top")
# A write refused inside a button's callback (run before this script) is said here, on top.
storage_problems.show_pending()
if shared:
    from ui import shared_link

    journal = session.open_journal()  # a link that leads nowhere, or sign-in, stops here
    with st.sidebar:
        shared_link.navigation(pages, journal_link.link_token())
# On a narrow screen Streamlit folds the menu behind an unlabelled icon (which then stays
# open over the page), so phones get a row of labelled links in the page instead. The
# shared link's own panel lives in the sidebar, so there the sidebar stays reachable.
blocks.phone_navigation(pages, query_params=journal_link.link_params(), keep_sidebar=shared)
if shared:
    with st.sidebar:
        st.markdown(f"**{text.APP_NAME}**")
        st.caption(text.TAGLINE)
    # Filled once the page has run, so a check-in saved just now already shows its link.
    link_panel = st.sidebar.container()
    # In the main area, not the sidebar (on a phone the sidebar is folded away), at the top
    # but filled after the page: a notice never says "nothing is kept" over a saved day.
    top_notices = st.container()
if mode == "kiosk":
    from ui import kiosk

    kiosk.furniture(session.open_journal().conn)
# The last net for any read or write a page did not expect to fail: a plain message.
with storage_problems.shown_plainly(), blocks.page_run():
    page.run()  # a page that ends early (blocks.end_page) still gets what follows
if shared:
    with top_notices:
        shared_link.notices(journal)
    with link_panel:
        shared_link.sidebar_panel(journal, journal_link.link_token())
    shared_link.after_page(journal, session.visitor_today())
# The whole app stopping before a page (blocks.stop) draws this itself.
blocks.footer()
