"""Place names that decide how a clincosm location row splits into site, city and state.

A row's cells are joined by spaces, so only what is known of places tells where the site's name ends:
- the first-level regions ClinicalTrials.gov shows as a site's state, per country; for the countries
  in LISTED_IN_FULL every region is listed, so a name that is not one of them is no state there;
- cities of several words ('Ho Chi Minh City', 'Rio de Janeiro'), kept whole;
- words that end a city of several words and are never a city alone ('City', 'Beach'), and words that begin one and
  end no site's name ('San', 'St.');
- words that end a region's name ('County', 'Oblast'): a row ending with one shows a state of unknown extent;
- the countries whose rows always show a state, and the regions named as their city (elsewhere such a name
  alone may be either);
- names that are no site name on their own ('Hospital', 'Klinikum'): a reading that leaves one is not taken.
"""
from __future__ import annotations

from functools import lru_cache

from flows.parsers.ctgov_classic_text import region_names
from flows.parsers.facility_address import INSTITUTION_WORDS, STATES


def _names(text: str) -> frozenset[str]:
    """The names, in lower case, each with an apostrophe also as a copy's typographic one ("Coeur d’Alene")."""
    names = {name.strip().casefold() for name in text.replace("\n", "").split("|") if name.strip()}
    return frozenset(names | {name.replace("'", "\u2019") for name in names if "'" in name})


# facility_address.STATES holds the states and provinces of these countries (China's without its municipalities).
_IN_STATES = frozenset({"united states", "canada", "australia", "china"})
REGIONS = {
    "china": _names("Beijing|Shanghai|Tianjin|Chongqing|Guangxi Zhuang|Ningxia Hui|Xinjiang Uygur|Xizang"),
    "germany": _names("""Baden-Württemberg|Baden-Wuerttemberg|Bavaria|Bayern|Berlin|Brandenburg|Bremen|Hamburg|
        Hesse|Hessen|Lower Saxony|Niedersachsen|Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania|
        North Rhine-Westphalia|Nordrhein-Westfalen|Rhineland-Palatinate|Rheinland-Pfalz|Saarland|Saxony|Sachsen|
        Saxony-Anhalt|Sachsen-Anhalt|Schleswig-Holstein|Thuringia|Thüringen|Thueringen"""),
    "brazil": _names("""Acre|Alagoas|Amapá|Amapa|Amazonas|Bahia|Ceará|Ceara|Distrito Federal|Espírito Santo|
        Espirito Santo|Goiás|Goias|Maranhão|Maranhao|Mato Grosso|Mato Grosso do Sul|Minas Gerais|Pará|Para|
        Paraíba|Paraiba|Paraná|Parana|Pernambuco|Piauí|Piaui|Rio de Janeiro|Rio Grande do Norte|
        Rio Grande do Sul|Rondônia|Rondonia|Roraima|Santa Catarina|São Paulo|Sao Paulo|Sergipe|Tocantins|
        AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO"""),
    "japan": _names("""Hokkaido|Aomori|Iwate|Miyagi|Akita|Yamagata|Fukushima|Ibaraki|Tochigi|Gunma|Saitama|
        Chiba|Tokyo|Kanagawa|Niigata|Toyama|Ishikawa|Fukui|Yamanashi|Nagano|Gifu|Shizuoka|Aichi|Mie|Shiga|
        Kyoto|Osaka|Hyogo|Nara|Wakayama|Tottori|Shimane|Okayama|Hiroshima|Yamaguchi|Tokushima|Kagawa|Ehime|
        Kochi|Fukuoka|Saga|Nagasaki|Kumamoto|Oita|Miyazaki|Kagoshima|Okinawa"""),
    "spain": _names("""Madrid|Comunidad de Madrid|Catalonia|Cataluña|Catalunya|Andalucia|Andalucía|Galicia|
        Comunidad Valenciana|Valencian Community|Castilla y León|Castilla-La Mancha|Basque Country|País Vasco|
        Pais Vasco|Asturias|Cantabria|Navarra|Aragón|Aragon|Murcia|Extremadura|Canarias|Islas Baleares"""),
}
# the regions other countries' rows often show (region_names), beside those above
REGIONS.update({country: REGIONS.get(country, frozenset()) | names for country, names in region_names.REGIONS.items()})


def squashed(name: str) -> str:
    """A region's name without its spaces and hyphens: rows write one with or without them ('Rheinland Pfalz' for
    'Rheinland-Pfalz', 'Tamilnadu' for 'Tamil Nadu', 'Nieder-Sachsen' for 'Niedersachsen')."""
    return name.replace(" ", "").replace("-", "")


def _spellings(names: frozenset[str]) -> frozenset[str]:
    return names | frozenset(squashed(name) for name in names)


LONGEST_REGION = max(len(name.split()) for names in [*REGIONS.values(), STATES] for name in names)
LISTED_IN_FULL = _IN_STATES | {"germany", "brazil", "japan", "belgium"}
# Countries whose sites the registry lists with their state: a region name alone at a row's end is the state.
WITH_STATES = _IN_STATES | {"japan"}
# Countries whose every site the registry lists with its state (the registry asks a state of a site in the United
# States): the region that ends such a row is its state, even a region named as a city ('Albany New York').
STATE_ALWAYS_SHOWN = frozenset({"united states"})
# Countries whose cities named as their region are shown with it as their state ('Beijing Beijing China': China's
# municipalities are province-level, the registry's state).
CITY_STATES_SHOWN = frozenset({"china"})
# Regions named as their city: elsewhere, alone at a row's end such a name may be the city or the state.
CITY_REGIONS = _names("""Beijing|Shanghai|Tianjin|Chongqing|Berlin|Hamburg|Bremen|Madrid|Sao Paulo|São Paulo|
    Rio de Janeiro|New York|Tokyo|Osaka|Kyoto""") | region_names.CITY_NAMED
# Of these, the regions of countries whose rows the registry shows with or without a state: 'X X' may be the city and
# its region, or a site's name that ends with its city and the city.
CITY_NAMED_REGIONS = region_names.CITY_NAMED
# The last word of a region's name ('Stockholm County', 'Lisbon District', 'Moscow Oblast'), abbreviated too ('Wenshan
# Dist.', 'Košický Kr'): a row ending with one shows a state, however many words before it are the region's.
REGION_ENDINGS = _names("""County|District|Region|Oblast|Province|Voivodeship|Governorate|Prefecture|Krai|Kraj|
    Canton|Municipality|Lääni|Län|Dist|Dist.|Prov.|Pref.|Kr|Kr.""")

# Countries and territories the registry lists sites in beyond facility_address.COUNTRIES (which other layouts share).
MORE_COUNTRIES = _names("""Guadeloupe|Martinique|French Guiana|Reunion|Mayotte|New Caledonia|French Polynesia|Guam|
Virgin Islands (U.S.)|U.S. Virgin Islands|American Samoa|Northern Mariana Islands|Greenland|Faroe Islands|Gibraltar|
Isle of Man|Jersey|Guernsey|Aruba|Curaçao|Curacao|Bermuda|Cayman Islands|Antigua and Barbuda|Saint Kitts and Nevis|
Saint Lucia|Grenada|Dominica|Saint Vincent and the Grenadines|Montserrat|Netherlands Antilles|San Marino|
Holy See (Vatican City State)|Timor-Leste|Sao Tome and Principe|Comoros|Seychelles|Solomon Islands|Vanuatu|Samoa|
Tonga|Micronesia, Federated States of|Marshall Islands|Palau|Kiribati|Swaziland|Burma|Serbia and Montenegro|
Former Serbia and Montenegro|Yugoslavia|Slovak Republic|Ivory Coast|Brunei|Laos|Syria|Cook Islands|
Turks and Caicos Islands|Anguilla|Virgin Islands, British|Sint Maarten|Western Sahara|Former Yugoslavia|
Turkey (Türkiye)""")
LONGEST_COUNTRY = max(len(name.split()) for name in MORE_COUNTRIES)

MULTI_WORD_CITIES = _names("""
New York|Los Angeles|San Francisco|San Diego|San Antonio|San Jose|Salt Lake City|Kansas City|Oklahoma City|
Iowa City|Jersey City|Carson City|Johnson City|Rapid City|Sioux City|Sioux Falls|Cedar Rapids|Grand Rapids|
Ann Arbor|Chapel Hill|Little Rock|Fort Worth|Fort Lauderdale|Fort Myers|Fort Wayne|Baton Rouge|Des Moines|
Las Vegas|New Orleans|New Haven|New Brunswick|New Hyde Park|Santa Monica|Santa Barbara|Santa Fe|Palo Alto|
Long Beach|Newport Beach|Miami Beach|West Palm Beach|Beverly Hills|Colorado Springs|St. Louis|Saint Louis|
St. Paul|Saint Paul|St. Petersburg|Saint Petersburg|La Jolla|El Paso|Corpus Christi|Winston Salem|
Washington D.C.|Quebec City|Québec City|Mexico City|Ciudad de Mexico|Ciudad de México|Guatemala City|
Panama City|Ho Chi Minh City|Hong Kong|Tel Aviv|Kuala Lumpur|Petaling Jaya|Cape Town|Port Elizabeth|
Rio de Janeiro|Sao Paulo|São Paulo|Porto Alegre|Belo Horizonte|Ribeirao Preto|Ribeirão Preto|Santo Andre|
Santo André|Buenos Aires|Santo Domingo|San Juan|San Miguel de Tucuman|San Miguel de Tucumán|Mar del Plata|
Nizhny Novgorod|Frankfurt am Main|Bad Nauheim|Halle (Saale)|Den Haag|The Hague|La Coruña|A Coruña|
Las Palmas de Gran Canaria|Santiago de Compostela|San Sebastian|San Sebastián|Palma de Mallorca|Reggio Emilia|
San Giovanni Rotondo|New Delhi|Navi Mumbai|Abu Dhabi|Addis Ababa|Dar es Salaam|Hradec Kralove|Hradec Králové|
Sankt Gallen|St. Gallen|Clermont Ferrand|Aix en Provence|Le Mans|La Tronche|Villejuif Cedex|Kota Kinabalu|
Kota Bharu|Johor Bahru|Chiang Mai|Hat Yai|Cluj Napoca|Cluj-Napoca|Targu Mures|Târgu Mureș|Târgu Mureş|
Tirgu Mures|Tîrgu Mureș|Targu Jiu|Târgu Jiu|Targu Neamt|Târgu Neamț|Sri Jayawardenepura Kotte|Saint Helier|
St Helier|
Ciudad Autónoma de Buenos Aires|Ciudad Autonoma de Buenos Aires|Ciudad de Buenos Aires|City of Buenos Aires|
San Salvador de Jujuy|Bahía Blanca|Bahia Blanca|San Luis Potosí|San Luis Potosi|San Pedro Garza García|
San Pedro Garza Garcia|Tel Aviv Yafo|Tel Aviv-Yafo|Beer Sheva|Be'er Sheva|Petach Tikva|Petah Tikva|Be'er Ya'akov|
Beer Yaakov|Beer Jacob|Ramat Gan|Kfar Saba|Rishon LeZion|Sha Tin|Stara Zagora|Ceske Budejovice|
České Budějovice|Uherske Hradiste|Uherské Hradiště|Frýdek Místek|Frydek Mistek|Český Krumlov|Cesky Krumlov|
Pierre Benite|Pierre Bénite|Bourg en Bresse|Vandoeuvre lès Nancy|Vandoeuvre les Nancy|Saint Priest en Jarez|
Sremska Kamenica|Banska Bystrica|Banská Bystrica|Biala Podlaska|Biała Podlaska|Baia Mare|Hato Rey|Silver Spring|
Coeur d'Alene|Loma Linda|Mountain View|State College|Ho Chi Minh|Ha Noi|Hà Nội|Kent Town|Elizabeth Vale|
Passo Fundo|Pôrto Alegre|Lago Sul|George Town|Shah Alam|Bandar Puncak Alam|Den Bosch|Reggio Calabria|
Reggio di Calabria|Santa Ana|San José|Khon Kaen|Nakhon Ratchasima|Udon Thani|Pulau Pinang
""")
LONGEST_CITY = max(len(name.split()) for name in MULTI_WORD_CITIES)

# The last word of a city of several words, never a city alone ('... Salt Lake City' is not a site in 'City'), among
# them a compass point ('Carlton South', 'Baja California Norte') and an air force base's mark ('Keesler AFB').
CITY_ENDINGS = _names("""City|Beach|Springs|Falls|Heights|Hills|Rapids|Aires|Janeiro|Paulo|Vegas|Angeles|Jolla|Park|
    Mount|Brook|Grove|Ridge|Creek|Valley|Village|Lake|Harbor|Harbour|Woods|Plains|Township|Mound|Forest|Oaks|
    Base|Church|Island|Mountain|Station|River|Shore|Branch|Hill|Corner|Vista|Plain|AFB|
    North|South|East|West|Norte|Sul|Oeste""")
# The first word of a city of several words ('San Nicolás', 'St. Veit', 'Bad Homburg', 'Puerto Montt'), abbreviated
# too ('Ft. Worth', 'No. Little Rock'): a site's name does not end with one.
CITY_STARTS = _names("""San|Santa|Santo|São|Sao|St.|St|Saint|Sankt|Ste.|Sainte|Fort|Port|Puerto|Porto|Bad|Nova|Novo|
    Nueva|Nuevo|Villa|Vila|Ciudad|Los|Las|Ban|Kota|Mar|Rio|Río|Ho|Dar|Nizhny|Veliky|Novi|Stary|Nowy|South|North|East|
    West|Great|Upper|Lower|New|Old|Little|Lake|Mount|Glen|Winter|Ramat|Kfar|Petah|Rishon|Tel|Bnei|Nes|Lembah|Hot|Palm|
    Cedar|Grand|Round|Spring|Sugar|Coral|Boca|Bowling|Pompano|Daytona|Royal|Oak|Bay|Castle|Chapel|Cherry|Deer|Elk|
    Muang|Mueang|Amphoe|Buenos|Ha|Hat|Targu|Târgu|Tirgu|Tîrgu|Banska|Banská|Biala|Biała|Baia|Stara|Sremska|Ceske|
    České|Uherske|Uherské|Cesky|Český|Ft.|Ft|Mt.|Mt|Pt.|No.|So.""")

# A site is not named by one of these alone.
GENERIC_NAMES = INSTITUTION_WORDS | _names("""Klinikum|Universitätsklinikum|Universitaetsklinikum|Uniklinikum|
    Klinik|Krankenhaus|Hopital|Hôpital|Hospital|Ospedale|Policlinico|Clinica|Clínica|Universidad|Universität|
    Universitaet|Instituto|Istituto|CHU|CHRU|Hospices|Ziekenhuis|Sykehus|Sjukhus""")


_STATES = _spellings(STATES)
_REGIONS = {country: _spellings(names) for country, names in REGIONS.items()}


_CITY_REGIONS = frozenset(squashed(name) for name in CITY_REGIONS)


def named_as_city(region: str) -> bool:
    """Whether the region (folded) is named as its city, written with or without its spaces and hyphens."""
    return squashed(region) in _CITY_REGIONS


def regions(country: str | None) -> frozenset[str]:
    """The regions shown as a site's state in `country` (all states when the country is not known), each also
    without its spaces and hyphens (squashed)."""
    return _regions_of((country or "").casefold())


@lru_cache(maxsize=1024)
def _regions_of(key: str) -> frozenset[str]:
    """regions() of a country by its folded name (each country's set is made once: the states alone are many)."""
    if key in _IN_STATES:
        return _STATES | _REGIONS.get(key, frozenset())
    return _REGIONS.get(key, frozenset()) | (frozenset() if key in LISTED_IN_FULL else _STATES)


# The shortest region name a row's word is read as misspelling ('Maharahstra' for 'Maharashtra'): a shorter name
# one letter off is as likely another place's ('Pavia', 'Padova').
_SHORTEST_MISSPELT = 7


def misspelt_region(word: str, country: str | None) -> bool:
    """Whether the (folded) word, no region itself, is a one-word region of the country written one letter off
    (one added, dropped or changed) or with two letters next to each other swapped ('Maharahstra', 'Karnatka')."""
    key = (country or "").casefold()
    if len(word) < _SHORTEST_MISSPELT or not word.isalpha() or word in _regions_of(key) or word in CITY_NAMED_REGIONS:
        return False
    near = _one_off(key)
    return any(_one_edit(word, region) for variant in _deletions(word) for region in near.get(variant, ()))


@lru_cache(maxsize=256)
def _one_off(key: str) -> dict[str, tuple[str, ...]]:
    """A country's one-word regions (of _SHORTEST_MISSPELT letters or more) by each spelling with one letter
    dropped and as written: a word one edit from a region shares one such spelling with it."""
    index: dict[str, list[str]] = {}
    for region in _regions_of(key):
        if " " not in region and len(region) >= _SHORTEST_MISSPELT and region.isalpha():
            for variant in _deletions(region):
                index.setdefault(variant, []).append(region)
    return {variant: tuple(names) for variant, names in index.items()}


def _deletions(word: str) -> set[str]:
    return {word} | {word[:at] + word[at + 1:] for at in range(len(word))}


def _one_edit(word: str, region: str) -> bool:
    """Whether the two differ by one letter added, dropped or changed, or two neighbouring letters swapped."""
    if word == region or abs(len(word) - len(region)) > 1:
        return False
    start = next((at for at, (a, b) in enumerate(zip(word, region)) if a != b), min(len(word), len(region)))
    a, b = word[start:], region[start:]
    return a[1:] == b[1:] or a[1:] == b or a == b[1:] or (len(a) > 1 and a[:2] == b[1::-1] and a[2:] == b[2:])
