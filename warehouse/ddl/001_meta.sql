-- Run bookkeeping: what each run saw, loaded, rejected and skipped.
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE IF NOT EXISTS meta.schema_migrations (
    filename VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS meta.load_runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    as_of DATE NOT NULL,
    source VARCHAR,
    files_seen INTEGER,
    loaded INTEGER,
    rejected INTEGER,
    skipped INTEGER,
    studies_loaded INTEGER,
    status VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS meta.source_files (
    sha256 VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    size BIGINT,
    mtime TIMESTAMP,
    layout VARCHAR,
    nct_id VARCHAR,
    study_count INTEGER,
    first_seen_run VARCHAR,
    last_seen_run VARCHAR,
    outcome VARCHAR,
    PRIMARY KEY (sha256, path)
);

CREATE TABLE IF NOT EXISTS meta.source_records (
    nct_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    path VARCHAR,
    layout VARCHAR NOT NULL,
    last_update_posted_date DATE,
    loaded_run VARCHAR,
    is_current BOOLEAN,
    overall_status VARCHAR,
    phase VARCHAR,
    study_type VARCHAR,
    enrollment INTEGER,
    enrollment_type VARCHAR,
    start_date DATE,
    start_date_precision VARCHAR,
    primary_completion_date DATE,
    primary_completion_date_precision VARCHAR,
    completion_date DATE,
    completion_date_precision VARCHAR,
    brief_title VARCHAR,
    PRIMARY KEY (nct_id, sha256)
);

CREATE TABLE IF NOT EXISTS meta.rejects (
    run_id VARCHAR NOT NULL,
    sha256 VARCHAR,
    path VARCHAR,
    nct_id VARCHAR,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR
);
