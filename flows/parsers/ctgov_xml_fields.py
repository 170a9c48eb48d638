"""Reads of legacy <clinical_study> elements: stripped text, textblocks, dates with their type."""
from __future__ import annotations

import re
import textwrap
from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.dates import WRITTEN_FORMS, as_api_writes, as_day, registry_date_columns, said_unknown
from flows.parsers.model import Refused, Row, note_read_as, note_unread_part
from schemas.enums import DATE_TYPE, FORMER_DESIGN_TERMS


def text(element: Element | None, path: str) -> str | None:
    """The stripped text at `path`, None when absent or blank, or when the element holds elements (noted)."""
    if element is None:
        return None
    found = element.find(path)
    return None if found is None else own_text(found, path)


def texts(element: Element, path: str) -> list[str]:
    """The stripped, non-blank texts of every element at `path` (one that holds elements is noted)."""
    values = (own_text(child, path) for child in element.iterfind(path))
    return [value for value in values if value]


def own_text(element: Element, path: str) -> str | None:
    """The stripped text of `element` (found at `path`), its lines ended by LF; None when blank or when it holds
    elements (noted)."""
    value = element.text if not len(element) else held_elements(path, element)
    if not value:
        return attributes_only(path, element)
    if "\r" in value:  # the registry writes each line end as '&#xD;' and a newline; API v2 ends lines with LF
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip() or None


def attributes_only(path: str, element: Element) -> None:
    """Note an element read as text that gives none, only attributes (<overall_status value="Completed"/>, as a
    converter may write it): what they hold is not read. Legacy XML gives a value as the element's text; its one
    attribute beside a value, type, is read where it stands (and noted there when it stands without one)."""
    names = [name for name in element.attrib if name.lower() != "type"]
    if names and not (element.text and element.text.strip()) and not len(element):
        note_unread_part(f"<{path}> gives no text, only the attribute{'s' if len(names) > 1 else ''} "
                         f"{', '.join(map(repr, names))}, where legacy XML gives the value as text")
    return None


def other_attributes(path: str, element: Element) -> None:
    """Note the attributes beside the text of a dated element or <enrollment> other than its type (<start_date
    type="Actual" day="5">March 2020</start_date>, as a converter may write a day the registry does not give):
    legacy XML gives these elements no other attribute, and what one holds is not read. The note names the
    attributes, never their values. (One given without text is noted by `attributes_only`; a type spelt in another
    case by `type_attribute`.)"""
    names = [name for name in element.attrib if name.lower() != "type"]
    if names and element.text and element.text.strip():
        note_unread_part(f"<{path}> gives the attribute{'s' if len(names) > 1 else ''} {', '.join(map(repr, names))} "
                         "beside its value, where legacy XML gives none but type: "
                         f"{'they are' if len(names) > 1 else 'it is'} not read")


def line(element: Element, path: str) -> str | None:
    """The one-line text at `path` that legacy XML writes as an indented block wrapped at 100 columns
    (<why_stopped>): its lines joined by one space, as API v2 gives the value."""
    value = text(element, path)
    return None if value is None else _LINE_BREAK.sub(" ", value)


# A line break with the indentation around it (and any blank lines between).
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def block(element: Element, path: str) -> str | None:
    """A <textblock> under `path`, with the XML's carriage returns and indentation removed. Text given in the
    element itself, without a <textblock>, is read the same way."""
    found = element.find(path)
    if found is None:
        return None
    inner = found.find("textblock")
    source, where = (found, path) if inner is None else (inner, f"{path}/textblock")
    value = source.text if not len(source) else held_elements(where, source)
    if not value:
        return attributes_only(where, source)
    return textwrap.dedent(value.replace("\r", "")).strip() or None


def held_elements(path: str, element: Element) -> None:
    """Note an element read as text that holds elements (<brief_title>A <i>b</i></brief_title>): its text is
    not read, not cut to the part before the first element. The note names the elements, never the text."""
    held = ", ".join(dict.fromkeys(f"<{child.tag}>" for child in element))
    note_unread_part(f"<{path}> holds {held}, not text only")
    return None


def integer(element: Element, path: str) -> int | str | None:
    """The integer at `path`; other text as given, for validation to refuse and keep; None when absent."""
    value = text(element, path)
    return int(value) if value and value.isascii() and value.isdigit() else value  # not '²', which int() refuses


def api_value(mapped: str | None, label: str | None, allowed: tuple[str, ...], tag: str) -> str | Refused | None:
    """The API v2 value the label of <tag> maps to. A label legacy XML may hold that has no API v2 value (study type
    N/A, a 2007 time perspective 'Longitudinal, Prospective') is kept as the XML gives it, for validation to refuse
    and quote; any other label that maps to none is refused as given, naming the legacy XML values it should have
    been (the record is no API v2 record). A label read with a closing period ('Completed.') is noted."""
    if mapped is None:
        return None
    if mapped in allowed:
        if label and label[-1] in _CLOSING_MARKS:
            note_read_as(tag, f"<{tag}> is {_quoted(label)}, {WHERE_LEGACY_XML_WRITES} a value without a closing "
                              f"'{label[-1]}': read as {mapped}")
        return mapped
    if " ".join(label.lower().split()) in _LEGACY_KEYS[tag] or _former_terms(tag, label):
        return label
    return Refused(label, f"a legacy XML <{tag}> value ({_LEGACY_WORDS.get(tag) or _one_of(LEGACY_VALUES[tag])})")


def _one_of(values: tuple[str, ...]) -> str:
    return "one of " + ", ".join(values)


# The words of a note on a value read as it spells that is written otherwise than legacy XML writes it.
WHERE_LEGACY_XML_WRITES = "where legacy XML writes"
# Marks that close no registry value: a label that ends with one was written by hand or a converter.
_CLOSING_MARKS = frozenset(".,;:")
# The display labels public.xsd allows in each element that holds one of a set (the refusal names them).
_STATUSES = ("Not yet recruiting", "Recruiting", "Enrolling by invitation", "Active, not recruiting")
_SITE_STATUSES = _STATUSES + ("Suspended", "Terminated", "Completed", "Withdrawn")
LEGACY_VALUES = {
    "overall_status": _SITE_STATUSES + ("Unknown status", "Available", "No longer available",
                                        "Temporarily not available", "Approved for marketing", "Withheld"),
    "last_known_status": _STATUSES,
    "location/status": _SITE_STATUSES,
    "phase": ("Early Phase 1", "Phase 1", "Phase 1/Phase 2", "Phase 2", "Phase 2/Phase 3", "Phase 3", "Phase 4", "N/A"),
    "study_type": ("Interventional", "Observational", "Observational [Patient Registry]", "Expanded Access", "N/A"),
    "gender": ("All", "Female", "Male"),
    "allocation": ("Randomized", "Non-Randomized", "N/A"),
    "intervention_model": ("Single Group Assignment", "Parallel Assignment", "Crossover Assignment",
                           "Factorial Assignment", "Sequential Assignment"),
    "primary_purpose": ("Treatment", "Prevention", "Diagnostic", "Supportive Care", "Screening",
                        "Health Services Research", "Basic Science", "Device Feasibility", "Other"),
    "observational_model": ("Cohort", "Case-Control", "Case-Only", "Case-Crossover", "Ecologic or Community",
                            "Family-Based", "Other"),
    "time_perspective": ("Retrospective", "Prospective", "Cross-Sectional", "Other"),
    "masking": ("None (Open Label)", "Single", "Double", "Triple", "Quadruple"),
    "arm_group_type": ("Experimental", "Active Comparator", "Placebo Comparator", "Sham Comparator",
                       "No Intervention", "Other"),
    "intervention_type": ("Behavioral", "Biological", "Combination Product", "Device", "Diagnostic Test",
                          "Dietary Supplement", "Drug", "Genetic", "Procedure", "Radiation", "Other"),
    "agency_class": ("NIH", "U.S. Fed", "Industry", "Other"),
    "role": ("Principal Investigator", "Sub-Investigator", "Study Chair", "Study Director"),
    "responsible_party_type": ("Sponsor", "Principal Investigator", "Sponsor-Investigator"),
    "sampling_method": ("Probability Sample", "Non-Probability Sample"),
    "biospec_retention": ("None Retained", "Samples With DNA", "Samples Without DNA"),
    "sharing_ipd": ("Yes", "No", "Undecided"),
}
_LEGACY_KEYS = {tag: frozenset(value.lower() for value in values) for tag, values in LEGACY_VALUES.items()}
_LEGACY_WORDS = {"masking": "one of None (Open Label), Single, Double, Triple, Quadruple, with the roles masked in "
                            "parentheses: Double (Participant, Investigator)"}


def _former_terms(tag: str, label: str) -> bool:
    """Whether every comma-separated part of a design label is a term of the registry's former vocabulary."""
    terms = FORMER_DESIGN_TERMS.get(tag)
    return terms is not None and all(part.strip().lower() in terms for part in label.split(","))


def date_of(root: Element, tag: str, prefix: str, typed: bool = False) -> Row:
    """The date columns of <tag> ('March 2000' is month precision), with its type attribute if `typed`. A type given
    without a date (<start_date type="Actual"/>, which the registry never writes) cannot stand beside one: noted."""
    element = root.find(tag)
    value = None if element is None else element.text if not len(element) else held_elements(tag, element)
    if element is not None and element.attrib and not (value and value.strip()):
        attributes_only(tag, element)
    elif element is not None and element.attrib:
        other_attributes(tag, element)
    written(tag, value)
    if not typed:
        return registry_date_columns(prefix, value)
    label = None if element is None else type_attribute(element, tag)
    if label and label.strip() and not len(element) and not (value and value.strip()):  # holding elements is noted
        note_unread_part(f"<{tag}> gives the type {_quoted(label.strip())} without a date")
    return registry_date_columns(prefix, value, date_type(label))


# How legacy XML writes a date (public.xsd variable_date_type): a month's full name, the day or not, the year ('March
# 2020', 'March 5, 2020'), or the word Unknown.
_LEGACY_DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                          r" (?:[0-9]{1,2}, )?[0-9]{4}")
_DAY_FORM = WRITTEN_FORMS["day"]
_PERIODS = {WRITTEN_FORMS["month"]: "month", WRITTEN_FORMS["year"]: "year"}


def written(tag: str, value: str | None, day: bool = False) -> str | None:
    """`value`, the text of the date <tag>. A date written otherwise than legacy XML writes it ('2020-03', 'Mar 2020',
    '5 March 2020', as a converter writes it) is read as the date it spells and noted, quoting it; so is a month or a
    year given for a date stored as a `day` (a submission), read as its last day. Text that is no date is left for
    validation to refuse."""
    if value is None or said_unknown(value):
        return value
    legacy = _LEGACY_DATE.fullmatch(value.strip()) is not None
    if legacy and not day:  # the usual case, without a parse
        return value
    spelt = as_api_writes(value)
    if spelt is None:
        return value
    if day and spelt[1] != _DAY_FORM:
        note_read_as(tag, f"<{tag}> is {_quoted(value.strip())}, {WHERE_LEGACY_XML_WRITES} a day ('March 5, 2020'): "
                          f"read as {as_day(value)}, the last day of the {_PERIODS[spelt[1]]}")
    elif not legacy:
        note_read_as(tag, f"<{tag}> is {_quoted(value.strip())}, {WHERE_LEGACY_XML_WRITES} a date as 'March 2020' or "
                          f"'March 5, 2020': read as {spelt[0]}")
    return value


def type_attribute(element: Element, tag: str) -> str | None:
    """The type="..." attribute of a dated element (or of <enrollment>). XML names are case-sensitive: an attribute
    spelt in another case (Type="Actual", as a hand edit or a converter writes it) is not the registry's, and is
    noted rather than dropped without a word."""
    label = element.get("type")
    if label is None and element.attrib:
        for name in element.attrib:
            if name.lower() == "type":
                note_unread_part(f"<{tag}> gives its type in the attribute '{name}', where legacy XML names it "
                                 "'type'")
    return label


# What a legacy XML type attribute may be (public.xsd's actual_enum): the study dates and the enrollment say
# Anticipated where the posted dates say Estimate.
LEGACY_TYPES = "Actual, Anticipated or Estimate"


def date_type(label: str | None, what: str = "date type") -> str | Refused | None:
    """type="Actual" / "Anticipated" / "Estimate" -> ACTUAL / ESTIMATED; another label is refused as the XML gives it,
    with the legacy XML types it should have been (the record is no API v2 record)."""
    # Posted dates say "Estimate" where the study dates say "Anticipated".
    mapped = "ESTIMATED" if label and label.strip().lower() == "estimate" else labels.lookup("date_type", label)
    if mapped is None or mapped in DATE_TYPE:
        return mapped
    return Refused(label.strip(), f"a legacy XML {what} ({LEGACY_TYPES})")


def _quoted(value: str) -> str:
    """A short value as the XML gives it, in quotes (a long one cut)."""
    return f"'{value}'" if len(value) <= 60 else f"'{value[:60]}...'"


def person_name(element: Element) -> str | None:
    """The name of a legacy contact or official: first/middle/last, then degrees."""
    name = " ".join(filter(None, (text(element, tag) for tag in ("first_name", "middle_name", "last_name"))))
    degrees = text(element, "degrees")
    return ", ".join(filter(None, (name, degrees))) or None


def mesh_tables(root: Element) -> dict[str, list[Row]]:
    """browse_conditions and browse_interventions: legacy XML lists the matched MeSH terms only."""
    return {
        table: [{"mesh_term": term, "downcase_mesh_term": term.lower(), "mesh_type": "mesh-list"}
                for term in texts(root, f"{tag}/mesh_term")]
        for table, tag in (("browse_conditions", "condition_browse"),
                           ("browse_interventions", "intervention_browse"))
    }
