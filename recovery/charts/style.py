"""How every chart looks: the colour-blind-safe palette, sizes and text colours per theme.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common kinds of
colour blindness and reads on light and dark backgrounds; colour is never the only cue (lines
differ in dash, verdicts carry words and icons).
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery.analysis.rules import Verdict
from recovery.text.verdicts import VERDICT_LABELS

# Okabe-Ito colours (Okabe and Ito, "Color Universal Design", 2008).
BLUE = "#0072B2"
VERMILLION = "#D55E00"
BLUISH_GREEN = "#009E73"
GREY = "#8C8C8C"
REDDISH_PURPLE = "#CC79A7"

# Streamlit's two theme backgrounds, which every chart colour is checked against.
LIGHT_BACKGROUND = "#FFFFFF"
DARK_BACKGROUND = "#0E1117"

# Marks (points, lines, bars) are mid-tones with at least 3:1 contrast on both backgrounds
# (WCAG's rule for graphics): grey days under a blue trend line, so the line stands out
# without relying on hue.
POINT_COLOUR = GREY
TREND_COLOUR = BLUE
BASELINE_COLOUR = GREY
TARGET_COLOUR = BLUISH_GREEN
FLARE_COLOUR = VERMILLION  # days with flare-ups logged, drawn as triangles on the pain chart
MEDICINE_COLOUR = REDDISH_PURPLE  # days a medicine was taken, ticks along the pain chart's top
BASELINE_DASH = [6, 4]
TARGET_DASH = [2, 3]
CHART_HEIGHT = 170
# Vega-Lite's own sizes for axis labels and titles, and ours for the reference-line labels;
# ``text_scale`` multiplies them (a kiosk is read from a step away).
AXIS_LABEL_SIZE = 10
AXIS_TITLE_SIZE = 11
REFERENCE_LABEL_SIZE = 11
CHART_TITLE_SIZE = 13


@dataclass(frozen=True)
class TextColours:
    """Colours of words drawn inside a chart, for one theme: at least 4.5:1 on its background.

    No single colour reaches 4.5:1 on both white and Streamlit's near-black, so chart text
    follows the theme the page is shown in (the PDF uses the light one).
    """

    body: str  # values and plain labels
    baseline: str  # the baseline line's label, a grey like its line
    target: str  # the improvement line's label, a green like its line


LIGHT_TEXT = TextColours(body="#31333F", baseline="#5E5E5E", target="#007A5A")
DARK_TEXT = TextColours(body="#FAFAFA", baseline="#A6A6A6", target="#2BC999")


def text_colours(dark: bool = False) -> TextColours:
    """The chart text colours for the light or the dark theme."""
    return DARK_TEXT if dark else LIGHT_TEXT


@dataclass(frozen=True)
class VerdictStyle:
    """How a verdict looks: words, a Material icon, a hex colour and a Streamlit colour name."""

    label: str
    icon: str
    colour: str
    streamlit_colour: str


# (icon, hex colour, Streamlit colour name) per verdict; the words come from text.verdicts.
_VERDICT_LOOKS = {
    "improved": (":material/trending_up:", BLUE, "blue"),
    "looks_better": (":material/trending_up:", GREY, "gray"),
    "no_change": (":material/trending_flat:", GREY, "gray"),
    "worse": (":material/trending_down:", VERMILLION, "orange"),
    "insufficient_data": (":material/hourglass_empty:", GREY, "gray"),
}
VERDICT_STYLES: dict[str, VerdictStyle] = {
    verdict: VerdictStyle(VERDICT_LABELS[verdict], *look)
    for verdict, look in _VERDICT_LOOKS.items()
}


def verdict_style(verdict: Verdict) -> VerdictStyle:
    """The words, icon and colours for a verdict."""
    return VERDICT_STYLES[verdict]
