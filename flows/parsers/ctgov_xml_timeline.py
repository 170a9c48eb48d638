"""Legacy <clinical_study> registry timeline: submitted, QC and posted dates (AACT's column names)."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers.ctgov_xml_fields import date_type, text, type_attribute, written
from flows.parsers.dates import event_day, said_unknown
from flows.parsers.model import Row

# column <- the element that holds it, then the pre-2017 element with the same meaning.
_SUBMITTED = (
    ("study_first_submitted_date", ("study_first_submitted", "firstreceived_date")),
    ("study_first_submitted_qc_date", ("study_first_submitted_qc",)),
    ("results_first_submitted_date", ("results_first_submitted", "firstreceived_results_date")),
    ("results_first_submitted_qc_date", ("results_first_submitted_qc",)),
    ("disposition_first_submitted_date", ("disposition_first_submitted", "firstreceived_results_disposition_date")),
    ("disposition_first_submitted_qc_date", ("disposition_first_submitted_qc",)),
    ("last_update_submitted_date", ("last_update_submitted", "lastchanged_date")),
    ("last_update_submitted_qc_date", ("last_update_submitted_qc",)),
)
# Posted dates stored without a precision column, with their type="Actual"/"Estimate".
_POSTED = (("results_first_posted_date", "results_first_posted"),
           ("disposition_first_posted_date", "disposition_first_posted"))
# Posted dates whose value columns (with precision) come from study_row; only their type is read here.
_POSTED_TYPES = (("study_first_posted_date_type", "study_first_posted"),
                 ("last_update_posted_date_type", "last_update_posted"))


def timeline_columns(root: Element) -> Row:
    """The submitted, QC and posted dates of a record, and the types of its posted dates."""
    columns: Row = {}
    for column, tags in _SUBMITTED:
        tag, value = next(((tag, found) for tag, found in ((tag, text(root, tag)) for tag in tags) if found),
                          (None, None))
        columns[column] = event_day(written(tag, value, day=True))
    for column, tag in _POSTED:
        columns[column] = event_day(written(tag, text(root, tag), day=True))
        columns[f"{column}_type"] = _type_of(root, tag)
    for column, tag in _POSTED_TYPES:
        columns[column] = _type_of(root, tag)
    return columns


def _type_of(root: Element, tag: str) -> str | None:
    """The type of a posted date; none for a date the registry gives as Unknown (no date has no type)."""
    element = root.find(tag)
    return None if element is None or said_unknown(element.text) else date_type(type_attribute(element, tag))
