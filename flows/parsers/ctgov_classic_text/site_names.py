"""Where a clincosm site's name certainly ends, told by the name itself.

Sponsors list a site under its number ('Local Institution - 0445', 'Investigational Site Number : 4840002',
'IMAT S.A.S ( Site 0602)', 'Site Reference ID/Investigator# 4480') or under a name that hides the site ('Research
Site', 'GSK Investigational Site', 'Novartis Investigative Site'): such a name ends there, and the words after it are
the site's city and state (its state where the row shows one), never more of its name.
"""
from __future__ import annotations

import re

# A site's number: three digits or more, in the bracket of '( Site 0602)' too. (A number of one or two digits may be
# a postal district after a city, 'Praha 10'; a number after other words is a street's, '9000 Rockville Pike'.)
_SITE_NUMBER = re.compile(r"^\d{3,}\)?$")
# The words a site's number follows: 'Local Institution - 0445', 'Number : 4840002', '( Site 0602)', 'No. 12'.
_NUMBER_MARKS = frozenset({"-", "–", ":", "site", "number", "no.", "nr.", "#"})
# The names sponsors give a site they do not name (its last two words), after the sponsor's name at most.
_UNNAMED_SITES = frozenset({("research", "site"), ("investigational", "site"), ("investigative", "site"),
                            ("local", "institution")})
_LONGEST_UNNAMED = 3
# A unit's acronym after a name ('WITS Clinical Research Site PPDS'): the name goes on.
_ACRONYM = re.compile(r"^[A-Z]{2,}$")


def name_end(words: list[str]) -> int | None:
    """How many first words are the site's name where it ends with a site's number or is a name that hides the site,
    and a word follows it; None for any other row (where places tell the name's end)."""
    folded = [word.casefold().rstrip(":") or ":" for word in words]
    for end in range(len(words) - 1, 1, -1):
        # the mark first: a set lookup passes over most words without trying the pattern
        if (folded[end - 2] in _NUMBER_MARKS or folded[end - 2].endswith("#")) and _SITE_NUMBER.match(folded[end - 1]):
            return end
    for end in range(2, min(_LONGEST_UNNAMED, len(words) - 1) + 1):
        if tuple(folded[end - 2:end]) in _UNNAMED_SITES and not _ACRONYM.match(words[end]):
            return end
    return None
