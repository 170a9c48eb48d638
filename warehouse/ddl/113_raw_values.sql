-- A value the schema refused (an enum outside API v2, a malformed date, a count that is not a
-- number): the study loaded with that cell NULL, and the value is kept here as the source gave it.
-- Values of personal-data columns are never kept (raw_value is NULL for them).
CREATE TABLE IF NOT EXISTS meta.raw_values (
    run_id VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    raw_value VARCHAR,
    expected VARCHAR
);
