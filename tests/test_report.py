"""The clinician's PDF and the summary command: opened and read back as a person would."""

from __future__ import annotations

import datetime as dt
import io
import json

import pypdf
import pytest

from recovery import example, report, storage
from recovery.signs import SIGNS
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin
from tests.support import run

FLAG_DAY = TODAY - dt.timedelta(days=3)


@pytest.fixture
def journal(conn):
    """The example recovery, with one red flag and one note of our own near the end."""
    example.load_example(conn, LOCAL_OWNER, end=TODAY - dt.timedelta(days=1))
    storage.save_checkin(
        conn,
        LOCAL_OWNER,
        FLAG_DAY,
        checkin(rf_both_legs=True, notes="Both legs tingled: called the GP"),
    )
    return conn


def pdf_pages(data: bytes) -> list[pypdf.PageObject]:
    return pypdf.PdfReader(io.BytesIO(data)).pages


def words(page: pypdf.PageObject) -> str:
    """A page's text with every run of spaces and line breaks as one space.

    Where a line wraps depends on the dates printed above it, so assertions never rely on it.
    """
    return " ".join(page.extract_text().split())


def test_the_report_has_a_summary_page_charts_and_notes(journal):
    data = report.build_report(journal, LOCAL_OWNER, name="Zoë Ødegård")
    pages = pdf_pages(data)
    assert len(pages) == 3
    first = words(pages[0])
    assert "Patient: Zoë Ødegård." in first
    assert "84 days logged" in first
    for the_sign in SIGNS:
        assert f"{the_sign.number}. {the_sign.short_title}" in first
    assert "Improving" in first
    assert "Sciatica, numbness or weakness in both legs" in first  # the red flag
    assert "Exercise routine done on" in first
    charts = words(pages[1])
    for the_sign in SIGNS:  # one chart per sign, titled
        assert f"{the_sign.number}. {the_sign.short_title} (" in charts
    assert "Both legs tingled: called the GP" in words(pages[2])


def test_a_period_leaves_out_other_days_and_their_notes(journal):
    start = TODAY - dt.timedelta(days=40)
    end = TODAY - dt.timedelta(days=10)
    storage.save_checkin(journal, LOCAL_OWNER, end, checkin())  # one day of the person's own
    text = " ".join(
        words(p) for p in pdf_pages(report.build_report(journal, LOCAL_OWNER, start=start, end=end))
    )
    assert "31 days logged" in text
    assert "called the GP" not in text
    assert "Red flags: asked on all 31 days; none reported." in text
    assert "Patient:" not in text  # no name given, none printed


def test_without_a_unicode_font_the_report_still_prints(journal, monkeypatch):
    monkeypatch.setattr(report, "FONT_DIRS", ())
    text = pdf_pages(report.build_report(journal, LOCAL_OWNER, name="Zoë \u0141ukasz"))[0]
    assert "Patient: Zoë ?ukasz." in words(text)


def test_an_empty_period_is_refused(conn):
    with pytest.raises(ValueError):
        report.build_report(conn, LOCAL_OWNER)


def test_the_report_command_writes_the_pdf(db_path, tmp_path):
    assert run("demo", db=db_path).returncode == 0
    with storage.open_database(db_path) as conn:
        storage.save_checkin(conn, LOCAL_OWNER, TODAY, checkin())  # the person's own day
    target = tmp_path / "for-my-doctor.pdf"
    result = run(
        "report",
        "-o",
        str(target),
        "--from",
        (TODAY - dt.timedelta(days=27)).isoformat(),
        "--name",
        "Sam",
        db=db_path,
    )
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(target.read_bytes())
    assert "Patient: Sam." in words(pages[0])


def test_the_report_command_refuses_an_empty_journal(db_path, tmp_path):
    storage.open_database(db_path).close()
    result = run("report", "-o", str(tmp_path / "x.pdf"), db=db_path)
    assert result.returncode == 1
    assert "nothing to report" in result.stderr.decode()
    assert not (tmp_path / "x.pdf").exists()


def test_summary_json_gives_each_sign_and_the_stage(db_path):
    assert run("demo", db=db_path).returncode == 0
    result = run("summary", "--json", db=db_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert list(summary["signs"]) == [s.key for s in SIGNS]
    assert set(summary["signs"]["pain"]) >= {"verdict", "baseline", "recent", "change"}
    assert summary["signs"]["pain"]["verdict"] == "improved"
    assert summary["signs"]["pain"]["change"] < 0
    # The change against the person's own ups and downs: a difference and its 95 % interval.
    pain = summary["signs"]["pain"]
    low, high = pain["interval"]
    assert low <= pain["difference"] <= high < 0
    assert pain["beyond_noise"] is True
    assert all(isinstance(s["beyond_noise"], bool) for s in summary["signs"].values())
    assert summary["stage"] in {
        "early",
        "improving",
        "last_stage",
        "recovered",
        "insufficient_data",
    }
    assert summary["days_logged"] == 84


def test_summary_prints_a_table_with_every_sign(db_path):
    assert run("demo", db=db_path).returncode == 0
    lines = run("summary", db=db_path).stdout.decode().splitlines()
    assert lines[0] == f"Seven Signs: 84 days logged, {TODAY - dt.timedelta(days=83)} to {TODAY}."
    assert any(line.startswith("1 Leg pain") and line.endswith("Improving") for line in lines)
    assert lines[-1].startswith("Stage: ")


def test_summary_of_an_empty_journal_says_so(db_path):
    storage.open_database(db_path).close()
    result = run("summary", db=db_path)
    assert result.returncode == 0
    assert "The journal is empty" in result.stdout.decode()


PINNED = dt.date(2026, 11, 24)


def _own_journal(conn, days: int = 21, **overrides) -> None:
    rows = [(PINNED - dt.timedelta(days=n), checkin(**overrides)) for n in range(days, 0, -1)]
    storage.save_checkins(conn, LOCAL_OWNER, rows, today=PINNED, replace=True)


def first_page(data: bytes) -> str:
    return " ".join(pdf_pages(data)[0].extract_text().split())


def test_emoji_in_notes_reach_the_pdf_as_a_glyph_or_their_name(conn):
    _own_journal(conn)
    note = "Good day 😀 👍 ❤️ 🥲 🫠 done"
    storage.save_checkin(conn, LOCAL_OWNER, PINNED, checkin(notes=note), today=PINNED)
    notes = pdf_pages(report.build_report(conn, LOCAL_OWNER, today=PINNED))[2].extract_text()
    line = " ".join(notes.split())
    for emoji, name in (
        ("😀", "grinning face"),
        ("👍", "thumbs up sign"),
        ("🥲", "smiling face with tear"),
        ("🫠", "melting face"),
    ):
        assert emoji in line or f"[{name}]" in line, (emoji, line)
    assert "done" in line


def test_the_first_page_states_the_stage_and_counts_example_days(conn):
    example.load_example(conn, LOCAL_OWNER, end=PINNED - dt.timedelta(days=1), today=PINNED)
    storage.save_checkin(conn, LOCAL_OWNER, PINNED, checkin(), today=PINNED)
    text = first_page(report.build_report(conn, LOCAL_OWNER, today=PINNED))
    assert "Note: 84 of these 85 days are made-up example days" in text
    assert "Recovery stage (estimated by the app from the check-ins):" in text


def test_a_report_of_example_days_only_is_refused(conn):
    example.load_example(conn, LOCAL_OWNER, end=PINNED, today=PINNED)
    with pytest.raises(report.ReportRefused, match="made-up example day"):
        report.build_report(conn, LOCAL_OWNER, today=PINNED)


def test_days_without_an_exercise_answer_are_left_out_of_adherence(conn):
    _own_journal(conn, days=10, exercises_done=True)
    _own_journal(conn, days=4, exercises_done=None, activity=None)  # the last 4 replaced
    text = first_page(report.build_report(conn, LOCAL_OWNER, today=PINNED))
    assert "Exercise routine done on 6 of 6 days with an answer (100 %)" in text


def test_a_two_day_journal_says_not_enough_data_yet_and_draws_no_empty_charts(conn):
    for back in (1, 0):
        storage.save_checkin(
            conn, LOCAL_OWNER, TODAY - dt.timedelta(days=back), checkin(), today=TODAY
        )
    pdf = pypdf.PdfReader(io.BytesIO(report.build_report(conn, LOCAL_OWNER, today=TODAY)))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Not enough data yet for a verdict" in text
    assert "0 of 7 signs improved" not in text
    assert "Charts are drawn once there are enough check-ins" in text
    assert len(pdf.pages) == 2  # the summary and the notes: no page of empty charts


# ---- What one report may cost ----------------------------------------------------------


def test_a_long_journal_is_reported_for_its_last_year_and_newest_notes(conn):
    from recovery.report import limits

    first = TODAY - dt.timedelta(days=799)
    rows = [
        (first + dt.timedelta(days=n), checkin(notes=f"note {n}" if n % 5 == 0 else ""))
        for n in range(800)
    ]
    storage.save_checkins(conn, LOCAL_OWNER, rows, today=TODAY)
    pages = pdf_pages(report.build_report(conn, LOCAL_OWNER, today=TODAY))
    summary = words(pages[0])
    covered_from = TODAY - dt.timedelta(days=limits.MAX_DAYS - 1)
    assert f"a report covers at most its last {limits.MAX_DAYS} days" in summary
    assert f"{covered_from.day} {covered_from:%B %Y}" in summary
    notes = " ".join(words(page) for page in pages[2:])
    assert "note 795" in notes and "note 0 " not in notes  # the newest, not the oldest
    assert notes.index("note 795") < notes.index("note 790")  # newest first
    in_year = sum(1 for n in range(0, 800, 5) if first + dt.timedelta(days=n) >= covered_from)
    assert f"{in_year - limits.MAX_NOTES} more notes not shown" in notes


def test_one_build_per_journal_and_few_per_server_at_a_time():
    from recovery.report import limits

    with limits.build_slot("alice"):
        with pytest.raises(limits.ReportBusy, match="already being prepared"):
            with limits.build_slot("alice"):
                pass
        with limits.build_slot("bob"):
            with pytest.raises(limits.ReportBusy, match="busy preparing other reports"):
                with limits.build_slot("carol"):
                    pass
    with limits.build_slot("alice"):  # all released again
        pass


def test_the_first_page_has_the_weekly_scores_with_their_verdicts_and_sources(journal):
    first = words(pdf_pages(report.build_report(journal, LOCAL_OWNER))[0])
    assert "Weekly scores" in first
    assert "Weekly bothersomeness: First" in first
    assert "better by more than the measure's own error" in first
    assert "Put on socks" in first and "Patrick et al., Spine 1995" in first


def test_without_weekly_answers_the_report_has_no_weekly_block(conn):
    for ago in range(10):
        storage.save_checkin(conn, LOCAL_OWNER, TODAY - dt.timedelta(days=ago), checkin())
    first = words(pdf_pages(report.build_report(conn, LOCAL_OWNER))[0])
    assert "Weekly scores" not in first
