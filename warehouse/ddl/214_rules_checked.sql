-- The rules that gave every issue in quality_issues (warehouse/rules_checked.py): a fingerprint of the text of
-- the rule catalogue's sources, and `sources`, what their files were when it was taken (names, sizes, times), so
-- that a run whose sources are as they were need not read them again. Recorded when a check of every study
-- completes. A warehouse whose recorded fingerprint differs from the installed rules' (or that has issues and
-- none recorded, as every warehouse made before this file) has every study checked again by its next run.
CREATE TABLE IF NOT EXISTS meta.rules_checked (
    fingerprint VARCHAR NOT NULL,
    sources VARCHAR NOT NULL,
    run_id VARCHAR,
    checked_at TIMESTAMP NOT NULL
);
