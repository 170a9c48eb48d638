"""A site row's place where the site's name is certain: no name at all (older records list only a place: '1
Edinburgh United Kingdom'), or a name whose end the name shows itself ('Local Institution - 0445', 'Research Site')."""
from __future__ import annotations

from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_city_marks import city_end, written_as_city
from flows.parsers.ctgov_classic_text.site_regions import is_region, region_name, region_text, state_always_shown
from flows.parsers.ctgov_classic_text.site_row_words import Place, city_word, joined
from flows.parsers.facility_address import INSTITUTION_WORDS

# The unions the rows are read against, each made once.
_GENERIC_OR_INSTITUTION = places.GENERIC_NAMES | INSTITUTION_WORDS


def place_after_name(name: list[str], words: list[str], regions: frozenset[str],
                     country: str | None) -> tuple[Place, str | None]:
    """The city and state after a name whose end is certain ('Local Institution - 0445', 'Research Site'): one word is
    the city; a known city of several words, or a city with its postal district, is the city alone; else a state the
    lists know ends the row and the words before it are the city ('Fair Oaks California'), and a city's name repeated
    after its 'City' is its state ('Tainan City Tainan'). A state named as its city where rows may show none ('Goztepe
    Istanbul') after words no known city, a state after a comma where rows may show none (one city written with its
    region: 'Kita-ku, Tokyo'), and words no known place tells apart, are a doubt: the name is kept."""
    bare = [word.rstrip(",") for word in words]
    named = {"name": " ".join(name)}
    folded = [word.casefold() for word in bare]
    if (len(bare) == 1 or " ".join(folded) in places.MULTI_WORD_CITIES or written_as_city(bare)) and city_end(bare):
        return {**named, "city": " ".join(words), "state": None}, None
    state = next((size for size in range(min(places.LONGEST_REGION, len(bare) - 1), 0, -1)
                  if is_region(words[-size:], regions)), 0)
    if not state and len(bare) == 3 and folded[0] == folded[2] and folded[1] in places.CITY_ENDINGS:
        state = 1
    city, region = bare[:len(bare) - state], region_name(words[-state:]) if state else ""
    known = " ".join(folded[:len(city)]) in places.MULTI_WORD_CITIES
    comma = state and words[-state - 1].endswith(",") and not state_always_shown(country)  # 'Kita-ku, Tokyo'
    if state and (not places.named_as_city(region) or known or (country or "").casefold() in places.WITH_STATES) and (
            city_end(city)) and not comma:
        return {**named, "city": " ".join(words[:len(words) - state]), "state": region_text(words[-state:])}, None
    return {**named, "city": None, "state": None}, (
        f"where the city ends in '{joined(bare)}' after the site's name '{' '.join(name)}', and its state begins")


def unnamed_site(bare: list[str], regions: frozenset[str], country: str | None) -> Place | None:
    """A site the registry gives no name (older records list only a place): the row shows a city alone ('1 Edinburgh
    United Kingdom') or a city and its state ('1 Las Vegas Nevada United States'). Every site shows its city, so one
    word is the city; before a state, one word or a city known by its words is. A state named as its city ('Berlin')
    or a word that names an institution ('Hospital') may end a site's name: such rows are read as before. None for
    any other row. Where every site shows its state, a region named as a city is the state too ('Albany New York')."""
    if len(bare) == 1 and bare[0].casefold() not in places.GENERIC_NAMES:
        return {"name": None, "city": bare[0], "state": None}
    for size in range(min(places.LONGEST_REGION, len(bare) - 1), 0, -1):
        region, before = region_name(bare[-size:]), bare[:-size]
        if region not in regions or (region in places.CITY_REGIONS and not state_always_shown(country)):
            continue
        city = " ".join(before)
        if (len(before) == 1 and city.casefold() not in _GENERIC_OR_INSTITUTION
                and city_word(city)) or city.casefold() in places.MULTI_WORD_CITIES:
            return {"name": None, "city": city, "state": region_text(bare[-size:])}
    return None
