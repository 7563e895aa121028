"""Small page blocks used in several places: the footer and the urgent-care message."""

from __future__ import annotations

import contextvars
import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import pandas as pd
import streamlit as st

from recovery import text
from recovery.text.plain import plain


def footer() -> None:
    """The education-not-advice reminder at the foot of every page."""
    st.divider()
    st.caption(text.DISCLAIMER)


def _dialable(number: str) -> str:
    # A tel: link carries digits (and a leading +) only.
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def urgent_html(number: str, kiosk: bool = False, detail: str = "") -> str:
    """The red-flag message as HTML: plain words, the number as a tel: link when set.

    ``detail`` says which red flag, and when, for a message about a day already saved.
    """
    if _dialable(number):
        call = f'<a href="tel:{_dialable(number)}" class="urgent-call">{html.escape(number)}</a>'
    else:
        call = html.escape(text.URGENT_NO_NUMBER)
    action = html.escape(text.URGENT_ACTION).replace("{number}", call)
    kiosk_line = f"<p><strong>{html.escape(text.URGENT_KIOSK)}</strong></p>" if kiosk else ""
    return (
        '<div class="urgent-care" role="alert" id="urgent-care">'
        f'<p class="urgent-title">{html.escape(text.URGENT_TITLE)}</p>'
        + (f'<p class="urgent-detail">{html.escape(detail)}</p>' if detail else "")
        + f"{kiosk_line}<p><strong>{action}</strong></p>"
        f"<p>{html.escape(text.URGENT_MESSAGE)}</p></div>"
    )


# Unlike form messages (Streamlit's pale alerts), the urgent message is solid red with white
# text across the whole column, and it scrolls itself into view when it appears.
_URGENT_CSS = """
<style>
.urgent-care { background: #b3001b; color: #fff; border-radius: 0.6rem; padding: 1rem 1.1rem;
  box-shadow: 0 0 0 3px #ffd400; scroll-margin-top: 4.5rem; }
.urgent-care p { color: #fff; margin: 0 0 0.5rem 0; font-size: 1.05rem; }
.urgent-care p:last-child { margin-bottom: 0; }
.urgent-care .urgent-title { font-size: 1.35rem; font-weight: 700; }
.urgent-care a.urgent-call { color: #fff; text-decoration: underline; font-size: 1.25rem; }
</style>
"""
_SCROLL_INTO_VIEW = (
    "<script>document.getElementById('urgent-care')"
    "?.scrollIntoView({block: 'start', behavior: 'instant'});</script>"
)


def urgent_care(number: str = "", kiosk: bool = False, detail: str = "") -> None:
    """The red-flag message: get urgent help now, with the emergency number to call."""
    st.html(
        _URGENT_CSS + urgent_html(number, kiosk, detail) + _SCROLL_INTO_VIEW,
        unsafe_allow_javascript=True,
    )


def scroll_to(selector: str, block: str = "start") -> None:
    """Bring an element (a CSS selector) into view, e.g. a result that a button just drew."""
    # A counter makes each call new HTML: the browser runs an unchanged script only once.
    count = st.session_state.get("_scrolls", 0) + 1
    st.session_state["_scrolls"] = count
    st.html(
        f"<script>/* {count} */ setTimeout(() => document.querySelector({json.dumps(selector)})"
        f"?.scrollIntoView({{block: {json.dumps(block)}, behavior: 'instant'}}), 50);</script>",
        unsafe_allow_javascript=True,
    )


def scroll_to_urgent() -> None:
    """Bring the urgent message back into view, e.g. after Save, which scrolled below it."""
    scroll_to("#urgent-care")


class PageDone(Exception):  # noqa: N818 (a signal, not an error)
    """Raised by end_page: the page has said all it has to say."""


# True while app.py runs the page (a test may run a page file on its own).
_APP_RUNS_PAGE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "app_runs_page", default=False
)


@contextmanager
def page_run() -> Iterator[None]:
    """Around app.py's page.run(): a page that ends early (end_page) returns here."""
    token = _APP_RUNS_PAGE.set(True)
    try:
        yield
    except PageDone:
        pass
    finally:
        _APP_RUNS_PAGE.reset(token)


def end_page() -> NoReturn:
    """End the page here; app.py still draws what follows every page (footer, link panel).

    Unlike st.stop(), which also cancels what app.py draws after the page, so the shared
    link's panel and the footer would go missing on a page that ends early.
    """
    if _APP_RUNS_PAGE.get():
        raise PageDone
    stop()


def stop() -> NoReturn:
    """End the whole app run here, footer included: before a page (a link that leads
    nowhere, a journal that cannot be opened). After st.stop() nothing more is drawn."""
    footer()
    st.stop()


# Kiosk screens are read from a step away: larger type and roomier controls. Streamlit's rem
# sizes follow the root size, including the data grid's canvas text (0.875rem, which CSS
# cannot reach), so 23px puts the History table at 20px; body text and page links are 1rem.
# The data grid's toolbar (download as CSV, search) is hidden: nothing leaves a kiosk.
_LARGE_TYPE_CSS = """
<style>
html { font-size: 23px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label { font-size: 1rem; }
[data-testid="stAppViewContainer"] h1 { font-size: 2.25rem; }
[data-testid="stAppViewContainer"] h2 { font-size: 1.6rem; }
[data-testid="stTopNavLink"] span, [data-testid="stSidebarNavLink"] span,
[data-testid="stPageLink-NavLink"] span, [data-testid="stPageLink-NavLink"] p { font-size: 1rem; }
button[kind] { min-height: 2.75rem; }
[data-testid="stCheckbox"] label { gap: 0.75rem; align-items: center; }
[data-testid="stCheckbox"] label > span + div {
  width: 1.4rem; height: 1.4rem; flex: 0 0 1.4rem;
}
[data-testid="stWidgetLabel"] p { font-size: 1rem; }
[data-testid="stAppViewContainer"] input { font-size: 1rem; }
[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBarMin"],
[data-testid="stSliderTickBarMax"] { font-size: 1rem; }
[data-testid="stSlider"] [role="slider"] { width: 1.3rem; height: 1.3rem; }
[data-testid="stElementToolbar"] { display: none !important; }
/* Room at the foot for the kiosk's floating countdown, so it never hides the last lines. */
[data-testid="stMainBlockContainer"] { padding-top: 3.75rem; padding-bottom: 8rem; }
/* The phone's row of page links starts below the (taller) header, not under it. */
.st-key-phone_nav { margin-top: 0; }
/* On a wide screen the page uses the width, and the demo notice and Start over share a line. */
@media (min-width: 900px) and (orientation: landscape) {
  [data-testid="stMainBlockContainer"] {
    max-width: 100%; padding: 3.25rem 2rem 8rem;
  }
  .st-key-kiosk_notice { flex-direction: row; align-items: center; }
  .st-key-kiosk_notice > div { flex: 2 1 0; min-width: 0; }
  .st-key-kiosk_notice > div:last-child { flex: 1 1 0; }
  /* The Start over question takes the whole line, so its buttons keep their words. */
  .st-key-kiosk_notice:has(.st-key-kiosk_confirm_box) {
    flex-direction: column; align-items: stretch;
  }
}
</style>
"""
# Chart text grows with the page's type in the kiosk.
KIOSK_CHART_TEXT_SCALE = 1.8


def large_type() -> None:
    """Enlarge text and controls for the clinic kiosk."""
    st.html(_LARGE_TYPE_CSS)


# Streamlit folds its top navigation into a sidebar below this width (its "md" breakpoint).
_PHONE_NAV_CSS = """
<style>
.st-key-phone_nav { gap: 0.25rem 0.5rem; margin-top: -1rem; }
.st-key-phone_nav [data-testid="stPageLink"] a { padding: 0.1rem 0.4rem; }
@media (min-width: 768px) { .st-key-phone_nav { display: none; } }
</style>
"""
_NO_PHONE_SIDEBAR_CSS = """
<style>
@media (max-width: 767.98px) {
  [data-testid="stExpandSidebarButton"], [data-testid="stSidebar"],
  [data-testid="stSidebarCollapsedControl"] { display: none; }
}
</style>
"""


def phone_navigation(
    pages: list, query_params: dict[str, str] | None = None, keep_sidebar: bool = False
) -> None:
    """Every page as a labelled link at the top of the page, shown on narrow screens only.

    ``query_params`` go on every link (the shared journal's key); ``keep_sidebar`` leaves the
    sidebar reachable on a phone when it holds more than the menu.
    """
    st.html(_PHONE_NAV_CSS if keep_sidebar else _PHONE_NAV_CSS + _NO_PHONE_SIDEBAR_CSS)
    with st.container(key="phone_nav", horizontal=True):
        for target in pages:
            st.page_link(target, label=target.title, icon=target.icon, query_params=query_params)


def chart_text_scale(mode: str) -> float:
    """How much to enlarge chart text: more in the kiosk, none elsewhere."""
    return KIOSK_CHART_TEXT_SCALE if mode == "kiosk" else 1.0


def plain_table(frame: pd.DataFrame) -> None:
    """A table of text from people or files, every cell shown as typed (recovery.text.plain)."""

    def typed(value: object) -> object:
        return plain(value) if isinstance(value, str) else value

    shown = frame.map(typed)
    shown.index = pd.Index([typed(label) for label in frame.index], name=frame.index.name)
    shown.columns = [typed(label) for label in frame.columns]
    st.table(shown)
