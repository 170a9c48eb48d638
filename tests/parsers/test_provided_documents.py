"""AACT's provided_documents, from API v2 JSON (documentSection largeDocs, the url made from the file name as AACT
makes it) and legacy XML (<provided_document_section>): real records' rows, odd values refused as given, and
AACT's SQL over the loaded table."""
from __future__ import annotations

import json
from datetime import date

from flows.parsers import ctgov_json_v2, ctgov_xml
from flows.parsers.model import Refused
from tests.parsers.test_aact_reference_tables import STUDY, _rows, _xml
from tests.shared_corpus import CORPUS, needs_corpus


def _json(*documents: dict):
    study = {"protocolSection": STUDY, "documentSection": {"largeDocumentModule": {"largeDocs": list(documents)}}}
    return ctgov_json_v2.parse(json.dumps(study).encode())


@needs_corpus
def test_api_v2_large_docs_are_provided_documents_with_aacts_url():
    assert _rows("json", "NCT03608150", "provided_documents") == [
        {"document_type": "Study Protocol", "has_protocol": True, "has_icf": False, "has_sap": False,
         "document_date": date(2018, 10, 8),
         "url": "https://ClinicalTrials.gov/ProvidedDocs/50/NCT03608150/Prot_000.pdf"},
        {"document_type": "Statistical Analysis Plan", "has_protocol": False, "has_icf": False, "has_sap": True,
         "document_date": date(2020, 4, 9),
         "url": "https://ClinicalTrials.gov/ProvidedDocs/50/NCT03608150/SAP_001.pdf"}]


@needs_corpus
def test_legacy_provided_documents_read_yes_no_and_the_written_date():
    assert _rows("xml", "NCT00000125", "provided_documents") == [
        {"document_type": "Informed Consent Form", "has_protocol": False, "has_icf": True, "has_sap": False,
         "document_date": date(2019, 2, 6),
         "url": "https://ClinicalTrials.gov/ProvidedDocs/25/NCT00000125/ICF_000.pdf"}]


def test_a_document_without_a_file_name_has_no_url_and_a_flag_given_as_text_is_read():
    rows = _json({"label": "Informed Consent Form", "hasIcf": "true", "date": "2021-03"}).records[0].tables[
        "provided_documents"]
    assert rows == [{"document_type": "Informed Consent Form", "has_protocol": None, "has_icf": True,
                     "has_sap": None, "document_date": date(2021, 3, 31), "url": None}]


def test_an_odd_legacy_flag_is_refused_as_given_not_read_as_missing():
    row = _xml("<provided_document_section><provided_document><document_type>Study Protocol</document_type>"
               "<document_has_protocol>Partly</document_has_protocol></provided_document>"
               "</provided_document_section>").records[0].tables["provided_documents"][0]
    assert isinstance(row["has_protocol"], Refused) and row["has_protocol"].raw == "Partly"


def test_a_record_without_posted_documents_has_no_rows():
    assert "provided_documents" not in ctgov_json_v2.parse(json.dumps({"protocolSection": STUDY}).encode()
                                                           ).records[0].tables
    assert "provided_documents" not in _xml("").records[0].tables


@needs_corpus
def test_aacts_sql_over_provided_documents(run, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.json").write_bytes((CORPUS / "json_v2" / "NCT03608150.json").read_bytes())
    (source / "b.xml").write_bytes((CORPUS / "xml_legacy" / "NCT00000125.xml").read_bytes())
    run(source, check=False)
    aact = ("SELECT nct_id, id, document_type, has_protocol, has_icf, has_sap, document_date FROM provided_documents "
            "WHERE has_protocol OR has_icf ORDER BY id")
    assert run.con.execute(aact).fetchall() == [
        ("NCT00000125", 125000001, "Informed Consent Form", False, True, False, date(2019, 2, 6)),
        ("NCT03608150", 3608150000001, "Study Protocol", True, False, False, date(2018, 10, 8))]
