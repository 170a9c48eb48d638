"""meddatax study page, people and places: sponsors, investigators, sites, contacts, ids, related trials."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.facility_address import COUNTRIES
from flows.parsers.model import StudyRecord
from flows.parsers.page_text import Sections, add_rows, nonblank
from schemas.enums import AGENCY_CLASS, OVERALL_STATUS

_AGENCY_CLASSES, _STATUSES = frozenset(AGENCY_CLASS), frozenset(OVERALL_STATUS)
_ROLE = re.compile(r"^Role:\s*(\S.*)$")
_SPONSOR_ROLE = re.compile(r"^Sponsor Role\s+(lead|collaborator)$", re.I)
_SITE_STATUS = re.compile(r"^Site Status\s+(\S.*)$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}(?:\s*(?:ext\.?|x)\s*\d+)?$")
_IDENTIFIER_FIELD = re.compile(r"^Identifier (Type|Source|Domain|Link):\s*(.*)$")
# Each identifier field's column; the registry's domain (who issued it) is AACT's id_type_description.
_IDENTIFIER_COLUMNS = {"Type": "id_type", "Source": "id_source", "Domain": "id_type_description", "Link": "id_link"}
_RELATED = re.compile(r"^(NCT\d{8})(?:\s+([A-Z_]+))?(?:\s+(\S+))?$")


def read_people_places(record: StudyRecord, sections: Sections) -> None:
    """Fill sponsors, overall_officials, facilities, countries, central_contacts, id_information, related_studies."""
    tables = {
        "sponsors": sponsors(sections.lines("Sponsors")),
        "overall_officials": investigators(sections.lines("Principal Investigators")),
        "facilities": locations(sections.lines("Locations")),
        "central_contacts": central_contacts(sections.lines("Central Contacts")),
        "id_information": identifiers(sections.lines("Other Identifiers")),
        "related_studies": related_trials(sections.lines("Related Clinical Trials"))
        + related_trials(sections.lines("More Related Trials")),
    }
    countries = nonblank(sections.lines("Countries")) or [
        row["country"] for row in tables["facilities"] if row["country"]]
    tables["countries"] = [{"name": name} for name in dict.fromkeys(countries)]
    for table, rows in tables.items():
        add_rows(record, table, rows)


def sponsors(lines: list[str]) -> list[dict[str, object]]:
    """Name, agency class[, 'Sponsor Role lead'] entries; without roles the first sponsor is the lead."""
    rows: list[dict[str, object]] = []
    for line in nonblank(lines):
        agency_class = labels.lookup("agency_class", line)
        if rows and agency_class in _AGENCY_CLASSES and rows[-1]["agency_class"] is None:
            rows[-1]["agency_class"] = agency_class
        elif rows and (match := _SPONSOR_ROLE.match(line)):
            rows[-1]["lead_or_collaborator"] = match.group(1).lower()
        else:
            rows.append({"agency_class": None, "lead_or_collaborator": None, "name": line})
    if rows and not any(row["lead_or_collaborator"] for row in rows):
        for index, row in enumerate(rows):
            row["lead_or_collaborator"] = "collaborator" if index else "lead"
    return rows


def investigators(lines: list[str]) -> list[dict[str, object]]:
    """Name, 'Role: STUDY_CHAIR', affiliation entries (a line followed by 'Role:' starts one)."""
    lines, rows = nonblank(lines), []
    for index, line in enumerate(lines):
        if match := _ROLE.match(line):
            if rows:
                rows[-1]["role"] = labels.lookup("official_role", match.group(1))
        elif index + 1 < len(lines) and _ROLE.match(lines[index + 1]):
            rows.append({"role": None, "name": line, "affiliation": None})
        elif rows and rows[-1]["affiliation"] is None:
            rows[-1]["affiliation"] = line
    return rows


def locations(lines: list[str]) -> list[dict[str, object]]:
    """Site name, 'City, State, Country'[, 'Site Status RECRUITING'] entries. The registry may give a site without a
    name (its address line alone, ending in a country) or without an address (a name line with no comma under it):
    such a site keeps what it has, and the sites after it keep theirs."""
    rows: list[dict[str, object]] = []
    lines = nonblank(lines)
    pending: str | None = None
    for index, line in enumerate(lines):
        if (match := _SITE_STATUS.match(line)) and _is_site_status(match.group(1)):
            if pending is not None:
                rows.append(_site(pending, None))
                pending = None
            if rows:
                rows[-1]["status"] = labels.overall_status(match.group(1))
        elif pending is None:
            if _ends_in_country(line) and not (index + 1 < len(lines) and _ends_in_country(lines[index + 1])):
                rows.append(_site(None, line))  # an address with no name above it
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


def central_contacts(lines: list[str]) -> list[dict[str, object]]:
    """Name, 'Role: CONTACT', phone[, email] entries; the first contact is the primary one. The role is API v2's
    (CONTACT, PRINCIPAL_INVESTIGATOR...), kept as given; a 'primary' or 'backup' there is the contact's type."""
    rows: list[dict[str, object]] = []
    for line in nonblank(lines):
        if rows and (match := _ROLE.match(line)):
            role = match.group(1).strip()
            if role.lower() in ("primary", "backup"):
                rows[-1]["contact_type"] = role.lower()
            elif role:
                rows[-1]["role"] = role
        elif rows and "@" in line and " " not in line:
            rows[-1]["email"] = line
        elif rows and _PHONE.match(line):
            rows[-1]["phone"] = line
        else:
            # as AACT (and ctgov_json_v2) do: the first central contact is primary, the others backup
            rows.append({"contact_type": "backup" if rows else "primary", "name": line, "phone": None, "email": None,
                         "role": None})
    return rows


def identifiers(lines: list[str]) -> list[dict[str, object]]:
    """Value, 'Identifier Type: -', 'Identifier Source: org_study_id'[, 'Identifier Domain: ...',
    'Identifier Link: ...'] entries."""
    rows: list[dict[str, object]] = []
    for line in nonblank(lines):
        match = _IDENTIFIER_FIELD.match(line)
        if match and rows:
            value = match.group(2).strip()
            rows[-1][_IDENTIFIER_COLUMNS[match.group(1)]] = None if value in ("", "-") else value
        elif not match:
            rows.append({"id_source": None, "id_type": None, "id_value": line})
    return rows


def related_trials(lines: list[str]) -> list[dict[str, object]]:
    """Title line then 'NCT00226889[ TERMINATED PHASE1/PHASE2]' line, per related trial."""
    rows, title = [], None
    for line in nonblank(lines):
        match = _RELATED.match(line)
        if not match:
            title = line
            continue
        status, phase = match.group(2), match.group(3)
        if status and status not in _STATUSES:
            status, phase = None, phase or status
        rows.append({"related_nct_id": match.group(1), "stated_status": status,
                     "stated_phase": labels.phase(phase), "title": title})
        title = None
    return rows
