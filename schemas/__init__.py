"""pandera models, one per warehouse table: the data dictionary (Field descriptions).

`MODELS` is built on first use: `schemas.enums` (the value sets the parsers read) is plain data, and
importing it must not build every pandera model (pandas and pandera take a second to load).
"""
from __future__ import annotations

from importlib import import_module

# table -> (module, model class), in the warehouse's table order.
MODEL_CLASSES = {
    "studies": ("studies", "Studies"),
    "brief_summaries": ("descriptions", "BriefSummaries"),
    "detailed_descriptions": ("descriptions", "DetailedDescriptions"),
    "conditions": ("descriptions", "Conditions"),
    "keywords": ("descriptions", "Keywords"),
    "designs": ("design", "Designs"),
    "design_groups": ("design", "DesignGroups"),
    "interventions": ("design", "Interventions"),
    "intervention_other_names": ("mesh_terms", "InterventionOtherNames"),
    "design_group_interventions": ("design", "DesignGroupInterventions"),
    "design_outcomes": ("design", "DesignOutcomes"),
    "eligibilities": ("design", "Eligibilities"),
    "browse_conditions": ("mesh_terms", "BrowseConditions"),
    "browse_interventions": ("mesh_terms", "BrowseInterventions"),
    "facilities": ("people_places", "Facilities"),
    "countries": ("people_places", "Countries"),
    "sponsors": ("people_places", "Sponsors"),
    "overall_officials": ("people_places", "OverallOfficials"),
    "central_contacts": ("people_places", "CentralContacts"),
    "responsible_parties": ("people_places", "ResponsibleParties"),
    "id_information": ("people_places", "IdInformation"),
    "pending_results": ("studies", "PendingResults"),
    "links": ("references", "Links"),
    "study_references": ("references", "StudyReferences"),
    "ipd_information_types": ("references", "IpdInformationTypes"),
    "documents": ("references", "Documents"),
    "provided_documents": ("references", "ProvidedDocuments"),
    "related_studies": ("people_places", "RelatedStudies"),
    "page_header_metrics": ("people_places", "PageHeaderMetrics"),
    "result_submissions": ("results", "ResultSubmissions"),
    "adverse_event_subject_sums": ("results", "AdverseEventSubjectSums"),
    "calculated_values": ("calculated_values", "CalculatedValues"),
}


def _models() -> dict:
    """Every table's pandera model, by table."""
    return {table: getattr(import_module(f"schemas.{module}"), name)
            for table, (module, name) in MODEL_CLASSES.items()}


def __getattr__(name: str):
    if name == "MODELS":
        models = globals()["MODELS"] = _models()
        return models
    for module, model in MODEL_CLASSES.values():
        if model == name:
            return getattr(import_module(f"schemas.{module}"), name)
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")
