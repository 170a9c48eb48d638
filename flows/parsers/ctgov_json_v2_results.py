"""API v2 adverse events -> adverse_event_subject_sums: the two sums AACT's calculated_values gives of them.

AACT loads each adverse event's count per group (resultsSection.adverseEventsModule seriousEvents[].stats[] and
otherEvents[].stats[]) into reported_events and sums their subjects affected by kind (number_of_sae_subjects,
number_of_nsae_subjects). The warehouse does not load the events; it keeps the two sums."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import integer, objects, section
from flows.parsers.model import Refused, Row

# The events array of each kind and the column its sum goes to.
SUM_COLUMNS = (("seriousEvents", "serious_subjects_affected"), ("otherEvents", "other_subjects_affected"))
# The most an INTEGER column (AACT's) holds.
INTEGER_MOST = 2**31 - 1


def adverse_event_sum_rows(study: dict) -> list[Row]:
    """adverse_event_subject_sums: one row for a record that gives an adverse events module, with the sum of
    numAffected over the stats of its serious and of its other events (NULL for a kind with no stats)."""
    module = section(study, "resultsSection", "adverseEventsModule")
    if not module:
        return []
    return [{column: _subjects_affected(module, key) for key, column in SUM_COLUMNS}]


def _subjects_affected(module: dict, key: str) -> int | Refused | None:
    """The sum of numAffected over `key`'s stats, as AACT sums its reported_events rows: None without stats (no
    rows), a stat without numAffected counted as none; a count that is no whole number refuses the sum, quoted."""
    name = f"{key}.stats.numAffected"
    counts = [integer(stat.get("numAffected"), name) for event in objects(module, key)
              for stat in objects(event, "stats")]
    if not counts:
        return None
    expected = f"a whole number of participants in each {key}[].stats[].numAffected, to sum them"
    for count in counts:
        if isinstance(count, Refused):
            return Refused(count.raw, expected)
        if count is not None and (type(count) is not int or count < 0):
            return Refused(str(count), expected)
    total = sum(count for count in counts if count is not None)
    return total if total <= INTEGER_MOST else Refused(str(total), f"a sum of {key} at most {INTEGER_MOST}")
