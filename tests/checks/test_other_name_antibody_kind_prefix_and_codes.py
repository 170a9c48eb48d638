"""contradictions.other_name_of_another_drug and drug_not_an_intervention on antibodies named by their kind and a
development code ("rhuMAb-E25" is omalizumab): the kind "rhuMAb" is no drug of its own, and the code names its drug."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.other_name_drugs import other_name_findings

# (intervention name, other name)
QUIET = [
    ("RhuMab-E25", "Omalizumab"),
    ("rhuMAb-E25", "Xolair"),
    ("rhuMAb E25", "omalizumab"),
    ("IGE025", "Omalizumab"),
    ("rhuMAb VEGF", "Bevacizumab"),
    ("rhuMAb HER2", "Herceptin"),
    ("huMAb-E25", "Omalizumab"),
]
FIRING = [
    ("RhuMab-E25", "Bevacizumab"),
    ("rhuMAb VEGF", "Omalizumab"),
    ("Omalizumab", "rhuMAb VEGF"),
    ("Omalizumab", "Avastin"),
]


def _other_names_flagged(name: str, other: str) -> list[str]:
    findings = other_name_findings("NCT0", [(1, name, None)], [(1, name, other)], [], [])
    return [f.message for f in findings]


@pytest.mark.parametrize(("name", "other"), QUIET)
def test_antibody_code_with_its_drug_is_quiet(name, other):
    assert _other_names_flagged(name, other) == []


@pytest.mark.parametrize(("name", "other"), FIRING)
def test_antibody_code_with_another_drug_is_a_finding(name, other):
    assert _other_names_flagged(name, other)


OMALIZUMAB = [("Omalizumab", "Subcutaneous omalizumab"), ("Placebo", "Matching placebo")]


@pytest.mark.parametrize(("measure", "expected"), [
    ("Free IgE after rhuMAb-E25", False),
    ("Free IgE after rhuMAb-E25 and bevacizumab", True),
])
def test_outcome_naming_the_antibody_kind(measure, expected):
    findings = list(study_drug_findings("NCT0", [(measure, None)], OMALIZUMAB, OMALIZUMAB,
                                        [(n,) for n, _ in OMALIZUMAB], []))
    assert bool(findings) == expected
