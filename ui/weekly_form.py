"""The check-in's weekly section: four symptoms twice on 0-6, and the person's own activities.

Folded until opened, and its widgets are drawn only while it is open (as fields.folded does),
so the daily check-in stays as fast as before. It has its own Save button: the daily answers
and the weekly ones are saved, and confirmed, separately.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from recovery import storage, text
from recovery.analysis import weekly as scores
from recovery.signs import weekly as items
from recovery.storage import preferences
from recovery.text import weekly as words
from recovery.text.numbers import plural
from recovery.validation import ValidationError
from ui import allowance, app_config, storage_problems
from ui.journal import Journal

SECTION_KEY = "ci_weekly"
SAVE_KEY = "ci_wk_save"
FLASH_KEY = "ci_wk_flash"
_SCALE = tuple(range(items.SCALE_MAX + 1))
_RATING = tuple(range(items.RATING_MAX + 1))


def answer_key(item: str, scale: str) -> str:
    """The session-state key of one weekly answer (tests find widgets by it)."""
    return f"ci_wk_{item}_{scale}"


def rating_key(activity_id: int) -> str:
    """The session-state key of one activity's rating this week."""
    return f"ci_wk_activity_{activity_id}"


def _answer_keys() -> list[str]:
    return [answer_key(i.key, s.key) for i in items.ITEMS for s in items.SCALES]


def own_activities(journal: Journal) -> list[storage.Activity]:
    """The person's own activities: the example recovery's are made up, never rated here."""
    return storage.activities(journal.conn, journal.owner, skip_batch=storage.EXAMPLE_BATCH)


def _problems(error: ValidationError) -> str:
    return "\n".join(f"- {p.message}" for p in error.problems)


def _save(journal: Journal, today: dt.date, active: list[storage.Activity]) -> None:
    """Save what the section holds; a plain message either way."""
    answers = {
        item.key: {s.key: st.session_state.get(answer_key(item.key, s.key)) for s in items.SCALES}
        for item in items.ITEMS
    }
    ratings = {
        a.activity_id: st.session_state[rating_key(a.activity_id)]
        for a in active
        if st.session_state.get(rating_key(a.activity_id)) is not None
    }
    if not allowance.may_write(journal):
        return
    try:
        saved = storage.save_weekly(journal.conn, journal.owner, today, answers, ratings)
    except ValidationError as error:
        st.warning("Nothing was saved.\n\n" + _problems(error), icon=":material/rule:")
        return
    except storage.StorageError as error:
        storage_problems.show(error)
        return
    for key in [*_answer_keys(), *(rating_key(a.activity_id) for a in active)]:
        st.session_state.pop(key, None)
    st.session_state[FLASH_KEY] = confirmation(journal, saved)
    st.session_state.pop("ci_wk_loaded_for", None)
    st.rerun()


def confirmation(journal: Journal, saved: storage.WeeklySave) -> str:
    """What a weekly save stored, in words, with the totals it gives."""
    parts = [plural(saved.answers, "symptom") if saved.answers else "", ""]
    if saved.ratings:
        parts[1] = plural(saved.ratings, "activity rating")
    what = " and ".join(p for p in parts if p)
    summary = scores.weekly_summary(journal.conn, journal.owner)
    totals = [
        f"{t.title.lower()} {t.latest:g} of 24"
        for t in (summary.sbi, summary.sfi)
        if t.points and t.points[-1][0] == saved.day
    ]
    line = f"Saved your weekly answers for {text.long_date(saved.day)}: {what}."
    if totals:
        line += " This week's totals: " + ", ".join(totals) + "."
    else:
        line += " A total needs all four symptoms answered on one scale."
    return line


def _new_activity(journal: Journal, today: dt.date) -> None:
    """A box to name one more activity (while fewer than three are followed)."""
    if app_config.mode_or_none() == "kiosk":  # a kiosk invites no personal text
        return
    name = st.text_input(
        "Name an activity the sciatica makes hard (optional)",
        key="ci_wk_new_name",
        max_chars=items.ACTIVITY_NAME_MAX,
        placeholder="for example: put on socks",
    )
    if st.button("Add this activity", key="ci_wk_add", icon=":material/add:"):
        if not allowance.may_write(journal):
            return
        try:
            added = storage.add_activity(journal.conn, journal.owner, name, today)
        except ValidationError as error:
            st.warning("Nothing was added.\n\n" + _problems(error), icon=":material/rule:")
            return
        except storage.StorageError as error:
            storage_problems.show(error)
            return
        st.session_state.pop("ci_wk_new_name", None)
        st.session_state["ci_wk_activity_flash"] = f"Added “{added.name}”. Rate it below."
        st.rerun()


def manage_activities(journal: Journal, today: dt.date, prefix: str = "ci_wk") -> None:
    """Rename or retire one of the active activities; ratings stay with the activity."""
    active = [a for a in own_activities(journal) if a.active]
    if not active:
        return
    names = {a.activity_id: a.name for a in active}
    chosen = st.selectbox(
        "Rename or retire an activity",
        list(names),
        format_func=names.get,
        key=f"{prefix}_manage",
    )
    new_name = st.text_input("New name", key=f"{prefix}_rename_to", max_chars=60)
    rename, retire = st.columns(2)
    if rename.button("Rename", key=f"{prefix}_rename", width="stretch"):
        with storage_problems.guarded():
            try:
                cleaned = storage.rename_activity(journal.conn, journal.owner, chosen, new_name)
            except ValidationError as error:
                st.warning("Nothing was renamed.\n\n" + _problems(error), icon=":material/rule:")
                return
            st.session_state.pop(f"{prefix}_rename_to", None)
            st.session_state["ci_wk_activity_flash"] = (
                f"Renamed “{names[chosen]}” to “{cleaned}”; its ratings stay with it."
            )
            st.rerun()
    if retire.button("Retire", key=f"{prefix}_retire", width="stretch"):
        with storage_problems.guarded():
            storage.retire_activity(journal.conn, journal.owner, chosen, today)
            st.session_state["ci_wk_activity_flash"] = (
                f"Retired “{names[chosen]}”: it is no longer asked, and its ratings are kept."
            )
            st.rerun()


def _questions(journal: Journal, today: dt.date) -> None:
    st.write(words.INTRO)
    for item in items.ITEMS:
        for scale in items.SCALES:
            st.segmented_control(
                scale.question.format(symptom=item.symptom),
                _SCALE,
                key=answer_key(item.key, scale.key),
                width="stretch",
            )
            st.caption(words.scale_caption(scale))
    st.markdown("**Your own activities**")
    st.caption(words.ACTIVITIES_INTRO)
    if "ci_wk_activity_flash" in st.session_state:
        st.success(st.session_state.pop("ci_wk_activity_flash"), icon=":material/check_circle:")
    active = [a for a in own_activities(journal) if a.active]
    for activity in active:
        st.segmented_control(
            f"{activity.name}: {items.ACTIVITY_QUESTION}",
            _RATING,
            key=rating_key(activity.activity_id),
            width="stretch",
        )
        st.caption(" · ".join(items.ACTIVITY_ANCHORS))
    if len(active) < items.MAX_ACTIVITIES:
        _new_activity(journal, today)
    manage_activities(journal, today)
    if st.button("Save weekly answers", key=SAVE_KEY, type="primary", width="stretch"):
        _save(journal, today, active)


def _load_today(journal: Journal, today: dt.date) -> None:
    """Start the section from today's saved answers (once a session, so taps are kept)."""
    if st.session_state.get("ci_wk_loaded_for") == today:
        return
    st.session_state["ci_wk_loaded_for"] = today
    for row in storage.weekly_answers(journal.conn, journal.owner):
        if row["day"] == today:
            for scale in items.SCALE_KEYS:
                st.session_state[answer_key(row["item"], scale)] = row[scale]
    for row in storage.activity_ratings(journal.conn, journal.owner):
        if row["day"] == today:
            st.session_state[rating_key(row["activity_id"])] = row["rating"]


def draw(journal: Journal, today: dt.date) -> None:
    """The weekly section when it is due (or just saved); nothing otherwise."""
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY), icon=":material/check_circle:")
        return
    last = storage.last_weekly_day(journal.conn, journal.owner)
    due = items.due_on(last, today, storage.weekly_day(journal.conn, journal.owner))
    if not due and last != today:
        return
    if not due:
        _load_today(journal, today)  # answered today: offered again, to change them
    title = words.SECTION_TITLE if due else words.CHANGE_TITLE
    section = st.expander(title, key=SECTION_KEY, on_change="rerun")
    if section.open:
        with section, st.container(key="ci_wk_questions"):
            _questions(journal, today)
        return
    # Streamlit forgets a widget's value once it is not drawn: keep the answers while folded.
    ratings = [k for k in st.session_state if str(k).startswith("ci_wk_activity_")]
    for key in [*_answer_keys(), *ratings, "ci_wk_new_name"]:
        if key in st.session_state and not str(key).endswith("_flash"):
            st.session_state[key] = st.session_state[key]


_ANY_DAY = -1


def _day_label(day: int) -> str:
    return "Any day, 7 days after the last answers" if day == _ANY_DAY else items.WEEKDAYS[day]


@storage_problems.in_callback
def _keep_day(journal: Journal) -> None:
    chosen = st.session_state["data_wk_day"]
    if allowance.may_write(journal):
        preferences.set_setting(journal.conn, journal.owner, items.WEEKDAY_SETTING, str(chosen))
        st.session_state["data_wk_day_flash"] = (
            "The weekly questions will come on the check-in 7 days after your last answers."
            if chosen == _ANY_DAY
            else f"The weekly questions will come on the first check-in of each "
            f"{items.WEEKDAYS[chosen]}."
        )


def weekday_choice(journal: Journal) -> None:
    """Your data's choice of the day of the week for the weekly questions."""
    chosen = storage.weekly_day(journal.conn, journal.owner)
    st.selectbox(
        "Day for the weekly questions",
        [_ANY_DAY, *range(7)],
        index=0 if chosen is None else chosen + 1,
        format_func=_day_label,
        key="data_wk_day",
        on_change=_keep_day,
        args=(journal,),
    )
    if "data_wk_day_flash" in st.session_state:
        st.success(st.session_state.pop("data_wk_day_flash"), icon=":material/check_circle:")


def activities_on_data_page(journal: Journal, today: dt.date) -> None:
    """Your data's day for the weekly questions, and the person's own activities, to rename
    or retire any week."""
    st.subheader("Weekly questions and your activities", anchor=False)
    weekday_choice(journal)
    own = own_activities(journal)
    if not own:
        st.caption(
            "None yet. When the weekly questions are due, the daily check-in asks you to "
            "name up to three activities the sciatica makes hard, and to rate them each week."
        )
        return
    if "ci_wk_activity_flash" in st.session_state:
        st.success(st.session_state.pop("ci_wk_activity_flash"), icon=":material/check_circle:")
    st.markdown(
        "\n".join(
            f"- {a.name}" + (f" (retired {text.long_date(a.retired)})" if a.retired else "")
            for a in own
        )
    )
    manage_activities(journal, today, prefix="data_wk")
