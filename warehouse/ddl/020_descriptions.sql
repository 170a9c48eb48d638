CREATE TABLE IF NOT EXISTS brief_summaries (nct_id VARCHAR NOT NULL, description VARCHAR);
CREATE TABLE IF NOT EXISTS detailed_descriptions (nct_id VARCHAR NOT NULL, description VARCHAR);
CREATE TABLE IF NOT EXISTS conditions (nct_id VARCHAR NOT NULL, name VARCHAR);
CREATE TABLE IF NOT EXISTS keywords (nct_id VARCHAR NOT NULL, name VARCHAR);
