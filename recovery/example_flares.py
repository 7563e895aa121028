"""The example recovery's flare-ups and medicines, drawn from its check-ins.

The made-up person logs about half of the day's pain episodes as flare-ups. Early on most
are set off by sitting (the usual complaint with a disc-related sciatica, CLINICAL.md), later
by bending, lifting and long walks; the week-5 flare-up starts with lifting. They list two
medicines: a regular one, taken most days for the first six weeks and then stopped, and one
as needed, taken for some of the worse flare-ups. The names and doses are what a made-up
person typed; the app never suggests a medicine or a dose.
"""

from __future__ import annotations

import datetime as dt
import random

from recovery.signs.flares import HELPED_CODES, HELPED_SEPARATOR
from recovery.storage import EXAMPLE_BATCH

REGULAR_ID = "example-regular"
AS_NEEDED_ID = "example-as-needed"
REGULAR_WEEKS = 6
_EARLY = {"sitting": 6, "bending": 2, "standing": 1, "cough_sneeze": 1, "after_sleep": 1}
_LATER = {
    "sitting": 2,
    "bending": 2,
    "lifting": 2,
    "walking": 2,
    "driving": 1,
    "standing": 1,
    "unknown": 1,
}
_HELPED = ("moving", "lying", "position", "stretch", "heat")

Rows = list[tuple[dt.date, dict[str, object]]]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def example_flares(rows: Rows, seed: int = 11) -> list[dict[str, object]]:
    """The made-up person's flare-ups for the example's check-in days, in the example batch."""
    rng = random.Random(seed)
    flares: list[dict[str, object]] = []
    for index, (day, values) in enumerate(rows):
        episodes = int(values.get("pain_episodes") or 0)
        logged = sum(1 for _ in range(episodes) if rng.random() < 0.5)
        for n in range(logged):
            started = dt.datetime.combine(
                day, dt.time(rng.randint(7, 21), rng.choice((0, 15, 30, 45)))
            )
            if index == 29 and n == 0:
                trigger = "lifting"  # the week-5 flare-up (see example._FLARE_START)
            else:
                trigger = _pick(rng, _EARLY if index < 28 else _LATER)
            severity = max(1, min(10, int(values["leg_pain"]) + rng.choice((0, 1, 1, 2))))
            picked = set(rng.sample(_HELPED, rng.choice((0, 1, 1, 2))))
            helped = [code for code in HELPED_CODES if code in picked]  # stored in list order
            took = severity >= 7 and rng.random() < 0.6
            flares.append(
                {
                    "id": f"example-flare-{index}-{n}",
                    "started_at": started,
                    "severity": severity,
                    "minutes": rng.choice((None, 10, 20, 30, 45, 60, 90)),
                    "trigger": trigger,
                    "helped": HELPED_SEPARATOR.join(helped) or None,
                    "helped_other": None,
                    "note": None,
                    "medicine_id": AS_NEEDED_ID if took else None,
                    "medicine_at": started + dt.timedelta(minutes=20) if took else None,
                    "batch": EXAMPLE_BATCH,
                }
            )
    return flares


def example_medicines(
    rows: Rows, seed: int = 13
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The made-up person's two medicines and their daily answers (the regular one's row)."""
    rng = random.Random(seed)
    first = rows[0][0] if rows else dt.date.today()
    created = dt.datetime.combine(first, dt.time(9))
    medicines = [
        {"id": REGULAR_ID, "name": "Naproxen", "dose": "250 mg twice a day", "kind": "regular"},
        {
            "id": AS_NEEDED_ID,
            "name": "Paracetamol",
            "dose": "as on the packet",
            "kind": "as_needed",
        },
    ]
    for medicine in medicines:
        medicine.update(retired=False, batch=EXAMPLE_BATCH, created_at=created, updated_at=created)
    doses = []
    for index, (day, _) in enumerate(rows):
        taken = index < REGULAR_WEEKS * 7 and rng.random() < 0.9
        doses.append(
            {"day": day, "medicine_id": REGULAR_ID, "taken": taken, "batch": EXAMPLE_BATCH}
        )
    return medicines, doses
