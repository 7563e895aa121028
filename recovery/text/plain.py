"""Text from people and files, shown as typed: never read as Markdown, HTML or a link.

Streamlit reads text in messages and tables as Markdown. A note such as ``![x](http://host/p)``
would make every browser that shows it fetch that address (leaking who looked, and when),
and ``[see](http://...)`` would put a live link inside the app. Every ASCII punctuation mark
gets a backslash, which Markdown shows as the mark itself. Streamlit also turns bare
addresses, e-mail addresses and ``:shortcode:`` words into links and icons *after* escapes are
read, so those get an invisible zero-width space where the pattern would start.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
ZERO_WIDTH = "\u200b"
_ADDRESS_STARTS = re.compile(r"(?i)(https?|ftp|www)(?=[:.])|(@)|(:)(?=[\w/+-]+:)")


def plain(value: object) -> str:
    """``value`` as text that Markdown shows exactly as written (newlines become spaces)."""
    words = " ".join(str(value).split())
    broken = _ADDRESS_STARTS.sub(lambda m: m.group(0) + ZERO_WIDTH, words)
    return _MARKS.sub(r"\\\1", broken)
