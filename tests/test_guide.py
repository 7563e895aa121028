"""The recovery guide's text and the app's good levels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from recovery.analysis.good_level import GOOD_LEVELS
from recovery.analysis.stage import STAGES
from recovery.signs import SIGN_KEYS
from recovery.text import guide

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seven-signs-article.txt"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def all_content() -> str:
    return "\n".join(guide.section(name) for name in (*guide.SECTIONS, *guide.KEYED))


def test_every_sign_has_a_note_on_what_improvement_feels_like():
    assert list(guide.sign_notes()) == list(SIGN_KEYS)
    assert all(len(note) > 80 for note in guide.sign_notes().values())


def test_every_stage_says_what_typically_comes_next():
    assert set(guide.keyed_texts("stages")) == set(STAGES)


@pytest.mark.parametrize("name", guide.SECTIONS)
def test_every_section_loads_without_editorial_comments(name):
    body = guide.section(name)
    assert body
    assert "<!--" not in body


@pytest.mark.parametrize(
    ("name", "citations"),
    [
        # the natural-course figures, each with its source
        (
            "last_stages",
            [
                "Koes et al., BMJ 2007",
                "Pengel et al., BMJ 2003",
                "Peul et al., NEJM 2007",
                "95 %",
                "three in four",
            ],
        ),
        # how common residual symptoms are at 2 years
        ("residual_symptoms", ["Grøvle et al., 2013", "18 %", "17 %", "12 %"]),
        ("red_flags", ["NICE CKS", "BMJ Best Practice", "911"]),
        # slow progress: the app's suggestion, labelled as such
        ("seek_help", ["6 weeks", "getting worse", "the app's suggestions"]),
    ],
)
def test_facts_carry_their_sources(name, citations):
    for citation in citations:
        assert citation in guide.section(name)


def test_medicine_is_only_mentioned_as_a_clinician_advises():
    text = guide.section("residual_symptoms")
    assert "only as your clinician or pharmacist advises" in text


def test_no_sentence_is_copied_from_the_seed_article():
    if not SEED.exists():
        pytest.skip("seed article not available")
    seed = words(SEED.read_text(encoding="utf-8"))
    seed_runs = {tuple(seed[i : i + 7]) for i in range(len(seed) - 6)}
    ours = words(all_content())
    copied = [
        " ".join(ours[i : i + 7])
        for i in range(len(ours) - 6)
        if tuple(ours[i : i + 7]) in seed_runs
    ]
    assert copied == []


def test_each_sign_is_explained_with_its_measure_and_thresholds():
    explained = guide.explain_signs()
    assert [e.sign.key for e in explained] == list(SIGN_KEYS)
    pain = explained[0]
    assert "Ostelo et al., Spine 2008" in pain.improvement
    assert pain.good_level == "Leg pain 2 or less on the 0-10 scale (the app's convention)."
    walking = explained[3]
    assert "the app's own convention" in walking.improvement


def test_every_sign_has_one_good_level():
    assert list(GOOD_LEVELS) == list(SIGN_KEYS)


@pytest.mark.parametrize(
    ("key", "mean", "good"),
    [
        ("pain", 2.0, True),  # exactly at the level counts (lower is better)
        ("pain", 2.1, False),
        ("episodes", 1.0, True),
        ("episodes", 1.5, False),
        ("motion", 8.0, True),  # exactly at the level counts (higher is better)
        ("motion", 7.9, False),
        ("walking", 30, True),
        ("walking", 29, False),
        ("sleep", 7, True),
        ("strength", None, False),  # no data is never a good level
    ],
)
def test_good_level_follows_which_way_is_better(key, mean, good):
    assert GOOD_LEVELS[key].is_good(mean) is good


def test_optional_measures_are_listed_with_their_sign():
    explained = {e.sign.key: e for e in guide.explain_signs()}
    assert explained["walking"].also_recorded == "Limp (yes or no, optional)."
    assert explained["episodes"].also_recorded == ""


def test_no_user_facing_text_names_internal_files():
    from recovery.signs import SIGNS

    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("pages/*.py"), *root.glob("ui/*.py"), *guide.CONTENT_DIR.glob("*.md")]
    for path in files:
        assert "CLINICAL" not in path.read_text(encoding="utf-8"), path
    for item in SIGNS:
        rules = [item.threshold, *(m.threshold for m in item.secondary if m.threshold)]
        for rule in rules:
            assert "CLINICAL" not in rule.source and ".md" not in rule.source


def test_secondary_rules_are_explained_with_their_sources():
    explained = {e.sign.key: e for e in guide.explain_signs()}
    assert "at least 3 stands" in explained["strength"].also_recorded
    assert "Ekedahl et al., Arch Phys Med Rehabil 2012" in explained["motion"].also_recorded
