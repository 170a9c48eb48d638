"""Split a clincosm location row ('1 <site> <city> <state> <country> <postal code>') into columns.

The row is one line of space-separated cells, so the split is a heuristic, in this order:
1. a leading row number is dropped;
2. the postal code is the last token when it holds a digit (or the last two tokens when
   they form a UK or Canadian postcode);
3. the country is the longest known country name (as ClinicalTrials.gov spells it) that
   ends what is left;
4. the state is a repeated tail ('Beijing Beijing': the city is also the state, as for
   China's municipalities) or a known state/province name ending what is left;
5. the city is what follows the last institution word (Hospital, Clinic, University...)
   when that is one to three capitalised words, otherwise the last word; the rest is the name.
"""
from __future__ import annotations

import re
from functools import lru_cache

COUNTRIES = frozenset(name.casefold() for name in """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|
Congo|Congo, The Democratic Republic of the|Costa Rica|Cote D'Ivoire|Côte D'Ivoire|Croatia|
Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt|
El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|
Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iran, Islamic Republic of|Iraq|Ireland|Israel|
Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Korea, Republic of|
Korea, Democratic People's Republic of|South Korea|Kosovo|Kuwait|Kyrgyzstan|
Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|Libyan Arab Jamahiriya|
Liechtenstein|Lithuania|Luxembourg|Macau|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Mauritania|Mauritius|Mexico|Moldova|Moldova, Republic of|Monaco|Mongolia|Montenegro|Morocco|
Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Macedonia|Macedonia, The Former Yugoslav Republic of|Norway|Oman|Pakistan|Palestine|
Palestinian Territory, occupied|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
Portugal|Puerto Rico|Qatar|Réunion|Romania|Russian Federation|Russia|Rwanda|Saudi Arabia|
Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Sudan|
Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Taiwan|Tajikistan|
Tanzania|Tanzania, United Republic of|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|
Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|
Uruguay|Uzbekistan|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe
""".replace("\n", "").split("|"))

STATES = frozenset(name.casefold() for name in """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|District of Columbia|
Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|
New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
West Virginia|Wisconsin|Wyoming|Alberta|British Columbia|Manitoba|New Brunswick|
Newfoundland and Labrador|Nova Scotia|Ontario|Prince Edward Island|Quebec|Saskatchewan|
New South Wales|Queensland|South Australia|Tasmania|Victoria|Western Australia|
Anhui|Fujian|Gansu|Guangdong|Guangxi|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|
Jiangsu|Jiangxi|Jilin|Liaoning|Inner Mongolia|Ningxia|Qinghai|Shaanxi|Shandong|Shanxi|
Sichuan|Tibet|Xinjiang|Yunnan|Zhejiang
""".replace("\n", "").split("|"))

# Words that name an institution, and the abbreviations sites write these nouns with ('Healthcare Ctr', 'Univ Hosp'),
# the nouns a practice's name ends with ('Research Associates', 'Health Services') and a company's form after them
# ('Consultants Limited', 'Specialists, P.C.'). 'Campus', 'Group' and 'Branch' are left out: a campus's or a group's
# own name follows them ('Campus Gasthuisberg', 'Group B'), and a city may end with 'Branch' ('Olive Branch').
# 'Med' and 'Clin' are left out as 'medical' and 'clinical' are: mostly adjectives, more of the name follows them.
INSTITUTION_WORDS = frozenset("""
hospital hospitals clinic clinics center centre centers university college institute
foundation inc. inc llc ltd. ltd gmbh research health medicine pharmacy site trust
ctr ctr. hosp hosp. univ univ. inst inst. hlth hlth. dept dept.
associates sanatorium sciences partners specialists consultants services limited p.c. pllc
""".split())
# A unit's or a programme's acronym after an institution word ('Med. Ctr. CRS Torrance'): part of the site's name.
_ACRONYM = re.compile(r"^[A-Z]{2,}$")

_ROW_NUMBER = re.compile(r"^\s*\d+\s+")
_POSTCODE_PAIR = re.compile(r"^(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|[A-Z]\d[A-Z] \d[A-Z]\d)$")


def _tail_match(tokens: list[str], names: frozenset[str], longest: int = 6) -> int:
    """How many trailing tokens form a name in `names` (longest first); 0 if none."""
    if not tokens or tokens[-1].casefold() not in last_words(names):  # no name ends with the last token
        return 0
    for size in range(min(longest, len(tokens)), 0, -1):
        if " ".join(tokens[-size:]).casefold() in names:
            return size
    return 0


@lru_cache(maxsize=16)
def last_words(names: frozenset[str]) -> frozenset[str]:
    """The last word of each name: a row's tokens (parted by whitespace) end with a name only if they end with one of
    these, case-folded (the longer endings are not joined and looked up for the other rows)."""
    return frozenset(name.rpartition(" ")[2] for name in names)


def _postal_code(tokens: list[str]) -> int:
    """How many trailing tokens are the postal code."""
    if len(tokens) >= 3 and _POSTCODE_PAIR.match(" ".join(tokens[-2:])):
        return 2
    return 1 if len(tokens) >= 2 and any(ch.isdigit() for ch in tokens[-1]) else 0


def _state(tokens: list[str]) -> tuple[int, int]:
    """(state tokens, city tokens) at the end: a repeated tail is both city and state."""
    for size in (3, 2, 1):
        if len(tokens) > 2 * size and tokens[-2 * size:-size] == tokens[-size:]:
            return size, size
    size = _tail_match(tokens, STATES, 3)
    return (size, 0) if len(tokens) - size >= 2 else (0, 0)


def city_size(tokens: list[str]) -> int:
    """How many trailing tokens are the city: after the last institution word, else one."""
    for index in range(len(tokens) - 1, 0, -1):
        if tokens[index - 1].casefold().strip(",") in INSTITUTION_WORDS:
            tail = _without_acronyms(tokens[index:])
            if len(tail) <= 3 and all(word[:1].isupper() for word in tail):
                return len(tail)
            break
    return 1 if len(tokens) >= 2 else 0


def _without_acronyms(tail: list[str]) -> list[str]:
    """The words after an institution word without the acronyms that open them ('CRS Torrance' -> 'Torrance'): a
    city is written as a name is, not in capitals alone. The last word is kept, however it is written."""
    start = 0
    while start < len(tail) - 1 and _ACRONYM.match(tail[start].rstrip(",")):
        start += 1
    return tail[start:]


def split_location_row(row: str) -> dict[str, str | None]:
    """'1 Peking Union Medical College Hospital Beijing Beijing China 100730' -> facility columns."""
    tokens = _ROW_NUMBER.sub("", row).split()
    zip_size = _postal_code(tokens)
    zip_code = " ".join(tokens[len(tokens) - zip_size:]) or None
    tokens = tokens[: len(tokens) - zip_size]
    country_size = _tail_match(tokens, COUNTRIES) if len(tokens) > 1 else 0
    country = " ".join(tokens[len(tokens) - country_size:]) or None
    tokens = tokens[: len(tokens) - country_size]
    state_size, repeated = _state(tokens)
    state = " ".join(tokens[len(tokens) - state_size:]) or None
    tokens = tokens[: len(tokens) - state_size]
    if repeated:
        city, tokens = " ".join(tokens[-repeated:]), tokens[:-repeated]
    else:
        size = city_size(tokens)
        city, tokens = " ".join(tokens[len(tokens) - size:]) or None, tokens[: len(tokens) - size]
    return {"name": " ".join(tokens) or None, "city": city, "state": state,
            "zip": zip_code, "country": country}
