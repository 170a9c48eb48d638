"""What marks a city in a site row: its postal district ('København Ø', 'Praha 10'), 'Cedex' and its number, its
other name or code in brackets, the word written after a city's or a ward's name in Japan, China and Korea ('Luoyang
Shi'); and whether words may be a whole city."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_row_words import JOINING_WORDS, NO_CITY_ALONE, no_city

# A postal district after its city ('København Ø', 'Aarhus N', 'Praha 10'): one letter, or a number.
DISTRICT = re.compile(r"^(?:[^\W\d_]|\d{1,2})$")
# France's business postal mark after a city, with its number or without ('Cedex', 'Cedex 08', 'Cédex', 'Cedex08').
CEDEX = re.compile(r"^c[ée]dex\d{0,2}$", re.IGNORECASE)
# Words written after a city's or a ward's name in Japan, China and Korea ('Luoyang Shi', 'Bunkyo ku', 'Suwon si').
CITY_SUFFIXES = frozenset({"shi", "ku", "si", "gu", "machi"})
_SHORTEST_MARKED = 4
# The unions the rows are read against, each made once.
_CITY_FIRST_WORDS = places.CITY_STARTS | JOINING_WORDS


def written_as_city(words: list[str]) -> bool:
    """Whether the words are a city with its postal district or its city mark ('Rennes Cedex 9', 'Guangzhou Shi'), or
    two words that are one city, as the first begins a city and is none alone ('Puerto Montt', 'La Plata') or the
    second ends one ('Zhengzhou City')."""
    folded = [word.casefold() for word in words]
    two = len(words) == 2 and (folded[0] in _CITY_FIRST_WORDS or folded[1] in places.CITY_ENDINGS)
    return two or len(words) in (with_district(words), with_suffix(words))


def city_end(city: list[str]) -> bool:
    """Whether the words may be a whole city: their last word may end one ('Center', '[Seoul]' do not), or they are
    a city with its postal district or city mark."""
    return written_as_city(city) or not (no_city(city[-1]) or city[-1].casefold() in NO_CITY_ALONE)


def with_suffix(words: list[str]) -> int:
    """2 when the row ends with a city written with the word that marks a city or a ward ('Luoyang Shi', 'Nishinomiya
    shi', 'Bunkyo ku'), the name it marks a word of a place's length; 0 otherwise (a syllable of a name written apart,
    'Hu He Hao Te Shi', tells no city)."""
    if len(words) < 2 or words[-1].casefold() not in CITY_SUFFIXES:
        return 0
    syllable = len(words) > 2 and len(words[-3]) < _SHORTEST_MARKED and words[-3][:1].isupper()
    return 2 if len(words[-2]) >= _SHORTEST_MARKED and words[-2][:1].isupper() and not syllable else 0


def with_district(words: list[str]) -> int:
    """How many last words are a city shown with its postal district or another mark ('København Ø', 'Praha 10',
    'Lyon Cedex 08', 'Villejuif Cedex', 'Halle (Saale)'): 0 when the last word is none of these."""
    marks = city_marks(words)
    return marks + 1 if marks and len(words) > marks else 0


def city_marks(words: list[str]) -> int:
    """How many last words mark the city before them: its postal district ('Ø', '10'; no city is one letter or a
    number alone), 'Cedex' and its number ('Cedex 08', 'Cedex08'), its other name or code in brackets, one word
    ('(Saale)', '(MI)')."""
    size = 1 if DISTRICT.match(words[-1]) else 0
    size += 1 if len(words) > size and CEDEX.match(words[-1 - size]) else 0
    return size or int(len(words[-1]) > 2 and words[-1][0] == "(" and words[-1][-1] == ")")
