"""API v2 records of shapes few records have, loaded through the pipeline and judged by the structured rules.

A trial TERMINATED before its first participant (an ACTUAL enrollment of 0) has no results to post; a WITHDRAWN
study never started, so it owes no start or completion date; a TERMINATED study's 0 is a count, not a missing
enrollment; a record cannot be verified after its own last update; a record that calls the study COMPLETED and kept a
date an estimate is told so; an intervention named only 'Active Comparator' says which arm gets it, not what it is;
an outcome whose time frame is said only in its description is told apart from one that says it nowhere. Nearby
records, which do owe what they lack, still fire.
"""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from flows.run import run_pipeline
from tests.new_warehouse import connect_new

AS_OF = date(2026, 11, 22)
# A device trial at a US site, completed, its results posted (as NCT04524598 of the corpus is shaped); the
# registry took the copy on 2025-05-07.
BASE = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT04524598", "orgStudyId": "LH-2020-01",
                                 "organization": {"fullName": "Limbix Health, Inc.", "class": "INDUSTRY"},
                                 "briefTitle": "A Digital Therapeutic for Adolescent Depression",
                                 "officialTitle": "A Randomized Trial of a Digital CBT Program for Adolescent "
                                                  "Depression"},
        "statusModule": {
            "statusVerifiedDate": "2023-04", "overallStatus": "COMPLETED",
            "expandedAccessInfo": {"hasExpandedAccess": False},
            "startDateStruct": {"date": "2020-08-28", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2021-09-03", "type": "ACTUAL"},
            "completionDateStruct": {"date": "2022-01-16", "type": "ACTUAL"},
            "studyFirstSubmitDate": "2020-08-20", "studyFirstSubmitQcDate": "2020-08-20",
            "studyFirstPostDateStruct": {"date": "2020-08-24", "type": "ACTUAL"},
            "resultsFirstSubmitDate": "2021-09-30", "resultsFirstSubmitQcDate": "2021-12-09",
            "resultsFirstPostDateStruct": {"date": "2021-12-13", "type": "ACTUAL"},
            "lastUpdateSubmitDate": "2023-04-25", "lastUpdatePostDateStruct": {"date": "2023-05-18", "type": "ACTUAL"}},
        "sponsorCollaboratorsModule": {"responsibleParty": {"type": "SPONSOR"},
                                       "leadSponsor": {"name": "Limbix Health, Inc.", "class": "INDUSTRY"}},
        "oversightModule": {"oversightHasDmc": False, "isFdaRegulatedDrug": False, "isFdaRegulatedDevice": True},
        "descriptionModule": {"briefSummary": "A trial of a 5-week app-based CBT program for adolescents with "
                                              "depression, against psychoeducation."},
        "conditionsModule": {"conditions": ["Depression"], "keywords": ["Cognitive Behavioral Therapy"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"],
                         "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL",
                                        "primaryPurpose": "TREATMENT", "maskingInfo": {"masking": "NONE"}},
                         "enrollmentInfo": {"count": 227, "type": "ACTUAL"}},
        "armsInterventionsModule": {
            "armGroups": [{"label": "Limbix Spark", "type": "EXPERIMENTAL", "description": "A 5 week CBT program",
                           "interventionNames": ["Device: Limbix Spark"]},
                          {"label": "Psychoeducation", "type": "ACTIVE_COMPARATOR",
                           "description": "5 weeks of psychoeducation about depression",
                           "interventionNames": ["Other: Psychoeducation"]}],
            "interventions": [{"type": "DEVICE", "name": "Limbix Spark", "armGroupLabels": ["Limbix Spark"],
                               "description": "An app that teaches cognitive behavioral therapy in 5 levels"},
                              {"type": "OTHER", "name": "Psychoeducation", "armGroupLabels": ["Psychoeducation"],
                               "description": "5 lessons about depression"}]},
        "outcomesModule": {
            "primaryOutcomes": [{"measure": "Change in PHQ-A score", "timeFrame": "Baseline to week 5",
                                 "description": "Patient Health Questionnaire modified for adolescents"}],
            "secondaryOutcomes": [{"measure": "Program adherence", "timeFrame": "5 weeks",
                                   "description": "Share of levels completed"}]},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Age 13 to 17\n* PHQ-A score of 10 "
                                                     "or more\n\nExclusion Criteria:\n\n* Active suicidal ideation",
                              "healthyVolunteers": False, "sex": "ALL", "minimumAge": "13 Years",
                              "maximumAge": "17 Years"},
        "contactsLocationsModule": {"locations": [{"facility": "Limbix Health, Inc.", "city": "San Francisco",
                                                   "state": "California", "zip": "94104",
                                                   "country": "United States"}]},
    },
    "derivedSection": {"miscInfoModule": {"versionHolder": "2025-05-07"}},
    "hasResults": True,
}


def _status(record: dict) -> dict:
    return record["protocolSection"]["statusModule"]


def _enrollment(record: dict, count: int, kind: str) -> None:
    record["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": count, "type": kind}


def _no_results(record: dict) -> None:
    """The results were never submitted: the record has no results dates."""
    record["hasResults"] = False
    for key in ("resultsFirstSubmitDate", "resultsFirstSubmitQcDate", "resultsFirstPostDateStruct"):
        _status(record).pop(key)


def _terminated_before_enrolling(record: dict, kind: str = "ACTUAL") -> None:
    """TERMINATED before its first participant, no results submitted."""
    _no_results(record)
    _status(record).update(overallStatus="TERMINATED", whyStopped="Sponsor decision",
                           startDateStruct={"date": "2020-07-20", "type": "ACTUAL"})
    _enrollment(record, 0, kind)


def _terminated_with_someone(record: dict) -> None:
    _terminated_before_enrolling(record)
    _enrollment(record, 14, "ACTUAL")


def _withdrawn(record: dict, *drop: str) -> None:
    """WITHDRAWN before enrolling, its dates the plan, some of them left out."""
    _no_results(record)
    _status(record).update(overallStatus="WITHDRAWN", whyStopped="Decided not to proceed with the study",
                           startDateStruct={"date": "2021-01", "type": "ESTIMATED"},
                           primaryCompletionDateStruct={"date": "2021-12", "type": "ESTIMATED"},
                           completionDateStruct={"date": "2022-01", "type": "ESTIMATED"})
    for key in drop:
        _status(record).pop(key)
    _enrollment(record, 0, "ACTUAL")


def _completed_without(*drop: str):
    def change(record: dict) -> None:
        for key in drop:
            _status(record).pop(key)
    return change


def _verified(month: str):
    def change(record: dict) -> None:
        _status(record)["statusVerifiedDate"] = month
    return change


def _status_and_estimate(status: str, completion: str):
    """The completion date kept an estimate 128 days before the last update, under `status`."""
    def change(record: dict) -> None:
        _no_results(record)
        _status(record).update(overallStatus=status, completionDateStruct={"date": completion, "type": "ESTIMATED"})
    return change


def _comparator_named(name: str):
    def change(record: dict) -> None:
        arms = record["protocolSection"]["armsInterventionsModule"]
        arms["interventions"][1]["name"] = name
        arms["armGroups"][1]["interventionNames"] = [f"Other: {name}"]
    return change


def _primary_outcome(time_frame: str | None, description: str):
    def change(record: dict) -> None:
        outcome = record["protocolSection"]["outcomesModule"]["primaryOutcomes"][0]
        outcome.pop("timeFrame")
        if time_frame is not None:
            outcome["timeFrame"] = time_frame
        outcome["description"] = description
    return change


def _both_outcomes_untimed(described: tuple[str, str]):
    def change(record: dict) -> None:
        outcomes = record["protocolSection"]["outcomesModule"]
        for outcome, description in zip((outcomes["primaryOutcomes"][0], outcomes["secondaryOutcomes"][0]),
                                        described):
            outcome.pop("timeFrame")
            outcome["description"] = description
    return change


# (name, change): each record gets its own NCT id, in this order.
SHAPES = {
    "terminated, nobody enrolled": _terminated_before_enrolling,
    "terminated, nobody enrolled, an estimated 0": lambda r: _terminated_before_enrolling(r, "ESTIMATED"),
    "terminated after enrolling 14": _terminated_with_someone,
    "withdrawn, no completion dates": lambda r: _withdrawn(r, "primaryCompletionDateStruct", "completionDateStruct"),
    "withdrawn, no start date": lambda r: _withdrawn(r, "startDateStruct"),
    "completed, no completion dates": _completed_without("primaryCompletionDateStruct", "completionDateStruct"),
    "completed, no start date": _completed_without("startDateStruct"),
    "suspended before enrolling, an estimated 0": lambda r: (
        _no_results(r), _status(r).update(overallStatus="SUSPENDED", whyStopped="Awaiting a protocol amendment"),
        _enrollment(r, 0, "ESTIMATED")),
    "verified after its last update": _verified("2024-03"),
    "verified in the month of its last update": _verified("2023-05"),
    "completed, completion an estimate": _status_and_estimate("COMPLETED", "2023-01-10"),
    "terminated, completion an estimate": _status_and_estimate("TERMINATED", "2023-01-10"),
    "active, completion an estimate": _status_and_estimate("ACTIVE_NOT_RECRUITING", "2023-01-10"),
    "comparator named 'Active Comparator'": _comparator_named("Active Comparator"),
    "comparator named 'Active control'": _comparator_named("Active control"),
    "comparator named 'Placebo Comparator'": _comparator_named("Placebo Comparator"),
    "comparator named by a code": _comparator_named("BI 123456"),
    "time frame only in the description": _primary_outcome(None, "Change in PHQ-A score from baseline to week 12"),
    "time frame 'N/A', said in the description": _primary_outcome("N/A", "Assessed at baseline and 6 months "
                                                                         "after randomization"),
    "time frame nowhere": _primary_outcome(None, "Patient Health Questionnaire modified for adolescents"),
    "time frame nowhere, a change from baseline": _primary_outcome(None, "Change from baseline in the PHQ-A total "
                                                                         "score"),
    "time frame nowhere, a test's length": _primary_outcome(None, "Timed urine and blood collections; the total test "
                                                                  "time, including hydration, is 4 to 5 hours."),
    "time frame nowhere, a dosing schedule": _primary_outcome(None, "Irinotecan IV over 1 hour x 5 days, q 21 days, "
                                                                    "with vincristine on days 1, 8 and 15"),
    "two untimed outcomes, one described": _both_outcomes_untimed(("Measured at Day 28", "Share of levels done")),
    "two untimed outcomes, both described": _both_outcomes_untimed(("Measured at Day 28", "At the end of treatment")),
}
NCT_IDS = {name: f"NCT0452{4600 + rank:04d}" for rank, name in enumerate(SHAPES)}


@pytest.fixture(scope="module")
def issues(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Every record of SHAPES loaded in one run: {shape: [(rule_id, severity, message, evidence)]}."""
    folder = tmp_path_factory.mktemp("rare_shapes")
    source = folder / "records"
    source.mkdir()
    for name, change in SHAPES.items():
        record = copy.deepcopy(BASE)
        change(record)
        record["protocolSection"]["identificationModule"]["nctId"] = NCT_IDS[name]
        (source / f"{NCT_IDS[name]}.json").write_text(json.dumps(record))
    db = folder / "trials.duckdb"
    con = connect_new(db)
    try:
        run_pipeline(con, run_id="rare", source=Path(source), db_path=db, as_of=AS_OF)
        rows = con.execute("SELECT nct_id, rule_id, severity, message, evidence FROM quality_issues "
                           "ORDER BY nct_id, rule_id, message").fetchall()
    finally:
        con.close()
    found: dict[str, list[tuple[str, str, str, str]]] = {name: [] for name in SHAPES}
    by_id = {nct_id: name for name, nct_id in NCT_IDS.items()}
    for nct_id, *issue in rows:
        found[by_id[nct_id]].append(tuple(issue))
    return found


def _of(issues: dict, shape: str, rule_id: str) -> list[tuple[str, str, str, str]]:
    return [issue for issue in issues[shape] if issue[0] == rule_id]


@pytest.mark.parametrize("shape", ["terminated, nobody enrolled", "terminated, nobody enrolled, an estimated 0"])
def test_a_trial_terminated_before_enrolling_anyone_owes_no_results(issues, shape):
    assert _of(issues, shape, "timeliness.results_overdue") == []


@pytest.mark.parametrize("shape", ["terminated after enrolling 14", "suspended before enrolling, an estimated 0"])
def test_a_trial_that_enrolled_someone_or_has_not_ended_still_owes_results(issues, shape):
    found = _of(issues, shape, "timeliness.results_overdue")
    assert [(severity, message) for _rule, severity, message, _ in found] == [
        ("warning", "Primary completion was 2021-09-03 (ACTUAL) and results were due by 2022-09-03, but none were "
                    "submitted as of 2025-05-07.")]


def test_a_terminated_trials_0_is_a_count_and_its_estimate_type_is_the_contradiction_rules(issues):
    shape = "terminated, nobody enrolled, an estimated 0"
    assert _of(issues, shape, "missing_fields.no_enrollment") == []
    assert len(_of(issues, shape, "contradictions.closed_status_estimated_enrollment")) == 1
    # a SUSPENDED study has not ended: its estimated 0 is still a plan of nobody
    assert len(_of(issues, "suspended before enrolling, an estimated 0", "missing_fields.no_enrollment")) == 1


@pytest.mark.parametrize(("shape", "rule_id"), [("withdrawn, no completion dates", "missing_fields.no_completion_date"),
                                                ("withdrawn, no start date", "missing_fields.no_start_date")])
def test_a_withdrawn_study_owes_no_start_or_completion_date(issues, shape, rule_id):
    assert _of(issues, shape, rule_id) == []


@pytest.mark.parametrize(("shape", "rule_id"), [("completed, no completion dates", "missing_fields.no_completion_date"),
                                                ("completed, no start date", "missing_fields.no_start_date")])
def test_a_completed_study_without_its_dates_still_fires(issues, shape, rule_id):
    assert [(severity, message) for _rule, severity, message, _ in _of(issues, shape, rule_id)] == [
        ("warning", {"missing_fields.no_completion_date": "Study gives neither a primary completion date nor a "
                                                          "completion date.",
                     "missing_fields.no_start_date": "Study gives no start date."}[rule_id])]


def test_a_record_verified_after_its_last_update_cannot_be_right(issues):
    assert _of(issues, "verified after its last update", "dates.actual_after_last_update") == [
        ("dates.actual_after_last_update", "error",
         "The record says it was verified in 2024-03, after its last update posted on 2023-05-18: a record is "
         "verified in an update, never after it.",
         "verification_date=2024-03; last_update_posted_date=2023-05-18")]
    assert _of(issues, "verified in the month of its last update", "dates.actual_after_last_update") == []


@pytest.mark.parametrize("status", ["COMPLETED", "TERMINATED"])
def test_an_estimate_kept_by_a_record_that_says_the_study_ended_is_told_with_its_status(issues, status):
    found = _of(issues, f"{status.lower()}, completion an estimate", "dates.estimate_kept_long_past")
    assert [(severity, message) for _rule, severity, message, _ in found] == [
        ("warning", f"The completion date 2023-01-10 (ESTIMATED) was still an estimate when the record, which calls "
                    f"the study {status}, was last updated on 2023-05-18, 128 days later.")]
    assert found[0][3] == ("completion_date=2023-01-10 (ESTIMATED); last_update_posted_date=2023-05-18; "
                           f"overall_status={status}")


def test_an_estimate_kept_by_an_open_study_is_told_as_before(issues):
    assert [(message, evidence) for _rule, _severity, message, evidence
            in _of(issues, "active, completion an estimate", "dates.estimate_kept_long_past")] == [
        ("The completion date 2023-01-10 (ESTIMATED) was still an estimate when the record was last updated on "
         "2023-05-18, 128 days later.", "completion_date=2023-01-10 (ESTIMATED); last_update_posted_date=2023-05-18")]


@pytest.mark.parametrize("name", ["Active Comparator", "Active control"])
def test_an_intervention_named_only_by_its_arms_type_is_not_named(issues, name):
    found = _of(issues, f"comparator named '{name}'", "protocol.intervention_not_named")
    assert [(severity, message) for _rule, severity, message, _ in found] == [
        ("warning", f"An intervention of type OTHER is named only \"{name}\", which says which arm receives it but "
                    "not what it is.")]


@pytest.mark.parametrize("shape", ["comparator named 'Placebo Comparator'", "comparator named by a code"])
def test_a_comparator_named_for_what_it_is_is_a_name(issues, shape):
    assert _of(issues, shape, "protocol.intervention_not_named") == []


@pytest.mark.parametrize(("shape", "description"), [
    ("time frame only in the description", "Change in PHQ-A score from baseline to week 12"),
    ("time frame 'N/A', said in the description", "Assessed at baseline and 6 months after randomization")])
def test_a_time_frame_said_only_in_the_description_is_flagged_as_such(issues, shape, description):
    found = _of(issues, shape, "protocol.outcome_without_time_frame")
    assert [(severity, message) for _rule, severity, message, _ in found] == [
        ("warning", "The outcome 'Change in PHQ-A score' (primary) gives no time frame; only its description says "
                    "when it is assessed.")]
    assert found[0][3].endswith(f"; description='{description}'")


@pytest.mark.parametrize("shape", ["time frame nowhere", "time frame nowhere, a change from baseline",
                                   "time frame nowhere, a test's length", "time frame nowhere, a dosing schedule"])
def test_a_time_frame_said_nowhere_cannot_be_told(issues, shape):
    found = _of(issues, shape, "protocol.outcome_without_time_frame")
    assert [(message, evidence) for _rule, _severity, message, evidence in found] == [
        ("The outcome 'Change in PHQ-A score' (primary) gives no time frame, so when it is assessed cannot be told.",
         "primary 'Change in PHQ-A score': time_frame=NULL")]


def test_several_untimed_outcomes_say_how_many_descriptions_tell_when(issues):
    some = _of(issues, "two untimed outcomes, one described", "protocol.outcome_without_time_frame")
    every = _of(issues, "two untimed outcomes, both described", "protocol.outcome_without_time_frame")
    assert [message for _rule, _severity, message, _ in some] == [
        "2 outcomes give no time frame (1 says when they are assessed only in their descriptions): 'Change in "
        "PHQ-A score' (primary), 'Program adherence' (secondary)."]
    assert [message for _rule, _severity, message, _ in every] == [
        "2 outcomes give no time frame; only their descriptions say when they are assessed: 'Change in PHQ-A "
        "score' (primary), 'Program adherence' (secondary)."]
