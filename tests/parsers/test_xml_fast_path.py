"""Legacy XML without a DTD is read by ElementTree's C parser: the same record, the same problems and the same
refusals as defusedxml's reading, and a document that might declare an entity never takes that path."""
from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml.ElementTree import fromstring as defused_fromstring

from flows.parsers import ctgov_xml
from tests.shared_corpus import CORPUS, needs_corpus

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_XML = sorted((ROOT / "tests" / "golden" / "ctgov_xml").glob("*.xml"))

RECORD = ("<clinical_study rank='3'>\n  <!-- This xml conforms to an XML Schema -->\n"
          "  <id_info><nct_id>NCT00000102</nct_id></id_info>\n"
          "  <brief_title>Caf\u00e9 &amp; th\u00e9 &lt;study&gt; &#233;t&#xE9; <![CDATA[a < b]]></brief_title>\n"
          "  <overall_status>Completed</overall_status><phase>Phase 2</phase>\n"
          "  <location><facility><name>Site \u6771\u4eac</name><address><city>Lyon</city>"
          "<country>France</country></address></facility></location>\n"
          "  <?pi data?><condition>Asthma</condition>\n</clinical_study>\n")
# Documents both readings accept, in the shapes and encodings the fast path takes.
READABLE = [
    RECORD.encode(),
    ('<?xml version="1.0" encoding="UTF-8"?>\n' + RECORD).encode(),
    b"\xef\xbb\xbf" + ('<?xml version="1.0" encoding="utf-8"?>' + RECORD).encode(),
    ("<?xml version='1.0' encoding='ISO-8859-1'?>" + RECORD.replace("\u6771\u4eac", "")).encode("latin-1"),
    ('<?xml version="1.0" encoding="windows-1252"?>' + RECORD.replace("\u6771\u4eac", "\u20ac")).encode("cp1252"),
    b'<clinical_study xmlns="urn:x" xmlns:a="urn:a" a:b="1"><a:id_info><nct_id>NCT00000102</nct_id></a:id_info>'
    b"</clinical_study>",
    b"<other_root><nct_id>NCT00000102</nct_id></other_root>",
    b"<clinical_study><id_info><nct_id>NCT00000102</nct_id></id_info></clinical_study>",
]
# Documents neither reading accepts: the problem must be the one defusedxml's reading gives.
UNREADABLE = [
    RECORD.encode()[:200],
    b"<clinical_study><id_info>&nbsp;</id_info></clinical_study>",
    b"<clinical_study><a></b></clinical_study>",
    b'<?xml version="1.0" encoding="no-such-codec"?><clinical_study/>',
    b'<?xml version="1.0" encoding="Shift_JIS"?>' + "<clinical_study><brief_title>\u65e5\u672c</brief_title>"
    "</clinical_study>".encode("shift_jis"),
    b"  <?xml version='1.0'?><clinical_study/>",
    b"\xff\xfe<\x00c\x00/\x00>\x00",
    b"<clinical_study>\xff</clinical_study>",
    b"",
]
# Documents that could declare (or reference) an entity: never read by the fast path.
MAYBE_DTD = [
    b'<?xml version="1.0"?><!DOCTYPE clinical_study [<!ENTITY l0 "lol">]><clinical_study>&l0;</clinical_study>',
    b'<!DOCTYPE clinical_study SYSTEM "http://example.org/x.dtd"><clinical_study/>',
    b"<clinical_study><!-- <!ENTITY in a comment --></clinical_study>",
    "<clinical_study/>".encode("utf-16"),
    "<clinical_study/>".encode("utf-16-le"),
    b'<?xml version="1.0" encoding="UTF-16"?><clinical_study/>',
    b'<?xml version="1.0" encoding="cp037"?><clinical_study/>',
    b'<?xml version="1.0" encoding="utf-7"?><clinical_study>+ADw-!DOCTYPE</clinical_study>',
]


def _as_defused(monkeypatch) -> None:
    monkeypatch.setattr(ctgov_xml, "without_dtd", lambda raw: False)


def _tree(element) -> tuple:
    return (element.tag, element.attrib, element.text, element.tail, [_tree(child) for child in element])


@pytest.mark.parametrize("raw", READABLE)
def test_a_document_without_a_dtd_reads_as_defusedxml_reads_it(raw):
    assert ctgov_xml.without_dtd(raw)
    assert _tree(ctgov_xml._parse_xml(raw)) == _tree(defused_fromstring(raw))


@pytest.mark.parametrize("raw", READABLE + UNREADABLE + MAYBE_DTD)
def test_parse_gives_the_records_and_problems_of_the_defused_reading(raw, monkeypatch):
    fast = ctgov_xml.parse(raw)
    _as_defused(monkeypatch)
    assert fast == ctgov_xml.parse(raw)


@pytest.mark.parametrize("raw", MAYBE_DTD)
def test_a_document_that_may_declare_an_entity_never_takes_the_fast_path(raw):
    assert not ctgov_xml.without_dtd(raw)


def test_the_golden_xml_reads_as_the_defused_reading(monkeypatch):
    fast = [ctgov_xml.parse(path.read_bytes()) for path in GOLDEN_XML]
    _as_defused(monkeypatch)
    assert GOLDEN_XML and fast == [ctgov_xml.parse(path.read_bytes()) for path in GOLDEN_XML]


@needs_corpus
def test_the_legacy_corpus_reads_as_the_defused_reading(monkeypatch):
    raws = [path.read_bytes() for path in sorted((CORPUS / "xml_legacy").rglob("*.xml"))]
    fast = [ctgov_xml.parse(raw) for raw in raws]
    _as_defused(monkeypatch)
    assert raws and fast == [ctgov_xml.parse(raw) for raw in raws]
