-- A version is superseded when the file at its path later changed (a new sha256 for the same
-- path and study): history, no longer what that source says. `is_current` marks the one version
-- per study that `studies` holds; cross-source rules compare the versions that are not superseded.
ALTER TABLE meta.source_records ADD COLUMN IF NOT EXISTS superseded BOOLEAN DEFAULT false;
