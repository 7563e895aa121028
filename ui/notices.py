"""What a page says first: a red flag reported lately, then a sign getting worse."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery.analysis import red_flags
from recovery.analysis.worsening import Notice
from recovery.text import safety
from ui import app_config, blocks
from ui.journal import Journal
from ui.journal_link import page_link


def recent_red_flags(journal: Journal, today: dt.date) -> bool:
    """The urgent-care message for a red flag reported lately, first on the page; True if shown.

    It reads the person's own journal, also while a page previews the example.
    """
    reports = red_flags.recent_red_flags(journal.conn, journal.owner, today)
    if not reports:
        return False
    with st.container(key="recent_red_flag"):
        blocks.urgent_care(
            app_config.emergency_number(),
            kiosk=journal.mode == "kiosk",
            detail=safety.reported_flags(reports, today),
        )
    return True


def worsening_notice(notice: Notice | None, link_to_guide: bool = False) -> None:
    """Draw the notice (nothing when no sign is worse): a warning, or an error when firm.

    ``link_to_guide`` adds a link to the recovery guide, where every red flag is listed.
    """
    if notice is None:
        return
    body = f"**{notice.title}.** {notice.text}"
    if notice.detail:
        body += f"\n\n{notice.detail}"
    if notice.urgent:
        body += f"\n\n{notice.urgent}"
    draw = st.error if notice.level == "error" else st.warning
    with st.container(key="worsening_notice"):
        draw(body, icon=":material/trending_down:")
        if link_to_guide:
            page_link(
                "pages/recovery_guide.py",
                label="All red flags: Recovery guide",
                icon=":material/emergency:",
            )
