"""AACT's calculated_values: a view over the study tables (DDL 171), described here for the data dictionary."""
from __future__ import annotations

from schemas.base import Bool, Date, Int, StudyChild, Text, column, row_id

# AACT's 30-day month, truncated toward zero.
MONTHS = "whole 30-day months, truncated, as AACT computes them"


class CalculatedValues(StudyChild):
    """Values AACT derives from each study (one row per study)."""

    number_of_facilities: Int = column("count of facilities (0 when none)")
    number_of_nsae_subjects: Int = column("subjects affected by other (not serious) adverse events, summed over the "
                                          "events' counts per group (adverse_event_subject_sums)")
    number_of_sae_subjects: Int = column("subjects affected by serious adverse events, summed likewise")
    registered_in_calendar_year: Int = column("year of study_first_submitted_date")
    nlm_download_date: Date = column("NULL, as in AACT, which never sets it")
    actual_duration: Int = column("start to primary completion, " + MONTHS + "; NULL if either is ESTIMATED or missing")
    were_results_reported: Bool = column("results are posted (studies.has_results, else a results posting date)")
    months_to_report_results: Int = column("primary completion to results first submitted, " + MONTHS)
    has_us_facility: Bool = column("a facility is in the United States or a US territory; NULL without facilities")
    has_single_facility: Bool = column("exactly one facility; NULL without facilities")
    minimum_age_num: Int = column("number of minimum_age ('18 Years' -> 18; AACT's 'N/A' -> 0)")
    maximum_age_num: Int = column("number of maximum_age")
    minimum_age_unit: Text = column("unit of minimum_age, lower case and singular ('year'; 'n/a')")
    maximum_age_unit: Text = column("unit of maximum_age")
    number_of_primary_outcomes_to_measure: Int = column("planned primary outcomes (NULL when none)")
    number_of_secondary_outcomes_to_measure: Int = column("planned secondary outcomes (NULL when none)")
    number_of_other_outcomes_to_measure: Int = column("planned other outcomes (NULL when none)")
    id: Int = row_id()
