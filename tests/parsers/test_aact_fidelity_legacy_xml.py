"""Legacy XML read as AACT holds the same study from API v2: line ends, the wrapped reason for stopping, the role of
the central contacts."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_xml


def _record(body: str):
    xml = (f"<clinical_study><id_info><nct_id>NCT00003416</nct_id></id_info>"
           f"<overall_status>Terminated</overall_status>{body}</clinical_study>")
    parsed = ctgov_xml.parse(xml.encode())
    assert parsed.problems == []
    (record,) = parsed.records
    return record


def test_line_ends_written_as_carriage_return_and_newline_are_newlines_as_in_api_v2():
    """An arm's, an intervention's and an outcome's description keep their lines, ended by LF (API v2 writes no CR;
    legacy XML writes '&#xD;' before each newline)."""
    record = _record(
        "<arm_group><arm_group_label>A</arm_group_label><arm_group_type>Experimental</arm_group_type>"
        "<description>Ind:&#xD;\ndexamethasone 40 mg/d PO&#xD;\nMaint:&#xD;\ninterferon</description></arm_group>"
        "<intervention><intervention_type>Drug</intervention_type><intervention_name>A10</intervention_name>"
        "<description>Divided into six infusions.&#xD;\nEach infusion starts with A10.</description></intervention>"
        "<primary_outcome><measure>Response</measure><time_frame>1 year</time_frame>"
        "<description>Complete&#xD;\n&#xD;\nor partial</description></primary_outcome>")
    assert record.tables["design_groups"][0]["description"] == "Ind:\ndexamethasone 40 mg/d PO\nMaint:\ninterferon"
    assert record.tables["interventions"][0]["description"] == (
        "Divided into six infusions.\nEach infusion starts with A10.")
    assert record.tables["design_outcomes"][0]["description"] == "Complete\n\nor partial"


def test_a_lone_carriage_return_ends_a_line():
    record = _record("<intervention><intervention_type>Drug</intervention_type><intervention_name>A10"
                     "</intervention_name><description>Day 1&#xD;Day 2</description></intervention>")
    assert record.tables["interventions"][0]["description"] == "Day 1\nDay 2"


@pytest.mark.parametrize("given, reason", [
    # NCT00494026: wrapped at 100 columns, indented, each line ended by '&#xD;'
    ("\n    Study stopped early based on interim results of another trial, showing inferior activity of&#xD;\n"
     "    pemetrexed/carboplatin compared to etoposide/carboplatin in SCLC.&#xD;\n  ",
     "Study stopped early based on interim results of another trial, showing inferior activity of "
     "pemetrexed/carboplatin compared to etoposide/carboplatin in SCLC."),
    ("\n    slow accrual&#xD;\n  ", "slow accrual"),
    ("Drug not available", "Drug not available"),
    ("Two  spaces kept", "Two  spaces kept"),
])
def test_the_reason_for_stopping_is_one_line_as_api_v2_gives_it(given, reason):
    assert _record(f"<why_stopped>{given}</why_stopped>").study["why_stopped"] == reason


def test_central_contacts_have_the_role_api_v2_gives_every_central_contact():
    record = _record("<overall_contact><last_name>A</last_name><phone>1</phone></overall_contact>"
                     "<overall_contact_backup><last_name>B</last_name></overall_contact_backup>")
    assert [(c["contact_type"], c["role"]) for c in record.tables["central_contacts"]] == [
        ("primary", "CONTACT"), ("backup", "CONTACT")]


def test_a_summary_without_a_detailed_description_has_a_null_detailed_description_row_as_in_aact():
    """AACT writes both rows for every study with API v2's descriptionModule (NCT00000744 gives a summary only)."""
    record = _record("<brief_summary><textblock>\n      A summary.\n    </textblock></brief_summary>")
    assert record.tables["brief_summaries"] == [{"description": "A summary."}]
    assert record.tables["detailed_descriptions"] == [{"description": None}]


def test_a_detailed_description_alone_gives_a_null_summary_row():
    record = _record("<detailed_description><textblock>Details.</textblock></detailed_description>")
    assert record.tables["brief_summaries"] == [{"description": None}]
    assert record.tables["detailed_descriptions"] == [{"description": "Details."}]


@pytest.mark.parametrize("body", ["", "<brief_summary><textblock>  </textblock></brief_summary>"])
def test_a_record_without_either_text_has_no_description_rows(body):
    record = _record(body)
    assert "brief_summaries" not in record.tables and "detailed_descriptions" not in record.tables
