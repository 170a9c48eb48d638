"""Odd values of republished machine records: API v2 dates with a time, enums in another case, counts with words, empty
objects in arrays, a study without its protocolSection, odd JSON text; legacy XML in a prefixed namespace, CDATA,
character references, a DOCTYPE, comments and mixed content, attributes beside a value. Each loads its study with the
odd value refused or read as spelt and said, quoted as the record gives it, or the file is rejected with a true reason.

Every variant is one file of one parse and one validation, shared by the module (no pipeline run); the findings the
notes give are judged on one warehouse of the clean study."""
from __future__ import annotations

import json
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest

from checks import invalid_values, missing_fields
from flows.inputs import Input
from flows.parsers.ctgov_json_v2 import NO_PROTOCOL
from flows.parsers.ctgov_xml import UNSAFE_XML
from flows.parsers.model import EMPTY_PART, READ_AS_SPELT, UNREAD_PART
from tests.checks.harness import clean_study, findings_of_cases
from tests.odd_value_files import XML_ID, read_batch
from tests.test_bad_input import XML_TEMPLATE, study_json
from warehouse.connect import DDL_DIR

WHEN = datetime(2026, 1, 1)
# A title holding control characters (a bell, a NUL), as a copy through another tool may leave them: kept as given.
BELL_AND_NUL = "A\u0007 study\u0000"
LEGACY_DAY = ("<start_date> gives the attribute 'day' beside its value, where legacy XML gives none but type: it is "
              "not read")


def _protocol(change):
    return lambda record: change(record["protocolSection"])


def _status(**given):
    return _protocol(lambda protocol: protocol["statusModule"].update(given))


def _design(**given):
    return _protocol(lambda protocol: protocol["designModule"].update(given))


def _arms(**given):
    return _protocol(lambda protocol: protocol.setdefault("armsInterventionsModule", {}).update(given))


def _start(date_text: str, date_type: str = "ACTUAL"):
    return _status(startDateStruct={"date": date_text, "type": date_type})


def _empty(key: str) -> tuple[str, str]:
    return EMPTY_PART, f"{key}[0] is an empty object, where the registry gives the item's values"


def _no_protocol(record: dict) -> None:
    record.pop("protocolSection")
    record["derivedSection"] = {"miscInfoModule": {"versionHolder": "2024-01-02"}}


def _text_edit(old: str, new: str):
    """A change of the JSON text itself (what json.dumps cannot write: a lone surrogate, NaN)."""
    return lambda body: body.replace(old, new, 1)


# API v2 shapes: the change of the record (or of its JSON text) -> (the refused cells ('table.column', raw), the notes
# (reason, detail after 'document: '), the studies column read and the value it loads, or None).
JSON_CASES = {
    "start-with-time": (_start("2020-01-05T00:00:00Z"), [("studies.start_date", "2020-01-05T00:00:00Z")], [],
                        ("start_date", None)),
    "submitted-with-time": (_status(studyFirstSubmitDate="2020-01-05T00:00:00Z"),
                            [("studies.study_first_submitted_date", "2020-01-05T00:00:00Z")], [], None),
    "completion-with-clock": (_status(completionDateStruct={"date": "2021-06-30 00:00:00", "type": "ACTUAL"}),
                              [("studies.completion_date", "2021-06-30 00:00:00")], [], ("completion_date", None)),
    "start-slashed": (_start("01/05/2020"), [("studies.start_date", "01/05/2020")], [], ("start_date", None)),
    "start-digits-only": (_start("20200105"), [("studies.start_date", "20200105")], [], ("start_date", None)),
    "status-lower-case": (_status(overallStatus="completed"), [("studies.overall_status", "completed")], [],
                          ("overall_status", None)),
    "status-with-spaces": (_status(overallStatus="NOT YET RECRUITING"),
                           [("studies.overall_status", "NOT YET RECRUITING")], [], ("overall_status", None)),
    "study-type-lower-case": (_design(studyType="interventional"), [("studies.study_type", "interventional")], [],
                              ("study_type", None)),
    "one-phase-lower-case": (_design(phases=["phase2"]), [("studies.phase", "phase2")], [], ("phase", None)),
    "sex-lower-case": (_protocol(lambda p: p["eligibilityModule"].update(sex="female")),
                       [("eligibilities.gender", "female")], [], None),
    "date-type-lower-case": (_start("2020-01", "actual"), [("studies.start_date_type", "actual")], [],
                             ("start_date", date(2020, 1, 31))),
    "count-type-lower-case": (_design(enrollmentInfo={"count": 120, "type": "actual"}),
                              [("studies.enrollment_type", "actual")], [], ("enrollment", 120)),
    "count-with-a-word": (_design(enrollmentInfo={"count": "120 participants", "type": "ACTUAL"}),
                          [("studies.enrollment", "120 participants")], [], ("enrollment", None)),
    "count-with-a-fraction": (_design(enrollmentInfo={"count": 12.5, "type": "ACTUAL"}),
                              [("studies.enrollment", "12.5")], [], ("enrollment", None)),
    "count-string-point-zero": (_design(enrollmentInfo={"count": "12.0", "type": "ACTUAL"}),
                                [("studies.enrollment", "12.0")], [], ("enrollment", None)),
    # No count with its type: nothing is refused; missing_fields.no_enrollment says the study gives none (below).
    "count-null-with-type": (_design(enrollmentInfo={"count": None, "type": "ACTUAL"}), [], [],
                             ("enrollment_type", "ACTUAL")),
    "design-module-in-a-list": (_protocol(lambda p: p.update(designModule=[p["designModule"]])), [],
                                [(UNREAD_PART, "designModule is an array, not an object")], ("study_type", None)),
    "arm-empty-object": (_arms(armGroups=[{}]), [], [_empty("armGroups")], ("number_of_arms", 1)),
    "intervention-empty-object": (_arms(interventions=[{}]), [], [_empty("interventions")], None),
    "outcome-empty-object": (_protocol(lambda p: p.update(outcomesModule={"primaryOutcomes": [{}]})), [],
                             [_empty("primaryOutcomes")], None),
    "site-empty-object": (_protocol(lambda p: p.setdefault("contactsLocationsModule", {}).update(locations=[{}])),
                          [], [_empty("locations")], None),
    "title-very-long": (_protocol(lambda p: p["identificationModule"].update(briefTitle="Aspirin " * 20000)), [], [],
                        ("length(brief_title)", len("Aspirin " * 20000))),
    "title-control-characters": (_protocol(lambda p: p["identificationModule"].update(briefTitle=BELL_AND_NUL)), [],
                                 [], ("brief_title", BELL_AND_NUL)),
    "unknown-fields": (lambda record: (record["protocolSection"]["statusModule"].update(recordVersion=3),
                                       record.update(annotationSection2={"note": "x"})), [], [],
                       ("overall_status", "COMPLETED")),
}
# API v2 files rejected whole: the change of the record, or of its JSON text -> (reason, detail).
JSON_REJECTS = {
    "protocol-missing-derived-present": (_no_protocol, None, (NO_PROTOCOL, "document: the study gives 'hasResults', "
                                                                          "'derivedSection'")),
    "count-nan": (None, _text_edit('"count": ', '"count": NaN, "given": '),
                  ("invalid JSON", "unexpected character, expected a JSON value")),
}

STATUS = "<overall_status>Completed</overall_status>"
START = '<start_date type="Actual">July 30, 1998</start_date>'
ENROLLMENT = '<enrollment type="Actual">111</enrollment>'
NAMESPACE = "http://clinicaltrials.gov/ct2"
# Legacy XML shapes: (the template's piece, what replaces it) -> (refused cells, notes, the column read and its value).
XML_CASES = {
    "status-in-cdata": ((STATUS, "<overall_status><![CDATA[Completed]]></overall_status>"), [], [],
                        ("overall_status", "COMPLETED")),
    "status-character-reference": ((STATUS, "<overall_status>&#67;ompleted</overall_status>"), [], [],
                                   ("overall_status", "COMPLETED")),
    "status-with-a-comment-inside": ((STATUS, "<overall_status>Compl<!-- hand edit -->eted</overall_status>"), [], [],
                                     ("overall_status", "COMPLETED")),
    "doctype-without-entities": (("<clinical_study>", '<!DOCTYPE clinical_study SYSTEM "public.dtd">\n'
                                  "<clinical_study>"), [], [], ("overall_status", "COMPLETED")),
    "status-mixed-content": ((STATUS, "<overall_status>Completed <b>2020</b></overall_status>"), [],
                             [(UNREAD_PART, "<overall_status> holds <b>, not text only")], ("overall_status", None)),
    "start-month-with-day-attribute": ((START, '<start_date type="Actual" day="5">March 2020</start_date>'), [],
                                       [(UNREAD_PART, LEGACY_DAY)], ("start_date", date(2020, 3, 31))),
    "count-with-unit-attribute": ((ENROLLMENT, '<enrollment type="Actual" unit="participants">111</enrollment>'), [],
                                  [(UNREAD_PART, "<enrollment> gives the attribute 'unit' beside its value, where "
                                                 "legacy XML gives none but type: it is not read")],
                                  ("enrollment", 111)),
    "count-anticipated-decimal": ((ENROLLMENT, '<enrollment type="Anticipated">111.5</enrollment>'),
                                  [("studies.enrollment", "111.5")], [], ("enrollment_type", "ESTIMATED")),
    "count-point-zero": ((ENROLLMENT, '<enrollment type="Anticipated">111.0</enrollment>'),
                         [("studies.enrollment", "111.0")], [], ("enrollment", None)),
}
# Legacy records whose root is in a namespace named by a prefix: how the record is written -> the root's opening tag.
PREFIXED = {
    "prefixed-root-only": f'<ct:clinical_study xmlns:ct="{NAMESPACE}">',
    "prefixed-every-element": f'<ct:clinical_study xmlns:ct="{NAMESPACE}">',
}
UNSAFE_DOCTYPE = '<!DOCTYPE clinical_study [<!ENTITY status "Completed">]>\n<clinical_study>'


def _ids(prefix: int, names) -> dict[str, str]:
    return {name: f"NCT0918{prefix}{n:03d}" for n, name in enumerate(names)}


JSON_IDS, REJECT_IDS, XML_IDS, PREFIXED_IDS = (_ids(1, JSON_CASES), _ids(2, JSON_REJECTS), _ids(3, XML_CASES),
                                               _ids(4, PREFIXED))
UNSAFE_ID = "NCT09185000"


def _json_input(nct_id: str, change=None, edit=None) -> Input:
    record = study_json(nct_id)
    if change is not None:
        change(record)
    body = json.dumps(record)
    return Input(f"/in/{nct_id}.json", (body if edit is None else edit(body)).encode(), WHEN)


def _xml_input(nct_id: str, old: str, new: str) -> Input:
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert old in xml
    return Input(f"/in/{nct_id}.xml", xml.replace(old, new, 1).replace(XML_ID, nct_id).encode(), WHEN)


def _prefixed_input(nct_id: str, every_element: bool) -> Input:
    """The legacy template with its root, and every element if `every_element`, written with the prefix ct:."""
    xml = XML_TEMPLATE.read_text(encoding="utf-8").replace(XML_ID, nct_id)
    if every_element:
        xml = xml.replace("</", "</ct:").replace("<", "<ct:").replace("<ct:/ct:", "</ct:").replace("<ct:?", "<?")
        xml = xml.replace("<ct:!", "<!").replace("<ct:clinical_study>", PREFIXED["prefixed-every-element"], 1)
    else:
        xml = xml.replace("<clinical_study>", PREFIXED["prefixed-root-only"], 1)
        xml = xml.replace("</clinical_study>", "</ct:clinical_study>")
    return Input(f"/in/{nct_id}.xml", xml.encode(), WHEN)


def _inputs() -> list[Input]:
    inputs = [_json_input(JSON_IDS[name], change) for name, (change, *_) in JSON_CASES.items()]
    inputs += [_json_input(REJECT_IDS[name], change, edit) for name, (change, edit, _) in JSON_REJECTS.items()]
    inputs += [_xml_input(XML_IDS[name], *pieces) for name, (pieces, *_) in XML_CASES.items()]
    inputs += [_prefixed_input(PREFIXED_IDS[name], name == "prefixed-every-element") for name in PREFIXED]
    inputs.append(_xml_input(UNSAFE_ID, "<clinical_study>", UNSAFE_DOCTYPE))
    return inputs


@pytest.fixture(scope="module")
def read():
    """Every variant parsed into one batch and validated once: its rejects, notes, refused cells and loaded rows."""
    return read_batch(_inputs())


def _loaded(read, nct_id: str, column: tuple[str, object] | None) -> None:
    """The study loaded, and its column holds the value (NULL for None)."""
    assert nct_id in read.studies.index
    if column is None:
        return
    name, expected = column
    if name.startswith("length("):
        value = len(read.studies.at[nct_id, name[len("length("):-1]])
    else:
        value = read.studies.at[nct_id, name]
    if expected is None:
        assert pd.isna(value)
    else:
        assert (value.date() if hasattr(value, "date") else value) == expected


def test_every_variant_but_the_rejected_files_loads_its_study(read):
    loaded = len(JSON_CASES) + len(XML_CASES) + len(PREFIXED)
    assert (len(read.validated.accepted), len(read.validated.rejects)) == (loaded, 0)
    assert sorted(read.rejects) == sorted([f"/in/{nct_id}.json" for nct_id in REJECT_IDS.values()]
                                          + [f"/in/{UNSAFE_ID}.xml"])


@pytest.mark.parametrize("name", JSON_CASES)
def test_an_odd_api_v2_value_is_refused_quoted_or_noted_and_the_study_loads(read, name):
    _, refused, notes, column = JSON_CASES[name]
    nct_id = JSON_IDS[name]
    assert read.refused.get(nct_id, []) == refused
    assert read.notes.get(nct_id, []) == notes
    _loaded(read, nct_id, column)


@pytest.mark.parametrize("name", XML_CASES)
def test_an_odd_legacy_xml_value_is_refused_quoted_or_noted_and_the_study_loads(read, name):
    _, refused, notes, column = XML_CASES[name]
    nct_id = XML_IDS[name]
    assert read.refused.get(nct_id, []) == refused
    assert read.notes.get(nct_id, []) == notes
    _loaded(read, nct_id, column)


@pytest.mark.parametrize("name", JSON_REJECTS)
def test_an_api_v2_file_that_cannot_load_is_rejected_with_its_true_reason(read, name):
    """A study object without its protocolSection (derivedSection beside it) was rejected as of no known layout."""
    reason, detail = JSON_REJECTS[name][2]
    reject = read.rejects[f"/in/{REJECT_IDS[name]}.json"]
    assert (reject.reason, detail in reject.detail) == (reason, True)


@pytest.mark.parametrize("name", PREFIXED)
def test_a_legacy_record_whose_root_names_its_namespace_by_a_prefix_is_read_as_the_record(read, name):
    """<ct:clinical_study xmlns:ct="..."> was rejected as an unknown layout, where <clinical_study xmlns="..."> was
    read."""
    nct_id = PREFIXED_IDS[name]
    assert read.notes.get(nct_id, []) == [] and read.refused.get(nct_id, []) == []
    _loaded(read, nct_id, ("phase", "PHASE3"))
    _loaded(read, nct_id, ("start_date", date(1998, 7, 30)))


def test_a_doctype_that_declares_an_entity_is_still_refused(read):
    assert read.rejects[f"/in/{UNSAFE_ID}.xml"].reason == UNSAFE_XML


def test_the_empty_objects_load_as_aact_loads_them_rows_of_no_values(read):
    """The row of an empty arm, intervention, outcome or site stays (AACT writes it; number_of_arms counts it)."""
    frames, positions = read.validated.frames, {s.record.nct_id: at for at, s in enumerate(read.batch.records)}
    for table, name, column in (("design_groups", "arm-empty-object", "title"),
                                ("interventions", "intervention-empty-object", "name"),
                                ("design_outcomes", "outcome-empty-object", "measure"),
                                ("facilities", "site-empty-object", "name")):
        rows = frames[table][frames[table].index == positions[JSON_IDS[name]]]
        assert rows[column].isna().tolist() == [True], table


# Notes as the parser gives them, and the message of the finding each gives on the clean study.
FINDINGS = {
    "arm-empty-object": ("invalid_values.unread_part", "Part of the record gives nothing: armGroups[0] is an empty "
                         "object, where the registry gives the item's values."),
    "start-month-with-day-attribute": ("invalid_values.unread_part", f"Part of the record could not be read: "
                                       f"{LEGACY_DAY}. What could not be read is not loaded."),
}
SPELT_DETAIL = "document: startDateStruct.date is 'Jan 2020', where API v2 writes YYYY-MM: read as 2020-01"
# The reason under which the load problems of values read as spelt were stored before DDL 210.
READ_AS_SPELT_BEFORE = "a value given in another type was read as the value it spells"


def _problem_rows(read, name: str, nct_id: str) -> list[dict]:
    return [{"run_id": "r", "sha256": "0" * 64, "path": "/in/x", "stage": "parse", "reason": reason,
             "detail": f"document: {detail}"} for reason, detail in read.notes[nct_id]]


def test_the_notes_give_findings_that_say_what_the_record_gives(read, tmp_path):
    studies, owners, rule_of = {}, {}, []
    ids = {**JSON_IDS, **XML_IDS}
    for index, (name, (rule_id, _)) in enumerate(FINDINGS.items()):
        study = clean_study()
        study["meta.load_problems"] = _problem_rows(read, name, ids[name])
        studies[ids[name]], owners[ids[name]] = study, index
        rule_of.append(rule_id)
    spelt = clean_study()
    spelt["meta.load_problems"] = [{"run_id": "r", "sha256": "0" * 64, "path": "/in/x", "stage": "parse",
                                    "reason": READ_AS_SPELT, "detail": SPELT_DETAIL}]
    studies["NCT09189000"], owners["NCT09189000"] = spelt, len(rule_of)
    rule_of.append("invalid_values.read_from_text")
    no_count = clean_study()
    no_count["studies"][0].update(enrollment=None, enrollment_type="ACTUAL")
    studies["NCT09189001"], owners["NCT09189001"] = no_count, len(rule_of)
    rule_of.append("missing_fields.no_enrollment")
    rules = {rule.id: rule for rule in (*invalid_values.RULES, *missing_fields.RULES)}
    found = findings_of_cases(tmp_path, studies, rules, owners, rule_of)
    assert [found[index] for index in range(len(FINDINGS))] == [[("warning", message)]
                                                                for _, message in FINDINGS.values()]
    assert found[len(FINDINGS)] == [("info", "A value is written otherwise than the registry writes it: "
                                     f"{SPELT_DETAIL.removeprefix('document: ')}. It is stored as read.")]
    assert found[len(FINDINGS) + 1] == [("warning", "Study gives no enrollment.")]


def test_the_reason_of_a_value_read_as_spelt_names_both_kinds_and_stored_rows_move_to_it():
    """The reason said 'given in another type' also of a date 'Jan 2020' given as text, as API v2 gives dates."""
    assert READ_AS_SPELT == "a value given in another type or written otherwise was read as the value it spells"
    con = duckdb.connect()
    con.execute("CREATE SCHEMA meta")
    con.execute((DDL_DIR / "100_load_problems.sql").read_text())
    con.execute("INSERT INTO meta.load_problems VALUES ('r', 'a', '/in/x.json', 'NCT01234567', 'parse', ?, ?), "
                "('r', 'a', '/in/x.json', 'NCT01234567', 'parse', ?, 'document: designModule is a string')",
                [READ_AS_SPELT_BEFORE, SPELT_DETAIL, UNREAD_PART])
    con.execute((DDL_DIR / "210_read_as_spelt_reason.sql").read_text())
    assert con.execute("SELECT reason FROM meta.load_problems ORDER BY detail").fetchall() == [
        (UNREAD_PART,), (READ_AS_SPELT,)]
    con.close()
