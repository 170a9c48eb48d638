"""adverse_event_subject_sums and calculated_values.number_of_sae_subjects / number_of_nsae_subjects: the subjects
affected by a record's adverse events, summed by kind as AACT sums its reported_events (API v2 and legacy XML)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import checks
from checks.engine import run_rules
from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.parsers.model import READ_AS_SPELT, Refused
from tests.conftest import AS_OF

FIXTURES = Path(__file__).parent.parent / "fixtures" / "adverse_events"
# AACT's (number_of_sae_subjects, number_of_nsae_subjects) of the fixture's real records (its SOURCES.md).
AACT_SUMS = {"NCT01781637": (7, 67), "NCT04167618": (1, 5), "NCT02350660": (None, 4)}

STUDY = {"protocolSection": {"identificationModule": {"nctId": "NCT09000050", "briefTitle": "A study"},
                             "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2025-01",
                                              "studyFirstPostDateStruct": {"date": "2020-01-02"},
                                              "lastUpdatePostDateStruct": {"date": "2025-01-02"}}}}


def _json_sums(module: dict | None) -> tuple[list[dict], list[tuple[str, str]]]:
    record = dict(STUDY, resultsSection={"adverseEventsModule": module}) if module is not None else STUDY
    parsed = ctgov_json_v2.parse(json.dumps(record).encode())
    return (parsed.records[0].tables.get("adverse_event_subject_sums", []),
            [(problem.reason, problem.detail) for problem in parsed.problems])


def _events(*counts: object) -> list[dict]:
    """One event per count given, each with one group's stats (a count of None leaves numAffected out)."""
    return [{"term": "Headache", "stats": [{"groupId": "EG000", "numAtRisk": 20,
                                           **({} if count is None else {"numAffected": count})}]}
            for count in counts]


@pytest.mark.parametrize("nct_id", sorted(AACT_SUMS))
def test_real_records_give_aacts_sums(nct_id):
    parsed = ctgov_json_v2.parse((FIXTURES / f"{nct_id}.json").read_bytes())
    (row,) = parsed.records[0].tables["adverse_event_subject_sums"]
    assert (row["serious_subjects_affected"], row["other_subjects_affected"]) == AACT_SUMS[nct_id]


# (case, adverseEventsModule, serious sum, other sum): AACT's sums, from its reported_events rows.
JSON_CASES = [
    ("both kinds", {"seriousEvents": _events(2, 0), "otherEvents": _events(5, 7, 1)}, 2, 13),
    ("no serious events: no rows to sum, NULL", {"otherEvents": _events(3)}, None, 3),
    ("an empty events list", {"seriousEvents": [], "otherEvents": _events(3)}, None, 3),
    ("an event without stats gives no row", {"seriousEvents": [{"term": "Fall", "stats": []}]}, None, None),
    ("a stat without numAffected adds nothing", {"seriousEvents": _events(None, 4)}, 4, None),
    ("stats none of which gives numAffected: rows summing to 0", {"seriousEvents": _events(None, None)}, 0, None),
    ("the event groups' totals are not the events", {"eventGroups": [{"id": "EG000", "seriousNumAffected": 9}],
                                                     "otherEvents": _events(1)}, None, 1),
]


@pytest.mark.parametrize("name, module, serious, other", JSON_CASES, ids=[case[0] for case in JSON_CASES])
def test_api_v2_sums_are_aacts(name, module, serious, other):
    rows, problems = _json_sums(module)
    assert rows == [{"serious_subjects_affected": serious, "other_subjects_affected": other}]
    assert problems == []


def test_no_module_or_an_empty_one_gives_no_row():
    assert _json_sums(None) == ([], [])
    assert _json_sums({}) == ([], [])
    assert _json_sums({"frequencyThreshold": "5", "timeFrame": "1 year"})[0] == [
        {"serious_subjects_affected": None, "other_subjects_affected": None}]


# (case, the odd numAffected, the value refused as given)
ODD_CASES = [
    ("a fraction", 3.5, "3.5"),
    ("words", "about ten", "about ten"),
    ("a negative count", -2, "-2"),
    ("a boolean", True, "true"),
    ("a number past the most a count may be", 1e30, "1e+30"),
]


@pytest.mark.parametrize("name, given, raw", ODD_CASES, ids=[case[0] for case in ODD_CASES])
def test_a_count_that_is_no_whole_number_refuses_its_sum_as_given_and_the_other_kind_is_summed(name, given, raw):
    (row,), _ = _json_sums({"seriousEvents": _events(4, given), "otherEvents": _events(2, 3)})
    refused = row["serious_subjects_affected"]
    assert isinstance(refused, Refused) and refused.raw == raw
    assert "seriousEvents[].stats[].numAffected" in refused.expected
    assert row["other_subjects_affected"] == 5


def test_a_count_spelt_as_a_string_of_digits_is_read_and_noted():
    rows, problems = _json_sums({"otherEvents": _events("12", 3)})
    assert rows == [{"serious_subjects_affected": None, "other_subjects_affected": 15}]
    assert [reason for reason, _ in problems] == [READ_AS_SPELT]
    assert "'12'" in problems[0][1]


XML = """<clinical_study><id_info><nct_id>NCT09000051</nct_id></id_info><brief_title>A study</brief_title>
<overall_status>Completed</overall_status><clinical_results><reported_events>
<group_list><group group_id="E1"><title>Drug</title></group>
<group group_id="E2"><title>Placebo</title></group></group_list>
{events}</reported_events></clinical_results></clinical_study>"""


def _category(title: str, *counts: str) -> str:
    given = "".join(f'<counts group_id="E{index}" subjects_affected="{count}" subjects_at_risk="30"/>'
                    if count is not None else f'<counts group_id="E{index}" subjects_at_risk="30"/>'
                    for index, count in enumerate(counts, 1))
    return (f"<category><title>{title}</title><event_list><event><sub_title>An event</sub_title>{given}</event>"
            "</event_list></category>")


def _kind(tag: str, *categories: str) -> str:
    return f"<{tag}><category_list>{''.join(categories)}</category_list></{tag}>"


# (case, <reported_events> children, serious sum, other sum): AACT's last legacy XML loader's sums.
XML_CASES = [
    ("both kinds, the totals left out",
     _kind("serious_events", _category("Total", "3", "4"), _category("Cardiac disorders", "2", "1"),
           _category("Infections", "1", "0"))
     + _kind("other_events", _category("Total", "20", "18"), _category("Nervous system disorders", "12", "9")),
     4, 21),
    ("an empty count adds nothing", _kind("serious_events", _category("Cardiac disorders", "", "2")), 2, None),
    ("no count with a number: NULL, as AACT's SQL sum",
     _kind("serious_events", _category("Cardiac disorders", "", None)), None, None),
    ("only the totals", _kind("serious_events", _category("Total", "3", "4")), None, None),
    ("no events", "", None, None),
]


@pytest.mark.parametrize("name, events, serious, other", XML_CASES, ids=[case[0] for case in XML_CASES])
def test_legacy_xml_sums_are_those_of_aacts_xml_loader(name, events, serious, other):
    parsed = ctgov_xml.parse(XML.format(events=events).encode())
    assert parsed.records[0].tables["adverse_event_subject_sums"] == [
        {"serious_subjects_affected": serious, "other_subjects_affected": other}]


def test_legacy_xml_without_reported_events_gives_no_row_and_an_odd_count_is_refused_as_given():
    plain = XML.replace("<clinical_results><reported_events>", "").replace(
        "</reported_events></clinical_results>", "").format(events="")
    assert "adverse_event_subject_sums" not in ctgov_xml.parse(plain.encode()).records[0].tables
    odd = XML.format(events=_kind("other_events", _category("Infections", "4", "n/a")))
    (row,) = ctgov_xml.parse(odd.encode()).records[0].tables["adverse_event_subject_sums"]
    assert row["other_subjects_affected"] == Refused(
        "n/a", "a whole number in each <other_events> <counts subjects_affected>, to sum them")


def test_a_warehouse_gives_aacts_sums_in_calculated_values_and_keeps_an_odd_count_as_a_refused_value(run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for nct_id in AACT_SUMS:
        shutil.copyfile(FIXTURES / f"{nct_id}.json", source / f"{nct_id}.json")
    odd = dict(STUDY, resultsSection={"adverseEventsModule": {"seriousEvents": _events(1, 2.5),
                                                               "otherEvents": _events(6)}})
    (source / "odd.json").write_text(json.dumps(odd))
    assert run(source, check=False, workers=1).studies_loaded == 4
    sums = run.con.execute("SELECT nct_id, number_of_sae_subjects, number_of_nsae_subjects FROM calculated_values "
                           "ORDER BY nct_id").fetchall()
    assert sums == [(nct_id, *AACT_SUMS[nct_id]) for nct_id in sorted(AACT_SUMS)] + [("NCT09000050", None, 6)]
    assert run.con.execute("SELECT table_name, column_name, raw_value FROM meta.raw_values").fetchall() == [
        ("adverse_event_subject_sums", "serious_subjects_affected", "2.5")]
    refused = next(rule for rule in checks.all_rules() if rule.id == "invalid_values.refused_value")
    run_rules(run.con, [refused], run_id="t", as_of=AS_OF)
    assert run.con.execute("SELECT nct_id, message FROM quality_issues").fetchall() == [(
        "NCT09000050", "The source gives adverse_event_subject_sums.serious_subjects_affected as '2.5', but a whole "
        "number of participants in each seriousEvents[].stats[].numAffected, to sum them was expected; it is stored "
        "as NULL.")]
