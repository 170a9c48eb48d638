CREATE TABLE IF NOT EXISTS facilities (
    nct_id VARCHAR NOT NULL,
    name VARCHAR,
    city VARCHAR,
    state VARCHAR,
    zip VARCHAR,
    country VARCHAR,
    status VARCHAR
);
CREATE TABLE IF NOT EXISTS countries (nct_id VARCHAR NOT NULL, name VARCHAR, removed BOOLEAN);
CREATE TABLE IF NOT EXISTS sponsors (
    nct_id VARCHAR NOT NULL,
    agency_class VARCHAR,
    lead_or_collaborator VARCHAR,
    name VARCHAR
);
CREATE TABLE IF NOT EXISTS overall_officials (
    nct_id VARCHAR NOT NULL,
    role VARCHAR,
    name VARCHAR,
    affiliation VARCHAR
);
-- Personal data: the only table that holds contact names, phones and emails.
CREATE TABLE IF NOT EXISTS central_contacts (
    nct_id VARCHAR NOT NULL,
    contact_type VARCHAR,
    name VARCHAR,
    phone VARCHAR,
    email VARCHAR
);
CREATE TABLE IF NOT EXISTS id_information (
    nct_id VARCHAR NOT NULL,
    id_source VARCHAR,
    id_type VARCHAR,
    id_value VARCHAR
);
-- What one record says about another ("See also", "Related trials").
CREATE TABLE IF NOT EXISTS related_studies (
    nct_id VARCHAR NOT NULL,
    related_nct_id VARCHAR,
    stated_status VARCHAR,
    stated_phase VARCHAR,
    title VARCHAR
);
-- The derived header numbers of a clincosm page, kept to check them against the record.
-- clincosm omits patients_per_site when the study has one site.
CREATE TABLE IF NOT EXISTS page_header_metrics (
    nct_id VARCHAR NOT NULL,
    enrollment INTEGER,
    sites INTEGER,
    arms INTEGER,
    duration_months DOUBLE,
    patients_per_site DOUBLE,
    patients_per_site_per_month DOUBLE
);
