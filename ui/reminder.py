"""The daily reminder on Your data: pick a time, download a calendar file."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery.reminder import reminder_ics

DEFAULT_TIME = dt.time(20, 0)


def offer(today: dt.date) -> None:
    """A time field and the .ics download (made when clicked, from the time alone)."""
    st.subheader("A daily reminder")
    st.write(
        "Add a reminder to your phone's or computer's calendar: it rings every day at the "
        "time you choose, to remind you to check in."
    )
    at = st.time_input(
        "Remind me at", value=DEFAULT_TIME, step=dt.timedelta(minutes=15), key="data_reminder_at"
    )
    st.download_button(
        "Add a daily reminder to my calendar (.ics)",
        data=lambda: reminder_ics(at, today, dt.datetime.now(dt.UTC)),
        file_name="seven-signs-daily-reminder.ics",
        mime="text/calendar",
        key="data_reminder_ics",
        icon=":material/alarm:",
        on_click="ignore",
    )
    st.caption(
        "Open the downloaded file and your calendar offers to add it. It holds only the time "
        "and a short message: never your link, your name or any of your answers, so it is "
        "safe in a shared calendar. Remove it in your calendar whenever you like."
    )
