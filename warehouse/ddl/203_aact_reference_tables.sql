-- AACT's reference tables (ctgov_v2 names and columns): the links, publications, IPD information types and
-- documents a study's record gives (API v2 referencesModule and ipdSharingStatementModule; legacy XML <link>,
-- <reference> and <results_reference>, <patient_data><ipd_info_type>, <study_docs>). `id` as every study table's
-- (DDL 119: the study's NCT number * 1,000,000 + the row's rank among the study's rows of the table).
CREATE TABLE IF NOT EXISTS links (
    nct_id VARCHAR NOT NULL,
    url VARCHAR,
    description VARCHAR,
    id BIGINT
);
CREATE TABLE IF NOT EXISTS study_references (
    nct_id VARCHAR NOT NULL,
    pmid VARCHAR,
    reference_type VARCHAR,
    citation VARCHAR,
    id BIGINT
);
CREATE TABLE IF NOT EXISTS ipd_information_types (
    nct_id VARCHAR NOT NULL,
    name VARCHAR,
    id BIGINT
);
CREATE TABLE IF NOT EXISTS documents (
    nct_id VARCHAR NOT NULL,
    document_id VARCHAR,
    document_type VARCHAR,
    url VARCHAR,
    comment VARCHAR,
    id BIGINT
);
-- Studies loaded before these tables existed have no rows in them: the registry's files (the only layouts that
-- give them) are forgotten by meta.source_files, so the next run over the same folders reads them again and fills
-- the tables. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
