-- The life of every quality issue across runs: one row per episode of an issue, from the run that
-- first raised it to the run in which it was no longer found (resolved_run; NULL while it is open).
-- An issue is identified by its study, rule and fields (and its rank among identical ones), so a
-- reworded message or a new as_of does not make it "new". An issue that comes back after being
-- resolved opens a new episode.
CREATE TABLE IF NOT EXISTS meta.quality_issue_history (
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
    resolved_at TIMESTAMP,
    PRIMARY KEY (issue_key, first_seen_run)
);
