-- The form of the documents each whole build of the search index wrote (warehouse/search_terms.py WORDS): since
-- this column, letters and digits that touch are written apart ("HER2" as "HER 2"), so that a name written
-- joined, hyphenated or spaced finds the same studies. A build recorded before it has none: the next run builds
-- the index again whole, its documents in the new form.
ALTER TABLE meta.search_index_builds ADD COLUMN IF NOT EXISTS words VARCHAR;
