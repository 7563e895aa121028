"""The clinic kiosk: an example recovery per visitor, large type, and a reset between people."""

from __future__ import annotations

import datetime as dt
import io
import math
import threading
import time
from dataclasses import dataclass
from typing import Literal

import segno
import streamlit as st

from recovery import config, example, owners, storage, text
from recovery.analysis import red_flags
from recovery.signs import RED_FLAGS
from recovery.text.numbers import plural
from ui import app_config, blocks, fields, storage_problems

PREFIX = "kiosk:"
WELCOME = "pages/welcome.py"
# "Still there?" stays up this long before the screen clears (shorter if the idle time is).
COUNTDOWN_SECONDS = 30
# After a saved check-in the screen clears this soon unless the visitor carries on.
AFTER_SAVE_SECONDS = 60
# A closed tab's rows outlive its own reset by this much, so a clean-up never races a
# visitor who is still at the screen.
ABANDON_MARGIN_SECONDS = 30
# Visitors still at the screen clean up after those who left, at most this often.
CLEAN_EVERY_SECONDS = 15

# Set on every full run: a red flag on the screen holds the countdowns (see phase).
URGENT_KEY = "kiosk_urgent"
Phase = Literal["browsing", "still_there", "after_save", "reset", "urgent"]

# Every visit this server process is holding, with its last interaction (monotonic clock).
# The kiosk's journal lives in this process's memory, so this is the full list.
_visits: dict[str, float] = {}
_visits_lock = threading.Lock()
_last_clean_up = [0.0]


@dataclass(frozen=True)
class Timing:
    """How long the kiosk waits before asking, counting down and forgetting a visit."""

    idle: int
    countdown: int
    after_save: int

    @property
    def abandoned_after(self) -> float:
        """Seconds without an interaction after which a visit's rows are removed."""
        return max(self.idle + self.countdown, self.after_save) + ABANDON_MARGIN_SECONDS


def timing() -> Timing:
    """The kiosk's timings, from the idle time in the settings."""
    idle = config.kiosk_idle_seconds(secrets=app_config.secrets())
    return Timing(
        idle=idle, countdown=min(COUNTDOWN_SECONDS, idle), after_save=min(AFTER_SAVE_SECONDS, idle)
    )


def phase(
    now: float, last_seen: float, saved: bool, timing: Timing, urgent: bool = False
) -> tuple[Phase, float]:
    """Where a visit stands and the seconds left before the screen clears.

    While a red flag is on the screen nothing counts down or covers it: the visitor has been
    told to go to the desk, and the message stays until someone presses Start over.
    """
    if urgent:
        return "urgent", math.inf
    if saved:
        left = last_seen + timing.after_save - now
        return ("after_save", left) if left > 0 else ("reset", 0.0)
    left = last_seen + timing.idle + timing.countdown - now
    if left <= 0:
        return "reset", 0.0
    return ("still_there" if left <= timing.countdown else "browsing"), left


def _seen(owner: str, now: float) -> None:
    with _visits_lock:
        _visits[owner] = now


def _touch() -> None:
    """The visitor is still here: restart the idle clock (a fragment run skips app.py)."""
    now = time.monotonic()
    st.session_state["kiosk_last_seen"] = now
    st.session_state["kiosk_saved"] = False
    owner = st.session_state.get("kiosk_owner")
    if owner:
        _seen(owner, now)


def clean_up(conn, now: float | None = None) -> int:
    """Remove the rows of visits nobody has touched for a while; returns the visits removed."""
    now = time.monotonic() if now is None else now
    limit = timing().abandoned_after
    with _visits_lock:
        gone = [owner for owner, seen in _visits.items() if now - seen > limit]
        for owner in gone:
            del _visits[owner]
        keep = list(_visits)
        _last_clean_up[0] = now
    for owner in gone:
        storage.delete_owner(conn, owner)
    # Rows no visit in this process claims (say, after a code reload) go by their age.
    storage.delete_abandoned_visits(conn, PREFIX, dt.timedelta(seconds=limit), keep=keep)
    return len(gone)


def visitor_owner(conn, today: dt.date) -> str:
    """This visitor's throwaway owner id, with the example recovery loaded on arrival."""
    if "kiosk_owner" not in st.session_state:
        clean_up(conn)
        owner = owners.owner_for_kiosk_visit()
        # The example ends yesterday, so "today's check-in" is the visitor's own new day.
        example.load_example(conn, owner, end=today - dt.timedelta(days=1), today=today)
        st.session_state["kiosk_owner"] = owner
    owner = st.session_state["kiosk_owner"]
    st.session_state["kiosk_today"] = today  # for the red-flag check of the countdowns
    # Every full run is an interaction; the check-in's Save starts the shorter countdown.
    now = time.monotonic()
    st.session_state["kiosk_last_seen"] = now
    st.session_state["kiosk_saved"] = bool(st.session_state.get(fields.SAVE_KEY))
    _seen(owner, now)
    return owner


def start_over(conn) -> None:
    """Forget everything this visitor did and start a fresh example for the next one."""
    owner = st.session_state.get("kiosk_owner")
    if owner:
        storage.delete_owner(conn, owner)
        with _visits_lock:
            _visits.pop(owner, None)
    st.session_state.clear()


def _seconds(left: float) -> str:
    whole = max(1, math.ceil(left))
    return plural(whole, "second")


@st.fragment(run_every=1)
def _idle_watch(conn, timing: Timing) -> None:
    now = time.monotonic()
    if now - _last_clean_up[0] > CLEAN_EVERY_SECONDS:
        clean_up(conn, now)
    where, left = phase(
        now,
        st.session_state.get("kiosk_last_seen", now),
        bool(st.session_state.get("kiosk_saved")),
        timing,
        urgent=bool(st.session_state.get(URGENT_KEY)),
    )
    if where == "urgent":
        owner = st.session_state.get("kiosk_owner")
        if owner:
            _seen(owner, now)  # a visit on hold is not abandoned: its rows stay
        return
    if where == "reset":
        start_over(conn)
        go_to(WELCOME)
        st.rerun(scope="app")
    if where == "still_there":
        with st.container(key="kiosk_still_there"):
            st.markdown("## Still there?")
            st.markdown(f"This screen clears for the next person in **{_seconds(left)}**.")
            st.progress(min(1.0, left / timing.countdown))
            st.button(
                "I'm still here",
                key="kiosk_still_here",
                type="primary",
                width="stretch",
                on_click=_touch,
            )
    elif where == "after_save":
        with st.container(key="kiosk_after_save"):
            st.markdown(
                f"Finished? This screen clears for the next person in **{_seconds(left)}**."
            )
            st.button("Keep looking", key="kiosk_keep", on_click=_touch)


# The countdowns float above the page, so they show wherever the visitor has scrolled.
_KIOSK_CSS = """
<style>
.st-key-kiosk_still_there {
  position: fixed; z-index: 1000100; top: 50%; left: 50%; transform: translate(-50%, -50%);
  width: min(32rem, 92vw); padding: 1.5rem; border-radius: 1rem;
  background-color: rgb(var(--kiosk-bg, 255 255 255));
  box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.55);
}
.st-key-kiosk_after_save {
  position: fixed; z-index: 1000100; bottom: 1rem; left: 50%; transform: translateX(-50%);
  width: min(40rem, 92vw); padding: 0.75rem 1.25rem; border-radius: 1rem;
  background-color: rgb(var(--kiosk-bg, 255 255 255)); border: 2px solid #0072B2;
  box-shadow: 0 0.25rem 1rem rgba(0, 0, 0, 0.3);
}
/* No app menu in the kiosk: its Print and Record a screencast are not for visitors. */
[data-testid="stMainMenu"], [data-testid="stToolbarActions"] { display: none; }
/* All five pages in the top bar of a 1024 px tablet, none hidden behind "2 more". */
[data-testid="stTopNav"] { flex: 1 1 auto; }
[data-testid="stTopNav"] + div { flex: 0 0 auto; width: auto; min-width: 0; }
@media (max-width: 1100px) {
  [data-testid="stTopNavLink"] span, [data-testid="stTopNavLink"] p { font-size: 0.875rem; }
  [data-testid="stTopNavLink"] > span:has([data-testid="stIconMaterial"]) { display: none; }
}
@media (prefers-color-scheme: dark) {
  .st-key-kiosk_still_there, .st-key-kiosk_after_save { --kiosk-bg: 14 17 23; }
}
</style>
"""


def go_to(page: str) -> None:
    """Open another page at the start of the next run (use as, or from, a button callback)."""
    st.session_state["kiosk_go"] = page


@storage_problems.in_callback
def _start_over_now(conn) -> None:
    start_over(conn)
    go_to(WELCOME)


def _confirm_start_over(conn) -> None:
    if not st.session_state.get("kiosk_confirm"):
        if st.button(
            "Start over for the next person",
            key="kiosk_reset",
            icon=":material/restart_alt:",
            width="stretch",
        ):
            st.session_state["kiosk_confirm"] = True
            st.rerun()
        return
    # One box, so a wide screen's row layout keeps the question and its answers together.
    with st.container(key="kiosk_confirm_box"):
        st.warning(
            "Clear everything on this screen and start again, with a fresh example, for the "
            "next person?",
            icon=":material/restart_alt:",
        )
        yes, no = st.columns(2)
        yes.button(
            "Yes, start over",
            key="kiosk_reset_yes",
            type="primary",
            width="stretch",
            on_click=_start_over_now,
            args=(conn,),
        )
        if no.button("Cancel", key="kiosk_reset_no", width="stretch"):
            st.session_state.pop("kiosk_confirm", None)
            st.rerun()


def furniture(conn) -> None:
    """Kiosk furniture on every page: large type, the demo notice, Start over, idle reset."""
    try:
        kiosk_timing = timing()
    except ValueError as error:
        st.error(f"Seven Signs is not set up correctly: {error}.", icon=":material/error:")
        blocks.stop()
    # Pages change here, before the countdown is drawn: st.switch_page while the countdown's
    # timer is running can leave the new page blank (a race in Streamlit's rerun requests).
    page = st.session_state.pop("kiosk_go", None)
    if page:
        st.switch_page(page)
    blocks.large_type()
    st.html(_KIOSK_CSS)
    # In the main area, not the sidebar: on a tablet or narrow screen the sidebar is folded.
    with st.container(border=True, key="kiosk_notice"):
        st.markdown(text.KIOSK_NOTICE)
        _confirm_start_over(conn)
    st.session_state[URGENT_KEY] = _urgent_on_screen(conn)
    _idle_watch(conn, kiosk_timing)


def _urgent_on_screen(conn) -> bool:
    """True when a red flag is ticked on the form, or this visitor saved one lately."""
    if any(st.session_state.get(fields.key_for(flag.column)) for flag in RED_FLAGS):
        return True
    owner = st.session_state.get("kiosk_owner")
    today = st.session_state.get("kiosk_today")
    if not owner or today is None:
        return False
    return bool(red_flags.recent_red_flags(conn, owner, today))


def take_home_qr(address: str) -> bytes:
    """A QR code (PNG) that opens ``address``, drawn here so no other server is asked."""
    buffer = io.BytesIO()
    segno.make(address, error="m").save(buffer, kind="png", scale=8, border=3)
    return buffer.getvalue()


def take_it_home() -> None:
    """A QR code to the shared-link copy, where a visitor starts a private journal; or nothing."""
    try:
        address = config.public_url(secrets=app_config.secrets())
    except ValueError as error:
        st.error(f"The take-home link is not set up correctly: {error}.", icon=":material/error:")
        return
    if not address:
        return
    with st.container(border=True, key="kiosk_take_home"):
        st.subheader("Take it home", anchor=False)
        picture, words = st.columns([2, 3], vertical_alignment="center")
        picture.image(take_home_qr(address), width=220, caption="Scan with your phone's camera")
        words.markdown(
            "Start your own private journal on your phone: point its camera at the code, "
            "open the link, and bookmark the page it gives you. Nothing from this screen "
            f"goes with you.\n\n{address}"
        )
