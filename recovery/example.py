"""An example recovery: twelve weeks of someone's sciatica journal, made up but realistic.

The shape follows the natural course in CLINICAL.md: pain and sleep improve first (most
people improve within weeks, Koes 2007; Pengel 2003), walking and bending follow, strength
and numbness last (residual tingling and weakness are common, Grovle 2013). Days are noisy,
a strenuous day is followed by a worse one, week 5 brings a flare-up, and in the last weeks
a long day can leave some tingling the next day. The same ``end`` and ``seed`` always give
the same journal, so tests, the demo and the benchmark agree.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import duckdb

from recovery import storage
from recovery.example_flares import example_flares, example_medicines
from recovery.signs import RED_FLAG_COLUMNS

DEFAULT_DAYS = 84

# Days for each sign to cover about two thirds of its way back (an exponential course).
_PACE = {
    "pain": 14.0,
    "sleep": 13.0,
    "episodes": 16.0,
    "walking": 20.0,
    "motion": 22.0,
    "numbness": 34.0,
    "strength": 45.0,
}
# Leg pain on a day after the exercises were done is this much lower (a planted pattern
# that a comparison of days with and without a factor should find).
EXERCISE_EFFECT = 1.5
_FLARE_START = 29  # day index of a flare-up early in week 5 (after lifting something heavy)

_NOTES = {
    0: "Started the journal. Sitting is the worst; the pain runs down the back of my leg.",
    3: "Saw the GP: keep moving gently, short walks, painkillers as needed.",
    12: "First night in a while without waking up.",
    _FLARE_START - 1: "Carried the shopping and a heavy box up the stairs.",
    _FLARE_START + 1: "Bad flare-up, back to resting more. Short walks only.",
    _FLARE_START + 8: "Flare settling down again.",
    55: "Walked to the shops and back without stopping.",
    74: "Long day in the garden; some tingling in the toes this evening.",
}


def _course(day: int, pace: float) -> float:
    """How far along the way back a sign is on a day: 0 at the start, near 1 when recovered."""
    return 1.0 - math.exp(-day / pace)


def _flare(day: int) -> float:
    """Extra badness from the week-5 flare-up: a sudden rise that fades over about a week."""
    since = day - _FLARE_START
    if since < 0:
        return 0.0
    return 2.6 * math.exp(-since / 4.0)


def _exercise_chance(day: int) -> float:
    """How likely the made-up person did their exercises on a day."""
    if _FLARE_START <= day < _FLARE_START + 6:
        return 0.2
    return 0.25 if day < 7 else 0.55 if day < 28 else 0.8


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _activity(rng: random.Random, day: int, days: int) -> str:
    if day == _FLARE_START - 1:
        return "strenuous"
    if day < 10 or _FLARE_START <= day < _FLARE_START + 5:
        return rng.choice(("rest", "rest", "light"))
    late = day >= days - 28
    if rng.random() < (0.13 if late else 0.06):
        return "strenuous"
    return rng.choice(("light", "normal", "normal") if day < 42 else ("normal",) * 3 + ("light",))


def example_days(
    end: dt.date, days: int = DEFAULT_DAYS, seed: int = 7
) -> list[tuple[dt.date, dict[str, object]]]:
    """A deterministic recovery journal of ``days`` daily check-ins ending on ``end``."""
    rng = random.Random(seed)
    start = end - dt.timedelta(days=days - 1)
    activities = [_activity(rng, i, days) for i in range(days)]
    rows: list[tuple[dt.date, dict[str, object]]] = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        course = {key: _course(i, pace) for key, pace in _PACE.items()}
        flare = _flare(i)
        # Yesterday's exertion shows today: more pain, and late on, tingling in the toes.
        after_strain = i > 0 and activities[i - 1] == "strenuous"
        late_stage = i >= days - 28
        # Late on, a long day costs less: a little pain and some tingling, not a setback.
        strain = (0.9 if late_stage else 1.4) if after_strain else 0.0

        def noisy(value: float, spread: float = 0.7) -> float:
            return value + rng.gauss(0.0, spread)

        # The planted pattern for comparing factors: leg pain is 1.5 points lower on a day
        # after the exercises were done (0.75 above the course otherwise, 0.75 below after).
        exercised = bool(rows and rows[-1][1]["exercises_done"])
        after_exercise = -EXERCISE_EFFECT / 2 if exercised else EXERCISE_EFFECT / 2
        leg_pain = noisy(7.2 - 6.7 * course["pain"] + flare + strain + after_exercise)
        back_pain = noisy(5.0 - 3.8 * course["pain"] + 0.6 * flare + 0.6 * strain)
        episodes = noisy(6.0 - 6.3 * course["episodes"] + 1.3 * flare + strain, 0.8)
        bending = noisy(3.0 + 5.2 * course["motion"] - 0.8 * flare - 0.5 * strain)
        walk = noisy(8.0 + 52.0 * course["walking"] - 9.0 * flare - 6.0 * strain, 5.0)
        tingling = 2.2 if (after_strain and late_stage) else 0.0
        numbness = noisy(5.2 - 3.9 * course["numbness"] + 0.3 * flare + tingling, 0.6)
        strength = noisy(5.0 + 1.7 * course["strength"] - 0.3 * flare, 0.6)
        sleep = noisy(3.0 + 5.2 * course["sleep"] - 0.9 * flare - 0.5 * strain)
        wakings = noisy(3.2 - 3.4 * course["sleep"] + 0.7 * flare + 0.4 * strain, 0.5)

        pain_value = round(_clip(leg_pain, 0, 10))
        episode_count = round(_clip(episodes, 0, 50))
        if pain_value <= 1 and late_stage and not after_strain:
            episode_count = 0 if rng.random() < 0.8 else episode_count
        values: dict[str, object] = {
            "leg_pain": pain_value,
            "back_pain": round(_clip(back_pain, 0, 10)),
            "pain_episodes": episode_count,
            "bending": round(_clip(bending, 0, 10)),
            "walk_minutes": round(_clip(walk, 0, 600)),
            "numbness": round(_clip(numbness, 0, 10)),
            "leg_strength": round(_clip(strength, 0, 10)),
            "sleep_quality": round(_clip(sleep, 0, 10)),
            "night_wakings": round(_clip(wakings, 0, 20)),
            "activity": activities[i],
            # During the flare-up the exercises mostly stop, as people do.
            "exercises_done": rng.random() < _exercise_chance(i),
            "notes": _NOTES.get(i),
        }
        # Optional measures, as people really log them: the ruler and chair test once a
        # week, hours slept most days, limp and heel-toe walking now and then.
        if i % 7 == 6:
            values["fingertip_floor_cm"] = (
                round(_clip(noisy(34.0 - 24.0 * course["motion"] + 3.0 * flare, 2.0), 0, 100) * 2)
                / 2
            )
            values["chair_stands"] = round(
                _clip(noisy(8.0 + 6.0 * course["strength"] - flare, 1.0), 0, 60)
            )
            values["heel_toe_walk"] = course["strength"] > 0.75
        if rng.random() < 0.85:
            values["sleep_hours"] = (
                round(_clip(noisy(5.2 + 2.3 * course["sleep"] - 0.5 * flare, 0.5), 0, 24) * 2) / 2
            )
        if i < 56 and rng.random() < 0.6:
            values["limp"] = walk < 30 or flare > 1.0
        # The made-up person answered the safety questions every day, with nothing to report.
        values.update(dict.fromkeys(RED_FLAG_COLUMNS, False))
        rows.append((day, values))
    return rows


def load_example(
    conn: duckdb.DuckDBPyConnection,
    owner: str,
    end: dt.date | None = None,
    *,
    replace: bool = False,
    today: dt.date | None = None,
) -> int:
    """Save the example recovery into an owner's journal as one batch; returns rows saved.

    It ends today unless told otherwise. An earlier copy of the example is replaced; the
    person's own check-ins on the same days make it refuse (storage.DaysTakenError)
    unless ``replace`` is set. Remove it with storage.delete_batch(conn, owner,
    storage.EXAMPLE_BATCH).
    """
    today = today or dt.date.today()
    rows = example_days(end or today)
    result = storage.save_checkins(
        conn,
        owner,
        rows,
        batch=storage.EXAMPLE_BATCH,
        replace=replace,
        supersede_batch=True,
        today=today,
    )
    load_example_weekly(conn, owner, end or today)
    # The flare-ups and medicines of an earlier copy go with it, and this copy's take over.
    storage.clear_batch_extras(conn, owner, storage.EXAMPLE_BATCH)
    medicines, doses = example_medicines(rows)
    storage.restore_medicines(conn, owner, medicines, doses)
    storage.restore_flares(conn, owner, example_flares(rows))
    return result.saved


# The weekly answers, 0..6 per symptom at the start and near the end (bothersome, frequency).
_WEEKLY_COURSE = {
    "leg_pain": ((5, 6), (1, 1), "pain"),
    "tingling": ((4, 5), (2, 2), "numbness"),
    "weakness": ((3, 3), (1, 1), "strength"),
    "sitting_pain": ((5, 5), (1, 1), "motion"),
}
_EXAMPLE_ACTIVITIES = (("Put on socks", 2, 9), ("Sit through a film", 1, 8))


def example_weekly(end: dt.date) -> tuple[list[dict], list[dict], list[dict]]:
    """The example's weekly answers, two activities and their ratings: one week each."""
    start = end - dt.timedelta(days=DEFAULT_DAYS - 1)
    answers: list[dict] = []
    ratings: list[dict] = []
    activities = [
        {"activity_id": n + 1, "name": name, "created": start, "batch": storage.EXAMPLE_BATCH}
        for n, (name, _, _) in enumerate(_EXAMPLE_ACTIVITIES)
    ]
    for week in range(DEFAULT_DAYS // 7):
        index = 7 * week + 6
        day = start + dt.timedelta(days=index)
        flare = _flare(index) / 2.6
        for item, (first, last, pace) in _WEEKLY_COURSE.items():
            along = _course(index, _PACE[pace])
            b, f = (
                round(min(6, a + (z - a) * along + 2 * flare))
                for a, z in zip(first, last, strict=True)
            )
            answers.append(
                {
                    "day": day,
                    "item": item,
                    "bothersome": b,
                    "frequency": f,
                    "batch": storage.EXAMPLE_BATCH,
                }
            )
        for n, (_, low, high) in enumerate(_EXAMPLE_ACTIVITIES):
            along = _course(index, _PACE["walking"])
            rating = round(min(10, low + (high - low) * along - 2 * flare))
            ratings.append(
                {
                    "activity_id": n + 1,
                    "day": day,
                    "rating": max(0, rating),
                    "batch": storage.EXAMPLE_BATCH,
                }
            )
    return answers, activities, ratings


def load_example_weekly(conn: duckdb.DuckDBPyConnection, owner: str, end: dt.date) -> int:
    """Save the example's weekly rows (replacing an earlier copy of them); returns rows."""
    answers, activities, ratings = example_weekly(end)
    return storage.restore_weekly(
        conn,
        owner,
        answers,
        activities,
        ratings,
        replace=False,
        supersede_batch=storage.EXAMPLE_BATCH,
    )
