"""Trial-summary page, key lines of the record's own facts beyond its status and design: titles, acronym, the
status before it became unknown, the registry's timeline (submitted, posted, verified, results) and the FDA
flags, read into AACT's studies columns."""
from __future__ import annotations

from flows.parsers import labels
from flows.parsers.ctgov_classic_text.more_information import verification_columns
from flows.parsers.dates import date_columns, day_value
from flows.parsers.model import Refused
from flows.parsers.page_values import no_value
from flows.parsers.summary_text.value_forms import date_text, typed

# Display label (lower case) -> the field it fills.
FIELDS = {
    "official title": "official_title", "brief title": "brief_title", "title": "brief_title",
    "acronym": "acronym", "last known status": "last_known_status",
    "first submitted": "study_first_submitted_date", "study first submitted": "study_first_submitted_date",
    "first posted": "study_first_posted_date", "study first posted": "study_first_posted_date",
    "last update posted": "last_update_posted_date",
    "results first submitted": "results_first_submitted_date", "results first posted": "results_first_posted_date",
    "verification date": "verification_date", "record verification date": "verification_date",
    "last verified": "verification_date", "has results": "has_results",
    "fda regulated drug": "is_fda_regulated_drug", "studies a u.s. fda-regulated drug product": "is_fda_regulated_drug",
    "fda regulated device": "is_fda_regulated_device",
    "studies a u.s. fda-regulated device product": "is_fda_regulated_device",
}
_TEXTS = ("brief_title", "official_title", "acronym")
# Posted dates carry their type ('July 19, 2021 (Actual)') and a precision; submitted dates are days.
_POSTED = ("study_first_posted_date", "last_update_posted_date")
_DAYS = ("study_first_submitted_date", "results_first_submitted_date", "results_first_posted_date")
_FLAGS = ("has_results", "is_fda_regulated_drug", "is_fda_regulated_device")
_A_DAY = "a date ('July 19, 2021', '2021-07-19')"


def study_keys(values: dict[str, str]) -> dict[str, object]:
    """The studies columns these values give (only those they give); a value that cannot be read is refused as
    shown (validation keeps it raw and quotes it)."""
    columns: dict[str, object] = {column: values[column] for column in _TEXTS
                                  if values.get(column) and not no_value(values[column])}
    if values.get("last_known_status"):
        columns["last_known_status"] = labels.overall_status(values["last_known_status"])
    for prefix in _POSTED:
        if (shown := values.get(prefix)) and not no_value(shown):
            text, date_type = typed(shown)
            read = date_columns(prefix, date_text(text), date_type)
            columns.update(read, **{f"{prefix}_type": date_type} if date_type else {})
            if isinstance(read[prefix], str):
                columns[prefix] = Refused(text, _A_DAY)
    for column in _DAYS:
        if (shown := values.get(column)) and not no_value(shown):
            text, _ = typed(shown)
            day = day_value(date_text(text))
            columns[column] = Refused(text, _A_DAY) if isinstance(day, str) else day
    if (shown := values.get("verification_date")) and not no_value(shown):
        read = verification_columns(date_text(shown))
        columns.update(read)
        if isinstance(read["verification_date"], str):
            columns["verification_date"] = Refused(shown, "a month ('July 2022')")
    for column in _FLAGS:
        if values.get(column):
            columns[column] = labels.yes_no(values[column])
    return columns
