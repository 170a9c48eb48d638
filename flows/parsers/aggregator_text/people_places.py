"""meddatax study page, people and places: sponsors, investigators, contacts, ids, related trials (the sites and the
responsible party are read in their own modules)."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.aggregator_text.list_items import list_items
from flows.parsers.aggregator_text.officials_without_roles import officials_without_roles
from flows.parsers.aggregator_text.responsible_party import responsible_parties
from flows.parsers.aggregator_text.title import goes_on, joined_title
from flows.parsers.aggregator_text.wrapped_lines import fills_sheet, parts_entries_by_blank_lines
from flows.parsers.aggregator_text.sites import (  # noqa: F401 (a site's address is read there)
    UNDECIDED_CITY, address, locations, undecided_cities)
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_sections import Sections
from flows.parsers.page_text import nonblank
from flows.parsers.page_values import add_rows
from flows.parsers.printed_pages import rejoined
from schemas.enums import AGENCY_CLASS, OFFICIAL_ROLE, OVERALL_STATUS

_AGENCY_CLASSES, _STATUSES = frozenset(AGENCY_CLASS), frozenset(OVERALL_STATUS)
# API v2's contact roles: a central contact's own, and an official's.
_CONTACT_ROLES = frozenset({"CONTACT", *OFFICIAL_ROLE})
_ROLE = re.compile(r"^Role:\s*(\S.*)$")
_SPONSOR_ROLE = re.compile(r"^Sponsor Role\s+(lead|collaborator)$", re.I)
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}(?:\s*(?:ext\.?|x)\s*\d+)?$")
# A phone the registry keeps with letters or words in it starts as a number does and holds this many digits.
_PHONE_STARTS, _PHONE_DIGITS = frozenset("+(0123456789"), 7
_IDENTIFIER_FIELD = re.compile(r"^Identifier (Type|Source|Domain|Link):\s*(.*)$")
# The page's dash for an identifier field it does not give ('Identifier Type: -'), as a copy through a word
# processor or a typographer's font may turn it: an en or em dash, a hyphen or minus sign of its own.
_NO_VALUE_DASHES = frozenset({"", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"})
# Each identifier field's column; the registry's domain (who issued it) is AACT's id_type_description.
_IDENTIFIER_COLUMNS = {"Type": "id_type", "Source": "id_source", "Domain": "id_type_description", "Link": "id_link"}
UNREAD_OFFICIALS = "unread lines: principal investigators"
_RELATED = re.compile(r"^(NCT\d{8})(?:\s+([A-Z_]+))?(?:\s+(\S+))?$")


def read_people_places(record: StudyRecord, sections: Sections, width: int | None = None) -> list[Problem]:
    """Fill sponsors, overall_officials, facilities, countries, central_contacts, id_information, related_studies and
    responsible_parties; the problems of the sections that cannot be read (`width`: a print's, where it wraps)."""
    sites = locations(sections.lines("Locations"), width)
    party = responsible_parties(sections.lines("Responsible Party"))
    officials, unread = _investigators(nonblank(sections.lines("Principal Investigators")), width)
    problems = [Problem(read.reason, read.detail, record.nct_id)
                for read in (sites, party) if isinstance(read, Problem)]
    problems += [Problem(UNDECIDED_CITY, f"'Locations': '{line}' has more commas than a city, state, postal code and "
                                         "country: the city or the state holds one, and the page does not tell which; "
                                         "neither is read", record.nct_id)
                 for line in ([] if isinstance(sites, Problem) else undecided_cities(sections.lines("Locations")))]
    if unread:  # the lines are a person's name and affiliation: counted, never quoted
        problems.append(Problem(UNREAD_OFFICIALS, f"'Principal Investigators': {unread} lines belong to no "
                                                  "official (no 'Role:' line below a name); they are not read",
                                record.nct_id))
    tables = {
        "sponsors": sponsors(sections.lines("Sponsors"), width),
        "overall_officials": officials,
        "facilities": [] if isinstance(sites, Problem) else sites,
        "responsible_parties": [] if isinstance(party, Problem) else party,
        "central_contacts": central_contacts(sections.lines("Central Contacts")),
        "id_information": identifiers(sections.lines("Other Identifiers"), width),
        "related_studies": related_trials(sections.lines("Related Clinical Trials"))
        + related_trials(sections.lines("More Related Trials")),
    }
    countries = list_items(nonblank(sections.lines("Countries"))) or [
        row["country"] for row in tables["facilities"] if row["country"]]
    tables["countries"] = [{"name": name} for name in dict.fromkeys(countries)]
    for table, rows in tables.items():
        add_rows(record, table, rows)
    return problems


def sponsors(lines: list[str], width: int | None = None) -> list[dict[str, object]]:
    """Name, agency class[, 'Sponsor Role lead'] entries; without roles the first sponsor is the lead. A name a copy
    wrapped over lines (saved at a fixed width) is one name: on a page that parts its lines by blank lines, lines with
    none between them; on a compact page, a line that plainly goes on in the next (it ends in 'of', 'and', a comma),
    or, on a print wrapped at `width`, a line that fills the sheet above a line that is no agency class."""
    rows: list[dict[str, object]] = []
    apart = parts_entries_by_blank_lines(lines)
    above = None  # the name line right above, no blank line between
    for line in map(str.strip, lines):
        if not line:
            above = None
            continue
        agency_class = labels.lookup("agency_class", line)
        if rows and agency_class in _AGENCY_CLASSES and rows[-1]["agency_class"] is None:
            rows[-1]["agency_class"] = agency_class
        elif rows and (match := _SPONSOR_ROLE.match(line)):
            rows[-1]["lead_or_collaborator"] = match.group(1).lower()
        elif above is not None and (apart or goes_on(above, line) or fills_sheet(above, line, width)):
            rows[-1]["name"] = rejoined(rows[-1]["name"], line)
        else:
            rows.append({"agency_class": None, "lead_or_collaborator": None, "name": line})
        above = line if rows[-1]["agency_class"] is None and rows[-1]["lead_or_collaborator"] is None else None
    if rows and not any(row["lead_or_collaborator"] for row in rows):
        for index, row in enumerate(rows):
            row["lead_or_collaborator"] = "collaborator" if index else "lead"
    return rows


def investigators(lines: list[str]) -> list[dict[str, object]]:
    """Name, 'Role: STUDY_CHAIR', affiliation entries (a line followed by 'Role:' starts one)."""
    return _investigators(nonblank(lines))[0]


def _investigators(lines: list[str], width: int | None = None) -> tuple[list[dict[str, object]], int]:
    """The officials, and how many lines none of them takes (an official shown without a 'Role:' line). On a print
    wrapped at `width`, an affiliation that fills the sheet goes on in the line below it, unless a 'Role:' line
    follows that line (then it is the next official's name). A section with no 'Role:' line reads as name and
    affiliation pairs where they plainly are (officials_without_roles)."""
    if not any(_ROLE.match(line) for line in lines) and (unroled := officials_without_roles(lines)):
        return unroled, 0
    rows: list[dict[str, object]] = []
    unread = 0
    affiliation_at = None  # the number of the line an official's affiliation was read from last
    for index, line in enumerate(lines):
        if affiliation_at == index - 1 and _affiliation_goes_on(lines, index, width):
            rows[-1]["affiliation"] = rejoined(str(rows[-1]["affiliation"]), line)
            affiliation_at = index
            continue
        if (match := _ROLE.match(line)) and rows:
            rows[-1]["role"] = labels.lookup("official_role", match.group(1))
        elif not match and index + 1 < len(lines) and _ROLE.match(lines[index + 1]):
            rows.append({"role": None, "name": line, "affiliation": None})
        elif not match and rows and rows[-1]["affiliation"] is None:
            rows[-1]["affiliation"] = line
            affiliation_at = index
        else:
            unread += 1
    return rows, unread


def _affiliation_goes_on(lines: list[str], index: int, width: int | None) -> bool:
    """Whether lines[index] goes on with the affiliation line above it: that line fills a print's sheet, and this one
    is no 'Role:' line nor the name of the next official (a line with a 'Role:' line under it)."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (fills_sheet(lines[index - 1], lines[index], width) and not _ROLE.match(lines[index])
            and not _ROLE.match(following))


def central_contacts(lines: list[str]) -> list[dict[str, object]]:
    """Name, 'Role: CONTACT', phone[, email] entries; the first contact is the primary one. The role is read as API
    v2 spells it (CONTACT, PRINCIPAL_INVESTIGATOR...; another role as shown); a 'primary' or 'backup' there is the
    contact's type. The phone is the line under the role that reads as one, letters and words kept as shown."""
    rows: list[dict[str, object]] = []
    lines = nonblank(lines)
    role_shown = False  # whether the contact read last has shown its 'Role:' line
    for index, line in enumerate(lines):
        if rows and (match := _ROLE.match(line)):
            role_shown, role = True, match.group(1).strip()
            if role.lower() in ("primary", "backup"):
                rows[-1]["contact_type"] = role.lower()
            elif role:
                rows[-1]["role"] = _contact_role(role)
        elif rows and "@" in line and " " not in line:
            rows[-1]["email"] = line
        elif rows and (_PHONE.match(line) or (role_shown and rows[-1]["phone"] is None
                                              and _phone_below_role(line, lines[index - 1:index + 2]))):
            rows[-1]["phone"] = line
        else:
            # as AACT (and ctgov_json_v2) do: the first central contact is primary, the others backup
            rows.append({"contact_type": "backup" if rows else "primary", "name": line, "phone": None, "email": None,
                         "role": None})
            role_shown = False
    return rows


def _contact_role(role: str) -> str:
    """A contact's role as API v2 spells it ('Contact' -> CONTACT, 'Principal Investigator' ->
    PRINCIPAL_INVESTIGATOR); a role of no such kind is kept as the page shows it."""
    spelt = labels.enum_spelling(role)
    return spelt if spelt in _CONTACT_ROLES else role


def _phone_below_role(line: str, around: list[str]) -> bool:
    """Whether a line under a contact's 'Role:' line is its phone as the registry keeps it, letters and all
    ('1-877-CTLilly (1-877-285-4559)', '+1 617 555 0100 ext: 12', 'only use Email'): no 'Role:' line follows it (a
    line above one is the next contact's name), and it starts as a number does and holds a phone's digits, or it
    stands right under the 'Role:' line (a contact's lines are its name, its role, then its phone)."""
    above, below = around[0], around[2:]
    if below and _ROLE.match(below[0]):
        return False
    return (line[:1] in _PHONE_STARTS and sum(map(str.isdigit, line)) >= _PHONE_DIGITS) or bool(_ROLE.match(above))


def identifiers(lines: list[str], width: int | None = None) -> list[dict[str, object]]:
    """Value, 'Identifier Type: -', 'Identifier Source: org_study_id'[, 'Identifier Domain: ...',
    'Identifier Link: ...'] entries; on a print of `width`, a field's value it wrapped onto the next line is one
    value again (an identifier's own line is always followed by its 'Identifier Type:' line, a wrapped value's not)."""
    rows: list[dict[str, object]] = []
    lines = nonblank(lines)
    column = None
    for at, line in enumerate(lines):
        match = _IDENTIFIER_FIELD.match(line)
        if match and rows:
            value = match.group(2).strip()
            column = _IDENTIFIER_COLUMNS[match.group(1)]
            rows[-1][column] = None if value in _NO_VALUE_DASHES else value
        elif not match and column is not None and _wrapped_field_value(lines, at, width):
            rows[-1][column] = rejoined(rows[-1][column], line)
        elif not match:
            rows.append({"id_source": None, "id_type": None, "id_value": line})
            column = None
    return rows


def _wrapped_field_value(lines: list[str], at: int, width: int | None) -> bool:
    """Whether lines[at] is the rest of the identifier field's value above it, which a print of `width` wrapped: the
    field's line fills the sheet, and no field line follows lines[at] (as one follows an identifier's own line)."""
    above, below = lines[at - 1], lines[at + 1:at + 2]
    return (_IDENTIFIER_FIELD.match(above) is not None and fills_sheet(above, lines[at], width)
            and not (below and _IDENTIFIER_FIELD.match(below[0])))


def related_trials(lines: list[str]) -> list[dict[str, object]]:
    """Title line then 'NCT00226889[ TERMINATED PHASE1/PHASE2]' line, per related trial; a title wrapped over lines
    (a printed copy) is the lines since the trial above, one title."""
    rows, title = [], None
    for line in nonblank(lines):
        match = _RELATED.match(line)
        if not match:
            title = line if title is None else joined_title([title, line])
            continue
        status, phase = match.group(2), match.group(3)
        if status and status not in _STATUSES:
            status, phase = None, phase or status
        rows.append({"related_nct_id": match.group(1), "stated_status": status,
                     "stated_phase": labels.phase(phase), "title": title})
        title = None
    return rows
