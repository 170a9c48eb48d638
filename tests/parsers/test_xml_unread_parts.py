"""A legacy XML element read as text that holds elements (<brief_title>A <i>b</i></brief_title>) is reported as a
problem of its study (and flagged), never read as missing or cut short without a word; the report names the
element, not its text."""
from __future__ import annotations

import copy
import xml.etree.ElementTree as element_tree
from pathlib import Path

import pytest

from flows.parsers import ctgov_xml
from flows.parsers.model import UNREAD_PART

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/golden/ctgov_xml"
TEMPLATES = sorted(GOLDEN.glob("*.xml"))


def _leaves(path: Path) -> list[tuple[Path, int]]:
    """(template, index in document order) of every element with text and no child, but the NCT id."""
    tree = element_tree.parse(path).getroot()
    return [(path, index) for index, element in enumerate(tree.iter())
            if not len(element) and (element.text or "").strip() and element.tag != "nct_id"]


LEAVES = [leaf for template in TEMPLATES for leaf in _leaves(template)]


def _document(template: Path, index: int, change) -> tuple[bytes, str]:
    root = element_tree.parse(template).getroot()
    element = list(root.iter())[index]
    change(root, element)
    return element_tree.tostring(root), element.tag


def _parsed(raw: bytes) -> tuple[list, list[str]]:
    parsed = ctgov_xml.parse(raw)
    return parsed.records, [p.detail for p in parsed.problems if p.reason == UNREAD_PART]


def _tables(records: list) -> list:
    return [(r.nct_id, {table: [dict(row) for row in rows] for table, rows in r.tables.items()}) for r in records]


def _hold_a_name(root, element) -> None:
    element.text = "Jane "
    child = element_tree.SubElement(element, "b")
    child.text = "Roe +1 555 0100"


def _remove(root, element) -> None:
    for parent in root.iter():
        if element in list(parent):
            parent.remove(element)
            return


@pytest.mark.parametrize("template, index", LEAVES, ids=lambda v: v.stem if isinstance(v, Path) else str(v))
def test_an_element_that_holds_elements_is_reported_or_is_one_the_parser_never_reads(template, index):
    raw, tag = _document(template, index, _hold_a_name)
    records, unread = _parsed(raw)
    assert len(records) == 1
    if unread:
        assert len(unread) == 1 and unread[0].startswith("document: <") and unread[0].endswith(
            f"{tag}> holds <b>, not text only")
        assert "Jane" not in repr(_tables(records)) and "Jane" not in unread[0] and "555" not in unread[0]
    else:  # an element the parser does not read: without it, the study reads the same
        assert _tables(records) == _tables(_parsed(_document(template, index, _remove)[0])[0])


def test_most_elements_are_read_so_the_test_above_tests_something():
    read = sum(bool(_parsed(_document(t, i, _hold_a_name)[0])[1]) for t, i in LEAVES)
    assert read >= 0.8 * len(LEAVES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_the_usual_record_has_no_unread_part(template):
    assert _parsed(template.read_bytes())[1] == []


def _study(body: str) -> bytes:
    return (f"<clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info>"
            f"<brief_title>T</brief_title>{body}</clinical_study>").encode()


@pytest.mark.parametrize("body, table, column, read", [
    ("<brief_summary><textblock>\n      A summary.\n    </textblock></brief_summary>", "brief_summaries",
     "description", "A summary."),
    ("<brief_summary>\n      A summary given without its textblock.\n    </brief_summary>", "brief_summaries",
     "description", "A summary given without its textblock."),
    ("<eligibility><criteria>Inclusion Criteria: adults</criteria></eligibility>", "eligibilities", "criteria",
     "Inclusion Criteria: adults"),
])
def test_a_text_block_is_read_with_or_without_its_textblock_element(body, table, column, read):
    records, unread = _parsed(_study(body))
    assert unread == [] and records[0].tables[table][0][column] == read


@pytest.mark.parametrize("body, note", [
    ("<brief_summary><textblock>A <b>bold</b> claim</textblock></brief_summary>",
     "<brief_summary/textblock> holds <b>, not text only"),
    ("<brief_summary><p>A</p><p>B</p></brief_summary>", "<brief_summary> holds <p>, not text only"),
    ("<condition>Asthma</condition><condition><i>COPD</i></condition>", "<condition> holds <i>, not text only"),
    ("<study_design_info><masking><x/>Double</masking></study_design_info>",
     "<study_design_info/masking> holds <x>, not text only"),
    ("<start_date type=\"Actual\"><month>May</month>2020</start_date>", "<start_date> holds <month>, not text only"),
])
def test_each_kind_of_read_reports_an_element_that_holds_elements(body, note):
    records, unread = _parsed(_study(body))
    assert len(records) == 1 and unread == [f"document: {note}"]


def test_notes_do_not_pass_to_the_next_document():
    assert _parsed(_study("<overall_status><b>Completed</b></overall_status>"))[1] != []
    assert _parsed(_study("<overall_status>Completed</overall_status>"))[1] == []
