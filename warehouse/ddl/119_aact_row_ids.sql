-- AACT's row ids and the two link tables' id columns, so AACT's own joins run here:
--   design_group_interventions.design_group_id = design_groups.id, .intervention_id = interventions.id,
--   intervention_other_names.intervention_id = interventions.id.
-- Every study table AACT gives an `id` gets one (not related_studies and page_header_metrics, which AACT
-- lacks). An id is the study's NCT number * 1,000,000 + the row's rank in its study's rows of the table
-- (1 for the first, in the record's order), as the loader numbers them (flows/row_ids.py).
-- (112 and 117 UPDATE conditions, keywords and eligibilities, which this file ALTERs: an upgrade from before
-- them applies each file in its own transaction, see warehouse.connect.migrate.)
ALTER TABLE brief_summaries ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE detailed_descriptions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE conditions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE keywords ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE designs ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE design_groups ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE interventions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE intervention_other_names ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE intervention_other_names ADD COLUMN IF NOT EXISTS intervention_id BIGINT;
ALTER TABLE design_group_interventions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE design_group_interventions ADD COLUMN IF NOT EXISTS design_group_id BIGINT;
ALTER TABLE design_group_interventions ADD COLUMN IF NOT EXISTS intervention_id BIGINT;
ALTER TABLE design_outcomes ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE browse_conditions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE browse_interventions ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE facilities ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE countries ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE sponsors ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE overall_officials ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE central_contacts ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE responsible_parties ADD COLUMN IF NOT EXISTS id BIGINT;
ALTER TABLE id_information ADD COLUMN IF NOT EXISTS id BIGINT;

-- Rows loaded before get the ids the loader gives: a study's rows were inserted in the record's order,
-- so their row order is the record's.
CREATE OR REPLACE TEMP MACRO _row_id(nct_id, row_order) AS
    CAST(substr(nct_id, 4) AS BIGINT) * 1000000 + row_number() OVER (PARTITION BY nct_id ORDER BY row_order);
UPDATE brief_summaries t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM brief_summaries) n
WHERE t.rowid = n.r;
UPDATE detailed_descriptions t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM detailed_descriptions) n WHERE t.rowid = n.r;
UPDATE conditions t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM conditions) n
WHERE t.rowid = n.r;
UPDATE keywords t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM keywords) n
WHERE t.rowid = n.r;
UPDATE designs t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM designs) n
WHERE t.rowid = n.r;
UPDATE design_groups t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM design_groups) n
WHERE t.rowid = n.r;
UPDATE interventions t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM interventions) n
WHERE t.rowid = n.r;
UPDATE intervention_other_names t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM intervention_other_names) n WHERE t.rowid = n.r;
UPDATE design_group_interventions t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM design_group_interventions) n WHERE t.rowid = n.r;
UPDATE design_outcomes t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM design_outcomes) n
WHERE t.rowid = n.r;
UPDATE eligibilities t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM eligibilities) n
WHERE t.rowid = n.r;
UPDATE browse_conditions t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM browse_conditions) n WHERE t.rowid = n.r;
UPDATE browse_interventions t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM browse_interventions) n WHERE t.rowid = n.r;
UPDATE facilities t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM facilities) n
WHERE t.rowid = n.r;
UPDATE countries t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM countries) n
WHERE t.rowid = n.r;
UPDATE sponsors t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM sponsors) n
WHERE t.rowid = n.r;
UPDATE overall_officials t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM overall_officials) n WHERE t.rowid = n.r;
UPDATE central_contacts t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM central_contacts) n WHERE t.rowid = n.r;
UPDATE responsible_parties t SET id = n.id
FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM responsible_parties) n WHERE t.rowid = n.r;
UPDATE id_information t SET id = n.id FROM (SELECT rowid AS r, _row_id(nct_id, rowid) AS id FROM id_information) n
WHERE t.rowid = n.r;

-- A link names its arm by title and its intervention by name: the first arm (intervention) of the study of
-- that exact title (name), else the first whose title matches without regard to case and surrounding spaces.
CREATE OR REPLACE TEMP MACRO _link_key(name) AS lower(trim(name));
UPDATE design_group_interventions t SET design_group_id = n.id FROM (
    SELECT l.rowid AS r, coalesce(exact.id, loose.id) AS id
    FROM design_group_interventions l
    LEFT JOIN (SELECT nct_id, title, min(id) AS id FROM design_groups GROUP BY ALL) exact
           ON exact.nct_id = l.nct_id AND exact.title = l.design_group
    LEFT JOIN (SELECT nct_id, _link_key(title) AS k, min(id) AS id FROM design_groups GROUP BY ALL) loose
           ON loose.nct_id = l.nct_id AND loose.k = _link_key(l.design_group)) n
WHERE t.rowid = n.r;
UPDATE design_group_interventions t SET intervention_id = n.id FROM (
    SELECT l.rowid AS r, coalesce(exact.id, loose.id) AS id
    FROM design_group_interventions l
    LEFT JOIN (SELECT nct_id, name, min(id) AS id FROM interventions GROUP BY ALL) exact
           ON exact.nct_id = l.nct_id AND exact.name = l.intervention
    LEFT JOIN (SELECT nct_id, _link_key(name) AS k, min(id) AS id FROM interventions GROUP BY ALL) loose
           ON loose.nct_id = l.nct_id AND loose.k = _link_key(l.intervention)) n
WHERE t.rowid = n.r;
UPDATE intervention_other_names t SET intervention_id = n.id FROM (
    SELECT l.rowid AS r, coalesce(exact.id, loose.id) AS id
    FROM intervention_other_names l
    LEFT JOIN (SELECT nct_id, name, min(id) AS id FROM interventions GROUP BY ALL) exact
           ON exact.nct_id = l.nct_id AND exact.name = l.intervention_name
    LEFT JOIN (SELECT nct_id, _link_key(name) AS k, min(id) AS id FROM interventions GROUP BY ALL) loose
           ON loose.nct_id = l.nct_id AND loose.k = _link_key(l.intervention_name)) n
WHERE t.rowid = n.r;

-- Where a name does not tell its row (two arms or interventions of a study share it, or it matches only
-- without regard to case or spaces, or not at all), the record says more: an API v2 or XML record links
-- each intervention's own arms and other names. Those studies' files are forgotten by meta.source_files,
-- so the next run over the same folders reads them again and the loader sets their ids as for a new study.
DELETE FROM meta.source_files WHERE sha256 IN (
    SELECT s.source_sha256 FROM studies s WHERE s.nct_id IN (
        SELECT nct_id FROM design_groups GROUP BY nct_id, _link_key(title) HAVING count(*) > 1
        UNION SELECT nct_id FROM interventions GROUP BY nct_id, _link_key(name) HAVING count(*) > 1
        UNION SELECT l.nct_id FROM design_group_interventions l
              ANTI JOIN design_groups g ON g.nct_id = l.nct_id AND g.title = l.design_group
        UNION SELECT l.nct_id FROM design_group_interventions l
              ANTI JOIN interventions i ON i.nct_id = l.nct_id AND i.name = l.intervention
        UNION SELECT l.nct_id FROM intervention_other_names l
              ANTI JOIN interventions i ON i.nct_id = l.nct_id AND i.name = l.intervention_name));
DROP MACRO _row_id;
DROP MACRO _link_key;
