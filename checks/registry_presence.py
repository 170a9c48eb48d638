"""Rule family `registry_presence`: is the study still in the registry?

The extract stage compares the registry's full id list with the warehouse and marks, in
meta.registry_departures, studies the registry no longer lists (never deleting them). A study
ClinicalTrials.gov removes is mostly a duplicate registration merged into another NCT number, or a
record withdrawn from public view; analyses that keep counting it count a study twice or one that is
no longer public. That is likely wrong and needs a person (warning), not impossible (error): the
record's own content may be right, and a study that reappears in a later list is unmarked.
A study the warehouse has only from republishing sites' pages is not flagged (the registry may never have
listed its number), nor one whose registry copy was taken on or after the last list that lacked it.
"""
from __future__ import annotations

from checks.cross_source_versions import REGISTRY_LAYOUTS
from checks.rule import Rule

# A version the registry gave us (in its own record layouts), the study's current one or any other stored: a study
# the warehouse holds only from a republishing site's page may never have been listed by the registry (the site's
# NCT number may be mistyped), so its absence from the id list does not show that it left.
_LAYOUTS = ", ".join(f"'{layout}'" for layout in REGISTRY_LAYOUTS)
_FROM_REGISTRY = f"""(s.source_layout IN ({_LAYOUTS})
    OR EXISTS (SELECT 1 FROM meta.source_records r WHERE r.nct_id = d.nct_id AND r.layout IN ({_LAYOUTS})))"""
# A copy taken from the registry on or after the day of the last id list that lacked the study shows
# the registry served it since: it is back, or that list was wrong; either way it has not left.
_SERVED_SINCE = "s.snapshot_date >= CAST(d.last_missing_at AS DATE)"

LEFT_REGISTRY = f"""
SELECT d.nct_id,
       'The registry no longer lists this study (absent from its full id list since '
         || strftime(d.first_missing_at, '%Y-%m-%d')
         || '): it was removed or merged into another record; the warehouse keeps its last version.' AS message,
       'meta.registry_departures: first missing ' || strftime(d.first_missing_at, '%Y-%m-%d')
         || ' (pull ' || d.first_missing_pull || '), still missing '
         || strftime(d.last_missing_at, '%Y-%m-%d') || ' (pull ' || d.last_missing_pull || ')'
         || coalesce('; the registry listed ' || CAST(d.registry_count AS VARCHAR) || ' studies', '') AS evidence
FROM meta.registry_departures d JOIN check_scope USING (nct_id) JOIN studies s USING (nct_id)
WHERE d.returned_at IS NULL AND CAST(d.first_missing_at AS DATE) <= $as_of
  AND {_FROM_REGISTRY} AND NOT coalesce({_SERVED_SINCE}, false)
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
