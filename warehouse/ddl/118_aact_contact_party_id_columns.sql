-- More of AACT's child-table columns (names and values as AACT's API v2 importer): a central
-- contact's phone extension (personal data) and role, a pre-2017 responsible party's name and title
-- (personal data), and who issued an identifier (API v2 `domain`).
-- Studies loaded before these columns existed have them NULL: the registry's files (the only layouts
-- that give them) are forgotten by meta.source_files, so the next run over the same folders reads them
-- again and fills the columns. A new warehouse has no such rows.
ALTER TABLE central_contacts ADD COLUMN IF NOT EXISTS phone_extension VARCHAR;
ALTER TABLE central_contacts ADD COLUMN IF NOT EXISTS role VARCHAR;
ALTER TABLE responsible_parties ADD COLUMN IF NOT EXISTS old_name_title VARCHAR;
ALTER TABLE id_information ADD COLUMN IF NOT EXISTS id_type_description VARCHAR;
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
