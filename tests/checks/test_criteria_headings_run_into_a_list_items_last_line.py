"""A criteria heading run on into a legacy list item's last line opens its section there: one whose words a hard
wrap parts ("... sign informed consent. Exclusion" then the line "     criteria"), one written "Exclusion criteria" in
a text whose heading lines write "criteria" so ("Inclusion criteria"), and a group's heading with the group after it,
wrapped onto the next line ("... instructions Inclusion criteria for able-bodied" then "     subjects"). So an
excluded sex is no inclusion criterion (contradictions.criteria_sex_differs), and a group's criterion stated again
under its own heading is no duplicate (contradictions.duplicate_criterion). A sentence that names the criteria at its
end, or a heading's words with no list item below, still open nothing."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_sections import sections
from checks.criteria_sex import study_sex_findings
from tests.checks import harness

# NCT04279197
WRAPPED = ("Inclusion criteria\n\n  -  Compliance with the diagnostic criteria for COVID-19;\n\n  -  Age 18-70;\n\n"
           "  -  Participate in clinical research voluntarily and sign informed consent. Exclusion\n     criteria\n\n"
           "  -  Patients who have undergone lung surgery that affects pulmonary function;\n\n"
           "  -  Pregnant or breastfeeding women")
# NCT02136238
GROUPS = ("Inclusion criteria\n\n  -  Unilateral transradial or wrist-disarticulation amputee\n\n"
          "  -  18 to 85 years of age\n\n  -  Be willing to comply with study procedures Exclusion criteria\n\n"
          "  -  History of acute or chronic skin breakdown on the residual limb\n\n"
          "  -  Any condition that would prevent participation and pose increased risk\n\n"
          "  -  Unwillingness/inability to follow instructions Inclusion criteria for able-bodied\n     subjects\n\n"
          "  -  18 to 85 years of age\n\n  -  Independent function by self-report\n\n"
          "  -  Free of any health ailment that would impair physical function Exclusion criteria for\n"
          "     able-bodied subjects\n\n  -  Younger than 18 or older than 85 years of age\n\n"
          "  -  Any condition that would prevent participation and pose increased risk")

# (name, criteria text, the sections' names in order)
CASES = {
    "a heading whose words a wrap parts": (WRAPPED, ["inclusion", "exclusion"]),
    "lower-case headings and groups' headings": (GROUPS, ["inclusion", "exclusion", "inclusion", "exclusion"]),
    # still no heading
    "heading words a wrap parts after a word": (
        WRAPPED.replace("informed consent. Exclusion", "informed consent per Exclusion"), ["inclusion"]),
    "heading words a wrap parts, no list item below": (
        WRAPPED.replace("criteria\n\n  -  Patients", "criteria\n\nPatients"), ["inclusion"]),
    "lower-case criteria below capitalised heading lines": (
        GROUPS.replace("Inclusion criteria\n\n  -  Unilateral", "Inclusion Criteria:\n\n  -  Unilateral"),
        ["inclusion"]),
    "a group's heading whose wrapped line opens no list item": (
        "Inclusion criteria\n\n  -  Age 18 to 85\n\n  -  Follow instructions Exclusion criteria for able-bodied\n"
        "     subjects are those of the main study\n\n  -  Pregnancy", ["inclusion"]),
    "a sentence that names a group's criteria": (
        "Inclusion criteria\n\n  -  Age 18 to 85\n\n  -  Subjects who meet the inclusion criteria for\n"
        "     able-bodied subjects\n\n  -  Pregnancy", ["inclusion"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_heading_run_into_a_list_items_last_line(name):
    text, names = CASES[name]
    assert [s.name for s in sections(text)] == names


def test_an_excluded_sex_below_a_wrapped_heading_is_no_inclusion():
    assert list(study_sex_findings("NCT00000001", WRAPPED, "ALL", False)) == []


def test_a_groups_criterion_under_its_own_heading_is_no_duplicate():
    twice = GROUPS.replace("Younger than 18 or older than 85 years of age", "History of acute or chronic skin "
                           "breakdown on the residual limb\n\n  -  History of acute or chronic skin breakdown on the "
                           "residual limb")
    messages = harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                              {"groups": GROUPS, "twice in one group's list": twice})
    assert messages == {"groups": [], "twice in one group's list": ["One exclusion criterion appears twice."]}
