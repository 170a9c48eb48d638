"""A site row's state: the region words name as the lists hold it, a region's code after its city ('Roma RM'), a word
that may be a place's whole name, and the countries whose rows show the state."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_city_marks import DISTRICT
from flows.parsers.ctgov_classic_text.site_row_words import JOINING_WORDS, NO_CITY_ALONE, city_word, no_city

# A place's code ('Roma RM', 'Geneva GE', a city's 'SP'): two or three capitals; an acronym of four or more ends a
# site's name ('Hospital CAMS', 'IRCCS').
_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")
ACRONYM = re.compile(r"^[A-Z]{4,}$")
# The combining dot above an 'i' that lowering a Turkish 'İ' leaves ('İzmir' -> 'i̇zmir').
_DOT_ABOVE = "\u0307"
# Words that are part of a place's name and never a whole one: a postal district's mark, a city's last word.
_PLACE_PARTS = frozenset({"cedex"}) | places.CITY_ENDINGS


def undotted(words: list[str]) -> list[str]:
    """The words without the dot that lowering a Turkish 'İ' leaves on its 'i' ('gi̇resun' is 'giresun')."""
    return [word.replace(_DOT_ABOVE, "") for word in words]


def region_code(words: list[str]) -> int:
    """1 where the row ends with a region's code after its city ('Roma RM', 'Geneva GE', 'Montería COR'): two or three
    capitals, which no city is written as, after a word written as a city is ('Comunidad DE' ends with a joining
    word); 0 otherwise."""
    return int(len(words) > 2 and bool(_REGION_CODE.match(words[-1])) and city_word(words[-2])
               and words[-1].casefold() not in JOINING_WORDS
               and not words[-2].isupper() and words[-2].casefold() not in NO_CITY_ALONE)


def region_name(words: list[str]) -> str:
    """The region the words name, as the lists hold it: a comma inside kept ('Valenciana, Comunitat'), a comma after
    dropped, and the dot that lowering a Turkish 'İ' leaves on its 'i' ('Gİresun' lowered is 'gi̇resun') dropped."""
    return " ".join(words).rstrip(",").casefold().replace(_DOT_ABOVE, "")


def is_region(words: list[str], regions: frozenset[str]) -> bool:
    """Whether the words name one of the regions, written with or without its spaces and hyphens."""
    name = region_name(words)
    return name in regions or places.squashed(name) in regions


def region_text(words: list[str]) -> str | None:
    """The state as the row shows it, without the comma that closes its cell."""
    return " ".join(words).rstrip(",") or None


def region_word(word: str) -> bool:
    """Whether the word may be a place's whole name: letters, not a joining word, a postal district or 'Cedex'."""
    return (any(character.isalpha() for character in word) and not no_city(word) and not DISTRICT.match(word)
            and word.casefold() not in _PLACE_PARTS)


def region_repeat_shown(country: str | None) -> bool:
    """Whether a city named as its region, shown twice, is the city and its state in the country ('Beijing Beijing'
    in China, 'New York New York' in the United States); elsewhere the site's name may end with the city."""
    return state_always_shown(country) or (country or "").casefold() in places.CITY_STATES_SHOWN


def state_always_shown(country: str | None) -> bool:
    """Whether every site of the country is listed with its state (the region ending its row is the state)."""
    return (country or "").casefold() in places.STATE_ALWAYS_SHOWN
