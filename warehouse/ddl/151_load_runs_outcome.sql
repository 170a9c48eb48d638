-- Every run is recorded, failed ones with their error, and with the warehouse's issue counts at its end.
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS error VARCHAR;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS issues_error INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS issues_warning INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS issues_info INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS issues_new INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS issues_resolved INTEGER;
-- Studies by verdict at the end of the run: trusted (no error or warning), review (warnings only),
-- untrusted (an error). freshness.* issues (the age of our copy) do not count against a record.
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS studies_trusted INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS studies_review INTEGER;
ALTER TABLE meta.load_runs ADD COLUMN IF NOT EXISTS studies_untrusted INTEGER;

-- Issues by rule and severity at the end of every run: the trend, and the change since the previous run.
CREATE TABLE IF NOT EXISTS meta.load_run_issue_counts (
    run_id VARCHAR NOT NULL,
    rule_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    issues INTEGER NOT NULL,
    studies INTEGER NOT NULL,
    PRIMARY KEY (run_id, rule_id, severity)
);
