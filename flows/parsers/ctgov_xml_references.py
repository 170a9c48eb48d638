"""Legacy XML <link>, <reference> and <results_reference>, <patient_data><ipd_info_type>, <study_docs> and
<provided_document_section> -> AACT's links, study_references, ipd_information_types, documents and
provided_documents, with API v2's values."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.ctgov_xml_fields import text, texts, written
from flows.parsers.dates import event_day
from flows.parsers.model import Row

# A <reference> is a publication the sponsor cites or one the registry linked from PubMed: legacy XML does not say
# which (API v2 says BACKGROUND or DERIVED), so its reference_type is not set. The format does not hold it: nothing
# was refused or lost, and every legacy record with references would otherwise carry the same load problem.
# The reference elements and the reference_type each says; <results_reference> reports the study's results.
_REFERENCE_TYPES = {"reference": None, "results_reference": "RESULT"}
# Legacy XML's <ipd_info_type> labels (lower case, spaces single) and API v2's infoTypes values
# (schemas.enums.IPD_INFO_TYPE).
_INFO_TYPES = {
    "study protocol": "STUDY_PROTOCOL", "statistical analysis plan (sap)": "SAP",
    "informed consent form (icf)": "ICF", "clinical study report (csr)": "CSR", "analytic code": "ANALYTIC_CODE",
}


def reference_tables(root: Element) -> dict[str, list[Row]]:
    """links, study_references (in the record's order), ipd_information_types, documents and provided_documents of a
    <clinical_study>."""
    return {
        "links": [{"url": text(link, "url"), "description": text(link, "description")}
                  for link in root.iterfind("link")],
        "study_references": [{"pmid": text(reference, "PMID"), "reference_type": _REFERENCE_TYPES[reference.tag],
                              "citation": text(reference, "citation")}
                             for reference in root if reference.tag in _REFERENCE_TYPES],
        "ipd_information_types": [{"name": info_type(label)}
                                  for label in texts(root, "patient_data/ipd_info_type")],
        "documents": [{"document_id": text(document, "doc_id"), "document_type": text(document, "doc_type"),
                       "url": text(document, "doc_url"), "comment": text(document, "doc_comment")}
                      for document in root.iterfind("study_docs/study_doc")],
        "provided_documents": [_provided_document(document)
                               for document in root.iterfind("provided_document_section/provided_document")],
    }


def _provided_document(document: Element) -> Row:
    """One <provided_document>: its label, Yes/No for each of the three documents it may hold, its date and url."""
    return {"document_type": text(document, "document_type"),
            "has_protocol": labels.yes_no(text(document, "document_has_protocol")),
            "has_icf": labels.yes_no(text(document, "document_has_icf")),
            "has_sap": labels.yes_no(text(document, "document_has_sap")),
            "document_date": event_day(written("provided_document/document_date", text(document, "document_date"),
                                               day=True)),
            "url": text(document, "document_url")}


def info_type(label: str) -> str:
    """'Statistical Analysis Plan (SAP)' -> SAP; a label of no API v2 value is kept as given, for validation to
    refuse and keep raw."""
    return _INFO_TYPES.get(" ".join(label.lower().split()), label)
