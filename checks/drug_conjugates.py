"""Conjugates written with a drug's name: a radiolabelled or chelator-bound peptide or antibody ('Ga-68
DOTA0-Tyr3-octreotide', '111In-DTPA-octreotide', '[68Ga]Ga-DOTATATE') is another substance than the bare drug its name
holds (DOTA0-Tyr3-octreotide is edotreotide, not octreotide), so a drug word bound in one is no drug of the text."""
from __future__ import annotations

import re

# Radionuclides of nuclear medicine by element symbol, with their mass numbers.
_NUCLIDES = {"ga": "6[678]", "lu": "177", "tc": "99m", "in": "111", "f": "18", "cu": "6[147]", "zr": "89",
             "y": "86|90", "i": "12[345]|131", "c": "11", "n": "13", "o": "15", "rb": "82", "tl": "201", "ac": "225",
             "pb": "203|212", "bi": "21[23]", "ra": "223", "sm": "153", "re": "18[68]", "sc": "4[47]", "tb": "161",
             "at": "211", "ho": "166", "sr": "89", "xe": "133", "p": "32", "cr": "51", "co": "5[78]", "er": "169"}
# A radionuclide written mass first or symbol first ('68Ga', '[177Lu]', '99mTc', 'Ga-68', 'In 111', 'F18').
_LABEL = "|".join(rf"\[?\(?(?:{mass})\)?\]?{symbol}|{symbol}[\s-]?(?:{mass})" for symbol, mass in _NUCLIDES.items())
# Chelators and the peptide changes written into a conjugate's name ('DOTA0-Tyr3-octreotide', 'HYNIC-TOC'); not
# the vaccine DTPa of diphtheria, tetanus and acellular pertussis ('DTPa-HBV-IPV/Hib').
_CHELATOR = r"dota(?:0|ga)?|nota|nodaga|dtpa(?!-(?:hbv|ipv|hib)\b)|hynic|edda|mag3|teta|tyr3|d-phe1|phe1"
_PART = rf"(?:{_LABEL}|{_CHELATOR})"
# A label written with a space ('Ga 68', 'In 111'), read as one word.
_SPACED = "|".join(rf"{symbol}\s+(?:{mass})" for symbol, mass in _NUCLIDES.items())
_SPACED_LABEL = re.compile(rf"(?<![a-z0-9])(?:{_SPACED})(?![a-z0-9])", re.I)
# A word that is a label or chelator alone, or holds one as a part joined by a hyphen or bracket.
_ONLY_PART = re.compile(rf"[\[(]?(?:{_PART})[\])]?", re.I)
_HOLDS_PART = re.compile(rf"(?:^|[-\[\](),/])(?:{_PART})(?:$|[-\[\](),/])", re.I)


def conjugates_read_past(text: str) -> str:
    """The text without the words of conjugates: a word that joins a label or chelator to others ('DOTA0-Tyr3-
    octreotide', '177Lu-PSMA-617'), and the word after a label or chelator written alone ('Ga-68 octreotide')."""
    kept, bound = [], False
    for word in _SPACED_LABEL.sub(lambda label: "-".join(label.group().split()), text).split():
        alone = bool(_ONLY_PART.fullmatch(word.strip(",;:.")))
        if not (alone or bound or _HOLDS_PART.search(word)):
            kept.append(word)
        bound = alone
    return " ".join(kept)
