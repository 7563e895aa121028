"""The worsening notice drawn at the top of a page, from recovery.worsening."""

from __future__ import annotations

import streamlit as st

from recovery.analysis.worsening import Notice
from ui.journal_link import page_link


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
