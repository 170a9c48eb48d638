-- The load problem of a part of a record that could not be read was stored as 'part of the study has the wrong type
-- and was not read' also where the part was of the right type but of another shape than the registry's: a legacy
-- XML element given twice where the registry gives it once, an attribute legacy XML does not give, an array of the
-- registry's values holding one API v2 does not know. Its reason now names both (flows.parsers.model.UNREAD_PART);
-- the rows stored under the former words get the new ones, so that invalid_values.unread_part, which selects by
-- it, still finds them for files not read again.
UPDATE meta.load_problems
SET reason = 'part of the study is given in another type or shape than the registry''s and was not read'
WHERE reason = 'part of the study has the wrong type and was not read';
