"""A clincosm page's Study Design: a free-text value (an intervention model's or a masking's description) whose first
line opens with another design label, its value none of that label's ('Observational Model: Cohort Time
Perspective: Prospective Randomized controlled trial', as some sponsors pasted their observational template into an
interventional record), is the description's text, label and all; a 'Label: value' line that gives its label one
of its own values is still that label's."""
from __future__ import annotations

import pytest

from flows.parsers.ctgov_classic_text.study_design import read_study_design

HEAD = ["Study Type:", "Interventional", "Allocation:", "Randomized", "Intervention Model:", "Parallel Assignment"]
TAIL = ["Masking:", "Double (Investigator, Outcomes Assessor)", "Primary Purpose:", "Treatment"]
PASTED = "Observational Model: Cohort Time Perspective: Prospective Randomized controlled trial"


def _design(lines: list[str]) -> dict:
    return read_study_design(HEAD + lines + TAIL)[1]


@pytest.mark.parametrize("label, description", [
    ("Intervention Model Description:", PASTED),
    ("Intervention Model Description:", "Time Perspective: both arms are followed for 12 months"),
    ("Masking Description:", "Primary Purpose: the outcome assessor does not know the group"),
])
def test_a_description_opening_with_another_label_is_the_descriptions_text(label, description):
    design = _design([label, description])
    column = "intervention_model_description" if label.startswith("Intervention") else "masking_description"
    assert design[column] == description
    assert design["observational_model"] is None and design["time_perspective"] is None
    assert design["primary_purpose"] == "TREATMENT"


def test_a_label_with_its_own_value_on_its_line_is_still_read():
    design = _design(["Intervention Model Description:", "Two parallel groups.", "Time Perspective: Prospective"])
    assert design["intervention_model_description"] == "Two parallel groups."
    assert design["time_perspective"] == "PROSPECTIVE"


def test_a_label_with_its_value_on_its_line_below_another_label_is_that_labels():
    design = read_study_design(["Study Type:", "Observational", "Observational Model: Cohort",
                                "Time Perspective: Prospective"])[1]
    assert (design["observational_model"], design["time_perspective"]) == ("COHORT", "PROSPECTIVE")
