"""A PDF report for a clinician: the seven signs for a period, readable in a minute.

Page one: who and when, each sign's baseline, recent value, change and verdict, red flags
and exercise adherence. Page two: one small chart per sign, drawn offline with
vl-convert. Then the person's notes. Text uses DejaVu Sans when the system has it (any
language prints), else the PDF core font with the text reduced to Latin-1.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd
import vl_convert
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from recovery import analysis, charts, text
from recovery.signs import RED_FLAGS, SIGNS, Sign
from recovery.storage import checkin_records

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
INK = "#1f2933"
CHART_WIDTH, CHART_HEIGHT = 300, 150  # Vega-Lite pixels; drawn at 2x for print
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
        """Text the current font can print."""
        if self.unicode:
            return words
        for wide, narrow in _LATIN1_SWAPS.items():
            words = words.replace(wide, narrow)
        return words.encode("latin-1", "replace").decode("latin-1")

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


def _chart(
    the_sign: Sign,
    series: analysis.SignSeries,
    result: analysis.SignResult,
    start: dt.date,
    end: dt.date,
) -> alt.LayerChart:
    """The Progress page's chart of one sign, sized and titled for a printed page."""
    measure = the_sign.primary
    better = "lower is better" if measure.better == "lower" else "higher is better"
    chart = charts.sign_chart(
        the_sign.key,
        series.frame,
        result,
        domain=(start, end),
        granularity=series.granularity,
        height=CHART_HEIGHT,
        title=alt.Title(
            f"{the_sign.number}. {the_sign.short_title} ({better})",
            fontSize=12,
            anchor="start",
            color=INK,
        ),
    )
    return chart.properties(width=CHART_WIDTH).configure_view(stroke=None)


def chart_png(chart: alt.Chart) -> bytes:
    """An Altair chart as PNG bytes, rendered offline."""
    return vl_convert.vegalite_to_png(chart.to_json(), scale=2)


def _png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _period(
    conn: duckdb.DuckDBPyConnection, owner: str, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date, list[dict[str, object]]]:
    records = checkin_records(conn, owner, start, end)
    if not records:
        raise ValueError("no check-ins in this period")
    return start or records[0]["day"], end or records[-1]["day"], records


def _verdict_table(pdf: _ReportPDF, comparison: analysis.Comparison) -> None:
    widths = (52, 26, 26, 36, 38)
    pdf.set_font(pdf.family, "B", 8.5)
    pdf.set_fill_color(238, 241, 244)
    for width, title in zip(
        widths, ("Sign (daily measure)", "Baseline", "Recent", "Change", "Verdict"), strict=True
    ):
        pdf.cell(width, 6.5, title, border="B", fill=True)
    pdf.ln()
    for the_sign in SIGNS:
        result = comparison.signs[the_sign.key]
        measure = the_sign.primary
        cells = (
            f"{the_sign.number}. {the_sign.short_title}",
            analysis.format_value(measure, result.baseline) if result.baseline is not None else "-",
            analysis.format_value(measure, result.recent) if result.recent is not None else "-",
            analysis.format_change(measure, result.change, result.change_pct) or "-",
            result.label,
        )
        for index, (width, value) in enumerate(zip(widths, cells, strict=True)):
            bold = index == 4 and result.verdict in ("improved", "worse")
            pdf.set_font(pdf.family, "B" if bold else "", 8.5)
            pdf.cell(width, 6, pdf.clean(value), border="B")
        pdf.ln()
    pdf.ln(2)


def build_report(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    name: str | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The PDF report for the check-ins between two days (default: all of them)."""
    start, end, records = _period(conn, owner, start, end)
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
        f"({len(records)} day{'s' if len(records) != 1 else ''} logged). "
        f"Made with {text.APP_NAME} on {text.long_date(now.date())}."
    )
    if comparison.recent_start is not None:
        pdf.para(
            f"Baseline: mean of {comparison.baseline_start:%d %b} to "
            f"{comparison.baseline_end:%d %b %Y}. Recent: mean of "
            f"{comparison.recent_start:%d %b} to {comparison.recent_end:%d %b %Y}. "
            f"A verdict needs at least {analysis.MIN_CHECKINS} check-ins in each window; "
            "what counts as a real change is listed below the table.",
            size=8.5,
        )
    pdf.ln(1)
    pdf.heading("The seven signs")
    _verdict_table(pdf, comparison)
    pdf.para(f"{comparison.improving_count} of 7 signs improved by these thresholds:", bold=True)
    for the_sign in SIGNS:
        rule = the_sign.threshold
        pdf.para(
            f"{the_sign.number}. {the_sign.short_title}: {rule.summary} ({rule.source}).", size=7.5
        )
    pdf.ln(2)

    pdf.heading("Red flags reported")
    flagged = [(r["day"], [f.question for f in RED_FLAGS if r[f.column]]) for r in records]
    flagged = [(day, questions) for day, questions in flagged if questions]
    if not flagged:
        pdf.para("None ticked in this period.")
    for day, questions in flagged:
        pdf.para(f"{day:%d %b %Y}: " + "; ".join(questions) + ".")

    pdf.heading("Exercise adherence")
    done = sum(1 for r in records if r["exercises_done"])
    pdf.para(
        f"Exercise routine done on {done} of {len(records)} logged days "
        f"({done / len(records) * 100:.0f} %)."
    )
    weeks = pd.DataFrame(
        {
            "week": [r["day"] - dt.timedelta(days=r["day"].weekday()) for r in records],
            "done": [bool(r["exercises_done"]) for r in records],
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

    pdf.add_page()
    pdf.heading("Each sign over the period")
    pdf.para(
        "Dots: daily values (weekly means for long periods). Line: the rolling mean. Dashed "
        "grey: the baseline. Dotted green: the level that counts as improving.",
        size=8.5,
    )
    top = pdf.get_y() + 1
    column_width = (pdf.w - pdf.l_margin - pdf.r_margin - 6) / 2
    pngs = [chart_png(_chart(s, series[s.key], comparison.signs[s.key], start, end)) for s in SIGNS]
    # Every chart has the same frame, so the tallest image sets the row height.
    image_height = max(column_width * _png_size(png)[1] / _png_size(png)[0] for png in pngs)
    for index, png in enumerate(pngs):
        x = pdf.l_margin + (index % 2) * (column_width + 6)
        y = top + (index // 2) * (image_height + 4)
        pdf.image(io.BytesIO(png), x=x, y=y, w=column_width)

    notes = [(r["day"], r["notes"]) for r in records if r["notes"]]
    pdf.add_page()
    pdf.heading("Notes")
    if not notes:
        pdf.para("No notes in this period.")
    for day, note in notes:
        pdf.para(f"{day:%a %d %b %Y}", size=8.5, bold=True)
        pdf.para(note, size=9)
    return bytes(pdf.output())
