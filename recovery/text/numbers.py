"""Counts and lists in words: '1 day', '3 days', 'leg pain, walking and sleep'."""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, word: str, many: str | None = None) -> str:
    """A count with its noun: '1 day', '3 days', '1,200 check-ins' (``many`` when not +s)."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def join_words(words: Sequence[str]) -> str:
    """A list in a sentence: 'a', 'a and b', 'a, b and c' ('' for none).

    A serial comma comes in when a word holds its own "and", so the last pair cannot be
    misread: 'walking, numbness and tingling, and sleep'.
    """
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    last = ", and " if len(words) > 2 and any(" and " in w for w in words) else " and "
    return ", ".join(words[:-1]) + last + words[-1]
