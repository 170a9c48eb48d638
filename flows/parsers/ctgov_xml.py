"""Legacy ClinicalTrials.gov XML (<clinical_study>, as in AllPublicXML), read with defusedxml. A record whose root
is in a namespace, declared as the default (<clinical_study xmlns="...">) or by a prefix (<ct:clinical_study
xmlns:ct="...">), as a republisher may write it, is read as the record."""
from __future__ import annotations

import re
import xml.etree.ElementTree as element_tree
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from flows.parsers.model import NCT_ID
from flows.parsers.ctgov_xml_design import design_tables
from flows.parsers.ctgov_xml_fields import mesh_tables, text
from flows.parsers.ctgov_xml_people_places import people_places_tables
from flows.parsers.ctgov_xml_references import reference_tables
from flows.parsers.ctgov_xml_results import adverse_event_sum_rows
from flows.parsers.ctgov_xml_study import id_rows, pending_rows, study_row, text_tables
from flows.parsers.model import Parsed, Problem, Row, StudyRecord, noted

LAYOUT = "ctgov_xml"
UNSAFE_XML = "unsafe XML: entity declarations and external references are refused"
# A record that only identifies a study is a fragment, not a loadable study (as in API v2). A record
# with more but no status still loads: the missing-field rules say what it lacks.
ID_ONLY_FRAGMENT = "id-only fragment: <clinical_study> holds nothing but its identification"
# Elements that identify a record without describing the study.
_IDENTIFICATION = {"required_header", "id_info"}
_BOM = b"\xef\xbb\xbf"
UNKNOWN_ENCODING = "unknown encoding in the XML declaration"
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']{0,40})[\"']")
# Whitespace, an XML declaration, comments and a DOCTYPE may come before the root element, which may name its
# namespace by a prefix (<ct:clinical_study>).
_ROOT = re.compile(
    rb"(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<(?:[A-Za-z_][\w.-]*:)?clinical_study[\s>/]",
    re.DOTALL,
)


def sniff(head: bytes) -> bool:
    """True when the root element is <clinical_study> (or <prefix:clinical_study>)."""
    return _ROOT.match(head.removeprefix(_BOM)) is not None


# A <clinical_study> of the Protocol Registration System's upload schema (<study_id>, every text in a <textblock>) is
# what a sponsor sends the registry, not the record it publishes; its elements are not the public record's.
PRS_UPLOAD = "PRS upload XML, not a published record"


def parse(raw: bytes) -> Parsed:
    """The one study of a <clinical_study> document, or a Problem. Never raises; never expands entities."""
    parsed = Parsed(LAYOUT)
    root = _root(raw, parsed.problems)
    if root is None:
        return parsed
    nct_id = text(root, "id_info/nct_id")
    if nct_id is None and root.find("id_info") is None and root.find("study_id") is not None:
        given = text(root, "study_id/nct_id")
        known = given if given is not None and NCT_ID.fullmatch(given) else None
        parsed.problems.append(Problem(PRS_UPLOAD, f"<study_id> names {known or 'no NCT number'}: load the record the "
                                       "registry publishes (API v2 JSON or legacy XML) instead", known))
    elif nct_id is None:
        parsed.problems.append(Problem("no <nct_id> in <id_info>"))
    elif not NCT_ID.fullmatch(nct_id):
        parsed.problems.append(Problem("nct_id is not NCT followed by 8 digits", repr(nct_id[:40])))
    elif {child.tag for child in root} <= _IDENTIFICATION:
        elements = ", ".join(child.tag for child in root)
        parsed.problems.append(Problem(ID_ONLY_FRAGMENT, f"elements: {elements}", nct_id))
    else:
        noted()  # notes of a study whose reading failed are not this one's
        try:
            parsed.records.append(StudyRecord(nct_id, study_tables(root)))
        except Exception as error:  # malformed input never stops the run; the type is enough to debug
            parsed.problems.append(Problem("study could not be mapped", type(error).__name__, nct_id))
            return parsed
        parsed.problems += [Problem(reason, f"document: {part}", nct_id) for reason, part in noted()]
    return parsed


def _root(raw: bytes, problems: list[Problem]) -> Element | None:
    """The <clinical_study> element, or None with a Problem (unsafe XML, not well-formed, other root)."""
    try:
        root = _parse_xml(raw)
    except LookupError:
        declared = _DECLARED_ENCODING.search(raw[:200])
        problems.append(Problem(UNKNOWN_ENCODING, repr(declared.group(1).decode("latin-1")) if declared else ""))
        return None
    except UnicodeDecodeError as error:
        problems.append(Problem("invalid XML", f"not {error.encoding}: byte {error.start}"))
        return None
    except DefusedXmlException as error:
        problems.append(Problem(UNSAFE_XML, str(error)))
        return None
    except ParseError as error:
        problems.append(Problem("invalid XML", _not_utf8(raw) or str(error)))
        return None
    if root.tag != "clinical_study" and root.tag.startswith("{") and root.tag.endswith("}clinical_study"):
        _drop_namespace(root, root.tag[:-len("clinical_study")])
    if root.tag != "clinical_study":
        problems.append(Problem("not a <clinical_study> record", f"root element <{root.tag[:40]}>"))
        return None
    return root


def _drop_namespace(root: Element, namespace: str) -> None:
    """Name the elements of a <clinical_study xmlns="..."> as legacy XML names them. The registry's records have no
    namespace; a republisher may declare one on the root, which puts every element of the record in it (or, by a
    prefix, <ct:clinical_study xmlns:ct="...">, the root and each element written with the prefix). An element of
    another namespace keeps its name, and is not read."""
    for element in root.iter():
        if type(element.tag) is str and element.tag.startswith(namespace):
            element.tag = element.tag[len(namespace):]


def _not_utf8(raw: bytes) -> str | None:
    """Why a document that declares no encoding (or UTF-8) is not well-formed when its bytes are not UTF-8 (expat
    then says only 'invalid token'); None otherwise."""
    declared = _DECLARED_ENCODING.search(raw[:200])
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        return (f"not UTF-8: byte 0x{raw[bad.start]:02x} at offset {bad.start}, and no other encoding is declared "
                "(add one, such as <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)")
    return None


# Declared encodings in which '<!DOCTYPE' and '<!ENTITY' can only be written as their ASCII bytes.
_ASCII_SUPERSETS = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1",
                              b"windows-1252", b"cp1252"})


def without_dtd(raw: bytes) -> bool:
    """Whether the document surely has no document type declaration: no '<!DOCTYPE' nor '<!ENTITY' in bytes
    that hold them as ASCII (no NUL byte, as UTF-16 has; an encoding declared, if any, an ASCII superset).
    Without one no entity is declared and no external one referenced: nothing that defusedxml refuses."""
    if b"\x00" in raw or b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        return False
    declared = _DECLARED_ENCODING.search(raw[:200])
    return declared is None or declared.group(1).lower() in _ASCII_SUPERSETS


def _parse_xml(raw: bytes) -> Element:
    """The root element. Expat reads only single-byte encodings and UTF-8/16 itself; a document declared in
    a multi-byte one (Shift_JIS, EUC-KR, Big5) is decoded here first, by the codec its declaration names.

    A document without a DTD is read by ElementTree's own (C) parser: the same expat and tree builder as
    defusedxml's, without a Python call per element (twice as fast). Should it fail, the document is read
    again by defusedxml, which says why exactly as it always did."""
    if without_dtd(raw):
        try:
            return element_tree.fromstring(raw)
        except Exception:  # any failure: defusedxml's reading below raises, or reads, as ever
            pass
    try:
        return fromstring(raw)
    except DefusedXmlException:  # a ValueError too: refused, never decoded again
        raise
    except ValueError as error:  # "multi-byte encodings are not supported"
        declared = _DECLARED_ENCODING.search(raw[:200])
        if declared is None:
            raise ParseError(str(error)) from None
        return fromstring(raw.decode(declared.group(1).decode("latin-1")))


def study_tables(root: Element) -> dict[str, list[Row]]:
    """Rows per warehouse table for one <clinical_study>; tables without rows are left out."""
    tables: dict[str, list[Row]] = {"studies": [study_row(root)]}
    tables.update(text_tables(root))
    tables.update(design_tables(root))
    tables.update(people_places_tables(root))
    tables.update(mesh_tables(root))
    tables["id_information"] = id_rows(root)
    tables["pending_results"] = pending_rows(root)
    tables.update(reference_tables(root))
    tables["adverse_event_subject_sums"] = adverse_event_sum_rows(root)
    return {name: rows for name, rows in tables.items() if rows}
