"""Seven Signs: a daily check-in and progress dashboard for recovery from sciatica."""

from pathlib import Path

import streamlit as st

from recovery import text
from ui import blocks, session

ICON = Path(__file__).parent / "assets" / "icon.png"

# A local image, not an emoji or icon name: those are fetched from another server.
st.set_page_config(page_title=text.APP_NAME, page_icon=str(ICON), layout="centered")
mode = session.mode_or_none()

CHECKIN = st.Page(
    "pages/checkin.py",
    title="Daily check-in",
    icon=":material/edit_note:",
    default=mode != "kiosk",
)
PROGRESS = st.Page("pages/progress.py", title="Progress", icon=":material/monitoring:")
HISTORY = st.Page("pages/history.py", title="History", icon=":material/history:")
DATA = st.Page("pages/data.py", title="Your data", icon=":material/database:")
GUIDE = st.Page("pages/recovery_guide.py", title="Recovery guide", icon=":material/menu_book:")
WELCOME = st.Page("pages/welcome.py", title="Welcome", icon=":material/waving_hand:", default=True)

# A kiosk keeps nothing personal: no uploads of someone's own files, no downloads.
pages = (
    [WELCOME, CHECKIN, PROGRESS, HISTORY, GUIDE]
    if mode == "kiosk"
    else [CHECKIN, PROGRESS, HISTORY, DATA, GUIDE]
)
page = st.navigation(pages)
with st.sidebar:
    st.markdown(f"**{text.APP_NAME}**")
    st.caption(text.TAGLINE)
if mode == "shared":
    # In the main area, not the sidebar: on a phone the sidebar is folded away.
    st.caption(":material/bookmark: " + text.SHARED_NOTICE)
if mode == "kiosk":
    from ui import kiosk

    kiosk.furniture(session.open_journal().conn)
page.run()
# A page that stops early draws this itself (blocks.stop): nothing drawn after st.stop()
# reaches the browser.
blocks.footer()
