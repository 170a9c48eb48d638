"""Odd values of machine records: API v2 modules and values the registry added or may add (expanded access,
biospecimens, masking lists, other names, IPD sharing, annotations, documents, results), counts and dates in every
spelling, nulls, empty strings and lists, Unicode; legacy XML dates written otherwise, enrollment types, phases,
repeated conditions and keywords, text blocks, CDATA, comments and entities. Each loads what the record says, with a
refused value or a note for what it could not read as the registry writes it, never a silent NULL nor a lost study.

Every variant is one file of one parse and one validation, shared by the module (no pipeline run); counts that are no
count, which make their batch validated study by study, are in test_odd_values_non_counts_and_repeated_keys."""
from __future__ import annotations

import json
import re
from datetime import date, datetime

import pandas as pd
import pytest

from flows.inputs import Input
from flows.parsers.model import READ_AS_SPELT, UNREAD_PART
from tests.odd_value_files import XML_ID, read_batch
from tests.test_bad_input import XML_TEMPLATE, study_json

WHEN = datetime(2026, 1, 1)
NFD_TITLE = "Cafe\u0301 au lait study"  # an e and a combining acute accent, as macOS file names write it
RTL_TITLE = "\u062f\u0631\u0627\u0633\u0629 \u0633\u0631\u064a\u0631\u064a\u0629 (Phase 2) \u05de\u05d7\u05e7\u05e8"
EMOJI = "\U0001F9EA TEST-1"
MESHES = [{"id": f"D{n:06d}", "term": f"Condition {n}"} for n in range(300)]
ANCESTORS = [{"id": f"D{n:06d}", "term": f"Ancestor {n}"} for n in range(1500)]


def _protocol(change):
    return lambda record: change(record["protocolSection"])


def _module(name: str, **given):
    return _protocol(lambda protocol: protocol.setdefault(name, {}).update(given))


def _status(**given):
    return _module("statusModule", **given)


def _design(**given):
    return _module("designModule", **given)


def _design_info(**given):
    return _protocol(lambda protocol: protocol["designModule"]["designInfo"].update(given))


def _masking(**given):
    return _protocol(lambda protocol: protocol["designModule"]["designInfo"]["maskingInfo"].update(given))


def _identification(**given):
    return _module("identificationModule", **given)


def _conditions(**given):
    return _module("conditionsModule", **given)


def _intervention(**given):
    return _protocol(lambda protocol: protocol["armsInterventionsModule"]["interventions"][0].update(given))


def _section(name: str, value: dict):
    return lambda record: record.__setitem__(name, value)


def _count(count, kind: str = "ACTUAL"):
    return _design(enrollmentInfo={"count": count, "type": kind})


def _start(given, kind: str = "ACTUAL"):
    return _status(startDateStruct={"date": given, "type": kind})


def _spelt(detail: str) -> tuple[str, str]:
    return READ_AS_SPELT, detail


def _unread(detail: str) -> tuple[str, str]:
    return UNREAD_PART, detail


def _day_note(name: str, given: str, read: str, period: str = "month") -> tuple[str, str]:
    return _spelt(f"{name} is '{given}', where API v2 writes a day (YYYY-MM-DD): read as {read}, the last day of the "
                  f"{period}")


DOCUMENT = {"typeAbbrev": "Prot_SAP", "hasProtocol": True, "hasSap": True, "hasIcf": False,
            "label": "Study Protocol and Statistical Analysis Plan", "date": "2019-05-01",
            "uploadDate": "2020-01-02T10:11", "filename": "Prot_SAP_000.pdf", "size": 12345}
UNPOSTED = {"annotationModule": {"unpostedAnnotation": {"unpostedEvents": [{"type": "RELEASE", "date": "2020-01-02"}]},
                                 "violationAnnotation": {"violationEvents": [{"type": "VIOLATION_IDENTIFIED_BY_SPONSOR",
                                                                              "creationDate": "2020-01-01"}]}}}
RESULTS = {"baselineCharacteristicsModule": {"populationDescription": "All randomized eyes",
                                             "typeUnitsAnalyzed": "Eyes",
                                             "groups": [{"id": "BG000", "title": "Laser"}],
                                             "measures": [{"title": "Age", "paramType": "MEAN", "classes": []}]},
           "moreInfoModule": {"limitationsAndCaveats": {"description": "Small sample"}}}
IPD = {"ipdSharing": "YES", "description": "De-identified data",
       "infoTypes": ["STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE"], "timeFrame": "6 months after publication",
       "accessCriteria": "On request", "url": "https://example.org/ipd"}

# API v2 shapes: the change of the record -> (refused cells ('table.column', raw), notes (reason, detail after
# 'document: '), (column as 'column' of studies or 'table.column' of the study's first row, or 'table#' for its row
# count; the value loaded, None for NULL)). New behaviour: the whole numbers written with a fraction and the
# months and years given for a day.
JSON_CASES = {
    # A count of no fraction written with one: read, and now noted.
    "count-whole-float": (_count(120.0), [], [_spelt("enrollmentInfo.count is the number 120.0, where API v2 writes a "
                                                     "whole number without a fraction: read as 120")],
                          ("enrollment", 120)),
    "count-zero-float": (_count(0.0), [], [_spelt("enrollmentInfo.count is the number 0.0, where API v2 writes a "
                                                  "whole number without a fraction: read as 0")], ("enrollment", 0)),
    # A month or a year given for a date the registry gives to the day: stored as its last day, now noted.
    "submitted-month": (_status(studyFirstSubmitDate="2020-01"), [],
                        [_day_note("studyFirstSubmitDate", "2020-01", "2020-01-31")],
                        ("study_first_submitted_date", date(2020, 1, 31))),
    "submitted-year": (_status(studyFirstSubmitDate="2008"), [],
                       [_day_note("studyFirstSubmitDate", "2008", "2008-12-31", "year")],
                       ("study_first_submitted_date", date(2008, 12, 31))),
    "submitted-named-month": (_status(lastUpdateSubmitDate="Jan 2020"), [],
                              [_day_note("lastUpdateSubmitDate", "Jan 2020", "2020-01-31")],
                              ("last_update_submitted_date", date(2020, 1, 31))),
    "results-posted-month": (_status(resultsFirstPostDateStruct={"date": "2021-06", "type": "ACTUAL"}), [],
                             [_day_note("resultsFirstPostDateStruct.date", "2021-06", "2021-06-30")],
                             ("results_first_posted_date", date(2021, 6, 30))),
    "document-date-month": (_section("documentSection", {"largeDocumentModule": {"largeDocs": [
        {**DOCUMENT, "date": "May 2019"}]}}), [], [_day_note("largeDocs.date", "May 2019", "2019-05-31")],
                            ("provided_documents.document_date", date(2019, 5, 31))),
    "snapshot-month": (_section("derivedSection", {"miscInfoModule": {"versionHolder": "2024-01"}}), [],
                       [_day_note("versionHolder", "2024-01", "2024-01-31")], ("snapshot_date", date(2024, 1, 31))),
    "unposted-event-month": (_section("annotationSection", {"annotationModule": {"unpostedAnnotation": {
        "unpostedEvents": [{"type": "RELEASE", "date": "2020-01"}]}}}), [],
                             [_day_note("unpostedEvents.date", "2020-01", "2020-01-31")],
                             ("pending_results.event_date", date(2020, 1, 31))),
    # Newer modules and fields, read as AACT reads them.
    "expanded-access-info": (_status(expandedAccessInfo={"hasExpandedAccess": True, "nctId": "NCT00000001",
                                                         "statusForNctId": "AVAILABLE"}), [], [],
                             ("expanded_access_status_for_nctid", "AVAILABLE")),
    "expanded-access-new-status": (_status(expandedAccessInfo={"hasExpandedAccess": True, "nctId": "NCT00000001",
                                                               "statusForNctId": "WAITLISTED"}),
                                   [("studies.expanded_access_status_for_nctid", "WAITLISTED")], [],
                                   ("expanded_access_nctid", "NCT00000001")),
    "biospecimens": (_design(bioSpec={"retention": "SAMPLES_WITH_DNA", "description": "Serum and buffy coat"}), [], [],
                     ("biospec_retention", "SAMPLES_WITH_DNA")),
    "biospecimens-new-retention": (_design(bioSpec={"retention": "SAMPLES_WITH_RNA", "description": "Serum"}),
                                   [("studies.biospec_retention", "SAMPLES_WITH_RNA")], [],
                                   ("biospec_description", "Serum")),
    "masked-four-roles": (_masking(masking="QUADRUPLE", whoMasked=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                                    "OUTCOMES_ASSESSOR"]), [], [],
                          ("designs.outcomes_assessor_masked", True)),
    "masked-roles-empty-list": (_masking(masking="DOUBLE", whoMasked=[]), [], [], ("designs.masking", "DOUBLE")),
    "masked-roles-one-string": (_masking(masking="SINGLE", whoMasked="PARTICIPANT"), [],
                                [_unread("whoMasked is a string, not an array")], ("designs.subject_masked", None)),
    "masked-with-description": (_masking(masking="SINGLE", maskingDescription="Sealed envelopes",
                                         whoMasked=["OUTCOMES_ASSESSOR"]), [], [],
                                ("designs.masking_description", "Sealed envelopes")),
    "other-names": (_intervention(otherNames=["4-HPR", "Fenretinide capsules"]), [], [],
                    ("intervention_other_names#", 2)),
    "other-names-one-string": (_intervention(otherNames="4-HPR"), [],
                               [_spelt("otherNames is the string '4-HPR', not a JSON array: read as a list of one")],
                               ("intervention_other_names.name", "4-HPR")),
    "other-names-repeated": (_intervention(otherNames=["4-HPR", "4-HPR"]), [], [], ("intervention_other_names#", 2)),
    "ipd-sharing-full": (_protocol(lambda p: p.update(ipdSharingStatementModule=dict(IPD))), [], [],
                         ("ipd_information_types#", 5)),
    "ipd-new-info-type": (_protocol(lambda p: p.update(ipdSharingStatementModule={
        "ipdSharing": "YES", "infoTypes": ["STUDY_PROTOCOL", "DATA_DICTIONARY"]})),
                          [("ipd_information_types.name", "DATA_DICTIONARY")], [], ("plan_to_share_ipd", "YES")),
    "ipd-new-answer": (_protocol(lambda p: p.update(ipdSharingStatementModule={"ipdSharing": "MAYBE"})),
                       [("studies.plan_to_share_ipd", "MAYBE")], [], ("plan_to_share_ipd", None)),
    "annotations": (_section("annotationSection", UNPOSTED), [], [], ("pending_results.event", "RELEASE")),
    "annotation-new-event": (_section("annotationSection", {"annotationModule": {"unpostedAnnotation": {
        "unpostedEvents": [{"type": "WITHDRAW", "date": "2020-01-02"}]}}}),
                             [("pending_results.event", "WITHDRAW")], [],
                             ("pending_results.event_date", date(2020, 1, 2))),
    "documents": (_section("documentSection", {"largeDocumentModule": {"noSap": False, "largeDocs": [DOCUMENT]}}), [],
                  [], ("provided_documents.has_sap", True)),
    "results-baseline": (_section("resultsSection", RESULTS), [], [], ("baseline_type_units_analyzed", "Eyes")),
    "mesh-terms-many": (_section("derivedSection", {"conditionBrowseModule": {
        "meshes": MESHES, "ancestors": ANCESTORS,
        "browseLeaves": [{"id": "M1", "name": "Leaf", "relevance": "HIGH"}] * 50,
        "browseBranches": [{"abbrev": "BC04", "name": "Neoplasms"}]}}), [], [], ("browse_conditions#", 1800)),
    # Values the schema does not know: refused, quoted as given.
    "status-new-value": (_status(overallStatus="PAUSED"), [("studies.overall_status", "PAUSED")], [],
                         ("overall_status", None)),
    "purpose-new-value": (_design_info(primaryPurpose="DEVICE_VALIDATION"),
                          [("designs.primary_purpose", "DEVICE_VALIDATION")], [], ("designs.allocation", "RANDOMIZED")),
    # Counts in every spelling.
    "count-string": (_count("120"), [], [_spelt("enrollmentInfo.count is the string '120', not a number: read as 120")],
                     ("enrollment", 120)),
    "count-zero": (_count(0), [], [], ("enrollment", 0)),
    # Dates in every spelling.
    "start-year": (_start("2021"), [], [], ("start_date_precision", "year")),
    "start-month": (_start("2021-02"), [], [], ("start_date", date(2021, 2, 28))),
    "start-february-30": (_start("2021-02-30"), [("studies.start_date", "2021-02-30")], [], ("start_date", None)),
    "start-iso-week": (_start("2021-W05"), [("studies.start_date", "2021-W05")], [], ("start_date", None)),
    "start-iso-week-day": (_start("2021-W05-3"), [("studies.start_date", "2021-W05-3")], [], ("start_date", None)),
    "start-ordinal-day": (_start("2021-036"), [("studies.start_date", "2021-036")], [], ("start_date", None)),
    "start-empty-string": (_start(""), [], [_unread("startDateStruct gives the type 'ACTUAL' without a date")],
                           ("start_date", None)),
    "start-struct-empty": (_status(startDateStruct={}), [], [], ("start_date", None)),
    # Nulls, empty strings and empty lists: nothing given, nothing refused.
    "title-null": (_identification(briefTitle=None), [], [], ("brief_title", None)),
    "title-empty-string": (_identification(briefTitle=""), [], [], ("brief_title", None)),
    "conditions-empty-list": (_conditions(conditions=[]), [], [], ("conditions#", 0)),
    "keywords-repeated": (_conditions(keywords=["MRI", "MRI", "mri"]), [], [], ("keywords#", 3)),
    "phases-empty-list": (_design(phases=[]), [], [], ("phase", None)),
    "phases-not-applicable": (_design(phases=["NA"]), [], [], ("phase", "NA")),
    # Unicode kept as the record gives it.
    "title-decomposed": (_identification(briefTitle=NFD_TITLE), [], [], ("brief_title", NFD_TITLE)),
    "title-right-to-left": (_identification(briefTitle=RTL_TITLE), [], [], ("brief_title", RTL_TITLE)),
    "acronym-emoji": (_identification(acronym=EMOJI), [], [], ("acronym", EMOJI)),
    "official-title-very-long": (_identification(officialTitle="Aspirin and " * 10000), [], [],
                                 ("official_title", "Aspirin and " * 10000)),
}

START = '<start_date type="Actual">July 30, 1998</start_date>'
ENROLLMENT = '<enrollment type="Actual">111</enrollment>'
PHASE = "<phase>Phase 3</phase>"
CONDITION = "<condition>Bladder Cancer</condition>"
STATUS = "<overall_status>Completed</overall_status>"
TITLE = "<brief_title>Fenretinide in Treating Patients Who Have Undergone Surgery for Bladder Cancer</brief_title>"
SUMMARY = re.compile(r"<brief_summary>.*?</brief_summary>", re.DOTALL)
TABBED_SUMMARY = ("<brief_summary>\n\t<textblock>\n\t\tLine one\n\t\t  indented\n\n\t\tLine two\n\t</textblock>\n"
                  "</brief_summary>")


def _legacy(tag: str, given: str, read: str) -> tuple[str, str]:
    return _spelt(f"<{tag}> is '{given}', where legacy XML writes a date as 'March 2020' or 'March 5, 2020': read as "
                  f"{read}")


def _start_xml(given: str) -> tuple[str, str]:
    return START, f'<start_date type="Actual">{given}</start_date>'


# Legacy XML shapes: (the template's piece, or a pattern, and what replaces it) -> (refused cells, notes, the column
# read and its value). New behaviour: the dates written otherwise than legacy XML writes them.
XML_CASES = {
    "start-iso-month": (_start_xml("2020-03"), [], [_legacy("start_date", "2020-03", "2020-03")],
                        ("start_date", date(2020, 3, 31))),
    "start-iso-day": (_start_xml("2020-03-05"), [], [_legacy("start_date", "2020-03-05", "2020-03-05")],
                      ("start_date", date(2020, 3, 5))),
    "start-year-only": (_start_xml("2020"), [], [_legacy("start_date", "2020", "2020")],
                        ("start_date_precision", "year")),
    "start-abbreviated-month": (_start_xml("Mar 2020"), [], [_legacy("start_date", "Mar 2020", "2020-03")],
                                ("start_date_precision", "month")),
    "start-lower-case-month": (_start_xml("march 5, 2020"), [], [_legacy("start_date", "march 5, 2020", "2020-03-05")],
                               ("start_date", date(2020, 3, 5))),
    "start-day-first": (_start_xml("5 March 2020"), [], [_legacy("start_date", "5 March 2020", "2020-03-05")],
                        ("start_date", date(2020, 3, 5))),
    "verification-iso-month": (("<verification_date>November 2018</verification_date>",
                                "<verification_date>2018-11</verification_date>"), [],
                               [_legacy("verification_date", "2018-11", "2018-11")],
                               ("verification_month_year", "2018-11")),
    "submitted-month-only": (("<study_first_submitted>December 10, 1999</study_first_submitted>",
                              "<study_first_submitted>December 1999</study_first_submitted>"), [],
                             [_spelt("<study_first_submitted> is 'December 1999', where legacy XML writes a day "
                                     "('March 5, 2020'): read as 1999-12-31, the last day of the month")],
                             ("study_first_submitted_date", date(1999, 12, 31))),
    "start-month-day-zero": (_start_xml("2020-03-00"), [("studies.start_date", "2020-03-00")], [],
                             ("start_date", None)),
    "start-month-slash-year": (_start_xml("03/2020"), [("studies.start_date", "03/2020")], [], ("start_date", None)),
    "start-zero-padded-day": (_start_xml("March 05, 2020"), [], [], ("start_date", date(2020, 3, 5))),
    "start-unknown": (_start_xml("Unknown"), [], [], ("start_month_year", "Unknown")),
    "enrollment-anticipated": ((ENROLLMENT, '<enrollment type="Anticipated">120</enrollment>'), [], [],
                               ("enrollment_type", "ESTIMATED")),
    "enrollment-without-type": ((ENROLLMENT, "<enrollment>120</enrollment>"), [], [], ("enrollment_type", None)),
    "enrollment-padded": ((ENROLLMENT, '<enrollment type="Actual">\n    120\n  </enrollment>'), [], [],
                          ("enrollment", 120)),
    "phase-1-2": ((PHASE, "<phase>Phase 1/Phase 2</phase>"), [], [], ("phase", "PHASE1/PHASE2")),
    "phase-not-applicable": ((PHASE, "<phase>N/A</phase>"), [], [], ("phase", "NA")),
    "conditions-repeated": ((CONDITION, CONDITION + "<condition>Urothelial Carcinoma</condition>" + CONDITION), [], [],
                            ("conditions#", 3)),
    "keywords-repeated": ((CONDITION, CONDITION + "<keyword>bladder</keyword>" * 2), [], [], ("keywords#", 5)),
    "text-block-tab-indented": ((SUMMARY, TABBED_SUMMARY), [], [],
                                ("brief_summaries.description", "Line one\n  indented\n\nLine two")),
    "title-comment-inside": ((TITLE, "<brief_title>Fenretinide<!-- edited --> Study</brief_title>"), [], [],
                             ("brief_title", "Fenretinide Study")),
    "title-cdata-markup": ((TITLE, "<brief_title><![CDATA[A <b>bold</b> & new study]]></brief_title>"), [], [],
                           ("brief_title", "A <b>bold</b> & new study")),
    "title-entities": ((TITLE, "<brief_title>A &amp; B &lt;2&gt; &#x00E9;tude</brief_title>"), [], [],
                       ("brief_title", "A & B <2> \u00e9tude")),
    "title-decomposed": ((TITLE, f"<brief_title>{NFD_TITLE}</brief_title>"), [], [], ("brief_title", NFD_TITLE)),
    "title-right-to-left": ((TITLE, f"<brief_title>{RTL_TITLE}</brief_title>"), [], [], ("brief_title", RTL_TITLE)),
    "doctype-empty-subset": (("<clinical_study>", "<!DOCTYPE clinical_study []>\n<clinical_study>"), [], [],
                             ("overall_status", "COMPLETED")),
    "schema-location-attributes": (("<clinical_study>", '<clinical_study xmlns:xsi="http://www.w3.org/2001/'
                                    'XMLSchema-instance" xsi:noNamespaceSchemaLocation="public.xsd">'), [], [],
                                   ("overall_status", "COMPLETED")),
    "gender-both": (("<gender>All</gender>", "<gender>Both</gender>"), [], [], ("eligibilities.gender", "ALL")),
    "status-new-value": ((STATUS, "<overall_status>Paused</overall_status>"), [("studies.overall_status", "Paused")],
                         [], ("overall_status", None)),
    "status-empty-element": ((STATUS, "<overall_status></overall_status>"), [], [], ("overall_status", None)),
}


def _ids(prefix: int, names) -> dict[str, str]:
    return {name: f"NCT0919{prefix}{n:03d}" for n, name in enumerate(names)}


JSON_IDS, XML_IDS = _ids(1, JSON_CASES), _ids(3, XML_CASES)


def _json_input(nct_id: str, change) -> Input:
    record = study_json(nct_id)
    change(record)
    return Input(f"/in/{nct_id}.json", json.dumps(record, ensure_ascii=False).encode(), WHEN)


def _xml_input(nct_id: str, old, new: str) -> Input:
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    if isinstance(old, re.Pattern):
        assert old.search(xml)
        xml = old.sub(lambda _: new, xml, count=1)
    else:
        assert old in xml
        xml = xml.replace(old, new, 1)
    return Input(f"/in/{nct_id}.xml", xml.replace(XML_ID, nct_id).encode(), WHEN)


@pytest.fixture(scope="module")
def read():
    """Every variant parsed into one batch and validated once: its rejects, notes, refused cells and loaded rows."""
    return read_batch([*(_json_input(JSON_IDS[name], change) for name, (change, *_) in JSON_CASES.items()),
                       *(_xml_input(XML_IDS[name], *pieces) for name, (pieces, *_) in XML_CASES.items())])


def _value(read, nct_id: str, column: str):
    """The study's value of 'column' (studies), 'table.column' (its first row) or 'table#' (its row count)."""
    if column.endswith("#"):
        frame = read.frames.get(column[:-1])
        return 0 if frame is None else int((frame.index == nct_id).sum())
    table, _, name = column.rpartition(".")
    frame = read.frames[table or "studies"]
    value = frame.loc[frame.index == nct_id, name].iloc[0]
    return None if pd.isna(value) else value.date() if hasattr(value, "date") else value


def test_every_variant_loads_its_study(read):
    assert read.rejects == {}
    assert len(read.validated.accepted) == len(JSON_CASES) + len(XML_CASES)


@pytest.mark.parametrize("name", JSON_CASES)
def test_an_api_v2_shape_loads_what_the_record_says_and_notes_what_it_could_not_read(read, name):
    _, refused, notes, (column, expected) = JSON_CASES[name]
    nct_id = JSON_IDS[name]
    assert read.refused.get(nct_id, []) == refused
    assert read.notes.get(nct_id, []) == notes
    assert _value(read, nct_id, column) == expected


@pytest.mark.parametrize("name", XML_CASES)
def test_a_legacy_xml_shape_loads_what_the_record_says_and_notes_what_it_could_not_read(read, name):
    _, refused, notes, (column, expected) = XML_CASES[name]
    nct_id = XML_IDS[name]
    assert read.refused.get(nct_id, []) == refused
    assert read.notes.get(nct_id, []) == notes
    assert _value(read, nct_id, column) == expected
