"""Per-address allowances on a shared link (recovery.quotas), said plainly when used up."""

from __future__ import annotations

import streamlit as st

from recovery import quotas, storage
from ui.journal import Journal


def _address() -> str:
    # The peer as the server sees it: behind a hosting proxy, every visitor of one proxy
    # shares it, so the allowances are generous.
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "unknown"


def may_write(journal: Journal, importing: bool = False) -> bool:
    """On a shared link: whether this address may start one more journal (a first save or
    import) or import one more file this hour; if not, say so. Elsewhere always True."""
    if journal.mode != "shared":
        return True
    address = _address()
    if not storage.owner_has_checkins(journal.conn, journal.owner) and not (
        quotas.new_journals.take(address)
    ):
        st.warning(quotas.NEW_JOURNALS_FULL, icon=":material/hourglass_empty:")
        return False
    if importing and not quotas.imports.take(address):
        st.warning(quotas.IMPORTS_FULL, icon=":material/hourglass_empty:")
        return False
    return True
