"""The links, publications, IPD information types and documents a study's record gives (AACT's reference tables),
and the documents its sponsor posted with it (AACT `provided_documents`)."""
from __future__ import annotations

from schemas import enums
from schemas.base import Bool, Date, Int, StudyChild, Text, column, enum, row_id


class Links(StudyChild):
    """Web pages the record points to for more about the study (AACT `links`: API v2 seeAlsoLinks)."""

    url: Text = column("the page's address, as the record gives it")
    description: Text = column("what the page is, in the record's words (API v2 `label`)")
    id: Int = row_id()


class StudyReferences(StudyChild):
    """Publications about the study (AACT `study_references`: API v2 references)."""

    pmid: Text = column("the publication's PubMed id, when the record gives one")
    reference_type: Text = enum(enums.REFERENCE_TYPE, (
        "BACKGROUND (cited by the sponsor), RESULT (reports the study's results) or DERIVED (linked by the "
        "registry from PubMed); NULL where the record does not say: a legacy XML <reference> (BACKGROUND or "
        "DERIVED), or a page that lists publications under a heading without their kind (a load problem says so)"))
    citation: Text = column("the publication's citation")
    id: Int = row_id()


class IpdInformationTypes(StudyChild):
    """The documents shared beside individual participant data (AACT `ipd_information_types`: API v2 infoTypes)."""

    name: Text = enum(enums.IPD_INFO_TYPE, (
        "STUDY_PROTOCOL, SAP (statistical analysis plan), ICF (informed consent form), CSR (clinical study report) "
        "or ANALYTIC_CODE"))
    id: Int = row_id()


class Documents(StudyChild):
    """Study documents and data sets the record says are available, and where (AACT `documents`: API v2
    availIpds)."""

    document_id: Text = column("the document's identifier, as the record gives it")
    document_type: Text = column("what the document is, in the record's words (free text: 'Study Protocol', "
                                 "'Individual Participant Data Set', ...)")
    url: Text = column("where the document is found")
    comment: Text = column("the record's comment on the document")
    id: Int = row_id()


class ProvidedDocuments(StudyChild):
    """The protocol, statistical analysis plan and informed consent documents the sponsor posted with the record
    (AACT `provided_documents`: API v2 documentSection largeDocs; legacy XML <provided_document>)."""

    document_type: Text = column("the document's label, in the record's words ('Study Protocol and Statistical "
                                 "Analysis Plan', 'Informed Consent Form')")
    has_protocol: Bool = column("whether the document holds the study's protocol")
    has_icf: Bool = column("whether it holds the informed consent form")
    has_sap: Bool = column("whether it holds the statistical analysis plan")
    document_date: Date = column("the document's date, as the record gives it")
    url: Text = column("where the document is on ClinicalTrials.gov (API v2 gives its file name, which AACT makes "
                       "the address https://ClinicalTrials.gov/ProvidedDocs/<last two digits>/<NCT id>/<file>)")
    id: Int = row_id()
