"""Progress: which of the seven signs are improving, with a chart and a verdict for each."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import analysis, charts, example, progress, storage
from recovery.signs import SIGNS
from ui import blocks
from ui.session import open_journal

journal = open_journal()
today = dt.date.today()


def offer_example(short: bool) -> None:
    """The example recovery: load it after a confirmation, or say why it was not loaded."""
    if short:
        st.caption("Want to see what the page looks like after a few weeks? Load an example "
                   "recovery: 12 weeks of made-up check-ins that you can remove in one click.")
    if not st.session_state.get("progress_confirm_example"):
        if st.button("Load the example recovery", key="progress_load_example",
                     icon=":material/auto_awesome:"):
            st.session_state["progress_confirm_example"] = True
            st.rerun()
        return
    st.warning(
        f"This adds {example.DEFAULT_DAYS} days of made-up check-ins, ending today, to your "
        "journal, so you can see how the charts and verdicts work. Your own check-ins are "
        "never overwritten, and you can remove the example in one click.",
        icon=":material/info:",
    )
    yes, no = st.columns(2)
    if yes.button("Yes, load the example", key="progress_example_yes", type="primary",
                  width="stretch"):
        st.session_state.pop("progress_confirm_example", None)
        try:
            saved = example.load_example(journal.conn, journal.owner, today=today)
        except storage.DaysTakenError as error:
            st.session_state["progress_flash"] = (
                "error", f"The example was not loaded. {error} The example covers the "
                f"last {example.DEFAULT_DAYS} days, so it only fits a journal without "
                "check-ins in that time.")
        except storage.StorageError as error:
            st.session_state["progress_flash"] = ("error", str(error))
        else:
            st.session_state["progress_flash"] = (
                "success", f"Loaded the example recovery ({saved} days).")
        st.rerun()
    if no.button("Cancel", key="progress_example_no", width="stretch"):
        st.session_state.pop("progress_confirm_example", None)
        st.rerun()


def show_example_notice() -> None:
    """Say when the journal holds the example, and offer to remove it."""
    count = storage.count_batch(journal.conn, journal.owner, example.EXAMPLE_BATCH)
    if not count:
        return
    with st.container(border=True):
        st.markdown(f":material/auto_awesome: Your journal includes the **example recovery** "
                    f"({count} made-up days).")
        if st.button("Remove the example", key="progress_remove_example",
                     icon=":material/delete:"):
            removed = storage.delete_batch(journal.conn, journal.owner, example.EXAMPLE_BATCH)
            st.session_state["progress_flash"] = (
                "success", f"Removed the example recovery ({removed} days). Your own "
                "check-ins are unchanged.")
            st.rerun()


st.title("Progress")
if "progress_flash" in st.session_state:
    kind, message = st.session_state.pop("progress_flash")
    (st.success if kind == "success" else st.error)(message)

baseline_start = st.session_state.get("progress_baseline")
comparison = analysis.compare_signs(journal.conn, journal.owner, baseline_start=baseline_start)

if comparison.days_logged == 0:
    st.info("Your journal is empty. Each day you check in adds a point to the seven charts "
            "here; after your first week and at least 3 more days, each sign gets a verdict.",
            icon=":material/info:")
    st.page_link("pages/checkin.py", label="Go to the daily check-in",
                 icon=":material/edit_note:")
    offer_example(short=False)
    blocks.stop()

st.header(progress.headline(comparison), anchor=False)
st.write(progress.summary_line(comparison, today))
show_example_notice()
if not comparison.has_verdicts:
    st.info(progress.needed_message(comparison), icon=":material/hourglass_empty:")
    if storage.count_batch(journal.conn, journal.owner, example.EXAMPLE_BATCH) == 0:
        offer_example(short=True)

with st.expander("How the verdicts work, and changing your baseline"):
    st.write(progress.EXPLAIN_VERDICTS)
    st.date_input(
        "Compare from another start date (optional)", key="progress_baseline", value=None,
        min_value=comparison.first_day, max_value=comparison.last_day, format="DD/MM/YYYY",
        help="For example the day this episode began. Your baseline becomes the first 7 days "
        "of check-ins from that date. Clear it to use your first week again.",
    )

choice = st.radio(
    "Show", list(analysis.RANGES), format_func=lambda key: analysis.RANGES[key][0],
    key="progress_range", horizontal=True, index=1,
)
assert comparison.first_day is not None and comparison.last_day is not None
start, end = analysis.range_bounds(choice, comparison.first_day, comparison.last_day)
series = analysis.sign_series(journal.conn, journal.owner, start, end)
st.caption(progress.CHART_KEY)

for the_sign in SIGNS:
    result = comparison.signs[the_sign.key]
    style = charts.verdict_style(result.verdict)
    with st.container(border=True, key=f"progress_card_{the_sign.key}"):
        st.subheader(f"{the_sign.number}. {the_sign.title}", anchor=False)
        badge = f":{style.streamlit_colour}-badge[{style.icon} {style.label}]"
        st.markdown(f"{badge}&nbsp; {progress.values_line(the_sign, result)}")
        if the_sign.key == "episodes" and comparison.recent_start is not None:
            st.caption(progress.pain_free_line(comparison))
        sign_series = series[the_sign.key]
        st.altair_chart(
            charts.sign_chart(the_sign.key, sign_series.frame, result, domain=(start, end),
                              granularity=sign_series.granularity),
            width="stretch",
        )
        st.write(result.sentence)
