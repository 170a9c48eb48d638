"""contradictions.criteria_age_differs where inclusion criteria name a sub-study below a line of its own ("For COVID-19
sub study:" then "1. Be >=18 years of age", the main study admitting children, NCT03808922): the age is the
sub-study's, not everyone's, however many words name it, and "sub study" is written with a space as often as with a
hyphen. A lead-in sentence that names the study itself, a heading that names no sub-study, and one list's age still
fire."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings

_MAIN = ("Inclusion Criteria:\n\n  1. Requires supplemental oxygen due to hypoxemia.\n\n  2. Immunocompromised, as "
         "defined by a congenital immunodeficiency (only applicable to\n     subjects age < 18 years old)\n\n")
_SUB = "  1. Be \u226518 years of age\n\n  2. Has laboratory-confirmation of SARS CoV 2\n\n"
_EXCLUSION = "Exclusion Criteria:\n\n  1. Subjects on hospice care"


def _criteria(label: str) -> str:
    return f"{_MAIN}{label}\n\n{_SUB}{_EXCLUSION}"


# (label line before the second list, fires with minimum age N/A)
CASES = [
    # a sub-study's label: quiet (the first fired before)
    ("For COVID-19 sub study:", False),
    ("For the COVID-19 Sub-Study:", False),
    ("Optional PK substudy:", False),
    ("For the pharmacogenetic sub study only:", False),
    ("Criteria for the ancillary study:", False),
    ("Extension study participants:", False),
    ("Sub study 2:", False),
    # a lead-in or a heading that names no sub-study: fires
    ("To take part in this study, subjects must:", True),
    ("Additional criteria for COVID-19 patients in this trial:", True),
    ("", True),
]


@pytest.mark.parametrize("label, fires", CASES, ids=[c[0] or "no label" for c in CASES])
def test_an_age_under_a_sub_studys_label(label, fires):
    found = list(study_age_findings("NCT00000001", _criteria(label), "N/A", "N/A", True))
    assert bool(found) is fires, [f.message for f in found]
