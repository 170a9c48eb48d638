-- Three of AACT's answers the warehouse gave otherwise.
-- 1. calculated_values.number_of_sae_subjects / number_of_nsae_subjects: AACT sums the subjects affected of its
--    reported_events by kind (app/models/calculated_value.rb, reported_event.rb). The warehouse does not load the
--    events; adverse_event_subject_sums keeps the two sums per study (a name AACT does not use), and the view reads
--    them. (DDL 171 made the view with NULL for both.)
-- 2. pending_results holds what AACT's does, the registry's unposted events. A record's submission tracking
--    (API v2 derivedSection), which it held where a record gave no unposted events, is in result_submissions.
-- 3. studies.nlm_download_date_description, NULL as AACT's API v2 loader leaves it. DuckDB adds a column last;
--    AACT has it second.
CREATE TABLE IF NOT EXISTS adverse_event_subject_sums (
    nct_id VARCHAR NOT NULL,
    serious_subjects_affected INTEGER,
    other_subjects_affected INTEGER
);
CREATE TABLE IF NOT EXISTS result_submissions (
    nct_id VARCHAR NOT NULL,
    event VARCHAR,
    event_date_description VARCHAR,
    event_date DATE,
    id BIGINT
);
ALTER TABLE studies ADD COLUMN IF NOT EXISTS nlm_download_date_description VARCHAR;
-- AACT's calculated_values as DDL 171 made it, the adverse-event subject counts read from adverse_event_subject_sums.
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
    CAST(adverse_events.other_subjects_affected AS INTEGER) AS number_of_nsae_subjects,
    CAST(adverse_events.serious_subjects_affected AS INTEGER) AS number_of_sae_subjects,
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
LEFT JOIN ages USING (nct_id)
LEFT JOIN adverse_event_subject_sums adverse_events USING (nct_id);
-- Studies loaded before these tables existed have no sums, and their pending_results may hold submission tracking:
-- the registry's files (the layouts that give them) are forgotten by meta.source_files, so the next run over the
-- same folders reads them again and replaces what they gave. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
