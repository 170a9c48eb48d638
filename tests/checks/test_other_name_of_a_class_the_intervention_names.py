"""contradictions.other_name_of_another_drug: an intervention whose name or description names a class of drugs, and
no drug of it ("Testosterone Undecanoate and/or PDE-5"), may give any of its members, so a member's brand or name is
its own other name ('Levitra', vardenafil's); a drug of another class than any the intervention names is still
another drug's name, and so is another member's where the intervention names its member."""
from __future__ import annotations

import pytest

from checks.drug_classes import classes_named
from checks.other_name_drugs import other_name_findings


def _messages(name: str, description: str | None, other: str) -> list[str]:
    """Messages for a study whose one intervention `name`, described so, has the other name `other`."""
    return [f.message for f in other_name_findings("NCT01000001", [(1, name, description)], [(1, name, other)], [], [])]


_PDE5 = "Testosterone Undecanoate 1000 mg IM injection; PDF5 tab, 20 mg"

# (intervention name, description, other name): another drug than the intervention's and its classes'.
FIRING = [
    ("Testosterone Undecanoate and/or PDE-5", _PDE5, "Zoloft"),  # sertraline: of no class the intervention names
    ("Amlodipine and/or a statin", None, "Levitra"),  # a PDE-5 inhibitor beside a statin
    ("Sildenafil, a PDE-5 inhibitor", None, "Cialis"),  # the class's member named: another member is another drug
    ("Metformin", "Metformin 500 mg twice daily", "Lipitor"),  # no class named
]
# (intervention name, description, other name): a member of a class the intervention names, and no member of it.
QUIET = [
    ("Testosterone Undecanoate and/or PDE-5", _PDE5, "Levitra"),  # the class by its enzyme alone
    ("Testosterone and a PDE5 inhibitor", None, "Cialis"),
    ("Testosterone gel", "with a PDE5i on demand", "Viagra"),  # the class in the description
    ("Amlodipine and/or a statin", None, "Lipitor"),
    ("Metformin plus an SSRI", None, "Zoloft"),  # an SSRI not named by the class's ending
    ("Lisinopril", "Lisinopril 10 mg with a beta blocker", "Coreg"),  # carvedilol
]


@pytest.mark.parametrize("name, description, other", FIRING)
def test_another_classes_drug_fires(name, description, other):
    assert len(_messages(name, description, other)) == 1


@pytest.mark.parametrize("name, description, other", QUIET)
def test_a_member_of_a_class_the_intervention_names_is_quiet(name, description, other):
    assert _messages(name, description, other) == []


@pytest.mark.parametrize("text, named", [
    ("Testosterone Undecanoate and/or PDE-5", True), ("PDE5i", True), ("PDE 5 inhibitors", True),
    ("Phosphodiesterase type 5 inhibitor", True), ("PDE4 inhibitor", False), ("PDE-5 naive patients", False),
])
def test_the_pde5_class_by_its_enzyme(text, named):
    assert (("afil",) in classes_named(text)) is named
