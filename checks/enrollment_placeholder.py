"""Rule invalid_values.placeholder_enrollment: an enrollment of all nines (99999, 999999, 99999999) is a placeholder.

A registrant with no count to give, or a study with no planned end (a registry, a repository, an access protocol, a
screening protocol of the NIH Clinical Center), sometimes fills the enrollment with nines, as it fills a date with
2099-12 (dates.implausible_date flags that date). A data team that sums or ranks enrollments takes such a record for
the largest study of all: 99,999,999 is more than every other enrollment of the registry together. Only counts of
five nines or more are read (99,999 and up): a real study of that size is written otherwise. Where the record's
completion dates are placeholders too, the message says so.
"""
from __future__ import annotations

from checks.rule import Rule

RULE_ID = "invalid_values.placeholder_enrollment"
# The smallest all-nines count read as a placeholder.
SMALLEST = 99999
_PLACEHOLDER_YEAR = "DATE '2099-01-01'"
# The completion dates that are placeholders as well (a year from 2099 on, as dates.implausible_date reads it).
_PLACEHOLDER_DATES = (
    "concat_ws(' and ', CASE WHEN primary_completion_date >= " + _PLACEHOLDER_YEAR + " THEN 'primary completion ' "
    "|| strftime(primary_completion_date, '%Y-%m') END, CASE WHEN completion_date >= " + _PLACEHOLDER_YEAR
    + " THEN 'completion ' || strftime(completion_date, '%Y-%m') END)")

PLACEHOLDER_ENROLLMENT = f"""
    SELECT nct_id,
           'The enrollment ' || enrollment || coalesce(' (' || enrollment_type || ')', '')
             || ' is all nines: a placeholder, not a number of participants'
             || CASE WHEN placeholder_dates <> '' THEN ', as the ' || placeholder_dates || ' dates are placeholders'
                     ELSE '' END || '.' AS message,
           'studies.enrollment = ' || enrollment || coalesce(', enrollment_type = ''' || enrollment_type || '''', '')
             || CASE WHEN placeholder_dates <> '' THEN '; ' || placeholder_dates ELSE '' END AS evidence
    FROM (SELECT nct_id, enrollment, enrollment_type, {_PLACEHOLDER_DATES} AS placeholder_dates FROM studies
          WHERE enrollment >= {SMALLEST} AND regexp_full_match(CAST(enrollment AS VARCHAR), '9+'))
"""

RULES = (
    Rule(RULE_ID, "invalid_value", "warning",
         "An enrollment of five or more nines (99999, 999999, 99999999) is a placeholder for a count not known or "
         "with no end (a registry, a repository, an access protocol), as a 2099 date is: summed or ranked, it makes "
         "the record the largest study of all. The registry's count should give the participants or the estimate.",
         ("studies.enrollment",), sql=PLACEHOLDER_ENROLLMENT),
)
