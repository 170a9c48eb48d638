"""Odd values of republished machine records: phases named twice, legacy XML date types, date types given without a
date, type attributes spelt in another case, and the shapes a converter writes (times on dates, slashes, lower-case
values, numbers as text, CDATA, entities). Each loads its study, the odd value refused or read as spelt, and said,
quoted as the record gives it.

Every variant is one study (one file) of one run, so that the pipeline runs once for the module."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from checks import invalid_values
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
# What a phases list that names a phase twice should have been.
PHASES_ONCE = ("a JSON list that names each phase once (one of NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, or "
               "PHASE1 with PHASE2, or PHASE2 with PHASE3)")
# What a legacy XML type attribute should have been.
LEGACY_DATE_TYPE = "a legacy XML date type (Actual, Anticipated or Estimate)"
LEGACY_ENROLLMENT_TYPE = "a legacy XML enrollment type (Actual, Anticipated or Estimate)"
API_DATE_TYPE = "an API v2 value: one of ACTUAL, ESTIMATED"


def _first_site(**given):
    return lambda protocol: protocol["contactsLocationsModule"]["locations"][0].update(given)


# API v2 phases as given -> (studies.phase, the raw value kept and what was expected; None: nothing refused).
PHASES = {
    "twice": (["PHASE2", "PHASE2"], None, ('["PHASE2", "PHASE2"]', PHASES_ONCE)),
    "na-twice": (["NA", "NA"], None, ('["NA", "NA"]', PHASES_ONCE)),
    "three-one-twice": (["PHASE1", "PHASE2", "PHASE2"], None, ('["PHASE1", "PHASE2", "PHASE2"]', PHASES_ONCE)),
    "pair": (["PHASE1", "PHASE2"], "PHASE1/PHASE2", None),
    "with-a-blank": (["PHASE2", ""], "PHASE2", None),
}
# The dates of an API v2 statusModule as given -> the unread_part findings (None: quiet).
JSON_TYPES_WITHOUT_DATES = {
    "start-type-only": (_status(startDateStruct={"type": "ACTUAL"}),
                        "startDateStruct gives the type 'ACTUAL' without a date"),
    "start-blank-date": (_status(startDateStruct={"date": "", "type": "ESTIMATED"}),
                         "startDateStruct gives the type 'ESTIMATED' without a date"),
    "start-null-date": (_status(startDateStruct={"date": None, "type": "ESTIMATED"}),
                        "startDateStruct gives the type 'ESTIMATED' without a date"),
    "start-date-key-in-capitals": (_status(startDateStruct={"Date": "2020-01", "type": "ACTUAL"}),
                                   "startDateStruct gives the type 'ACTUAL' without a date"),
    "completion-type-only": (_status(completionDateStruct={"type": "ESTIMATED"}),
                             "completionDateStruct gives the type 'ESTIMATED' without a date"),
    "start-date-without-type": (_status(startDateStruct={"date": "2020-01"}), None),
    "start-blank-type": (_status(startDateStruct={"date": "2020-01", "type": ""}), None),
    # A posted date's type is kept beside no date: nothing is lost, and the missing-field rules judge the date.
    "posted-type-only": (_status(studyFirstPostDateStruct={"type": "ACTUAL"}), None),
}
# Shapes a converter writes into API v2 JSON -> (rule, the finding's quoted part): each refused or read as spelt.
JSON_SHAPES = {
    "start-with-time": (_status(startDateStruct={"date": "2020-01-01T00:00:00Z", "type": "ACTUAL"}),
                        REFUSED, "studies.start_date as '2020-01-01T00:00:00Z'"),
    "start-with-slashes": (_status(startDateStruct={"date": "2020/01/01", "type": "ACTUAL"}),
                           REFUSED, "studies.start_date as '2020/01/01'"),
    "start-day-zero": (_status(startDateStruct={"date": "2020-03-00", "type": "ACTUAL"}),
                       REFUSED, "studies.start_date as '2020-03-00'"),
    "start-date-in-a-list": (_status(startDateStruct={"date": ["2020-01"], "type": "ACTUAL"}),
                             REFUSED, "studies.start_date as '[\"2020-01\"]'"),
    "start-type-lower-case": (_status(startDateStruct={"date": "2020-01", "type": "actual"}),
                              REFUSED, f"studies.start_date_type as 'actual', but {API_DATE_TYPE} was expected"),
    "submitted-as-number": (_status(studyFirstSubmitDate=19991103),
                            REFUSED, "studies.study_first_submitted_date as '19991103'"),
    "status-lower-case": (_status(overallStatus="completed"), REFUSED, "studies.overall_status as 'completed'"),
    "status-padded": (_status(overallStatus=" COMPLETED "), REFUSED, "studies.overall_status as ' COMPLETED '"),
    "count-as-decimal-text": (_design(enrollmentInfo={"count": "120.0", "type": "ACTUAL"}),
                              REFUSED, "studies.enrollment as '120.0'"),
    "count-with-separator": (_design(enrollmentInfo={"count": "1,200", "type": "ACTUAL"}),
                             REFUSED, "studies.enrollment as '1,200'"),
    "latitude-decimal-comma": (_first_site(geoPoint={"lat": "45,75", "lon": 4.85}),
                               REFUSED, "facilities.latitude as '45,75'"),
    "condition-in-a-list": (lambda p: p["conditionsModule"].update(conditions=[["Sciatica"]]),
                            REFUSED, "conditions.name as '[\"Sciatica\"]'"),
    "volunteers-as-text": (lambda p: p["eligibilityModule"].update(healthyVolunteers="true"),
                           READ_AS_SPELT, "healthyVolunteers is the string 'true', not a JSON boolean: read as true"),
}

START = '<start_date type="Actual">July 30, 1998</start_date>'
COMPLETION = '<completion_date type="Actual">March 1, 2005</completion_date>'
ENROLLMENT = '<enrollment type="Actual">111</enrollment>'
POSTED = '<study_first_posted type="Estimate">January 27, 2003</study_first_posted>'
STATUS = "<overall_status>Completed</overall_status>"
# A legacy element as the template gives it, what replaces it, and the type refused with what was expected.
XML_TYPES = {
    "start-planned": (START, '<start_date type="Planned">July 2026</start_date>', "start_date_type",
                      LEGACY_DATE_TYPE),
    "enrollment-planned": (ENROLLMENT, '<enrollment type="Planned">111</enrollment>', "enrollment_type",
                           LEGACY_ENROLLMENT_TYPE),
    "posted-projected": (POSTED, '<study_first_posted type="Projected">January 27, 2003</study_first_posted>',
                         "study_first_posted_date_type", LEGACY_DATE_TYPE),
}
# A legacy element as the template gives it, what replaces it -> the unread_part finding (None: quiet) and the
# type loaded.
XML_ODD_TYPES = {
    "start-type-without-date": (START, '<start_date type="Actual"/>', "start_date_type",
                                "<start_date> gives the type 'Actual' without a date", None),
    "start-type-blank-date": (START, '<start_date type="Actual">  </start_date>', "start_date_type",
                              "<start_date> gives the type 'Actual' without a date", None),
    "completion-type-without-date": (COMPLETION, '<completion_date type="Anticipated"></completion_date>',
                                     "completion_date_type",
                                     "<completion_date> gives the type 'Anticipated' without a date", None),
    "start-unknown": (START, '<start_date type="Actual">Unknown</start_date>', "start_date_type", None, None),
    "start-empty-type": (START, '<start_date type="">July 30, 1998</start_date>', "start_date_type", None, None),
    "start-Type": (START, '<start_date Type="Actual">July 30, 1998</start_date>', "start_date_type",
                   "<start_date> gives its type in the attribute 'Type', where legacy XML names it 'type'", None),
    "enrollment-TYPE": (ENROLLMENT, '<enrollment TYPE="Anticipated">150</enrollment>', "enrollment_type",
                        "<enrollment> gives its type in the attribute 'TYPE', where legacy XML names it 'type'", None),
    "posted-Type": (POSTED, '<study_first_posted Type="Estimate">January 27, 2003</study_first_posted>',
                    "study_first_posted_date_type",
                    "<study_first_posted> gives its type in the attribute 'Type', where legacy XML names it 'type'",
                    None),
    "enrollment-type-and-Type": (ENROLLMENT, '<enrollment type="Actual" Type="Anticipated">111</enrollment>',
                                 "enrollment_type", None, "ACTUAL"),
    "start-type-lower-case": (START, '<start_date type="actual">July 30, 1998</start_date>', "start_date_type", None,
                              "ACTUAL"),
}
# Shapes a converter writes into legacy XML -> the column refused and the finding's quoted part.
XML_SHAPES = {
    "count-as-decimal": (ENROLLMENT, '<enrollment type="Actual">111.0</enrollment>', "enrollment",
                         "studies.enrollment as '111.0'"),
    "start-with-time": (START, '<start_date type="Actual">1998-07-30T00:00:00Z</start_date>', "start_date",
                        "studies.start_date as '1998-07-30T00:00:00Z'"),
    "start-with-slashes": (START, '<start_date type="Actual">1998/07/30</start_date>', "start_date",
                           "studies.start_date as '1998/07/30'"),
    "start-approximate": (START, '<start_date type="Actual">July 1998 (approx.)</start_date>', "start_date",
                          "studies.start_date as 'July 1998 (approx.)'"),
    "status-in-cdata": (STATUS, "<overall_status><![CDATA[Not Recruiting]]></overall_status>", "overall_status",
                        "studies.overall_status as 'Not Recruiting'"),
    "phase-with-entity": ("<phase>Phase 3</phase>", "<phase>Phase 2 &amp; 3</phase>", "phase",
                          "studies.phase as 'Phase 2 & 3'"),
}


def _ids(prefix: int, names) -> dict[str, str]:
    return {name: f"NCT0916{prefix}{n:03d}" for n, name in enumerate(names)}


PHASE_IDS, JSON_TYPE_IDS, JSON_SHAPE_IDS, XML_TYPE_IDS, XML_ODD_IDS, XML_SHAPE_IDS = (
    _ids(1, PHASES), _ids(2, JSON_TYPES_WITHOUT_DATES), _ids(3, JSON_SHAPES), _ids(4, XML_TYPES),
    _ids(5, XML_ODD_TYPES), _ids(6, XML_SHAPES))


def _variants(folder) -> None:
    for name, (phases, _, _) in PHASES.items():
        _json(folder, PHASE_IDS[name], _design(phases=phases))
    for ids, table in ((JSON_TYPE_IDS, JSON_TYPES_WITHOUT_DATES), (JSON_SHAPE_IDS, JSON_SHAPES)):
        for name, (change, *_) in table.items():
            _json(folder, ids[name], change)
    for ids, table in ((XML_TYPE_IDS, XML_TYPES), (XML_ODD_IDS, XML_ODD_TYPES), (XML_SHAPE_IDS, XML_SHAPES)):
        for name, (old, new, *_) in table.items():
            _xml(folder, ids[name], old, new)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One load of every variant, judged by the invalid_values rules alone (the other rules are not asked)."""
    folder = tmp_path_factory.mktemp("odd_values_16")
    _variants(folder / "in")
    con = connect_new(folder / "trials.duckdb")
    result = run_pipeline(con, run_id="odd16", source=folder / "in", db_path=folder / "trials.duckdb", as_of=AS_OF,
                          check=False, workers=1)
    scope = set_scope(con, None, AS_OF)
    issues: dict[tuple[str, str], list[str]] = {}
    for rule in invalid_values.RULES:
        for finding in findings_of(con, rule, scope):
            issues.setdefault((finding.nct_id, rule.id), []).append(finding.message)
    yield SimpleNamespace(con=con, result=result, issues=issues)
    con.close()


def _rows(loaded, sql: str, nct_id: str) -> list[tuple]:
    return loaded.con.execute(sql, [nct_id]).fetchall()


def _issues(loaded, nct_id: str, rule: str) -> list[str]:
    """Messages of one rule on one study, in order."""
    return sorted(loaded.issues.get((nct_id, rule), []))


def _unread(loaded, nct_id: str) -> list[str]:
    return _issues(loaded, nct_id, UNREAD)


def _finding(part: str | None) -> list[str]:
    return [] if part is None else [f"Part of the record could not be read: {part}. What could not be read is not "
                                    "loaded."]


def test_every_variant_loads_its_study(loaded):
    studies = sum(map(len, (PHASES, JSON_TYPES_WITHOUT_DATES, JSON_SHAPES, XML_TYPES, XML_ODD_TYPES, XML_SHAPES)))
    assert (loaded.result.loaded, loaded.result.rejected) == (studies, 0)


def test_a_phases_list_that_names_a_phase_twice_is_refused_quoting_the_list_the_record_gives(loaded):
    """["PHASE2", "PHASE2"] was quoted as 'PHASE2/PHASE2', AACT's joined form, which the record never gives; a list
    that names each phase once is joined as AACT joins it (and a blank item names none)."""
    found = {name: (_rows(loaded, "SELECT phase FROM studies WHERE nct_id = ?", nct_id)[0][0],
                    _rows(loaded, "SELECT raw_value, expected FROM meta.raw_values WHERE nct_id = ?", nct_id))
             for name, nct_id in PHASE_IDS.items()}
    assert found == {name: (phase, [refused] if refused else []) for name, (_, phase, refused) in PHASES.items()}
    [message] = _issues(loaded, PHASE_IDS["twice"], REFUSED)
    assert message.startswith("The source gives studies.phase as '[\"PHASE2\", \"PHASE2\"]', but a JSON list that "
                              "names each phase once")


def test_an_api_v2_date_type_given_without_a_date_is_said_not_dropped_without_a_word(loaded):
    """A struct {"type": "ACTUAL"} (a republished copy's) once loaded no date and no type, with nothing said."""
    found = {name: _unread(loaded, nct_id) for name, nct_id in JSON_TYPE_IDS.items()}
    assert found == {name: _finding(part) for name, (_, part) in JSON_TYPES_WITHOUT_DATES.items()}
    assert _rows(loaded, "SELECT study_first_posted_date_type FROM studies WHERE nct_id = ?",
                 JSON_TYPE_IDS["posted-type-only"]) == [("ACTUAL",)]


@pytest.mark.parametrize("name", JSON_SHAPES)
def test_a_converters_api_v2_shape_is_refused_or_read_as_spelt_and_quoted(loaded, name):
    _, rule, quoted = JSON_SHAPES[name]
    messages = _issues(loaded, JSON_SHAPE_IDS[name], rule)
    assert [m for m in messages if quoted in m] == messages and len(messages) == 1


def test_a_legacy_xml_type_of_another_word_is_refused_in_the_words_of_legacy_xml(loaded):
    """type="Planned" was refused saying an API v2 value (ACTUAL, ESTIMATED) was expected: the record is legacy XML,
    whose types are Actual, Anticipated and Estimate."""
    found = {name: (_rows(loaded, f"SELECT {column} FROM studies WHERE nct_id = ?", XML_TYPE_IDS[name]),
                    _rows(loaded, "SELECT column_name, raw_value, expected FROM meta.raw_values WHERE nct_id = ?",
                          XML_TYPE_IDS[name]))
             for name, (_, _, column, _) in XML_TYPES.items()}
    raw = {"start-planned": "Planned", "enrollment-planned": "Planned", "posted-projected": "Projected"}
    assert found == {name: ([(None,)], [(column, raw[name], expected)])
                     for name, (_, _, column, expected) in XML_TYPES.items()}
    [message] = _issues(loaded, XML_TYPE_IDS["start-planned"], REFUSED)
    assert message == (f"The source gives studies.start_date_type as 'Planned', but {LEGACY_DATE_TYPE} was expected; "
                       "it is stored as NULL.")


def test_a_legacy_type_without_a_date_or_in_an_attribute_of_another_case_is_said(loaded):
    """<start_date type="Actual"/> and <start_date Type="Actual"> once lost the type with nothing said; the registry's
    Unknown date (no date, by its own word) and an empty type stay quiet."""
    found = {name: (_unread(loaded, XML_ODD_IDS[name]),
                    _rows(loaded, f"SELECT {column} FROM studies WHERE nct_id = ?", XML_ODD_IDS[name]))
             for name, (_, _, column, _, _) in XML_ODD_TYPES.items()}
    assert found == {name: (_finding(part), [(loaded_type,)])
                     for name, (_, _, _, part, loaded_type) in XML_ODD_TYPES.items()}


@pytest.mark.parametrize("name", XML_SHAPES)
def test_a_converters_legacy_xml_shape_is_refused_and_quoted_as_its_text(loaded, name):
    """CDATA and entities are XML's own: the value quoted is the text they hold."""
    _, _, column, quoted = XML_SHAPES[name]
    nct_id = XML_SHAPE_IDS[name]
    assert _rows(loaded, f"SELECT {column} FROM studies WHERE nct_id = ?", nct_id) == [(None,)]
    [message] = _issues(loaded, nct_id, REFUSED)
    assert f"gives {quoted}," in message
