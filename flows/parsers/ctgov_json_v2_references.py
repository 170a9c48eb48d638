"""API v2 referencesModule and ipdSharingStatementModule.infoTypes -> AACT's links, study_references,
ipd_information_types and documents (AACT's mappings: one row per item, the values as given)."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import objects, section, text, texts
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
        "ipd_information_types": [{"name": name} for name in texts(info_types)],
        "documents": [{"document_id": text(document.get("id")), "document_type": text(document.get("type")),
                       "url": text(document.get("url")), "comment": text(document.get("comment"))}
                      for document in objects(references, "availIpds")],
    }
