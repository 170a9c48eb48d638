-- An API v2 record gives no age limit by leaving it out, and AACT's API v2 importer stores that as
-- NULL (its model's 'N/A' default is never read): ages loaded as 'N/A' from API v2 records become NULL.
-- (Legacy XML states 'N/A' itself: kept.) No later migration may ALTER eligibilities in the same
-- transaction as this UPDATE: DuckDB refuses an ALTER of a table already updated in it.
UPDATE eligibilities SET minimum_age = nullif(minimum_age, 'N/A'), maximum_age = nullif(maximum_age, 'N/A')
WHERE 'N/A' IN (minimum_age, maximum_age)
  AND nct_id IN (SELECT nct_id FROM studies WHERE source_layout = 'ctgov_json_v2');

-- (The view calculated_values this file first created is now made by 171_calculated_values_aact_columns.sql.)
