"""A study read from a republished page gets the flags its registry record gets, where the page shows what the rule
judges: the page's values read as the page states them, and a rule judging a page only on what its site shows.
Each case beside a nearby page or record whose flags stay as they were."""
from __future__ import annotations

from pathlib import Path

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.parsers import ctgov_classic_text
from tests.checks import harness

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CLASSIC = (GOLDEN / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
COHORTS = (GOLDEN / "ctgov_classic_text" / "observational_cohort_NCT09000201.txt").read_text(encoding="utf-8")


def _page(text: str, *changes: tuple[str, str]) -> str:
    """The page text with each (old, new) replaced once."""
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _tables(text: str) -> dict[str, list[dict]]:
    """The tables of the one study the clincosm page gives, as its parser reads them."""
    (record,) = ctgov_classic_text.parse(text.encode()).records
    return record.tables


def _messages(tmp_path: Path, rule_id: str, studies: dict[str, dict]) -> list[str]:
    """The messages of the rule's findings on the studies ({nct_id: tables}) loaded into a new warehouse."""
    con = harness.warehouse_with(tmp_path, studies)
    rule = next(rule for rule in checks.all_rules() if rule.id == rule_id)
    return [finding.message for finding in findings_of(con, rule, set_scope(con, None, harness.AS_OF))]


# The documents a clincosm page lists under 'Supporting Materials' -------------------------------------------------

IPD = "Plan to Share IPD:\nYes\n"


def _materials(*shown: str) -> list[str | None]:
    """The ipd_information_types names read from a statement listing `shown` under 'Supporting Materials'."""
    listed = "".join(f"  • {name}\n" for name in shown)
    tables = _tables(_page(CLASSIC, (IPD, IPD + "Supporting Materials:\n" + listed)))
    return [row["name"] for row in tables["ipd_information_types"]]


def test_supporting_materials_shown_by_their_abbreviation_alone_are_read_as_those_documents():
    """'Sap', 'CSR', 'icf' name the statistical analysis plan, study report and consent form, as the registry does."""
    assert _materials("Sap", "CSR", "icf", "Analytic Code") == ["SAP", "CSR", "ICF", "ANALYTIC_CODE"]


def test_supporting_materials_by_their_full_names_and_unknown_documents_read_as_before():
    """Full names read as before; a document the registry has no name for is kept as shown, for validation."""
    assert _materials("Study Protocol", "Statistical Analysis Plan (SAP)", "Sapling notes") == [
        "STUDY_PROTOCOL", "SAP", "Sapling notes"]


# A clincosm Group/Cohort table: a group shown with neither a description nor an intervention -----------------------

FIRST_GROUP = ("JAK inhibitor users\n\nAdults starting tofacitinib, baricitinib or upadacitinib.\n\n"
               "Drug: JAK inhibitor\nAny licensed JAK inhibitor at the approved dose.\n\n")


def _groups(text: str) -> list[tuple[str, str | None]]:
    return [(row["title"], row["description"]) for row in _tables(text)["design_groups"]]


def test_a_cohort_shown_with_an_empty_row_is_a_group_and_the_next_paragraph_the_next_group():
    """'Untreated relatives', its blank line and the blank line ending its row: 'Biologic users' is the next group."""
    page = _page(COHORTS, (FIRST_GROUP, FIRST_GROUP + "Untreated relatives\n\n\n"))
    assert _groups(page) == [("JAK inhibitor users", "Adults starting tofacitinib, baricitinib or upadacitinib."),
                             ("Untreated relatives", None), ("Biologic users", "Adults starting a biologic DMARD.")]


def test_a_cohort_with_its_description_after_one_blank_line_reads_as_before():
    assert _groups(COHORTS) == [("JAK inhibitor users", "Adults starting tofacitinib, baricitinib or upadacitinib."),
                                ("Biologic users", "Adults starting a biologic DMARD.")]


# One criterion in two groups' numbered lists, shown without blank lines -------------------------------------------

DUPLICATE = "contradictions.duplicate_criterion"
GROUP_LISTS = ("Inclusion Criteria:\nGroup A (healthy volunteers): meet all of 1 to 2\n"
               "1. No history of ocular trauma or ocular disease\n2. Signed the informed consent form\n"
               "Group B (patients with diabetes): meet all of 1 to 2\n"
               "1. No history of ocular trauma or ocular disease\n2. Diagnosed with type 2 diabetes mellitus\n"
               "Exclusion Criteria:\n1. Pregnancy")


def _criteria_messages(tmp_path: Path, criteria: str) -> list[str]:
    study = harness.clean_study()
    study["eligibilities"][0]["criteria"] = criteria
    return _messages(tmp_path, DUPLICATE, {"NCT01000001": study})


def test_a_criterion_of_two_groups_lists_each_under_its_line_is_not_a_repeat(tmp_path):
    """A line of text right above a list numbered from 1 again heads that group's list, as a blank line would."""
    assert _criteria_messages(tmp_path, GROUP_LISTS) == []


def test_a_criterion_twice_in_one_list_is_still_a_repeat(tmp_path):
    """Under the same group's line, the list going on (3.) repeats its criterion 2."""
    repeated = _page(GROUP_LISTS, ("1. No history of ocular trauma or ocular disease\n2. Signed",
                                   "1. Aged 18 years or older at screening\n2. Signed"),
                     ("2. Diagnosed with type 2 diabetes mellitus\n",
                      "2. Diagnosed with type 2 diabetes mellitus\n3. Diagnosed with type 2 diabetes mellitus\n"))
    assert _criteria_messages(tmp_path, repeated) == [
        "Inclusion criterion 3 repeats inclusion criterion 2 word for word."]
