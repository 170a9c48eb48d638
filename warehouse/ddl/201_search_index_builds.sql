-- Whole builds of the search index, each written a transaction per chunk of studies: begun (its old documents
-- gone and the empty index made, in one transaction) and finished once every study's document is written. A build
-- stopped between them is finished by the next refresh, which writes the documents it did not
-- (warehouse/search_index.py).
CREATE TABLE IF NOT EXISTS meta.search_index_builds (
    run_id VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
