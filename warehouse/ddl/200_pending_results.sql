-- AACT's pending_results: results submitted to the registry and not yet posted, event by event (API v2's
-- unposted events, or its submission tracking; legacy XML's <pending_results>): RELEASE when submitted, RESET when
-- the registry's quality-control review returned them, UNRELEASE when the sponsor withdrew them.
CREATE TABLE IF NOT EXISTS pending_results (
    nct_id VARCHAR NOT NULL,
    event VARCHAR,
    event_date_description VARCHAR,
    event_date DATE,
    id BIGINT
);
