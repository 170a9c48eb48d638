"""Phrase by phrase: the topical headings of ACTG-style exclusions, and a criterion stated under two of them."""
from __future__ import annotations

import pytest

from checks.criteria_headings import BEFORE, NOW, TOPICAL, block_of, stated_twice_across_headings, topics
from checks.criteria_repeats import repeated_items

# (heading line, when what it lists is excluded, or None for a line that is no topical heading)
HEADINGS = [
    ("Co-existing Condition:", NOW),
    ("Risk Behavior:", NOW),
    ("Concurrent Medication:", NOW),
    ("Concurrent Treatment:", NOW),
    ("Patients with the following are excluded:", NOW),
    ("Patients with the following conditions or symptoms are excluded:", NOW),
    ("Patients with any of the following conditions will be excluded:", NOW),
    ("The following are excluded:", NOW),
    ("  -  Excluded as ongoing (i.e., continuous, chronic and/or recurring) treatment:", NOW),
    ("Prior Medication:", BEFORE),
    ("Prior Treatment:", BEFORE),
    ("Prior Medication: Excluded:", BEFORE),
    ("Patients with the following prior conditions are excluded:", BEFORE),
    ("Patients may not have the following prior conditions:", BEFORE),
    ("Excluded within 12 weeks prior to study entry:", BEFORE),
    ("  -  Excluded within 30 days of study entry:", BEFORE),
    ("Excluded:", "none"),
    ("Cohort A:", None),
    ("Part 1:", None),
    ("Arm 2:", None),
    ("Stage I:", None),
    ("Phase 1 portion:", None),
    ("For patients in group B:", None),
    ("Healthy volunteers:", None),
    ("Patients with breast cancer:", None),
    ("Cohort A: Patients with the following are excluded:", None),
    ("Patients with the following are excluded", None),  # no colon: a sentence
    ("  -  Rise in creatinine:", None),
    ("Allowed:", None),
]


@pytest.mark.parametrize("line, when", HEADINGS, ids=[h for h, _ in HEADINGS])
def test_topical_heading(line, when):
    found = topics(line)
    if when is None:
        assert found is None
        return
    times = {w for _, w in found if w is not None}
    assert (BEFORE if BEFORE in times else NOW if times else "none") == when


def test_every_topical_heading_has_a_phrase():
    named = {name for line, _ in HEADINGS if (found := topics(line)) for name, _ in found}
    assert named == {name for name, _, _ in TOPICAL}


ITEM = "  -  Grade 3 or higher peripheral neuropathy in either foot.\n"
HISTORY = "  -  History of sensitivity or intolerance to any study medication.\n"


def exclusions(first: str, between: str, second: str, item: str = ITEM) -> str:
    """An exclusion section: the item under `first`, then `between`, then the item again under `second`."""
    return f"Exclusion Criteria\n\n{first}\n\n{item}\n{between}\n\n{second}\n\n{item}"


CONCURRENT = "Concurrent Medication:\n\nExcluded:\n\n  -  Chemotherapy for malignancy.\n"
CONDITIONS = "Co-existing Condition:\n\nPatients with the following conditions or symptoms are excluded:"
# (text, stated twice)
TEXTS = [
    (exclusions(CONDITIONS, CONCURRENT, "Patients with the following are excluded:"), True),
    (exclusions("Co-existing Condition:", "", "Risk Behavior:"), True),
    (exclusions("Concurrent Medication:\n\nExcluded:", "", "Patients with the following are excluded:"), True),
    (exclusions(CONDITIONS, CONCURRENT, "The following are excluded:"), True),
    (exclusions("Prior Medication:\n\nExcluded within 30 days of study entry:", "",
                "Prior Treatment:\n\nExcluded within 30 days of study entry:"), True),
    (exclusions(CONDITIONS, CONCURRENT, "Patients with the following prior conditions are excluded:", HISTORY), True),
    # Now and before: two criteria, unless the criterion dates itself.
    (exclusions(CONDITIONS, CONCURRENT, "Patients with the following prior conditions are excluded:"), False),
    (exclusions("Concurrent Medication:\n\nExcluded:", "", "Prior Medication:\n\nExcluded:"), False),
    (exclusions("Concurrent Medication:\n\nExcluded:", "",
                "Prior Medication:\n\nExcluded within 12 weeks prior to study entry:", HISTORY), False),
    (exclusions("Prior Medication:\n\nExcluded within 30 days of study entry:", "",
                "Excluded within 6 months of study entry:"), False),
    # Cohorts, parts, arms and other headings keep their criteria apart.
    (exclusions(CONDITIONS, "Cohort B:", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Part 2:", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Arm 2:", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Stage II", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Phase 2 portion:", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "For patients in group B, the following apply:", "Co-existing Condition:"), False),
    (exclusions("Cohort A:", "", "Cohort B:"), False),
    (exclusions("Healthy volunteers:", "", "Patients with psoriasis:"), False),
    (exclusions(CONDITIONS, "Exclusion Criteria", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Inclusion Criteria:\n\n  -  Age 18 years or older at screening visit.\n",
                "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Patients in the second part of the study are also excluded for these.",
                "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "  -  Cohort B:", "Patients with the following are excluded:"), False),
    (exclusions(CONDITIONS, "Allowed:", "Patients with the following are excluded:"), False),
]


@pytest.mark.parametrize("text, twice", TEXTS)
def test_a_criterion_under_two_topical_headings(text, twice):
    assert bool(repeated_items(text)) is twice


def test_an_item_ending_in_a_colon_between_the_copies_stands_in_both():
    block = "  -  Rash:\n\n  -  Exfoliative dermatitis or mucositis of any grade.\n"
    copied = (f"Exclusion Criteria\n\n{CONDITIONS}\n\n{ITEM}\n{block}\n{CONCURRENT}\n"
              f"Patients with the following are excluded:\n\n{ITEM}\n{block}")
    assert len(repeated_items(copied)) == 2
    once = exclusions(CONDITIONS, "  -  Rash:\n\n" + CONCURRENT, "Patients with the following are excluded:")
    assert repeated_items(once) == []


def test_inclusion_criteria_under_two_headings_are_left_to_their_lists():
    text = (f"Inclusion Criteria\n\nPatients must have:\n\n{ITEM}\nAllowed:\n\n  -  Acetaminophen.\n\n"
            f"Patients must have:\n\n{ITEM}")
    assert repeated_items(text) == []


def test_the_block_of_a_criterion():
    text = exclusions(CONDITIONS, CONCURRENT, "Patients with the following are excluded:")
    first, second = (text.index(ITEM), text.rindex(ITEM))
    assert block_of(text, first).headings == ("Co-existing Condition: Patients with the following conditions or "
                                              "symptoms are excluded:")
    assert block_of(text, second).headings == "Patients with the following are excluded:"
    assert block_of("Exclusion Criteria\n\n" + ITEM, len("Exclusion Criteria\n\n")) is None
    assert block_of("Exclusion Criteria\n\nSome words.\n\n" + ITEM, 33) is None


def test_stated_twice_needs_both_blocks():
    text = exclusions("Cohort A:", "", "Patients with the following are excluded:")
    first, second = text.index(ITEM), text.rindex(ITEM)
    assert not stated_twice_across_headings(text, first, first + len(ITEM), second)
