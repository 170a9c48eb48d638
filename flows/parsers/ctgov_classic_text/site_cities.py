"""A site row's city: where the site's name ends and the city begins (name_and_city), cities of several words, a city
the name repeats, a city with its marks; and rows whose name may end with a city before another city
(cities_in_names)."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_city_marks import CEDEX, CITY_SUFFIXES, city_marks, with_suffix
from flows.parsers.ctgov_classic_text.site_regions import is_region
from flows.parsers.ctgov_classic_text.site_row_words import (
    NO_CITY_ALONE, Place, SPECIALTY, ends_joined, joined, no_city, starts_city,
)
from flows.parsers.facility_address import INSTITUTION_WORDS, city_size, last_words

# Compass points: they begin a city ('West Columbia') and end a site's name ('Hospital East', 'Medical Center South').
_COMPASS = frozenset({"north", "south", "east", "west"})
# A name's initials or an abbreviation written with full stops ('D.C.', 'D.c.', 'N.Y.'): no city alone.
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){2,}$")
# The unions the rows are read against, each made once.
_NO_CITY_OF_ITS_OWN = places.CITY_ENDINGS | CITY_SUFFIXES | NO_CITY_ALONE


def cities_in_names(sites: list[dict[str, object]], numbered: dict[int, str]) -> list[str]:
    """Why each row read as a site whose name ends with a known city of several words, then a city of one word and
    no state, is undecidable where other rows of its country show a state ('... Cancer Navi Mumbai Raigad India'
    beside '... Mumbai Maharashtra India'): the word may be the state (a district no list here holds) after the
    city. Such a row keeps its name, city and state unread (the site is kept, with its country)."""
    shows_state = {site["country"] for site in sites if site["state"] and is_region(
        str(site["state"]).split(), places.regions(str(site["country"])))}
    doubts = []
    for index, number in numbered.items():
        site = sites[index]
        name, city = str(site["name"] or "").split(), str(site["city"] or "")
        if site["state"] or not city or " " in city or site["country"] not in shows_state:
            continue
        if known := known_city_ending([word.rstrip(",") for word in name], 1):
            sites[index] = {**site, "name": None, "city": None}
            doubts.append(f"site {number}: whether '{joined(name[-known:])} {city}' is a city and its state, or "
                          f"the site's name ends with '{joined(name[-known:])}' and the city follows")
    return doubts


def known_city_ending(words: list[str], shortest: int) -> int:
    """How many last words are a known city of more than `shortest` words ('Ciudad de Buenos Aires'); 0 if none."""
    if not words or words[-1].casefold() not in last_words(places.MULTI_WORD_CITIES):  # no known city ends so
        return 0
    for size in range(min(places.LONGEST_CITY, len(words) - 1), shortest, -1):
        if " ".join(words[-size:]).casefold() in places.MULTI_WORD_CITIES:
            return size
    return 0


def name_and_city(words: list[str]) -> tuple[Place, str | None]:
    """The city at the end of the words (a known city of several words kept whole), the name before it."""
    bare = [word.rstrip(",") for word in words]
    if size := city_repeated(bare):  # 'VA Medical Center, Durham Durham' before its state: the name ends with the city
        return {"name": joined(words[:-size]), "city": joined(bare[-size:])}, None
    if (marks := city_marks(bare)) and len(bare) > marks + 1:
        return _city_with_marks(words, marks)
    if size := known_city_ending(bare, 1):
        if ends_joined(words[:-size]) or starts_city(words[:-size]):
            # 'Cuidad Autonoma de Buenos Aires', 'West Los Angeles': the city may begin before the known one
            return {"name": None, "city": None}, f"where the city that ends '{' '.join(words)}' begins"
        return {"name": " ".join(words[:-size]), "city": " ".join(words[-size:]).rstrip(",")}, None
    if (size := with_suffix(bare)) and len(bare) > size:
        return {"name": " ".join(words[:-size]), "city": joined(bare[-size:])}, None
    size = city_size(words)
    split = {"name": joined(words[:len(words) - size]), "city": joined(bare[len(bare) - size:])}
    if (whole := _city_kept_whole(split)) != split:  # the name repeats the city's first words: the city is whole
        return whole, None
    name, city = split["name"], split["city"]
    if city and (no_city(city.split()[-1]) or _INITIALS.match(city)):
        # 'London, City Of', 'Seoul [Seoul]', 'Bogotá D.C.': the row ends with more than a city
        return {"name": None, "city": None}, f"'{' '.join(words)}' ends with '{city}', which is no city"
    if city and _city_after_institution(split):  # 'Health Sciences Centre St. John's'
        return split, None
    # a city of several words not known as one ('Hospital East Kashiwa') may as well end the name
    if city and (" " in city or city.casefold() in _NO_CITY_OF_ITS_OWN or SPECIALTY.match(city)
                 or ends_joined((name or "").split()) or starts_city((name or "").split())):
        return {"name": None, "city": None}, f"where '{' '.join(words)}' splits into the site's name and its city"
    return split, None


def _city_after_institution(split: dict[str, str | None]) -> bool:
    """Whether a city of two words after an institution word is certain: its first word begins a city and ends no
    site's name ('Health Sciences Centre St. John's', 'Hospital San Jose'; a compass point may end one: 'National
    Cancer Center Hospital East Kashiwa')."""
    name, city = (split["name"] or "").split(), (split["city"] or "").split()
    return (len(city) == 2 and bool(name) and name[-1].rstrip(",").casefold() in INSTITUTION_WORDS
            and city[0].casefold() in places.CITY_STARTS - _COMPASS)


def city_repeated(words: list[str]) -> int:
    """How many last words are a city that the words before them repeat (the site's name ends with its city, and the
    city follows: 'Guthrie Clinic Sayre Sayre'); 0 when none is repeated. Read where the state has been taken off the
    row, such words are no city and its state."""
    folded = [word.casefold() for word in words]
    return next((size for size in range(3, 0, -1) if len(words) > 2 * size
                 and folded[-2 * size:-size] == folded[-size:]), 0)


def _city_with_marks(words: list[str], marks: int) -> tuple[Place, str | None]:
    """A city with its marks ('Lyon Cedex08', 'Rozzano (MI)'): the word before the marks is the city, unless it ends a
    known city of several words or the name's last word may begin it ('Le Mans Cedex', 'Saint Herblain Cedex'), read
    as any other city is; the marks are kept with the city. Where the name ends with the city and a district or a
    bracket follows ('Praha Praha 4'), the row may as well show the city and its state ('Praha 4'): a doubt ('Cedex'
    marks a city, never a state)."""
    bare = [word.rstrip(",") for word in words]
    base = bare[:-marks]
    if city_repeated(base) == 1 and not any(CEDEX.match(word) for word in bare[-marks:]):
        return {"name": None, "city": None}, (
            f"'{joined(bare[-marks - 2:])}' is the city and its state, or the end of the site's name and the city")
    if known_city_ending(base, 1) or ends_joined(base[:-1]) or starts_city(base[:-1]):
        place, doubt = name_and_city(words[:-marks])
    else:
        place, doubt = {"name": joined(words[:-marks - 1]), "city": base[-1]}, None
    size = len((place["city"] or "").split())
    city = place["city"] and " ".join(words[-marks - size:]).rstrip(",")
    return {**place, "city": city}, doubt


def _city_kept_whole(split: dict[str, str | None]) -> dict[str, str | None]:
    """A site named after a city of several words keeps the whole city ('University of California, San
    Francisco San Francisco'): the words before the city that repeat it with the city's last word."""
    words, city = (split["name"] or "").split(), split["city"]
    if not city or " " in city:
        return split
    for size in (2, 3):  # the city's words in all; the name ends with them and then with all but the last
        if len(words) > 2 * size - 1 and words[-(2 * size - 1):-(size - 1)] == [*words[-(size - 1):], city]:
            return {**split, "name": " ".join(words[:-(size - 1)]), "city": " ".join([*words[-(size - 1):], city])}
    return split
