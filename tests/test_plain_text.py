"""Notes, file cells and file names are shown as typed, never as Markdown, HTML or links."""

import datetime as dt
import re

import pytest

from recovery import storage
from recovery.text.plain import ZERO_WIDTH, plain
from tests.conftest import TODAY, checkin
from tests.support import as_shown, choose_row, shown_table

CRAFTED = [
    "![x](http://203.0.113.9/p.png)",
    "[see](http://203.0.113.9/page)",
    "<img src=http://203.0.113.9/p.png>",
    "visit www.example.org or mail me@example.org",
    ":red[alarm] :material/warning: $x^2$ **bold** `code` # heading",
]


@pytest.mark.parametrize("note", CRAFTED)
def test_markup_is_escaped_and_reads_back_as_typed(note):
    shown = plain(note)
    # No unescaped character that starts Markdown, HTML or a directive is left.
    assert not re.search(r"(?<!\\)[!\[\]()<>`*$#:]", shown.replace(ZERO_WIDTH, ""))
    # Bare addresses are broken where a link would start.
    for start in ("http", "www", "@"):
        if start in note:
            assert start + ZERO_WIDTH in shown
    assert as_shown(shown).replace(ZERO_WIDTH, "") == note


def test_a_note_in_history_is_shown_escaped(app, db_path):
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, "local", TODAY - dt.timedelta(days=1), checkin(notes=CRAFTED[0]))
    conn.close()
    app.run()
    app.switch_page("pages/history.py").run()
    choose_row(app, 0)
    table = app.table[0].value
    assert "![" not in table.loc["Notes", "Answer"]
    assert as_shown(shown_table(table).loc["Notes", "Answer"]).replace(ZERO_WIDTH, "") == CRAFTED[0]
