"""The registry: seven signs, in order, each with a measure, a threshold and a source."""

import duckdb

from recovery import signs, storage


def test_the_seven_signs_are_in_the_agreed_order():
    assert signs.SIGN_KEYS == (
        "pain",
        "episodes",
        "motion",
        "walking",
        "numbness",
        "strength",
        "sleep",
    )
    assert [s.number for s in signs.SIGNS] == list(range(1, 8))


def test_every_sign_has_a_directional_primary_measure_and_a_sourced_threshold():
    for sign in signs.SIGNS:
        assert sign.primary.required
        assert sign.primary.better in ("lower", "higher")
        assert sign.threshold.points or sign.threshold.percent
        assert sign.threshold.source and sign.threshold.summary


def test_every_scale_question_has_anchors_at_both_ends():
    for measure in signs.ALL_MEASURES:
        if measure.kind == "scale":
            assert measure.low_anchor.startswith("0 =")
            assert measure.high_anchor.startswith("10 =")


def test_the_check_in_columns_are_the_agreed_names():
    expected = {
        "leg_pain",
        "back_pain",
        "pain_episodes",
        "bending",
        "walk_minutes",
        "numbness",
        "leg_strength",
        "sleep_quality",
        "night_wakings",
        "fingertip_floor_cm",
        "chair_stands",
        "heel_toe_walk",
        "limp",
        "sleep_hours",
        "activity",
        "exercises_done",
        "notes",
    }
    assert {m.column for m in signs.ALL_MEASURES} == expected


def test_the_database_schema_has_a_column_of_the_right_type_for_every_field(conn):
    # A new measure in the registry needs a numbered migration: this test says so.
    with conn.cursor() as cur:
        rows = cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'checkins'"
        ).fetchall()
    types = dict(rows)
    for measure in signs.ALL_MEASURES:
        assert types.get(measure.column) == measure.sql_type, measure.column
    for column in signs.RED_FLAG_COLUMNS:
        assert types.get(column) == "BOOLEAN"


def test_red_flags_cover_the_clinical_list():
    assert len(signs.RED_FLAGS) == 6
    assert all(flag.column.startswith("rf_") for flag in signs.RED_FLAGS)


def test_labels_exist_for_every_column():
    for column in signs.CHECKIN_COLUMNS:
        assert signs.label_for(column) != column


def test_registry_sql_uses_only_placeholders_for_values():
    assert "?" in storage.UPSERT_CHECKIN
    assert isinstance(duckdb.__version__, str) and duckdb.__version__.startswith("1.5")


def test_threshold_sources_read_well_inside_brackets():
    # Every page, the PDF and the guide print a source inside brackets: "(Ostelo et al., ...)".
    for the_sign in signs.SIGNS:
        assert "(" not in the_sign.threshold.source and ")" not in the_sign.threshold.source
