"""Odd values of machine records: counts that are no count (their batch is validated study by study), a study nested
deep beside an escape without its pair, JSON keys given twice, the reason a part that could not be read is stored under,
and the findings the notes of these shapes give."""
from __future__ import annotations

import json
from types import SimpleNamespace

import duckdb
import pytest

from checks import invalid_values
from flows.parse_batch import ParsedBatch, parse_input
from flows.parsers import ctgov_json_v2
from flows.parsers.model import READ_AS_SPELT, UNPAIRED_ESCAPE, UNREAD_PART
from flows.validate import validate_batch
from tests.checks.harness import clean_study, findings_of_cases
from tests.test_bad_input import study_json
from tests.test_odd_values_added_modules_and_spellings import ENROLLMENT, _count, _json_input, _xml_input
from warehouse.connect import DDL_DIR

# Counts that are no count: the change of the record (or the legacy template's piece) -> the refused cell's raw value.
COUNTS = {
    "count-string-with-fraction": ("json", _count("120.0"), "120.0"),
    "count-negative": ("json", _count(-5), "-5"),
    "count-negative-string": ("json", _count("-5"), "-5"),
    "count-negative-legacy": ("xml", (ENROLLMENT, '<enrollment type="Actual">-5</enrollment>'), "-5"),
}
IDS = {name: f"NCT0919{5}{n:03d}" for n, name in enumerate(COUNTS)}


@pytest.fixture(scope="module")
def counts():
    batch = ParsedBatch()
    for name, (kind, change, _) in COUNTS.items():
        parse_input(_json_input(IDS[name], change) if kind == "json" else _xml_input(IDS[name], *change), batch)
    validated = validate_batch(batch)
    nct_of = [sourced.record.nct_id for sourced in batch.records]
    studies = validated.frames["studies"].set_axis([nct_of[at] for at in validated.frames["studies"].index])
    refused = {nct_of[value.position]: (f"{value.table}.{value.column}", value.raw) for value in validated.raw_values}
    return SimpleNamespace(studies=studies, refused=refused, problems=batch.problems)


@pytest.mark.parametrize("name", COUNTS)
def test_a_count_that_is_no_count_is_refused_quoted_and_its_study_loads(counts, name):
    nct_id = IDS[name]
    assert counts.refused[nct_id] == ("studies.enrollment", COUNTS[name][2])
    assert counts.studies.loc[nct_id, "enrollment_type"] == "ACTUAL"
    assert [problem for problem in counts.problems if problem.nct_id == nct_id] == []


def _deep(nct_id: str, depth: int, title: str) -> bytes:
    body = json.dumps(study_json(nct_id, title=title))
    return body.replace('"protocolSection": {', f'"deep": {"[" * depth}{"]" * depth}, "protocolSection": {{',
                        1).encode()


@pytest.mark.parametrize("depth", [500, 900])
def test_a_study_nested_deep_beside_an_escape_without_its_pair_loads_with_the_escape_noted(depth):
    """Its strings were read one call deeper per nested array: at 500 the study was rejected, 'nested deeper than
    this reader follows', for one odd character."""
    parsed = ctgov_json_v2.parse(_deep("NCT09196001", depth, "Aspirin \ud800 study"))
    assert [record.study["brief_title"] for record in parsed.records] == ["Aspirin \ufffd study"]
    assert [(problem.reason, problem.detail) for problem in parsed.problems] == [
        (UNPAIRED_ESCAPE, "document: identificationModule.briefTitle is 'Aspirin \\ud800 study', where a "
                          "\\uD800-\\uDFFF escape has no pair")]


def test_the_escapes_of_a_deep_study_are_noted_in_the_record_order_keys_included():
    record = study_json("NCT09196002", title="B\ud800")
    record["protocolSection"]["identificationModule"]["acronym\udc00"] = "X"
    record["protocolSection"]["descriptionModule"]["briefSummary"] = "C\ud800"
    record["deep"] = [[[["D\ud800"]]]]
    parsed = ctgov_json_v2.parse(json.dumps(record).encode())
    assert [problem.detail.removeprefix("document: ") for problem in parsed.problems] == [
        "identificationModule.briefTitle is 'B\\ud800', where a \\uD800-\\uDFFF escape has no pair",
        "the key 'acronym\\udc00' of identificationModule holds an escape without its pair: a key the registry does "
        "not give, not read",
        "descriptionModule.briefSummary is 'C\\ud800', where a \\uD800-\\uDFFF escape has no pair",
        "deep[0][0][0][0] is 'D\\ud800', where a \\uD800-\\uDFFF escape has no pair"]
    assert parsed.records[0].study["acronym"] == "SPORT"  # the key the registry gives, not the odd one


def test_a_key_given_twice_keeps_its_last_value_as_aacts_reader_does():
    """Seeing a key given twice needs a second reading of every file (orjson keeps the last value without a word):
    the value read is the one AACT's reader reads."""
    body = json.dumps(study_json("NCT09196003")).replace('"overallStatus": "COMPLETED"',
                                                          '"overallStatus": "RECRUITING", "overallStatus": "COMPLETED"')
    parsed = ctgov_json_v2.parse(body.encode())
    assert [record.study["overall_status"] for record in parsed.records] == ["COMPLETED"]


# The reason under which the load problems of parts that could not be read were stored before DDL 211.
UNREAD_PART_BEFORE = "part of the study has the wrong type and was not read"
REPEATED = "document: <phase> is given 2 times, where the registry gives it once: the first is read"


def test_the_reason_of_a_part_not_read_names_its_shape_and_stored_rows_move_to_it():
    """The reason said 'has the wrong type' also of an element given twice and of an attribute beside a value."""
    assert UNREAD_PART == "part of the study is given in another type or shape than the registry's and was not read"
    con = duckdb.connect()
    con.execute("CREATE SCHEMA meta")
    con.execute((DDL_DIR / "100_load_problems.sql").read_text())
    con.execute("INSERT INTO meta.load_problems VALUES ('r', 'a', '/in/x.xml', 'NCT01234567', 'parse', ?, ?), "
                "('r', 'a', '/in/y.json', 'NCT01234568', 'parse', ?, 'document: x')",
                [UNREAD_PART_BEFORE, REPEATED, READ_AS_SPELT])
    for name in ("210_read_as_spelt_reason.sql", "211_unread_part_reason.sql"):
        con.execute((DDL_DIR / name).read_text())
    assert con.execute("SELECT reason FROM meta.load_problems ORDER BY path").fetchall() == [
        (UNREAD_PART,), (READ_AS_SPELT,)]
    con.close()


LEGACY_MONTH = ("document: <start_date> is '2020-03', where legacy XML writes a date as 'March 2020' or 'March 5, "
                "2020': read as 2020-03")
SUBMITTED_YEAR = ("document: studyFirstSubmitDate is '2008', where API v2 writes a day (YYYY-MM-DD): read as "
                  "2008-12-31, the last day of the year")


def test_the_new_notes_give_findings_that_say_what_the_record_gives(tmp_path):
    studies, owners, rule_of = {}, {}, []
    for index, (reason, detail, rule_id) in enumerate((
            (READ_AS_SPELT, LEGACY_MONTH, "invalid_values.read_from_text"),
            (READ_AS_SPELT, SUBMITTED_YEAR, "invalid_values.read_from_text"),
            (UNREAD_PART, REPEATED, "invalid_values.unread_part"))):
        study = clean_study()
        study["meta.load_problems"] = [{"run_id": "r", "sha256": "0" * 64, "path": "/in/x", "stage": "parse",
                                        "reason": reason, "detail": detail}]
        nct_id = f"NCT0919700{index}"
        studies[nct_id], owners[nct_id] = study, index
        rule_of.append(rule_id)
    rules = {rule.id: rule for rule in invalid_values.RULES}
    found = findings_of_cases(tmp_path, studies, rules, owners, rule_of)
    spelt = "A value is written otherwise than the registry writes it: {}. It is stored as read."
    assert [found[index] for index in range(3)] == [
        [("info", spelt.format(LEGACY_MONTH.removeprefix("document: ")))],
        [("info", spelt.format(SUBMITTED_YEAR.removeprefix("document: ")))],
        [("warning", f"Part of the record could not be read: {REPEATED.removeprefix('document: ')}. What could not "
                     "be read is not loaded.")]]
