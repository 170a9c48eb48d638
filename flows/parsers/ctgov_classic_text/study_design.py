"""clincosm study page, the 'Study Design' key/value block: study type, enrollment, dates, official title, design."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.dates import registry_date_columns
from flows.parsers.masking import masked_flags, masking_and_roles
from flows.parsers.ctgov_classic_text.label_lines import values_below_labels
from flows.parsers.ctgov_classic_text.study_facts import study_facts
from flows.parsers.page_values import NONE_SAID, int_value, labelled_values
from schemas.enums import ALLOCATION, INTERVENTION_MODEL, OBSERVATIONAL_MODEL, PRIMARY_PURPOSE, TIME_PERSPECTIVE

# A date label without Actual/Anticipated leaves the date type unknown (NULL). A copy may show the type after the
# label, in brackets ('Study Start Date (Actual)'), or after the value ('Jan 16, 2020 (Actual)').
_DATED = re.compile(r"^(?:(Actual|Anticipated|Estimated) )?(Study Start|Primary Completion|Study Completion) Date"
                    r"(?: \((Actual|Anticipated|Estimated)\))?$", re.I)
_ENROLLMENT = re.compile(r"^(?:(Actual|Anticipated|Estimated) )?Enrollment(?: \((Actual|Anticipated|Estimated)\))?$",
                         re.I)
# How a label _DATED or _ENROLLMENT matches ends: a text that ends otherwise is tried against neither.
_PATTERN_ENDS = ("date", "enrollment", ")")
_TYPED_VALUE = re.compile(r"^(?P<value>.*?\S)\s*\((?P<type>Actual|Anticipated|Estimated)\)$", re.I)
# Study Design labels: of the design row, of studies columns (study_facts), or shown for information only.
DESIGN_LABELS = frozenset({
    "Study Type", "Official Title", "Allocation", "Intervention Model", "Intervention Model Description",
    "Masking", "Masking Description", "Primary Purpose", "Observational Model", "Time Perspective",
    "Target Follow-Up Duration", "Biospecimen Retention", "Biospecimen Description", "Patient Registry",
    "Expanded Access Type", "Number of Groups/Cohorts"})
_DATE_PREFIX = {"study start": "start_date", "primary completion": "primary_completion_date",
                "study completion": "completion_date"}
# What the page shows for a value the record does not give: not every word for no value (an allocation's `N/A` is
# its value NA).
_NOT_GIVEN = NONE_SAID | {"not provided"}
# Study Design values written as free text, in paragraphs.
_FREE_TEXT = frozenset({"Biospecimen Description", "Intervention Model Description", "Masking Description"})
# A Study Design label in another case ('Study type', 'Actual enrollment') is the label it spells.
_DESIGN_CASE = {label.casefold(): label for label in DESIGN_LABELS}
# The free-text labels as a line of their own shows them, folded ('intervention model description:').
_FREE_TEXT_LINES = frozenset(f"{label.casefold()}:" for label in _FREE_TEXT)
# The design labels whose value is one of the registry's, each by the column it loads into and its values.
_VALUED = {"Allocation": ("allocation", ALLOCATION), "Intervention Model": ("intervention_model", INTERVENTION_MODEL),
           "Observational Model": ("observational_model", OBSERVATIONAL_MODEL),
           "Time Perspective": ("time_perspective", TIME_PERSPECTIVE),
           "Primary Purpose": ("primary_purpose", PRIMARY_PURPOSE)}


def study_design(lines: list[str]) -> tuple[dict[str, object], dict[str, object], list[str]]:
    """The 'Study Design' key/value block: (studies columns, designs row, labels it does not know)."""
    return read_study_design(lines)[:3]


def read_study_design(lines: list[str]) -> tuple[dict[str, object], dict[str, object], list[str], list[str]]:
    """study_design, and why a value of an observational or expanded-access study cannot be read."""
    shown = _labels_split(lines)
    values = {key if key in DESIGN_LABELS else _DESIGN_CASE.get(key.casefold(), key): _given(value)
              for key, value in _paragraphed(labelled_values(shown), shown).items()}
    study: dict[str, object] = {"official_title": values.get("Official Title") or None,
                                "study_type": labels.lookup("study_type", values.get("Study Type"))}
    facts, unreadable = study_facts(values)
    study.update(facts)
    unknown = []
    for key, value in values.items():
        # a key is stripped: one not ending in 'Enrollment' or 'Date' matches neither pattern (and no
        # design label ends so: those keys are told by one set lookup)
        if key in DESIGN_LABELS:
            continue
        if key[-1:] == ")" and (match := _ENROLLMENT.match(key) or _DATED.match(key)):
            _read_typed(study, match, value)
        elif key[-10:].casefold() == "enrollment" and (match := _ENROLLMENT.match(key)):
            _read_typed(study, match, value)
        elif key[-4:].casefold() == "date" and (match := _DATED.match(key)):
            _read_typed(study, match, value)
        else:
            unknown.append(key)
    return study, _design_row(values), unknown, unreadable


def _labels_split(lines: list[str]) -> list[str]:
    """The lines with each 'Label: value' line split (`values_below_labels`), but the first line of a free-text
    value that opens with another label whose value is none of that label's ('Intervention Model Description:' above
    'Observational Model: Cohort Time Perspective: Prospective ...'): the description's own words, label and all."""
    if not any(line.strip().casefold() in _FREE_TEXT_LINES for line in lines):
        return values_below_labels(lines, is_design_label)
    split: list[str] = []
    above = ""
    for line in lines:
        if above in _FREE_TEXT_LINES and _not_its_value(line):
            split.append(line)
        else:
            split += values_below_labels([line], is_design_label)
        above = line.strip().casefold() or above
    return split


def _not_its_value(line: str) -> bool:
    """Whether a 'Label: value' line gives a design label one of whose registry values the value is not."""
    label, colon, value = line.strip().partition(":")
    known = _VALUED.get(_DESIGN_CASE.get(label.strip().casefold(), ""))
    return bool(colon and value.strip() and known) and labels.lookup(known[0], value.strip()) not in known[1]


def _read_typed(study: dict[str, object], match: re.Match, value: str) -> None:
    """The enrollment or a date of a label _ENROLLMENT or _DATED matched, with its type: the label's, before it or
    after it in brackets, or the value's ('Jan 16, 2020 (Actual)'); none when the page shows none."""
    shown = _TYPED_VALUE.match(value) if value[-1:] == ")" else None
    if shown:
        value = shown.group("value")
    # the label's type, before it or after it (each pattern's last group), then the value's
    said = next((word for word in (match.group(1), match.group(match.re.groups), shown and shown.group("type"))
                 if word), None)
    if match.re is _ENROLLMENT:
        study["enrollment"] = int_value(value)
        study["enrollment_type"] = labels.lookup("enrollment_type", said) if value else None
        return
    date_type = labels.lookup("date_type", said) if value else None
    study.update(registry_date_columns(_DATE_PREFIX[match.group(2).casefold()], value or None, date_type))


def _paragraphed(values: dict[str, list[str]], lines: list[str]) -> dict[str, str]:
    """Each label's value: its lines joined by spaces (a copy may wrap a long value); the paragraphs of a free-text
    value, which a blank line parts on the page ('Biospecimen Description:' of two paragraphs), parted by a blank line
    as the registry writes them."""
    paragraphs: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in map(str.strip, lines):
        if line[-1:] == ":":
            current = paragraphs.setdefault(line.rstrip(":").strip(), [[]])
        elif current is not None and line:
            current[-1].append(line)
        elif current is not None and current[-1]:
            current.append([])
    joined = {key: "\n\n".join(" ".join(part) for part in parts if part) for key, parts in paragraphs.items()}
    # a label shown twice, a value read otherwise than by line, a value that is no free text: as read by line
    return {key: joined[key] if _DESIGN_CASE.get(key.casefold()) in _FREE_TEXT
            and " ".join(value) == joined.get(key, "").replace("\n\n", " ") else " ".join(value)
            for key, value in values.items()}


def _given(value: str) -> str:
    """The value, or '' where the page says none is given ('Not Provided'): a missing value, not an invalid one."""
    return "" if value.strip().rstrip(".").casefold() in _NOT_GIVEN else value


def is_design_label(text: str) -> bool:
    """Whether the text is a Study Design label, in any case ('Study type', 'Actual Study Start Date')."""
    folded = text.casefold()
    return folded in _DESIGN_CASE or (folded.endswith(_PATTERN_ENDS) and bool(_DATED.match(text)
                                                                           or _ENROLLMENT.match(text)))


def _design_row(values: dict[str, str]) -> dict[str, object]:
    masking, roles = masking_and_roles(values.get("Masking"))
    return {
        "allocation": labels.lookup("allocation", values.get("Allocation")),
        "intervention_model": labels.lookup("intervention_model", values.get("Intervention Model")),
        "intervention_model_description": values.get("Intervention Model Description") or None,
        "observational_model": labels.lookup("observational_model", values.get("Observational Model")),
        "time_perspective": labels.lookup("time_perspective", values.get("Time Perspective")),
        "primary_purpose": labels.lookup("primary_purpose", values.get("Primary Purpose")),
        "masking": masking,
        "masking_description": values.get("Masking Description") or None,
        **masked_flags(roles),
    }

