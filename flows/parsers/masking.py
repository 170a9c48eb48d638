"""Masking in every layout: the level ('DOUBLE') and who is masked, as AACT's *_masked flags."""
from __future__ import annotations

import re

from flows.parsers import labels

# Display names of masked roles -> API v2 whoMasked values.
_ROLE_NAMES = {
    "participant": "PARTICIPANT", "participants": "PARTICIPANT", "subject": "PARTICIPANT",
    "care provider": "CARE_PROVIDER", "care providers": "CARE_PROVIDER", "caregiver": "CARE_PROVIDER",
    "investigator": "INVESTIGATOR", "investigators": "INVESTIGATOR",
    "outcomes assessor": "OUTCOMES_ASSESSOR", "outcomes assessors": "OUTCOMES_ASSESSOR",
    "outcome assessor": "OUTCOMES_ASSESSOR", "outcome assessors": "OUTCOMES_ASSESSOR",
}
# The warehouse columns and the whoMasked value each one stands for.
MASKED_COLUMNS = {
    "subject_masked": "PARTICIPANT",
    "caregiver_masked": "CARE_PROVIDER",
    "investigator_masked": "INVESTIGATOR",
    "outcomes_assessor_masked": "OUTCOMES_ASSESSOR",
}
# Pre-2017 records say 'Double Blind', 'Single Blind', 'Open Label'.
_BLIND = re.compile(r"[\s-]+blind(ed)?\s*$", re.IGNORECASE)
_ROLE_SEPARATOR = re.compile(r",|;|\band\b")
_LEVEL_AND_ROLES = re.compile(r"^\s*([A-Za-z][A-Za-z -]*?)\s*\((.*)\)\s*$")
# The level is the number of roles masked (the registry's definition): some legacy records name the roles only.
_LEVEL_OF_COUNT = {1: "SINGLE", 2: "DOUBLE", 3: "TRIPLE", 4: "QUADRUPLE"}
# How many roles each level masks ('DOUBLE': two).
ROLE_COUNT = {level: count for count, level in _LEVEL_OF_COUNT.items()}


def masked_flags(roles: list[str] | None) -> dict[str, bool | None]:
    """The four *_masked flags (as AACT): None when the source names no roles, else True/False per role."""
    if roles is None:
        return {column: None for column in MASKED_COLUMNS}
    return {column: role in roles for column, role in MASKED_COLUMNS.items()}


def role_list(text: str | None) -> list[str] | None:
    """'Participant, Outcomes Assessor' -> ['PARTICIPANT', 'OUTCOMES_ASSESSOR']; None if not a role list."""
    if not text or not text.strip():
        return None
    parts = [p.strip().lower().replace("_", " ") for p in _ROLE_SEPARATOR.split(text)]
    parts = [p for p in parts if p]
    if not parts or any(p not in _ROLE_NAMES for p in parts):
        return None
    return [_ROLE_NAMES[p] for p in parts]


def masking_and_roles(label: str | None) -> tuple[str | None, list[str] | None]:
    """'Double (Participant, Investigator)' -> ('DOUBLE', ['PARTICIPANT', 'INVESTIGATOR']);
    'Double Blind' -> ('DOUBLE', None); 'Participant, Investigator' (roles only) -> the first's answer."""
    if not label or not label.strip():
        return None, None
    whole = labels.lookup("masking", label)
    match = _LEVEL_AND_ROLES.match(label)
    if whole == "NONE":
        return whole, None
    if not match:
        roles = role_list(label)
        if roles is not None:  # 'Participant, Investigator': two roles masked, so DOUBLE
            return _LEVEL_OF_COUNT[len(set(roles))], roles
        return labels.lookup("masking", _BLIND.sub("", label.strip())), None
    return labels.lookup("masking", _BLIND.sub("", match.group(1))), role_list(match.group(2))
