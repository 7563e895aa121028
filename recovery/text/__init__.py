"""Short texts shared by every page: the reminder, the urgent-care message, date wording."""

from __future__ import annotations

import datetime as dt

from recovery.text.numbers import join_words

APP_NAME = "Seven Signs"
TAGLINE = "Track the seven signs that sciatica is getting better, one short check-in a day."

DISCLAIMER = (
    "Seven Signs is for education and tracking only. It is not medical advice and does not "
    "replace a clinician: see one for diagnosis and treatment. Any red-flag symptom means "
    "urgent care."
)

URGENT_TITLE = "Get urgent medical help now"
# No sources inside the emergency text: nothing should slow down reading it. They are cited
# beside the safety questions instead (RED_FLAG_SOURCES).
URGENT_MESSAGE = (
    "What you ticked can mean that the nerves at the base of the spine are being squeezed, "
    "or another problem that needs a doctor today. Do not wait to see whether it settles."
)
URGENT_ACTION = "Go to an emergency department now, or call {number}."
URGENT_NO_NUMBER = "your local emergency number"
URGENT_KIOSK = "Tell the reception desk now."

KIOSK_NOTICE = (
    ":material/storefront: **Demonstration**: an example recovery, not a real person's "
    "journal. Try a check-in or look around; nothing you enter is kept."
)

RED_FLAG_INTRO = (
    "Tick anything that is new for you. These symptoms are rare, but each one needs urgent care."
)
RED_FLAG_SOURCES = (
    "Why these matter: pressure on the bundle of nerves at the base of the spine (cauda "
    "equina syndrome) is rare, but must be checked the same day. Sources: NICE Clinical "
    "Knowledge Summaries, Sciatica (lumbar radiculopathy); BMJ Best Practice, Cauda equina "
    "syndrome."
)

CHECKIN_INTRO = "Answer for the last 24 hours: tap a number for each question, then Save."
CHECKIN_UNANSWERED = "Nothing was saved. These questions still need an answer:"
SAVED_WITH_UNANSWERED = (
    "Your safety answers are saved first. These questions are not answered yet: answer them "
    "when you can and save again."
)
SAFETY_NOT_SAVED = (
    "You changed a safety answer after saving. Your saved check-in for {day} does not "
    "include it yet."
)
SAVE_SAFETY = "Save it to this check-in"
SAME_AS_LAST = "Same as {when}: save it"
SAME_AS_LAST_HELP = (
    "Saves {day} with exactly the answers of your last check-in ({last}). "
    "Nothing new to report? One tap and you are done."
)


def long_date(day: dt.date) -> str:
    """A date as people read it: 'Monday 23 November 2026'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def days_ago(day: dt.date, today: dt.date | None = None) -> str:
    """How long ago a day was, in words: 'today', 'yesterday', '5 days ago'."""
    delta = ((today or dt.date.today()) - day).days
    # A day ahead of "today" (a server clock behind the visitor's) still reads naturally.
    if delta <= 0:
        return "today"
    if delta == 1:
        return "yesterday"
    return f"{delta} days ago"


def already_answered(labels: list[str]) -> str:
    """The title of the folded questions that already have an answer: 'Already answered: ...'."""
    return "Already answered: " + join_words([label.lower() for label in labels])
