"""A visitor without a browser: Streamlit's own websocket messages, sent the way the page does.

Not a benchmark itself (``make bench`` runs bench/bench_*.py). Each visitor opens
``/_stcore/stream``, asks for a run of the page (a ``rerun_script`` BackMsg carrying the
address and the widgets' values), and reads the ForwardMsgs the server sends back until the
run finishes. No page is drawn, so timings measure the server alone: twenty of these cost
a fraction of one Chromium tab.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# A widget with a key has an id "$$ID-<hash>-<key>", a protobuf string: its length is the
# byte just before it (one byte, as every id here is shorter than 128).
_WIDGET_ID = re.compile(rb"\$\$ID-[0-9a-f]+-")
# Long enough for a first run on a busy machine; a hung server fails the benchmark.
REPLY_TIMEOUT_S = 120
CONFIRMED = re.compile(rb"(Saved|Updated) your check-in")
# A run that stops because another follows (st.navigation switching to the page): not the end.
_RERUN_FOLLOWS = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


@dataclass
class Visitor:
    """One visitor's websocket session with a running app."""

    url: str
    query_string: str = ""
    widget_ids: dict[str, str] = field(default_factory=dict)
    page_hash: str = ""
    socket: object = None

    async def connect(self) -> None:
        """Open the websocket, as the page does once it has loaded."""
        address = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.socket = await websockets.connect(
            address,
            subprotocols=["streamlit"],
            origin=self.url,
            max_size=None,
            open_timeout=120,
        )

    async def close(self) -> None:
        """Close the websocket (the server ends the session)."""
        await self.socket.close()

    async def run(self, states: list[object] | None = None) -> tuple[float, bool]:
        """One run of the page with these widget states: (ms until the confirmation arrived,
        or until the run finished when none did; whether one arrived)."""
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = self.page_hash
        rerun.context_info.timezone = "UTC"
        rerun.context_info.url = self.url + "/"
        for state in states or []:
            rerun.widget_states.widgets.append(state)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        confirmed_ms = None
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), REPLY_TIMEOUT_S)
            if confirmed_ms is None and CONFIRMED.search(raw):
                confirmed_ms = (time.perf_counter() - started) * 1000
            for found in _WIDGET_ID.finditer(raw):
                start = found.start()
                ident = raw[start : start + raw[start - 1]].decode()
                self.widget_ids[ident[found.end() - start :]] = ident
            reply = ForwardMsg()
            reply.ParseFromString(raw)
            kind = reply.WhichOneof("type")
            if kind == "page_info_changed":
                # The app put the journal's link in the address: the next run sends it back.
                self.query_string = reply.page_info_changed.query_string
            elif kind == "navigation" and reply.navigation.page_script_hash:
                self.page_hash = reply.navigation.page_script_hash
            elif kind == "script_finished" and reply.script_finished != _RERUN_FOLLOWS:
                if confirmed_ms is None:
                    return (time.perf_counter() - started) * 1000, False
                return confirmed_ms, True

    def state(self, key: str) -> object:
        """An empty WidgetState for the widget with this key (seen in an earlier run)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        widget = WidgetState()
        widget.id = self.widget_ids[key]
        return widget

    def answers(self, values: dict[str, object]) -> list[object]:
        """Widget states answering the check-in: 0-10 taps and numbers, by column."""
        states = []
        for column, value in values.items():
            key = f"ci_{column}"
            if key not in self.widget_ids:
                continue  # folded away and never drawn: its value stays as loaded
            widget = self.state(key)
            if isinstance(value, float):
                widget.double_value = value
            else:
                widget.string_array_value.data.append(str(value))
            states.append(widget)
        return states

    def pick_day(self, day: dt.date) -> list[object]:
        """The date field changed to ``day``."""
        widget = self.state("ci_date")
        widget.string_array_value.data.append(day.isoformat())
        return [widget]

    def save_click(self) -> object:
        """A click on "Save check-in"."""
        widget = self.state("ci_save")
        widget.trigger_value = True
        return widget
