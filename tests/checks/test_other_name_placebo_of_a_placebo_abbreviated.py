"""contradictions.other_name_placebo: an intervention named by placebo's abbreviation ("Plb", described "Comparator",
other name "Placebo", NCT01328444; "PBO") is the placebo itself, not a product the placebo imitates. A word that only
holds such letters ("PLBX-12", "Plbase") is still a product's name."""
from __future__ import annotations

import pytest

from checks.other_name_placebo import placebo_other_name_findings

ACTIVE_ARM = ("EXPERIMENTAL", "GSK 573719 125", "125mcg nDPI")

# (intervention name, its description, whether its other name 'Placebo' is read as a product's)
CASES = [
    ("Plb", "Comparator", False),
    ("PBO", "Inhalation powder", False),
    ("Matching Pbo tablets", None, False),
    ("PLBX-12", "Comparator", True),
    ("Plbase", "Comparator", True),
    ("GSK 573719 125", "125mcg", True),
]


@pytest.mark.parametrize("name, description, read", CASES, ids=[n for n, _, _ in CASES])
def test_a_placebo_abbreviated_is_no_product(name, description, read):
    found = list(placebo_other_name_findings("NCT00000001", [(1, name, "DRUG", description)], [(1, name, "Placebo")],
                                             {1: [ACTIVE_ARM]}))
    assert bool(found) is read, [f.message for f in found]
