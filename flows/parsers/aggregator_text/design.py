"""meddatax study page, design sections: Study Design, Study Groups, Interventions, Eligibility Criteria."""
from __future__ import annotations

from flows.parsers import labels
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.labelled_fields import FIELDS, apply_fields
from flows.parsers.aggregator_text.eligibility import (  # noqa: F401 (read here, with the other design sections)
    _ELIGIBILITY_LABELS, _trailing_values, eligibility_criteria, labelled_after_criteria, labels_as_usual,
    read_criteria, undecided_age)
from flows.parsers.aggregator_text.single_age import UNDECIDED_AGE
from flows.parsers.aggregator_text.typed_arms import (  # noqa: F401
    _GROUP_TYPE, _INTERVENTION_TYPE, anchor_lines, compact_groups, read_typed_arms)
from flows.parsers.aggregator_text.wrapped_lines import parts_entries_by_blank_lines, unwrapped_entries
from flows.parsers.masking import ROLE_COUNT, masked_flags, role_list
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_sections import Sections
from flows.parsers.page_text import nonblank
from flows.parsers.page_values import tagged_lines
from schemas.enums import (ALLOCATION, BIOSPEC_RETENTION, INTERVENTION_MODEL, MASKING, OBSERVATIONAL_MODEL,
                           PRIMARY_PURPOSE, SAMPLING_METHOD, TIME_PERSPECTIVE)

_DESIGN_LABELS = {"Allocation Method": "allocation", "Intervention Model": "intervention_model",
                  "Primary Study Purpose": "primary_purpose", "Blinding Strategy": "masking",
                  "Observational Model": "observational_model", "Time Perspective": "time_perspective"}
_KNOWN_LABELS = frozenset(_DESIGN_LABELS) | frozenset(FIELDS)
# The values a compact page may give bare whose column is in another table than designs, by their label.
_BARE_FIELDS = (("Sampling Method", frozenset(SAMPLING_METHOD)),
                ("Biospecimen Retention", frozenset(BIOSPEC_RETENTION)))
# Compact pages give bare values: each column is known by its value set (first match wins).
_DESIGN_VALUES = (("allocation", ALLOCATION), ("intervention_model", INTERVENTION_MODEL),
                  ("primary_purpose", PRIMARY_PURPOSE), ("masking", MASKING),
                  ("observational_model", OBSERVATIONAL_MODEL), ("time_perspective", TIME_PERSPECTIVE))
# Each bare design value's column: the first set in _DESIGN_VALUES order that holds it (OTHER: primary_purpose).
_DESIGN_COLUMN: dict[str, str] = {}
for _column, _allowed in _DESIGN_VALUES:
    for _value in _allowed:
        _DESIGN_COLUMN.setdefault(_value, _column)
# An observational study's design gives its model, then its time perspective (OTHER is in both, and in the
# primary purposes): a compact page's bare values are read in that order when the study is observational.
_OBSERVATIONAL_ORDER = (("observational_model", frozenset(OBSERVATIONAL_MODEL)),
                        ("time_perspective", frozenset(TIME_PERSPECTIVE)))
# The columns a free line after describes (the model, the masking), and each design column's values.
_DESCRIBED = frozenset({"intervention_model", "masking"})
_ALLOWED = {column: frozenset(allowed) for column, allowed in _DESIGN_VALUES}
# The registry's display labels that are not an enum's spelling ('Parallel Assignment' spells PARALLEL_ASSIGNMENT).
_DISPLAYED_DESIGN = {**{f"{model}_ASSIGNMENT": model for model in INTERVENTION_MODEL}, "NONE_OPEN_LABEL": "NONE",
                     "N_A": "NA", "EDUCATIONAL_COUNSELING_TRAINING": "ECT"}
_OBSERVATIONAL_ONLY = frozenset(OBSERVATIONAL_MODEL + TIME_PERSPECTIVE) - {
    value for _, allowed in _DESIGN_VALUES[:4] for value in allowed}
# OTHER is both an observational model and a time perspective: given bare and alone, neither is read.
LONE_OTHER = "OTHER"
UNDECIDED_OBSERVATIONAL = "unreadable value: observational model or time perspective undecided"
_LONE_OTHER_DETAIL = ("'Study Design': 'OTHER' alone may be the observational model or the time perspective, and the "
                      "page does not say which; neither is read")
# The page lists other names without tying each to its intervention in a way this reader knows: not loaded.
UNREAD_OTHER_NAMES = "unread section: other intervention names"


def unwrapped(lines: list[str], width: int | None) -> list[str]:
    """A section's lines, each entry a print wrapped at `width` one line again where blank lines part the entries
    (a labelled page's titles, names and descriptions); as they are elsewhere."""
    return unwrapped_entries(lines, width) if width is not None and parts_entries_by_blank_lines(lines) else lines


def read_design(record: StudyRecord, sections: Sections, width: int | None = None) -> list[Problem]:
    """Fill designs, design_groups, interventions, design_group_interventions and eligibilities; the problems met
    (`width`: a print's, where it wraps its lines)."""
    row, fields, unread, undecided = read_study_design(sections.lines("Study Design"), record.study.get("study_type"))
    if any(value is not None for value in row.values()):
        record.add("designs", row)
    problems = [Problem(reason, detail, record.nct_id) for reason, detail in undecided]
    groups, interventions = (nonblank(unwrapped(sections.lines(heading), width))
                             for heading in ("Study Groups", "Interventions"))
    if anchor_lines(groups, _GROUP_TYPE, "Group Type") or anchor_lines(interventions, _INTERVENTION_TYPE,
                                                                       "Intervention Type"):
        problems += read_typed_arms(record, groups, interventions)
    else:
        problems += compact_arms.read_into(record, groups, interventions, width)
    if other_names := nonblank(sections.lines("Other Intervention Names")):
        problems = problems + [Problem(UNREAD_OTHER_NAMES, f"'Other Intervention Names': {len(other_names)} lines "
                                       "not read", record.nct_id)]
    eligibility, age, (below, not_read) = read_criteria(labels_as_usual(sections.lines("Eligibility Criteria")))
    if any(value is not None for value in eligibility.values()):
        record.add("eligibilities", eligibility)
    if age:
        problems = problems + [Problem(UNDECIDED_AGE, f"'Eligibility Criteria': '{age}' alone may be the minimum or "
                                       "the maximum age, and the criteria text does not say which; neither is read",
                                       record.nct_id)]
    found = [("Study Design", label, value) for label, value in fields]
    found += [("Eligibility Criteria", label, value) for label, value in below]
    return (problems + apply_fields(record, found)
            + [Problem("unknown label", f"'{line}' under 'Study Design'", record.nct_id) for line in unread]
            + [Problem("unknown label", f"'{line}' under 'Eligibility Criteria'", record.nct_id) for line in not_read])


def study_design(lines: list[str], study_type: object = None) -> dict[str, object]:
    """The design row: labelled or bare enum values; a free line after the model or masking describes it, and
    the masked roles follow the masking (on one line, or one a line)."""
    return read_study_design(lines, study_type)[0]


def read_study_design(lines: list[str], study_type: object = None
                      ) -> tuple[dict, list[tuple[str, str]], list[str], list[tuple[str, str]]]:
    """The design row, the (label, value) pairs of labelled_fields.FIELDS it shows ('Sampling Method'), the
    lines that are none of these (a value of a column already read, a line after no model or masking), and the
    (reason, detail) of a value the page leaves undecided."""
    row: dict[str, object] = {column: None for column, _ in _DESIGN_VALUES}
    row.update(intervention_model_description=None, masking_description=None)
    tagged = tagged_lines(lines, _KNOWN_LABELS)
    observational = study_type == "OBSERVATIONAL" or any(
        displayed_design_value(value) in _OBSERVATIONAL_ONLY for label, value in tagged if not label)
    previous, masked, fields, unread = None, [], [], []
    for label, value in tagged:
        if label in FIELDS and label not in _DESIGN_LABELS:
            fields.append((label, value))
            continue
        if not label and (field := _bare_field(value)):
            fields.append((field, value))
            continue
        bare = value if label else displayed_design_value(value)
        column = (_DESIGN_LABELS[label] if label else _observational_column(bare, row) if observational
                  else _design_column(bare))
        if label and column and previous in _DESCRIBED and _enum_value(column, bare) not in _ALLOWED[column]:
            # 'Observational Model: Cohort Time Perspective: ...' below the model: the description's own words
            column, value = None, f"{label}: {value}"
        if column and row[column] is None:
            row[column], previous = _enum_value(column, bare), column
        elif previous == "intervention_model":
            row["intervention_model_description"] = _joined(row["intervention_model_description"], value)
        elif previous == "masking" and (roles := role_list(value)) and not _all_roles_shown(row["masking"], masked):
            masked += roles
        elif previous == "masking":
            row["masking_description"] = _joined(row["masking_description"], value)
        else:
            unread.append(value)
    if masked:
        row.update(masked_flags(masked))
    undecided: list[tuple[str, str]] = []
    if observational and _lone_bare_other(tagged, row):
        row["observational_model"] = None
        undecided.append((UNDECIDED_OBSERVATIONAL, _LONE_OTHER_DETAIL))
    return row, fields, unread, undecided


def _all_roles_shown(masking: object, masked: list[str]) -> bool:
    """Whether the roles read already are as many as the masking level masks ('SINGLE': one): a line of roles after
    them is the masking's description ('Outcome Assessor' below 'SINGLE' / 'Participant')."""
    return masking in ROLE_COUNT and len(set(masked)) >= ROLE_COUNT[masking]


def _lone_bare_other(tagged: list[tuple[str | None, str]], row: dict[str, object]) -> bool:
    """Whether an observational study's compact design gives one bare value, OTHER, and nothing else of its model or
    time perspective: OTHER is a value of both, and one alone does not say whose (a record may give either alone)."""
    bare = [displayed_design_value(value) for label, value in tagged if not label and not _bare_field(value)]
    return bare == [LONE_OTHER] and row["observational_model"] == LONE_OTHER and row["time_perspective"] is None


def _bare_field(value: str) -> str | None:
    """The labelled_fields label of a compact page's bare sampling method or biospecimen retention (each value
    set is its own: 'NON_PROBABILITY_SAMPLE', 'Samples With DNA'), or None."""
    spelt = labels.enum_spelling(value)
    return next((label for label, values in _BARE_FIELDS if spelt in values), None)


def displayed_design_value(value: str) -> str:
    """A compact page's bare design value as API v2 spells it, where the page shows the registry's display form
    ('Parallel Assignment' -> PARALLEL, 'None (Open Label)' -> NONE, 'Case-Control' -> CASE_CONTROL,
    'Prospective' -> PROSPECTIVE); any other line as shown (an 'Open label' model description stays one)."""
    if value in _DESIGN_COLUMN:
        return value
    spelt = labels.enum_spelling(value) or value
    return spelt if spelt in _DESIGN_COLUMN else _DISPLAYED_DESIGN.get(spelt, value)


def _design_column(value: str) -> str | None:
    return _DESIGN_COLUMN.get(value)


def _observational_column(value: str, row: dict[str, object]) -> str | None:
    """The column of an observational study's bare design value: its model, then its time perspective."""
    return next((column for column, allowed in _OBSERVATIONAL_ORDER if value in allowed and row[column] is None), None)


def _enum_value(column: str, value: str) -> str | None:
    """The API v2 form of a design value ('RANDOMIZED' stays, 'Randomized' -> RANDOMIZED)."""
    if column in ("allocation", "intervention_model", "masking"):
        return labels.lookup(column, value)
    return labels.group_type(value)


def _joined(before: object, value: str) -> str:
    return f"{before}\n{value}" if before else value
