"""The open journal a page works on: the connection, whose rows it may see, and the mode."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from recovery import config


@dataclass(frozen=True)
class Journal:
    """An open journal, whose rows this visitor may see, and how the app is being used."""

    conn: duckdb.DuckDBPyConnection
    owner: str
    mode: config.Mode
