"""meddatax study page, 'Principal Investigators' of a record that gives its officials no role (older records of
the registry's first years name an official and the institution only): the site then shows a name line and an
affiliation line per official and no 'Role:' line. Read only where every official is plainly a person's name above
an institution's; anything else stays unread (the section's lines cannot be told apart)."""
from __future__ import annotations

import re

from flows.parsers.facility_address import INSTITUTION_WORDS

# A person's name as the registry gives an official's: two to five words, initials allowed ('Z.I. Sabry',
# 'C. McMahan', "O'Brien", 'Bryer-Ash'), a degree after a comma ('Thomas Ahlering, MD'), no digit.
_PERSON = re.compile(r"^[A-Z][\w.'\u2019-]*(?:,?\s+[A-Za-z][\w.'\u2019-]*){1,4}$")


def _is_institution(line: str) -> bool:
    """Whether a line names an institution: it holds an institution word ('University', 'Hospital', 'Inc.')."""
    return any(word.strip(",;()").casefold() in INSTITUTION_WORDS for word in line.split())


def _is_person(line: str) -> bool:
    return bool(_PERSON.match(line)) and not _is_institution(line) and not any(ch.isdigit() for ch in line)


def officials_without_roles(lines: list[str]) -> list[dict[str, object]] | None:
    """The officials of a section that shows no 'Role:' line, each a person's name line right above an institution's
    line; None where the lines do not pair up so (a name without an affiliation, an affiliation naming no
    institution: which line is which the page does not tell)."""
    if not lines or len(lines) % 2:
        return None
    pairs = list(zip(lines[::2], lines[1::2]))
    if not all(_is_person(name) and _is_institution(affiliation) for name, affiliation in pairs):
        return None
    return [{"role": None, "name": name, "affiliation": affiliation} for name, affiliation in pairs]
