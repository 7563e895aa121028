"""``python -m recovery copy``: every journal between a file and a PostgreSQL database."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

import duckdb

from recovery.storage import copying
from recovery.text.numbers import plural


class CommandError(Exception):
    """A plain message for stderr; the command exits 1."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``copy`` sub-command's arguments."""
    copy = commands.add_parser(
        "copy",
        help="copy every journal between a file and a PostgreSQL database",
        description="Copy every journal (check-ins, settings, links given up) into an empty "
        "journal store, one journal per transaction, and count them again on both sides.",
    )
    copy.add_argument("--to", required=True, metavar="WHERE", help="a file or postgresql://")
    copy.add_argument("--from", dest="source", metavar="WHERE", help="default: --db")


def run(
    path: str,
    args: argparse.Namespace,
    out: TextIO,
    open_journal: Callable[..., duckdb.DuckDBPyConnection],
) -> int:
    """Copy from ``--from`` (else the journal ``path``) to ``--to``; print both sides' counts."""
    source = open_journal(args.source or path, create=False)
    try:
        target = open_journal(args.to, create=True)
        try:
            try:
                result = copying.copy_journals(source, target)
            except copying.CopyRefusedError as refused:
                raise CommandError(str(refused)) from None
            there, here = copying.totals(source), copying.totals(target)
        finally:
            target.close()
    finally:
        source.close()
    out.write(
        f"Copied the rows of {plural(result.owners, 'owner')} (journals and links given up).\n"
    )
    for table, rows in result.rows.items():
        out.write(
            f"  {table}: {rows:,} rows copied; counted {there[table]:,} in the source and "
            f"{here[table]:,} in the destination\n"
        )
    if there != here:
        raise CommandError("The counts on both sides differ: check the destination.")
    return 0
