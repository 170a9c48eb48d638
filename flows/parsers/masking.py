"""Masking as pages state it: the level ('Double') and who is masked ('Participant, Investigator')."""
from __future__ import annotations

import re

from flows.parsers import labels

_ROLE_COLUMNS = {
    "participant": "subject_masked", "participants": "subject_masked", "subject": "subject_masked",
    "care provider": "caregiver_masked", "care providers": "caregiver_masked",
    "caregiver": "caregiver_masked", "investigator": "investigator_masked",
    "investigators": "investigator_masked", "outcomes assessor": "outcomes_assessor_masked",
    "outcomes assessors": "outcomes_assessor_masked", "outcome assessor": "outcomes_assessor_masked",
    "outcome assessors": "outcomes_assessor_masked",
}


def masked_columns(text: str | None) -> dict[str, bool] | None:
    """'Participant, Outcomes Assessor' -> {subject_masked: True, ...}; None if not a role list."""
    if not text or not text.strip():
        return None
    parts = [p.strip().lower().replace("_", " ") for p in re.split(r",|;|\band\b", text)]
    parts = [p for p in parts if p]
    if not parts or any(p not in _ROLE_COLUMNS for p in parts):
        return None
    return {_ROLE_COLUMNS[p]: True for p in parts}


def masking_and_roles(label: str | None) -> tuple[str | None, dict[str, bool]]:
    """'Double (Participant, Investigator)' -> ('DOUBLE', {subject_masked, investigator_masked})."""
    if not label or not label.strip():
        return None, {}
    whole = labels.lookup("masking", label)
    match = re.match(r"^\s*([A-Za-z]+)\s*\((.*)\)\s*$", label)
    if whole == "NONE" or not match:
        return whole, {}
    return labels.lookup("masking", match.group(1)), masked_columns(match.group(2)) or {}
