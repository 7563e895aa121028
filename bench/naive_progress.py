"""The baseline for bench_progress_browser.py: a naive Progress page, not part of the app.

Two pages like the app's (a start page, then Progress); Progress reads every row of the
journal and draws one raw st.line_chart per sign, with no analysis, cache or styling.
Run by the benchmark with ``streamlit run bench/naive_progress.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from recovery import storage  # noqa: E402
from recovery.signs import SIGNS  # noqa: E402


@st.cache_resource
def connection():
    """The journal, opened once per process like the app's."""
    return storage.open_database(os.environ["RECOVERY_DB"])


def start() -> None:
    """A start page with one line of text."""
    st.title("Daily check-in")
    st.write("The naive baseline's first page.")


def progress() -> None:
    """Every row read, one raw line chart per sign."""
    st.title("Progress")
    frame = storage.load_checkins(connection(), storage.LOCAL_OWNER).set_index("day")
    for the_sign in SIGNS:
        st.subheader(the_sign.title)
        st.line_chart(frame[the_sign.primary.column])


st.navigation(
    [st.Page(start, title="Daily check-in", default=True), st.Page(progress, title="Progress")]
).run()
