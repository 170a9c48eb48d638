"""API v2 referencesModule and ipdSharingStatementModule.infoTypes -> AACT's links, study_references,
ipd_information_types and documents; documentSection -> provided_documents (AACT's mappings: one row per item, the
values as given)."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import flag, objects, section, text, texts
from flows.parsers.ctgov_json_v2_status import date_text
from flows.parsers.dates import event_day
from flows.parsers.model import Row


def reference_tables(protocol: dict) -> dict[str, list[Row]]:
    """links (seeAlsoLinks), study_references (references), ipd_information_types (infoTypes) and documents
    (availIpds) of one protocolSection."""
    references = section(protocol, "referencesModule")
    info_types = section(protocol, "ipdSharingStatementModule").get("infoTypes")
    return {
        "links": [{"url": text(link.get("url")), "description": text(link.get("label"))}
                  for link in objects(references, "seeAlsoLinks")],
        "study_references": [{"pmid": text(reference.get("pmid")), "reference_type": text(reference.get("type")),
                              "citation": text(reference.get("citation"))}
                             for reference in objects(references, "references")],
        # A value API v2 does not know is kept as given, for validation to refuse and keep raw.
        "ipd_information_types": [{"name": name} for name in texts(info_types, "infoTypes")],
        "documents": [{"document_id": text(document.get("id")), "document_type": text(document.get("type")),
                       "url": text(document.get("url")), "comment": text(document.get("comment"))}
                      for document in objects(references, "availIpds")],
    }


# Where ClinicalTrials.gov serves a study's posted documents: API v2 gives each one's file name, from which AACT
# makes its url (the folder is named by the NCT number's last two digits).
PROVIDED_DOCS_URL = "https://ClinicalTrials.gov/ProvidedDocs/{folder}/{nct_id}/{filename}"


def provided_document_rows(study: dict) -> list[Row]:
    """provided_documents: each document of documentSection.largeDocumentModule.largeDocs, with its address."""
    nct_id = text(section(study, "protocolSection", "identificationModule").get("nctId"))
    return [{"document_type": text(document.get("label")), "has_protocol": flag(document, "hasProtocol"),
             "has_icf": flag(document, "hasIcf"), "has_sap": flag(document, "hasSap"),
             "document_date": event_day(date_text(document.get("date"), "largeDocs.date", day=True)),
             "url": _document_url(nct_id, text(document.get("filename")))}
            for document in objects(section(study, "documentSection", "largeDocumentModule"), "largeDocs")]


def _document_url(nct_id: str | None, filename: str | None) -> str | None:
    if not filename or not nct_id:
        return None
    return PROVIDED_DOCS_URL.format(folder=nct_id[-2:], nct_id=nct_id, filename=filename)
