"""Seven Signs: a daily check-in and progress dashboard for recovery from sciatica."""

import streamlit as st

from recovery import text
from ui import blocks, session

st.set_page_config(
    page_title=text.APP_NAME, page_icon=":material/monitor_heart:", layout="centered"
)

PAGES = [
    st.Page("pages/checkin.py", title="Daily check-in", icon=":material/edit_note:",
            default=True),
    st.Page("pages/progress.py", title="Progress", icon=":material/monitoring:"),
    st.Page("pages/history.py", title="History", icon=":material/history:"),
    st.Page("pages/data.py", title="Your data", icon=":material/database:"),
    st.Page("pages/recovery_guide.py", title="Recovery guide", icon=":material/menu_book:"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.markdown(f"**{text.APP_NAME}**")
    st.caption(text.TAGLINE)
    if session.mode() == "shared":
        st.info(text.SHARED_NOTICE, icon=":material/bookmark:")
try:
    page.run()
finally:
    # Also after st.stop(): the reminder belongs on every page, empty states included.
    blocks.footer()
