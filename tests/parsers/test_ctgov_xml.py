"""ctgov_xml: golden samples, the whole legacy corpus, hostile XML, display labels -> API v2 enums."""
from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pytest

from flows.parsers import HEAD_BYTES, claimants, ctgov_xml
from tests.parsers.golden import GOLDEN_DIR, check_golden, golden_inputs
from tests.shared_corpus import CORPUS, needs_corpus

ROOT = Path(__file__).resolve().parents[2]
# The corpus lives beside the project (../shared); CI has it, a bare clone may not.
GOLDEN = golden_inputs("ctgov_xml", ".xml")
MASKED = ("subject_masked", "caregiver_masked", "investigator_masked", "outcomes_assessor_masked")
MASKED_ARMS = GOLDEN_DIR / "ctgov_xml" / "interventional_masked_arms.xml"


def _record(xml: str):
    parsed = ctgov_xml.parse(xml.encode())
    assert parsed.problems == []
    (record,) = parsed.records
    return record


def _pick(row: dict, *columns: str) -> tuple:
    return tuple(row[column] for column in columns)


def _minimal(body: str, nct_id: str = "NCT00000125") -> str:
    return f"<clinical_study><id_info><nct_id>{nct_id}</nct_id></id_info>{body}</clinical_study>"


@pytest.mark.parametrize("case", GOLDEN, ids=lambda path: path.stem)
def test_golden_case_matches_its_expected_rows(case):
    check_golden(case, ctgov_xml.parse(case.read_bytes()))


@pytest.mark.parametrize("case", GOLDEN, ids=lambda path: path.stem)
def test_exactly_one_parser_claims_each_golden_input(case):
    assert claimants(case.read_bytes()[:HEAD_BYTES]) == [ctgov_xml]


def test_golden_cases_cover_three_shapes():
    assert {case.stem for case in GOLDEN} == {
        "interventional_masked_arms", "observational_central_contacts", "pre2017_study_design",
    }


@needs_corpus
def test_every_corpus_record_parses_to_exactly_one_record_and_no_problem():
    files = sorted((CORPUS / "xml_legacy").glob("*.xml"))
    failures = {}
    for path in files:
        parsed = ctgov_xml.parse(path.read_bytes())
        if parsed.problems or [r.nct_id for r in parsed.records] != [path.stem]:
            failures[path.name] = (len(parsed.records), [p.reason for p in parsed.problems])
    assert len(files) == 300
    assert failures == {}


@needs_corpus
def test_the_xml_corpus_is_claimed_by_the_xml_sniffer_only_and_the_json_corpus_not_by_it():
    xml_heads, json_heads = (
        [p.read_bytes()[:HEAD_BYTES] for p in sorted((CORPUS / directory).glob("*"))]
        for directory in ("xml_legacy", "json_v2")
    )
    assert len(xml_heads) == len(json_heads) == 300
    assert [claimants(head) for head in xml_heads] == [[ctgov_xml]] * 300
    assert not any(ctgov_xml.sniff(head) for head in json_heads)


@needs_corpus
def test_sniff_refuses_the_text_pages_of_the_shared_corpus():
    pages = [p for p in (CORPUS / "text_pages").rglob("*") if p.is_file()]
    assert pages and not any(ctgov_xml.sniff(p.read_bytes()[:HEAD_BYTES]) for p in pages)


def test_sniff_refuses_text_pages_random_bytes_and_other_xml():
    pages = sorted((ROOT / "data" / "samples").glob("*.txt"))
    assert pages and not any(ctgov_xml.sniff(p.read_bytes()[:HEAD_BYTES]) for p in pages)
    assert not ctgov_xml.sniff(random.Random(20240601).randbytes(HEAD_BYTES))
    assert not ctgov_xml.sniff(b'<?xml version="1.0"?>\n<clinical_studies><clinical_study>')
    assert not ctgov_xml.sniff(b"<html><body>clinical_study</body></html>")


@pytest.mark.parametrize(
    "head",
    [b"<clinical_study>", b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n\n  <clinical_study>',
     b"<!-- downloaded 2023 -->\n<clinical_study rank='1'>", b"<!DOCTYPE clinical_study>\n<clinical_study/>"],
)
def test_sniff_accepts_a_declaration_bom_whitespace_and_comments_first(head):
    assert ctgov_xml.sniff(head)


def test_billion_laughs_is_a_problem_and_never_expanded():
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE clinical_study [<!ENTITY l0 "lol">{levels}]>'
            "<clinical_study>&l9;</clinical_study>")
    started = time.perf_counter()
    parsed = ctgov_xml.parse(bomb.encode())
    # Expanded, &l9; would be 3 * 10**9 characters: a parser that expands it cannot answer in a second.
    assert time.perf_counter() - started < 1.0
    assert parsed.records == []
    assert [p.reason for p in parsed.problems] == [ctgov_xml.UNSAFE_XML]


def test_an_external_entity_is_a_problem_and_never_fetched():
    xxe = ('<?xml version="1.0"?><!DOCTYPE clinical_study [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           "<clinical_study>&x;</clinical_study>")
    parsed = ctgov_xml.parse(xxe.encode())
    assert (parsed.records, [p.reason for p in parsed.problems]) == ([], [ctgov_xml.UNSAFE_XML])


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"<clinical_study><id_info><nct_id>NCT0000", "invalid XML"),
     (b"", "invalid XML"),
     (b"<study><nct_id>NCT00000125</nct_id></study>", "not a <clinical_study> record"),
     (b"<clinical_study><brief_title>x</brief_title></clinical_study>", "no <nct_id> in <id_info>"),
     (_minimal("", "NCT-125").encode(), "nct_id is not NCT followed by 8 digits")],
)
def test_unreadable_or_unidentified_xml_is_a_problem(raw, reason):
    parsed = ctgov_xml.parse(raw)
    assert (parsed.records, [p.reason for p in parsed.problems]) == ([], [reason])


# The Protocol Registration System's upload schema, as a sponsor sends it (its texts in <textblock>s).
_PRS_UPLOAD = """<clinical_study>
<study_id><org_name>DukeUMC</org_name><org_study_id>00024406</org_study_id><nct_id>{nct}</nct_id></study_id>
<is_fda_regulated>Yes</is_fda_regulated>
<brief_title><textblock>Effects of Steroid Tapering</textblock></brief_title>
</clinical_study>"""


@pytest.mark.parametrize(("nct", "named"), [("NCT01169415", "NCT01169415"), ("\n", None), ("NCT-1", None)])
def test_a_prs_upload_document_is_told_from_a_published_record(nct, named):
    parsed = ctgov_xml.parse(_PRS_UPLOAD.format(nct=nct).encode())
    assert parsed.records == []
    (problem,) = parsed.problems
    assert (problem.reason, problem.nct_id) == (ctgov_xml.PRS_UPLOAD, named)
    assert f"<study_id> names {named or 'no NCT number'}" in problem.detail


def test_a_file_cut_in_half_is_a_problem_with_line_and_column():
    raw = MASKED_ARMS.read_bytes()
    (problem,) = ctgov_xml.parse(raw[: len(raw) // 2]).problems
    assert problem.reason == "invalid XML" and "line " in problem.detail and "column " in problem.detail


def test_display_labels_become_api_v2_enums():
    record = _record(_minimal(
        "<overall_status>Active, not recruiting</overall_status><phase>Phase 1/Phase 2</phase>"
        "<study_type>Interventional</study_type><enrollment type='Anticipated'>40</enrollment>"
        "<study_design_info><allocation>Randomized</allocation><intervention_model>Parallel Assignment"
        "</intervention_model><primary_purpose>Educational/Counseling/Training</primary_purpose>"
        "<masking>Double (Participant, Investigator)</masking></study_design_info>"
        "<eligibility><gender>Both</gender><healthy_volunteers>Accepts Healthy Volunteers</healthy_volunteers>"
        "</eligibility><sponsors><lead_sponsor><agency>NCI</agency><agency_class>U.S. Fed</agency_class>"
        "</lead_sponsor></sponsors><overall_official><last_name>X</last_name><role>Study Chair</role>"
        "</overall_official><location><facility><name>Site</name></facility><status>Enrolling by invitation"
        "</status></location>"
    ))
    study, (design,) = record.study, record.tables["designs"]
    assert _pick(study, "overall_status", "phase", "study_type", "enrollment", "enrollment_type") == (
        "ACTIVE_NOT_RECRUITING", "PHASE1/PHASE2", "INTERVENTIONAL", 40, "ESTIMATED")
    assert _pick(design, "allocation", "intervention_model", "primary_purpose", "masking") == (
        "RANDOMIZED", "PARALLEL", "ECT", "DOUBLE")
    assert _pick(design, *MASKED) == (True, False, True, False)
    (eligibility,) = record.tables["eligibilities"]
    # No <minimum_age> element: no value (a record stating no limit says 'N/A', kept as given).
    assert _pick(eligibility, "gender", "healthy_volunteers", "minimum_age") == ("ALL", True, None)
    assert record.tables["sponsors"][0]["agency_class"] == "FED"
    assert record.tables["overall_officials"][0]["role"] == "STUDY_CHAIR"
    assert record.tables["facilities"][0]["status"] == "ENROLLING_BY_INVITATION"


def test_phase_na_and_open_label_masking_without_roles():
    record = _record(_minimal("<phase>N/A</phase><study_design_info><masking>None (Open Label)</masking>"
                              "</study_design_info>"))
    (design,) = record.tables["designs"]
    assert record.study["phase"] == "NA"
    assert (design["masking"], design["subject_masked"]) == ("NONE", None)


def test_dates_keep_month_or_day_precision_and_their_type():
    study = _record(_minimal(
        "<start_date type='Actual'>March 2000</start_date><completion_date>March 15, 2000</completion_date>"
        "<verification_date>June 2014</verification_date><study_first_posted type='Estimate'>November 4, 1999"
        "</study_first_posted>"
    )).study
    assert (study["start_date"], study["start_date_precision"], study["start_date_type"]) == (
        date(2000, 3, 31), "month", "ACTUAL")
    assert (study["completion_date"], study["completion_date_precision"], study["completion_date_type"]) == (
        date(2000, 3, 15), "day", None)
    assert _pick(study, "start_month_year", "completion_month_year", "verification_month_year") == (
        "2000-03", "2000-03-15", "2014-06")
    assert _pick(study, "verification_date", "verification_date_precision", "study_first_posted_date") == (
        date(2014, 6, 30), "month", date(1999, 11, 4))
    assert study["study_first_posted_date_type"] == "ESTIMATED"  # the XML says type="Estimate"


def test_pre2017_design_line_with_blind_masking_and_old_role_names():
    record = _record(_minimal(
        "<study_design>Allocation: Non-Randomized, Endpoint Classification: Safety Study, Intervention Model: "
        "Single Group Assignment, Masking: Double Blind (Subject, Caregiver), Primary Purpose: Supportive Care"
        "</study_design>"
    ))
    (design,) = record.tables["designs"]
    assert _pick(design, "allocation", "intervention_model", "masking", "primary_purpose") == (
        "NON_RANDOMIZED", "SINGLE_GROUP", "DOUBLE", "SUPPORTIVE_CARE")
    assert _pick(design, *MASKED) == (True, True, False, False)


def test_arms_link_to_interventions_and_ids_keep_their_source():
    record = _record(_minimal(
        "<arm_group><arm_group_label>A</arm_group_label><arm_group_type>Placebo Comparator</arm_group_type>"
        "</arm_group><intervention><intervention_type>Dietary Supplement</intervention_type>"
        "<intervention_name>Zinc</intervention_name><arm_group_label>A</arm_group_label>"
        "<arm_group_label>B</arm_group_label></intervention>"
    ).replace("<id_info>", "<id_info><org_study_id>ORG-1</org_study_id><secondary_id>S-1</secondary_id>"
              "<nct_alias>NCT00000001</nct_alias>"))
    assert record.tables["design_groups"][0]["group_type"] == "PLACEBO_COMPARATOR"
    assert record.tables["interventions"][0]["intervention_type"] == "DIETARY_SUPPLEMENT"
    assert record.tables["design_group_interventions"] == [
        {"design_group": "A", "intervention": "Zinc", "intervention_id": 0},
        {"design_group": "B", "intervention": "Zinc", "intervention_id": 0}]
    assert [(r["id_source"], r["id_value"]) for r in record.tables["id_information"]] == [
        ("org_study_id", "ORG-1"), ("secondary_id", "S-1"), ("nct_alias", "NCT00000001")]
    assert "related_studies" not in record.tables


def test_contacts_go_only_to_central_contacts():
    raw = (GOLDEN_DIR / "ctgov_xml" / "observational_central_contacts.xml").read_bytes()
    (record,) = ctgov_xml.parse(raw).records
    assert [row["contact_type"] for row in record.tables["central_contacts"]] == ["primary", "backup"]
    others = {name: rows for name, rows in record.tables.items() if name != "central_contacts"}
    phones = [row["phone"] for row in record.tables["central_contacts"]]
    assert phones and not any(phone in str(others) for phone in phones)


def test_an_id_only_record_is_a_fragment_as_in_api_v2_and_more_than_that_loads():
    fragment = ctgov_xml.parse(_minimal("").encode())
    assert fragment.records == []
    assert [(p.reason, p.nct_id) for p in fragment.problems] == [(ctgov_xml.ID_ONLY_FRAGMENT, "NCT00000125")]
    header = "<required_header><download_date>x</download_date></required_header>"
    assert ctgov_xml.parse(_minimal(header).encode()).problems[0].reason == ctgov_xml.ID_ONLY_FRAGMENT
    titled = ctgov_xml.parse(_minimal("<brief_title>A study</brief_title>").encode())
    assert [r.nct_id for r in titled.records] == ["NCT00000125"] and titled.problems == []


@pytest.mark.parametrize(
    ("declared", "reason", "detail"),
    [("TF-8", ctgov_xml.UNKNOWN_ENCODING, "'TF-8'"),  # a misspelt codec name: expat raises LookupError
     ("no-such-codec", ctgov_xml.UNKNOWN_ENCODING, "'no-such-codec'"),
     ("UTF-32", "invalid XML", "not utf-32-le: byte 0")],  # declared multi-byte, but the bytes are not
)
def test_an_unreadable_declared_encoding_is_a_problem_never_an_exception(declared, reason, detail):
    raw = f'<?xml version="1.0" encoding="{declared}"?><clinical_study/>'.encode()
    parsed = ctgov_xml.parse(raw)
    assert (parsed.records, [(p.reason, p.detail) for p in parsed.problems]) == ([], [(reason, detail)])


def test_a_record_in_a_multi_byte_encoding_expat_cannot_read_is_decoded_by_its_declaration():
    body = "<brief_title>日本の試験</brief_title><overall_status>Completed</overall_status>"
    raw = ('<?xml version="1.0" encoding="Shift_JIS"?>' + _minimal(body)).encode("shift_jis")
    (record,) = ctgov_xml.parse(raw).records
    assert record.tables["studies"][0]["brief_title"] == "日本の試験"
