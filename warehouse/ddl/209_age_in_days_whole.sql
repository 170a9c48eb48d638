-- age_in_days (DDL 135) read an age by its first number and its last word, so '1 Year 6 Months' was 1 month and
-- '1e1 Years' 1 year. An age is now read only where it is the registry's form as a whole: a number and one unit
-- ('18 Years', '6 Months', '0.5 Hours'), blanks around them (a no-break space among them); anything else is NULL,
-- which invalid_values.unreadable_age reports for a registry record.
CREATE OR REPLACE MACRO age_in_days(age) AS
    CASE WHEN regexp_matches(age, '^[\s\pZ]*[0-9]+(\.[0-9]+)?[\s\pZ]*[A-Za-z]+[\s\pZ]*$') THEN
        CAST(regexp_extract(age, '[0-9]+(\.[0-9]+)?') AS DOUBLE) *
        CASE lower(regexp_extract(age, '[A-Za-z]+'))
            WHEN 'year' THEN 365.25 WHEN 'years' THEN 365.25
            WHEN 'month' THEN 30.4375 WHEN 'months' THEN 30.4375
            WHEN 'week' THEN 7 WHEN 'weeks' THEN 7
            WHEN 'day' THEN 1 WHEN 'days' THEN 1
            WHEN 'hour' THEN 1 / 24 WHEN 'hours' THEN 1 / 24
            WHEN 'minute' THEN 1 / 1440 WHEN 'minutes' THEN 1 / 1440 END
    END;
