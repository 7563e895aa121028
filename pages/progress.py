"""Progress: which of the seven signs are improving, with a chart and a verdict for each."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import analysis, charts, example, storage
from recovery.analysis import flares as flare_days
from recovery.analysis import worsening
from recovery.signs import SIGNS
from recovery.text import progress
from ui import (
    blocks,
    example_preview,
    helps,
    notices,
    progress_cache,
    storage_problems,
    weekly_progress,
)
from ui.journal_link import page_link
from ui.session import open_journal, visitor_today
from ui.theme import theme_is_dark

journal = open_journal()
today = visitor_today()
previewing = bool(st.session_state.get("progress_preview"))
# The preview reads a separate in-memory journal; the person's own is never touched by it.
source = example_preview.preview_journal(today, journal.mode) if previewing else journal


def set_preview(on: bool) -> None:
    """Switch between the person's journal and the example; start each from its defaults."""
    st.session_state["progress_preview"] = on
    for key in ("progress_baseline", "progress_range"):
        st.session_state.pop(key, None)


def offer_preview() -> None:
    """For a short journal: a look at the example without adding it to the journal."""
    st.caption(
        "Want to see what this page looks like after a few weeks? Look at an example "
        "recovery: 12 weeks of made-up check-ins, kept apart from your journal."
    )
    st.button(
        "Look at the example recovery",
        key="progress_preview_on",
        icon=":material/visibility:",
        on_click=set_preview,
        args=(True,),
    )


def offer_example() -> None:
    """The example recovery: load it after a confirmation, or say why it was not loaded."""
    if not st.session_state.get("progress_confirm_example"):
        if st.button(
            "Load the example recovery", key="progress_load_example", icon=":material/auto_awesome:"
        ):
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
    if yes.button(
        "Yes, load the example", key="progress_example_yes", type="primary", width="stretch"
    ):
        st.session_state.pop("progress_confirm_example", None)
        try:
            saved = example.load_example(journal.conn, journal.owner, today=today)
        except storage.DaysTakenError as error:
            st.session_state["progress_flash"] = (
                "error",
                f"The example was not loaded. {error} The example covers the "
                f"last {example.DEFAULT_DAYS} days, so it only fits a journal without "
                "check-ins in that time.",
            )
        except storage.StorageError as error:
            st.session_state["progress_flash"] = ("error", storage_problems.message(error))
        else:
            st.session_state["progress_flash"] = (
                "success",
                f"Loaded the example recovery ({saved} days).",
            )
        st.rerun()
    if no.button("Cancel", key="progress_example_no", width="stretch"):
        st.session_state.pop("progress_confirm_example", None)
        st.rerun()


def show_example_notice() -> None:
    """Say when the journal holds the example, and offer to remove it."""
    count = storage.count_batch(journal.conn, journal.owner, storage.EXAMPLE_BATCH)
    if not count:
        return
    with st.container(border=True):
        st.markdown(
            f":material/auto_awesome: Your journal includes the **example recovery** "
            f"({count} made-up days)."
        )
        if st.button("Remove the example", key="progress_remove_example", icon=":material/delete:"):
            with storage_problems.guarded():
                removed = storage.delete_batch(journal.conn, journal.owner, storage.EXAMPLE_BATCH)
            st.session_state["progress_flash"] = (
                "success",
                f"Removed the example recovery ({removed} days). Your own check-ins are unchanged.",
            )
            st.rerun()


baseline_start = st.session_state.get("progress_baseline")
comparison = progress_cache.comparison(source.conn, source.owner, baseline_start)

st.title("Progress")
# A red flag reported lately comes first, then getting worse, before anything else.
notices.recent_red_flags(journal, today)
notices.worsening_notice(worsening.worsening_notice(comparison), link_to_guide=True)
if "progress_flash" in st.session_state:
    kind, message = st.session_state.pop("progress_flash")
    (st.success if kind == "success" else st.error)(message)
if previewing:
    with st.container(border=True):
        st.markdown(
            ":material/visibility: You are looking at the **example recovery**, made-up "
            "check-ins kept apart from your journal. Nothing here is yours or saved."
        )
        st.button(
            "Back to my journal",
            key="progress_preview_off",
            type="primary",
            icon=":material/arrow_back:",
            on_click=set_preview,
            args=(False,),
        )


def show_empty_journal() -> None:
    """What an empty journal needs, and the example to try."""
    st.info(
        "Your journal is empty. Each day you check in adds a point to the seven charts "
        "here; after your first week and at least 3 more days, each sign gets a verdict.",
        icon=":material/info:",
    )
    page_link("pages/checkin.py", label="Go to the daily check-in", icon=":material/edit_note:")
    offer_example()


def show_progress(comparison: analysis.Comparison) -> None:
    """The headline, the range and one card per sign."""
    st.header(progress.headline(comparison), anchor=False)
    names = progress.verdict_names(comparison) if comparison.has_verdicts else ""
    if names:
        st.caption(names)
    st.write(progress.summary_line(comparison, today))
    # A kiosk visitor's journal is the example; "Start over" already resets it.
    if not previewing and journal.mode != "kiosk":
        show_example_notice()
    if not comparison.has_verdicts:
        st.info(progress.needed_message(comparison), icon=":material/hourglass_empty:")
        offer_preview()

    with st.expander("How the verdicts work, and changing your baseline"):
        st.write(progress.EXPLAIN_VERDICTS)
        st.date_input(
            "Compare from another start date (optional)",
            key="progress_baseline",
            value=None,
            max_value=today,
            format="DD/MM/YYYY",
            help="For example the day this episode began. Your baseline becomes the first 7 days "
            "of check-ins from that date. Clear it to use your first week again.",
        )

    assert comparison.first_day is not None and comparison.last_day is not None
    choices = list(analysis.RANGES)
    choice = st.radio(
        "Show",
        choices,
        format_func=lambda key: analysis.RANGES[key][0],
        key="progress_range",
        horizontal=True,
        index=choices.index(analysis.default_range(comparison.first_day, comparison.last_day)),
    )
    start, end = analysis.range_bounds(choice, comparison.first_day, comparison.last_day)
    specs = progress_cache.chart_specs(
        source.conn,
        source.owner,
        baseline_start,
        start,
        end,
        dark=theme_is_dark(),
        text_scale=blocks.chart_text_scale(journal.mode),
    )
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
            also_logged = progress.secondary_line(result)
            if also_logged:
                st.caption(also_logged)
            progress_cache.draw_chart(specs[the_sign.key])
            if the_sign.key == progress_cache.FLARE_SIGN:
                medicine_days_strip(start, end)
            st.write(result.sentence)


def medicine_days_strip(start: dt.date, end: dt.date) -> None:
    """Under the leg-pain chart: what its triangles mean, and the days medicines were taken."""
    if not flare_days.flares_by_day(source.conn, source.owner, start, end).empty:
        st.caption(
            "Orange triangles: days with flare-ups logged as they happened, at the worst "
            "one's severity."
        )
    line = progress.medicine_line(flare_days.medicine_days(source.conn, source.owner, start, end))
    if line:
        st.caption("Purple ticks along the top: days a medicine was taken. " + line)


# No st.stop() on an empty journal: the footer drawn after the page must still show.
if comparison.days_logged == 0:
    show_empty_journal()
else:
    show_progress(comparison)
weekly_progress.draw(source, dark=theme_is_dark(), text_scale=blocks.chart_text_scale(journal.mode))
if comparison.days_logged:  # analysis of the days comes last, after what they show
    helps.section(source.conn, source.owner, today, can_plan=not previewing)
