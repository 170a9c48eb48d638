-- The readers of legacy XML and of the three sites' pages read more, and more truly, than when these files were
-- loaded: legacy XML's line ends and wrapped reasons for stopping as API v2 gives them, its contacts' role and
-- both description rows as AACT writes them; the pages' multi-word cities, headings in capitals, observational
-- and expanded-access values, why a study stopped, and dates whose day and month the page does not order.
-- The warehouse forgets those files, so the next run over the same folders reads them again and replaces what
-- they gave. API v2 JSON, whose reading did not change, is not read again. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout IN ('ctgov_xml', 'ctgov_classic_text', 'aggregator_text', 'summary_text');
