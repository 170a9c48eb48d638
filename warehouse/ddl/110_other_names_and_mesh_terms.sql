-- AACT's intervention_other_names, browse_conditions and browse_interventions.
-- Other names of an intervention (brand names, codes, synonyms), one row each, keyed by the
-- intervention's name as the record gives it.
CREATE TABLE IF NOT EXISTS intervention_other_names (
    nct_id VARCHAR NOT NULL,
    intervention_name VARCHAR,
    name VARCHAR
);
-- MeSH terms the registry derives from the conditions and interventions: 'mesh-list' for the
-- terms it matched, 'mesh-ancestor' for their broader terms (API v2 only; legacy XML lists no ancestors).
CREATE TABLE IF NOT EXISTS browse_conditions (
    nct_id VARCHAR NOT NULL,
    mesh_term VARCHAR,
    downcase_mesh_term VARCHAR,
    mesh_type VARCHAR
);
CREATE TABLE IF NOT EXISTS browse_interventions (
    nct_id VARCHAR NOT NULL,
    mesh_term VARCHAR,
    downcase_mesh_term VARCHAR,
    mesh_type VARCHAR
);
