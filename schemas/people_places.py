"""Sites, countries, sponsors, people, identifiers and links between studies."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Bool, Float, Int, StudyChild, Text, column, enum, row_id


class Facilities(StudyChild):
    """Study sites."""

    name: Text = column("site name")
    city: Text = column("city")
    state: Text = column("state or region")
    zip: Text = column("postal code")
    country: Text = column("country")
    status: Text = enum(enums.RECRUITMENT_STATUS, "site recruitment status")
    latitude: Float = pa.Field(nullable=True, ge=-enums.LATITUDE_MAX, le=enums.LATITUDE_MAX,
                               description="site latitude (API v2 geoPoint.lat)")
    longitude: Float = pa.Field(nullable=True, ge=-enums.LONGITUDE_MAX, le=enums.LONGITUDE_MAX,
                                description="site longitude (API v2 geoPoint.lon)")
    id: Int = row_id()


class Countries(StudyChild):
    """Countries with at least one site."""

    name: Text = column("country name")
    removed: Bool = column("the country was removed from the record")
    id: Int = row_id()


class Sponsors(StudyChild):
    """Lead sponsor and collaborators."""

    agency_class: Text = enum(enums.AGENCY_CLASS, "INDUSTRY, NIH, OTHER...")
    lead_or_collaborator: Text = enum(enums.LEAD_OR_COLLABORATOR, "lead or collaborator")
    name: Text = column("organisation name")
    id: Int = row_id()


class OverallOfficials(StudyChild):
    """Investigators responsible for the study."""

    role: Text = enum(enums.OFFICIAL_ROLE, "PRINCIPAL_INVESTIGATOR, STUDY_CHAIR...")
    name: Text = column("investigator name")
    affiliation: Text = column("investigator affiliation")
    id: Int = row_id()


class CentralContacts(StudyChild):
    """Central contacts. Personal data: never copied to logs, rejects or reports."""

    contact_type: Text = enum(enums.CONTACT_TYPE, "primary or backup")
    name: Text = column("contact name (personal data)")
    phone: Text = column("contact phone (personal data)")
    email: Text = column("contact email (personal data)")
    phone_extension: Text = column("contact phone extension (personal data)")
    role: Text = column("the contact's role as API v2 gives it, e.g. CONTACT or PRINCIPAL_INVESTIGATOR")
    id: Int = row_id()


class ResponsibleParties(StudyChild):
    """Who is responsible for the record. The name is personal data: never copied to logs, rejects or reports."""

    responsible_party_type: Text = enum(enums.RESPONSIBLE_PARTY_TYPE, "SPONSOR, PRINCIPAL_INVESTIGATOR...")
    name: Text = column("investigator's name (personal data)")
    title: Text = column("investigator's title")
    organization: Text = column("investigator's organization")
    affiliation: Text = column("investigator's affiliation")
    old_name_title: Text = column("name and title of a responsible party of the pre-2017 form (personal data)")
    id: Int = row_id()


class IdInformation(StudyChild):
    """Other identifiers of the study."""

    id_source: Text = enum(enums.ID_SOURCE, "org_study_id, secondary_id or nct_alias")
    id_type: Text = column("identifier type, e.g. EUDRACT_NUMBER")
    id_value: Text = column("the identifier")
    id_link: Text = column("link to the identifier's registry page (API v2 link)")
    id_type_description: Text = column("who issued the identifier (API v2 domain), e.g. CTRP or IDRCB")
    id: Int = row_id()


class RelatedStudies(StudyChild):
    """What this record says about another study (its 'See also' / related-trials lists)."""

    related_nct_id: Text = pa.Field(nullable=True, str_matches=r"^NCT\d{8}$", description="the other study")
    stated_status: Text = enum(enums.OVERALL_STATUS, "status this record states for it")
    stated_phase: Text = enum(enums.PHASE_COMBINED, "phase this record states for it")
    title: Text = column("title this record states for it")


class PageHeaderMetrics(StudyChild):
    """The derived numbers of a clincosm page header, kept to check against the record."""

    enrollment: Int = pa.Field(nullable=True, ge=0, description="enrollment shown in the header")
    sites: Int = pa.Field(nullable=True, ge=0, description="number of sites")
    arms: Int = pa.Field(nullable=True, ge=0, description="number of arms")
    duration_months: Float = pa.Field(nullable=True, ge=0, description="study duration in months")
    patients_per_site: Float = pa.Field(nullable=True, ge=0, description="only when sites > 1")
    patients_per_site_per_month: Float = pa.Field(nullable=True, ge=0, description="recruitment rate")
