"""One site row's columns: its cells where a copy parts them by tabs, a site's recruitment status (on the line
below its row, or in a last cell), and the country and postal code read from the row's end (a code written in two
parts, a country the row shows alone, a code in parts after a known country); the words before them are the site's
name and place (site_places)."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.ctgov_classic_text import place_names as places
from flows.parsers.ctgov_classic_text.site_places import read_place
from flows.parsers.facility_address import COUNTRIES, split_location_row
from schemas.enums import RECRUITMENT_STATUS

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
# The unions the rows are read against, each made once.
_COUNTRY_NAMES = COUNTRIES | places.MORE_COUNTRIES


def site_status(line: str) -> str | None:
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
    if country is None and (shown := country_alone(words)):  # a site the registry lists by its country only
        return {"name": None, "city": None, "state": None, "zip": zip_code, "country": shown}, None
    if country is None:  # every site has a country: the row's last words are one the parser does not know
        return {"name": None, "city": None, "state": None, "zip": zip_code, "country": None}, (
            f"no country known to the parser ends '{' '.join(words)}'")
    place, doubt = read_place(words[:len(words) - len(country.split())], country)
    return {**place, "zip": zip_code, "country": country}, doubt


def country_alone(words: list[str]) -> str | None:
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
    status = site_status(cells.pop() or "") if shows_status else None
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
