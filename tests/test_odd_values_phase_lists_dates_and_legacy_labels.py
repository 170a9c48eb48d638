"""Odd values of republished machine records: phases lists quoted as the record gives them or read as the pair they
name, dates written otherwise than API v2 writes them, lone values given for arrays, legacy XML labels refused in legacy
XML's words or read past a closing period, repeated and attribute-only legacy elements, and a legacy record in a
namespace. Each loads its study, the odd value refused or read as spelt and said, quoted as the record gives it.

Every variant is one study (one file) of one run, so that the pipeline runs once for the module."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from checks import invalid_values, missing_fields
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.run import run_pipeline
from tests.conftest import AS_OF
from tests.new_warehouse import connect_new
from tests.odd_value_files import design_change as _design
from tests.odd_value_files import json_variant as _json
from tests.odd_value_files import status_change as _status
from tests.odd_value_files import xml_variant as _xml

UNREAD = "invalid_values.unread_part"
REFUSED = "invalid_values.refused_value"
READ_AS_SPELT = "invalid_values.read_from_text"
NO_STATUS = "missing_fields.no_overall_status"
# What a phases list of several items should have been.
PHASES_KNOWN = ("a JSON list of API v2 phases (one of NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, or PHASE1 "
                "with PHASE2, or PHASE2 with PHASE3)")
WRITTEN = "A value is written otherwise than the registry writes it: "
TYPED = "A value is given as a string where API v2 gives another type: "


def _eligibility(**given):
    return lambda protocol: protocol.setdefault("eligibilityModule", {}).update(given)


def _conditions(**given):
    return lambda protocol: protocol["conditionsModule"].update(given)


def _start(date):
    return _status(startDateStruct={"date": date, "type": "ACTUAL"})


def _refused(column: str, raw: str, expected: str = "") -> tuple[str, str]:
    return REFUSED, f"The source gives {column} as '{raw}', but {expected}"


def _spelt(note: str) -> tuple[str, str]:
    return READ_AS_SPELT, f"{WRITTEN}{note}. It is stored as read."


def _unread(part: str) -> tuple[str, str]:
    return UNREAD, f"Part of the record could not be read: {part}. What could not be read is not loaded."


def _legacy(column: str, raw: str, tag: str) -> tuple[str, str]:
    return _refused(column, raw, f"a legacy XML <{tag}> value (one of ")


# API v2 shapes -> (the invalid_values findings: rule and the start of the message, or all of it; the column read and
# the value it loads, or None).
JSON_CASES = {
    "phases-joined-pair": (_design(phases=["PHASE1/PHASE2"]), [_spelt(
        "phases is '[\"PHASE1/PHASE2\"]', where API v2 writes each phase as an item, in order: read as PHASE1/PHASE2")],
        ("phase", "PHASE1/PHASE2")),
    "phases-joined-later-pair": (_design(phases=["PHASE2/PHASE3"]), [_spelt(
        "phases is '[\"PHASE2/PHASE3\"]', where API v2 writes each phase as an item, in order: read as PHASE2/PHASE3")],
        ("phase", "PHASE2/PHASE3")),
    "phases-pair-reversed": (_design(phases=["PHASE2", "PHASE1"]), [_spelt(
        "phases is '[\"PHASE2\", \"PHASE1\"]', where API v2 writes each phase as an item, in order: read as "
        "PHASE1/PHASE2")], ("phase", "PHASE1/PHASE2")),
    "phases-unknown-in-a-list": (_design(phases=["PHASE2", "PHASE5"]),
                                 [_refused("studies.phase", '["PHASE2", "PHASE5"]', PHASES_KNOWN)], ("phase", None)),
    "phases-lower-case": (_design(phases=["phase1", "phase2"]),
                          [_refused("studies.phase", '["phase1", "phase2"]', PHASES_KNOWN)], ("phase", None)),
    "phases-na-with-a-phase": (_design(phases=["NA", "PHASE1"]),
                               [_refused("studies.phase", '["NA", "PHASE1"]', PHASES_KNOWN)], ("phase", None)),
    "phases-pair-not-api-v2": (_design(phases=["PHASE1", "PHASE3"]),
                               [_refused("studies.phase", '["PHASE1", "PHASE3"]', PHASES_KNOWN)], ("phase", None)),
    "start-month-abbreviated": (_start("Jan 2020"), [_spelt(
        "startDateStruct.date is 'Jan 2020', where API v2 writes YYYY-MM: read as 2020-01")],
        ("start_month_year", "2020-01")),
    "start-month-named": (_start("January 2020"), [_spelt(
        "startDateStruct.date is 'January 2020', where API v2 writes YYYY-MM: read as 2020-01")],
        ("start_date_precision", "month")),
    "start-digits-unpadded": (_start("2020-1-5"), [_spelt(
        "startDateStruct.date is '2020-1-5', where API v2 writes YYYY-MM-DD: read as 2020-01-05")],
        ("start_date_precision", "day")),
    "completion-padded": (_status(completionDateStruct={"date": " 2021-06 ", "type": "ESTIMATED"}), [_spelt(
        "completionDateStruct.date is ' 2021-06 ', where API v2 writes YYYY-MM: read as 2021-06")],
        ("completion_month_year", "2021-06")),
    "submitted-month-day-year": (_status(studyFirstSubmitDate="Nov 3, 1999"), [_spelt(
        "studyFirstSubmitDate is 'Nov 3, 1999', where API v2 writes YYYY-MM-DD: read as 1999-11-03")],
        ("strftime(study_first_submitted_date, '%Y-%m-%d')", "1999-11-03")),
    "verified-month-named": (_status(statusVerifiedDate="August 2015"), [_spelt(
        "statusVerifiedDate is 'August 2015', where API v2 writes YYYY-MM: read as 2015-08")],
        ("verification_month_year", "2015-08")),
    "start-year-as-number": (_start(2020), [_spelt(
        "startDateStruct.date is the number 2020, where API v2 writes a date as a string (YYYY): read as 2020")],
        ("start_date_precision", "year")),
    "start-week": (_start("2020-W05"), [_refused("studies.start_date", "2020-W05", "a date")], ("start_date", None)),
    "start-quarter": (_start("2020-Q1"), [_refused("studies.start_date", "2020-Q1", "a date")], ("start_date", None)),
    "start-quarter-first": (_start("Q1 2020"), [_refused("studies.start_date", "Q1 2020", "a date")],
                            ("start_date", None)),
    "start-as-object": (_start({"year": 2020, "month": 1}),
                        [_refused("studies.start_date", '{"year": 2020, "month": 1}', "a date")], ("start_date", None)),
    "title-as-object": (lambda p: p["identificationModule"].update(briefTitle={"text": "A study"}),
                        [_refused("studies.brief_title", '{"text": "A study"}', "text")], ("brief_title", None)),
    "allocation-as-object": (lambda p: p["designModule"]["designInfo"].update(allocation={"value": "RANDOMIZED"}),
                             [_refused("designs.allocation", '{"value": "RANDOMIZED"}', "text")], None),
    "conditions-one-empty-object": (_conditions(conditions=[{}]), [_refused("conditions.name", "{}", "text")], None),
    "conditions-lone-string": (_conditions(conditions="Asthma"), [(READ_AS_SPELT, (
        f"{TYPED}conditions is the string 'Asthma', not a JSON array: read as a list of one. It is stored as read."))],
        None),
    "keywords-lone-number": (_conditions(keywords=5), [_spelt(
        "keywords is the number 5, where API v2 writes a JSON array of text: read as a list of one")], None),
    "count-space-separated": (_design(enrollmentInfo={"count": "1 200", "type": "ACTUAL"}),
                              [_refused("studies.enrollment", "1 200", "a whole number")], ("enrollment", None)),
    "count-point-separated": (_design(enrollmentInfo={"count": "1.200", "type": "ACTUAL"}),
                              [_refused("studies.enrollment", "1.200", "a whole number")], ("enrollment", None)),
    "count-negative-number": (_design(enrollmentInfo={"count": -5, "type": "ACTUAL"}),
                              [_refused("studies.enrollment", "-5", "a number at least 0")], ("enrollment", None)),
    "volunteers-one": (_eligibility(healthyVolunteers=1),
                       [_refused("eligibilities.healthy_volunteers", "1", "a JSON boolean")], None),
    "volunteers-zero": (_eligibility(healthyVolunteers=0),
                        [_refused("eligibilities.healthy_volunteers", "0", "a JSON boolean")], None),
    "status-closing-period": (_status(overallStatus="COMPLETED."),
                              [_refused("studies.overall_status", "COMPLETED.", "an API v2 value")],
                              ("overall_status", None)),
    "sex-in-a-list": (_eligibility(sex=["ALL"]), [_refused("eligibilities.gender", '["ALL"]', "text")], None),
}

STATUS = "<overall_status>Completed</overall_status>"
GENDER = "<gender>All</gender>"
ALLOCATION = "<allocation>Randomized</allocation>"
# Legacy XML shapes: the template's element and what replaces it -> (the invalid_values findings, as above; the column
# read and the value it loads, or None).
XML_CASES = {
    "status-closing-period": (STATUS, "<overall_status>Completed.</overall_status>", [_spelt(
        "<overall_status> is 'Completed.', where legacy XML writes a value without a closing '.': read as COMPLETED")],
        ("overall_status", "COMPLETED")),
    "gender-closing-period": (GENDER, "<gender>Female.</gender>", [_spelt(
        "<gender> is 'Female.', where legacy XML writes a value without a closing '.': read as FEMALE")], None),
    "status-of-another-word": (STATUS, "<overall_status>Closed</overall_status>",
                               [_legacy("studies.overall_status", "Closed", "overall_status")],
                               ("overall_status", None)),
    "gender-of-another-word": (GENDER, "<gender>Men</gender>", [_legacy("eligibilities.gender", "Men", "gender")],
                               None),
    "allocation-spelt-british": (ALLOCATION, "<allocation>Randomised</allocation>",
                                 [_legacy("designs.allocation", "Randomised", "allocation")], None),
    "masking-of-another-word": ("<masking>Triple (Participant, Care Provider, Investigator)</masking>",
                                "<masking>Blinded</masking>", [_legacy("designs.masking", "Blinded", "masking")],
                                None),
    "study-type-of-another-word": ("<study_type>Interventional</study_type>",
                                   "<study_type>Clinical Trial</study_type>",
                                   [_legacy("studies.study_type", "Clinical Trial", "study_type")],
                                   ("study_type", None)),
    "phase-of-another-number": ("<phase>Phase 3</phase>", "<phase>Phase 5</phase>",
                                [_legacy("studies.phase", "Phase 5", "phase")], ("phase", None)),
    "phase-closing-period": ("<phase>Phase 3</phase>", "<phase>Phase 3.</phase>",
                             [_legacy("studies.phase", "Phase 3.", "phase")], ("phase", None)),
    "arm-type-of-another-word": ("<arm_group_type>Experimental</arm_group_type>",
                                 "<arm_group_type>Treatment</arm_group_type>",
                                 [_legacy("design_groups.group_type", "Treatment", "arm_group_type")], None),
    # N/A is legacy XML's own study type (a WITHHELD record's): it has no API v2 value, which the finding says.
    "study-type-legacy-na": ("<study_type>Interventional</study_type>", "<study_type>N/A</study_type>",
                             [_refused("studies.study_type", "N/A", "an API v2 value")], ("study_type", None)),
    "gender-twice": (GENDER, "<gender>Female</gender>\n    <gender>Male</gender>", [_unread(
        "<eligibility/gender> is given 2 times, where the registry gives it once: the first is read")], None),
    "allocation-twice": (ALLOCATION, "<allocation>Randomized</allocation>\n    <allocation>N/A</allocation>", [_unread(
        "<study_design_info/allocation> is given 2 times, where the registry gives it once: the first is read")],
        None),
    # The status is not read: the study has none, as the missing-field rule says beside the unread part.
    "status-in-an-attribute": (STATUS, '<overall_status value="Completed"/>', [_unread(
        "<overall_status> gives no text, only the attribute 'value', where legacy XML gives the value as text"),
        (NO_STATUS, "Study has no overall status.")], ("overall_status", None)),
    "count-in-an-attribute": ('<enrollment type="Actual">111</enrollment>', '<enrollment type="Actual" value="111"/>',
                              [_unread("<enrollment> gives no text, only the attribute 'value', where legacy XML "
                                       "gives the value as text")], ("enrollment", None)),
    "country-in-an-attribute": ("<country>United States</country>\n  </location_countries>",
                                '<country name="United States"/>\n  </location_countries>',
                                [_unread("<location_countries/country> gives no text, only the attribute 'name', "
                                         "where legacy XML gives the value as text")], None),
    "start-in-an-attribute": ('<start_date type="Actual">July 30, 1998</start_date>',
                              '<start_date date="1998-07-30"/>', [_unread(
                                  "<start_date> gives no text, only the attribute 'date', where legacy XML gives the "
                                  "value as text")], ("start_date", None)),
    "namespaced-record": ("<clinical_study>", '<clinical_study xmlns="http://clinicaltrials.gov/ct2">', [],
                          ("phase", "PHASE3")),
}
# A legacy element given as whitespace only gives no value: the missing-field rules say so, nothing is refused.
BLANK_STATUS = (STATUS, "<overall_status>  \n  </overall_status>")


def _ids(prefix: int, names) -> dict[str, str]:
    return {name: f"NCT0917{prefix}{n:03d}" for n, name in enumerate(names)}


JSON_IDS, XML_IDS = _ids(1, JSON_CASES), _ids(2, XML_CASES)
BLANK_STATUS_ID = "NCT09173000"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One load of every variant, judged by the invalid_values rules and the missing overall status rule alone."""
    folder = tmp_path_factory.mktemp("odd_values_17")
    for name, (change, *_) in JSON_CASES.items():
        _json(folder / "in", JSON_IDS[name], change)
    for name, (old, new, *_) in XML_CASES.items():
        _xml(folder / "in", XML_IDS[name], old, new)
    _xml(folder / "in", BLANK_STATUS_ID, *BLANK_STATUS)
    con = connect_new(folder / "trials.duckdb")
    result = run_pipeline(con, run_id="odd17", source=folder / "in", db_path=folder / "trials.duckdb", as_of=AS_OF,
                          check=False, workers=1)
    scope = set_scope(con, None, AS_OF)
    rules = [*invalid_values.RULES, *(rule for rule in missing_fields.RULES if rule.id == NO_STATUS)]
    issues: dict[str, list[tuple[str, str]]] = {}
    for rule in rules:
        for finding in findings_of(con, rule, scope):
            issues.setdefault(finding.nct_id, []).append((rule.id, finding.message))
    yield SimpleNamespace(con=con, result=result, issues=issues)
    con.close()


def _matches(found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> bool:
    """Whether the findings are exactly the expected ones, each message starting with its expected words."""
    return len(found) == len(expected) and all(
        any(rule == wanted_rule and message.startswith(words) for rule, message in found)
        for wanted_rule, words in expected)


def _column(loaded, nct_id: str, column: tuple[str, object] | None) -> list[tuple]:
    if column is None:
        return []
    return loaded.con.execute(f"SELECT {column[0]} FROM studies WHERE nct_id = ?", [nct_id]).fetchall()


def test_every_variant_loads_its_study(loaded):
    assert (loaded.result.loaded, loaded.result.rejected) == (len(JSON_CASES) + len(XML_CASES) + 1, 0)


@pytest.mark.parametrize("name", JSON_CASES)
def test_an_odd_api_v2_value_is_refused_or_read_as_spelt_and_said_quoting_the_record(loaded, name):
    _, expected, column = JSON_CASES[name]
    nct_id = JSON_IDS[name]
    found = sorted(loaded.issues.get(nct_id, []))
    assert _matches(found, expected), found
    assert _column(loaded, nct_id, column) == ([] if column is None else [(column[1],)])


@pytest.mark.parametrize("name", XML_CASES)
def test_an_odd_legacy_xml_value_is_refused_in_legacy_xml_words_or_read_and_said(loaded, name):
    _, _, expected, column = XML_CASES[name]
    nct_id = XML_IDS[name]
    found = sorted(loaded.issues.get(nct_id, []))
    assert _matches(found, expected), found
    assert _column(loaded, nct_id, column) == ([] if column is None else [(column[1],)])


def test_a_refused_legacy_label_names_the_values_legacy_xml_allows(loaded):
    """<overall_status>Closed</...> was refused saying an API v2 value (ACTIVE_NOT_RECRUITING, ...) was expected."""
    [(_, message)] = loaded.issues[XML_IDS["status-of-another-word"]]
    assert message == ("The source gives studies.overall_status as 'Closed', but a legacy XML <overall_status> value "
                       "(one of Not yet recruiting, Recruiting, Enrolling by invitation, Active, not recruiting, "
                       "Suspended, Terminated, Completed, Withdrawn, Unknown status, Available, No longer available, "
                       "Temporarily not available, Approved for marketing, Withheld) was expected; it is stored as "
                       "NULL.")


def test_a_legacy_element_of_whitespace_only_gives_no_value_and_the_missing_field_rule_says_so(loaded):
    assert [rule for rule, _ in loaded.issues.get(BLANK_STATUS_ID, [])] == [NO_STATUS]
    assert _column(loaded, BLANK_STATUS_ID, ("overall_status", None)) == [(None,)]


def test_the_first_of_a_legacy_design_value_given_twice_is_read(loaded):
    """<allocation> given twice loaded the second (N/A), where every other element given twice loads the first."""
    assert loaded.con.execute("SELECT allocation FROM designs WHERE nct_id = ?",
                              [XML_IDS["allocation-twice"]]).fetchall() == [("RANDOMIZED",)]
