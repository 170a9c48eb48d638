-- Studies loaded but not yet quality-checked. A load batch adds the studies it replaced, in its own
-- transaction; the checks remove a chunk in the transaction that writes that chunk's issues. What a
-- killed run leaves here, the next run checks first, so no study is ever listed as clean unchecked.
CREATE TABLE IF NOT EXISTS meta.unchecked_studies (
    nct_id VARCHAR PRIMARY KEY,
    loaded_run VARCHAR NOT NULL
);
