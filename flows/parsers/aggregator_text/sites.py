"""meddatax study page, Locations: each site's name, its address ('City, State, Zip, Country') and its status, where
the registry may leave out a site's name or its address."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.aggregator_text.title import CONNECTORS
from flows.parsers.aggregator_text.wrapped_lines import fills_sheet, parts_entries_by_blank_lines, unwrapped_entries
from flows.parsers.facility_address import COUNTRIES
from flows.parsers.model import Problem
from flows.parsers.page_text import nonblank
from flows.parsers.printed_pages import rejoined
from schemas.enums import OVERALL_STATUS

_STATUSES = frozenset(OVERALL_STATUS)
_SITE_STATUS = re.compile(r"^Site Status\s+(\S.*)$")
UNDECIDED_SITES = "unreadable section: site names and addresses undecided"
UNDECIDED_CITY = "unreadable value: site city and state undecided"


def locations(lines: list[str], width: int | None = None) -> list[dict[str, object]] | Problem:
    """Site name, 'City, State, Country'[, 'Site Status RECRUITING'] entries. The registry may give a site without a
    name (its address line alone, ending in a country) or without an address (a name line with no comma under it):
    such a site keeps what it has, and the sites after it keep theirs; a country's name alone, with no address under
    it, is a site the registry gives its country only. A line above an address that reads as a name
    and as an address both is a problem, and then no site is read. On a print wrapped at `width`, a name wrapped
    over lines is one name where blank lines part the entries, and a problem where nothing does."""
    rows: list[dict[str, object]] = []
    if width is not None and parts_entries_by_blank_lines(lines):
        lines = _names_joined(unwrapped_entries(lines, width))
    lines = nonblank(lines)
    if width is not None:
        lines = _broken_names_joined(lines, width)
    if wrapped := _wrapped_name(lines, width):
        return Problem(UNDECIDED_SITES, f"'Locations': '{wrapped}' fills the printed line and the line below it is no "
                                        "address: it may go on there or be a site without an address; no site is read")
    pending: str | None = None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (match := _SITE_STATUS.match(line)) and _is_site_status(match.group(1)):
            if pending is not None:
                rows.append(_site(pending, None))
                pending = None
            if rows:
                rows[-1]["status"] = labels.overall_status(match.group(1))
        elif pending is None:
            if _ends_in_country(line) and (not _ends_in_country(following) or address_only(line)):
                rows.append(_site(None, line))  # an address with no name above it
            elif _country_alone(line, following):
                rows.append({**_site(None, None), "country": line.strip()})  # a site the registry gives its country
            elif (_ends_in_country(line) and sum(part is not None for part in address(line).values()) > 2
                  and not _names_its_place(line, following)):
                return Problem(UNDECIDED_SITES, f"'Locations': '{line}' above the address '{following}' may be a "
                                                "site's name or the address of a site without one; no site is read")
            else:
                pending = line
        elif "," in line and width is not None and not _ends_in_country(line) and _ends_in_country(following):
            return Problem(UNDECIDED_SITES, f"'Locations': '{line}' between the name '{pending}' and the address "
                                            f"'{following}' ends in no country: it may go on with the name or be a "
                                            "site's name below one without an address; no site is read")
        elif "," in line:
            rows.append(_site(pending, line))
            pending = None
        else:  # a second name: the site above has no address
            rows.append(_site(pending, None))
            pending = line
    if pending is not None:
        rows.append(_site(pending, None))
    return rows


def _names_joined(lines: list[str]) -> list[str]:
    """A printed section that parts its entries by blank lines (a labelled page) with each entry's lines one line: an
    entry of lines that are no address and no site status, with no blank line between them, is one name the print
    wrapped (the page gives each site's name on its own, between blank lines), wherever the print broke it."""
    joined: list[str] = []
    for above, line in zip(["", *lines], lines):
        if above.strip() and line.strip() and not _address_or_status(above) and not _address_or_status(line):
            joined[-1] = rejoined(joined[-1], line)
        else:
            joined.append(line)
    return joined


def _address_or_status(line: str) -> bool:
    return _ends_in_country(line) or _SITE_STATUS.match(line.strip()) is not None


def _broken_names_joined(lines: list[str], width: int) -> list[str]:
    """The lines of a print wrapped at `width` with each name line that may fill the sheet and stops at a joining
    word, where no name ends ('... Department and Clinic for'), joined with the line below it (no address either)."""
    joined: list[str] = []
    for above, line in zip([None, *lines], lines):
        if (above is not None and _may_fill_sheet(above, line, width) and above.split()[-1] in CONNECTORS
                and not _address_or_status(above) and not _address_or_status(line)):
            joined[-1] = rejoined(joined[-1], line)
        else:
            joined.append(line)
    return joined


def _may_fill_sheet(line: str, following: str, width: int | None) -> bool:
    """Whether a print of `width` may have broken `line` before `following`: its first part up to a hyphen would not
    have fitted (fills_sheet), or its first word whole, as a print that keeps hyphenated words whole breaks them
    ('Hamburg-Eppendorf')."""
    words = following.split()
    return fills_sheet(line, following, width) or (
        width is not None and bool(words) and len(line.rstrip()) + 1 + len(words[0]) > width)


def _wrapped_name(lines: list[str], width: int | None) -> str | None:
    """A line of a print wrapped at `width` that is no address and may fill the sheet, with a line below it that is
    no address either: a site's name that may go on in that line, or end there (a site without an address)."""
    return next((line for line, following in zip(lines, lines[1:]) if _may_fill_sheet(line, following, width)
                 and not _ends_in_country(line) and not _ends_in_country(following)), None)


def _names_its_place(line: str, following: str) -> bool:
    """Whether a line that reads as an address is a site's name that ends with its city and country, as the address
    below it gives them ('St. Anna Children's Hospital, Vienna, Austria' above 'Vienna, , Austria'): the address of
    a site without a name would not end as the next site's address begins and ends."""
    below = address(following) if _ends_in_country(following) else {}
    city, country = below.get("city"), below.get("country")
    return bool(city and country) and [part.strip().casefold() for part in line.rsplit(",", 2)[-2:]] == [
        city.casefold(), country.casefold()]


def undecided_cities(lines: list[str]) -> list[str]:
    """The address lines of the section whose city and state the page's commas leave undecided (not read)."""
    return [line for line in nonblank(lines) if _ends_in_country(line) and undecided_address(line)]


def address_only(line: str) -> bool:
    """Whether an address line can be nothing else (no site's name): a part between its city and country is empty
    ('Dhaka, , Bangladesh') or holds a digit, as a postal code does ('Berlin, , 10117, Germany')."""
    middle = [part.strip() for part in line.split(",")[1:-1]]
    return any(not part or any(character.isdigit() for character in part) for part in middle)


def _site(name: str | None, address_line: str | None) -> dict[str, object]:
    empty = {"city": None, "state": None, "zip": None, "country": None}
    return {"name": name, **(address(address_line) if address_line else empty), "status": None}


def _ends_in_country(line: str) -> bool:
    """Whether a line reads as a site's address: parts split by commas, the last (or the last two) a country."""
    if "," not in line:
        return False
    parts = [part.strip().casefold() for part in line.split(",")]
    return parts[-1] in COUNTRIES or f"{parts[-2]}, {parts[-1]}" in COUNTRIES


def _country_alone(line: str, following: str) -> bool:
    """Whether a line is a site's country alone (the registry may give a site no name, city or state): a country's
    name, with no address under it (a site named as its country would have one)."""
    return "," not in line and line.strip().casefold() in COUNTRIES and not _ends_in_country(following)


def _is_site_status(value: str) -> bool:
    """A status as an API v2 enum ('NOT_YET_RECRUITING') or as the registry displays it ('Not yet recruiting')."""
    return " " not in value or labels.overall_status(value) in _STATUSES


def address(line: str) -> dict[str, str | None]:
    """'Wuhan, Hubei, China' or 'Dhaka, , Bangladesh' -> city, state, zip, country (empty parts are None). A country
    whose registry name holds a comma ('Seoul, , Korea, Republic of') is one part. Where the commas do not tell the
    city from the state (see undecided_address), none of them is read: the site's name and country still are."""
    parts = _parts(line)
    city, middle, country = parts[0], parts[1:-1], parts[-1] if len(parts) > 1 else None
    state = middle[0] if middle else None
    zip_code = middle[1] if len(middle) > 1 else None
    if undecided_address(line):
        city = state = zip_code = None
    return {"city": city, "state": state, "zip": zip_code, "country": country}


# The second half of a region's name as the registry writes it inverted, ISO 3166-2's way ('Madrid, Comunidad De',
# 'Murcia, Región De', 'Valenciana, Comunitat', 'London, City Of'): a part of its own only on the page, which joins
# the address's parts with commas, and one part with the name before it.
_INVERTED_REGION = re.compile(r"(?i)(?:(?:comunidad(?: foral)?|r[eé]gi[oó]n|principado|city|county|provincia"
                              r"|province) (?:de|del|of)|comunitat)")


def _parts(line: str) -> list[str | None]:
    """The address's comma-separated parts (empty ones None), a country whose name holds a comma as one part, and
    so a region the registry names inverted."""
    parts = [part.strip() or None for part in line.split(",")]
    if len(parts) > 2 and parts[-2] and parts[-1] and f"{parts[-2]}, {parts[-1]}".casefold() in COUNTRIES:
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]
    for at in range(len(parts) - 2, 1, -1):  # joined to a state, never to the city, nor the country
        if parts[at] and parts[at - 1] and _INVERTED_REGION.fullmatch(" ".join(parts[at].split())):
            parts[at - 1:at + 1] = [f"{parts[at - 1]}, {parts[at]}"]
    return parts


def undecided_address(line: str) -> bool:
    """Whether an address line has more commas than its city, state, postal code and country account for: the
    registry's city or state may hold a comma ('Madrid, Comunidad De'; 'Nagaizumi-cho,Sunto-gun'), and the page joins
    them with commas. A part after the state is a postal code only when it holds a digit ('Boston, Massachusetts,
    02115, United States'), or is empty under an empty state ('Chisinau, , , Moldova'); any other such part, or
    more parts than these, may belong to the city or to the state, and the page does not tell which."""
    middle = _parts(line)[1:-1]
    if len(middle) < 2:
        return False
    state, after = middle[0], middle[1:]
    if len(after) == 1 and after[0] is not None and _holds_digit(after[0]):
        return False
    return state is not None or any(part is not None for part in after)


def _holds_digit(part: str) -> bool:
    return any(character.isdigit() for character in part)
