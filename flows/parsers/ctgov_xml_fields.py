"""Reads of legacy <clinical_study> elements: stripped text, textblocks, dates with their type."""
from __future__ import annotations

import textwrap
from xml.etree.ElementTree import Element

from flows.parsers import labels
from flows.parsers.dates import date_columns
from flows.parsers.model import Row
from schemas.enums import DATE_TYPE


def text(element: Element | None, path: str) -> str | None:
    """The stripped text at `path`, None when absent or blank."""
    if element is None:
        return None
    value = element.findtext(path)
    return (value.strip() or None) if value else None


def texts(element: Element, path: str) -> list[str]:
    """The stripped, non-blank texts of every element at `path`."""
    values = (child.text.strip() for child in element.iterfind(path) if child.text)
    return [value for value in values if value]


def block(element: Element, path: str) -> str | None:
    """A <textblock> under `path`, with the XML's carriage returns and indentation removed."""
    value = element.findtext(f"{path}/textblock")
    if not value:
        return None
    return textwrap.dedent(value.replace("\r", "")).strip() or None


def integer(element: Element, path: str) -> int | str | None:
    """The integer at `path`; other text as given, for validation to refuse and keep; None when absent."""
    value = text(element, path)
    return int(value) if value and value.isdigit() else value


def api_value(mapped: str | None, label: str | None, allowed: tuple[str, ...]) -> str | None:
    """The API v2 value a label maps to; a label that maps to none is kept as the XML gives it,
    so that validation refuses it and an invalid_value issue quotes the source's own words."""
    return mapped if mapped is None or mapped in allowed else label


def date_of(root: Element, tag: str, prefix: str, typed: bool = False) -> Row:
    """The date columns of <tag> ('March 2000' is month precision), with its type attribute if `typed`."""
    element = root.find(tag)
    value = element.text if element is not None else None
    if not typed:
        return date_columns(prefix, value)
    label = element.get("type") if element is not None else None
    return date_columns(prefix, value, date_type(label))


def date_type(label: str | None) -> str | None:
    """type="Actual" / "Anticipated" / "Estimate" -> ACTUAL / ESTIMATED; other labels kept as given."""
    # Posted dates say "Estimate" where the study dates say "Anticipated".
    mapped = "ESTIMATED" if label and label.strip().lower() == "estimate" else labels.lookup("date_type", label)
    return api_value(mapped, label, DATE_TYPE)


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
