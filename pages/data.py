"""Your data: export (CSV, JSON backup), a PDF report for a clinician, and checked import."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from recovery import storage, text, transfer
from ui import blocks, storage_problems
from ui.session import open_journal, visitor_today

SHORT_LIST = 50  # problems shown as a wrapped table; more go in a scrollable grid

journal = open_journal()
today = visitor_today()
summary = storage.journal_summary(journal.conn, journal.owner)


def chosen_period(prefix: str) -> tuple[dt.date, dt.date] | None:
    """An 'everything or a range' choice; None until a complete range is picked."""
    first, last = summary.first_day, summary.last_day
    scope = st.radio(
        "Which days", ["Everything", "A date range"], key=f"{prefix}_scope", horizontal=True
    )
    if scope == "Everything":
        return first, last
    picked = st.date_input(
        "From and to",
        value=(first, last),
        min_value=first,
        max_value=last,
        key=f"{prefix}_range",
        format="DD/MM/YYYY",
    )
    if not isinstance(picked, tuple) or len(picked) != 2:
        st.caption("Pick the last day of the range too.")
        return None
    return picked[0], picked[1]


st.title("Your data")
st.write(
    "Keep a backup, move your journal to another computer, bring in notes from a "
    "spreadsheet, or hand your clinician a one-page summary."
)
if "data_flash" in st.session_state:
    st.success(st.session_state.pop("data_flash"), icon=":material/check_circle:")

# ---- Export --------------------------------------------------------------------------
st.subheader("Save a copy")
if summary.days_logged == 0:
    st.info(
        "Your journal is empty, so there is nothing to save yet. You can bring days in "
        "from a file below.",
        icon=":material/info:",
    )
else:
    period = chosen_period("data_export")
    if period is not None:
        start, end = period
        whole = (start, end) == (summary.first_day, summary.last_day)
        st.caption(f"From {text.long_date(start)} to {text.long_date(end)}.")
        csv_col, json_col = st.columns(2)
        csv_col.download_button(
            "Download CSV",
            # Made when clicked (on another thread), so a long journal never slows the page.
            data=lambda: transfer.export_csv(journal.conn, journal.owner, start, end),
            file_name=transfer.export_filename(
                "csv", None if whole else start, None if whole else end
            ),
            mime="text/csv",
            key="data_download_csv",
            icon=":material/table:",
            width="stretch",
            on_click="ignore",
        )
        json_col.download_button(
            "Download backup (JSON)",
            data=lambda: transfer.export_json(journal.conn, journal.owner, start, end),
            file_name=transfer.export_filename(
                "json", None if whole else start, None if whole else end
            ),
            mime="application/json",
            key="data_download_json",
            icon=":material/backup:",
            width="stretch",
            on_click="ignore",
        )
        st.caption(
            "CSV opens in any spreadsheet, one row per day. The JSON backup holds "
            "everything and restores your journal exactly, here or on another computer."
        )

# ---- Report --------------------------------------------------------------------------
st.subheader("Report for your clinician")
if summary.days_logged == 0:
    st.caption("Once you have logged some days, you can make a PDF report here.")
else:
    st.write(
        "A PDF to read in a minute: the seven signs with your baseline and recent "
        "values, a chart for each, any red flags, how often you did your exercises, "
        "and your notes."
    )
    name = st.text_input("Your name on the report (optional)", key="data_report_name", max_chars=80)
    period = chosen_period("data_report")
    if period is not None:
        if st.button("Prepare the PDF", key="data_report_make", icon=":material/picture_as_pdf:"):
            from recovery import report  # drawing charts is slow to import; only when asked

            with st.spinner("Drawing the charts..."):
                st.session_state["data_report_pdf"] = (
                    period,
                    report.build_report(
                        journal.conn,
                        journal.owner,
                        start=period[0],
                        end=period[1],
                        name=name or None,
                    ),
                )
        made = st.session_state.get("data_report_pdf")
        if made and made[0] == period:
            st.download_button(
                "Download the PDF report",
                data=made[1],
                file_name=f"seven-signs-report-{period[0]}-to-{period[1]}.pdf",
                mime="application/pdf",
                key="data_report_download",
                type="primary",
                icon=":material/download:",
                on_click="ignore",
            )

# ---- Import --------------------------------------------------------------------------
st.subheader("Bring days in")
st.write(
    "Import a CSV (as exported here, or typed in a spreadsheet) or a JSON backup. "
    "Every row is checked first: if anything is wrong, nothing is imported and you "
    "see what to fix."
)
with st.expander("How to lay out a spreadsheet"):
    st.markdown(
        "- The first line holds the column names; the first one is `date`, written as "
        "YYYY-MM-DD (for example 2026-03-31).\n"
        "- Columns may be in any order and separated by commas or semicolons; optional "
        "columns may be left out or blank.\n"
        "- Yes/no columns take yes or no. Save the sheet as **CSV UTF-8**.\n"
        "- The easiest start: download a CSV above and use it as your template."
    )
upload_key = f"data_upload_{st.session_state.get('data_upload_round', 0)}"
upload = st.file_uploader("CSV or JSON file", type=["csv", "json", "txt"], key=upload_key)
if upload is not None:
    cached = st.session_state.get("data_parsed")
    if cached is None or cached[0] != upload.file_id:
        parsed = transfer.read_file(upload.getvalue(), upload.name, today=today)
        st.session_state["data_parsed"] = (upload.file_id, parsed)
    parsed = st.session_state["data_parsed"][1]
    if not parsed.ok:
        count = parsed.problem_count
        st.error(
            f"Nothing was imported: {upload.name} has {count:,} "
            f"problem{'s' if count != 1 else ''}. Fix {'them' if count != 1 else 'it'} "
            "in the file and upload it again.",
            icon=":material/block:",
        )
        problems = pd.DataFrame(transfer.problems_table(parsed.problems))
        if len(problems) <= SHORT_LIST:
            # A plain table wraps long messages, so they stay readable on a phone.
            st.table(problems.set_index("Row"))
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="data_problems")
        if count > len(parsed.problems):
            st.caption(f"The first {len(parsed.problems):,} are shown.")
        st.caption(parsed.row_note)
    else:
        plan = transfer.plan_import(journal.conn, journal.owner, parsed)
        total = plan.new_days + plan.existing_days
        st.info(
            f"{upload.name} holds {total:,} day{'s' if total != 1 else ''}, from "
            f"{text.long_date(plan.first_day)} to {text.long_date(plan.last_day)}: "
            f"**{plan.new_days:,} new day{'s' if plan.new_days != 1 else ''}, "
            f"{plan.existing_days:,} already in your journal.**",
            icon=":material/upload:",
        )
        replace = False
        if plan.existing_days:
            choice = st.radio(
                f"For the {plan.existing_days:,} day{'s' if plan.existing_days != 1 else ''} "
                "already in your journal",
                ["Keep mine", "Replace with the file's"],
                key="data_existing",
                horizontal=True,
            )
            replace = choice != "Keep mine"
        written = plan.new_days + (plan.existing_days if replace else 0)
        label = f"Import {written:,} day{'s' if written != 1 else ''}"
        if st.button(
            label,
            key="data_import_confirm",
            type="primary",
            icon=":material/download_done:",
            disabled=written == 0,
        ):
            bar = st.progress(0.0, text="Importing...")
            try:
                result = transfer.apply_import(
                    journal.conn,
                    journal.owner,
                    parsed,
                    replace=replace,
                    today=today,
                    on_progress=lambda done, all_: bar.progress(done / all_, text="Importing..."),
                )
            except storage.StorageError as error:
                bar.empty()
                storage_problems.show(error)
                blocks.stop()
            st.session_state["data_flash"] = transfer.describe_result(result)
            # A new uploader key empties the file box, so the same file is not offered twice.
            st.session_state["data_upload_round"] = st.session_state.get("data_upload_round", 0) + 1
            st.session_state.pop("data_parsed", None)
            st.session_state.pop("data_report_pdf", None)
            st.rerun()
        if written == 0:
            st.caption(
                "Every day in the file is already in your journal and you chose to "
                "keep yours, so there is nothing to import."
            )
