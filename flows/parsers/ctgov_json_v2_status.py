"""API v2 statusModule dates -> the study's dates, AACT's *_month_year texts and the registry timeline."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import WHERE_API_V2_WRITES, note_unread, quoted, text, value_text
from flows.parsers.dates import WRITTEN_FORMS, as_api_writes, as_day, event_day, registry_date_columns
from flows.parsers.model import Refused, Row, note_read_as, note_unread_part

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


# (prefix, statusModule key, whether the date has no precision column, its type column) of the posted dates.
_POSTED = tuple((prefix, key, prefix in PRECISION_LESS, f"{prefix}_type") for prefix, key in _POSTED_DATES)


def status_dates(status: dict) -> Row:
    """Every date column of `studies` that statusModule gives."""
    columns: Row = {}
    get = status.get
    for prefix, key in _TYPED_DATES:
        date, date_type = _date_and_type(status, key)
        if date is None and date_type is not None:
            _note_type_without_date(key, date_type)
        columns.update(registry_date_columns(prefix, date, date_type))
    for prefix, key, precision_less, type_column in _POSTED:
        date, date_type = _date_and_type(status, key, precision_less)
        if precision_less:
            columns[prefix] = event_day(date)
        else:
            columns.update(registry_date_columns(prefix, date))
        columns[type_column] = date_type
    for column, key in _DAY_DATES:
        columns[column] = event_day(date_text(get(key), key, day=True))
    # statusVerifiedDate is given to the month (YYYY-MM): month precision, stored at month end.
    columns.update(registry_date_columns("verification_date", date_text(get("statusVerifiedDate"),
                                                                        "statusVerifiedDate")))
    return columns


def date_text(value: object, name: str, day: bool = False) -> str | None:
    """The text of a date the record gives at `name`, as `value_text` reads it. A date written otherwise than API v2
    writes it ('Jan 2020', '2020-1-5', a year given as the number 2020), as a republished copy may write it, is read
    as the date it spells and noted, quoting it; text that is no date is kept for validation to refuse. A month or a
    year given for a date stored as a `day` is noted as read as its last day."""
    read = value_text(value)
    if read is None or type(value) is bool:
        return read
    written = as_api_writes(read)
    if day and written is not None and written[1] != _DAY_FORM:
        _note_not_a_day(name, read, written[1])
        return read
    if written is None or written[0] == value:  # no date, or the usual YYYY-MM(-DD)
        return read
    if type(value) is str:
        note_read_as(name, f"{name} is {quoted(value)}, {WHERE_API_V2_WRITES} {written[1]}: read as {written[0]}")
    elif isinstance(value, (int, float)):
        note_read_as(name, f"{name} is the number {read}, {WHERE_API_V2_WRITES} a date as a string ({written[1]}): "
                           f"read as {written[0]}")
    return read


_DAY_FORM = WRITTEN_FORMS["day"]
_PERIODS = {WRITTEN_FORMS["month"]: "month", WRITTEN_FORMS["year"]: "year"}


def _note_not_a_day(name: str, read: str, form: str) -> None:
    """Note a month or a year given for a date of a column that holds a day only, where API v2 writes the day (a
    submission, a posted result, a document): it is stored as its last day, as AACT stores it, a convention, not the
    record's day."""
    note_read_as(name, f"{name} is {quoted(read)}, {WHERE_API_V2_WRITES} a day ({_DAY_FORM}): read as "
                       f"{as_day(read)}, the last day of the {_PERIODS[form]}")


def _date_and_type(status: dict, key: str, day: bool = False) -> tuple[str | None, str | None]:
    """The date and the type of a {date, type} struct (a date stored as a `day`: date_text); (None, None) when it is
    absent, or not an object (noted as unread)."""
    struct = status.get(key)
    if type(struct) is not dict:
        if struct is not None:
            note_unread(key, struct)
        return None, None
    return date_text(struct.get("date"), f"{key}.date", day), text(struct.get("type"))


def _note_type_without_date(key: str, date_type: str | Refused) -> None:
    """Note a study date struct that gives a type and no date ({"type": "ACTUAL"}): the registry never writes one,
    a republished copy may. A type of no date cannot be loaded (a study's date type stands beside its date)."""
    given = date_type if type(date_type) is str else date_type.raw
    note_unread_part(f"{key} gives the type {quoted(given)} without a date")
