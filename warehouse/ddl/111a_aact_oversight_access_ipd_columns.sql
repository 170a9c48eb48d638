-- More of AACT's studies columns (names and values as AACT's ctgov_v2 schema): the oversight flags,
-- expanded access, the patient-registry flag and the IPD sharing statement's details.
-- Numbered 111a to run before 115's UPDATE of studies when an old warehouse is upgraded: in one
-- transaction DuckDB cannot alter a table it has already updated.
ALTER TABLE studies ADD COLUMN IF NOT EXISTS delayed_posting BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS patient_registry BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS expanded_access_nctid VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS expanded_access_status_for_nctid VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS expanded_access_type_individual BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS expanded_access_type_intermediate BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS expanded_access_type_treatment BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS is_unapproved_device BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS is_ppsd BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS is_us_export BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS fdaaa801_violation BOOLEAN;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS ipd_time_frame VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS ipd_access_criteria VARCHAR;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS ipd_url VARCHAR;
-- Studies loaded before these columns existed have them NULL: the registry's files (the only layouts
-- that give them) are forgotten by meta.source_files, so the next run over the same folders reads them
-- again and fills the columns. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
