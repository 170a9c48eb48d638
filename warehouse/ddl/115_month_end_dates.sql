-- Dates loaded before DDL 111 hold a month- or year-precision date as the first day of its period;
-- AACT stores the last day (12-31 for a year). Move them, and fill AACT's *_month_year texts.
UPDATE studies SET start_date = CASE start_date_precision WHEN 'month' THEN last_day(start_date) ELSE make_date(year(start_date), 12, 31) END
    WHERE start_date_precision IN ('month', 'year') AND start_date IS NOT NULL;
UPDATE studies SET primary_completion_date = CASE primary_completion_date_precision WHEN 'month' THEN last_day(primary_completion_date) ELSE make_date(year(primary_completion_date), 12, 31) END
    WHERE primary_completion_date_precision IN ('month', 'year') AND primary_completion_date IS NOT NULL;
UPDATE studies SET completion_date = CASE completion_date_precision WHEN 'month' THEN last_day(completion_date) ELSE make_date(year(completion_date), 12, 31) END
    WHERE completion_date_precision IN ('month', 'year') AND completion_date IS NOT NULL;
UPDATE studies SET study_first_posted_date = CASE study_first_posted_date_precision WHEN 'month' THEN last_day(study_first_posted_date) ELSE make_date(year(study_first_posted_date), 12, 31) END
    WHERE study_first_posted_date_precision IN ('month', 'year') AND study_first_posted_date IS NOT NULL;
UPDATE studies SET last_update_posted_date = CASE last_update_posted_date_precision WHEN 'month' THEN last_day(last_update_posted_date) ELSE make_date(year(last_update_posted_date), 12, 31) END
    WHERE last_update_posted_date_precision IN ('month', 'year') AND last_update_posted_date IS NOT NULL;
UPDATE studies SET verification_date = CASE verification_date_precision WHEN 'month' THEN last_day(verification_date) ELSE make_date(year(verification_date), 12, 31) END
    WHERE verification_date_precision IN ('month', 'year') AND verification_date IS NOT NULL;
UPDATE studies SET start_month_year = CASE coalesce(start_date_precision, 'day') WHEN 'year' THEN strftime(start_date, '%Y')
    WHEN 'month' THEN strftime(start_date, '%Y-%m') ELSE strftime(start_date, '%Y-%m-%d') END
    WHERE start_date IS NOT NULL AND start_month_year IS NULL;
UPDATE studies SET primary_completion_month_year = CASE coalesce(primary_completion_date_precision, 'day') WHEN 'year' THEN strftime(primary_completion_date, '%Y')
    WHEN 'month' THEN strftime(primary_completion_date, '%Y-%m') ELSE strftime(primary_completion_date, '%Y-%m-%d') END
    WHERE primary_completion_date IS NOT NULL AND primary_completion_month_year IS NULL;
UPDATE studies SET completion_month_year = CASE coalesce(completion_date_precision, 'day') WHEN 'year' THEN strftime(completion_date, '%Y')
    WHEN 'month' THEN strftime(completion_date, '%Y-%m') ELSE strftime(completion_date, '%Y-%m-%d') END
    WHERE completion_date IS NOT NULL AND completion_month_year IS NULL;
UPDATE studies SET verification_month_year = CASE coalesce(verification_date_precision, 'day') WHEN 'year' THEN strftime(verification_date, '%Y')
    WHEN 'month' THEN strftime(verification_date, '%Y-%m') ELSE strftime(verification_date, '%Y-%m-%d') END
    WHERE verification_date IS NOT NULL AND verification_month_year IS NULL;
UPDATE meta.source_records SET start_date = CASE start_date_precision WHEN 'month' THEN last_day(start_date) ELSE make_date(year(start_date), 12, 31) END
    WHERE start_date_precision IN ('month', 'year') AND start_date IS NOT NULL;
UPDATE meta.source_records SET primary_completion_date = CASE primary_completion_date_precision WHEN 'month' THEN last_day(primary_completion_date) ELSE make_date(year(primary_completion_date), 12, 31) END
    WHERE primary_completion_date_precision IN ('month', 'year') AND primary_completion_date IS NOT NULL;
UPDATE meta.source_records SET completion_date = CASE completion_date_precision WHEN 'month' THEN last_day(completion_date) ELSE make_date(year(completion_date), 12, 31) END
    WHERE completion_date_precision IN ('month', 'year') AND completion_date IS NOT NULL;
