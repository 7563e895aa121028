"""The verdicts in words: the one place their labels are written."""

from __future__ import annotations

VERDICT_LABELS: dict[str, str] = {
    "improved": "Improving",
    "looks_better": "Looks better",
    "no_change": "No clear change",
    "worse": "Getting worse",
    "insufficient_data": "Not enough data yet",
}
