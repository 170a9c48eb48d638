"""meddatax Basic Information: status, phase, enrollment, study type and dates, labelled ('Recruitment Status')
or compact (each value known by what it looks like), as API v2 enums or as the registry displays them."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.aggregator_text.labelled_fields import FIELDS, is_access_type
from flows.parsers.dates import parse_date, said_unknown
from flows.parsers.page_values import no_value, tagged_lines
from schemas.enums import OVERALL_STATUS, PHASE, STUDY_TYPE

# The enum value sets as sets: a bare value is looked up, not compared with each value in turn.
_STATUSES, _PHASES, _STUDY_TYPES = frozenset(OVERALL_STATUS), frozenset(PHASE), frozenset(STUDY_TYPE)
_PARTICIPANTS = re.compile(r"^\d[\d,]*\s+participants?$")
# A count or a date may carry its type as the registry gives it: '60 participants (Estimated)', '2024-05 (Actual)'.
_TYPED = re.compile(r"^(?P<value>.*?\S)\s*\((?P<type>actual|estimated|anticipated|expected)\)$", re.I)
# ... or before it, as a copy of another view of the registry shows it: 'Actual: 2024-05-02', '(Estimated) 60
# participants', 'Estimated 2026-12': a count or a date follows ('Expected completion not reached' is no such value).
_TYPE_FIRST = re.compile(r"^(?:\((?P<bracketed>actual|estimated|anticipated|expected)\)|(?P<type>actual|estimated|"
                         r"anticipated|expected)\s*:?)\s*(?P<value>(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*\.?\s+\d).*)$", re.I)
_BASIC_LABELS = {"Recruitment Status": "status", "Clinical Phase": "phase", "Total Enrollment": "enrollment",
                 "Study Classification": "study_type", "Study Start Date": "start_date",
                 "Primary Completion Date": "primary_completion_date",
                 "Study Completion Date": "completion_date"}
_KNOWN_LABELS = frozenset(_BASIC_LABELS) | frozenset(FIELDS)


def basic_information(lines: list[str]) -> dict:
    """Labelled values by their label; compact (unlabelled) values by what they look like; under "fields" the
    (label, value) pairs of labelled_fields.FIELDS; under "unread" the lines that are none of these."""
    values: dict = {}
    dates: list[str] = []
    for label, value in tagged_lines(_why_stopped_whole(lines), _KNOWN_LABELS):
        if label in FIELDS:  # a value of another table's column, loaded by labelled_fields
            values.setdefault("fields", []).append((label, value))
            continue
        field = _BASIC_LABELS[label] if label else _basic_field(value)
        if field == "date":
            dates.append(value)
        elif field and field not in values:
            values[field] = value
        elif field is None:
            values.setdefault("unread", []).append(value)
    if len(dates) == 1:
        values["one bare date"] = dates[0]  # the start or the completion date: the page does not say which
    for field, value in zip(_BARE_DATES.get(len(dates), _BARE_DATES[2]), dates if len(dates) > 1 else ()):
        values.setdefault(field, value)
    if labels.lookup("study_type", values.get("study_type")) == "EXPANDED_ACCESS":
        _bare_access_types(values)
    return values


# The label of the one Basic Information value that is a sentence the sponsor wrote, and its label with the value on
# its line ('Why Stopped: Sponsor decision').
_WHY_STOPPED = "why stopped"
_WHY_STOPPED_INLINE = re.compile(r"\s*why stopped\s*:\s*\S.*", re.I)


def _why_stopped_whole(lines: list[str]) -> list[str]:
    """The lines with a 'Why Stopped' value the page shows over several lines, one line below another with no blank
    line between (a registry's reason is one line: the page broke it), on one line; a line below it that is a label or
    another Basic Information value, or that a blank line parts from it, is not its rest."""
    if not any(_WHY_STOPPED in line.casefold() for line in lines):
        return lines
    joined: list[str] = []
    state = None  # None; "label" after the label's line; "value" right below a line of its value
    for line in lines:
        text = line.strip()
        if state == "value" and text and not _is_label(text) and _basic_field(text) is None:
            joined[-1] = f"{joined[-1].rstrip()} {text}"
            continue
        joined.append(line)
        if text.rstrip(":").strip().casefold() == _WHY_STOPPED:
            state = "label"
        elif _WHY_STOPPED_INLINE.fullmatch(text) or (state == "label" and text):
            state = "value"
        elif state != "label" or text:
            state = None
    return joined


def _is_label(line: str) -> bool:
    """Whether a line is a known label's (with or without a colon, or with its value after one)."""
    head = line.partition(":")[0].strip().casefold()
    return head in _FOLDED_LABELS


_FOLDED_LABELS = frozenset(label.casefold() for label in _KNOWN_LABELS)


def _bare_access_types(values: dict) -> None:
    """An expanded-access record's compact block gives its types bare ('INDIVIDUAL'; 'INTERMEDIATE', 'TREATMENT'):
    they are its 'Expanded Access Type' values, not lines read as nothing (no other record shows these bare)."""
    unread = values.pop("unread", [])
    values.setdefault("fields", []).extend(("Expanded Access Type", value) for value in unread if is_access_type(value))
    if rest := [value for value in unread if not is_access_type(value)]:
        values["unread"] = rest


# The compact block's bare dates by how many it gives: start and completion, or start, primary completion
# and completion (a record's dates in the registry's order). One date alone is a record's start date or its
# completion date (older records give either alone): it is neither read as one nor left out (`one bare date`).
_BARE_DATES = {2: ("start_date", "completion_date"),
               3: ("start_date", "primary_completion_date", "completion_date")}


def _basic_field(value: str) -> str | None:
    """Which Basic Information field an unlabelled value is: status, phase, enrollment, type, or a date. Values
    come as API v2 enums ('ACTIVE_NOT_RECRUITING') or as the registry displays them ('Active, not recruiting')."""
    if value in _STATUSES:
        return "status"
    if all(part in _PHASES for part in value.split("/")) or labels.written_phase(value):
        return "phase"
    if _PARTICIPANTS.match(value):
        return "enrollment"
    if value in _STUDY_TYPES:
        return "study_type"
    if parse_date(value):
        return "date"
    return _displayed_field(value)


def _displayed_field(value: str) -> str | None:
    """The field of a value in the registry's display form, or with its type ('60 participants (Estimated)')."""
    if labels.overall_status(value) in _STATUSES:
        return "status"
    if labels.phase(value) in _PHASES:  # 'N/A'
        return "phase"
    if labels.lookup("study_type", value) in _STUDY_TYPES:
        return "study_type"
    typed = _typed_match(value)
    if typed and _PARTICIPANTS.match(typed.group("value")):
        return "enrollment"
    return "date" if typed and parse_date(typed.group("value")) else None


def _typed_match(value: str) -> re.Match | None:
    """The match of a value shown with its type after it ('2024-05 (Actual)') or before it ('Actual: 2024-05')."""
    return _TYPED.match(value) or (_TYPE_FIRST.match(value) if value[:1] in _TYPE_FIRST_STARTS else None)


# The first characters of a value _TYPE_FIRST may match: a bracket or a type's first letter.
_TYPE_FIRST_STARTS = frozenset("(AaEe")


def typed(value: str | None) -> tuple[str | None, str | None]:
    """'2024-05 (Actual)' -> ('2024-05', 'Actual'); a value without a type -> (value, None); the page's word for
    no value ('Not Provided', 'N/A') -> (None, None); the registry's 'Unknown' date is kept for the registry's reading.
    """
    if value is not None and no_value(value) and not said_unknown(value):
        return None, None
    typed = _typed_match(value) if value else None
    return (typed.group("value"), typed.group("type") or typed.group("bracketed")) if typed else (value, None)
