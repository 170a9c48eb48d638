"""Whether a record gives the part of it that a stopped study's reason points to ("See detailed description"), and
the fields a finding on such a pointer names."""
from __future__ import annotations

from checks.sql_text import one_of
from flows.parsers import PARSERS

# The part of the record each pointer's words name, as the message says it is missing: the record gives no
# description of more than white space there (s.detail and s.summary: it gives one).
POINTED_MISSING = ("CASE WHEN s.pointed_to LIKE 'detailed%' THEN "
                   "CASE WHEN NOT s.detail THEN 'detailed description' END "
                   "WHEN s.pointed_to LIKE '%summary' THEN CASE WHEN NOT s.summary THEN 'brief summary' END "
                   "WHEN s.pointed_to = 'description' THEN CASE WHEN NOT s.detail AND NOT s.summary "
                   "THEN 'brief summary or detailed description' END END")
# SQL: the study's source shows both parts a pointer may name (every layout does today): on another, a part not
# shown is not one the record lacks.
_HIDING_DESCRIPTIONS = tuple(e.layout for e in PARSERS
                             if not (e.shows("brief_summaries") and e.shows("detailed_descriptions")))
DESCRIPTIONS_SHOWN = f"s.source_layout NOT IN {one_of(_HIDING_DESCRIPTIONS)}" if _HIDING_DESCRIPTIONS else "TRUE"

# The fields of a finding on a pointer: the reason, and the part of the record it points to that the record lacks
# (NULL, the rule's own fields, for another finding).
_STATUS_FIELDS = "'studies.overall_status', 'studies.why_stopped'"
POINTED_FIELDS = (f"CASE s.missing_part WHEN 'detailed description' THEN [{_STATUS_FIELDS}, "
                  f"'detailed_descriptions.description'] WHEN 'brief summary' THEN [{_STATUS_FIELDS}, "
                  "'brief_summaries.description'] WHEN 'brief summary or detailed description' THEN "
                  f"[{_STATUS_FIELDS}, 'brief_summaries.description', 'detailed_descriptions.description'] END")


def parts_given(table: str) -> str:
    """SQL: (nct_id, given) of the pointing studies (of `stopped`) that `table` has rows of: whether it gives each a
    description of more than white space. Only their rows are read (the pointing studies are the join's built side,
    and the test on the text is made in the aggregate, after the join): a registry without pointers reads no
    description at all."""
    return (f"SELECT t.nct_id, bool_or(trim(t.description) <> '') AS given FROM {table} t "
            "SEMI JOIN (SELECT nct_id FROM stopped WHERE pointed_to IS NOT NULL) p USING (nct_id) GROUP BY t.nct_id")
