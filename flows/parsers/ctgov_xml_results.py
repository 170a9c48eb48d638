"""Legacy XML adverse events -> adverse_event_subject_sums: the two sums AACT's calculated_values gave of them.

AACT's last legacy XML loader read each <counts> of <clinical_results><reported_events> <serious_events> and
<other_events> into reported_events, but those of the category titled 'Total' (the study's totals, which went to
reported_event_totals), and summed their subjects_affected by kind in SQL: no counts, or none with a number, give
NULL. The warehouse does not load the events; it keeps the two sums."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers.ctgov_json_v2_results import INTEGER_MOST
from flows.parsers.model import Refused, Row

# The events element of each kind and the column its sum goes to.
SUM_COLUMNS = (("serious_events", "serious_subjects_affected"), ("other_events", "other_subjects_affected"))
# The category whose counts are the study's totals, not events.
TOTALS = "Total"


def adverse_event_sum_rows(root: Element) -> list[Row]:
    """adverse_event_subject_sums: one row for a record that gives <reported_events>, with the sum of the
    subjects_affected of its serious and of its other events' counts (NULL where none gives a number)."""
    events = root.find("clinical_results/reported_events")
    if events is None:
        return []
    return [{column: _subjects_affected(events, tag) for tag, column in SUM_COLUMNS}]


def _subjects_affected(events: Element, tag: str) -> int | Refused | None:
    """The sum of subjects_affected over the counts of `tag`'s events outside the totals; an empty attribute, as
    the registry writes an unknown count, adds nothing; a value that is no whole number refuses the sum, quoted."""
    given = [counts.get("subjects_affected", "") for category in events.iterfind(f"{tag}/category_list/category")
             if (category.findtext("title") or "") != TOTALS
             for counts in category.iterfind("event_list/event/counts")]
    numbers = [value.strip() for value in given if value.strip()]
    expected = f"a whole number in each <{tag}> <counts subjects_affected>, to sum them"
    odd = next((value for value in numbers if not (value.isascii() and value.isdigit())), None)
    if odd is not None:
        return Refused(odd, expected)
    if not numbers:
        return None
    total = sum(int(value) for value in numbers)
    return total if total <= INTEGER_MOST else Refused(str(total), f"a sum of <{tag}> at most {INTEGER_MOST}")
