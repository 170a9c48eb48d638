"""AACT's links, study_references, ipd_information_types and documents, from API v2 JSON and legacy XML: real
records' rows as AACT holds them, a legacy <reference> that does not say its type, and an unknown info type."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from flows.parse_batch import FileOutcome, ParsedBatch, SourcedRecord
from flows.parsers import PARSERS, ctgov_json_v2, ctgov_xml
from flows.validate import validate_batch
from tests.shared_corpus import CORPUS, needs_corpus

TABLES = ("links", "study_references", "ipd_information_types", "documents")
STUDY = {"identificationModule": {"nctId": "NCT09000050", "briefTitle": "A study"},
         "statusModule": {"overallStatus": "COMPLETED", "statusVerifiedDate": "2025-01",
                          "studyFirstPostDateStruct": {"date": "2020-01-02"},
                          "lastUpdatePostDateStruct": {"date": "2025-01-02"}}}


def _corpus(layout: str, nct_id: str):
    """The parse of one real record of the corpus."""
    module, folder = (ctgov_json_v2, "json_v2") if layout == "json" else (ctgov_xml, "xml_legacy")
    suffix = "json" if layout == "json" else "xml"
    return module.parse((CORPUS / folder / f"{nct_id}.{suffix}").read_bytes())


def _rows(layout: str, nct_id: str, table: str) -> list[dict]:
    return _corpus(layout, nct_id).records[0].tables.get(table, [])


@needs_corpus
def test_api_v2_see_also_links_are_links_with_their_label_as_description():
    assert _rows("json", "NCT01738087", "links") == [
        {"description": "Study Record on EU Clinical Trials Register including results",
         "url": "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2012-002370-30"},
        {"description": "CSR Synopsis available in the CHIESI Clinical Study Register",
         "url": "https://www.chiesi.com/clinic/CSR_Synopsis_CCD-1205-PR-0087.pdf"}]


@needs_corpus
@pytest.mark.parametrize("nct_id, row", [
    ("NCT00934284", {"pmid": "20864600", "reference_type": "BACKGROUND", "citation": (
        "Thackeray A, Fritz JM, Brennan GP, Zaman FM, Willick SE. A pilot study examining the effectiveness of "
        "physical therapy as an adjunct to selective nerve root block in the treatment of lumbar radicular pain from "
        "disk herniation: a randomized controlled trial. Phys Ther. 2010 Dec;90(12):1717-29. doi: "
        "10.2522/ptj.20090260. Epub 2010 Sep 23.")}),
    ("NCT00868335", {"pmid": "25887569", "reference_type": "DERIVED", "citation": (
        "Boselie TF, van Mameren H, de Bie RA, van Santbrink H. Cervical spine kinematics after anterior cervical "
        "discectomy with or without implantation of a mobile cervical disc prosthesis; an RCT. BMC Musculoskelet "
        "Disord. 2015 Feb 21;16:34. doi: 10.1186/s12891-015-0479-4.")}),
    ("NCT05382585", {"pmid": "31775759", "reference_type": "RESULT", "citation": (
        "Batta N, Pandey M. Mutational spectrum of tobacco associated oral squamous carcinoma and its therapeutic "
        "significance. World J Surg Oncol. 2019 Nov 27;17(1):198. doi: 10.1186/s12957-019-1741-2.")}),
])
def test_api_v2_references_keep_their_pmid_type_and_citation(nct_id, row):
    assert _rows("json", nct_id, "study_references") == [row]


@needs_corpus
def test_an_api_v2_reference_without_a_pmid_has_none():
    assert _rows("json", "NCT01339377", "study_references")[1] == {
        "pmid": None, "reference_type": "BACKGROUND", "citation": (
            "Pellicanò G, Martinelli F, Tavanti V, et al. The Italian Oxygen-Ozone Therapy Federation (FIO) Study on "
            "Oxygen-Ozone Treatment of Herniated Disc. Int J Ozone Ther 6:7-15, 2007.")}


@needs_corpus
def test_api_v2_info_types_are_one_row_each_in_the_records_order():
    assert _rows("json", "NCT03944876", "ipd_information_types") == [
        {"name": name} for name in ("STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE")]


@needs_corpus
def test_api_v2_available_ipds_are_documents():
    assert _rows("json", "NCT05382585", "documents") == [{
        "document_id": None, "document_type": "Mutation data",
        "url": "https://www.ncbi.nlm.nih.gov/clinvar/submitters/507417/",
        "comment": "Data of 37 mutations identified till 2020 has been uploaded, more mutations will be uploaded soon"}]


@needs_corpus
def test_legacy_links_are_links():
    assert _rows("xml", "NCT00003513", "links") == [
        {"url": "http://www.burzynskiresearch.com", "description": "Burzynski Research Institute"},
        {"url": "http://www.burzynskiclinic.com", "description": "Burzynski Clinic"}]


@needs_corpus
def test_legacy_results_reference_is_a_result_and_a_plain_reference_has_no_type():
    parsed = _corpus("xml", "NCT00000762")
    rows = parsed.records[0].tables["study_references"]
    assert [(row["pmid"], row["reference_type"]) for row in rows] == [
        (None, None), (None, None), ("9859958", None), (None, None), ("16220994", "RESULT")]
    assert rows[-1]["citation"] == ("Lambert JS. HIV vaccines in infants and children. Paediatr Drugs. "
                                    "2005;7(5):267-76. doi: 10.2165/00148581-200507050-00001.")
    assert parsed.problems == []  # the format does not say the type: nothing was refused or lost


@needs_corpus
def test_a_record_with_only_results_references_has_no_load_problem():
    parsed = _corpus("xml", "NCT00000180")
    assert [row["reference_type"] for row in parsed.records[0].tables["study_references"]] == ["RESULT"]
    assert parsed.problems == []


@needs_corpus
def test_legacy_study_docs_are_documents():
    assert _rows("xml", "NCT00000566", "documents") == [
        {"document_id": "PIOPED", "document_type": "Individual Participant Data Set",
         "url": "http://biolincc.nhlbi.nih.gov/studies/pioped/",
         "comment": ("NHLBI provides controlled access to IPD through BioLINCC. Access requires registration, "
                     "evidence of local IRB approval or certification of exemption from IRB review, and completion "
                     "of a data use agreement.")},
        {"document_id": None, "document_type": "Study Protocol", "url": "http://biolincc.nhlbi.nih.gov/studies/pioped/",
         "comment": None},
        {"document_id": None, "document_type": "Study Forms", "url": "http://biolincc.nhlbi.nih.gov/studies/pioped/",
         "comment": None}]


def _xml(body: str):
    return ctgov_xml.parse(("<clinical_study><id_info><nct_id>NCT09000050</nct_id></id_info>"
                            f"<overall_status>Completed</overall_status>{body}</clinical_study>").encode())


def test_legacy_ipd_info_types_take_api_v2_values():
    labels = ("Study Protocol", "Statistical Analysis Plan (SAP)", "Informed Consent Form (ICF)",
              "Clinical Study Report (CSR)", "analytic  code")
    parsed = _xml("<patient_data><sharing_ipd>Yes</sharing_ipd>"
                  + "".join(f"<ipd_info_type>{label}</ipd_info_type>" for label in labels) + "</patient_data>")
    assert parsed.records[0].tables["ipd_information_types"] == [
        {"name": name} for name in ("STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE")]


def _validated(parsed, layout: str):
    outcome = FileOutcome("a" * 64, f"/in/x.{layout}", 1, datetime(2026, 1, 1), layout=layout)
    batch = ParsedBatch(files=[outcome], records=[SourcedRecord(outcome, r) for r in parsed.records])
    validated = validate_batch(batch)
    assert validated.rejects == [] and validated.accepted == [0]
    names = validated.frames["ipd_information_types"]["name"]
    return names.astype(object).where(names.notna(), None).tolist(), sorted(
        (v.table, v.column, v.raw) for v in validated.raw_values)


def test_an_unknown_legacy_info_type_is_refused_and_kept_raw():
    parsed = _xml("<patient_data><ipd_info_type>Study Protocol</ipd_info_type>"
                  "<ipd_info_type>Data Dictionary</ipd_info_type></patient_data>")
    assert _validated(parsed, "ctgov_xml") == (
        ["STUDY_PROTOCOL", None], [("ipd_information_types", "name", "Data Dictionary")])


def test_an_unknown_api_v2_info_type_is_refused_and_kept_raw():
    study = {"protocolSection": {**STUDY, "ipdSharingStatementModule": {
        "ipdSharing": "YES", "infoTypes": ["SAP", "DATA_DICTIONARY"]}}}
    parsed = ctgov_json_v2.parse(json.dumps(study).encode())
    assert _validated(parsed, "ctgov_json_v2") == (
        ["SAP", None], [("ipd_information_types", "name", "DATA_DICTIONARY")])


def test_a_record_without_references_links_or_documents_has_no_rows_in_those_tables():
    tables = ctgov_json_v2.parse(json.dumps({"protocolSection": STUDY}).encode()).records[0].tables
    assert not set(TABLES) & set(tables)
    assert not set(TABLES) & set(_xml("").records[0].tables)


def test_a_text_page_layout_claims_only_the_reference_tables_its_pages_show():
    """A clincosm page shows the publications and the IPD statement (its More Information); the other sites'
    pages show none of the tables, so nothing is judged absent on them."""
    shown = {"ctgov_classic_text": {"study_references", "ipd_information_types"}}
    for entry in PARSERS:
        claimed = {field.split(".")[0] for field in entry.carries or ()}
        assert claimed & set(TABLES) == shown.get(entry.layout, set()), entry


@needs_corpus
def test_aacts_sql_over_the_loaded_tables_runs_and_a_new_version_replaces_a_studys_rows(run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    record = json.loads((CORPUS / "json_v2" / "NCT01738087.json").read_bytes())
    (source / "a.json").write_bytes(json.dumps(record).encode())
    (source / "b.xml").write_bytes((CORPUS / "xml_legacy" / "NCT00000566.xml").read_bytes())
    run(source, check=False)
    aact = """SELECT s.nct_id, d.id, d.document_type, l.id, l.description FROM studies s
              LEFT JOIN documents d ON d.nct_id = s.nct_id LEFT JOIN links l ON l.nct_id = s.nct_id ORDER BY ALL"""
    assert run.con.execute(aact).fetchall() == [
        ("NCT00000566", 566000001, "Individual Participant Data Set", None, None),
        ("NCT00000566", 566000002, "Study Protocol", None, None),
        ("NCT00000566", 566000003, "Study Forms", None, None),
        ("NCT01738087", None, None, 1738087000001, "Study Record on EU Clinical Trials Register including results"),
        ("NCT01738087", None, None, 1738087000002, "CSR Synopsis available in the CHIESI Clinical Study Register")]
    record["protocolSection"]["referencesModule"]["seeAlsoLinks"].pop()
    record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2030-01-02"
    (source / "a.json").write_bytes(json.dumps(record).encode())
    run(source, check=False)
    assert run.con.execute("SELECT nct_id, id FROM links").fetchall() == [("NCT01738087", 1738087000001)]
    assert run.con.execute("SELECT count(*) FROM study_references WHERE nct_id = 'NCT00000566'").fetchone() == (13,)
