"""Legacy <clinical_study> sponsors, officials, contacts and locations -> their AACT tables."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.ctgov_xml_fields import person_name, text, texts
from flows.parsers.model import Row


def people_places_tables(root: Element) -> dict[str, list[Row]]:
    """sponsors, overall_officials, central_contacts, facilities and countries."""
    return {
        "sponsors": _sponsors(root),
        "overall_officials": [
            {"role": labels.lookup("official_role", text(item, "role")), "name": person_name(item),
             "affiliation": text(item, "affiliation")}
            for item in root.iterfind("overall_official")
        ],
        "central_contacts": _central_contacts(root),
        "facilities": [_facility(item) for item in root.iterfind("location")],
        "countries": _countries(root, "location_countries", removed=False)
        + _countries(root, "removed_countries", removed=True),
    }


def _countries(root: Element, tag: str, removed: bool) -> list[Row]:
    return [{"name": name, "removed": removed} for name in dict.fromkeys(texts(root, f"{tag}/country"))]


def _sponsors(root: Element) -> list[Row]:
    parties = [("lead", item) for item in root.iterfind("sponsors/lead_sponsor")]
    parties += [("collaborator", item) for item in root.iterfind("sponsors/collaborator")]
    return [
        {"agency_class": labels.lookup("agency_class", text(item, "agency_class")),
         "lead_or_collaborator": role, "name": text(item, "agency")}
        for role, item in parties
    ]


def _central_contacts(root: Element) -> list[Row]:
    # Personal data: these values go to central_contacts only.
    contacts = [("primary", item) for item in root.iterfind("overall_contact")]
    contacts += [("backup", item) for item in root.iterfind("overall_contact_backup")]
    return [
        {"contact_type": contact_type, "name": person_name(item), "phone": text(item, "phone"),
         "email": text(item, "email")}
        for contact_type, item in contacts
    ]


def _facility(location: Element) -> Row:
    address = location.find("facility/address")
    return {
        "name": text(location, "facility/name"), "city": text(address, "city"),
        "state": text(address, "state"), "zip": text(address, "zip"), "country": text(address, "country"),
        # Site recruitment statuses use the overall status labels ('Recruiting', 'Withdrawn'...).
        "status": labels.overall_status(text(location, "status")),
    }
