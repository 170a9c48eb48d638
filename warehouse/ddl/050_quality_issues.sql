-- The contract every quality check writes to.
CREATE TABLE IF NOT EXISTS quality_issues (
    run_id VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    rule_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    fields VARCHAR[] NOT NULL,
    message VARCHAR NOT NULL,
    evidence VARCHAR,
    as_of DATE NOT NULL
);
