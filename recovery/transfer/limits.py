"""How much a file may hold: sizes that fit any real journal and stop a hostile upload early."""

from __future__ import annotations

from recovery.storage import MAX_JOURNAL_DAYS

# A century of daily check-ins is 36,525 days; nobody's journal is longer, and a journal
# holds no more than this however the days arrive.
MAX_ROWS = MAX_JOURNAL_DAYS
# An exported day takes about 85 bytes as CSV and 660 as JSON (measured on the example
# recovery), so 40,000 JSON days (26 MB) fit, with room for notes of ~600 characters a
# day. Keep in step with server.maxUploadSize in .streamlit/config.toml, which refuses
# larger files before they reach the app.
MAX_UPLOAD_MB = 50
MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024
# No one logs a sciatica check-in from before this year: an earlier date is a typing slip
# (year 0001 from a spreadsheet's empty date cell, say), and charts over centuries crawl.
FIRST_YEAR = 1900
# Enough to fix a file; a file where every row is wrong still gets a count of the rest.
MAX_PROBLEMS = 500


def too_big_message(size: int) -> str:
    """Plain words for a file over the size limit."""
    return (
        f"The file is {size / 1024 / 1024:,.1f} MB; the limit is {MAX_UPLOAD_MB} MB, far more "
        "than a journal needs. Nothing was imported. Check that this is a Seven Signs export."
    )


def too_many_rows_message() -> str:
    """Plain words for a file with more days than a century of check-ins."""
    return (
        f"The file holds more than {MAX_ROWS:,} days (a century of daily check-ins is about "
        "36,500). Nothing was imported. Check that this is a Seven Signs journal, or split it."
    )
