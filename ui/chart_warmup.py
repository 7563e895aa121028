"""A chart nobody sees, drawn just after the check-in is ready, so the first Progress is quick.

The first chart of a browser tab pays for loading and compiling the chart library (Vega):
about a third of the first click on Progress (bench/bench_progress_browser.py). Drawing
one small made-up chart, hidden, while the person reads the check-in moves that cost out
of the click. It is drawn a moment after the page, not with it: drawn with it, the
library's loading delayed the check-in itself by 300 ms or more. It holds no one's data, is
hidden from screen readers (visibility: hidden) and takes no room on the page.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from recovery import charts
from recovery.analysis.compare import SignResult
from ui.progress_cache import Spec, draw_chart, vega_lite_spec

KEY = "chart_warmup"
_DONE = "chart_warmup_done"
# After the check-in is drawn (about 0.6 s after the server's run on this machine; sooner,
# and the library's loading competed with it), before a person's first click elsewhere.
DELAY_SECONDS = 1.0

# Out of the page's flow and out of sight, but laid out at a real width: a chart of no
# width is never drawn, and then nothing is warmed.
_CSS = f"""
<style>
.st-key-{KEY} {{
  position: absolute; left: -10000px; top: 0; width: 320px;
  visibility: hidden; pointer-events: none;
}}
</style>
"""


@functools.cache
def warmup_spec() -> Spec:
    """A pain chart of two made-up weeks: the same kinds of layers as Progress draws."""
    start = dt.date(2000, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(14)]
    values = [6.0 - n * 0.25 for n in range(14)]
    frame = pd.DataFrame(
        {"day": days, "value": values, "trend": pd.Series(values).rolling(7, 3).mean()}
    )
    result = SignResult(
        key="pain",
        verdict="improved",
        baseline=5.2,
        recent=3.2,
        change=-2.0,
        change_pct=-38.0,
        n_baseline=7,
        n_recent=7,
        sentence="",
        target=3.9,
    )
    chart = charts.sign_chart("pain", frame, result, domain=(days[0], days[-1]))
    return vega_lite_spec(chart)


def draw() -> None:
    """Once per visit: the hidden chart, DELAY_SECONDS after the page has been drawn."""
    if st.session_state.get(_DONE):
        return
    st.html(_CSS)
    st.fragment(run_every=DELAY_SECONDS)(_draw_later)()


def _draw_later() -> None:
    """Nothing on the page's own run; the chart on the first timed run, then no more runs."""
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.fragment_ids_this_run:
        return
    with st.container(key=KEY):
        draw_chart(warmup_spec())
    st.session_state[_DONE] = True
    # The timer would go on asking the server for a run every DELAY_SECONDS until the
    # page's next full run: stop it now, as Streamlit does for a fragment that is gone.
    stop = ForwardMsg()
    stop.stop_auto_rerun.fragment_ids.extend(ctx.fragment_ids_this_run)
    ctx.enqueue(stop)
