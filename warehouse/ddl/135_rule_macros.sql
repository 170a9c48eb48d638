-- Macros the quality rules are written in (SQL users may call them too).
-- A date kept to the month or year means a period: it is stored on one day of that period
-- (AACT stores the last day; older warehouses the first) with its precision in <date>_precision.
-- date_lo / date_hi give the first and last day it may mean, whichever day was stored.
CREATE OR REPLACE MACRO date_lo(d, prec) AS CASE coalesce(prec, 'day')
    WHEN 'year' THEN make_date(year(d), 1, 1)
    WHEN 'month' THEN make_date(year(d), month(d), 1)
    ELSE CAST(d AS DATE) END;
CREATE OR REPLACE MACRO date_hi(d, prec) AS CASE coalesce(prec, 'day')
    WHEN 'year' THEN make_date(year(d), 12, 31)
    WHEN 'month' THEN last_day(d)
    ELSE CAST(d AS DATE) END;
-- A date at its own precision: '2021', '2021-03' or '2021-03-25'.
CREATE OR REPLACE MACRO date_shown(d, prec) AS CASE coalesce(prec, 'day')
    WHEN 'year' THEN strftime(d, '%Y')
    WHEN 'month' THEN strftime(d, '%Y-%m')
    ELSE strftime(d, '%Y-%m-%d') END;
-- The day a record is judged on: the run's as_of, or the day the record was taken from the
-- registry when that is earlier, so an old copy is not blamed on its sponsor.
CREATE OR REPLACE MACRO record_today(as_of, snapshot_date) AS
    least(CAST(as_of AS DATE), coalesce(snapshot_date, CAST(as_of AS DATE)));
-- An eligibility age as the registry writes it ('18 Years', '6 Months', '30 Days') in days;
-- NULL for 'N/A' or anything else.
CREATE OR REPLACE MACRO age_in_days(age) AS
    TRY_CAST(regexp_extract(age, '^\s*([0-9]+(\.[0-9]+)?)\s*[A-Za-z]', 1) AS DOUBLE) *
    CASE lower(regexp_extract(age, '([A-Za-z]+)\s*$', 1))
        WHEN 'year' THEN 365.25 WHEN 'years' THEN 365.25
        WHEN 'month' THEN 30.4375 WHEN 'months' THEN 30.4375
        WHEN 'week' THEN 7 WHEN 'weeks' THEN 7
        WHEN 'day' THEN 1 WHEN 'days' THEN 1
        WHEN 'hour' THEN 1 / 24 WHEN 'hours' THEN 1 / 24
        WHEN 'minute' THEN 1 / 1440 WHEN 'minutes' THEN 1 / 1440 END;
-- A date at its own precision followed by its type when known: '2024-09 (ESTIMATED)'.
CREATE OR REPLACE MACRO date_typed(d, prec, date_type) AS
    date_shown(d, prec) || coalesce(' (' || date_type || ')', '');
