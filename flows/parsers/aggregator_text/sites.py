"""meddatax study page, Locations: each site's name, its address ('City, State, Zip, Country') and its status, where
the registry may leave out a site's name or its address."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.facility_address import COUNTRIES
from flows.parsers.model import Problem
from flows.parsers.page_text import nonblank
from schemas.enums import OVERALL_STATUS

_STATUSES = frozenset(OVERALL_STATUS)
_SITE_STATUS = re.compile(r"^Site Status\s+(\S.*)$")
UNDECIDED_SITES = "unreadable section: site names and addresses undecided"


def locations(lines: list[str]) -> list[dict[str, object]] | Problem:
    """Site name, 'City, State, Country'[, 'Site Status RECRUITING'] entries. The registry may give a site without a
    name (its address line alone, ending in a country) or without an address (a name line with no comma under it):
    such a site keeps what it has, and the sites after it keep theirs. A line above an address that reads as a name
    and as an address both is a problem, and then no site is read."""
    rows: list[dict[str, object]] = []
    lines = nonblank(lines)
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
            elif _ends_in_country(line) and sum(part is not None for part in address(line).values()) > 2:
                return Problem(UNDECIDED_SITES, f"'Locations': '{line}' above the address '{following}' may be a "
                                                "site's name or the address of a site without one; no site is read")
            else:
                pending = line
        elif "," in line:
            rows.append(_site(pending, line))
            pending = None
        else:  # a second name: the site above has no address
            rows.append(_site(pending, None))
            pending = line
    if pending is not None:
        rows.append(_site(pending, None))
    return rows


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


def _is_site_status(value: str) -> bool:
    """A status as an API v2 enum ('NOT_YET_RECRUITING') or as the registry displays it ('Not yet recruiting')."""
    return " " not in value or labels.overall_status(value) in _STATUSES


def address(line: str) -> dict[str, str | None]:
    """'Wuhan, Hubei, China' or 'Dhaka, , Bangladesh' -> city, state, zip, country (empty parts are None). A country
    whose registry name holds a comma ('Seoul, , Korea, Republic of') is one part."""
    parts = [part.strip() or None for part in line.split(",")]
    if len(parts) > 2 and parts[-2] and parts[-1] and f"{parts[-2]}, {parts[-1]}".casefold() in COUNTRIES:
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]
    city, middle, country = parts[0], parts[1:-1], parts[-1] if len(parts) > 1 else None
    state = middle[0] if middle else None
    zip_code = middle[1] if len(middle) > 1 else None
    return {"city": city, "state": state, "zip": zip_code, "country": country}
