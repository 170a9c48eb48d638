-- The extract stage's bookkeeping: every pull from the registry with what it announced and what
-- arrived (the reconciliation gate), the incremental cursor of each search, and the studies that
-- left the registry (marked, never deleted).
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE IF NOT EXISTS meta.registry_pulls (
    pull_id VARCHAR PRIMARY KEY,
    search_key VARCHAR NOT NULL,
    mode VARCHAR NOT NULL,
    since DATE,
    landing_path VARCHAR,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    data_timestamp TIMESTAMP,
    total_count BIGINT,
    studies_received BIGINT,
    pages INTEGER,
    studies_loaded BIGINT,
    status VARCHAR NOT NULL,
    reason VARCHAR
);

CREATE TABLE IF NOT EXISTS meta.pull_cursors (
    search_key VARCHAR PRIMARY KEY,
    since DATE NOT NULL,
    pull_id VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS meta.registry_departures (
    nct_id VARCHAR PRIMARY KEY,
    first_missing_pull VARCHAR NOT NULL,
    first_missing_at TIMESTAMP NOT NULL,
    last_missing_pull VARCHAR NOT NULL,
    last_missing_at TIMESTAMP NOT NULL,
    registry_count BIGINT,
    returned_pull VARCHAR,
    returned_at TIMESTAMP
);
