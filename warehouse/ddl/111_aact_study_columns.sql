-- AACT's studies columns that its users query (names and values as AACT's ctgov_v2 schema).
-- A date given to the month or year is stored as AACT stores it, the last day of that month
-- (12-31 for a year); <date>_precision still says how much of it the source gave, and AACT's
-- *_month_year columns keep the text ('2006-11').
ALTER TABLE studies ADD COLUMN IF NOT EXISTS start_month_year VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS primary_completion_month_year VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS completion_month_year VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS verification_month_year VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS study_first_submitted_qc_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS study_first_posted_date_type VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS results_first_submitted_qc_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS results_first_posted_date_type VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS disposition_first_submitted_qc_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS disposition_first_posted_date_type VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS last_update_submitted_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS last_update_submitted_qc_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS last_update_posted_date_type VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS source_class VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS has_results BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS number_of_groups INTEGER;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS has_dmc BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS has_expanded_access BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS target_duration VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS biospec_retention VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS biospec_description VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS plan_to_share_ipd VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS plan_to_share_ipd_description VARCHAR;
