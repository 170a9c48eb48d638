"""meddatax study page, Responsible Party: the investigator's name, title and affiliation, one a line, and the party's
type ('Responsibility Role PRINCIPAL_INVESTIGATOR' on a labelled page; a compact page may give it bare). The name
is personal data: it goes to responsible_parties only, never into a problem's detail."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.model import Problem
from flows.parsers.page_text import nonblank
from schemas.enums import RESPONSIBLE_PARTY_TYPE

_TYPES = frozenset(RESPONSIBLE_PARTY_TYPE)
_ROLE = re.compile(r"^Responsibility Role\s+(\S.*)$", re.I)
# The investigator's lines in the registry's order: name, title, affiliation.
_COLUMNS = ("name", "title", "affiliation")
UNREAD_PARTY = "unread section: responsible party"


def responsible_parties(lines: list[str]) -> list[dict[str, object]] | Problem:
    """The responsible_parties row of the section (none when it is empty), or the problem of a section with more
    lines than a party has (or a type that is none of the registry's)."""
    lines = nonblank(lines)
    kind, shown = None, []
    labelled = any(_ROLE.match(line) for line in lines)
    for index, line in enumerate(lines):
        match = _ROLE.match(line)
        if kind is None and (match or (not labelled and _bare_type(line, index))):
            spelt = labels.enum_spelling(match.group(1) if match else line)
            if spelt not in _TYPES:
                return Problem(UNREAD_PARTY, f"'Responsible Party': '{match.group(1)}' is none of the registry's "
                                             "party types; the party is not read")
            kind = spelt
        else:
            shown.append(line)
    if len(shown) > len(_COLUMNS):
        return Problem(UNREAD_PARTY, f"'Responsible Party': {len(shown)} lines where a party has at most "
                                     f"{len(_COLUMNS)} (name, title, affiliation); the party is not read")
    if kind is None and not shown:
        return []
    return [{"responsible_party_type": kind, **dict.fromkeys(_COLUMNS), **dict(zip(_COLUMNS, shown))}]


def _bare_type(line: str, index: int) -> bool:
    """Whether a line without the 'Responsibility Role' label is the party's type: written as API v2 spells it
    ('PRINCIPAL_INVESTIGATOR'), or in the registry's words as the section's first line, above any name ('Sponsor').
    An investigator's title may be those words ('Principal Investigator' under the name): it stays the title."""
    return line.strip() in _TYPES or (index == 0 and labels.enum_spelling(line) in _TYPES)
