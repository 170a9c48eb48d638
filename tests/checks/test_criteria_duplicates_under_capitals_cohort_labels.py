"""Phrases of contradictions.duplicate_criterion: a bulleted line of a few words in capitals and nothing else ("*
MUCOSAL MELANOMA", "* \\\\* MERKEL CELL CARCINOMA") labels a cohort, as a basket trial names each cancer above its own
copy of the criteria: the same criteria under two such labels are each cohort's, not repeats. A criterion written
twice with no such label between, or under a label of a single word or of short letters ("* ASA IV"), and a line in
capitals that ends in a colon (a topic), are read as before."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

SHARED = ("  * Signed informed consent\n  * ≥ 18 years of age\n  * Genomics of the cancer attempted\n"
          "  * Description of planned surgical resection by surgeon\n")


def cohort(label: str, disease: str) -> str:
    """One cohort's criteria below its label, as the record writes them: the shared ones and one of its own."""
    return f"{label}\n\n{SHARED}  * Pathology report confirming {disease} at the time of screening\n\n"


# (name, criteria text, the rule's messages)
CASES = {
    # NCT07215988, as the record writes its labels: one escaped and nested, the others indented
    "cohorts labelled in capitals": (
        "Inclusion Criteria:\n\n" + cohort("* \\* MERKEL CELL CARCINOMA", "Merkel cell carcinoma")
        + cohort("      * MUCOSAL MELANOMA", "mucosal melanoma") + cohort("    * BASAL CELL CARCINOMA", "basal cell")
        + cohort("    * RARE CUTANEOUS CANCERS", "squamous cell carcinoma")
        + "Exclusion Criteria:\n\n* Metastatic disease not amenable to complete resection", []),
    "exclusions of cohorts labelled in capitals": (
        "Inclusion Criteria:\n\n* Signed informed consent\n\nExclusion Criteria:\n\n* MERKEL CELL CARCINOMA\n"
        "  * Metastatic disease not amenable to complete resection\n  * Prior immunotherapy within the past year\n"
        "* MUCOSAL MELANOMA\n  * Metastatic disease not amenable to complete resection\n"
        "  * Prior immunotherapy within the past year\n", []),
    # read as before
    # (a label names groups: a short criterion said twice may be each group's, and only the long one is compared)
    "criteria written twice with no label between": (
        "Inclusion Criteria:\n\n* MERKEL CELL CARCINOMA\n\n" + SHARED + SHARED
        + "\nExclusion Criteria:\n\n* Metastatic disease not amenable to complete resection",
        ["One inclusion criterion appears twice."]),
    "a single word in capitals is no label": (
        "Exclusion Criteria:\n\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n"
        "* PREGNANCY\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n",
        ["One exclusion criterion appears twice."]),
    "short letters in capitals are no label": (
        "Exclusion Criteria:\n\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n"
        "* ASA IV\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n",
        ["One exclusion criterion appears twice."]),
    "a criterion in capitals with a number is no label": (
        "Exclusion Criteria:\n\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n"
        "* ECOG PS 3 OR MORE\n* Prior immunotherapy, chemotherapy, or radiation therapy within the past year\n",
        ["One exclusion criterion appears twice."]),
}


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate criterion rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion, texts)


@pytest.mark.parametrize("name", CASES)
def test_criteria_under_capitals_cohort_labels_are_each_cohorts(duplicate_messages, name):
    assert duplicate_messages[name] == CASES[name][1]
