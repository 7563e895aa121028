"""Seven Signs: a daily check-in and progress dashboard for recovery from sciatica."""

import streamlit as st

from recovery import text
from ui import blocks, session, storage_problems

st.set_page_config(
    page_title=text.APP_NAME, page_icon=":material/monitor_heart:", layout="centered"
)

CHECKIN = st.Page(
    "pages/checkin.py", title="Daily check-in", icon=":material/edit_note:", default=True
)
PROGRESS = st.Page("pages/progress.py", title="Progress", icon=":material/monitoring:")
HISTORY = st.Page("pages/history.py", title="History", icon=":material/history:")
DATA = st.Page("pages/data.py", title="Your data", icon=":material/database:")
GUIDE = st.Page("pages/recovery_guide.py", title="Recovery guide", icon=":material/menu_book:")

mode = session.mode_or_none()
# A kiosk keeps nothing personal: no uploads of someone's own files, no downloads.
pages = (
    [CHECKIN, PROGRESS, HISTORY, GUIDE]
    if mode == "kiosk"
    else [CHECKIN, PROGRESS, HISTORY, DATA, GUIDE]
)
# At the top, with labels. On a narrow screen Streamlit folds the top bar into a sidebar
# behind an unlabelled icon (which then stays open over the page), so phones get a row of
# labelled links in the page instead (blocks.phone_navigation) and no sidebar at all.
page = st.navigation(pages, position="top")
blocks.phone_navigation(pages)
if mode == "shared":
    # In the main area, not the sidebar: on a phone the sidebar is folded away.
    st.caption(":material/bookmark: " + text.SHARED_NOTICE)
if mode == "kiosk":
    from ui import kiosk

    kiosk.furniture(session.open_journal().conn)
# The last net for any read or write a page did not expect to fail: a plain message.
with storage_problems.shown_plainly():
    page.run()
# A page that stops early draws this itself (blocks.stop): nothing drawn after st.stop()
# reaches the browser.
blocks.footer()
