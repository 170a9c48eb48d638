-- The registry's own timeline (AACT names), which its timeliness rules read: when the sponsor first
-- submitted the record, submitted and posted results, and asked for a delay of results (certificate
-- of delay, "disposition").
ALTER TABLE studies ADD COLUMN IF NOT EXISTS study_first_submitted_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS results_first_submitted_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS results_first_posted_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS disposition_first_submitted_date DATE;
ALTER TABLE studies ADD COLUMN IF NOT EXISTS disposition_first_posted_date DATE;

-- Who is responsible for the record. `name` is personal data, handled as central contacts are.
CREATE TABLE IF NOT EXISTS responsible_parties (
    nct_id VARCHAR NOT NULL,
    responsible_party_type VARCHAR,
    name VARCHAR,
    title VARCHAR,
    organization VARCHAR,
    affiliation VARCHAR
);
