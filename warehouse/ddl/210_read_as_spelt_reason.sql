-- The load problem of a value read as it spells was stored as 'a value given in another type was read as the value
-- it spells' also where the value was given in its own type but written otherwise than the registry writes it (a
-- date 'Jan 2020', a legacy label 'Completed.'). Its reason now names both (flows.parsers.model.READ_AS_SPELT);
-- the rows stored under the former words get the new ones, so that invalid_values.read_from_text, which selects
-- by it, still finds them for files not read again.
UPDATE meta.load_problems
SET reason = 'a value given in another type or written otherwise was read as the value it spells'
WHERE reason = 'a value given in another type was read as the value it spells';
