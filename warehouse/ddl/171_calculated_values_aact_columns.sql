-- (The view this file made is now made by 213_adverse_event_sums_and_result_submissions.sql, which reads the
-- adverse-event subject counts this one gave as NULL.)
-- AACT's calculated_values, computed as AACT computes them (app/models/calculated_value.rb), as a
-- view over the study tables so it is never stale. Durations are whole 30-day months, truncated;
-- an age '18 Years' gives 18 and 'year'; AACT's 'N/A' age gives 0 and 'n/a', and no age (or no
-- eligibility row) NULL and NULL, as AACT's code does.
-- Results are not loaded, so the serious / non-serious adverse-event subject counts are NULL and
-- were_results_reported reads the registry's own flag (hasResults, or a results posting date).
-- AACT's columns in AACT's order, but for `id`, last as in every study table here (one row per study: its NCT
-- number * 1,000,000 + 1, as flows/row_ids.py numbers a study's first row) and `nlm_download_date`, which AACT
-- never sets (NULL). (117_calculated_values.sql first made this view, without those two columns; 116, which
-- it replaced, gave 0 for no age.)
CREATE OR REPLACE VIEW calculated_values AS
WITH sites AS (
    SELECT nct_id, count(*) AS facilities,
           bool_or(country IN ('United States', 'Guam', 'Puerto Rico', 'U.S. Virgin Islands',
                               'Virgin Islands (U.S.)', 'Northern Mariana Islands', 'American Samoa',
                               'Midway Atoll', 'Palmyra Atoll', 'Baker Island', 'Howland Island',
                               'Jarvis Island', 'Johnston Atoll', 'Kingman Reef', 'Wake Island',
                               'Navassa Island', 'Serranilla Bank', 'Bajo Nuevo Bank')) AS us
    FROM facilities GROUP BY nct_id
), outcomes AS (
    SELECT nct_id,
           nullif(count(*) FILTER (WHERE outcome_type = 'primary'), 0) AS primary_outcomes,
           nullif(count(*) FILTER (WHERE outcome_type = 'secondary'), 0) AS secondary_outcomes,
           nullif(count(*) FILTER (WHERE outcome_type = 'other'), 0) AS other_outcomes
    FROM design_outcomes GROUP BY nct_id
), ages AS (
    SELECT nct_id,
           regexp_split_to_array(trim(minimum_age), '\s+') AS min_parts,
           regexp_split_to_array(trim(maximum_age), '\s+') AS max_parts
    FROM eligibilities
)
SELECT
    s.nct_id,
    CAST(coalesce(sites.facilities, 0) AS INTEGER) AS number_of_facilities,
    CAST(NULL AS INTEGER) AS number_of_nsae_subjects,
    CAST(NULL AS INTEGER) AS number_of_sae_subjects,
    CAST(year(s.study_first_submitted_date) AS INTEGER) AS registered_in_calendar_year,
    CAST(NULL AS DATE) AS nlm_download_date,
    CAST(CASE WHEN s.start_date_type IS DISTINCT FROM 'ESTIMATED'
                   AND s.primary_completion_date_type IS DISTINCT FROM 'ESTIMATED'
              THEN trunc((s.primary_completion_date - s.start_date) / 30.0) END AS INTEGER) AS actual_duration,
    coalesce(s.has_results, s.results_first_posted_date IS NOT NULL) AS were_results_reported,
    CAST(trunc((s.results_first_submitted_date - s.primary_completion_date) / 30.0) AS INTEGER)
        AS months_to_report_results,
    sites.us AS has_us_facility,
    sites.facilities = 1 AS has_single_facility,
    CASE WHEN ages.min_parts[1] <> '' THEN CAST(coalesce(TRY_CAST(
        regexp_extract(ages.min_parts[1], '^[+-]?[0-9]+') AS INTEGER), 0) AS INTEGER) END AS minimum_age_num,
    CASE WHEN ages.max_parts[1] <> '' THEN CAST(coalesce(TRY_CAST(
        regexp_extract(ages.max_parts[1], '^[+-]?[0-9]+') AS INTEGER), 0) AS INTEGER) END AS maximum_age_num,
    CASE WHEN ages.min_parts[1] <> '' THEN regexp_replace(lower(ages.min_parts[-1]), 's$', '') END
        AS minimum_age_unit,
    CASE WHEN ages.max_parts[1] <> '' THEN regexp_replace(lower(ages.max_parts[-1]), 's$', '') END
        AS maximum_age_unit,
    CAST(outcomes.primary_outcomes AS INTEGER) AS number_of_primary_outcomes_to_measure,
    CAST(outcomes.secondary_outcomes AS INTEGER) AS number_of_secondary_outcomes_to_measure,
    CAST(outcomes.other_outcomes AS INTEGER) AS number_of_other_outcomes_to_measure,
    CAST(substr(s.nct_id, 4) AS BIGINT) * 1000000 + 1 AS id
FROM studies s
LEFT JOIN sites USING (nct_id)
LEFT JOIN outcomes USING (nct_id)
LEFT JOIN ages USING (nct_id);
