"""clincosm study page, the Locations table: one row per site ('1 <site> <city> <state> <country> <postal code>').

The cells are joined by spaces. The postal code and the country are read by facility_address; what is left is the
site's name, its city and (where the registry has one) its state, told apart by what is known of places
(place_names), or after a name whose end the name shows itself (site_names: 'Local Institution - 0445', 'Research
Site'). Where the page allows two readings that known places cannot decide between, the row keeps what both readings
agree on and the page gets a problem naming the row: the split is not guessed. A row that ends with no country the
parser knows keeps only its postal code, with a problem; a row that shows a country alone is a site listed by it.
"""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.page_controls import shows_all
from flows.parsers.ctgov_classic_text.site_names import name_end
from flows.parsers.facility_address import COUNTRIES, INSTITUTION_WORDS, city_size, last_words, split_location_row
from flows.parsers.page_text import nonblank
from schemas.enums import RECRUITMENT_STATUS

UNDECIDABLE = "clincosm location row undecidable"
_LOCATION_ROW = re.compile(r"^(\d+)\s+\S")
_LOCATION_ROW_NUMBER = re.compile(r"^\s*\d+\s+")
# Postal codes written in two parts: Sweden, Czechia, Slovakia, Greece ('413 45', 'SE-801 87'), the Netherlands
# ('1105 AZ'), Japan ('565 0871'), Poland and India as some sites write theirs ('02 781', '560 017'), Ireland
# ('D08 E9P6').
_SPACED_CODE = re.compile(r"^(?:(?:[A-Z]{2}-)?\d{2,5} \d{2,4}|\d{4} [A-Z]{2}|[A-Z]\d{2} [A-Z\d]{4})$")
# A postal code written in more parts than a pattern here knows ('HA 6 2RN', '91179 - 06003') has at most this many.
_LONGEST_CODE = 3
_LONGEST_COUNTRY = max(len(name.split()) for name in COUNTRIES | places.MORE_COUNTRIES)
# The table's columns after the row number, as its heading names them: 'Site City State Country Postal Code'.
_COLUMNS = 5
# Words that join a name to what follows ('Hospital Clinic de Barcelona'): no site name ends with one.
# A dash or a slash alone joins two parts of a name or of a place ('San Giovanni - Rotondo', 'Bakirkoy / Istanbul').
_JOINING_WORDS = frozenset("de del della di da do dos das du des la le les el of the and y i e für van von der & im "
                           "am an upon on sur sous en - – /".split())
# A postal district after its city ('København Ø', 'Aarhus N', 'Praha 10'): one letter, or a number.
_DISTRICT = re.compile(r"^(?:[^\W\d_]|\d{1,2})$")
# France's business postal mark after a city, with its number or without ('Cedex', 'Cedex 08', 'Cédex', 'Cedex08').
_CEDEX = re.compile(r"^c[ée]dex\d{0,2}$", re.IGNORECASE)
# Words written after a city's or a ward's name in Japan, China and Korea ('Luoyang Shi', 'Bunkyo ku', 'Suwon si').
_CITY_SUFFIXES = frozenset({"shi", "ku", "si", "gu", "machi"})
_SHORTEST_MARKED = 4
# Compass points: they begin a city ('West Columbia') and end a site's name ('Hospital East', 'Medical Center South').
_COMPASS = frozenset({"north", "south", "east", "west"})
# A place's code ('Roma RM', 'Geneva GE', a city's 'SP'): two or three capitals; an acronym of four or more ends a
# site's name ('Hospital CAMS', 'IRCCS').
_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")
_ACRONYM = re.compile(r"^[A-Z]{4,}$")
# A field of medicine that ends a site's name ('Hayami Dermatology', 'Centro di Cardiologia', 'Suzuki Pediatrics'):
# its English, Latin and Romance endings. No city is named so.
_SPECIALTY = re.compile(r"(?i)^\w{3,}(?:olog(?:y|ie|ia|ía|ica|ique)|iatrics|iatry|iatrie|iatria|p(?:a)?edics)$")
# A name's initials or an abbreviation written with full stops ('D.C.', 'D.c.', 'N.Y.'): no city alone.
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.){2,}$")
# The registry form's placeholders where a site's state was not chosen, shown as the state's cell ('None Selected',
# 'Choose Any State/Province'): no place, kept as the state the page shows.
_NO_STATE_CHOSEN = (("none", "selected"), ("choose", "any", "state/province"))
# The registry's placeholder for a site entered once for many places, shown as the city's cell ('Multiple Locations',
# 'Various Sites'): no place, kept as the city the page shows.
_MANY_PLACES = re.compile(
    r"(?i)^(?:multiple|many|various|several|numerous)\s+(?:locations|sites|cities|centers|centres)$")
# The combining dot above an 'i' that lowering a Turkish 'İ' leaves ('İzmir' -> 'i̇zmir').
_DOT_ABOVE = "\u0307"
# Words that are part of a place's name and never a whole one: a postal district's mark, a city's last word.
_PLACE_PARTS = frozenset({"cedex"}) | places.CITY_ENDINGS
# Words that name an institution or end a region's name ('Brooklyn Center', 'Haidian District'): no city alone
# ('Canton' is a city's name as well, as in Ohio).
_NO_CITY_ALONE = INSTITUTION_WORDS | (places.REGION_ENDINGS - {"canton"})
# The unions the rows are read against, each made once.
_COUNTRY_NAMES = COUNTRIES | places.MORE_COUNTRIES
_GENERIC_OR_INSTITUTION = places.GENERIC_NAMES | INSTITUTION_WORDS
_NAMED_AS_CITIES = places.CITY_REGIONS | places.CITY_NAMED_REGIONS
_CITY_FIRST_WORDS = places.CITY_STARTS | _JOINING_WORDS
_NO_CITY_OF_ITS_OWN = places.CITY_ENDINGS | _CITY_SUFFIXES | _NO_CITY_ALONE
Place = dict[str, str | None]


def locations(lines: list[str]) -> tuple[list[dict[str, object]], list[str]]:
    """The numbered rows, each with the recruitment status shown on a line of its own below it; and for each row
    that cannot be read whole (name and city not told apart, no known country), and each line that is none of the
    table's (a row without its number, a note, the site's 'Show 12 more locations'), why: a 'Show all 45 locations'
    below the 45 rows is the site's control. Such a line is not quoted: it may name a contact."""
    sites: list[dict[str, object]] = []
    doubts: list[str] = []
    shown = nonblank(lines)
    joined = -1  # the line a wrapped row goes on to
    numbered: dict[int, str] = {}  # a site's place in `sites` -> its row number
    for at, line in enumerate(shown):
        if match := _LOCATION_ROW.match(line):
            site, doubt, wrapped = _unwrapped_row(line, shown[at + 1:at + 2])
            numbered[len(sites)] = match.group(1)
            sites.append({**site, "status": site.get("status")})
            joined = at + 1 if wrapped else joined
            if doubt:
                doubts.append(f"site {match.group(1)}: {doubt}")
        elif sites and sites[-1]["status"] is None and (status := _site_status(line)):
            sites[-1]["status"] = status
        elif at == joined or _TABLE_HEADER.fullmatch(line.strip()) or shows_all(line, len(sites)):
            continue
        elif (country := _country_alone(line.split())) is None:
            doubts.append(f"line {at + 1} under 'Locations' is no numbered site row, site status or country: "
                          f"{_after_row(sites)} it is not read")
        elif not _heads_rows(country, shown[at + 1:]):
            sites.append({**_NO_PLACE, "country": country, "status": None})
    return sites, doubts + _cities_in_names(sites, numbered)


def _cities_in_names(sites: list[dict[str, object]], numbered: dict[int, str]) -> list[str]:
    """Why each row read as a site whose name ends with a known city of several words, then a city of one word and
    no state, is undecidable where other rows of its country show a state ('... Cancer Navi Mumbai Raigad India'
    beside '... Mumbai Maharashtra India'): the word may be the state (a district no list here holds) after the
    city. Such a row keeps its name, city and state unread (the site is kept, with its country)."""
    shows_state = {site["country"] for site in sites if site["state"] and _is_region(
        str(site["state"]).split(), places.regions(str(site["country"])))}
    doubts = []
    for index, number in numbered.items():
        site = sites[index]
        name, city = str(site["name"] or "").split(), str(site["city"] or "")
        if site["state"] or not city or " " in city or site["country"] not in shows_state:
            continue
        if known := _known_city_ending([word.rstrip(",") for word in name], 1):
            sites[index] = {**site, "name": None, "city": None}
            doubts.append(f"site {number}: whether '{_joined(name[-known:])} {city}' is a city and its state, or "
                          f"the site's name ends with '{_joined(name[-known:])}' and the city follows")
    return doubts


# The table's header row, its cells parted by spaces or tabs ('Site City State Country Postal Code').
_TABLE_HEADER = re.compile(r"(?i)site\s+city\s+state\s+country(?:\s+postal\s+code)?(?:\s+(?:site\s+)?status)?")


def _after_row(sites: list[dict[str, object]]) -> str:
    """Where an unread line stands: after which site row, for the problem's detail."""
    return f"below site {len(sites)}," if sites else "above the first site row,"


# A site the registry gives by its country only: no name, city, state or postal code.
_NO_PLACE = {"name": None, "city": None, "state": None, "zip": None}


def _heads_rows(country: str, below: list[str]) -> bool:
    """Whether a line that shows a country alone, with no row number, heads the rows below it (a copy that groups
    the sites by country): the next line is a row in that country. Otherwise it is a site given by its country only
    (as a row numbered '1 China' is)."""
    if not below or not _LOCATION_ROW.match(below[0]):
        return False
    return site_row(below[0])[0]["country"] == country


def _unwrapped_row(line: str, below: list[str]) -> tuple[dict[str, str | None], str | None, bool]:
    """site_row of the row; of a row that a copy wrapped at a fixed width (it ends with no country, and with the line
    below, that is no row of its own, it does), site_row of the two lines joined; and whether they were."""
    site, doubt = site_row(line)
    if site["country"] is None and below and not _LOCATION_ROW.match(below[0]):
        whole, whole_doubt = site_row(f"{line} {below[0]}")
        if whole["country"] is not None:
            return whole, whole_doubt, True
    return site, doubt, False


def _site_status(line: str) -> str | None:
    """'Recruiting' -> RECRUITING when the line is a site recruitment status, else None (contacts, notes)."""
    status = labels.overall_status(line)
    return status if status in RECRUITMENT_STATUS else None


def site_row(line: str) -> tuple[dict[str, str | None], str | None]:
    """One row's facility columns, and why it cannot be read whole (None when it can)."""
    if (cells := _cells(line)) is not None:
        return cells, None
    split = split_location_row(line)
    words = line.split()[1:]  # without the row number
    zip_code, country = split["zip"], split["country"]
    if country is None and len(words) > 3 and _SPACED_CODE.match(" ".join(words[-2:])):
        zip_code = " ".join(words[-2:])
    words = words[:len(words) - len((zip_code or "").split())]
    country = (country if zip_code == split["zip"] else _ending_country(words, COUNTRIES)) or _ending_country(
        words, places.MORE_COUNTRIES)
    if country is None and (shown := _code_after_country(line.split()[1:])):
        country, zip_code = shown
        words = line.split()[1:len(line.split()) - len(zip_code.split())]
    if country is None and (shown := _country_alone(words)):  # a site the registry lists by its country only
        return {"name": None, "city": None, "state": None, "zip": zip_code, "country": shown}, None
    if country is None:  # every site has a country: the row's last words are one the parser does not know
        return {"name": None, "city": None, "state": None, "zip": zip_code, "country": None}, (
            f"no country known to the parser ends '{' '.join(words)}'")
    place, doubt = read_place(words[:len(words) - len(country.split())], country)
    return {**place, "zip": zip_code, "country": country}, doubt


def _country_alone(words: list[str]) -> str | None:
    """The country a row shows alone ('1 France', '1 Germany 10117': a site listed by its country only), None when
    the words are no known country."""
    shown = " ".join(words)
    return shown if shown.casefold() in _COUNTRY_NAMES else None


def _code_after_country(words: list[str]) -> tuple[str, str] | None:
    """The country and the postal code of a row whose code is written in parts no code pattern knows ('Peru Lima 11',
    'Sweden SE 751 85', 'United Kingdom HA 6 2RN'): the words after a known country, with a digit among them; None
    when no known country is followed by such a code."""
    for size in range(2, _LONGEST_CODE + 1):
        code, before = words[-size:], words[:-size]
        if len(before) > 1 and any(character.isdigit() for character in code[-1]) and not _SPACED_CODE.match(
                " ".join(code)) and (country := _ending_country(before, _COUNTRY_NAMES)):
            return country, " ".join(code)
    return None


def _cells(line: str) -> dict[str, str | None] | None:
    """A row copied with its cells parted by tabs ('1<TAB>Site<TAB>City<TAB>State<TAB>Country<TAB>Postal Code', an
    empty cell where the site has no state, the site's recruitment status in a last cell where the page shows one):
    the cells say where each column ends. None for any other row."""
    if "\t" not in line:
        return None
    cells = [cell.strip() or None for cell in _LOCATION_ROW_NUMBER.sub("", line).split("\t")]
    shows_status = len(cells) == _COLUMNS + 1
    status = _site_status(cells.pop() or "") if shows_status else None
    if shows_status and not status:  # a last cell that is no recruitment status: the cells are not the columns
        return None
    cells += [None] * (_COLUMNS - len(cells)) if len(cells) == _COLUMNS - 1 else []  # no postal code: no last tab
    if len(cells) != _COLUMNS or None in (cells[0], cells[3]):  # every site has a name and a country
        return None
    name, city, state, country, zip_code = cells
    return {"name": name, "city": city, "state": state, "zip": zip_code, "country": country, "status": status}


def _ending_country(words: list[str], names: frozenset[str]) -> str | None:
    """A country or territory of `names` ending the words (a name before it)."""
    for size in range(min(_LONGEST_COUNTRY, len(words) - 1), 0, -1):
        if " ".join(words[-size:]).casefold() in names:
            return " ".join(words[-size:])
    return None


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
        return ({**place, "state": _region_text(words[-chosen:])}, doubt) if place["city"] else (place, doubt)
    if len(bare) >= 2 and _MANY_PLACES.match(" ".join(bare[-2:])):
        # '1 Multiple Locations Canada', '3 Pfizer Investigational Site Multiple Locations Canada': the city's
        # placeholder ends the row, and the words before it, if any, are the site's name
        return {"name": _joined(words[:-2]), "city": _joined(bare[-2:]), "state": None}, None
    regions = places.regions(country)
    if unnamed := _unnamed_site(bare, regions, country):
        return unnamed, None
    if (end := name_end(bare)) and not any(word.casefold() in places.GENERIC_NAMES for word in folded[end:]):
        return _place_after_name(words[:end], words[end:], regions, country)
    if placed := _repeat_then_region(words, regions):
        return placed, None
    for size in (3, 2, 1):  # a city shown twice: as city and state, or as the name's end and the city
        if len(bare) > 2 * size and folded[-2 * size:-size] == folded[-size:]:
            return _repeated(words, size, regions, country)
        if len(bare) > 2 * size and _undotted(folded[-2 * size:-size]) == _undotted(folded[-size:]):
            # 'Giresun Gi̇resun': the same place spelt two ways; which spelling is the city the row does not tell
            return {"name": None, "city": None, "state": None}, (
                f"whether '{_joined(bare[-2 * size:])}' is the city and its state, or the end of the site's name and "
                "the city")
    state = next((size for size in range(places.LONGEST_REGION, 0, -1) if len(bare) - size >= 2
                  and _is_region(words[-size:], regions)
                  # 'Keio University Hospital Tokyo': a region after an institution word is the city, where a row may
                  # show no state ('... State College Pennsylvania': where every row shows one, it is the state)
                  and (not _institution_word(folded[-size - 1]) or _state_always_shown(country))
                  and _ends_city_before(bare[:-size], _region_name(words[-size:]))), 0)
    state = state or _region_code(bare)
    if not state and len(bare) > 2 and places.misspelt_region(folded[-1], country) and not _known_city_ending(
            bare, 1) and not _institution_word(folded[-2]):
        # a row's last word one letter from a region ('Maharahstra'), no known city's end ('Las Palmas de Gran
        # Canaria') and after no institution's word (where it is the city: 'Hospital Tianjing', 'Hospital Huizhou')
        return _misspelt_state(words)
    if not state and folded and folded[-1] in places.REGION_ENDINGS:
        return {"name": None, "city": None, "state": None}, (
            f"'{_joined(bare)}' ends with a region ('{bare[-1]}') whose first words, and the city before them, the row "
            "does not tell apart")
    if not state and (place := _city_then_region(words)):
        return place, None
    region = " ".join(folded[len(folded) - state:])
    if state and not _state_always_shown(country) and (longer := _known_city_ending(bare, state)):
        if longer == state + 1 and folded[-longer] in places.CITY_STARTS and not _ends_joined(words[:-longer]) and (
                folded[-longer - 1] != region):
            # 'Targu Mures', 'New Delhi': the word before the region begins a city and is none alone (after the
            # region's own name, 'Delhi New Delhi', the row may show the city and then its state)
            return {"name": _joined(words[:-longer]), "city": _joined(bare[-longer:]), "state": None}, None
        return {"name": None, "city": None, "state": None}, (  # 'Reggio Calabria': the city, or a city and its state
            f"whether '{_joined(bare[-longer:])}' is the city, or a city and its state")
    if state and words[-state - 1].endswith(",") and not _state_always_shown(country):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{_joined(bare[-state - 1:])}' is the city and its state, or one city written with its region")
    if state and places.named_as_city(region) and (
            (country or "").casefold() not in places.WITH_STATES or _after_acronym(bare, state, country)):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{_joined(bare[-state:])}' is the city, or the state after a city ending the site's name")
    place, doubt = _name_and_city(words[:len(words) - state])
    if not state and not doubt and (shown := _city_region_ending(place, regions, country)):
        return {"name": None, "city": None, "state": None}, (
            f"whether '{shown} {place['city']}' is the end of the site's name and the city, or the city and its state")
    # a row shows a city: where the words before a region named as its city do not tell it, the region may be the city;
    # a public body's word before the region may open the state's own text ('Government West Bengal') as well as end
    # the site's name
    named = doubt and (places.named_as_city(region) or bool(state) and folded[-state - 1] in _BODY_WORDS)
    return {**place, "state": None if named else _region_text(words[len(words) - state:])}, doubt


def _misspelt_state(words: list[str]) -> tuple[Place, str | None]:
    """A row that ends with a region of its country misspelt ('Maharahstra'): the state as the row writes it, after a
    known city of several words ('ACTREC Navi Mumbai Maharahstra'); where no known city stands before it, the word may
    as well be a city one letter from a region's name ('Parnaiba', 'Paraiba'): a doubt."""
    bare = [word.rstrip(",") for word in words]
    city = _known_city_ending(bare[:-1], 1)
    if city and not _ends_joined(words[:-1 - city]) and not _starts_city(words[:-1 - city]):
        return {"name": _joined(words[:-1 - city]), "city": _joined(bare[-1 - city:-1]), "state": bare[-1]}, None
    return {"name": None, "city": None, "state": None}, (
        f"whether '{bare[-1]}' is a misspelt state and the city stands before it, or it is the city")


def _undotted(words: list[str]) -> list[str]:
    """The words without the dot that lowering a Turkish 'İ' leaves on its 'i' ('gi̇resun' is 'giresun')."""
    return [word.replace(_DOT_ABOVE, "") for word in words]


def _institution_word(word: str) -> bool:
    """Whether the (folded) word names an institution or a field of medicine, which ends a site's name."""
    return word in INSTITUTION_WORDS or bool(_SPECIALTY.match(word))


def _after_acronym(bare: list[str], state: int, country: str | None) -> bool:
    """Whether a region named as its city follows an acronym ('Hospital CAMS Beijing China'), where rows may show no
    state: an acronym is no city, so the region may be the city after the name's end (or the acronym the city's code).
    A row written in capitals tells nothing by it."""
    return bool(_ACRONYM.match(bare[-state - 1])) and not _state_always_shown(country) and not " ".join(
        bare[-state:]).isupper()


def _city_region_ending(place: Place, regions: frozenset[str], country: str | None) -> str | None:
    """The region named as its city that ends the site's name, where rows may show no state: the row's last word after
    it ('Istanbul Bagcilar Turkey') may be the state after that city, as well as the city after the name's end. None
    where the name ends with no such region, joins it to the name ('di Roma'), or the city is certain: a known city
    of several words, or no region of a country whose regions are all listed."""
    words, city = (place["name"] or "").split(), (place["city"] or "").casefold()
    if _state_always_shown(country) or city in places.MULTI_WORD_CITIES or (
            (country or "").casefold() in places.LISTED_IN_FULL and city not in regions):
        return None
    return next((" ".join(words[-size:]) for size in range(min(places.LONGEST_REGION, len(words) - 1), 0, -1)
                 if _is_region(words[-size:], regions) and places.named_as_city(_region_name(words[-size:]))
                 and not _ends_joined(words[:-size])), None)


def _place_after_name(name: list[str], words: list[str], regions: frozenset[str],
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
    if (len(bare) == 1 or " ".join(folded) in places.MULTI_WORD_CITIES or _written_as_city(bare)) and _city_end(bare):
        return {**named, "city": " ".join(words), "state": None}, None
    state = next((size for size in range(min(places.LONGEST_REGION, len(bare) - 1), 0, -1)
                  if _is_region(words[-size:], regions)), 0)
    if not state and len(bare) == 3 and folded[0] == folded[2] and folded[1] in places.CITY_ENDINGS:
        state = 1
    city, region = bare[:len(bare) - state], _region_name(words[-state:]) if state else ""
    known = " ".join(folded[:len(city)]) in places.MULTI_WORD_CITIES
    comma = state and words[-state - 1].endswith(",") and not _state_always_shown(country)  # 'Kita-ku, Tokyo'
    if state and (not places.named_as_city(region) or known or (country or "").casefold() in places.WITH_STATES) and (
            _city_end(city)) and not comma:
        return {**named, "city": " ".join(words[:len(words) - state]), "state": _region_text(words[-state:])}, None
    return {**named, "city": None, "state": None}, (
        f"where the city ends in '{_joined(bare)}' after the site's name '{' '.join(name)}', and its state begins")


def _written_as_city(words: list[str]) -> bool:
    """Whether the words are a city with its postal district or its city mark ('Rennes Cedex 9', 'Guangzhou Shi'), or
    two words that are one city, as the first begins a city and is none alone ('Puerto Montt', 'La Plata') or the
    second ends one ('Zhengzhou City')."""
    folded = [word.casefold() for word in words]
    two = len(words) == 2 and (folded[0] in _CITY_FIRST_WORDS or folded[1] in places.CITY_ENDINGS)
    return two or len(words) in (_with_district(words), _with_suffix(words))


def _city_end(city: list[str]) -> bool:
    """Whether the words may be a whole city: their last word may end one ('Center', '[Seoul]' do not), or they are
    a city with its postal district or city mark."""
    return _written_as_city(city) or not (_no_city(city[-1]) or city[-1].casefold() in _NO_CITY_ALONE)


def _region_code(words: list[str]) -> int:
    """1 where the row ends with a region's code after its city ('Roma RM', 'Geneva GE', 'Montería COR'): two or three
    capitals, which no city is written as, after a word written as a city is ('Comunidad DE' ends with a joining
    word); 0 otherwise."""
    return int(len(words) > 2 and bool(_REGION_CODE.match(words[-1])) and _city_word(words[-2])
               and words[-1].casefold() not in _JOINING_WORDS
               and not words[-2].isupper() and words[-2].casefold() not in _NO_CITY_ALONE)


def _ends_city_before(words: list[str], region: str) -> bool:
    """Whether the words before a region may end with the city: their last word may end one ('0354', '[Seoul]' do
    not), or they end with a city and its marks ('Nimes Cedex 09 Gard', 'Halle (Saale) Sachsen-Anhalt'), where the
    region is no city's name (a bracket may as well end the site's name before a city: 'Centro (CEMIC) Buenos
    Aires')."""
    return not _no_city(words[-1]) or bool(_with_district(words)) and not places.named_as_city(region)


def _unnamed_site(bare: list[str], regions: frozenset[str], country: str | None) -> Place | None:
    """A site the registry gives no name (older records list only a place): the row shows a city alone ('1 Edinburgh
    United Kingdom') or a city and its state ('1 Las Vegas Nevada United States'). Every site shows its city, so one
    word is the city; before a state, one word or a city known by its words is. A state named as its city ('Berlin')
    or a word that names an institution ('Hospital') may end a site's name: such rows are read as before. None for
    any other row. Where every site shows its state, a region named as a city is the state too ('Albany New York')."""
    if len(bare) == 1 and bare[0].casefold() not in places.GENERIC_NAMES:
        return {"name": None, "city": bare[0], "state": None}
    for size in range(min(places.LONGEST_REGION, len(bare) - 1), 0, -1):
        region, before = _region_name(bare[-size:]), bare[:-size]
        if region not in regions or (region in places.CITY_REGIONS and not _state_always_shown(country)):
            continue
        city = " ".join(before)
        if (len(before) == 1 and city.casefold() not in _GENERIC_OR_INSTITUTION
                and _city_word(city)) or city.casefold() in places.MULTI_WORD_CITIES:
            return {"name": None, "city": city, "state": _region_text(bare[-size:])}
    return None


def _repeat_then_region(words: list[str], regions: frozenset[str]) -> Place | None:
    """A site's name that ends with its city (and state), then the city and its state: 'VA Medical Center, Oklahoma
    City Oklahoma City Oklahoma', 'Sunnybrook HSC - Toronto, Ontario Toronto Ontario'. Read from the state back, the
    city is the words the name ends with. A state named as its city ('Barcelona') is left to the rows that repeat
    a city (_repeated): None for it, and for any row that shows no such repeat."""
    bare = [word.rstrip(",") for word in words]
    for size in range(min(places.LONGEST_REGION, len(bare) - 2), 0, -1):
        region = _region_name(bare[-size:])
        if region not in regions or region in _NAMED_AS_CITIES:
            continue
        before = bare[:-size]
        if city := _city_repeated(before):  # '... Oklahoma City Oklahoma City' + 'Oklahoma'
            return {"name": _joined(words[:-size - city]), "city": _joined(before[-city:]),
                    "state": _region_text(words[-size:])}
        folded = [word.casefold() for word in before]
        shown = [word.casefold() for word in bare[-size:]]
        for city in range(1, places.LONGEST_CITY + 1):  # '... Toronto, Ontario' + 'Toronto' + 'Ontario'
            if len(before) > 2 * city + size and folded[-city - size:-city] == shown and (
                    folded[-2 * city - size:-city - size] == folded[-city:]):
                return {"name": _joined(words[:-size - city]), "city": _joined(before[-city:]),
                        "state": _region_text(words[-size:])}
    return None


def _region_name(words: list[str]) -> str:
    """The region the words name, as the lists hold it: a comma inside kept ('Valenciana, Comunitat'), a comma after
    dropped, and the dot that lowering a Turkish 'İ' leaves on its 'i' ('Gİresun' lowered is 'gi̇resun') dropped."""
    return " ".join(words).rstrip(",").casefold().replace(_DOT_ABOVE, "")


def _is_region(words: list[str], regions: frozenset[str]) -> bool:
    """Whether the words name one of the regions, written with or without its spaces and hyphens."""
    name = _region_name(words)
    return name in regions or places.squashed(name) in regions


def _region_text(words: list[str]) -> str | None:
    """The state as the row shows it, without the comma that closes its cell."""
    return " ".join(words).rstrip(",") or None


def _city_then_region(words: list[str]) -> Place | None:
    """A city followed by a one-word region no list here holds, told by a repeat: the site's name ends with its city
    and the city follows ('Universitätsmedizin Rostock Rostock Pommerania'), or the region repeats the city's first word
    ('Tainan City Tainan'). None for any other row."""
    bare = [word.rstrip(",") for word in words]
    if len(bare) < 4 or not _region_word(bare[-1]):
        return None
    folded = [word.casefold() for word in bare]
    if folded[-3] == folded[-2] and _region_word(bare[-2]) and _city_word(bare[-2]) and _city_word(bare[-1]) and (
            " ".join(folded[-2:]) not in places.MULTI_WORD_CITIES):  # 'Cluj Cluj Napoca': the city is 'Cluj Napoca'
        return {"name": " ".join(words[:-2]), "city": bare[-2], "state": bare[-1]}
    if folded[-3] == folded[-1] and folded[-2] in places.CITY_ENDINGS and len(bare) > 4:
        return {"name": " ".join(words[:-3]), "city": _joined(bare[-3:-1]), "state": bare[-1]}
    return None


def _city_word(word: str) -> bool:
    """Whether the word is written as a place's name is: a capital first, no abbreviation ('o.' of 'Sp. z o. o.')."""
    return word[:1].isupper() and not word.endswith(".") and len(word) > 2


def _region_word(word: str) -> bool:
    """Whether the word may be a place's whole name: letters, not a joining word, a postal district or 'Cedex'."""
    return (any(character.isalpha() for character in word) and not _no_city(word) and not _DISTRICT.match(word)
            and word.casefold() not in _PLACE_PARTS)


def _repeated(words: list[str], size: int, regions: frozenset[str], country: str | None) -> tuple[Place, str | None]:
    """'<name> X X': X is the city and the state, or the name ends with X and X is the city."""
    bare = [word.rstrip(",") for word in words]
    name, city = words[:-2 * size], _joined(bare[-size:])
    named = {"name": " ".join(words[:-size]), "city": city, "state": None}
    lone_generic = len(name) == 1 and name[0].rstrip(",").casefold() in places.GENERIC_NAMES
    if longer := _known_city_ending(bare[:-size], size):  # 'New Delhi Delhi': a known city ends with X, X its state
        if city.casefold() in regions:
            return {"name": _joined(words[:-size - longer]), "city": _joined(bare[-size - longer:-size]),
                    "state": city}, None
        return {"name": None, "city": None, "state": None}, (
            f"whether '{_joined(bare[-size - longer:])}' is the city, or the city and its state")
    if _ends_joined(name):  # no name ends with 'de': the name goes on with the city ('Hospital Clinic de Barcelona')
        return named, None
    if city.casefold() in regions and not lone_generic:
        # 'Barcelona Barcelona' in Spain, 'Charité Berlin Berlin' in Germany: the region, or the name's end
        if city.casefold() in places.CITY_NAMED_REGIONS or not _region_repeat_shown(country):
            return {"name": None, "city": city, "state": None}, (
                f"'{city} {city}' is the city and its state, or the end of the site's name and the city")
        return {"name": " ".join(name), "city": city, "state": city}, None
    # a country's regions are listed in Latin letters: a name in another script ('北京 北京') may still be one
    if lone_generic or ((country or "").casefold() in places.LISTED_IN_FULL and _latin(city)):
        return named, None  # 'Hospital Clinic de Barcelona Barcelona'; 'Klinikum Stuttgart Stuttgart Germany'
    return {"name": None, "city": city, "state": None}, (
        f"'{city} {city}' is the city and its state, or the end of the site's name and the city")


def _known_city_ending(words: list[str], shortest: int) -> int:
    """How many last words are a known city of more than `shortest` words ('Ciudad de Buenos Aires'); 0 if none."""
    if not words or words[-1].casefold() not in last_words(places.MULTI_WORD_CITIES):  # no known city ends so
        return 0
    for size in range(min(places.LONGEST_CITY, len(words) - 1), shortest, -1):
        if " ".join(words[-size:]).casefold() in places.MULTI_WORD_CITIES:
            return size
    return 0


def _name_and_city(words: list[str]) -> tuple[Place, str | None]:
    """The city at the end of the words (a known city of several words kept whole), the name before it."""
    bare = [word.rstrip(",") for word in words]
    if size := _city_repeated(bare):  # 'VA Medical Center, Durham Durham' before its state: the name ends with the city
        return {"name": _joined(words[:-size]), "city": _joined(bare[-size:])}, None
    if (marks := _city_marks(bare)) and len(bare) > marks + 1:
        return _city_with_marks(words, marks)
    if size := _known_city_ending(bare, 1):
        if _ends_joined(words[:-size]) or _starts_city(words[:-size]):
            # 'Cuidad Autonoma de Buenos Aires', 'West Los Angeles': the city may begin before the known one
            return {"name": None, "city": None}, f"where the city that ends '{' '.join(words)}' begins"
        return {"name": " ".join(words[:-size]), "city": " ".join(words[-size:]).rstrip(",")}, None
    if (size := _with_suffix(bare)) and len(bare) > size:
        return {"name": " ".join(words[:-size]), "city": _joined(bare[-size:])}, None
    size = city_size(words)
    split = {"name": _joined(words[:len(words) - size]), "city": _joined(bare[len(bare) - size:])}
    if (whole := _city_kept_whole(split)) != split:  # the name repeats the city's first words: the city is whole
        return whole, None
    name, city = split["name"], split["city"]
    if city and (_no_city(city.split()[-1]) or _INITIALS.match(city)):
        # 'London, City Of', 'Seoul [Seoul]', 'Bogotá D.C.': the row ends with more than a city
        return {"name": None, "city": None}, f"'{' '.join(words)}' ends with '{city}', which is no city"
    if city and _city_after_institution(split):  # 'Health Sciences Centre St. John's'
        return split, None
    # a city of several words not known as one ('Hospital East Kashiwa') may as well end the name
    if city and (" " in city or city.casefold() in _NO_CITY_OF_ITS_OWN or _SPECIALTY.match(city)
                 or _ends_joined((name or "").split()) or _starts_city((name or "").split())):
        return {"name": None, "city": None}, f"where '{' '.join(words)}' splits into the site's name and its city"
    return split, None


def _city_after_institution(split: dict[str, str | None]) -> bool:
    """Whether a city of two words after an institution word is certain: its first word begins a city and ends no
    site's name ('Health Sciences Centre St. John's', 'Hospital San Jose'; a compass point may end one: 'National
    Cancer Center Hospital East Kashiwa')."""
    name, city = (split["name"] or "").split(), (split["city"] or "").split()
    return (len(city) == 2 and bool(name) and name[-1].rstrip(",").casefold() in INSTITUTION_WORDS
            and city[0].casefold() in places.CITY_STARTS - _COMPASS)


def _starts_city(name: list[str]) -> bool:
    """Whether the name's last word begins a city's name ('San', 'West', 'Ft.'): the city may begin with it."""
    return bool(name) and name[-1].rstrip(",").casefold() in places.CITY_STARTS


def _region_repeat_shown(country: str | None) -> bool:
    """Whether a city named as its region, shown twice, is the city and its state in the country ('Beijing Beijing'
    in China, 'New York New York' in the United States); elsewhere the site's name may end with the city."""
    return _state_always_shown(country) or (country or "").casefold() in places.CITY_STATES_SHOWN


def _state_always_shown(country: str | None) -> bool:
    """Whether every site of the country is listed with its state (the region ending its row is the state)."""
    return (country or "").casefold() in places.STATE_ALWAYS_SHOWN


def _city_repeated(words: list[str]) -> int:
    """How many last words are a city that the words before them repeat (the site's name ends with its city, and the
    city follows: 'Guthrie Clinic Sayre Sayre'); 0 when none is repeated. Read where the state has been taken off the
    row, such words are no city and its state."""
    folded = [word.casefold() for word in words]
    return next((size for size in range(3, 0, -1) if len(words) > 2 * size
                 and folded[-2 * size:-size] == folded[-size:]), 0)


def _with_suffix(words: list[str]) -> int:
    """2 when the row ends with a city written with the word that marks a city or a ward ('Luoyang Shi', 'Nishinomiya
    shi', 'Bunkyo ku'), the name it marks a word of a place's length; 0 otherwise (a syllable of a name written apart,
    'Hu He Hao Te Shi', tells no city)."""
    if len(words) < 2 or words[-1].casefold() not in _CITY_SUFFIXES:
        return 0
    syllable = len(words) > 2 and len(words[-3]) < _SHORTEST_MARKED and words[-3][:1].isupper()
    return 2 if len(words[-2]) >= _SHORTEST_MARKED and words[-2][:1].isupper() and not syllable else 0


def _no_city(word: str) -> bool:
    """Whether the word cannot end a city's name: it has no letter ('0354', '2461)'), stands in brackets ('[Seoul]',
    '(MI)': a code after a city or a region) or is a joining word ('De' of 'Madrid, Comunidad De')."""
    bare = word.rstrip(",")
    return (not any(character.isalpha() for character in bare) or bare[:1] in "([" or bare[-1:] in ")]"
            or bare.casefold() in _JOINING_WORDS)


def _with_district(words: list[str]) -> int:
    """How many last words are a city shown with its postal district or another mark ('København Ø', 'Praha 10',
    'Lyon Cedex 08', 'Villejuif Cedex', 'Halle (Saale)'): 0 when the last word is none of these."""
    marks = _city_marks(words)
    return marks + 1 if marks and len(words) > marks else 0


def _city_marks(words: list[str]) -> int:
    """How many last words mark the city before them: its postal district ('Ø', '10'; no city is one letter or a
    number alone), 'Cedex' and its number ('Cedex 08', 'Cedex08'), its other name or code in brackets, one word
    ('(Saale)', '(MI)')."""
    size = 1 if _DISTRICT.match(words[-1]) else 0
    size += 1 if len(words) > size and _CEDEX.match(words[-1 - size]) else 0
    return size or int(len(words[-1]) > 2 and words[-1][0] == "(" and words[-1][-1] == ")")


def _city_with_marks(words: list[str], marks: int) -> tuple[Place, str | None]:
    """A city with its marks ('Lyon Cedex08', 'Rozzano (MI)'): the word before the marks is the city, unless it ends a
    known city of several words or the name's last word may begin it ('Le Mans Cedex', 'Saint Herblain Cedex'), read
    as any other city is; the marks are kept with the city. Where the name ends with the city and a district or a
    bracket follows ('Praha Praha 4'), the row may as well show the city and its state ('Praha 4'): a doubt ('Cedex'
    marks a city, never a state)."""
    bare = [word.rstrip(",") for word in words]
    base = bare[:-marks]
    if _city_repeated(base) == 1 and not any(_CEDEX.match(word) for word in bare[-marks:]):
        return {"name": None, "city": None}, (
            f"'{_joined(bare[-marks - 2:])}' is the city and its state, or the end of the site's name and the city")
    if _known_city_ending(base, 1) or _ends_joined(base[:-1]) or _starts_city(base[:-1]):
        place, doubt = _name_and_city(words[:-marks])
    else:
        place, doubt = {"name": _joined(words[:-marks - 1]), "city": base[-1]}, None
    size = len((place["city"] or "").split())
    city = place["city"] and " ".join(words[-marks - size:]).rstrip(",")
    return {**place, "city": city}, doubt


def _ends_joined(name: list[str]) -> bool:
    """Whether the name's last word joins it to what follows ('de'; a one-letter word only in lower case)."""
    last = name[-1] if name else ""
    return (last if len(last) == 1 else last.casefold()) in _JOINING_WORDS


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


def _latin(text: str) -> bool:
    """Whether every letter of the text is a Latin one ('São Paulo', not 'Москва' or '北京')."""
    return all(ord(character) < 0x250 for character in text if character.isalpha())


def _joined(words: list[str]) -> str | None:
    return " ".join(words) or None
