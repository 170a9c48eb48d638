-- The words the search index leaves out of documents and queries (function words such as "of", "the", "with"),
-- which create_fts_index reads from here. Written from STOP_WORDS (warehouse/search_terms.py) each time the index
-- is made. An index an earlier trialqc made (digits dropped, the extension's English stop list of ~570 words,
-- her, non, first and no among them) is made again whole by the next run (warehouse/search_index.py).
CREATE TABLE IF NOT EXISTS meta.search_stop_words (
    word VARCHAR PRIMARY KEY
);
