"""The words of "What helps me": links, never causes, and how to test a factor properly."""

from __future__ import annotations

import datetime as dt

from recovery.analysis import helps, helps_plan
from recovery.analysis.helps_stats import MIN_DAYS
from recovery.text.numbers import plural

INTRO = (
    "Here your leg pain, flare-ups and sleep are compared between days with and without "
    "something you logged, on the same day and the next day, over the last "
    f"{helps.WINDOW_DAYS} days. A link found this way is not proof that one thing causes "
    "the other: other things may differ on those days. While you recover, pain and habits "
    "change together, so each comparison allows for the overall trend of your last "
    f"{helps.WINDOW_DAYS} days (a straight line) before comparing. Because many "
    "comparisons are made at once, some would look striking by chance alone, so each is "
    "corrected for that (Holm's method) before it is marked as a link."
)
HOW_TO_TEST = (
    "The fair way to test one thing is a planned on/off schedule: do it some weeks and not "
    "others, chosen in advance, and compare. Such personal trials are practical and help "
    "people and their clinicians decide together (Kravitz et al., JAMA Internal Medicine "
    "2018). Talk to your clinician before stopping anything they advised."
)
NO_LINKS = (
    "No clear link yet: no difference is bigger than the ups and downs of your days, once "
    "corrected for the number of comparisons."
)
OUTCOME_WORDS = {
    # (what, unit singular, unit plural, word when smaller, word when bigger)
    "leg_pain": ("leg pain", "point", "points", "lower", "higher"),
    "pain_episodes": ("flare-ups", "", "", "fewer", "more"),
    "sleep_quality": ("sleep quality", "point", "points", "lower", "higher"),
}
OUTCOME_NAMES = {key: words[0].capitalize() for key, words in OUTCOME_WORDS.items()}
LAG_NAMES = {0: "same day", 1: "next day"}
LINK_NOT_PROOF = "This is a link, not proof: other things may differ on those days."


def _days(link: helps.Link, factor: helps.Factor) -> str:
    phrase = factor.next_day if link.lag else factor.same_day
    return phrase[0].upper() + phrase[1:]


def _amount(value: float, outcome: str, word: str) -> str:
    _, one, many, _, _ = OUTCOME_WORDS[outcome]
    size = abs(value)
    if outcome == "pain_episodes":
        return f"{size:.1f} {word} a day"
    return f"{size:.1f} {one if round(size, 1) == 1 else many} {word}"


def link_sentence(link: helps.Link, factor: helps.Factor) -> str:
    """One comparison in words, never as a cause; or why it was not made."""
    what, *_, smaller, bigger = OUTCOME_WORDS[link.outcome]
    if link.difference is None:
        return not_enough_days(link, factor)
    assert link.low is not None and link.high is not None
    if round(link.difference, 1) == 0:
        return f"{_days(link, factor)}, {what} was about the same as on other days."
    word = smaller if link.difference < 0 else bigger
    # The interval in the direction of the sentence: "1.2 lower (0.4 to 2.0)".
    sign = -1 if link.difference < 0 else 1
    ends = sorted((sign * link.low, sign * link.high))
    verb = "were" if link.outcome == "pain_episodes" else "was"
    return (
        f"{_days(link, factor)}, {what} {verb} {_amount(link.difference, link.outcome, word)} "
        f"({ends[0]:.1f} to {ends[1]:.1f}) than on other days."
    )


def not_enough_days(link: helps.Link, factor: helps.Factor) -> str:
    """The counts, and that at least MIN_DAYS on each side are needed."""
    return (
        f"{factor.label}, {OUTCOME_WORDS[link.outcome][0]} ({LAG_NAMES[link.lag]}): not "
        f"enough days yet ({link.days_with} with, {link.days_without} without; "
        f"{MIN_DAYS} of each are needed)."
    )


def interval_text(link: helps.Link) -> str:
    """The 95 % interval as "low to high", or an empty string when not compared."""
    if link.low is None or link.high is None:
        return ""
    return f"{link.low:+.1f} to {link.high:+.1f}"


def plan_offer(factor: helps.Factor) -> str:
    """What a 4-week plan of this factor asks."""
    return (
        f"For 4 weeks, {factor.plan_do} in weeks 1 and 4 and not in weeks 2 and 3 (this "
        "order keeps a steady recovery from favouring either side). Keep checking in "
        "every day; after the 4 weeks the on-weeks are compared with the off-weeks."
    )


def this_week(plan: helps_plan.Plan, today: dt.date) -> str:
    """The plan's instruction for today's week, or where the plan stands."""
    factor = helps.FACTORS_BY_KEY[plan.factor]
    on = plan.is_on(today)
    if on is None:
        if today < plan.start:
            return f"Your plan starts on {plan.start:%A %d %B}."
        return "Your 4-week plan is over."
    week = (plan.week(today) or 0) + 1
    return f"Week {week} of 4. This week: {factor.plan_do if on else 'skip it'}" + (
        "." if on else f" (no need to {factor.plan_do})."
    )


def schedule_lines(plan: helps_plan.Plan) -> list[str]:
    """One line per week: its dates and whether to do it or skip it."""
    factor = helps.FACTORS_BY_KEY[plan.factor]
    lines = []
    for number, (first, on) in enumerate(helps_plan.schedule(plan), start=1):
        last = first + dt.timedelta(days=6)
        what = f"do it ({factor.plan_do})" if on else "skip it"
        lines.append(f"Week {number}, {first:%d %b} to {last:%d %b}: {what}")
    return lines


def plain_report(found: list[helps.Link]) -> str:
    """Every comparison in words for the command line, links first and marked."""
    lines = [INTRO, ""]
    for link in found:
        factor = helps.factor_of(link)
        lines.append(("LINK  " if link.flagged else "      ") + link_sentence(link, factor))
    lines += ["", LINK_NOT_PROOF, HOW_TO_TEST]
    return "\n".join(lines) + "\n"


PLAN_CAVEAT = (
    "A planned test is fairer than comparing days, but it is still one person's four weeks: "
    "talk the result over with your clinician before changing what you do."
)


def plan_sentence(link: helps.Link) -> str:
    """A finished plan's result for one outcome: on-weeks against off-weeks."""
    what, *_, smaller, bigger = OUTCOME_WORDS[link.outcome]
    if link.difference is None or link.low is None or link.high is None:
        return (
            f"{what.capitalize()}: not enough days logged ({link.days_with} in the on-weeks, "
            f"{link.days_without} in the off-weeks; {MIN_DAYS} of each are needed)."
        )
    word = smaller if link.difference < 0 else bigger
    sign = -1 if link.difference < 0 else 1
    ends = sorted((sign * link.low, sign * link.high))
    verb = "were" if link.outcome == "pain_episodes" else "was"
    verdict = (
        "bigger than your usual ups and downs"
        if link.flagged
        else "within your usual ups and downs"
    )
    return (
        f"In the on-weeks, {what} {verb} {_amount(link.difference, link.outcome, word)} "
        f"({ends[0]:.1f} to {ends[1]:.1f}) than in the off-weeks: {verdict}."
    )


def more_links(count: int) -> str:
    """How many links are left for the table."""
    return f'And {plural(count, "more link")}: those marked "yes" in the table of every comparison.'
