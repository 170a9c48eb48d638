"""API v2 statusModule dates -> the study's dates, AACT's *_month_year texts and the registry timeline."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import text
from flows.parsers.dates import date_columns, day_value
from flows.parsers.model import Row

# (column prefix, statusModule key) of the dates that carry ACTUAL/ESTIMATED beside them.
_TYPED_DATES = (
    ("start_date", "startDateStruct"),
    ("primary_completion_date", "primaryCompletionDateStruct"),
    ("completion_date", "completionDateStruct"),
)
# Posted dates: a {date, type} struct; AACT keeps the type in <prefix>_type.
_POSTED_DATES = (
    ("study_first_posted_date", "studyFirstPostDateStruct"),
    ("last_update_posted_date", "lastUpdatePostDateStruct"),
    ("results_first_posted_date", "resultsFirstPostDateStruct"),
    ("disposition_first_posted_date", "dispFirstPostDateStruct"),
)
# Submitted and QC dates: always given to the day, stored without a precision column.
_DAY_DATES = (
    ("study_first_submitted_date", "studyFirstSubmitDate"),
    ("study_first_submitted_qc_date", "studyFirstSubmitQcDate"),
    ("results_first_submitted_date", "resultsFirstSubmitDate"),
    ("results_first_submitted_qc_date", "resultsFirstSubmitQcDate"),
    ("disposition_first_submitted_date", "dispFirstSubmitDate"),
    ("disposition_first_submitted_qc_date", "dispFirstSubmitQcDate"),
    ("last_update_submitted_date", "lastUpdateSubmitDate"),
    # AACT fills last_update_submitted_qc_date from lastUpdateSubmitDate: API v2 has no QC twin.
    ("last_update_submitted_qc_date", "lastUpdateSubmitDate"),
)
# Columns that exist on studies only as a date (no precision column).
PRECISION_LESS = {column for column, _ in _DAY_DATES} | {"results_first_posted_date",
                                                        "disposition_first_posted_date", "snapshot_date"}


def status_dates(status: dict) -> Row:
    """Every date column of `studies` that statusModule gives."""
    columns: Row = {}
    for prefix, key in _TYPED_DATES:
        struct = _struct(status, key)
        columns.update(date_columns(prefix, text(struct.get("date")), text(struct.get("type"))))
    for prefix, key in _POSTED_DATES:
        struct = _struct(status, key)
        if prefix in PRECISION_LESS:
            columns[prefix] = day_value(text(struct.get("date")))
        else:
            columns.update(date_columns(prefix, text(struct.get("date"))))
        columns[f"{prefix}_type"] = text(struct.get("type"))
    for column, key in _DAY_DATES:
        columns[column] = day_value(text(status.get(key)))
    # statusVerifiedDate is given to the month (YYYY-MM): month precision, stored at month end.
    columns.update(date_columns("verification_date", text(status.get("statusVerifiedDate"))))
    return columns


def _struct(status: dict, key: str) -> dict:
    struct = status.get(key)
    return struct if isinstance(struct, dict) else {}
