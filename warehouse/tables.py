"""The study tables of the warehouse, in load order (AACT ctgov_v2 names)."""

STUDY_TABLE = "studies"
CHILD_TABLES = (
    "brief_summaries", "detailed_descriptions", "conditions", "keywords", "designs",
    "design_groups", "interventions", "intervention_other_names", "design_group_interventions",
    "design_outcomes", "eligibilities", "browse_conditions", "browse_interventions", "facilities",
    "countries", "sponsors", "overall_officials", "central_contacts", "responsible_parties",
    "id_information", "related_studies", "page_header_metrics",
)
STUDY_TABLES = (STUDY_TABLE,) + CHILD_TABLES
# Views over the study tables, with AACT's names: described by a model, never loaded.
DERIVED_VIEWS = ("calculated_values",)
# Personal data: columns whose values never leave their table (logs, rejects, reports).
PERSONAL_COLUMNS = {"central_contacts": ("name", "phone", "email", "phone_extension"),
                    "responsible_parties": ("name", "old_name_title")}
