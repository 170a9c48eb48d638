"""Trial-summary page, labelled values: the 'Study Design' lines ('Allocation: Randomized') and the
key block's extra lines (phase, ages, sex, primary completion), read into studies, designs and eligibilities."""
from __future__ import annotations

import re
from datetime import date

from flows.parsers import labels
from flows.parsers.dates import date_columns
from flows.parsers.masking import masked_flags, masking_and_roles
from flows.parsers.page_text import int_value, nonblank
from schemas import enums

# Display label (lower case) -> the field it fills.
FIELDS = {
    "allocation": "allocation", "intervention model": "intervention_model",
    "intervention model description": "intervention_model_description", "masking": "masking",
    "masking description": "masking_description", "primary purpose": "primary_purpose",
    "observational model": "observational_model", "time perspective": "time_perspective",
    "enrollment": "enrollment", "study type": "study_type", "phase": "phase", "status": "status",
    "overall status": "status", "start date": "start_date", "study start date": "start_date",
    "primary completion date": "primary_completion_date", "completion date": "completion_date",
    "study completion date": "completion_date", "ages": "ages", "age": "ages",
    "ages eligible for study": "ages", "minimum age": "minimum_age", "maximum age": "maximum_age",
    "sex": "sex", "gender": "sex", "sexes eligible for study": "sex",
    "accepts healthy volunteers": "healthy_volunteers", "healthy volunteers": "healthy_volunteers",
}
DESIGN_COLUMNS = ("allocation", "intervention_model", "intervention_model_description", "observational_model",
                  "time_perspective", "primary_purpose", "masking", "masking_description")
# A bracketed gloss after a value: ' (Clinical Trial)', ' [Patient Registry]'.
_GLOSS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")
# '50 (Anticipated)', 'June 30, 2024 (Actual)': a value with its type in brackets.
_TYPED_VALUE = re.compile(r"^(.*?)\s*\((Actual|Anticipated|Estimated|Expected)\)\s*$", re.IGNORECASE)
# 'Estimated: 60': the type before the value.
_TYPE_FIRST = re.compile(r"^(Actual|Anticipated|Estimated|Expected)\s*:\s*(.+)$", re.IGNORECASE)
# '03/15/2019' or '15.03.2019': a date in numbers, read only when one order of day and month is a date.
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_AGE = r"(\d+\s+[A-Za-z]+)"
# A range's side may be 'N/A': no limit on that side ('18 Years to N/A').
_AGE_RANGE = re.compile(rf"^({_AGE[1:-1]}|N/A)\s*(?:to|-|–)\s*({_AGE[1:-1]}|N/A)$", re.IGNORECASE)
# The registry's age groups that may follow an age range: '18 Years and older (Adult, Older Adult)'.
_AGE_GROUPS = re.compile(r"\s*\(\s*(?:Child|Adult|Older Adult)(?:\s*,\s*(?:Child|Adult|Older Adult))*\s*\)$",
                         re.IGNORECASE)
# 'N/A' for the ages: the study sets no age limit.
_NO_AGE_LIMIT = frozenset({"n/a", "na", "not applicable", "no limit", "none"})
# How a page may say the study takes healthy volunteers or not besides Yes and No: the label itself as a badge.
_HEALTHY_VOLUNTEERS = {"accepts healthy volunteers": True, "accepts": True,
                       "does not accept healthy volunteers": False, "no healthy volunteers": False}
# A line that starts with a known label and a space, longer labels first ('Intervention model description').
_LABEL_FIRST = re.compile(r"^(%s)(?:\s+(.*))?$" % "|".join(
    re.escape(label).replace(r"\ ", r"\s+") for label in sorted(FIELDS, key=len, reverse=True)), re.IGNORECASE)
_AGE_FROM = re.compile(rf"^{_AGE}\s+(?:and|or)\s+(?:older|over|above)$", re.IGNORECASE)
_AGE_UP_TO = re.compile(rf"^(?:up to|under)\s+{_AGE}$", re.IGNORECASE)


def labelled_lines(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """'Label: value' lines, or 'Label value' lines as in the key block, as {field: value} (an empty value kept
    as ''), and the labels not known."""
    values: dict[str, str] = {}
    unknown: list[str] = []
    for line in nonblank(lines):
        label, colon, value = line.partition(":")
        field = FIELDS.get(" ".join(label.lower().split())) if colon else None
        if field is None and (match := _LABEL_FIRST.match(line)):
            field, value = FIELDS[" ".join(match.group(1).lower().split())], match.group(2) or ""
        if field is None:
            unknown.append(label.strip() if colon else "(a line without 'Label:')")
        else:
            values.setdefault(field, value.strip())
    return values, unknown


def typed(value: str | None) -> tuple[str | None, str | None]:
    """'50 (Anticipated)' -> ('50', 'ESTIMATED'); a value without a bracketed type -> (value, None)."""
    if not value:
        return None, None
    match = _TYPED_VALUE.match(value) or _TYPE_FIRST.match(value)
    if not match:
        return value, None
    if match.re is _TYPE_FIRST:
        return match.group(2).strip(), labels.lookup("date_type", match.group(1))
    return match.group(1) or None, labels.lookup("date_type", match.group(2))


def study_columns(values: dict[str, str]) -> dict[str, object]:
    """The studies columns these values give (only those they give)."""
    study: dict[str, object] = {}
    if "status" in values:
        study["overall_status"] = labels.overall_status(values["status"])
    if "phase" in values:
        study["phase"] = labels.phase(values["phase"])
    if "study_type" in values:
        study["study_type"] = study_type(values["study_type"])
    if "enrollment" in values:
        count, count_type = typed(values["enrollment"])
        study.update(enrollment=int_value(count), enrollment_type=count_type if count else None)
    for prefix in ("start_date", "primary_completion_date", "completion_date"):
        if prefix in values:
            text, date_type = typed(values[prefix])
            study.update(date_columns(prefix, numeric_date(text), date_type))
    return study


def numeric_date(text: str | None) -> str | None:
    """'03/15/2019' -> '2019-03-15' when only one order of day and month is a date; other text as given (two
    readings stay text, for validation to refuse rather than load the wrong day)."""
    match = _NUMERIC_DATE.match(text or "")
    if match is None:
        return text
    first, second, year = map(int, match.groups())
    readings = {(year, month, day) for month, day in ((first, second), (second, first)) if _is_date(year, month, day)}
    return "%04d-%02d-%02d" % readings.pop() if len(readings) == 1 else text


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def study_type(text: str | None) -> str | None:
    """'Interventional' -> INTERVENTIONAL; a gloss in brackets after a known type ('Interventional (Clinical Trial)')
    is the registry's display of that type; any other text is kept as shown."""
    found = labels.lookup("study_type", text)
    shorter = _GLOSS.sub("", text or "")
    if found not in enums.STUDY_TYPE and shorter != text:
        known = labels.lookup("study_type", shorter)
        return known if known in enums.STUDY_TYPE else found
    return found


def design_row(values: dict[str, str]) -> dict[str, object] | None:
    """The designs row, or None when no design value is shown."""
    if not any(values.get(column) for column in DESIGN_COLUMNS):
        return None
    masking, roles = masking_and_roles(values.get("masking"))
    row = {column: labels.lookup(column, values.get(column)) for column in (
        "allocation", "intervention_model", "observational_model", "time_perspective", "primary_purpose")}
    row.update(masking=masking, **masked_flags(roles),
               intervention_model_description=values.get("intervention_model_description") or None,
               masking_description=values.get("masking_description") or None)
    return row


def eligibility_row(values: dict[str, str]) -> dict[str, object] | None:
    """The eligibilities row (ages, sex, healthy volunteers; this page shows no criteria), or None."""
    minimum, maximum = ages(values.get("ages"))
    row = {"gender": labels.lookup("sex", values.get("sex")),
           "minimum_age": values.get("minimum_age") or minimum, "maximum_age": values.get("maximum_age") or maximum,
           "healthy_volunteers": healthy_volunteers(values.get("healthy_volunteers")), "criteria": None}
    return row if any(value is not None for value in row.values()) else None


def ages(text: str | None) -> tuple[str | None, str | None]:
    """'18 Years to 65 Years' -> ('18 Years', '65 Years'); '18 Years and older' -> ('18 Years', None)."""
    text = _AGE_GROUPS.sub("", (text or "").strip())
    if match := _AGE_RANGE.match(text):
        return tuple(None if side.upper() == "N/A" else side for side in match.groups())
    if match := _AGE_FROM.match(text):
        return match.group(1), None
    if match := _AGE_UP_TO.match(text):
        return None, match.group(1)
    return None, None


def healthy_volunteers(text: str | None) -> bool | None:
    """'Yes' or 'Accepts Healthy Volunteers' -> True, 'No' -> False; None when not given or not read."""
    answer = labels.lookup("yes_no", text)
    if answer is None and text:
        return _HEALTHY_VOLUNTEERS.get(" ".join(text.lower().split()))
    return answer


def unreadable(values: dict[str, str]) -> list[str]:
    """What the ages and healthy-volunteers values say that cannot be read (named, never quoted)."""
    found = []
    shown = (values.get("ages") or "").strip()
    if shown and ages(shown) == (None, None) and " ".join(shown.lower().split()) not in _NO_AGE_LIMIT:
        found.append("'Ages' is not an age range")
    if (values.get("healthy_volunteers") or "").strip() and healthy_volunteers(values["healthy_volunteers"]) is None:
        found.append("'Accepts healthy volunteers' is neither yes nor no")
    return found
