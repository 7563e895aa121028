"""The "What helps me" section of Progress: links first, every comparison folded, the plan."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import streamlit as st

from recovery.analysis import helps, helps_plan
from recovery.text import helps as words
from ui import progress_cache, storage_problems

# The strongest links are listed; the rest wait in the table, so a phone is not a wall of text.
SHOWN_LINKS = 6
TABLE_KEY = "helps_table"  # the folded table of every comparison


def comparison_table(found: list[helps.Link]) -> pd.DataFrame:
    """Every comparison as rows a person can read: factor, outcome, lag, counts, difference."""
    return pd.DataFrame(
        {
            "Factor": [link.factor_label for link in found],
            "Outcome": [words.OUTCOME_NAMES[link.outcome] for link in found],
            "When": [words.LAG_NAMES[link.lag] for link in found],
            "Days with": [link.days_with for link in found],
            "Days without": [link.days_without for link in found],
            "Difference": [
                "not enough days yet" if link.difference is None else f"{link.difference:+.1f}"
                for link in found
            ],
            "95 % interval": [words.interval_text(link) for link in found],
            "Link": ["yes" if link.flagged else "no" for link in found],
        }
    )


def section(conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date, *, can_plan: bool) -> None:
    """The whole section: what the comparisons mean, the links, the table and the plan."""
    with st.container(key="helps_section"):
        st.header("What helps me", anchor=False)
        st.write(words.INTRO)
        found = progress_cache.helps_links(conn, owner, today)
        # The clearest first: the smallest corrected p-value.
        flagged = sorted(
            (link for link in found if link.flagged), key=lambda link: link.p_holm or 0
        )
        with st.container(key="helps_links"):
            if flagged:
                for link in flagged[:SHOWN_LINKS]:
                    factor = helps.factor_of(link)
                    st.markdown(":material/link: " + words.link_sentence(link, factor))
                if len(flagged) > SHOWN_LINKS:
                    st.caption(words.more_links(len(flagged) - SHOWN_LINKS))
                st.caption(words.LINK_NOT_PROOF)
            else:
                st.info(words.NO_LINKS, icon=":material/balance:")
        made = sum(link.difference is not None for link in found)
        # Drawn only while open: a table is slow to draw in the browser, and most visits
        # never open it (bench/bench_progress_browser.py).
        table = st.expander(
            f"Every comparison ({made} of {len(found)} had enough days)",
            key=TABLE_KEY,
            on_change="rerun",
        )
        if table.open:
            table.caption(
                "Difference: days with the factor against days without it, allowing for the "
                "overall trend of your recovery, with its 95 % interval. A link is a difference "
                "that stays clear of zero after Holm's correction for all the comparisons made."
            )
            table.dataframe(comparison_table(found), hide_index=True)
        plan_block(conn, owner, today, can_plan=can_plan)


def plan_block(
    conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date, *, can_plan: bool
) -> None:
    """The planned on/off test: the offer, the running schedule, or the finished result."""
    with st.container(border=True, key="helps_plan"):
        st.markdown("**Test one thing properly**")
        st.write(words.HOW_TO_TEST)
        if not can_plan:
            st.caption("A plan is kept with your own journal, not with the example.")
            return
        plan = helps_plan.load_plan(conn, owner)
        if plan is None:
            offer_plan(conn, owner, today)
        elif plan.is_over(today):
            show_result(conn, owner, plan, today)
        else:
            show_schedule(conn, owner, plan, today)


def offer_plan(conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date) -> None:
    """Choose a factor and a start day for a 4-week on, off, off, on plan."""
    plannable = [f for f in helps.FACTORS if f.plan_do]
    key = st.selectbox(
        "What to test",
        [f.key for f in plannable],
        format_func=lambda k: helps.FACTORS_BY_KEY[k].label,
        key="helps_plan_factor",
    )
    start = st.date_input("Start on", value=today, format="DD/MM/YYYY", key="helps_plan_start")
    st.caption(words.plan_offer(helps.FACTORS_BY_KEY[key]))
    if st.button("Start the 4-week plan", key="helps_plan_begin", icon=":material/event:"):
        try:
            with storage_problems.guarded():
                helps_plan.save_plan(conn, owner, key, start, today)
        except helps_plan.PlanRefused as refused:
            st.error(str(refused), icon=":material/error:")
            return
        st.rerun()


def cancel_button(conn: duckdb.DuckDBPyConnection, owner: str, label: str) -> None:
    """Forget the plan (the journal's check-ins are untouched)."""
    if st.button(label, key="helps_plan_cancel", icon=":material/close:"):
        with storage_problems.guarded():
            helps_plan.cancel_plan(conn, owner)
        st.rerun()


def show_schedule(
    conn: duckdb.DuckDBPyConnection, owner: str, plan: helps_plan.Plan, today: dt.date
) -> None:
    """This week's instruction and the four weeks."""
    st.markdown(f"**{words.this_week(plan, today)}**")
    st.markdown("\n".join(f"- {line}" for line in words.schedule_lines(plan)))
    cancel_button(conn, owner, "Cancel the plan")


def show_result(
    conn: duckdb.DuckDBPyConnection, owner: str, plan: helps_plan.Plan, today: dt.date
) -> None:
    """The finished plan: on-weeks against off-weeks for each outcome."""
    factor = helps.FACTORS_BY_KEY[plan.factor]
    st.markdown(f'**Your 4-week test of "{factor.label.lower()}" is over.**')
    for link in helps_plan.plan_result(conn, owner, plan, today) or []:
        st.markdown("- " + words.plan_sentence(link))
    st.caption(words.PLAN_CAVEAT)
    cancel_button(conn, owner, "Clear this result and plan another")
