"""On a file shared by many journals, one person's page reads only that person's rows."""

from __future__ import annotations

import datetime as dt
import json

from recovery import analysis, storage
from recovery.signs import CHECKIN_COLUMNS
from tests.conftest import checkin

END = dt.date(2026, 3, 1)
_ALL = "day, " + ", ".join(CHECKIN_COLUMNS) + ", batch, created_at, updated_at"
COPY = (
    "INSERT INTO checkins (owner, " + _ALL + ") "  # noqa: S608 (registry identifiers)
    "SELECT o.owner, " + _ALL + " FROM checkins, (SELECT unnest(?) AS owner) o "
    "WHERE checkins.owner = ? ORDER BY day, o.owner"
)


def rows_read(conn, sql: str, params: list, folder) -> int:
    """Rows a query read from the table, from DuckDB's profiler."""
    output = folder / "profile.json"
    with conn.cursor() as cur:
        cur.execute("SET enable_profiling = 'json'")
        cur.execute("SET profiling_output = ?", [str(output)])
        cur.execute(sql, params).fetchall()
        cur.execute("RESET enable_profiling")
    return int(json.loads(output.read_text())["cumulative_rows_scanned"])


def test_opening_a_journal_again_keeps_a_single_owner_index(db_path):
    for _ in range(2):
        conn = storage.open_database(db_path)
        names = conn.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        conn.close()
    assert names == [("checkins_owner",)]


def test_each_query_of_the_progress_page_reads_only_the_visitors_rows(conn, tmp_path):
    days = [(END - dt.timedelta(days=i), checkin(leg_pain=i % 10)) for i in range(120)]
    storage.save_checkins(conn, "template", days)
    # 300 journals written day by day, the way a shared link fills up.
    with conn.cursor() as cur:
        cur.execute(COPY, [[f"link:{n:04d}" for n in range(300)], "template"])
    storage.delete_owner(conn, "template")
    conn.execute("CHECKPOINT")
    owner = "link:0123"
    result = analysis.compare_signs(conn, owner)
    start, end = analysis.range_bounds("4w", result.first_day, result.last_day)
    for sql, params in progress_queries(conn, owner):
        assert rows_read(conn, sql, params, tmp_path) <= 120, sql[:60]


def progress_queries(conn, owner: str) -> list[tuple[str, list]]:
    """The queries the Progress page runs for ``owner``, with their parameters."""
    result = analysis.compare_signs(conn, owner)
    start, end = analysis.range_bounds("4w", result.first_day, result.last_day)
    return [
        (storage.DATA_VERSION, [owner]),
        (analysis.BOUNDS_SQL, [dt.date.min, owner, dt.date.min, dt.date.max]),
        (
            analysis.WINDOWS_SQL,
            [owner, result.baseline_end, result.baseline_start, result.baseline_end]
            + [result.recent_start, result.last_day],
        ),
        (analysis.daily_sql(analysis.PRIMARY_COLUMNS), [owner, start, end, start]),
    ]


def test_on_postgresql_each_read_of_the_progress_page_asks_the_server_for_one_owner(
    postgres_url,
):
    conn = storage.open_database(postgres_url)
    try:
        for owner in ("link:a", "link:b"):
            days = [(END - dt.timedelta(days=i), checkin(leg_pain=i % 10)) for i in range(30)]
            storage.save_checkins(conn, owner, days)
        with conn.cursor() as cur:
            for sql, params in progress_queries(conn, "link:a"):
                plan = cur.execute("EXPLAIN (FORMAT json) " + sql, params).fetchall()[0][1]
                scans = list(postgres_scans(json.loads(plan)))
                # Every table read is filtered on the server: no other journal's rows
                # travel to the app, however many the database holds.
                assert scans, sql[:60]
                for scan in scans:
                    assert "owner='link:a'" in json.dumps(scan), (sql[:60], scan)
    finally:
        conn.close()


def postgres_scans(nodes: list[dict]):
    """Every read of a PostgreSQL table in a DuckDB plan (its ``extra_info``)."""
    for node in nodes:
        if node.get("name") == "POSTGRES_SCAN":
            yield node.get("extra_info", {})
        yield from postgres_scans(node.get("children", []))
