"""Registry records of shapes that few records have: each value is read as AACT reads it, and what the registry
states (an unknown event day) is neither refused nor flagged as an error in the record."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.parsers.dates import MONTH_YEAR_COLUMNS

# A legacy record whose pending results name a canceled submission whose day the registry does not know (as real
# records of 2018 give it).
PENDING_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clinical_study>
  <id_info><org_study_id>P-18-01</org_study_id><nct_id>NCT03435185</nct_id></id_info>
  <brief_title>A study with results pending</brief_title>
  <overall_status>Completed</overall_status>
  <study_type>Interventional</study_type>
  <pending_results>
    <submitted>February 20, 2018</submitted>
    <submission_canceled>Unknown</submission_canceled>
    <submitted>March 8, 2018</submitted>
  </pending_results>
</clinical_study>
"""
STUDY = {"protocolSection": {"identificationModule": {"nctId": "NCT03435186", "briefTitle": "A study"},
                             "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2018-03",
                                              "studyFirstPostDateStruct": {"date": "2017-01-02"},
                                              "lastUpdatePostDateStruct": {"date": "2018-03-09"}}}}


def _events(rows: list[dict]) -> list[tuple]:
    return [(row["event"], row["event_date_description"], row["event_date"]) for row in rows]


def test_a_pending_results_event_of_unknown_day_keeps_the_registrys_words_and_no_date():
    parsed = ctgov_xml.parse(PENDING_XML.encode())
    assert parsed.problems == []
    assert _events(parsed.records[0].tables["pending_results"]) == [
        ("RELEASE", "February 20, 2018", date(2018, 2, 20)), ("UNRELEASE", "Unknown", None),
        ("RELEASE", "March 8, 2018", date(2018, 3, 8))]


def test_an_api_v2_unposted_event_of_unknown_day_is_read_the_same_way():
    study = {**STUDY, "annotationSection": {"annotationModule": {"unpostedAnnotation": {"unpostedEvents": [
        {"type": "RELEASE", "date": "2018-02-20"}, {"type": "UNRELEASE", "date": "unknown"}]}}}}
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    assert _events(parsed.records[0].tables["pending_results"]) == [
        ("RELEASE", "2018-02-20", date(2018, 2, 20)), ("UNRELEASE", "unknown", None)]


def _loaded(run, tmp_path, xml: str):
    """The warehouse connection after a run over a folder holding the one legacy XML record."""
    source = tmp_path / "records"
    source.mkdir()
    (source / "NCT03435185.xml").write_text(xml)
    run(Path(source))
    return run.con


def test_an_unknown_event_day_is_no_refused_value_and_raises_no_issue(run, tmp_path):
    con = _loaded(run, tmp_path, PENDING_XML)
    assert con.execute("SELECT count(*) FROM meta.raw_values").fetchone() == (0,)
    assert con.execute("SELECT rule_id FROM quality_issues WHERE rule_id LIKE 'invalid_values.%'").fetchall() == []
    assert con.execute("SELECT event_date_description, event_date FROM pending_results WHERE event = 'UNRELEASE'"
                       ).fetchall() == [("Unknown", None)]


# Legacy XML's date type (public.xsd variable_date_type) is a date or the word Unknown.
UNKNOWN_DATES_XML = PENDING_XML.replace("<pending_results>", """<start_date>Unknown</start_date>
  <completion_date type="Anticipated">Unknown</completion_date>
  <primary_completion_date type="Actual">June 2017</primary_completion_date>
  <verification_date>Unknown</verification_date>
  <study_first_submitted>Unknown</study_first_submitted>
  <study_first_posted type="Estimate">Unknown</study_first_posted>
  <results_first_posted type="Estimate">Unknown</results_first_posted>
  <pending_results>""")


def _pick(row: dict, *columns: str) -> tuple:
    return tuple(row[column] for column in columns)


def _dates(row: dict, prefix: str) -> tuple:
    return (row[prefix], row[f"{prefix}_precision"], row.get(f"{prefix}_type"), row[MONTH_YEAR_COLUMNS[prefix]])


def test_a_legacy_date_the_registry_gives_as_unknown_is_no_date_and_keeps_its_word_where_aact_keeps_the_text():
    parsed = ctgov_xml.parse(UNKNOWN_DATES_XML.encode())
    assert parsed.problems == []
    row = parsed.records[0].study
    assert _dates(row, "start_date") == (None, None, None, "Unknown")
    assert _dates(row, "completion_date") == (None, None, None, "Unknown")  # no type without a date
    assert _dates(row, "verification_date") == (None, None, None, "Unknown")
    assert _dates(row, "primary_completion_date") == (date(2017, 6, 30), "month", "ACTUAL", "2017-06")
    assert _pick(row, "study_first_submitted_date", "study_first_posted_date", "study_first_posted_date_type",
                 "results_first_posted_date", "results_first_posted_date_type") == (None, None, None, None, None)


def test_a_date_given_as_unknown_is_judged_missing_not_refused(run, tmp_path):
    con = _loaded(run, tmp_path, UNKNOWN_DATES_XML)
    assert con.execute("SELECT count(*) FROM meta.raw_values").fetchone() == (0,)
    rules = {rule for (rule,) in con.execute("SELECT rule_id FROM quality_issues").fetchall()}
    assert not {rule for rule in rules if rule.startswith("invalid_values.")}
    assert "missing_fields.no_start_date" in rules
