-- Problems met in files that did load (a header that could not be read, an unknown label, one
-- study of a multi-study file that failed): kept beside the loaded rows, never in meta.rejects,
-- which holds only the inputs that did not load.
CREATE TABLE IF NOT EXISTS meta.load_problems (
    run_id VARCHAR NOT NULL,
    sha256 VARCHAR,
    path VARCHAR,
    nct_id VARCHAR,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR
);
