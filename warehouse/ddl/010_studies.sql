-- One row per study: the current version of its record (AACT ctgov_v2 names, API v2 enums).
-- Each date keeps the precision its source gave (year, month, day) in <date>_precision;
-- a month-precision date is stored as AACT stores it, on the last day of that month
-- (DDL 115 moves dates of warehouses made before), and is never read as an exact day.
CREATE TABLE IF NOT EXISTS studies (
    nct_id VARCHAR PRIMARY KEY,
    brief_title VARCHAR,
    official_title VARCHAR,
    acronym VARCHAR,
    overall_status VARCHAR,
    last_known_status VARCHAR,
    phase VARCHAR,
    study_type VARCHAR,
    enrollment INTEGER,
    enrollment_type VARCHAR,
    start_date DATE,
    start_date_precision VARCHAR,
    start_date_type VARCHAR,
    primary_completion_date DATE,
    primary_completion_date_precision VARCHAR,
    primary_completion_date_type VARCHAR,
    completion_date DATE,
    completion_date_precision VARCHAR,
    completion_date_type VARCHAR,
    study_first_posted_date DATE,
    study_first_posted_date_precision VARCHAR,
    last_update_posted_date DATE,
    last_update_posted_date_precision VARCHAR,
    verification_date DATE,
    verification_date_precision VARCHAR,
    number_of_arms INTEGER,
    why_stopped VARCHAR,
    is_fda_regulated_drug BOOLEAN,
    is_fda_regulated_device BOOLEAN,
    source VARCHAR,
    source_layout VARCHAR NOT NULL,
    source_sha256 VARCHAR NOT NULL
);
