"""The command line: ``python -m recovery import|export|summary|report|factors|demo|copy``.

Every sub-command opens the same journal as the app (``--db``, else ``RECOVERY_DB``, else
``data/recovery.duckdb``), prints plain messages, and exits 1 on bad input or an unusable
database without changing anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import duckdb

from recovery import cli_copy, cli_factors, config, storage, transfer
from recovery.storage import errors as storage_errors
from recovery.storage import postgres
from recovery.text.numbers import plural

CommandError = cli_copy.CommandError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, for example 2026-03-31"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its sub-commands, each with its own --help."""
    parser = argparse.ArgumentParser(
        prog="python -m recovery",
        description="Seven Signs from the command line: import, export, summary, report, "
        "factors, demo, copy.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the journal file (default: RECOVERY_DB, else data/recovery.duckdb)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = commands.add_parser(
        "import",
        help="import a CSV file or a JSON backup",
        description="Import a CSV file or a JSON backup. Every row is checked first: if any "
        "is wrong, the problems are listed and nothing is written.",
    )
    imp.add_argument("file", metavar="FILE", help="the .csv or .json file ('-' reads stdin)")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace days already in the journal (default: keep yours)",
    )
    imp.add_argument(
        "--date-format",
        choices=transfer.DATE_ORDERS,
        default=transfer.AUTO,
        help="how slashed dates are written: DD/MM/YYYY, MM/DD/YYYY, or auto (the default: "
        "YYYY-MM-DD, D.M.YYYY and day-first dates; a file that leaves it open is refused)",
    )

    exp = commands.add_parser(
        "export",
        help="export the journal as CSV, JSON or FHIR",
        description="Export the journal, or a date range of it, as CSV, as a JSON backup, or "
        "as an HL7 FHIR R4 Bundle of Observations for a clinic system.",
    )
    exp.add_argument(
        "--format",
        choices=("csv", "json", "fhir", "weekly-csv", "flares-csv"),
        default="csv",
        help="csv (one row per day, the default), json (a complete backup), fhir "
        "(a FHIR R4 Bundle; the example recovery's made-up days are left out), "
        "weekly-csv (the weekly answers, one row per week) or "
        "flares-csv (one row per flare-up logged)",
    )
    exp.add_argument("--name", help="fhir: the name the Observations are about (optional)")
    exp.add_argument(
        "--from", dest="start", type=_date, metavar="DATE", help="first day to include (YYYY-MM-DD)"
    )
    exp.add_argument(
        "--to", dest="end", type=_date, metavar="DATE", help="last day to include (YYYY-MM-DD)"
    )
    exp.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    summ = commands.add_parser(
        "summary",
        help="each sign's baseline, recent value, change and verdict",
        description="Per sign: the baseline, the recent value, the change and the verdict; "
        "and the recovery stage.",
    )
    summ.add_argument("--json", action="store_true", help="print a JSON object instead")

    rep = commands.add_parser(
        "report",
        help="write a PDF report for your clinician",
        description="Write a PDF for a clinician: the seven signs, charts, red flags, "
        "exercise adherence and notes for a period.",
    )
    rep.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF"
    )
    rep.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help="first day of the period (default: the first day logged)",
    )
    rep.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="DATE",
        help="last day of the period (default: the last day logged)",
    )
    rep.add_argument("--name", help="the patient's name to print on the report (optional)")

    demo = commands.add_parser(
        "demo",
        help="fill the journal with the example recovery",
        description="Fill the journal with an example 12-week recovery, to try the app. "
        "Refuses a journal that already has days unless --force is given.",
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="add the example even though the journal is not empty, replacing "
        "any of your days on the same dates",
    )
    cli_factors.add_parser(commands)
    cli_copy.add_parser(commands)
    return parser


def _open(path: str, *, create: bool) -> duckdb.DuckDBPyConnection:
    try:
        storage.refuse_address(path)  # first: an address is never echoed (it may hold a password)
    except storage.StorageError as error:
        raise CommandError(str(error)) from error
    if postgres.is_address(path):  # a database on a server, made by whoever runs it
        try:
            return storage.open_database(path, password=config.database_password())
        except storage.StorageError as error:
            raise CommandError(str(error)) from error
    try:
        missing = path != ":memory:" and not Path(path).expanduser().exists()
    except OSError:
        missing = False  # a folder we may not look into: open_database says so plainly
    if missing and not create:
        raise CommandError(f"There is no journal at {path}. Check --db or RECOVERY_DB.")
    try:
        return storage.open_database(path)
    except storage.StorageError as error:
        raise CommandError(str(error)) from error


def _read_input(name: str) -> tuple[bytes, str | None]:
    # Never more than the limit in memory: a larger file is refused after one byte too many.
    if name == "-":
        data = sys.stdin.buffer.read(transfer.MAX_BYTES + 1)
    else:
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"There is no file {name}.")
        with path.open("rb") as source:
            data = source.read(transfer.MAX_BYTES + 1)
    if len(data) > transfer.MAX_BYTES:
        raise CommandError(
            f"Nothing was imported: {name} is larger than {transfer.MAX_UPLOAD_MB} MB, far more "
            "than a journal needs. Check that this is a Seven Signs export."
        )
    return data, None if name == "-" else Path(name).name


def _describe_problem(problem: transfer.ImportProblem) -> str:
    where = []
    if problem.row is not None:
        where.append(f"row {problem.row}")
    if problem.column:
        where.append(problem.column)
    return (", ".join(where) + ": " if where else "") + problem.message


def _import(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    parsed = args.parsed
    if not parsed.ok:
        count = parsed.problem_count
        err.write(f"Nothing was imported: {plural(count, 'problem')} in {args.file}.\n")
        for problem in parsed.problems:
            err.write("  " + _describe_problem(problem) + "\n")
        if count > len(parsed.problems):
            err.write(f"  ... and {count - len(parsed.problems):,} more.\n")
        err.write(parsed.row_note + "\n")
        return 1
    result = transfer.apply_import(conn, storage.LOCAL_OWNER, parsed, replace=args.replace)
    out.write(transfer.describe_result(result) + f" (from {args.file})\n")
    if result.kept:
        out.write("Use --replace to take the file's values for days you already had.\n")
    return 0


def _export(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    if args.start and args.end and args.start > args.end:
        raise CommandError("--from must be on or before --to.")
    if args.format == "weekly-csv":
        text = transfer.export_weekly_csv(conn, storage.LOCAL_OWNER, args.start, args.end)
    elif args.format == "fhir":
        text = transfer.export_fhir(conn, storage.LOCAL_OWNER, args.start, args.end, name=args.name)
    else:
        make = {
            "json": transfer.export_json,
            "flares-csv": transfer.export_flares_csv,
        }.get(args.format, transfer.export_csv)
        text = make(conn, storage.LOCAL_OWNER, args.start, args.end)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        days = storage.journal_summary(conn, storage.LOCAL_OWNER).days_logged
        err.write(f"Wrote {args.output} ({args.format.upper()}; journal has {days:,} days).\n")
    else:
        out.write(text)
    return 0


def _summary(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from recovery import summary

    result = summary.journal_overview(conn, storage.LOCAL_OWNER)
    if args.json:
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(summary.overview_text(result))
    return 0


def _report(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from recovery import report

    if args.start and args.end and args.start > args.end:
        raise CommandError("--from must be on or before --to.")
    if storage.journal_summary(conn, storage.LOCAL_OWNER).days_logged == 0:
        raise CommandError("The journal is empty: there is nothing to report yet.")
    try:
        pdf = report.build_report(
            conn, storage.LOCAL_OWNER, start=args.start, end=args.end, name=args.name
        )
    except report.ReportRefused as refused:
        raise CommandError(str(refused)) from None
    Path(args.output).write_bytes(pdf)
    out.write(f"Wrote {args.output} ({len(pdf) // 1024:,} KB).\n")
    return 0


def _demo(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from recovery import example

    days = storage.journal_summary(conn, storage.LOCAL_OWNER).days_logged
    if days and not args.force:
        raise CommandError(
            f"The journal already holds {plural(days, 'day')}; the example "
            "was not added. Use --force to add it anyway, or choose an empty journal with --db."
        )
    added = example.load_example(conn, storage.LOCAL_OWNER, replace=args.force)
    out.write(f"Added the example recovery: {added:,} days.\n")
    return 0


_COMMANDS = {
    "import": _import,
    "export": _export,
    "summary": _summary,
    "report": _report,
    "demo": _demo,
    "factors": cli_factors.run,
}
_CREATES = {"import", "demo"}


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; return the exit code (0 done, 1 refused or failed, 2 bad usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    path = args.db or config.database_path()
    try:
        if args.command == "import":
            # Read and check the file before touching the journal: a bad file creates nothing.
            data, name = _read_input(args.file)
            args.parsed = transfer.read_file(data, name, date_order=args.date_format)
            if not args.parsed.ok:
                return _import(None, args, out, err)  # type: ignore[arg-type]
        if args.command == "copy":
            return cli_copy.run(path, args, out, _open)
        conn = _open(path, create=args.command in _CREATES)
        try:
            return _COMMANDS[args.command](conn, args, out, err)
        finally:
            conn.close()
    except CommandError as error:
        err.write(str(error) + "\n")
        return 1
    except storage.StorageError as error:
        err.write(str(error) + "\n")
        return 1
    except duckdb.Error as error:
        # Summaries and reports read with their own cursors: the same plain words here.
        plain = storage_errors.classify(error, path, "read")
        if plain is None:
            raise
        err.write(str(plain) + "\n")
        return 1
    except OSError as error:
        err.write(f"Could not read or write a file: {error.strerror} ({error.filename}).\n")
        return 1
