"""pandera models, one per warehouse table: the data dictionary (Field descriptions)."""
from __future__ import annotations

from schemas.calculated_values import CalculatedValues
from schemas.descriptions import BriefSummaries, Conditions, DetailedDescriptions, Keywords
from schemas.design import (
    DesignGroupInterventions, DesignGroups, DesignOutcomes, Designs, Eligibilities, Interventions,
)
from schemas.people_places import (
    CentralContacts, Countries, Facilities, IdInformation, OverallOfficials, PageHeaderMetrics,
    RelatedStudies, ResponsibleParties, Sponsors,
)
from schemas.mesh_terms import BrowseConditions, BrowseInterventions, InterventionOtherNames
from schemas.studies import Studies

MODELS = {
    "studies": Studies,
    "brief_summaries": BriefSummaries,
    "detailed_descriptions": DetailedDescriptions,
    "conditions": Conditions,
    "keywords": Keywords,
    "designs": Designs,
    "design_groups": DesignGroups,
    "interventions": Interventions,
    "intervention_other_names": InterventionOtherNames,
    "design_group_interventions": DesignGroupInterventions,
    "design_outcomes": DesignOutcomes,
    "eligibilities": Eligibilities,
    "browse_conditions": BrowseConditions,
    "browse_interventions": BrowseInterventions,
    "facilities": Facilities,
    "countries": Countries,
    "sponsors": Sponsors,
    "overall_officials": OverallOfficials,
    "central_contacts": CentralContacts,
    "responsible_parties": ResponsibleParties,
    "id_information": IdInformation,
    "related_studies": RelatedStudies,
    "page_header_metrics": PageHeaderMetrics,
    "calculated_values": CalculatedValues,
}
