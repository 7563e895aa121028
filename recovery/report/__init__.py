"""A PDF report for a clinician: the seven signs for a period, readable in a minute.

Page one: who and when, the recovery stage, how many days are made-up example days, each
sign's baseline, recent value, change and verdict, red flags and exercise adherence. Page
two: one small chart per sign, drawn as vector lines (recovery.report.charts). Then the
person's notes. Text uses DejaVu Sans when the system has it (any language prints), else
the PDF core font with the text reduced to Latin-1; a character the font lacks (most emoji)
is printed as its name in brackets, so nothing a person wrote silently disappears.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import duckdb
import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from recovery import analysis, text
from recovery.analysis import stage
from recovery.report import limits
from recovery.report.flares import write_flares
from recovery.report.limits import ReportBusy
from recovery.report.pdf_charts import draw_sign_chart
from recovery.report.period import ReportRefused, days_to_report
from recovery.report.weekly_block import draw_weekly
from recovery.signs import RED_FLAGS, SIGNS
from recovery.storage import EXAMPLE_BATCH
from recovery.text import safety
from recovery.text import signs as sign_words
from recovery.text.numbers import plural

__all__ = ["ReportBusy", "ReportRefused", "build_report"]

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
# Joiners, variation selectors and skin tones only shape the emoji next to them.
_SILENT = {"\u200d", "\ufe0e", "\ufe0f", *(chr(c) for c in range(0x1F3FB, 0x1F400))}
_LATIN1_SWAPS = {
    "\u2212": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2265": ">=",
    "\u2264": "<=",
}


def _font_files() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


class _ReportPDF(FPDF):
    """A4 pages with the reminder and page number at the foot of each."""

    def __init__(self, unicode_font: tuple[Path, Path] | None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.unicode = unicode_font is not None
        if unicode_font is not None:
            self.add_font("body", "", str(unicode_font[0]))
            self.add_font("body", "B", str(unicode_font[1]))
            self.family = "body"
        else:
            self.family = "helvetica"
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(16, 16, 16)

    def clean(self, words: str) -> str:
        """Text the current font can print; what it cannot print is named, not dropped."""
        if not self.unicode:
            for wide, narrow in _LATIN1_SWAPS.items():
                words = words.replace(wide, narrow)
        known = self.fonts["body"].cmap if self.unicode else None
        out = []
        for char in words:
            if char in _SILENT:
                continue
            printable = ord(char) in known if known is not None else ord(char) < 256
            if printable or char in "\n\r\t":
                out.append(char)
            elif unicodedata.category(char).startswith("S") or ord(char) > 0xFFFF:
                out.append(f"[{unicodedata.name(char, 'symbol').lower()}]")
            else:
                out.append("?")
        return "".join(out)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.family, "", 7)
        self.set_text_color(110, 110, 110)
        self.multi_cell(
            0, 3.2, self.clean(f"{text.DISCLAIMER} Page {self.page_no()} of {{nb}}."), align="C"
        )

    def heading(self, words: str, size: float = 13) -> None:
        """A section heading."""
        self.set_font(self.family, "B", size)
        self.set_text_color(31, 41, 51)
        self.cell(0, size * 0.55, self.clean(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def para(self, words: str, size: float = 9.5, bold: bool = False) -> None:
        """A paragraph of body text."""
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(31, 41, 51)
        self.multi_cell(
            0, size * 0.48, self.clean(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )
        self.ln(1)


def _verdict_table(pdf: _ReportPDF, comparison: analysis.Comparison) -> None:
    widths = (46, 22, 22, 30, 28, 32)
    titles = ("Sign (daily measure)", "Baseline", "Recent", "Change", "95 % interval", "Verdict")
    pdf.set_font(pdf.family, "B", 8.5)
    pdf.set_fill_color(238, 241, 244)
    for width, title in zip(widths, titles, strict=True):
        pdf.cell(width, 6.5, title, border="B", fill=True)
    pdf.ln()
    for the_sign in SIGNS:
        result = comparison.signs[the_sign.key]
        measure = the_sign.primary
        cells = (
            f"{the_sign.number}. {the_sign.short_title}",
            sign_words.format_value(measure, result.baseline)
            if result.baseline is not None
            else "-",
            sign_words.format_value(measure, result.recent) if result.recent is not None else "-",
            sign_words.format_change(measure, result.baseline, result.recent, result.change_pct)
            or "-",
            sign_words.interval_range(measure, result) or "-",
            result.label,
        )
        for index, (width, value) in enumerate(zip(widths, cells, strict=True)):
            bold = index == 5 and result.verdict in ("improved", "worse")
            pdf.set_font(pdf.family, "B" if bold else "", 8.5)
            pdf.cell(width, 6, pdf.clean(value), border="B")
        pdf.ln()
    pdf.ln(1)
    pdf.para(
        "95 % interval: of the change, from this person's own day-to-day ups and downs in the "
        "two weeks compared (allowing for one day resembling the next). Improving needs the "
        "threshold met and an interval that leaves out zero; otherwise the verdict reads "
        "'Looks better'.",
        size=7.5,
    )


def build_report(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    name: str | None = None,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The PDF report for the check-ins between two days (default: all of them).

    Raises ReportRefused for an empty period or one of made-up example days only, and
    limits.ReportBusy when this journal's or too many reports are being built already. A
    report covers at most the last year of the period (see recovery/report/limits.py).
    """
    with limits.build_slot(owner):
        return _build(conn, owner, start, end, name, now, today)


def _build(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    start: dt.date | None,
    end: dt.date | None,
    name: str | None,
    now: dt.datetime | None,
    today: dt.date | None,
) -> bytes:
    asked_start = start
    start, end, records, cut = days_to_report(conn, owner, start, end)
    today = today or dt.date.today()
    comparison = analysis.compare_signs(conn, owner, start=start, end=end)
    series = analysis.sign_series(conn, owner, start, end)
    now = now or dt.datetime.now()

    pdf = _ReportPDF(_font_files())
    pdf.set_title("Seven Signs report")
    pdf.set_creator(text.APP_NAME)
    pdf.add_page()
    pdf.heading("Sciatica recovery: patient-reported daily check-ins", size=16)
    who = f"Patient: {name.strip()}. " if name and name.strip() else ""
    pdf.para(
        f"{who}Period: {text.long_date(start)} to {text.long_date(end)} "
        f"({plural(len(records), 'day')} logged). "
        f"Made with {text.APP_NAME} on {text.long_date(now.date())}."
    )
    if cut:
        began = text.long_date(asked_start) if asked_start else "the first check-in"
        pdf.para(
            f"The period asked for starts on {began}: a report covers at most its last "
            f"{limits.MAX_DAYS} days. Earlier days are in the app and its backup files.",
            bold=True,
        )
    examples = sum(1 for r in records if r["batch"] == EXAMPLE_BATCH)
    if examples:
        pdf.para(
            f"Note: {examples} of these {len(records)} days are made-up example days (the "
            "app's example recovery), not the patient's own check-ins.",
            bold=True,
        )
    estimate = stage.estimate_stage(conn, owner, today=min(end, today))
    pdf.para(f"Recovery stage (estimated by the app from the check-ins): {estimate.title}.")
    if comparison.recent_start is not None:
        pdf.para(
            f"Baseline: mean of {comparison.baseline_start:%d %b} to "
            f"{comparison.baseline_end:%d %b %Y}. Recent: mean of "
            f"{comparison.recent_start:%d %b} to {comparison.recent_end:%d %b %Y}. "
            f"A verdict needs at least {analysis.MIN_CHECKINS} check-ins in each window; "
            "what counts as a real change is listed below the table.",
            size=8.5,
        )
    draw_weekly(pdf, conn, owner, start, end)
    pdf.ln(1)
    pdf.heading("The seven signs")
    _verdict_table(pdf, comparison)
    if comparison.has_verdicts:
        pdf.para(
            f"{comparison.improving_count} of 7 signs improved by these thresholds:", bold=True
        )
    else:
        pdf.para(
            "Not enough data yet for a verdict: each sign needs at least "
            f"{analysis.MIN_CHECKINS} check-ins in its first week and in the latest 7 days. "
            "What will count as a real change:",
            bold=True,
        )
    for the_sign in SIGNS:
        rule = the_sign.threshold
        pdf.para(
            f"{the_sign.number}. {the_sign.short_title}: {rule.summary} ({rule.source}).", size=7.5
        )
    pdf.ln(2)

    pdf.heading("Red flags reported")
    flagged = [(r["day"], [f.question for f in RED_FLAGS if r[f.column]]) for r in records]
    flagged = [(day, questions) for day, questions in flagged if questions]
    asked = sum(1 for r in records if any(r[f.column] is not None for f in RED_FLAGS))
    pdf.para(safety.asked_summary(asked, len(records), len(flagged)))
    for day, questions in flagged:
        pdf.para(f"{day:%d %b %Y}: " + "; ".join(questions) + ".")

    pdf.heading("Exercise adherence")
    # A day whose exercise answer was not recorded is unknown, so it is left out.
    answered = [r for r in records if r["exercises_done"] is not None]
    done = sum(1 for r in answered if r["exercises_done"])
    if not answered:
        pdf.para("Exercises were not recorded in this period.")
    else:
        pdf.para(
            f"Exercise routine done on {done} of {len(answered)} days with an answer "
            f"({done / len(answered) * 100:.0f} %)."
        )
    weeks = pd.DataFrame(
        {
            "week": [r["day"] - dt.timedelta(days=r["day"].weekday()) for r in answered],
            "done": [bool(r["exercises_done"]) for r in answered],
        }
    )
    per_week = weeks.groupby("week")["done"].agg(["sum", "count"]).tail(8)
    if len(per_week) > 1:
        pdf.para(
            "Last weeks (days done / days logged): "
            + ", ".join(
                f"w/c {week:%d %b} {int(row['sum'])}/{int(row['count'])}"
                for week, row in per_week.iterrows()
            )
            + ".",
            size=8.5,
        )

    if comparison.has_verdicts:
        _charts_page(pdf, comparison, series, start, end)
    else:
        # A few days draw empty charts: a page of them would only look like missing data.
        pdf.heading("Each sign over the period")
        pdf.para("Charts are drawn once there are enough check-ins for a verdict.")

    notes, older = limits.newest_notes([(r["day"], r["notes"]) for r in records if r["notes"]])
    pdf.add_page()
    write_flares(pdf, conn, owner, start, end)  # first on the last page: page one is full
    pdf.heading("Notes, newest first")
    if not notes:
        pdf.para("No notes in this period.")
    for day, note in notes:
        pdf.para(f"{day:%a %d %b %Y}", size=8.5, bold=True)
        pdf.para(note, size=9)
    if older:
        pdf.para(f"{plural(older, 'more note')} not shown: older notes are in the app.", bold=True)
    return bytes(pdf.output())


def _charts_page(
    pdf: _ReportPDF,
    comparison: analysis.Comparison,
    series: dict,
    start: dt.date,
    end: dt.date,
) -> None:
    """One small chart per sign, two to a row, on a page of its own."""
    pdf.add_page()
    pdf.heading("Each sign over the period")
    pdf.para(
        "Dots: daily values (weekly means for long periods). Line: the rolling mean. Dashed "
        "grey: the baseline. Dotted green: the level that counts as improving.",
        size=8.5,
    )
    top = pdf.get_y() + 1
    column_width = (pdf.w - pdf.l_margin - pdf.r_margin - 6) / 2
    chart_height = 54
    for index, the_sign in enumerate(SIGNS):
        box = (
            pdf.l_margin + (index % 2) * (column_width + 6),
            top + (index // 2) * (chart_height + 4),
            column_width,
            chart_height,
        )
        draw_sign_chart(
            pdf,
            box,
            the_sign,
            series[the_sign.key].frame,
            comparison.signs[the_sign.key],
            (start, end),
            pdf.family,
            pdf.clean,
        )
