"""Display labels of registry pages and legacy XML, mapped to ClinicalTrials.gov API v2 enums."""
from __future__ import annotations

import re

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
    "masking": {"none (open label)": "NONE", "none": "NONE", "open label": "NONE",
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


def _key(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().lower())


def _enum_like(label: str) -> str:
    """'Active Comparator' -> 'ACTIVE_COMPARATOR'; values already in enum form pass through."""
    return re.sub(r"[^A-Z0-9]+", "_", label.strip().upper()).strip("_")


def overall_status(label: str | None) -> str | None:
    """'Not yet recruiting' -> NOT_YET_RECRUITING."""
    if not label:
        return None
    return _STATUS.get(_key(label), _enum_like(label))


def phase(label: str | None) -> str | None:
    """'Phase 1/Phase 2' -> PHASE1/PHASE2; 'PHASE4' passes through; N/A -> NA."""
    if not label:
        return None
    if _key(label) in _PHASE:  # 'N/A' holds a slash but is one value
        return _PHASE[_key(label)]
    parts = [p for p in re.split(r"\s*(?:/|,|\|)\s*", label.strip()) if p]
    mapped = [_PHASE.get(_key(p), _enum_like(p)) for p in parts]
    return "/".join(mapped) or None


def lookup(kind: str, label: str | None):
    """Map a display label of `kind` (study_type, allocation, masking, sex...) to its enum."""
    if label is None or not str(label).strip():
        return None
    table = _SIMPLE[kind]
    key = _key(str(label))
    if key in table:
        return table[key]
    return None if kind == "yes_no" else _enum_like(str(label))


def group_type(label: str | None) -> str | None:
    """'Experimental' -> EXPERIMENTAL, 'Active Comparator' -> ACTIVE_COMPARATOR."""
    return _enum_like(label) if label else None


def intervention_type(label: str | None) -> str | None:
    """'Drug' -> DRUG, 'Dietary Supplement' -> DIETARY_SUPPLEMENT."""
    return _enum_like(label) if label else None
