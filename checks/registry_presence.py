"""Rule family `registry_presence`: is the study still in the registry?

The extract stage compares the registry's full id list with the warehouse and marks, in
meta.registry_departures, studies the registry no longer lists (never deleting them). A study
ClinicalTrials.gov removes is mostly a duplicate registration merged into another NCT number, or a
record withdrawn from public view; analyses that keep counting it count a study twice or one that is
no longer public. That is likely wrong and needs a person (warning), not impossible (error): the
record's own content may be right, and a study that reappears in a later list is unmarked.
"""
from __future__ import annotations

from checks.rule import Rule

LEFT_REGISTRY = """
SELECT d.nct_id,
       'The registry no longer lists this study (absent from its full id list since '
         || strftime(d.first_missing_at, '%Y-%m-%d')
         || '): it was removed or merged into another record; the warehouse keeps its last version.' AS message,
       'meta.registry_departures: first missing ' || strftime(d.first_missing_at, '%Y-%m-%d')
         || ' (pull ' || d.first_missing_pull || '), still missing '
         || strftime(d.last_missing_at, '%Y-%m-%d') || ' (pull ' || d.last_missing_pull || ')'
         || coalesce('; the registry listed ' || CAST(d.registry_count AS VARCHAR) || ' studies', '') AS evidence
FROM meta.registry_departures d JOIN check_scope USING (nct_id)
WHERE d.returned_at IS NULL AND CAST(d.first_missing_at AS DATE) <= $as_of
"""

RULES = (
    Rule(
        id="registry_presence.left_registry",
        category="contradiction",
        severity="warning",
        rationale="The warehouse holds a study the registry's complete id list no longer has: usually a "
                  "duplicate merged away or a record withdrawn from view; counting it is likely wrong.",
        fields=("studies.nct_id",),
        sql=LEFT_REGISTRY,
    ),
)
