"""clincosm study page, what Study Design shows of observational and expanded-access studies beyond the design row:
biospecimens, the follow-up of a patient registry, the number of groups, the expanded-access types, each loaded into
its AACT studies column."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.page_values import int_value
from schemas.enums import BIOSPEC_RETENTION

# Study Design label -> studies column (the value as shown; the retention as its enum where it names one).
_COLUMNS = {"Biospecimen Retention": "biospec_retention", "Biospecimen Description": "biospec_description",
            "Target Follow-Up Duration": "target_duration", "Number of Groups/Cohorts": "number_of_groups",
            "Patient Registry": "patient_registry"}
# The registry's expanded-access types as the page writes them ('Individual Patients', 'Treatment IND/Protocol').
_ACCESS_TYPES = (("individual", re.compile(r"^individual(?: patients?)?$", re.I)),
                 ("intermediate", re.compile(r"^intermediate(?:[- ]size(?: population)?)?$", re.I)),
                 ("treatment", re.compile(r"^treatment(?: ind(?:/protocol)?)?$", re.I)))
_ACCESS_SPLIT = re.compile(r"\s*[,;]\s*")
# A study type that shows it is a patient registry: 'Observational [Patient Registry]'.
_REGISTRY_TYPE = re.compile(r"\[\s*patient registry\s*\]\s*$", re.I)
# An observational study type without that mark: the page marks every registry, so this study is none.
_OBSERVATIONAL_TYPE = re.compile(r"^observational$", re.I)
LABELS = frozenset(_COLUMNS) | {"Expanded Access Type"}


def study_facts(values: dict[str, str]) -> tuple[dict[str, object], list[str]]:
    """The studies columns these Study Design values give (only those given), and why a value cannot be read."""
    columns: dict[str, object] = {}
    for label, column in _COLUMNS.items():
        if shown := values.get(label):
            columns[column] = _value(column, shown)
    study_type = " ".join((values.get("Study Type") or "").split())
    if _REGISTRY_TYPE.search(study_type):
        columns["patient_registry"] = True
    elif _OBSERVATIONAL_TYPE.match(study_type):
        columns.setdefault("patient_registry", False)  # a 'Patient Registry' answer of its own is kept
    flags, unknown = access_types(values.get("Expanded Access Type") or "")
    columns.update(flags)
    return columns, [f"'Expanded Access Type' '{part}' is none of the registry's expanded-access types (individual, "
                     "intermediate, treatment): the types are not read" for part in unknown]


def _value(column: str, shown: str) -> object:
    if column == "biospec_retention":  # 'Samples With DNA' -> SAMPLES_WITH_DNA; another value as shown
        return spelt if (spelt := labels.enum_spelling(shown)) in BIOSPEC_RETENTION else shown
    if column == "number_of_groups":
        return int_value(shown)
    if column == "patient_registry":  # a word other than yes or no is kept, for validation to refuse and quote
        return answer if (answer := labels.lookup("yes_no", shown)) is not None else shown
    return shown


def access_types(text: str) -> tuple[dict[str, bool], list[str]]:
    """'Individual Patients, Treatment IND/Protocol' -> the AACT flags of the types named; with an unknown part,
    no flag and the unknown parts."""
    flags: dict[str, bool] = {}
    unknown = []
    for part in filter(None, _ACCESS_SPLIT.split(text.strip())):
        kind = next((kind for kind, pattern in _ACCESS_TYPES if pattern.match(part)), None)
        if kind is None:
            unknown.append(part)
        else:
            flags[f"expanded_access_type_{kind}"] = True
    return ({} if unknown else flags), unknown
