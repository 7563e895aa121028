"""Chart builders: the seven signs' charts, the recovery guide's charts and their shared look."""

from recovery.charts.guide import exercise_chart, residual_chart
from recovery.charts.signs import sign_chart
from recovery.charts.style import (
    DARK_BACKGROUND,
    DARK_TEXT,
    LIGHT_BACKGROUND,
    LIGHT_TEXT,
    VERDICT_STYLES,
    TextColours,
    VerdictStyle,
    text_colours,
    verdict_style,
)

__all__ = [
    "DARK_BACKGROUND",
    "DARK_TEXT",
    "LIGHT_BACKGROUND",
    "LIGHT_TEXT",
    "VERDICT_STYLES",
    "TextColours",
    "VerdictStyle",
    "exercise_chart",
    "residual_chart",
    "sign_chart",
    "text_colours",
    "verdict_style",
]
