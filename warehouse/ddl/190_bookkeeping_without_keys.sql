-- The bookkeeping tables with the longest keys lose their primary keys. DuckDB holds a primary key's index
-- (ART) whole in memory once a statement reads it, and inserting into a keyed table reads it: at 600,000
-- studies the keys of these three tables took 552 MB (150-193 bytes each: hashes, paths and run ids), against
-- 30 MB for the studies' NCT ids. The loader merges into source_files and source_records on their keys and the
-- issue history opens an episode only where none is open, so each key is still written once; nothing reads
-- these tables by key one row at a time. Each table is created again (DuckDB cannot drop a constraint),
-- its rows copied in order, under the same name.
CREATE TABLE meta.source_files__unkeyed (
    sha256 VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    size BIGINT,
    mtime TIMESTAMP,
    layout VARCHAR,
    nct_id VARCHAR,
    study_count INTEGER,
    first_seen_run VARCHAR,
    last_seen_run VARCHAR,
    outcome VARCHAR
);
INSERT INTO meta.source_files__unkeyed BY NAME SELECT * FROM meta.source_files;
DROP TABLE meta.source_files;
ALTER TABLE meta.source_files__unkeyed RENAME TO source_files;

CREATE TABLE meta.source_records__unkeyed (
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
    superseded BOOLEAN DEFAULT false,
    snapshot_date DATE
);
INSERT INTO meta.source_records__unkeyed BY NAME SELECT * FROM meta.source_records;
DROP TABLE meta.source_records;
ALTER TABLE meta.source_records__unkeyed RENAME TO source_records;

CREATE TABLE meta.quality_issue_history__unkeyed (
    issue_key VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    rule_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    fields VARCHAR[] NOT NULL,
    message VARCHAR NOT NULL,
    evidence VARCHAR,
    first_seen_run VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    last_seen_run VARCHAR NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    resolved_run VARCHAR,
    resolved_at TIMESTAMP
);
INSERT INTO meta.quality_issue_history__unkeyed BY NAME SELECT * FROM meta.quality_issue_history;
DROP TABLE meta.quality_issue_history;
ALTER TABLE meta.quality_issue_history__unkeyed RENAME TO quality_issue_history;
