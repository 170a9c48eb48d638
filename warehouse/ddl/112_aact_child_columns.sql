-- AACT's columns on the child tables: lower-case names for matching, eligibility details,
-- identifier links, site coordinates.
ALTER TABLE conditions ADD COLUMN IF NOT EXISTS downcase_name VARCHAR;
ALTER TABLE keywords ADD COLUMN IF NOT EXISTS downcase_name VARCHAR;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS sampling_method VARCHAR;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS population VARCHAR;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS gender_based BOOLEAN;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS gender_description VARCHAR;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS adult BOOLEAN;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS child BOOLEAN;
ALTER TABLE eligibilities ADD COLUMN IF NOT EXISTS older_adult BOOLEAN;
ALTER TABLE design_outcomes ADD COLUMN IF NOT EXISTS population VARCHAR;
ALTER TABLE id_information ADD COLUMN IF NOT EXISTS id_link VARCHAR;
ALTER TABLE facilities ADD COLUMN IF NOT EXISTS latitude DOUBLE;
ALTER TABLE facilities ADD COLUMN IF NOT EXISTS longitude DOUBLE;
-- Existing rows get what AACT derives from what they already hold.
UPDATE conditions SET downcase_name = lower(name) WHERE downcase_name IS NULL;
UPDATE keywords SET downcase_name = lower(name) WHERE downcase_name IS NULL;
