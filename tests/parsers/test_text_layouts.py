"""The three page-text layouts: golden pages, sniffing, truncation, bad input, values the checks rely on."""
from __future__ import annotations

import dataclasses
import json
import random
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from flows.parsers import (HEAD_BYTES, aggregator_text, claimants, ctgov_classic_text, summary_text)
from flows.parsers.facility_address import split_location_row
from flows.parsers.page_text import page_lines
from schemas import MODELS
from schemas import enums
from tests.parsers.golden import GOLDEN_DIR, check_golden, golden_inputs

TEXT_PARSERS = (ctgov_classic_text, aggregator_text, summary_text)
CASES = [(parser, case) for parser in TEXT_PARSERS for case in golden_inputs(parser.LAYOUT, ".txt")]
SEEDS = [(parser, case) for parser, case in CASES if case.stem[:3].isdigit()]
CASE_IDS = [case.stem for _, case in CASES]
SEED_IDS = [case.stem for _, case in SEEDS]
TRUNCATED_EXCERPT = GOLDEN_DIR / "ctgov_classic_text" / "truncated_NCT05080673.txt"
# Personal data on the golden pages: central contacts (003, 004) and facility contacts (004).
# (004's principal investigator is also a contact: an investigator's name is public, his phone is not.)
CONTACT_TEXTS = ("Lan He", "086-13809156236", "Xajdhl87@mail.xjtu.edu.cn", "+8801811237435", "+8801730053723",
                 "Ariful Islam")
FACILITY_CONTACTS = ("Fahad Hossain, MBBS, MD", "Dr Ariful Islam, MBBS, FCPS, MD")
ENUM_COLUMNS = {
    ("studies", "overall_status"): enums.OVERALL_STATUS, ("studies", "phase"): enums.PHASE_COMBINED,
    ("studies", "study_type"): enums.STUDY_TYPE, ("studies", "enrollment_type"): enums.DATE_TYPE,
    ("designs", "allocation"): enums.ALLOCATION, ("designs", "intervention_model"): enums.INTERVENTION_MODEL,
    ("designs", "primary_purpose"): enums.PRIMARY_PURPOSE, ("designs", "masking"): enums.MASKING,
    ("design_groups", "group_type"): enums.ARM_GROUP_TYPE,
    ("interventions", "intervention_type"): enums.INTERVENTION_TYPE,
    ("design_outcomes", "outcome_type"): enums.OUTCOME_TYPE, ("eligibilities", "gender"): enums.SEX,
    ("sponsors", "agency_class"): enums.AGENCY_CLASS,
    ("sponsors", "lead_or_collaborator"): enums.LEAD_OR_COLLABORATOR,
    ("overall_officials", "role"): enums.OFFICIAL_ROLE, ("central_contacts", "contact_type"): enums.CONTACT_TYPE,
    ("id_information", "id_source"): enums.ID_SOURCE, ("facilities", "status"): enums.RECRUITMENT_STATUS,
    ("related_studies", "stated_status"): enums.OVERALL_STATUS,
    ("related_studies", "stated_phase"): enums.PHASE_COMBINED,
}


def _record(parser, name: str):
    parsed = parser.parse((GOLDEN_DIR / parser.LAYOUT / name).read_bytes())
    (record,) = parsed.records
    return record, parsed.problems


def _no_record(parsed, reason_start: str):
    assert parsed.records == []
    assert len(parsed.problems) == 1, parsed.problems
    assert parsed.problems[0].reason.startswith(reason_start), parsed.problems[0].reason
    return parsed.problems[0]


# Golden pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("parser, case", CASES, ids=CASE_IDS)
def test_golden_page_matches_its_expected_rows(parser, case):
    check_golden(case, parser.parse(case.read_bytes()))


def test_golden_pages_cover_every_seed_and_the_truncated_excerpt():
    assert sorted(CASE_IDS) == ["000_NCT04916756", "001_NCT05792462", "002_NCT05300932", "003_NCT04966884",
                                "004_NCT06936215", "truncated_NCT05080673"]


@pytest.mark.parametrize("parser, case", SEEDS, ids=SEED_IDS)
def test_seed_rows_fit_the_warehouse_schemas(parser, case):
    (record,) = parser.parse(case.read_bytes()).records
    assert record.nct_id == case.stem.split("_")[1]
    assert len(record.tables["studies"]) == 1
    for table, rows in record.tables.items():
        frame = pd.DataFrame([{"nct_id": record.nct_id, **row} for row in rows],
                             columns=list(MODELS[table].to_schema().columns))
        if table == "studies":
            frame = frame.assign(source_layout=parser.LAYOUT, source_sha256="0" * 64)
        assert not {"nct_id", "source_layout", "source_sha256"} & {key for row in rows for key in row}
        assert {key for row in rows for key in row} <= set(frame.columns), table
        MODELS[table].validate(frame, lazy=True)


@pytest.mark.parametrize("parser, case", SEEDS, ids=SEED_IDS)
def test_seed_values_are_api_v2_enums(parser, case):
    (record,) = parser.parse(case.read_bytes()).records
    for (table, column), allowed in ENUM_COLUMNS.items():
        for row in record.tables.get(table, []):
            assert row.get(column) is None or row[column] in allowed, (table, column, row[column])


# Sniffing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("parser, case", CASES, ids=CASE_IDS)
def test_each_golden_page_is_claimed_by_its_own_text_layout_only(parser, case):
    head = case.read_bytes()[:HEAD_BYTES]
    assert [other for other in TEXT_PARSERS if other.sniff(head)] == [parser]


@pytest.mark.parametrize("parser, case", CASES, ids=CASE_IDS)
def test_exactly_one_registered_parser_claims_each_golden_page(parser, case):
    assert claimants(case.read_bytes()[:HEAD_BYTES]) == [parser]


@pytest.mark.parametrize("head", [
    b'{"protocolSection": {"identificationModule": {"nctId": "NCT04916756"}}}',
    b'\xef\xbb\xbf[{"protocolSection": {"statusModule": {"overallStatus": "COMPLETED"}}}]',
    b'<?xml version="1.0" encoding="UTF-8"?>\n<clinical_study>\n<id_info><nct_id>NCT04916756</nct_id>'
    b"</id_info>\nSponsor\nOverall Status\nCT.gov ID\nClinical Trial Summary\n</clinical_study>",
    b"%PDF-1.7\n\x00\x01\x02 Sponsor\nOverall Status\nCT.gov ID\n",
    random.Random(7).randbytes(HEAD_BYTES),
    b"",
], ids=["json", "json-array-bom", "xml", "binary", "random-bytes", "empty"])
def test_no_text_layout_claims_json_xml_or_binary(head):
    assert [parser.LAYOUT for parser in TEXT_PARSERS if parser.sniff(head)] == []


def test_a_head_cut_inside_a_character_is_still_sniffed():
    raw = (GOLDEN_DIR / "ctgov_classic_text" / "001_NCT05792462.txt").read_bytes()
    cut = raw.index("≥".encode()) + 1
    assert ctgov_classic_text.sniff(raw[:cut])


def test_no_text_layout_claims_the_shared_json_and_xml_corpus():
    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    files = sorted(corpus.glob("json_v2/*.json")) + sorted(corpus.glob("xml_legacy/*.xml"))
    assert len(files) == 600
    claimed = [f.name for f in files if any(p.sniff(f.read_bytes()[:HEAD_BYTES]) for p in TEXT_PARSERS)]
    assert claimed == []


# Truncated, empty and unreadable pages -----------------------------------------------------------


@pytest.mark.parametrize("parser, case", SEEDS, ids=SEED_IDS)
def test_first_half_of_a_page_is_a_truncation_problem_not_a_study(parser, case):
    raw = case.read_bytes()
    problem = _no_record(parser.parse(raw[: len(raw) // 2]), "truncated page: no ")
    # the summary page's id sits in the key block at its end; the other layouts show it first
    assert problem.nct_id == (None if parser is summary_text else case.stem.split("_")[1])


@pytest.mark.parametrize("parser, name, cut_before, reason", [
    (ctgov_classic_text, "000_NCT04916756.txt", "More Information",
     "truncated page: no 'More Information' section (ends after 'Study Documents (Full-Text)')"),
    (ctgov_classic_text, "001_NCT05792462.txt", "Study Results",
     "truncated page: no 'Study Results' section (ends after 'More Information')"),
    (aggregator_text, "004_NCT06936215.txt", "More Related Trials",
     "truncated page: no 'More Related Trials' section (ends after 'Other Identifiers')"),
    (summary_text, "003_NCT04966884.txt", "Status Recruiting",
     "truncated page: no 'Status' line in the key block (ends after 'Related Conditions & MeSH terms')"),
], ids=["classic-more-information", "classic-study-results", "meddatax-closing", "summary-key-block"])
def test_a_page_cut_before_its_closing_part_names_what_is_missing(parser, name, cut_before, reason):
    text = (GOLDEN_DIR / parser.LAYOUT / name).read_text(encoding="utf-8")
    problem = _no_record(parser.parse(text[: text.index(cut_before)].encode()), reason)
    assert problem.reason == reason


def test_the_truncated_clincosm_excerpt_loads_no_study():
    problem = _no_record(ctgov_classic_text.parse(TRUNCATED_EXCERPT.read_bytes()), "truncated page")
    assert problem.nct_id == "NCT05080673"
    assert "'More Information'" in problem.reason


@pytest.mark.parametrize("parser", TEXT_PARSERS, ids=lambda p: p.LAYOUT)
@pytest.mark.parametrize("raw", [b"", b"\xef\xbb\xbf", b"  \r\n\n\t\n"], ids=["empty", "bom-only", "blank"])
def test_empty_page_is_a_problem(parser, raw):
    assert parser.parse(raw).layout == parser.LAYOUT
    _no_record(parser.parse(raw), "empty page")


@pytest.mark.parametrize("parser", TEXT_PARSERS, ids=lambda p: p.LAYOUT)
def test_undecodable_bytes_are_a_problem(parser):
    raw = b"Sponsor\nOverall Status\nCT.gov ID\n\xff\xfe\xfa NCT ID: NCT ID:\n" * 3
    problem = _no_record(parser.parse(raw), "not a UTF-8 text page")
    assert problem.nct_id is None


@pytest.mark.parametrize("parser, name, good, bad", [
    (ctgov_classic_text, "000_NCT04916756.txt", "NCT04916756", "NCT0491675"),
    (aggregator_text, "002_NCT05300932.txt", "NCT ID: NCT05300932", "NCT ID: -"),
    (summary_text, "003_NCT04966884.txt", "NCT number NCT04966884", "NCT number NCT-04966884"),
], ids=["classic", "meddatax", "summary"])
def test_a_page_without_a_valid_nct_id_is_a_problem(parser, name, good, bad):
    text = (GOLDEN_DIR / parser.LAYOUT / name).read_text(encoding="utf-8")
    _no_record(parser.parse(text.replace(good, bad).encode()), "no NCT id")


@pytest.mark.parametrize("parser, case", SEEDS, ids=SEED_IDS)
def test_parse_never_raises_on_damaged_pages(parser, case):
    lines = case.read_text(encoding="utf-8").split("\n")
    rng = random.Random(case.stem)
    for _ in range(40):
        damaged = [line for line in lines if rng.random() > 0.3]
        if rng.random() < 0.3:
            rng.shuffle(damaged)
        parsed = parser.parse("\n".join(damaged).encode())
        assert parsed.layout == parser.LAYOUT
        assert parsed.records or parsed.problems


# Values the quality checks rely on ---------------------------------------------------------------


def test_000_study_row():
    record, problems = _record(ctgov_classic_text, "000_NCT04916756.txt")
    study = record.study
    assert problems == []
    assert study["brief_title"] == ("A Prospective Pilot Study to Explore Efficacy and Safety of Baricitinib in "
                                    "Active Primary Sjogren's Syndrome Patients")
    assert (study["overall_status"], study["phase"], study["study_type"]) == (
        "COMPLETED", "PHASE1/PHASE2", "INTERVENTIONAL")
    assert (study["enrollment"], study["enrollment_type"]) == (11, "ACTUAL")
    assert (study["start_date"], study["start_date_precision"], study["start_date_type"]) == (
        date(2020, 1, 16), "day", "ACTUAL")
    assert (study["study_first_posted_date"], study["completion_date"]) == (date(2021, 6, 8), date(2021, 3, 25))
    assert (study["verification_date"], study["verification_date_precision"]) == (date(2021, 6, 30), "month")
    assert "conditions" not in record.tables  # the page's conditions table lists none


def test_001_arm_and_intervention_keep_their_own_doses():
    record, _ = _record(ctgov_classic_text, "001_NCT05792462.txt")
    (arm,) = record.tables["design_groups"]
    (drug,) = record.tables["interventions"]
    assert (arm["group_type"], arm["title"], drug["intervention_type"], drug["name"]) == (
        "EXPERIMENTAL", "Baricitinib", "DRUG", "Baricitinib")
    assert "a dose of 2mg once daily" in arm["description"]
    assert "a dose of 4mg once daily" in drug["description"]
    assert record.tables["design_group_interventions"] == [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]
    assert record.study["overall_status"] == "NOT_YET_RECRUITING"
    assert (record.study["completion_date"], record.study["completion_date_type"]) == (date(2024, 9, 20), "ESTIMATED")
    assert record.tables["eligibilities"][0]["maximum_age"] == "85 Years"


def test_001_outcome_time_frame_is_the_last_bracket():
    record, _ = _record(ctgov_classic_text, "001_NCT05792462.txt")
    last = record.tables["design_outcomes"][-1]
    assert last["measure"] == "Incidence of treatment-emergent adverse events [safety and tolerability]"
    assert last["time_frame"] == "From baseline to 52 weeks"
    assert last["description"] == "Adverse events related to belimumab are recorded"


def test_002_every_study_group_pair_is_an_arm_even_the_repeated_one():
    record, _ = _record(aggregator_text, "002_NCT05300932.txt")
    titles = [group["title"] for group in record.tables["design_groups"]]
    assert titles == ["Baricitinib 4mg", "Baricitinib", "Cyclophosphamide", "Cyclophosphamide"]
    assert record.tables["design_groups"][2] == record.tables["design_groups"][3]
    assert [row["name"] for row in record.tables["interventions"]] == ["Baricitinib", "Cyclophosphamide"]


def test_002_compact_blocks_are_read_by_position():
    record, _ = _record(aggregator_text, "002_NCT05300932.txt")
    study = record.study
    assert (study["overall_status"], study["phase"], study["enrollment"], study["study_type"]) == (
        "ACTIVE_NOT_RECRUITING", "PHASE4", 60, "INTERVENTIONAL")
    assert (study["start_date"], study["completion_date"], study["completion_date_type"]) == (
        date(2022, 3, 8), date(2026, 11, 12), None)
    assert record.tables["designs"][0]["masking"] == "NONE"
    assert {k: record.tables["eligibilities"][0][k] for k in ("minimum_age", "gender", "healthy_volunteers")} == {
        "minimum_age": "18 Years", "gender": "ALL", "healthy_volunteers": False}
    assert record.tables["eligibilities"][0]["criteria"].endswith("anaphylaxis to Baricitinib or cyclophosphamide")
    assert [(s["lead_or_collaborator"], s["agency_class"]) for s in record.tables["sponsors"]][:3] == [
        ("lead", "OTHER"), ("collaborator", "OTHER"), ("collaborator", "INDUSTRY")]
    assert "brief_summaries" not in record.tables  # the heading has only the site's explainer under it


def test_meddatax_explainer_sentences_are_never_content():
    for name in ("002_NCT05300932.txt", "004_NCT06936215.txt"):
        record, _ = _record(aggregator_text, name)
        text = json.dumps(record.tables, default=str)
        assert "sponsor-provided synopsis" not in text and "See the medical conditions" not in text


def test_004_labelled_design_and_groups():
    record, _ = _record(aggregator_text, "004_NCT06936215.txt")
    (design,) = record.tables["designs"]
    assert design["intervention_model_description"] == "Open label randomized controlled trial"
    assert (design["masking"], design["masking_description"], design["outcomes_assessor_masked"]) == (
        "SINGLE", "No masking", True)
    assert [(g["group_type"], g["title"]) for g in record.tables["design_groups"]] == [
        ("EXPERIMENTAL", "Group A"), ("ACTIVE_COMPARATOR", "Group B")]
    assert record.tables["design_group_interventions"] == [
        {"design_group": "Group A", "intervention": "tab baricitinib 4 mg daily"},
        {"design_group": "Group B", "intervention": "tab methotrexate 25 mg weekly with folic acid 5 mg weekly"}]
    assert record.tables["facilities"] == [{"name": "BSMMU", "city": "Dhaka", "state": None, "zip": None,
                                            "country": "Bangladesh", "status": "RECRUITING"}]


def test_004_facility_contacts_are_not_stored():
    record, _ = _record(aggregator_text, "004_NCT06936215.txt")
    contacts = [(row["contact_type"], row["name"]) for row in record.tables["central_contacts"]]
    assert contacts == [("primary", "Dr Md. Fahad Hossain, MBBS, MD"), ("backup", "Dr Md. Ariful Islam, MBBS, MD, FCPS")]
    elsewhere = {table: rows for table, rows in record.tables.items() if table != "central_contacts"}
    assert not any(text in json.dumps(elsewhere, default=str) for text in CONTACT_TEXTS)
    values = {value for rows in record.tables.values() for row in rows for value in row.values()}
    assert not values & set(FACILITY_CONTACTS)


def test_003_has_no_title_and_its_contact_only_in_central_contacts():
    record, problems = _record(summary_text, "003_NCT04966884.txt")
    assert problems == []
    assert record.study["brief_title"] is None
    assert (record.study["overall_status"], record.study["phase"], record.study["source"]) == (
        "RECRUITING", "PHASE4", "First Affiliated Hospital Xi'an Jiaotong University")
    assert record.tables["central_contacts"] == [{"contact_type": "primary", "name": "Lan He", "phone": "086-13809156236",
                                                 "email": "Xajdhl87@mail.xjtu.edu.cn"}]
    elsewhere = {table: rows for table, rows in record.tables.items() if table != "central_contacts"}
    assert not any(text in json.dumps(elsewhere, default=str) for text in CONTACT_TEXTS)
    assert record.tables["related_studies"][2] == {
        "related_nct_id": "NCT05986162", "stated_status": "NOT_YET_RECRUITING", "stated_phase": "PHASE1",
        "title": "Safety and Preliminary Clinical Activity of Itolizumab in Dermatomyositis"}


@pytest.mark.parametrize("parser, name", [(summary_text, "003_NCT04966884.txt"),
                                          (aggregator_text, "004_NCT06936215.txt")], ids=["003", "004"])
def test_contacts_never_reach_a_problem(parser, name):
    text = (GOLDEN_DIR / parser.LAYOUT / name).read_text(encoding="utf-8")
    cuts = [text[:end] for end in range(0, len(text), 97)] + [text.replace("NCT04966884", "NCTx").replace(
        "NCT06936215", "NCTx")]
    for page in cuts:
        for problem in parser.parse(page.encode()).problems:
            words = json.dumps(dataclasses.asdict(problem))
            assert not any(contact in words for contact in CONTACT_TEXTS), words


def test_six_number_clincosm_header_of_a_multi_site_page():
    lines = page_lines(TRUNCATED_EXCERPT.read_text(encoding="utf-8"))
    metrics, problems = ctgov_classic_text.header_metrics(ctgov_classic_text.page_sections(lines))
    assert problems == []
    assert metrics == {"enrollment": 9500, "sites": 165, "arms": 2, "duration_months": 528.9,
                       "patients_per_site": 57.6, "patients_per_site_per_month": 0.1}


def test_five_number_clincosm_header_has_no_patients_per_site():
    record, _ = _record(ctgov_classic_text, "000_NCT04916756.txt")
    assert record.tables["page_header_metrics"] == [{"enrollment": 11, "sites": 1, "arms": 1, "duration_months": 14.3,
                                                     "patients_per_site": None, "patients_per_site_per_month": 0.8}]


def test_a_header_with_six_numbers_for_one_site_is_flagged():
    text = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
    parsed = ctgov_classic_text.parse(text.replace("\n14.3\n0.8\n", "\n14.3\n11\n0.8\n").encode())
    assert len(parsed.records) == 1
    assert [p.reason for p in parsed.problems] == ["clincosm header numbers inconsistent"]


@pytest.mark.parametrize("row, expected", [
    ("1 Peking Union Medical College Hospital Beijing Beijing China 100730",
     ("Peking Union Medical College Hospital", "Beijing", "Beijing", "100730", "China")),
    ("12 Mayo Clinic in Arizona Scottsdale Arizona United States 85259",
     ("Mayo Clinic in Arizona", "Scottsdale", "Arizona", "85259", "United States")),
    ("5 Guy's Hospital London United Kingdom SE1 9RT", ("Guy's Hospital", "London", None, "SE1 9RT", "United Kingdom")),
    ("7 Seoul National University Hospital Seoul Korea, Republic of 03080",
     ("Seoul National University Hospital", "Seoul", None, "03080", "Korea, Republic of")),
    ("2 Charité Berlin Germany", ("Charité", "Berlin", None, None, "Germany")),
])
def test_location_row_split(row, expected):
    split = split_location_row(row)
    assert tuple(split[k] for k in ("name", "city", "state", "zip", "country")) == expected


def test_classic_page_with_conditions_masked_roles_two_arms_keywords_and_a_second_investigator():
    text = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
    for old, new in [
        ("Phase\n  • Drug: Baricitinib 2 MG\n", "Phase\nSjogren's Syndrome\n  • Drug: Baricitinib 2 MG\n  • Other: Placebo tablet\n"),
        ("None (Open Label)", "Double (Participant, Investigator)"),
        ("for 24 weeks\n\nOutcome Measures", "for 24 weeks\n\nPlacebo Comparator: placebo\n\nOther: Placebo tablet\n"
                                             "placebo once a day\n\nOutcome Measures"),
        ("Keywords provided by Peking Union Medical College Hospital\n",
         "Keywords provided by Peking Union Medical College Hospital\nSjogren\nbaricitinib\n"),
        ("Peking Union Medical College Hospital\n\nStudy Documents", "Peking Union Medical College Hospital\n"
         "  • Principal Investigator: Jane Roe, MD, PhD, University of California, San Francisco\n\nStudy Documents"),
    ]:
        assert old in text
        text = text.replace(old, new)
    (record,) = ctgov_classic_text.parse(text.encode()).records
    tables = record.tables
    assert tables["conditions"] == [{"name": "Sjogren's Syndrome"}]
    assert {k: v for k, v in tables["designs"][0].items() if k.endswith("masked") or k == "masking"} == {
        "masking": "DOUBLE", "subject_masked": True, "investigator_masked": True,
        "caregiver_masked": False, "outcomes_assessor_masked": False}
    assert [(g["group_type"], g["title"]) for g in tables["design_groups"]] == [
        ("EXPERIMENTAL", "baricitinib 2mg per day"), ("PLACEBO_COMPARATOR", "placebo")]
    assert tables["interventions"][1] == {"intervention_type": "OTHER", "name": "Placebo tablet",
                                          "description": "placebo once a day"}
    assert tables["design_group_interventions"][1] == {"design_group": "placebo", "intervention": "Placebo tablet"}
    assert tables["keywords"] == [{"name": "Sjogren"}, {"name": "baricitinib"}]
    assert tables["overall_officials"][1] == {"role": "PRINCIPAL_INVESTIGATOR", "name": "Jane Roe, MD, PhD",
                                              "affiliation": "University of California, San Francisco"}


def test_labelled_meddatax_group_with_two_interventions():
    text = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")
    old = "Group A participants will be given tab. Baricitinib 4 mg daily\n\nGroup B\n"
    assert old in text
    text = text.replace(old, "Group A participants will be given tab. Baricitinib 4 mg daily\n\nfolic acid 5 mg weekly\n\n"
                             "Intervention Type DIETARY_SUPPLEMENT\n\nfolic acid supplement\n\nGroup B\n", 1)
    (record,) = aggregator_text.parse(text.encode()).records
    assert [(row["design_group"], row["intervention"]) for row in record.tables["design_group_interventions"]] == [
        ("Group A", "tab baricitinib 4 mg daily"), ("Group A", "folic acid 5 mg weekly"),
        ("Group B", "tab methotrexate 25 mg weekly with folic acid 5 mg weekly")]
    assert [group["title"] for group in record.tables["design_groups"]] == ["Group A", "Group B"]
    assert record.tables["interventions"][-1] == {"intervention_type": "DIETARY_SUPPLEMENT",
                                                  "name": "folic acid 5 mg weekly", "description": "folic acid supplement"}


@pytest.mark.parametrize("parser, case", SEEDS, ids=SEED_IDS)
def test_bom_and_windows_line_endings_read_the_same(parser, case):
    raw = case.read_bytes()
    variant = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    assert parser.sniff(variant[:HEAD_BYTES])
    assert parser.parse(variant) == parser.parse(raw)


def test_an_nct_id_with_a_trailing_newline_or_unicode_digits_is_not_an_id():
    from flows.parsers.model import NCT_ID

    assert NCT_ID.fullmatch("NCT04916756")
    assert not NCT_ID.fullmatch("NCT04916756\n")
    assert not NCT_ID.fullmatch("NCT0491675\u0666")  # an Arabic-Indic digit
