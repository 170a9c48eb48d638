-- API v2 JSON files holding studies written one after another over several lines each (as `jq '.studies[]'`
-- writes them) were rejected whole as invalid JSON; their studies now load. The warehouse forgets the JSON files
-- rejected as invalid JSON, so the next run over the same folders reads them again: such a file then loads, and
-- any other is rejected again with the same reason. A new warehouse has no such rows.
DELETE FROM meta.source_files WHERE layout = 'ctgov_json_v2' AND outcome = 'rejected'
    AND sha256 IN (SELECT sha256 FROM meta.rejects WHERE reason = 'invalid JSON');
