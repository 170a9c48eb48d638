"""Display labels of registry pages and legacy XML, mapped to ClinicalTrials.gov API v2 enums."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.parsers.model import Refused
from flows.parsers.page_values import no_value
from schemas import enums

_STATUS = {
    "active, not recruiting": "ACTIVE_NOT_RECRUITING", "completed": "COMPLETED",
    "enrolling by invitation": "ENROLLING_BY_INVITATION", "not yet recruiting": "NOT_YET_RECRUITING",
    "recruiting": "RECRUITING", "suspended": "SUSPENDED", "terminated": "TERMINATED",
    "withdrawn": "WITHDRAWN", "available": "AVAILABLE", "no longer available": "NO_LONGER_AVAILABLE",
    "temporarily not available": "TEMPORARILY_NOT_AVAILABLE",
    "approved for marketing": "APPROVED_FOR_MARKETING", "withheld": "WITHHELD",
    "unknown status": "UNKNOWN", "unknown": "UNKNOWN",
}
_PHASE = {
    "n/a": "NA", "na": "NA", "not applicable": "NA", "early phase 1": "EARLY_PHASE1",
    "phase 0": "EARLY_PHASE1", "phase 1": "PHASE1", "phase 2": "PHASE2", "phase 3": "PHASE3",
    "phase 4": "PHASE4",
}
_SIMPLE = {
    "study_type": {"interventional": "INTERVENTIONAL", "observational": "OBSERVATIONAL",
                   "observational [patient registry]": "OBSERVATIONAL",
                   "expanded access": "EXPANDED_ACCESS"},
    "allocation": {"randomized": "RANDOMIZED", "non-randomized": "NON_RANDOMIZED",
                   "nonrandomized": "NON_RANDOMIZED", "n/a": "NA", "na": "NA"},
    "intervention_model": {"single group assignment": "SINGLE_GROUP", "single group": "SINGLE_GROUP",
                           "parallel assignment": "PARALLEL", "parallel": "PARALLEL",
                           "crossover assignment": "CROSSOVER", "crossover": "CROSSOVER",
                           "factorial assignment": "FACTORIAL", "factorial": "FACTORIAL",
                           "sequential assignment": "SEQUENTIAL", "sequential": "SEQUENTIAL"},
    "masking": {"none (open label)": "NONE", "none": "NONE", "open label": "NONE", "no masking": "NONE",
                "single": "SINGLE", "double": "DOUBLE", "triple": "TRIPLE", "quadruple": "QUADRUPLE"},
    "date_type": {"actual": "ACTUAL", "anticipated": "ESTIMATED", "estimated": "ESTIMATED",
                  "expected": "ESTIMATED"},
    "enrollment_type": {"actual": "ACTUAL", "anticipated": "ESTIMATED", "estimated": "ESTIMATED"},
    "sex": {"all": "ALL", "both": "ALL", "female": "FEMALE", "male": "MALE"},
    "agency_class": {"other": "OTHER", "nih": "NIH", "industry": "INDUSTRY", "u.s. fed": "FED",
                     "fed": "FED", "other_gov": "OTHER_GOV", "other gov": "OTHER_GOV",
                     "indiv": "INDIV", "individual": "INDIV", "network": "NETWORK",
                     "unknown": "UNKNOWN", "ambig": "AMBIG"},
    "official_role": {"study chair": "STUDY_CHAIR", "study director": "STUDY_DIRECTOR",
                      "principal investigator": "PRINCIPAL_INVESTIGATOR",
                      "sub-investigator": "SUB_INVESTIGATOR", "sub investigator": "SUB_INVESTIGATOR"},
    "yes_no": {"yes": True, "no": False, "true": True, "false": False},
}


# Where a display label's enum-like spelling must land; outside it the label is kept as shown.
_VALID = {
    "status": enums.OVERALL_STATUS, "phase": enums.PHASE, "study_type": enums.STUDY_TYPE,
    "allocation": enums.ALLOCATION, "intervention_model": enums.INTERVENTION_MODEL, "masking": enums.MASKING,
    "date_type": enums.DATE_TYPE, "enrollment_type": enums.DATE_TYPE, "sex": enums.SEX,
    "agency_class": enums.AGENCY_CLASS, "official_role": enums.OFFICIAL_ROLE, "group_type": enums.ARM_GROUP_TYPE,
    "intervention_type": enums.INTERVENTION_TYPE, "observational_model": enums.OBSERVATIONAL_MODEL,
    "time_perspective": enums.TIME_PERSPECTIVE, "primary_purpose": enums.PRIMARY_PURPOSE,
}
_SIMPLE.update({
    # API v2 abbreviates this one purpose.
    "primary_purpose": {"educational/counseling/training": "ECT"},
    "intervention_type": {"procedure/surgery": "PROCEDURE"},
    "observational_model": {"case-only": "CASE_ONLY", "case-crossover": "CASE_CROSSOVER"},
    "time_perspective": {"cross-sectional": "CROSS_SECTIONAL"},
    "display_enum": {},
})
# Legacy XML reads purposes and models with group_type(): one enum-like conversion for every design set.
_VALID["display_enum"] = (enums.ARM_GROUP_TYPE + enums.PRIMARY_PURPOSE + enums.OBSERVATIONAL_MODEL
                          + enums.TIME_PERSPECTIVE)
_WHITESPACE = re.compile(r"\s+")
# A note of the registry's results display beside a status ('Completed (Has Results)', 'No Results Available',
# 'Results Submitted'): whether results are posted, never why the study stopped.
RESULTS_NOTE = re.compile(r"(?:has|with|without|no)\s+(?:study\s+)?results(?:\s+available)?"
                          r"|(?:study\s+)?results\s+(?:available|posted|submitted|pending)", re.IGNORECASE)
_NOT_ENUM = re.compile(r"[^A-Z0-9]+")
_PHASE_SPLIT = re.compile(r"\s*(?:/|,|\|)\s*")
# A phase written with its number, arabic or roman ('Phase 2', 'Phase II', 'Phase IIb', 'Early Phase I'); a
# letter after the number names a sub-phase (IIa, 1b) of the same phase. The number must end the word.
_WRITTEN_PHASE = re.compile(r"(?P<early>early\s+)?phase\s*(?P<number>[0-4]|i{1,3}|iv)[ab]?", re.I)
# After a slash a registry may give the next number alone: 'Phase I/II', 'Phase 1/2'.
_PHASE_NUMBER_ALONE = re.compile(r"(?P<early>)(?P<number>[0-4]|i{1,3}|iv)[ab]?", re.I)
_PHASE_NUMBERS = {"0": "EARLY_PHASE1", "1": "PHASE1", "2": "PHASE2", "3": "PHASE3", "4": "PHASE4",
                  "i": "PHASE1", "ii": "PHASE2", "iii": "PHASE3", "iv": "PHASE4"}


def _key(label: str) -> str:
    return _WHITESPACE.sub(" ", label.strip().lower())


@lru_cache(maxsize=4096)  # a page's labels and bare values are read by it on every page of a site
def _enum_like(label: str) -> str:
    """'Active Comparator' -> 'ACTIVE_COMPARATOR'; values already in enum form pass through."""
    return _NOT_ENUM.sub("_", label.strip().upper()).strip("_")


@lru_cache(maxsize=4096)
def _mapped(kind: str, label: str) -> str:
    """A known label's enum, else its enum-like spelling when that is an API v2 value, else the label as shown."""
    key = _key(label)
    table = _STATUS if kind == "status" else _PHASE if kind == "phase" else _SIMPLE.get(kind, {})
    if key in table:
        return table[key]
    enum = _enum_like(label)
    # an unknown label stays raw, so validation refuses it and keeps it visible (never a silent NULL)
    return enum if enum in _VALID[kind] else label.strip()


def overall_status(label: str | None) -> str | None:
    """'Not yet recruiting' -> NOT_YET_RECRUITING; an unknown label is kept as shown."""
    if not label or not label.strip():
        return None
    return _mapped("status", label)


@lru_cache(maxsize=1024)
def phase(label: str | None) -> str | None:
    """'Phase 1/Phase 2' -> PHASE1/PHASE2; 'PHASE4' passes through; N/A -> NA; an unknown label is kept as shown."""
    if not label or not label.strip():
        return None
    key = _key(label)
    if key in _PHASE:  # 'N/A' holds a slash but is one value
        return _PHASE[key]
    if not _PHASE_SPLIT.sub("", label.strip()):
        return None
    return written_phase(label) or label.strip()


@lru_cache(maxsize=1024)
def written_phase(label: str) -> str | None:
    """The API v2 phase a label writes ('Phase II' -> PHASE2, 'Phase I/II' -> PHASE1/PHASE2), or None."""
    parts = [p for p in _PHASE_SPLIT.split(label.strip()) if p]
    values = [_phase_part(part, alone=index > 0) for index, part in enumerate(parts)]
    if not values or None in values:
        return None
    return "/".join(dict.fromkeys(values))  # 'Phase Ia/Ib' is one phase


def _phase_part(part: str, alone: bool) -> str | None:
    """One phase of a label: an API v2 value, a known label, or a number after 'Phase' (alone after a slash)."""
    if (value := _mapped("phase", part)) in enums.PHASE:
        return value
    written = _WRITTEN_PHASE.fullmatch(part) or (_PHASE_NUMBER_ALONE.fullmatch(part) if alone else None)
    if written is None:
        return None
    value = _PHASE_NUMBERS[written.group("number").lower()]
    if written.group("early"):  # only the first phase has an early one
        return "EARLY_PHASE1" if value in ("PHASE1", "EARLY_PHASE1") else None
    return value


def yes_no(label: str | None, expected: str = "Yes or No") -> bool | Refused | None:
    """A registry's 'Yes' / 'No' as bool; another word is refused as given (kept raw and flagged by validation),
    never read as missing. (Text pages keep `lookup`: a page's wording is not the registry's value set.)"""
    answer = lookup("yes_no", label)
    if answer is None and label is not None and label.strip():
        return Refused(label.strip(), expected)
    return answer


def lookup(kind: str, label: str | None):
    """Map a display label of `kind` (study_type, allocation, masking, sex...) to its enum; unknown stays raw."""
    if type(label) is str:  # page labels repeat: each (kind, label) is read once
        return _looked_up(kind, label)
    return _lookup(kind, label)


@lru_cache(maxsize=4096)
def _looked_up(kind: str, label: str):
    return _lookup(kind, label)


def _lookup(kind: str, label: object):
    if label is None or not str(label).strip():
        return None
    if kind == "yes_no":
        return _SIMPLE["yes_no"].get(_key(str(label)))
    return _mapped(kind, str(label))


def page_label(kind: str, label: str | None):
    """A display label a text page shows for `kind` ('status' for an overall status, 'sex', any kind lookup()
    knows), mapped as overall_status() or lookup() map it; but a page's word for no value ('N/A', '-', 'Not
    Provided') that the registry never gives as a value of that kind is no value (None), where the registry's own
    records (JSON, XML) keep the word for validation to refuse. A word the registry gives ('Unknown' status, 'N/A'
    allocation, 'None' masking) maps as before."""
    value = overall_status(label) if kind == "status" else lookup(kind, label)
    if type(value) is str and value not in _VALID[kind] and no_value(value):
        return None
    return value


def enum_spelling(label: str | None) -> str | None:
    """'Samples With DNA' -> SAMPLES_WITH_DNA, unchecked: for callers that test the value set themselves."""
    if label is None or not str(label).strip():
        return None
    return _enum_like(str(label))


def group_type(label: str | None) -> str | None:
    """'Experimental' -> EXPERIMENTAL, 'Active Comparator' -> ACTIVE_COMPARATOR (any design enum's display form)."""
    return lookup("display_enum", label)


def intervention_type(label: str | None) -> str | None:
    """'Drug' -> DRUG, 'Dietary Supplement' -> DIETARY_SUPPLEMENT."""
    return lookup("intervention_type", label)


# The registry's display form of a patient registry's study type: 'Observational [Patient Registry]'.
_PATIENT_REGISTRY = re.compile(r"\[\s*patient registry\s*\]\s*$", re.I)


def shows_patient_registry(study_type: str | None) -> bool:
    """Whether a study type as a page shows it says the study is a patient registry ('Observational [Patient
    Registry]'); a plain 'OBSERVATIONAL' says nothing of it (the page shows no registry flag)."""
    return bool(study_type) and _PATIENT_REGISTRY.search(study_type) is not None
