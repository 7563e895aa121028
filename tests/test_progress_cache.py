"""The Progress page's cache: each owner's own charts, fresh after every write, same look."""

from __future__ import annotations

import datetime as dt
import json

import altair as alt
import pytest
from streamlit.testing.v1 import AppTest

from recovery import analysis, charts, example, storage
from recovery.analysis.flares import flares_by_day, medicine_days
from recovery.signs import SIGNS
from tests.conftest import checkin
from ui import progress_cache

END = dt.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts and ends with nothing cached."""
    progress_cache.clear()
    yield
    progress_cache.clear()


def chart_rows(spec: dict) -> list[list[dict]]:
    """The rows each dataset of a spec carries, decoded from its Arrow bytes."""
    import pyarrow as pa

    return [pa.ipc.open_stream(data).read_all().to_pylist() for data in spec["datasets"].values()]


def points(spec: dict) -> list[float]:
    """The daily values a chart draws."""
    return [row["value"] for rows in chart_rows(spec) for row in rows if "value" in row]


def fresh(conn, owner: str, baseline_start=None) -> tuple[analysis.Comparison, dict]:
    """What the page would show with no cache at all."""
    result = analysis.compare_signs(conn, owner, baseline_start=baseline_start)
    start, end = analysis.range_bounds("all", result.first_day, result.last_day)
    series = analysis.sign_series(conn, owner, start, end)
    logged = flares_by_day(conn, owner, start, end)
    taken = medicine_days(conn, owner, start, end)
    specs = {
        s.key: progress_cache.vega_lite_spec(
            charts.sign_chart(
                s.key,
                series[s.key].frame,
                result.signs[s.key],
                domain=(start, end),
                granularity=series[s.key].granularity,
                flares=logged if s.key == progress_cache.FLARE_SIGN else None,
                medicines=taken if s.key == progress_cache.FLARE_SIGN else None,
            )
        )
        for s in SIGNS
    }
    return result, specs


def cached(conn, owner: str, baseline_start=None) -> tuple[analysis.Comparison, dict]:
    """What the page shows through the cache."""
    result = progress_cache.comparison(conn, owner, baseline_start)
    start, end = analysis.range_bounds("all", result.first_day, result.last_day)
    return result, progress_cache.chart_specs(conn, owner, baseline_start, start, end)


def same_page(conn, owner: str) -> None:
    """The cached page equals a page built from scratch, charts and verdicts alike."""
    got_result, got_specs = cached(conn, owner)
    want_result, want_specs = fresh(conn, owner)
    assert got_result == want_result
    for key in want_specs:
        assert chart_rows(got_specs[key]) == chart_rows(want_specs[key]), key
        assert json.dumps(got_specs[key], default=str) == json.dumps(
            want_specs[key], default=str
        ), key


def test_two_people_with_the_same_dates_each_get_their_own_charts(conn):
    storage.save_checkins(
        conn, "link:a", [(END - dt.timedelta(days=i), checkin(leg_pain=8)) for i in range(20)]
    )
    storage.save_checkins(
        conn, "link:b", [(END - dt.timedelta(days=i), checkin(leg_pain=2)) for i in range(20)]
    )
    a_result, a_specs = cached(conn, "link:a")
    b_result, b_specs = cached(conn, "link:b")
    assert points(a_specs["pain"]) == [8.0] * 20
    assert points(b_specs["pain"]) == [2.0] * 20
    assert a_result.signs["pain"].baseline == 8 and b_result.signs["pain"].baseline == 2
    # Asked again (now from the cache), each still gets their own.
    assert cached(conn, "link:a")[0].signs["pain"].baseline == 8
    assert cached(conn, "link:b")[0].signs["pain"].baseline == 2


def test_every_kind_of_write_shows_on_the_next_page_run(conn):
    owner = "local"
    example.load_example(conn, owner, today=END)
    same_page(conn, owner)  # fills the cache

    storage.save_checkin(conn, owner, END, checkin(leg_pain=10), today=END)
    same_page(conn, owner)
    storage.delete_checkin(conn, owner, END - dt.timedelta(days=1))
    same_page(conn, owner)
    day, values = END - dt.timedelta(days=2), checkin(leg_pain=0)
    backup = storage.Stamp(created_at=dt.datetime(2026, 1, 1), updated_at=dt.datetime(2026, 1, 1))
    storage.save_checkins(conn, owner, [(day, values)], replace=True, stamps=[backup])
    same_page(conn, owner)
    storage.delete_batch(conn, owner, storage.EXAMPLE_BATCH)
    same_page(conn, owner)
    example.load_example(conn, owner, today=END, replace=True)
    same_page(conn, owner)
    storage.delete_owner(conn, owner)
    assert progress_cache.comparison(conn, owner, None).days_logged == 0


def test_a_restored_backup_with_older_timestamps_is_not_mistaken_for_the_cached_journal(conn):
    owner = "local"
    old = storage.Stamp(created_at=dt.datetime(2026, 1, 1), updated_at=dt.datetime(2026, 1, 1))
    days = [END - dt.timedelta(days=i) for i in range(14)]
    storage.save_checkins(conn, owner, [(d, checkin(leg_pain=6)) for d in days], stamps=[old] * 14)
    assert cached(conn, owner)[0].signs["pain"].recent == 6
    # Same days, same count, same timestamps: only the values differ.
    storage.save_checkins(
        conn, owner, [(d, checkin(leg_pain=3)) for d in days], replace=True, stamps=[old] * 14
    )
    assert cached(conn, owner)[0].signs["pain"].recent == 3


def test_a_changed_baseline_date_gets_its_own_comparison(conn):
    example.load_example(conn, "local", today=END)
    later = END - dt.timedelta(days=40)
    assert cached(conn, "local", later)[0] == fresh(conn, "local", later)[0]
    assert cached(conn, "local")[0] == fresh(conn, "local")[0]
    assert cached(conn, "local", later)[0].baseline_start == later


@pytest.mark.parametrize("days", [10, 84, 600], ids=["short", "example", "weekly points"])
def test_the_specs_drawn_pass_the_vega_lite_schema(conn, days):
    # Rendering skips Altair's schema check, so every shape of chart is checked here.
    from bench.support import journal_rows

    storage.save_checkins(conn, "local", journal_rows(END, days), today=END)
    _, specs = cached(conn, "local")
    for key, spec in specs.items():
        checked = {
            **spec,
            "datasets": {
                name: rows for name, rows in zip(spec["datasets"], chart_rows(spec), strict=True)
            },
        }
        alt.LayerChart.from_dict(checked, validate=True)
        assert spec["description"], key


def draw_both_ways(db: str) -> None:
    """A script drawing the pain chart with st.altair_chart, then from the cache."""
    import datetime as dt

    import streamlit as st

    from recovery import analysis, charts, storage
    from recovery.analysis.flares import flares_by_day, medicine_days
    from ui import progress_cache

    conn = storage.open_database(db)
    result = analysis.compare_signs(conn, "local")
    start, end = result.first_day, result.last_day
    series = analysis.sign_series(conn, "local", start, end)["pain"]
    chart = charts.sign_chart(
        "pain",
        series.frame,
        result.signs["pain"],
        domain=(start, end),
        granularity="day",
        flares=flares_by_day(conn, "local", start, end),
        medicines=medicine_days(conn, "local", start, end),
    )
    st.altair_chart(chart, width="stretch")
    specs = progress_cache.chart_specs(conn, "local", None, start, end)
    progress_cache.draw_chart(specs["pain"])
    progress_cache.draw_chart(specs["pain"])  # drawing does not spoil the cached spec
    conn.close()
    assert dt


def test_streamlit_receives_exactly_what_st_altair_chart_would_send(db_path):
    conn = storage.open_database(db_path)
    example.load_example(conn, "local", today=END)
    conn.close()
    app = AppTest.from_function(draw_both_ways, args=(str(db_path),), default_timeout=60)
    app.run()
    assert not app.exception
    native, first, again = (chart.proto for chart in app.get("vega_lite_chart"))
    for drawn in (first, again):
        assert drawn.spec == native.spec
        assert [(d.name, d.data.data) for d in drawn.datasets] == [
            (d.name, d.data.data) for d in native.datasets
        ]
        assert drawn.theme == native.theme
    assert json.loads(native.spec)["description"].startswith("Leg pain")
