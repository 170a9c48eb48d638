"""The words of a site row's name and place: words that join a name to what follows, a field of medicine that ends a
site's name, words that name no city alone, a word that begins a city or cannot end one; and words joined back."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.facility_address import INSTITUTION_WORDS

# Words that join a name to what follows ('Hospital Clinic de Barcelona'): no site name ends with one.
# A dash or a slash alone joins two parts of a name or of a place ('San Giovanni - Rotondo', 'Bakirkoy / Istanbul').
JOINING_WORDS = frozenset("de del della di da do dos das du des la le les el of the and y i e für van von der & im "
                          "am an upon on sur sous en - – /".split())
# A field of medicine that ends a site's name ('Hayami Dermatology', 'Centro di Cardiologia', 'Suzuki Pediatrics'):
# its English, Latin and Romance endings. No city is named so.
SPECIALTY = re.compile(r"(?i)^\w{3,}(?:olog(?:y|ie|ia|ía|ica|ique)|iatrics|iatry|iatrie|iatria|p(?:a)?edics)$")
# Words that name an institution or end a region's name ('Brooklyn Center', 'Haidian District'): no city alone
# ('Canton' is a city's name as well, as in Ohio).
NO_CITY_ALONE = INSTITUTION_WORDS | (places.REGION_ENDINGS - {"canton"})
Place = dict[str, str | None]


def city_word(word: str) -> bool:
    """Whether the word is written as a place's name is: a capital first, no abbreviation ('o.' of 'Sp. z o. o.')."""
    return word[:1].isupper() and not word.endswith(".") and len(word) > 2


def starts_city(name: list[str]) -> bool:
    """Whether the name's last word begins a city's name ('San', 'West', 'Ft.'): the city may begin with it."""
    return bool(name) and name[-1].rstrip(",").casefold() in places.CITY_STARTS


def no_city(word: str) -> bool:
    """Whether the word cannot end a city's name: it has no letter ('0354', '2461)'), stands in brackets ('[Seoul]',
    '(MI)': a code after a city or a region) or is a joining word ('De' of 'Madrid, Comunidad De')."""
    bare = word.rstrip(",")
    return (not any(character.isalpha() for character in bare) or bare[:1] in "([" or bare[-1:] in ")]"
            or bare.casefold() in JOINING_WORDS)


def ends_joined(name: list[str]) -> bool:
    """Whether the name's last word joins it to what follows ('de'; a one-letter word only in lower case)."""
    last = name[-1] if name else ""
    return (last if len(last) == 1 else last.casefold()) in JOINING_WORDS


def joined(words: list[str]) -> str | None:
    return " ".join(words) or None
