-- The readers of the three sites' pages read more, and more truly, than when these files were loaded: wrapped
-- titles, values beside their labels, tab-separated tables, responsible parties, ids, outcomes, typed counts and
-- dates, the IPD, oversight and observational fields, counts whose number cannot be told (refused as shown), a
-- date given as the registry's 'Unknown' (read as the registry's records are), and files of several pages (each
-- page now a study). Files of no layout are rejected again with what they are
-- (ClinicalTrials.gov's CSV, TSV, RIS and FHIR downloads are named now).
-- The registry's own records read the same as before except a date given as 'Unknown', which is no longer a
-- refused value: only the files whose versions had such a value refused are read again. The warehouse forgets
-- those files, so the next run over the same folders reads them again and replaces what they gave. A new
-- warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_classic_text', 'aggregator_text', 'summary_text')
    OR (layout IS NULL AND outcome = 'rejected')
    OR (layout IN ('ctgov_json_v2', 'ctgov_xml')
        AND sha256 IN (SELECT sha256 FROM meta.raw_values WHERE lower(trim(raw_value)) = 'unknown'));
