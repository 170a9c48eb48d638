-- Two readings changed. An API v2 record without statusVerifiedDate, which every record the registry posts keeps,
-- is a field-selected extract even where it selected the posting dates (it was one only without any of the three
-- dates), so what it left out is no longer judged missing. A legacy XML <study_design> line of only 'N/A' gives no
-- design and no longer a load problem. The warehouse forgets the files that gave such studies, so the next run
-- over the same folders reads them again and replaces what they gave. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout = 'ctgov_json_v2' AND outcome = 'loaded'
    AND sha256 IN (SELECT source_sha256 FROM studies WHERE verification_date IS NULL AND source_sha256 IS NOT NULL);
DELETE FROM meta.source_files WHERE layout = 'ctgov_xml'
    AND sha256 IN (SELECT sha256 FROM meta.load_problems WHERE detail LIKE '%<study_design> term ''N/A'' %');
