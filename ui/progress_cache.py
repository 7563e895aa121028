"""The Progress page's analysis and chart specs, cached per owner and journal version.

Two costs dominated a run of the page (bench/bench_progress_profile.py): Altair checking
every chart against the Vega-Lite JSON schema each time it was drawn, and rebuilding the
same comparison and charts on every rerun. Here the specs are built without that check
(tests/test_progress_cache.py validates them once against the schema and proves Streamlit
receives exactly what ``st.altair_chart`` would send), and both results are kept in a
process-wide cache whose key always holds the owner and ``storage.data_version``: a
fingerprint of the owner's rows that any write changes, whichever code path made it, so
no write path has to remember to clear anything and no visitor is ever served another
person's charts.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import altair as alt
import duckdb
import pandas as pd
import streamlit as st
from streamlit import dataframe_util
from streamlit.util import calc_hash

from recovery import analysis, charts, storage
from recovery.analysis import flares as flare_days
from recovery.analysis import helps
from recovery.signs import SIGNS

FLARE_SIGN = "pain"  # the sign whose chart marks logged flare-ups (leg pain)

# Enough for every visitor of a busy shared link to rerun the page from memory (each entry
# is at most a few hundred KiB of compact Arrow data), small enough to bound memory.
MAX_ENTRIES = 256

Spec = dict[str, Any]


class _LRU:
    """A small thread-safe least-recently-used cache (sessions run in threads)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: tuple, make: Callable[[], object]) -> object:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        # Built outside the lock: two sessions may both build it once; neither waits.
        value = make()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_CACHE = _LRU(MAX_ENTRIES)


def clear() -> None:
    """Forget every cached result (tests; never needed after a write)."""
    _CACHE.clear()


def comparison(
    conn: duckdb.DuckDBPyConnection, owner: str, baseline_start: dt.date | None
) -> analysis.Comparison:
    """``analysis.compare_signs`` for the owner, from the cache while the journal is unchanged."""
    version = storage.data_version(conn, owner)
    return _comparison(conn, owner, version, baseline_start)


def _comparison(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    version: tuple[object, ...],
    baseline_start: dt.date | None,
) -> analysis.Comparison:
    key = ("comparison", owner, version, baseline_start)
    return _CACHE.get_or_make(
        key, lambda: analysis.compare_signs(conn, owner, baseline_start=baseline_start)
    )


def chart_specs(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    baseline_start: dt.date | None,
    start: dt.date,
    end: dt.date,
    *,
    dark: bool = False,
    text_scale: float = 1.0,
) -> dict[str, Spec]:
    """Each sign's chart between two days as a ready Vega-Lite spec, cached like comparison.

    ``dark`` and ``text_scale`` are the theme's text colours and the kiosk's larger type.
    """
    version = storage.data_version(conn, owner)

    def build() -> dict[str, Spec]:
        result = _comparison(conn, owner, version, baseline_start)
        series = analysis.sign_series(conn, owner, start, end)
        # Flare-ups logged as they happened, and medicine days, are marked on the leg-pain chart.
        logged = flare_days.flares_by_day(conn, owner, start, end)
        taken = flare_days.medicine_days(conn, owner, start, end)
        specs = {}
        for the_sign in SIGNS:
            one = series[the_sign.key]
            chart = charts.sign_chart(
                the_sign.key,
                one.frame,
                result.signs[the_sign.key],
                domain=(start, end),
                granularity=one.granularity,
                dark=dark,
                text_scale=text_scale,
                flares=logged if the_sign.key == FLARE_SIGN else None,
                medicines=taken if the_sign.key == FLARE_SIGN else None,
            )
            specs[the_sign.key] = vega_lite_spec(chart)
        return specs

    key = ("charts", owner, version, baseline_start, start, end, dark, text_scale)
    return _CACHE.get_or_make(key, build)


def _name_datasets(chart: Any, datasets: dict[str, bytes]) -> None:
    """Swap each layer's DataFrame for a named dataset holding its Arrow bytes, in place."""
    if isinstance(getattr(chart, "data", None), pd.DataFrame):
        # The same Arrow bytes and content-hash name st.altair_chart gives the frame.
        data = dataframe_util.convert_anything_to_arrow_bytes(chart.data)
        name = calc_hash(data)
        datasets[name] = data
        chart.data = alt.NamedData(name=name)
    for layer in getattr(chart, "layer", None) or []:
        _name_datasets(layer, datasets)


def vega_lite_spec(chart: alt.TopLevelMixin) -> Spec:
    """The spec st.altair_chart would send for ``chart``, built without schema validation.

    Altair's default theme, data transformers and validation are all skipped: the data is
    named here (global transformers are shared by every session's thread, so they are not
    touched), and the charts' builders are validated once, in the tests. ``chart`` is
    consumed (its data is replaced by names).
    """
    datasets: dict[str, bytes] = {}
    _name_datasets(chart, datasets)
    # top_level=False leaves out the theme's defaults, as Streamlit does with its "none".
    spec = chart.to_dict(validate=False, context={"top_level": False})
    spec["$schema"] = alt.SCHEMA_URL
    spec["datasets"] = datasets
    return spec


def draw_chart(spec: Spec) -> None:
    """Draw a cached spec across the page's width (a copy: Streamlit edits its top level)."""
    st.vega_lite_chart(dict(spec), width="stretch")


def helps_links(conn: duckdb.DuckDBPyConnection, owner: str, today: dt.date) -> list[helps.Link]:
    """``helps.what_helps`` for the owner, from the cache while the journal is unchanged."""
    version = storage.data_version(conn, owner)
    key = ("helps", owner, version, today)
    return _CACHE.get_or_make(key, lambda: helps.what_helps(conn, owner, today))
