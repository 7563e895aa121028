"""What the app calls "a good level" for each sign: its own convention, not a medical norm.

No validated cut-off says when a home rating is "good enough", so Seven Signs uses these
round numbers, shown on the recovery guide page and labelled as the app's convention. They
apply to a mean over several days of the sign's primary measure.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery.signs import SIGNS, Sign, sign


@dataclass(frozen=True)
class GoodLevel:
    """The level of a sign's primary measure the app treats as good."""

    sign_key: str
    value: float

    @property
    def sign(self) -> Sign:
        """The registry sign this level belongs to."""
        return sign(self.sign_key)

    @property
    def column(self) -> str:
        """The check-in column the level applies to."""
        return self.sign.primary.column

    def is_good(self, mean: float | None) -> bool:
        """True when a mean of the primary measure is at or beyond the good level."""
        if mean is None:
            return False
        if self.sign.primary.better == "lower":
            return mean <= self.value
        return mean >= self.value

    def describe(self) -> str:
        """The rule in words: 'Leg pain 2 or less (0-10)'."""
        measure = self.sign.primary
        comparison = "or less" if measure.better == "lower" else "or more"
        number = f"{self.value:g}"
        if measure.kind == "scale":
            return f"{measure.label} {number} {comparison} on the 0-10 scale"
        if measure.column == "pain_episodes":
            return f"At most {number} flare-up a day on average"
        return f"{measure.label} {number} {measure.unit} {comparison}"


# Keyed by sign key; a test checks every sign in the registry has exactly one.
_LEVELS: dict[str, float] = {
    "pain": 2,  # leg pain: mild at most (0 reads as recovered, Kamper 2010)
    "episodes": 1,  # at most one flare-up a day on average
    "motion": 8,  # bending and getting up nearly as easy as before
    "walking": 30,  # half an hour of walking without being stopped by the leg
    "numbness": 2,  # faint tingling at most
    "strength": 8,  # the leg nearly as strong as before
    "sleep": 7,  # sleeping well most nights
}

GOOD_LEVELS: dict[str, GoodLevel] = {s.key: GoodLevel(s.key, float(_LEVELS[s.key])) for s in SIGNS}
