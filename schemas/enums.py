"""ClinicalTrials.gov API v2 enum value sets: the only values the warehouse stores."""

OVERALL_STATUS = (
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING",
    "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
)
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION")
PHASE = ("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4")
# `studies.phase` joins several phases with "/" as AACT does: PHASE1/PHASE2.
PHASE_COMBINED = PHASE + ("PHASE1/PHASE2", "PHASE2/PHASE3")
STUDY_TYPE = ("INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS")
DATE_TYPE = ("ACTUAL", "ESTIMATED")
DATE_PRECISION = ("year", "month", "day")
# The most participants `studies.enrollment` may count; a larger count is refused.
ENROLLMENT_MAX = 100_000_000
# The most degrees a site's latitude and longitude may lie either way of 0; a coordinate past them is refused.
LATITUDE_MAX, LONGITUDE_MAX = 90, 180
ALLOCATION = ("RANDOMIZED", "NON_RANDOMIZED", "NA")
INTERVENTION_MODEL = ("SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL")
OBSERVATIONAL_MODEL = (
    "COHORT", "CASE_CONTROL", "CASE_ONLY", "CASE_CROSSOVER", "ECOLOGIC_OR_COMMUNITY",
    "FAMILY_BASED", "DEFINED_POPULATION", "NATURAL_HISTORY", "OTHER",
)
TIME_PERSPECTIVE = ("RETROSPECTIVE", "PROSPECTIVE", "CROSS_SECTIONAL", "OTHER")
# Terms of the registry's former design vocabulary (records of 2007-2010 in legacy XML), lower case: several could
# be given at once ('Longitudinal, Prospective'; 'Defined Population, Natural History'), and some were retired.
# API v2 holds one value, so such a value is refused, but it is the record's own, not an error in it.
FORMER_DESIGN_TERMS = {
    "time_perspective": ("prospective", "retrospective", "cross-sectional", "cross sectional", "longitudinal",
                         "retrospective/prospective", "other"),
    "observational_model": ("cohort", "case-control", "case control", "case-only", "case only", "case-crossover",
                            "case crossover", "ecologic or community", "ecologic or community studies",
                            "family-based", "family based", "defined population", "natural history", "screening",
                            "other"),
}
PRIMARY_PURPOSE = (
    "TREATMENT", "PREVENTION", "DIAGNOSTIC", "ECT", "SUPPORTIVE_CARE", "SCREENING",
    "HEALTH_SERVICES_RESEARCH", "BASIC_SCIENCE", "DEVICE_FEASIBILITY", "OTHER",
)
MASKING = ("NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE")
ARM_GROUP_TYPE = (
    "EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR",
    "NO_INTERVENTION", "OTHER",
)
INTERVENTION_TYPE = (
    "BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE", "DIAGNOSTIC_TEST",
    "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE", "RADIATION", "OTHER",
)
OUTCOME_TYPE = ("primary", "secondary", "other")
SEX = ("ALL", "FEMALE", "MALE")
AGENCY_CLASS = ("NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN")
LEAD_OR_COLLABORATOR = ("lead", "collaborator")
OFFICIAL_ROLE = ("STUDY_CHAIR", "STUDY_DIRECTOR", "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR")
CONTACT_TYPE = ("primary", "backup")
RESPONSIBLE_PARTY_TYPE = ("SPONSOR", "PRINCIPAL_INVESTIGATOR", "SPONSOR_INVESTIGATOR")
RECRUITMENT_STATUS = (
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING",
    "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE",
)
# AACT browse_* tables: a term the registry matched, or one of its broader MeSH terms.
MESH_TYPE = ("mesh-list", "mesh-ancestor")
PLAN_TO_SHARE_IPD = ("YES", "NO", "UNDECIDED")
# The status of the expanded-access record a study names (API v2 expandedAccessInfo.statusForNctId).
EXPANDED_ACCESS_STATUS = ("AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING")
BIOSPEC_RETENTION = ("NONE_RETAINED", "SAMPLES_WITH_DNA", "SAMPLES_WITHOUT_DNA")
SAMPLING_METHOD = ("PROBABILITY_SAMPLE", "NON_PROBABILITY_SAMPLE")
ID_SOURCE = ("org_study_id", "secondary_id", "nct_alias")
# A publication's relation to the study, and the IPD-sharing documents offered (API v2 references[].type, infoTypes).
REFERENCE_TYPE = ("BACKGROUND", "RESULT", "DERIVED")
IPD_INFO_TYPE = ("STUDY_PROTOCOL", "SAP", "ICF", "CSR", "ANALYTIC_CODE")
# The registry's events of results submitted and not yet posted (API v2 unpostedEvents.type): submitted (RELEASE),
# returned by its quality-control review (RESET), withdrawn by the sponsor (UNRELEASE).
PENDING_RESULTS_EVENT = ("RELEASE", "RESET", "UNRELEASE")
# The layout ids in precedence order: a copy of flows.parsers.PARSERS (schemas import nothing from
# flows), kept equal to it by tests/parsers/test_layout_registry.py.
LAYOUTS = ("ctgov_json_v2", "ctgov_xml", "ctgov_classic_text", "aggregator_text", "summary_text")
# One study, many sources: the registry's own record wins over a republished page.
LAYOUT_PRECEDENCE = {layout: rank for rank, layout in enumerate(reversed(LAYOUTS))}
