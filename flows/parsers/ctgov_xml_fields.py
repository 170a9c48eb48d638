"""Reads of legacy <clinical_study> elements: stripped text, textblocks, dates with their type."""
from __future__ import annotations

import re
import textwrap
from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.dates import registry_date_columns
from flows.parsers.model import Refused, Row, note_unread_part
from schemas.enums import DATE_TYPE


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
        return None
    if "\r" in value:  # the registry writes each line end as '&#xD;' and a newline; API v2 ends lines with LF
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip() or None


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
        return None
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


def api_value(mapped: str | None, label: str | None, allowed: tuple[str, ...]) -> str | None:
    """The API v2 value a label maps to; a label that maps to none is kept as the XML gives it,
    so that validation refuses it and an invalid_value issue quotes the source's own words."""
    return mapped if mapped is None or mapped in allowed else label


def date_of(root: Element, tag: str, prefix: str, typed: bool = False) -> Row:
    """The date columns of <tag> ('March 2000' is month precision), with its type attribute if `typed`. A type given
    without a date (<start_date type="Actual"/>, which the registry never writes) cannot stand beside one: noted."""
    element = root.find(tag)
    value = None if element is None else element.text if not len(element) else held_elements(tag, element)
    if not typed:
        return registry_date_columns(prefix, value)
    label = None if element is None else type_attribute(element, tag)
    if label and label.strip() and not len(element) and not (value and value.strip()):  # holding elements is noted
        note_unread_part(f"<{tag}> gives the type {_quoted(label.strip())} without a date")
    return registry_date_columns(prefix, value, date_type(label))


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
