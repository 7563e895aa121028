"""Your data: export (CSV, JSON backup), a PDF report for a clinician, and checked import."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from recovery import storage, text, transfer
from recovery.text.numbers import plural
from recovery.text.plain import plain
from ui import allowance, blocks, medicines, reminder, report_cache, storage_problems, weekly_form
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
    "spreadsheet, or hand your clinician a short PDF report."
)

# ---- Export --------------------------------------------------------------------------
st.subheader("Save a copy")
if summary.days_logged == 0:
    st.info(
        "Your journal is empty, so there is nothing to save yet. You can bring days in "
        "from a file below: start from this template in any spreadsheet.",
        icon=":material/info:",
    )
    st.download_button(
        "Download a CSV template",
        data=transfer.template_csv(),
        file_name="seven-signs-template.csv",
        mime="text/csv",
        key="data_download_template",
        icon=":material/table:",
        on_click="ignore",
    )
else:
    period = chosen_period("data_export")
    if period is not None:
        start, end = period
        st.caption(f"From {text.long_date(start)} to {text.long_date(end)}.")
        # (label, file ending, writer, media type, icon): CSV and JSON side by side.
        exports = (
            ("Download CSV", "csv", transfer.export_csv, "text/csv", "table"),
            ("Download backup (JSON)", "json", transfer.export_json, "application/json", "backup"),
            (
                "Download for a clinic system (FHIR)",
                "fhir.json",
                transfer.export_fhir,
                "application/fhir+json",
                "local_hospital",
            ),
            (
                "Download weekly answers (CSV)",
                "weekly.csv",
                transfer.export_weekly_csv,
                "text/csv",
                "date_range",
            ),
            (
                "Download flare-ups (CSV)",
                "flares.csv",
                transfer.export_flares_csv,
                "text/csv",
                "bolt",
            ),
        )
        for place, (label, ending, write, mime, icon) in zip(
            [*st.columns(2), *st.columns(2), st.container()], exports, strict=True
        ):
            place.download_button(
                label,
                # Made when clicked (on another thread), so a long journal never slows the page.
                data=functools.partial(write, journal.conn, journal.owner, start, end),
                file_name=transfer.export_filename(ending, start, end),
                mime=mime,
                key=f"data_download_{ending.split('.')[0]}",
                icon=f":material/{icon}:",
                width="stretch",
                on_click="ignore",
            )
        st.caption(
            "CSV opens in any spreadsheet, one row per day. The JSON backup holds "
            "everything and restores your journal exactly, here or on another computer. "
            "FHIR is the format clinic record systems read (HL7 FHIR R4 Observations; the "
            "example recovery's made-up days are left out); ask your clinic whether they "
            "can take it in. The weekly answers CSV has one row per week you answered the "
            "weekly questions (both totals and your activities), and the flare-ups CSV one "
            "row per flare-up logged; the JSON backup holds both too, and is the file that "
            "restores them."
        )

# ---- Weekly questions and own activities ---------------------------------------------
weekly_form.activities_on_data_page(journal, today)

# ---- Report --------------------------------------------------------------------------
st.subheader("Report for your clinician")
if summary.days_logged == 0:
    st.caption("Once you have logged some days, you can make a PDF report here.")
else:
    st.write(
        "A three-page PDF to read in a minute. **Page 1, summary:** where you stand, each "
        "sign's first-week and recent values with its verdict, red flags and how often you "
        "did your exercises. **Page 2, charts:** one small chart per sign. **Page 3:** the "
        "flare-ups you logged by what set them off, your medicines, and what you wrote, the "
        "newest first. A report covers at most the last year of the "
        "period you choose."
    )
    name = st.text_input("Your name on the report (optional)", key="data_report_name", max_chars=80)
    period = chosen_period("data_report")
    if period is not None:
        # The prepared PDF belongs to these inputs (and the journal's size); changing any of
        # them asks for a new one, so a download never carries an old name or period.
        wanted = (period, name.strip(), today, summary)
        if st.button("Prepare the PDF", key="data_report_make", icon=":material/picture_as_pdf:"):
            from recovery import report  # drawing charts is slow to import; only when asked

            st.session_state.pop("data_report_pdf", None)
            with st.spinner("Preparing the PDF..."):
                try:
                    pdf = report_cache.report_pdf(
                        journal.conn, journal.owner, *period, name.strip() or None, today
                    )
                    st.session_state["data_report_pdf"] = (wanted, pdf)
                except report.ReportRefused as refused:
                    st.warning(str(refused), icon=":material/info:")
                except report.ReportBusy as busy:
                    st.info(str(busy), icon=":material/hourglass_empty:")
        made = st.session_state.get("data_report_pdf")
        if made and made[0] == wanted:
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
        elif made:
            st.caption("You changed the name or the days: prepare the PDF again.")

# ---- Medicines -----------------------------------------------------------------------
medicines.section(journal)

# ---- Reminder ------------------------------------------------------------------------
reminder.offer(today)

# ---- Import --------------------------------------------------------------------------
st.subheader("Bring days in")
st.write(
    "Import a CSV (as exported here, or typed in a spreadsheet) or a JSON backup. "
    "Every row is checked first: if anything is wrong, nothing is imported and you "
    "see what to fix."
)
with st.expander("How to lay out a spreadsheet"):
    st.markdown(
        "- The first line holds the column names, in any order, separated by commas or "
        "semicolons. Save the sheet as **CSV UTF-8**.\n"
        "- **Every row needs:** "
        + ", ".join(
            f"`{c}` ({transfer.column_label(c).lower()})" for c in transfer.REQUIRED_COLUMNS
        )
        + ".\n- **Optional** (leave out or blank for not recorded): "
        + ", ".join(f"`{c}`" for c in transfer.OPTIONAL_COLUMNS)
        + ".\n- Dates as 2026-03-31, 31/03/2026 or 31.3.2026. For month-first dates "
        "(03/31/2026) choose MM/DD/YYYY below.\n"
        "- Yes/no columns take yes or no.\n"
        "- The easiest start: the template below, or a CSV downloaded above."
    )
    st.download_button(
        "Download a CSV template",
        data=transfer.template_csv(),
        file_name="seven-signs-template.csv",
        mime="text/csv",
        key="data_download_template_help",
        icon=":material/table:",
        on_click="ignore",
    )
DATE_ORDER_LABELS = {
    transfer.AUTO: "Work it out (refuse if unsure)",
    transfer.DAY_FIRST: "Day first: 31/03/2026",
    transfer.MONTH_FIRST: "Month first: 03/31/2026",
}
date_order = st.radio(
    "Date order in the file",
    transfer.DATE_ORDERS,
    format_func=DATE_ORDER_LABELS.get,
    key="data_date_order",
    horizontal=True,
    help="ISO dates (2026-03-31) and dotted dates (31.3.2026) are always clear. Slashed "
    "dates like 03/04/2026 are read only when the file or this choice says which is the day.",
)
upload_key = f"data_upload_{st.session_state.get('data_upload_round', 0)}"
upload = st.file_uploader("CSV or JSON file", type=["csv", "json", "txt"], key=upload_key)
if "data_import_result" in st.session_state:
    # Said where the Import button was pressed, and brought into view: the title is far above.
    with st.container(key="data_import_result"):
        st.success(st.session_state.pop("data_import_result"), icon=":material/check_circle:")
    blocks.scroll_to(".st-key-data_import_result", block="center")


def forget_upload() -> None:
    """Drop the parsed file and empty the file box (after an import or a cancel)."""
    st.session_state.pop("data_parsed", None)
    st.session_state["data_upload_round"] = st.session_state.get("data_upload_round", 0) + 1


if upload is None:
    st.session_state.pop("data_parsed", None)  # a removed file leaves nothing behind
elif upload.size > transfer.MAX_BYTES:
    st.session_state.pop("data_parsed", None)
    st.error(
        f"Nothing was imported: {plain(upload.name)} is {upload.size / 1024 / 1024:,.1f} MB, "
        f"and the limit is {transfer.MAX_UPLOAD_MB} MB, far more than a journal needs. "
        "Check that this is a Seven Signs export.",
        icon=":material/block:",
    )
else:
    cached = st.session_state.get("data_parsed")
    if cached is None or cached[0] != (upload.file_id, date_order):
        st.session_state.pop("data_parsed", None)
        parsed = transfer.read_file(
            upload.getvalue(), upload.name, today=today, date_order=date_order
        )
        st.session_state["data_parsed"] = ((upload.file_id, date_order), parsed)
    parsed = st.session_state["data_parsed"][1]
    if not parsed.ok:
        count = parsed.problem_count
        st.error(
            f"Nothing was imported: {plain(upload.name)} has {plural(count, 'problem')}. "
            f"Fix {'them' if count != 1 else 'it'} in the file and upload it again.",
            icon=":material/block:",
        )
        problems = pd.DataFrame(transfer.problems_table(parsed.problems))
        if len(problems) <= SHORT_LIST:
            # A plain table wraps long messages, so they stay readable on a phone.
            # Cells from the file are shown as typed: never as Markdown, images or links.
            blocks.plain_table(problems.set_index("Row"))
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="data_problems")
        if count > len(parsed.problems):
            st.caption(f"The first {len(parsed.problems):,} are shown.")
        st.caption(parsed.row_note)
    else:
        plan = transfer.plan_import(journal.conn, journal.owner, parsed)
        st.info(transfer.describe_plan(plain(upload.name), plan), icon=":material/upload:")
        absent = transfer.absent_columns_note(parsed)
        if absent:
            st.caption(absent)
        replace = False
        if plan.existing_days:
            choice = st.radio(
                transfer.existing_days_question(plan),
                ["Keep mine", "Replace with the file's"],
                key="data_existing",
                horizontal=True,
            )
            replace = choice != "Keep mine"
        written = transfer.days_to_write(plan, replace)
        label = transfer.import_label(written)
        go, cancel = st.columns(2)
        if cancel.button("Cancel", key="data_import_cancel", width="stretch"):
            forget_upload()
            st.rerun()
        if go.button(
            label,
            key="data_import_confirm",
            type="primary",
            icon=":material/download_done:",
            disabled=written == 0,
            width="stretch",
        ) and allowance.may_write(journal, importing=True):
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
                blocks.end_page()
            st.session_state["data_import_result"] = transfer.describe_result(result)
            # A new uploader key empties the file box, so the same file is not offered twice.
            forget_upload()
            st.session_state.pop("data_report_pdf", None)
            st.rerun()
        if written == 0:
            st.caption(
                "Every day in the file is already in your journal and you chose to "
                "keep yours, so there is nothing to import."
            )
