"""Legacy <clinical_study> sponsors, officials, contacts and locations -> their AACT tables."""
from __future__ import annotations

from collections.abc import Sequence
from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.ctgov_xml_fields import api_value, person_name, text, texts
from flows.parsers.model import Row
from schemas import enums


def people_places_tables(root: Element) -> dict[str, list[Row]]:
    """sponsors, overall_officials, central_contacts, responsible_parties, facilities and countries."""
    facilities = [_facility(item) for item in root.iterfind("location")]
    return {
        "sponsors": _sponsors(root),
        "overall_officials": [
            {"role": _enum(text(item, "role"), "official_role", enums.OFFICIAL_ROLE, "role"), "name": person_name(item),
             "affiliation": text(item, "affiliation")}
            for item in root.iterfind("overall_official")
        ],
        "central_contacts": _central_contacts(root),
        "responsible_parties": _responsible_parties(root),
        "facilities": facilities,
        "countries": _countries(root, "location_countries", removed=False, facilities=facilities)
        + _countries(root, "removed_countries", removed=True),
    }


def _countries(root: Element, tag: str, removed: bool, facilities: Sequence[Row] = ()) -> list[Row]:
    """The countries of <tag>. Older records (2009 and before) give no <location_countries>: their location
    countries are their sites' countries, as API v2 derives them."""
    names = texts(root, f"{tag}/country")
    if not names and root.find(tag) is None:
        names = [row["country"] for row in facilities if row["country"]]
    return [{"name": name, "removed": removed} for name in dict.fromkeys(names)]


def _sponsors(root: Element) -> list[Row]:
    parties = [("lead", item) for item in root.iterfind("sponsors/lead_sponsor")]
    parties += [("collaborator", item) for item in root.iterfind("sponsors/collaborator")]
    return [
        {"agency_class": _enum(text(item, "agency_class"), "agency_class", enums.AGENCY_CLASS, "agency_class"),
         "lead_or_collaborator": role, "name": text(item, "agency")}
        for role, item in parties
    ]


def _central_contacts(root: Element) -> list[Row]:
    # Personal data: these values go to central_contacts only.
    contacts = [("primary", item) for item in root.iterfind("overall_contact")]
    contacts += [("backup", item) for item in root.iterfind("overall_contact_backup")]
    # API v2 gives every central contact the role CONTACT (AACT's central_contacts.role); legacy XML states none.
    return [
        {"contact_type": contact_type, "name": person_name(item), "phone": text(item, "phone"),
         "email": text(item, "email"), "phone_extension": text(item, "phone_ext"), "role": CONTACT_ROLE}
        for contact_type, item in contacts
    ]


CONTACT_ROLE = "CONTACT"


def _facility(location: Element) -> Row:
    address = location.find("facility/address")
    status = text(location, "status")
    return {
        "name": text(location, "facility/name"), "city": text(address, "city"),
        "state": text(address, "state"), "zip": text(address, "zip"), "country": text(address, "country"),
        # Site recruitment statuses use the overall status labels ('Recruiting', 'Withdrawn'...).
        "status": api_value(labels.overall_status(status), status, enums.RECRUITMENT_STATUS, "location/status"),
    }


def _responsible_parties(root: Element) -> list[Row]:
    # Personal data: the investigator's name goes to responsible_parties only.
    return [
        {"responsible_party_type": _party_type(text(item, "responsible_party_type")),
         "name": text(item, "investigator_full_name"), "title": text(item, "investigator_title"),
         "organization": text(item, "organization"), "affiliation": text(item, "investigator_affiliation"),
         "old_name_title": text(item, "name_title")}
        for item in root.iterfind("responsible_party")
    ]


def _party_type(label: str | None) -> str | None:
    """'Principal Investigator' -> PRINCIPAL_INVESTIGATOR, 'Sponsor-Investigator' -> SPONSOR_INVESTIGATOR."""
    return api_value(labels.enum_spelling(label), label, enums.RESPONSIBLE_PARTY_TYPE, "responsible_party_type")


def _enum(label: str | None, kind: str, allowed: tuple[str, ...], tag: str) -> str | None:
    """The API v2 value of the label of <tag> (labels.lookup's `kind`), as `api_value` reads it."""
    return api_value(labels.lookup(kind, label), label, allowed, tag)
