"""API v2 sponsors, contacts and locations -> sponsors, officials, central contacts, facilities, countries."""
from __future__ import annotations

import re

from flows.parsers.ctgov_json_v2_fields import (
    note_unread, objects, part, quoted, section, text, texts, value_text,
)
from flows.parsers.model import ColumnRows, Row, note_read_as
from schemas.enums import LATITUDE_MAX, LONGITUDE_MAX


def people_places_tables(study: dict) -> dict[str, list[Row]]:
    """The people and places tables of one study object (protocolSection and derivedSection)."""
    protocol = section(study, "protocolSection")
    contacts = section(protocol, "contactsLocationsModule")
    facilities = _facilities(objects(contacts, "locations"))
    return {
        "sponsors": _sponsors(section(protocol, "sponsorCollaboratorsModule")),
        "overall_officials": [_official(item) for item in objects(contacts, "overallOfficials")],
        "central_contacts": _central_contacts(objects(contacts, "centralContacts")),
        "responsible_parties": _responsible_party(section(protocol, "sponsorCollaboratorsModule")),
        "facilities": facilities,
        "countries": _countries(facilities.columns["country"], section(study, "derivedSection", "miscInfoModule")),
    }


def _sponsors(module: dict) -> list[Row]:
    lead = part(module, "leadSponsor")
    parties = [("lead", lead)] if lead is not None else []
    parties += [("collaborator", item) for item in objects(module, "collaborators")]
    return [
        {"agency_class": text(party.get("class")), "lead_or_collaborator": role,
         "name": text(party.get("name"))}
        for role, party in parties
    ]


def _official(item: dict) -> Row:
    return {"role": text(item.get("role")), "name": text(item.get("name")),
            "affiliation": text(item.get("affiliation"))}


def _central_contacts(contacts: list[dict]) -> list[Row]:
    # Personal data: these values go to central_contacts only.
    return [
        {"contact_type": "primary" if index == 0 else "backup", "name": text(item.get("name")),
         "phone": text(item.get("phone")), "email": text(item.get("email")),
         "phone_extension": text(item.get("phoneExt")), "role": text(item.get("role"))}
        for index, item in enumerate(contacts)
    ]


def _facilities(locations: list[dict]) -> ColumnRows:
    """One row per location object, held as columns (flows.parsers.model.ColumnRows): a study can list
    thousands of sites, a batch tens of thousands, and the batch wants them column by column. Written out per
    column, in one loop: the usual value is a non-blank string (kept as is) or absent (None) without a call."""
    names, cities, states, zip_codes, countries, statuses, lats, lons = [], [], [], [], [], [], [], []
    for item in locations:
        get = item.get
        name, city, state, zip_code, country, status, geo = (
            get("facility"), get("city"), get("state"), get("zip"), get("country"), get("status"), get("geoPoint"))
        if type(geo) is dict:
            lat, lon = geo.get("lat"), geo.get("lon")
            if type(lat) is not float:
                lat = coordinate(lat, "geoPoint.lat", LATITUDE_MAX)
            if type(lon) is not float:
                lon = coordinate(lon, "geoPoint.lon", LONGITUDE_MAX)
        else:
            lat = lon = None
            if geo is not None:
                note_unread("geoPoint", geo)
        names.append(name if type(name) is str and name and not name.isspace()
                     else None if name is None else text(name))
        cities.append(city if type(city) is str and city and not city.isspace()
                      else None if city is None else text(city))
        states.append(state if type(state) is str and state and not state.isspace()
                      else None if state is None else text(state))
        zip_codes.append(zip_code if type(zip_code) is str and zip_code and not zip_code.isspace()
                         else None if zip_code is None else text(zip_code))
        countries.append(country if type(country) is str and country and not country.isspace()
                         else None if country is None else text(country))
        statuses.append(status if type(status) is str and status and not status.isspace()
                        else None if status is None else text(status))
        lats.append(lat)
        lons.append(lon)
    return ColumnRows({"name": names, "city": cities, "state": states, "zip": zip_codes, "country": countries,
                       "status": statuses, "latitude": lats, "longitude": lons})


def coordinate(value: object, name: str, bound: int) -> object:
    """A latitude or longitude (at most `bound` degrees either way) as a float; a string of a decimal number within
    it as that float, noted as read from a string; anything else kept as its text for validation to refuse."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and _DECIMAL.fullmatch(digits := value.strip()) and abs(float(digits)) <= bound:
        note_read_as(name, f"{name} is the string {quoted(value)}, not a number: read as {float(digits)}")
        return float(digits)
    return value_text(value)


# A decimal number as text: digits, a point, a sign (no exponent, no separators, ASCII digits only).
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _responsible_party(module: dict) -> list[Row]:
    """The responsibleParty object as one row, as AACT writes it whenever the record gives the object (an empty one
    too). Personal data: the investigator's name goes to responsible_parties only."""
    party = part(module, "responsibleParty")
    if party is None:
        return []
    return [{"responsible_party_type": text(party.get("type")), "name": text(party.get("investigatorFullName")),
             "title": text(party.get("investigatorTitle")), "organization": text(party.get("oldOrganization")),
             "affiliation": text(party.get("investigatorAffiliation")),
             "old_name_title": text(party.get("oldNameTitle"))}]


def _countries(located: list, misc: dict) -> list[Row]:
    """Distinct location countries (removed=false), then derived removedCountries (removed=true)."""
    current = [country for country in located if type(country) is str]  # a refused one is the facility's
    removed = texts(misc.get("removedCountries"), "removedCountries")
    return [{"name": name, "removed": False} for name in dict.fromkeys(current)] + [
        {"name": name, "removed": True} for name in dict.fromkeys(removed)
    ]
