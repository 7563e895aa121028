"""Recovery guide: where you stand, residual symptoms, your exercise record, the last stages."""

from __future__ import annotations

import streamlit as st

from recovery import analysis, charts, references, storage, text
from recovery.analysis import adherence, residual, stage, stage_weekly, worsening
from recovery.analysis.good_level import GOOD_LEVELS
from recovery.signs import RED_FLAGS, SIGNS
from recovery.storage import preferences
from recovery.text import guide
from ui import blocks, notices, storage_problems
from ui.journal_link import page_link
from ui.session import open_journal, visitor_today
from ui.theme import theme_is_dark

STAGE_ICONS = {
    "insufficient_data": ":material/hourglass_empty:",
    "worsening": ":material/trending_down:",
    "early": ":material/spa:",
    "improving": ":material/trending_up:",
    "last_stage": ":material/flag:",
    "recovered": ":material/check_circle:",
}

journal = open_journal()
today = visitor_today()
dark = theme_is_dark()
scale = blocks.chart_text_scale(journal.mode)
AIM_KEY = "guide_exercise_aim"


@storage_problems.in_callback
def save_aim() -> None:
    """Keep the aim with the journal, so it is there on the next visit."""
    aim = st.session_state.get(AIM_KEY)  # None after a kiosk reset or a cleared box
    if aim is None:
        return
    preferences.set_setting(journal.conn, journal.owner, preferences.EXERCISE_AIM, str(int(aim)))


st.title("Recovery guide")
summary = storage.journal_summary(journal.conn, journal.owner)
# One comparison serves the notice and the stage estimate.
comparison = (
    analysis.compare_signs(journal.conn, journal.owner, end=today) if summary.days_logged else None
)
# A red flag reported lately comes first, then getting worse, before anything else.
notices.recent_red_flags(journal, today)
if comparison is not None:
    notices.worsening_notice(worsening.worsening_notice(comparison))
st.write(
    "Where you stand, from your own check-ins, followed by what the last stages of "
    "sciatica recovery usually look like."
)

st.header("Where you stand", divider="gray")
if summary.days_logged == 0:
    st.info(
        "Your journal is empty, so there is nothing personal to show yet. After a few "
        "daily check-ins this section estimates your stage, looks for residual symptoms "
        "after strenuous days and counts your exercise days. The guide below is for "
        "everyone.",
        icon=":material/info:",
    )
    page_link("pages/checkin.py", label="Go to the daily check-in", icon=":material/edit_note:")
else:
    estimate = stage.estimate_stage(journal.conn, journal.owner, today, comparison)
    with st.container(border=True, key="guide_stage_card"):
        st.caption("Your stage, estimated from your journal")
        st.subheader(f"{STAGE_ICONS[estimate.key]} {estimate.title}", anchor=False)
        st.markdown(estimate.explanation)
        if estimate.sign_detail:
            st.caption(estimate.sign_detail)
        st.markdown(f"**What typically comes next.** {estimate.next_steps}")
        page_link(
            "pages/progress.py",
            label="See each sign on the Progress page",
            icon=":material/monitoring:",
        )
    with st.expander("How the app estimates your stage (its own convention)"):
        st.markdown(
            "No validated way exists to stage sciatica recovery from daily home "
            "ratings, so these are the app's own rules. They are checked in this "
            "order, and the first that fits gives your stage:"
        )
        st.markdown(
            "\n".join(
                f"{number}. **{stage.TITLES[key]}**: {rule}"
                for number, (key, rule) in enumerate(stage.RULES, start=1)
            )
        )
        st.markdown(stage_weekly.RULE)
        st.markdown(
            "A sign counts as **improved** when it has changed by its improvement "
            "threshold since your first week (see The seven signs below). It is "
            "**at a good level** when its average over the last 7 days is:"
        )
        st.markdown("\n".join(f"- {GOOD_LEVELS[s.key].describe()}" for s in SIGNS))

    st.subheader("Residual symptoms after strenuous days", anchor=False)
    pattern = residual.residual_pattern(journal.conn, journal.owner, today=today)
    if pattern.enough_data:
        st.altair_chart(
            charts.residual_chart(pattern, dark=dark, text_scale=scale), width="stretch"
        )
        st.markdown("\n\n".join(pattern.sentences))
    else:
        st.info(" ".join(pattern.sentences), icon=":material/info:")
    st.caption(
        f"Compares each day after a day you marked as strenuous with the other days, "
        f"from {text.long_date(pattern.start)} to {text.long_date(pattern.end)}. Only "
        "days whose previous day was also logged are counted."
    )

    st.subheader("Keeping up your exercises", anchor=False)
    # The widget's own state is dropped when the page is left, so the saved aim seeds it.
    if AIM_KEY not in st.session_state:
        st.session_state[AIM_KEY] = preferences.get_int(
            journal.conn,
            journal.owner,
            preferences.EXERCISE_AIM,
            adherence.DEFAULT_AIM,
            adherence.MIN_AIM,
            adherence.MAX_AIM,
        )
    aim = st.number_input(
        "Your aim: exercise days per week",
        min_value=adherence.MIN_AIM,
        max_value=adherence.MAX_AIM,
        step=1,
        key=AIM_KEY,
        on_change=save_aim,
        help="Agree a realistic aim with your clinician or physiotherapist. It is kept "
        "with your journal.",
    )
    record = adherence.exercise_record(journal.conn, journal.owner, aim=int(aim), today=today)
    if not record.weeks.empty:
        st.altair_chart(charts.exercise_chart(record, dark=dark, text_scale=scale), width="stretch")
    st.markdown(" ".join(record.sentences))

st.header("When to get help", divider="gray")
with st.container(key="guide_red_flags"):
    flags = "\n".join(f"- {flag.question}" for flag in RED_FLAGS)
    st.error(
        f"**Get urgent care if you notice any of these:**\n\n{flags}\n\n"
        + guide.section("red_flags"),
        icon=":material/emergency:",
    )
st.markdown(guide.section("seek_help"))

st.header("Understanding the last stages", divider="gray")
st.subheader("The seven signs", anchor=False)
st.write("What improvement feels like for each sign, and how the app measures it.")
for item in guide.explain_signs():
    with st.expander(f"{item.sign.number}. {item.sign.title}"):
        st.markdown(item.feels_like)
        st.markdown(f"**How the app measures it.** {item.measured_by}")
        if item.also_recorded:
            st.markdown(f"**Also in the check-in.** {item.also_recorded}")
        st.markdown(f"**Counts as improved.** {item.improvement}")
        st.markdown(f"**Good level.** {item.good_level}")

st.subheader("The last stages of recovery", anchor=False)
st.markdown(guide.section("last_stages"))
st.subheader("Continuing care and prevention", anchor=False)
st.markdown(guide.section("continuing_care"))
st.subheader("Residual symptoms", anchor=False)
st.markdown(guide.section("residual_symptoms"))

st.header("References", divider="gray")
st.markdown("\n".join(f"- {line}" for line in references.reference_list()))
