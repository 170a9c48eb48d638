"""clincosm study page, the Locations table: one row per site ('1 <site> <city> <state> <country> <postal code>').

The cells are joined by spaces. The postal code and the country are read by facility_address; what is left is the
site's name, its city and (where the registry has one) its state, told apart by what is known of places
(place_names), or after a name whose end the name shows itself (site_names: 'Local Institution - 0445', 'Research
Site'). Where the page allows two readings that known places cannot decide between, the row keeps what both readings
agree on and the page gets a problem naming the row: the split is not guessed. A row that ends with no country the
parser knows keeps only its postal code, with a problem; a row that shows a country alone is a site listed by it.

This module reads the table: its numbered rows, the status shown below a row, a row a copy wrapped, a country that
heads the rows below it. The modules beside it read one row: its cells where a copy parts them by tabs and a site's
status, its country and postal code (site_columns), and its name, city and state (site_places, with
site_after_name, site_repeats, site_cities, site_city_marks, site_regions and site_row_words).
"""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text.page_controls import shows_all
from flows.parsers.ctgov_classic_text.site_cities import cities_in_names
from flows.parsers.ctgov_classic_text.site_columns import country_alone, site_row, site_status
from flows.parsers.page_text import nonblank

UNDECIDABLE = "clincosm location row undecidable"
_LOCATION_ROW = re.compile(r"^(\d+)\s+\S")


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
        elif sites and sites[-1]["status"] is None and (status := site_status(line)):
            sites[-1]["status"] = status
        elif at == joined or _TABLE_HEADER.fullmatch(line.strip()) or shows_all(line, len(sites)):
            continue
        elif (country := country_alone(line.split())) is None:
            doubts.append(f"line {at + 1} under 'Locations' is no numbered site row, site status or country: "
                          f"{_after_row(sites)} it is not read")
        elif not _heads_rows(country, shown[at + 1:]):
            sites.append({**_NO_PLACE, "country": country, "status": None})
    return sites, doubts + cities_in_names(sites, numbered)


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
