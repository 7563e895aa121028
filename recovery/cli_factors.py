"""``python -m recovery factors``: what goes with better or worse days, as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TextIO

import duckdb

from recovery import storage

MIN_DAYS, MAX_DAYS = 14, 3660


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``factors`` sub-command's arguments."""
    fac = commands.add_parser(
        "factors",
        help="leg pain, flare-ups and sleep on days with and without each factor",
        description="Days with and without each factor, the same day and the next: counts, "
        "the difference (allowing for the overall trend) with its 95 %% interval, flagged "
        "after Holm's correction.",
    )
    fac.add_argument("--json", action="store_true", help="print a JSON list instead")
    fac.add_argument("--days", type=int, default=90, metavar="N", help="days back (default 90)")


def run(conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print every comparison over the last ``--days`` days; 1 for a window out of range."""
    from recovery.analysis import helps
    from recovery.text import helps as words

    if not MIN_DAYS <= args.days <= MAX_DAYS:
        err.write(f"--days must be between {MIN_DAYS} and {MAX_DAYS}.\n")
        return 1
    found = helps.what_helps(conn, storage.LOCAL_OWNER, dt.date.today(), args.days)
    if args.json:
        out.write(json.dumps([helps.link_record(link) for link in found], indent=2) + "\n")
    else:
        out.write(words.plain_report(found))
    return 0
