"""The inclusion sections of a criteria text, their heading lines and their text in lower case, as the sex and the
healthy-volunteer rules read them."""
from __future__ import annotations

from checks.criteria_sections import Section
from checks.criteria_text import text_sections

# How long a criterion read is (a longer one describes more than who is admitted).
CRITERION_WIDTH = 240


def lowered_part(text: str, lowered: str, start: int, end: int) -> str:
    """text[start:end] in lower case, from `lowered` where lower-casing kept the text's offsets."""
    return lowered[start:end] if len(lowered) == len(text) else text[start:end].lower()


def inclusion_sections(text: str, lowered: str, memo: dict | None) -> list[Section] | None:
    """The inclusion sections of the criteria; None where the text has no inclusion or exclusion heading."""
    parts = text_sections(text, lowered, memo)
    inclusion = [s for s in parts if s.name == "inclusion"]
    if not inclusion and not any(s.name == "exclusion" for s in parts):
        return None
    return inclusion


def section_heading(text: str, section: Section) -> str:
    """The heading line of a section ("Inclusion Criteria for Healthy Volunteers:")."""
    return text[text.rfind("\n", 0, section.start) + 1:section.start]
