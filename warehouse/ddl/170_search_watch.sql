-- Full-text search, watch lists and what changed between versions of a study (issue 13).
-- All bookkeeping lives in `meta`; the fts extension adds its own schema fts_meta_study_documents.

-- One searchable document per study, rebuilt for the studies a run changed.
CREATE TABLE IF NOT EXISTS meta.study_documents (
    nct_id VARCHAR PRIMARY KEY,
    title VARCHAR,          -- brief and official title, acronym
    names VARCHAR,          -- conditions, keywords, interventions, their other names, MeSH terms
    body VARCHAR,           -- summaries, detailed description, arms, outcome measures
    built_run VARCHAR
);

-- What a diff needs of each version beyond meta.source_records: primary outcomes and arms.
CREATE TABLE IF NOT EXISTS meta.version_fields (
    nct_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    primary_outcome_measures VARCHAR[],
    primary_outcome_time_frames VARCHAR[],
    arm_titles VARCHAR[],
    intervention_names VARCHAR[],
    loaded_run VARCHAR
);

-- A saved search, evaluated at the end of every run.
CREATE TABLE IF NOT EXISTS meta.watch_lists (
    name VARCHAR PRIMARY KEY,
    query VARCHAR NOT NULL,
    condition VARCHAR,
    intervention VARCHAR,
    sponsor VARCHAR,
    statuses VARCHAR[],
    phases VARCHAR[],
    created_at TIMESTAMP NOT NULL
);

-- One row per watch list per run that evaluated it.
CREATE TABLE IF NOT EXISTS meta.watch_runs (
    run_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    evaluated_at TIMESTAMP NOT NULL,
    members INTEGER NOT NULL,
    entered INTEGER NOT NULL,
    "left" INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    issues_new INTEGER NOT NULL,
    issues_resolved INTEGER NOT NULL
);

-- The studies on a watch list at a run, with the version `studies` held then.
CREATE TABLE IF NOT EXISTS meta.watch_members (
    run_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    sha256 VARCHAR,
    rank INTEGER
);

-- The quality issues of a watch list's studies at a run (to tell new from resolved).
CREATE TABLE IF NOT EXISTS meta.watch_issues (
    run_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    rule_id VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);

-- What happened on a watch list at a run: entered, left, changed, issue_new, issue_resolved.
CREATE TABLE IF NOT EXISTS meta.watch_events (
    run_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    detail VARCHAR
);
