-- studies.source now means what it means in AACT: the organization that submitted the record
-- (API v2 identificationModule.organization.fullName, legacy XML <source>), not the lead sponsor,
-- which stays in sponsors. Values loaded before this change from JSON and XML held the lead
-- sponsor's name: they are cleared, and those files are forgotten by meta.source_files so the next
-- run reads them again, filling source, source_class and every column added with it.
UPDATE studies SET source = NULL WHERE source_layout IN ('ctgov_json_v2', 'ctgov_xml');
DELETE FROM meta.source_files WHERE layout IN ('ctgov_json_v2', 'ctgov_xml');
