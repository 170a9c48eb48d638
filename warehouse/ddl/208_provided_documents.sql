-- AACT's provided_documents: the protocol, statistical analysis plan and informed consent documents a sponsor
-- posted with the record (API v2 documentSection.largeDocumentModule.largeDocs; legacy XML
-- <provided_document_section>), one row per document: its label, which of the three it holds, its date, and its
-- address on ClinicalTrials.gov. `id` as every study table's (DDL 119).
CREATE TABLE IF NOT EXISTS provided_documents (
    nct_id VARCHAR NOT NULL,
    document_type VARCHAR,
    has_protocol BOOLEAN,
    has_icf BOOLEAN,
    has_sap BOOLEAN,
    document_date DATE,
    url VARCHAR,
    id BIGINT
);
-- AACT's studies columns from a record's results: the baseline population, the limitations and caveats, and the
-- type of units analyzed where they are not participants (API v2 resultsSection; legacy XML <clinical_results>).
ALTER TABLE studies ADD COLUMN IF NOT EXISTS baseline_population VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS limitations_and_caveats VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS baseline_type_units_analyzed VARCHAR;
-- Studies loaded before this table and these columns existed have none of them: the registry's files (the only
-- layouts that give them) are forgotten by meta.source_files, so the next run over the same folders reads them
-- again and fills them. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
