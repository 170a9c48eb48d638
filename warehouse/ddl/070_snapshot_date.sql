-- When each record was taken from the registry (API v2 versionHolder, legacy XML download_date,
-- a page's "Last Updated" where shown): rules about "now" judge a record as of this date.
ALTER TABLE studies ADD COLUMN IF NOT EXISTS snapshot_date DATE;
ALTER TABLE meta.source_records ADD COLUMN IF NOT EXISTS snapshot_date DATE;
