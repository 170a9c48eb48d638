"""A site row that shows a city twice: as the city and its state, or as the end of the site's name and the city
('Barcelona Barcelona', 'VA Medical Center, Oklahoma City Oklahoma City Oklahoma'); and a city before a region no
list holds, told by a repeat ('Tainan City Tainan')."""
from __future__ import annotations

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_cities import city_repeated, known_city_ending
from flows.parsers.ctgov_classic_text.site_regions import region_name, region_repeat_shown, region_text, region_word
from flows.parsers.ctgov_classic_text.site_row_words import Place, city_word, ends_joined, joined

# The unions the rows are read against, each made once.
_NAMED_AS_CITIES = places.CITY_REGIONS | places.CITY_NAMED_REGIONS


def repeat_then_region(words: list[str], regions: frozenset[str]) -> Place | None:
    """A site's name that ends with its city (and state), then the city and its state: 'VA Medical Center, Oklahoma
    City Oklahoma City Oklahoma', 'Sunnybrook HSC - Toronto, Ontario Toronto Ontario'. Read from the state back, the
    city is the words the name ends with. A state named as its city ('Barcelona') is left to the rows that repeat
    a city (repeated): None for it, and for any row that shows no such repeat."""
    bare = [word.rstrip(",") for word in words]
    for size in range(min(places.LONGEST_REGION, len(bare) - 2), 0, -1):
        region = region_name(bare[-size:])
        if region not in regions or region in _NAMED_AS_CITIES:
            continue
        before = bare[:-size]
        if city := city_repeated(before):  # '... Oklahoma City Oklahoma City' + 'Oklahoma'
            return {"name": joined(words[:-size - city]), "city": joined(before[-city:]),
                    "state": region_text(words[-size:])}
        folded = [word.casefold() for word in before]
        shown = [word.casefold() for word in bare[-size:]]
        for city in range(1, places.LONGEST_CITY + 1):  # '... Toronto, Ontario' + 'Toronto' + 'Ontario'
            if len(before) > 2 * city + size and folded[-city - size:-city] == shown and (
                    folded[-2 * city - size:-city - size] == folded[-city:]):
                return {"name": joined(words[:-size - city]), "city": joined(before[-city:]),
                        "state": region_text(words[-size:])}
    return None


def city_then_region(words: list[str]) -> Place | None:
    """A city followed by a one-word region no list here holds, told by a repeat: the site's name ends with its city
    and the city follows ('Universitätsmedizin Rostock Rostock Pommerania'), or the region repeats the city's first word
    ('Tainan City Tainan'). None for any other row."""
    bare = [word.rstrip(",") for word in words]
    if len(bare) < 4 or not region_word(bare[-1]):
        return None
    folded = [word.casefold() for word in bare]
    if folded[-3] == folded[-2] and region_word(bare[-2]) and city_word(bare[-2]) and city_word(bare[-1]) and (
            " ".join(folded[-2:]) not in places.MULTI_WORD_CITIES):  # 'Cluj Cluj Napoca': the city is 'Cluj Napoca'
        return {"name": " ".join(words[:-2]), "city": bare[-2], "state": bare[-1]}
    if folded[-3] == folded[-1] and folded[-2] in places.CITY_ENDINGS and len(bare) > 4:
        return {"name": " ".join(words[:-3]), "city": joined(bare[-3:-1]), "state": bare[-1]}
    return None


def repeated(words: list[str], size: int, regions: frozenset[str], country: str | None) -> tuple[Place, str | None]:
    """'<name> X X': X is the city and the state, or the name ends with X and X is the city."""
    bare = [word.rstrip(",") for word in words]
    name, city = words[:-2 * size], joined(bare[-size:])
    named = {"name": " ".join(words[:-size]), "city": city, "state": None}
    lone_generic = len(name) == 1 and name[0].rstrip(",").casefold() in places.GENERIC_NAMES
    if longer := known_city_ending(bare[:-size], size):  # 'New Delhi Delhi': a known city ends with X, X its state
        if city.casefold() in regions:
            return {"name": joined(words[:-size - longer]), "city": joined(bare[-size - longer:-size]),
                    "state": city}, None
        return {"name": None, "city": None, "state": None}, (
            f"whether '{joined(bare[-size - longer:])}' is the city, or the city and its state")
    if ends_joined(name):  # no name ends with 'de': the name goes on with the city ('Hospital Clinic de Barcelona')
        return named, None
    if city.casefold() in regions and not lone_generic:
        # 'Barcelona Barcelona' in Spain, 'Charité Berlin Berlin' in Germany: the region, or the name's end
        if city.casefold() in places.CITY_NAMED_REGIONS or not region_repeat_shown(country):
            return {"name": None, "city": city, "state": None}, (
                f"'{city} {city}' is the city and its state, or the end of the site's name and the city")
        return {"name": " ".join(name), "city": city, "state": city}, None
    # a country's regions are listed in Latin letters: a name in another script ('北京 北京') may still be one
    if lone_generic or ((country or "").casefold() in places.LISTED_IN_FULL and _latin(city)):
        return named, None  # 'Hospital Clinic de Barcelona Barcelona'; 'Klinikum Stuttgart Stuttgart Germany'
    return {"name": None, "city": city, "state": None}, (
        f"'{city} {city}' is the city and its state, or the end of the site's name and the city")


def _latin(text: str) -> bool:
    """Whether every letter of the text is a Latin one ('São Paulo', not 'Москва' or '北京')."""
    return all(ord(character) < 0x250 for character in text if character.isalpha())
