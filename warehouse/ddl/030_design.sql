CREATE TABLE IF NOT EXISTS designs (
    nct_id VARCHAR NOT NULL,
    allocation VARCHAR,
    intervention_model VARCHAR,
    intervention_model_description VARCHAR,
    observational_model VARCHAR,
    time_perspective VARCHAR,
    primary_purpose VARCHAR,
    masking VARCHAR,
    masking_description VARCHAR,
    subject_masked BOOLEAN,
    caregiver_masked BOOLEAN,
    investigator_masked BOOLEAN,
    outcomes_assessor_masked BOOLEAN
);
-- The arms.
CREATE TABLE IF NOT EXISTS design_groups (
    nct_id VARCHAR NOT NULL,
    group_type VARCHAR,
    title VARCHAR,
    description VARCHAR
);
CREATE TABLE IF NOT EXISTS interventions (
    nct_id VARCHAR NOT NULL,
    intervention_type VARCHAR,
    name VARCHAR,
    description VARCHAR
);
-- Which arm receives which intervention, where the source links them (by title and name).
CREATE TABLE IF NOT EXISTS design_group_interventions (
    nct_id VARCHAR NOT NULL,
    design_group VARCHAR,
    intervention VARCHAR
);
CREATE TABLE IF NOT EXISTS design_outcomes (
    nct_id VARCHAR NOT NULL,
    outcome_type VARCHAR,
    measure VARCHAR,
    time_frame VARCHAR,
    description VARCHAR
);
CREATE TABLE IF NOT EXISTS eligibilities (
    nct_id VARCHAR NOT NULL,
    gender VARCHAR,
    minimum_age VARCHAR,
    maximum_age VARCHAR,
    healthy_volunteers BOOLEAN,
    criteria VARCHAR
);
