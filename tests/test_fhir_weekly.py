"""The weekly measures in the FHIR export: valid R4 Questionnaires and responses whose numbers
are the journal's; the example's weekly answers are left out."""

import datetime as dt
import json

from fhir.resources.bundle import Bundle
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

from recovery import example, storage, transfer
from recovery.analysis import weekly
from recovery.signs import weekly as items
from recovery.storage import LOCAL_OWNER
from tests.conftest import TODAY, checkin

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
WEEK_AGO = TODAY - dt.timedelta(days=7)


def _resources(conn, kind):
    text = transfer.export_fhir(conn, LOCAL_OWNER, now=NOW, name="Sam")
    Bundle(json.loads(text))  # every resource checked against the R4 models
    return [
        e["resource"]
        for e in json.loads(text).get("entry", [])
        if e["resource"]["resourceType"] == kind
    ]


def _journal(conn):
    storage.save_checkin(conn, LOCAL_OWNER, TODAY, checkin(), today=TODAY)
    socks = storage.add_activity(conn, LOCAL_OWNER, "Put on socks", WEEK_AGO)
    film = storage.add_activity(conn, LOCAL_OWNER, "Sit through a film", WEEK_AGO)
    for day, value, ratings in ((WEEK_AGO, 5, (2, 3)), (TODAY, 2, (6, 6))):
        answers = {i: {"bothersome": value, "frequency": value + 1} for i in items.ITEM_KEYS}
        rated = dict(zip((socks.activity_id, film.activity_id), ratings, strict=True))
        storage.save_weekly(conn, LOCAL_OWNER, day, answers, rated)


def test_each_weekly_measure_has_a_valid_questionnaire_and_a_response_per_week(conn):
    _journal(conn)
    questionnaires = _resources(conn, "Questionnaire")
    assert sorted(q["name"] for q in questionnaires) == ["PSFS", "SBI", "SFI"]
    for resource in questionnaires:
        Questionnaire(resource)
    responses = _resources(conn, "QuestionnaireResponse")
    assert len(responses) == 6  # three measures, two weeks
    urls = {q["url"] for q in questionnaires}
    for resource in responses:
        parsed = QuestionnaireResponse(resource)
        assert parsed.questionnaire in urls and parsed.subject.display == "Sam"


def test_the_weekly_numbers_round_trip_against_the_journal(conn):
    _journal(conn)
    summary = weekly.weekly_summary(conn, LOCAL_OWNER)
    responses = _resources(conn, "QuestionnaireResponse")

    def answers(key):
        found = {}
        for r in responses:
            if r["questionnaire"].endswith(key):
                items_ = {i["linkId"]: i for i in r["item"]}
                found[dt.date.fromisoformat(r["authored"])] = items_
        return found

    sbi = answers(":bothersome")
    assert {d: v["total"]["answer"][0]["valueInteger"] for d, v in sbi.items()} == {
        d: int(t) for d, t in summary.sbi.points
    }
    assert sbi[TODAY]["leg_pain"]["answer"][0]["valueInteger"] == 2
    sfi = answers(":frequency")
    assert {d: v["total"]["answer"][0]["valueInteger"] for d, v in sfi.items()} == {
        d: int(t) for d, t in summary.sfi.points
    }
    psfs = answers(":activities")
    assert {d: v["mean"]["answer"][0]["valueDecimal"] for d, v in psfs.items()} == dict(
        summary.psfs.points
    )


def test_the_example_weekly_answers_are_not_exported(conn):
    example.load_example(conn, LOCAL_OWNER, today=TODAY)
    assert _resources(conn, "Questionnaire") == []
    assert _resources(conn, "QuestionnaireResponse") == []
