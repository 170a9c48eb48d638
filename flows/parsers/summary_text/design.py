"""Trial-summary page, labelled values: the 'Study Design' lines ('Allocation: Randomized') and the
key block's extra lines (phase, ages, sex, primary completion), read into studies and designs (eligibilities in
summary_text.eligibility)."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.dates import date_columns, registry_date_columns, said_unknown
from flows.parsers.masking import masked_flags, masking_and_roles
from flows.parsers.model import Refused
from flows.parsers.page_text import nonblank
from flows.parsers.page_values import int_value, no_value
from flows.parsers.printed_pages import broken_before
from flows.parsers.summary_text import study_facts, study_keys
from flows.parsers.summary_text.eligibility import (ages, eligibility_row, healthy_volunteers,  # noqa: F401 (read here)
                                                    unreadable_eligibility)
from flows.parsers.summary_text.numeric_dates import numeric_date, page_order, undecided
from flows.parsers.summary_text.sections import continues_name
from flows.parsers.summary_text.value_forms import date_text, type_after_label, typed, typed_count
from flows.parsers.summary_text.wrapped_words import hyphen_undecided
from schemas import enums

# Display label (lower case) -> the field it fills (with the study facts of summary_text.study_facts).
FIELDS = {
    "allocation": "allocation", "intervention model": "intervention_model",
    "intervention model description": "intervention_model_description", "masking": "masking",
    "masking description": "masking_description", "primary purpose": "primary_purpose",
    "observational model": "observational_model", "time perspective": "time_perspective",
    "enrollment": "enrollment", "study type": "study_type", "phase": "phase", "status": "status",
    "overall status": "status", "start date": "start_date", "study start date": "start_date",
    "primary completion date": "primary_completion_date", "completion date": "completion_date",
    "study completion date": "completion_date", "study start": "start_date",
    "primary completion": "primary_completion_date", "study completion": "completion_date",
    "ages": "ages", "age": "ages",
    "ages eligible for study": "ages", "minimum age": "minimum_age", "maximum age": "maximum_age",
    "sex": "sex", "gender": "sex", "sexes eligible for study": "sex",
    "accepts healthy volunteers": "healthy_volunteers", "healthy volunteers": "healthy_volunteers",
    "sampling method": "sampling_method", "study population": "population",
    **study_facts.FIELDS, **study_keys.FIELDS,
}
_LONGEST_LABEL = max(map(len, FIELDS)) + 8  # a label alone, with spaces of its own
# What a refused date column expected instead of the text shown.
_A_DATE = "a date ('April 2, 2020', 'March 2020', '2020-04-02')"
_TWO_READINGS = "a date of one reading (the page's dates do not fix whether day or month comes first)"
_DATES = {"start_date": "Start date", "primary_completion_date": "Primary completion date",
          "completion_date": "Completion date"}
DESIGN_COLUMNS = ("allocation", "intervention_model", "intervention_model_description", "observational_model",
                  "time_perspective", "primary_purpose", "masking", "masking_description")
# The Study Design values that are free text, which may go on in a line that starts as a label does ('Phase III:').
_TEXTS = frozenset({"intervention_model_description", "masking_description", "biospec_description", "population"})
# A bracketed gloss after a value: ' (Clinical Trial)', ' [Patient Registry]'.
_GLOSS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")
# Phases parted by spaces only ('Phase 1 Phase 2'): the gaps read as slashes.
_PHASE_GAP = re.compile(r"(?<!Early)\s+(?=(?:Early\s+)?Phase)", re.IGNORECASE)
# Phases parted by a dash, an ampersand or 'and' ('Phase 1-2', 'Phase 2 and Phase 3', 'Phase 2 & 3'): read as slashes
# where a phase's number follows.
_PHASE_JOINED = re.compile(r"\s*(?:[-\u2013&]|\band\b)\s*(?=(?:phase\s*)?(?:[0-4]|i{1,3}|iv)[ab]?\b)", re.IGNORECASE)
# A stopped study's status with why it stopped in brackets, as a page may show it:
# 'Terminated (Low accrual)', 'Withdrawn (No participants enrolled)', 'Completed (Terminated early due to futility)'.
_STATUS_AND_REASON = re.compile(r"^(?P<status>[^()]+?)\s*\((?P<reason>.+)\)$")
# The statuses the registry records why a study stopped for: a stopped one's, and a completed one's where the study
# ended early (the registry keeps why on some completed records); a note beside an open status ('Recruiting
# (invitation only)') is no reason it stopped.
_STOPPED = frozenset({"SUSPENDED", "TERMINATED", "WITHDRAWN", "COMPLETED"})
# The statuses whose record must say why the study stopped: beside one, a bracket that opens on nothing or holds
# nothing ('Terminated (', 'Withdrawn ()') is a reason the copy lost, not one the record lacks.
_REASON_REQUIRED = frozenset({"SUSPENDED", "TERMINATED", "WITHDRAWN"})
# A status with a bracket beside it that holds nothing, closed or not ('Terminated (', 'Withdrawn [ ]').
_EMPTY_NOTE = re.compile(r"[^()\[\]]*[(\[]\s*[)\]]?\s*")
# A bracket that opens such a note, whole or wrapped after its first word ('(Has Results)', '(No', '(Results').
_RESULTS_OPENING = re.compile(r"\(\s*(?:(?:has|with|without|no)(?:\s+(?:study\s+)?results\b|\s*$)"
                              r"|(?:study\s+)?results\b)", re.IGNORECASE)
# A line that starts with a known label and a space, longer labels first ('Intervention model description').
_LABEL_FIRST = re.compile(r"^(%s)(?:\s+(.*))?$" % "|".join(
    re.escape(label).replace(r"\ ", r"\s+") for label in sorted(FIELDS, key=len, reverse=True)), re.IGNORECASE)


def unstacked(lines: list[str]) -> list[str]:
    """The 'Study Design' lines with each label alone on its line ('Allocation:' or 'Allocation', as a copy of the
    page's list of labels and values keeps them) joined to its value, the next non-blank line when that starts with
    no label ('Randomized'); a label alone above another label has no value. Other lines as shown."""
    if not any(map(_label_alone, lines)):  # most pages give each label its value on its line
        return lines
    kept: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        below = next((index for index in range(at + 1, len(lines)) if lines[index].strip()), None) if _label_alone(
            line) else None
        if below is not None and _label_of(type_after_label(lines[below].strip())) is None:
            kept.append(f"{line.strip().rstrip(':').rstrip()}: {lines[below].strip()}")
            at = below + 1
        else:
            kept.append(line)
            at += 1
    return kept


def opens_section(line: str) -> bool:
    """Whether a stripped line may open the 'Study Design' section: it starts with a known label."""
    return _label_of(type_after_label(line)) is not None


def _label_alone(line: str) -> bool:
    """Whether a line is a known label and nothing else, with or without its colon ('Masking:', 'Primary purpose')."""
    text = line.strip().removesuffix(":").rstrip()
    return 0 < len(text) <= _LONGEST_LABEL and not text[:1].islower() and " ".join(text.lower().split()) in FIELDS


def unwrapped(lines: list[str], width: int | None) -> list[str]:
    """The 'Study Design' lines of a page saved wrapped at `width` (see title.wrap_width) with each value a wrap broke
    onto the next line(s) joined again ('Masking description: Subjects will be randomized to either the leva® arm
    or' / 'Kegel arm on a 1 to 1 ratio'): a line that starts with no label goes on the value above when the line
    above was too full to hold its first word. A line that starts with a label stays its own, and so does a break
    after a word's hyphen, as whether a space follows it cannot be told."""
    if width is None:
        return lines
    kept: list[str] = []
    above = ""  # the line above as the page shows it, while a value it holds may go on
    for line in lines:
        text = line.strip()
        if above and text and broken_before(above, text, width) and not hyphen_undecided(above, text) and (
                _label_of(type_after_label(text)) is None):
            kept[-1] = f"{kept[-1].rstrip()} {text}"
        else:
            kept.append(line)
        above = text if text and (above or _label_of(type_after_label(text)) is not None) else ""
    return kept


def _label_of(line: str) -> str | None:
    """The field a 'Study Design' line's label fills ('Label: value', or 'Label value' as in the key block), or
    None for a line that starts with no known label, or in lower case (the rest of a sentence: 'allocation ratio'),
    or with 'Phase' before what is no phase (a description's text: 'Phase III: open-label, randomised')."""
    if line[:1].islower():
        return None
    label, colon, value = line.partition(":")
    field = FIELDS.get(" ".join(label.lower().split())) if colon else None
    if field is None and (match := _LABEL_FIRST.match(line)):
        field, value = FIELDS[" ".join(match.group(1).lower().split())], match.group(2) or ""
    return None if field == "phase" and not _phase_value(value) else field


def _phase_value(value: str) -> bool:
    """Whether a 'Phase' line's value reads as phases ('2', 'Phase 2/Phase 3', 'N/A'), or is none (a label alone)."""
    return not value.strip() or all(part in enums.PHASE for part in str(phase(value) or "").split("/"))


def labelled_lines(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """'Label: value' lines, or 'Label value' lines as in the key block, as {field: value} (an empty value kept
    as ''), and the labels not known. A line with no known label that plainly goes on with the value above it
    (see continues_name: 'Quadruple (Participant, Care Provider,' / 'Investigator)') is the wrapped rest of it."""
    values, unknown, _ = _labelled(lines)
    return values, unknown


def conflicting_labels(lines: list[str]) -> list[str]:
    """The labels (as the page spells them) given twice with different values: the first is read, and which the
    page means cannot be told."""
    return _labelled(lines)[2]


def _labelled(lines: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """The values of labelled_lines, the labels not known, and the labels given twice with different values."""
    values: dict[str, str] = {}
    unknown: list[str] = []
    shown: dict[str, str] = {}  # field -> the label as the page spells it, at its first line
    conflicts: list[str] = []
    last = None
    for line in map(type_after_label, nonblank(lines)):
        label, colon, value = line.partition(":")
        field = FIELDS.get(" ".join(label.lower().split())) if colon else None
        if field is None and (match := _LABEL_FIRST.match(line)):
            label, value = match.group(1), match.group(2) or ""
            field = FIELDS[" ".join(label.lower().split())]
        if (field is None and last is not None and values[last] and continues_name(values[last], line)) or (
                field == "phase" and last in _TEXTS and values[last] and not _phase_value(value)):
            values[last] = f"{values[last]} {line}"
        elif field is None:
            unknown.append(label.strip() if colon else "(a line without 'Label:')")
            last = None
        elif field in values:
            last = None
            if values[field] != value.strip() and shown[field] not in conflicts:
                conflicts.append(shown[field])
        else:
            last, values[field], shown[field] = field, value.strip(), " ".join(label.split())
    return values, unknown, conflicts


def study_columns(values: dict[str, str]) -> dict[str, object]:
    """The studies columns these values give (only those they give)."""
    study: dict[str, object] = {}
    if "status" in values:
        study.update(status_columns(values["status"]))
    if "phase" in values:
        study["phase"] = phase(values["phase"])
    if "study_type" in values:
        study["study_type"] = study_type(values["study_type"])
        if labels.shows_patient_registry(values["study_type"]):
            study["patient_registry"] = True
    if "enrollment" in values:
        shown, count_type = typed(values["enrollment"])
        if count_type is None:
            shown, count_type = typed_count(shown)
        enrollment = int_value(shown)  # no count ('Not Provided (Estimated)') has no type either
        study.update(enrollment=enrollment, enrollment_type=count_type if enrollment is not None else None)
    order = page_order([typed(values[prefix])[0] for prefix in _DATES if prefix in values])
    for prefix in _DATES:
        if prefix in values:
            text, date_type = typed(values[prefix])
            study.update(_date_columns(prefix, text, date_type, order))
    return study


def status_columns(text: str) -> dict[str, object]:
    """'Recruiting' -> overall_status RECRUITING; a stopped status with its reason in brackets ('Terminated (Low
    accrual)'), and a completed one with why it ended early ('Completed (Terminated early due to futility)') -> the
    status and why_stopped; the page's word for no value ('N/A', '-') -> None; any other text kept as shown
    (validation refuses it): an open status with a note ('Recruiting (invitation only)'), 'Completed (Has Results)',
    and a stopped status beside a bracket that holds nothing ('Terminated (': the reason is lost, not missing)."""
    read = labels.page_label("status", text)
    if read in _REASON_REQUIRED and _EMPTY_NOTE.fullmatch(text):
        return {"overall_status": text.strip()}
    if read not in enums.OVERALL_STATUS and (match := _STATUS_AND_REASON.match(text.strip())):
        status, reason = labels.overall_status(match.group("status")), match.group("reason").strip()
        if status in _STOPPED and not (status == "COMPLETED" and labels.RESULTS_NOTE.fullmatch(reason)):
            return {"overall_status": status, "why_stopped": reason}
    return {"overall_status": read}


def opens_reason(status: str, below: str) -> bool:
    """Whether `below`, a line that opens a bracket under a status shown alone, opens why the study stopped: under a
    stopped status ('Terminated' / '(Low accrual)'), or under a completed one unless it opens the registry's results
    display ('Completed' / '(Has Results)')."""
    read = labels.overall_status(status)
    return read in _STOPPED and not (read == "COMPLETED" and _RESULTS_OPENING.match(below))


def read_status(text: str) -> object:
    """The overall status a status value gives (see status_columns), or the text as shown."""
    return status_columns(text)["overall_status"]


def _date_columns(prefix: str, text: str | None, date_type: str | None, order: str | None) -> dict[str, object]:
    """One date's columns; text that is no date, or a date in two readings, is refused as shown (NULL, kept raw
    and quoted by validation), never read as whichever date a reader of text might take it for; a page's word for
    no date ('Not Provided') is no date, and the registry's 'Unknown' is kept as the registry readers keep it."""
    if said_unknown(text):
        return registry_date_columns(prefix, text)
    if no_value(text):
        return date_columns(prefix, None)
    columns = date_columns(prefix, numeric_date(date_text(text), order), date_type)
    if isinstance(columns[prefix], str):
        expected = _TWO_READINGS if undecided(text, order) else _A_DATE
        columns = {**date_columns(prefix, None), prefix: Refused(text.strip(), expected)}
    return columns


def phase(text: str | None) -> str | None:
    """'Phase 1/Phase 2' -> PHASE1/PHASE2; phases parted by spaces only ('Phase 1 Phase 2'), by a dash or by 'and'
    ('Phase 1-2', 'Phase 2 and Phase 3') are the same list; the 'Phase' key's value may give the number alone ('2',
    'II/III'); a page's word for no value ('Not Provided') is none ('N/A' is the registry's NA)."""
    read = labels.phase(text)
    if read not in enums.PHASE and no_value(text):
        return None
    if read is None or read == text.strip():
        spaced = _PHASE_GAP.sub("/", (text or "").strip())
        if written := labels.written_phase(spaced):
            return written
        joined = _PHASE_GAP.sub("/", _PHASE_JOINED.sub("/", (text or "").strip()))
        written = labels.written_phase(joined) or labels.written_phase(f"Phase {joined}")
        return written if written in enums.PHASE_COMBINED else read  # 'Phase 1-3' is no pair the registry has
    return read


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


def unreadable(values: dict[str, str]) -> list[str]:
    """What the date, ages and healthy-volunteers values say that cannot be read (named; a date is quoted)."""
    order = page_order([typed(values[prefix])[0] for prefix in _DATES if prefix in values])
    found = [f"'{label}' {text} reads as two dates: the page does not fix the order of day and month"
             for prefix, label in _DATES.items() if undecided(text := typed(values.get(prefix))[0], order)]
    stated = status_columns(values["status"]).get("why_stopped") if values.get("status") else None
    if stated and values.get("why_stopped") and stated != values["why_stopped"]:
        found.append("'Status' gives why the study stopped otherwise than 'Why stopped' (the 'Why stopped' line "
                     "is read)")
    return found + unreadable_eligibility(values)
