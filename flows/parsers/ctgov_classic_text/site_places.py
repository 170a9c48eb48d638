"""A site row's name, city and state, read from the words before its country (read_place): the placeholders for no
state chosen and for many places, a state misspelt, a region after an acronym or ending the name, and which reading
of the row's end the known places decide."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_after_name import place_after_name, unnamed_site
from flows.parsers.ctgov_classic_text.site_cities import known_city_ending, name_and_city
from flows.parsers.ctgov_classic_text.site_city_marks import with_district
from flows.parsers.ctgov_classic_text.site_names import name_end
from flows.parsers.ctgov_classic_text.site_regions import (
    ACRONYM, is_region, region_code, region_name, region_text, state_always_shown, undotted,
)
from flows.parsers.ctgov_classic_text.site_repeats import city_then_region, repeat_then_region, repeated
from flows.parsers.ctgov_classic_text.site_row_words import Place, SPECIALTY, ends_joined, joined, no_city, starts_city
from flows.parsers.facility_address import INSTITUTION_WORDS

# The registry form's placeholders where a site's state was not chosen, shown as the state's cell ('None Selected',
# 'Choose Any State/Province'): no place, kept as the state the page shows.
_NO_STATE_CHOSEN = (("none", "selected"), ("choose", "any", "state/province"))
# The registry's placeholder for a site entered once for many places, shown as the city's cell ('Multiple Locations',
# 'Various Sites'): no place, kept as the city the page shows.
_MANY_PLACES = re.compile(
    r"(?i)^(?:multiple|many|various|several|numerous)\s+(?:locations|sites|cities|centers|centres)$")


# Words naming a public body: a state's text may open with one ('Government West Bengal', as a registry spells it), a
# site's name may end with one, a city is never written with one.
_BODY_WORDS = frozenset({"government", "govt", "govt.", "ministry", "municipal", "council"})


def read_place(words: list[str], country: str | None) -> tuple[Place, str | None]:
    """Name, city and state from the words before the country; and the doubt, if any."""
    bare = [word.rstrip(",") for word in words]  # a cell's comma ('Salt Lake City, Utah') is no part of it
    folded = [word.casefold() for word in bare]
    if chosen := next((len(shown) for shown in _NO_STATE_CHOSEN
                       if len(bare) > len(shown) + 1 and tuple(folded[-len(shown):]) == shown), 0):
        place, doubt = read_place(words[:-chosen], country)
        return ({**place, "state": region_text(words[-chosen:])}, doubt) if place["city"] else (place, doubt)
    if len(bare) >= 2 and _MANY_PLACES.match(" ".join(bare[-2:])):
        # '1 Multiple Locations Canada', '3 Pfizer Investigational Site Multiple Locations Canada': the city's
        # placeholder ends the row, and the words before it, if any, are the site's name
        return {"name": joined(words[:-2]), "city": joined(bare[-2:]), "state": None}, None
    regions = places.regions(country)
    if unnamed := unnamed_site(bare, regions, country):
        return unnamed, None
    if (end := name_end(bare)) and not any(word.casefold() in places.GENERIC_NAMES for word in folded[end:]):
        return place_after_name(words[:end], words[end:], regions, country)
    if placed := repeat_then_region(words, regions):
        return placed, None
    for size in (3, 2, 1):  # a city shown twice: as city and state, or as the name's end and the city
        if len(bare) > 2 * size and folded[-2 * size:-size] == folded[-size:]:
            return repeated(words, size, regions, country)
        if len(bare) > 2 * size and undotted(folded[-2 * size:-size]) == undotted(folded[-size:]):
            # 'Giresun Gi̇resun': the same place spelt two ways; which spelling is the city the row does not tell
            return {"name": None, "city": None, "state": None}, (
                f"whether '{joined(bare[-2 * size:])}' is the city and its state, or the end of the site's name and "
                "the city")
    state = next((size for size in range(places.LONGEST_REGION, 0, -1) if len(bare) - size >= 2
                  and is_region(words[-size:], regions)
                  # 'Keio University Hospital Tokyo': a region after an institution word is the city, where a row may
                  # show no state ('... State College Pennsylvania': where every row shows one, it is the state)
                  and (not _institution_word(folded[-size - 1]) or state_always_shown(country))
                  and _ends_city_before(bare[:-size], region_name(words[-size:]))), 0)
    state = state or region_code(bare)
    if not state and len(bare) > 2 and places.misspelt_region(folded[-1], country) and not known_city_ending(
            bare, 1) and not _institution_word(folded[-2]):
        # a row's last word one letter from a region ('Maharahstra'), no known city's end ('Las Palmas de Gran
        # Canaria') and after no institution's word (where it is the city: 'Hospital Tianjing', 'Hospital Huizhou')
        return _misspelt_state(words)
    if not state and folded and folded[-1] in places.REGION_ENDINGS:
        return {"name": None, "city": None, "state": None}, (
            f"'{joined(bare)}' ends with a region ('{bare[-1]}') whose first words, and the city before them, the row "
            "does not tell apart")
    if not state and (place := city_then_region(words)):
        return place, None
    region = " ".join(folded[len(folded) - state:])
    if state and not state_always_shown(country) and (longer := known_city_ending(bare, state)):
        if longer == state + 1 and folded[-longer] in places.CITY_STARTS and not ends_joined(words[:-longer]) and (
                folded[-longer - 1] != region):
            # 'Targu Mures', 'New Delhi': the word before the region begins a city and is none alone (after the
            # region's own name, 'Delhi New Delhi', the row may show the city and then its state)
            return {"name": joined(words[:-longer]), "city": joined(bare[-longer:]), "state": None}, None
        return {"name": None, "city": None, "state": None}, (  # 'Reggio Calabria': the city, or a city and its state
            f"whether '{joined(bare[-longer:])}' is the city, or a city and its state")
    if state and words[-state - 1].endswith(",") and not state_always_shown(country):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{joined(bare[-state - 1:])}' is the city and its state, or one city written with its region")
    if state and places.named_as_city(region) and (
            (country or "").casefold() not in places.WITH_STATES or _after_acronym(bare, state, country)):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{joined(bare[-state:])}' is the city, or the state after a city ending the site's name")
    place, doubt = name_and_city(words[:len(words) - state])
    if not state and not doubt and (shown := _city_region_ending(place, regions, country)):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{shown} {place['city']}' is the end of the site's name and the city, or the city and its state")
    # a row shows a city: where the words before a region named as its city do not tell it, the region may be the city;
    # a public body's word before the region may open the state's own text ('Government West Bengal') as well as end
    # the site's name
    named = doubt and (places.named_as_city(region) or bool(state) and folded[-state - 1] in _BODY_WORDS)
    return {**place, "state": None if named else region_text(words[len(words) - state:])}, doubt


def _misspelt_state(words: list[str]) -> tuple[Place, str | None]:
    """A row that ends with a region of its country misspelt ('Maharahstra'): the state as the row writes it, after a
    known city of several words ('ACTREC Navi Mumbai Maharahstra'); where no known city stands before it, the word may
    as well be a city one letter from a region's name ('Parnaiba', 'Paraiba'): a doubt."""
    bare = [word.rstrip(",") for word in words]
    city = known_city_ending(bare[:-1], 1)
    if city and not ends_joined(words[:-1 - city]) and not starts_city(words[:-1 - city]):
        return {"name": joined(words[:-1 - city]), "city": joined(bare[-1 - city:-1]), "state": bare[-1]}, None
    return {"name": None, "city": None, "state": None}, (
        f"whether '{bare[-1]}' is a misspelt state and the city stands before it, or it is the city")


def _institution_word(word: str) -> bool:
    """Whether the (folded) word names an institution or a field of medicine, which ends a site's name."""
    return word in INSTITUTION_WORDS or bool(SPECIALTY.match(word))


def _after_acronym(bare: list[str], state: int, country: str | None) -> bool:
    """Whether a region named as its city follows an acronym ('Hospital CAMS Beijing China'), where rows may show no
    state: an acronym is no city, so the region may be the city after the name's end (or the acronym the city's code).
    A row written in capitals tells nothing by it."""
    return bool(ACRONYM.match(bare[-state - 1])) and not state_always_shown(country) and not " ".join(
        bare[-state:]).isupper()


def _city_region_ending(place: Place, regions: frozenset[str], country: str | None) -> str | None:
    """The region named as its city that ends the site's name, where rows may show no state: the row's last word after
    it ('Istanbul Bagcilar Turkey') may be the state after that city, as well as the city after the name's end. None
    where the name ends with no such region, joins it to the name ('di Roma'), or the city is certain: a known city
    of several words, or no region of a country whose regions are all listed."""
    words, city = (place["name"] or "").split(), (place["city"] or "").casefold()
    if state_always_shown(country) or city in places.MULTI_WORD_CITIES or (
            (country or "").casefold() in places.LISTED_IN_FULL and city not in regions):
        return None
    return next((" ".join(words[-size:]) for size in range(min(places.LONGEST_REGION, len(words) - 1), 0, -1)
                 if is_region(words[-size:], regions) and places.named_as_city(region_name(words[-size:]))
                 and not ends_joined(words[:-size])), None)


def _ends_city_before(words: list[str], region: str) -> bool:
    """Whether the words before a region may end with the city: their last word may end one ('0354', '[Seoul]' do
    not), or they end with a city and its marks ('Nimes Cedex 09 Gard', 'Halle (Saale) Sachsen-Anhalt'), where the
    region is no city's name (a bracket may as well end the site's name before a city: 'Centro (CEMIC) Buenos
    Aires')."""
    return not no_city(words[-1]) or bool(with_district(words)) and not places.named_as_city(region)
