"""The inclusion sections of a criteria text, their heading lines and their text in lower case, as the sex, age and
healthy-volunteer rules read them."""
from __future__ import annotations

import re

from checks.criteria_sections import Section
from checks.criteria_text import text_sections

# How long a criterion read is (a longer one describes more than who is admitted).
CRITERION_WIDTH = 240
# A heading line that names neither list ("Eligibility Criteria\uff1a", "**Key Eligibility Criteria:**"): after the
# items of an inclusion list it opens another list, which records write in place of the exclusion list, so it is not
# read as inclusion. Before the inclusion list it heads the whole criteria ("Eligibility Criteria:" then "Inclusion
# Criteria:"), and a line that names a part ("Treatment eligibility") is the inclusion list's own.
_NEITHER_LIST_HEADING = re.compile(
    r"^[ \t]*(?:[#>]+[ \t]*)?(?:\*\*|__)?(?:key[ \t]+)?eligibility[ \t]+criteria[ \t]*(?:\*\*|__)?[ \t]*"
    r"[:\uff1a]?[ \t]*(?:\*\*|__)?[ \t]*\r?$", re.I | re.M)


def lowered_part(text: str, lowered: str, start: int, end: int) -> str:
    """text[start:end] in lower case, from `lowered` where lower-casing kept the text's offsets."""
    return lowered[start:end] if len(lowered) == len(text) else text[start:end].lower()


def inclusion_sections(text: str, lowered: str, memo: dict | None) -> list[Section] | None:
    """The inclusion sections of the criteria; None where the text has no inclusion or exclusion heading."""
    parts = text_sections(text, lowered, memo)
    inclusion = inclusion_lists(text, lowered, parts)
    if not inclusion and not any(s.name == "exclusion" for s in parts):
        return None
    return inclusion


def inclusion_lists(text: str, lowered: str, parts: list[Section]) -> list[Section]:
    """The inclusion sections among `parts`, each ending where a heading that names neither list follows its items
    (`_NEITHER_LIST_HEADING`)."""
    found = []
    for section in parts:
        if section.name != "inclusion":
            continue
        if len(lowered) == len(text) and lowered.find("eligibility", section.start, section.end) < 0:
            found.append(section)
            continue
        heading = _NEITHER_LIST_HEADING.search(text, section.start, section.end)
        while heading is not None and not text[section.start:heading.start()].strip():
            heading = _NEITHER_LIST_HEADING.search(text, heading.end(), section.end)
        found.append(section if heading is None else section._replace(end=heading.start()))
    return found


def section_heading(text: str, section: Section) -> str:
    """The heading line of a section ("Inclusion Criteria for Healthy Volunteers:")."""
    return text[text.rfind("\n", 0, section.start) + 1:section.start]
