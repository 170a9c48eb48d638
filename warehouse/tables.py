"""The study tables of the warehouse, in load order (AACT ctgov_v2 names)."""

STUDY_TABLE = "studies"
CHILD_TABLES = (
    "brief_summaries", "detailed_descriptions", "conditions", "keywords", "designs",
    "design_groups", "interventions", "intervention_other_names", "design_group_interventions",
    "design_outcomes", "eligibilities", "browse_conditions", "browse_interventions", "facilities",
    "countries", "sponsors", "overall_officials", "central_contacts", "responsible_parties",
    "id_information", "pending_results", "links", "study_references", "ipd_information_types", "documents",
    "provided_documents", "related_studies", "page_header_metrics", "result_submissions", "adverse_event_subject_sums",
)
STUDY_TABLES = (STUDY_TABLE,) + CHILD_TABLES
# Views over the study tables, with AACT's names: described by a model, never loaded.
DERIVED_VIEWS = ("calculated_values",)
# Personal data: columns whose values never leave their table (logs, rejects, reports).
PERSONAL_COLUMNS = {"central_contacts": ("name", "phone", "email", "phone_extension"),
                    "responsible_parties": ("name", "old_name_title")}
# The study tables that AACT gives an `id` (all but studies and the tables AACT lacks), and result_submissions,
# whose id keeps its events' order as pending_results' does; how it is made: the study's NCT number *
# ROW_ID_STRIDE + the row's rank among the study's rows of the table (flows.row_ids; DDL 119 numbers rows loaded
# before it alike).
ID_TABLES = tuple(table for table in CHILD_TABLES
                  if table not in ("related_studies", "page_header_metrics", "adverse_event_subject_sums"))
ROW_ID_STRIDE = 1_000_000
# The link tables' ids of the rows they name: (id column, name column, table named, its name column).
LINK_IDS = {
    "design_group_interventions": (("design_group_id", "design_group", "design_groups", "title"),
                                   ("intervention_id", "intervention", "interventions", "name")),
    "intervention_other_names": (("intervention_id", "intervention_name", "interventions", "name"),),
}
