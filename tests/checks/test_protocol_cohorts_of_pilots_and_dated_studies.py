"""An observational study's cohort drawn from a pilot or a study named by its year is given nothing in this study,
though its words name a placebo or sham: phrases that must stay quiet, beside cohorts given one here."""
from __future__ import annotations

import pytest

from checks import protocol
from tests.checks import harness

ARM = "protocol.arm_without_intervention"
RULES = {rule.id: rule for rule in protocol.RULES}
OBSERVATIONAL = dict(study_type="OBSERVATIONAL", phase=None)


def _cohort(title: str, description: str) -> dict[str, list[dict]]:
    """The clean study's arms, with a second cohort (title, description) linked to nothing."""
    groups = [dict(row) for row in harness.clean_study()["design_groups"]]
    groups.append({"title": title, "group_type": None, "description": description})
    return {"design_groups": groups}


ELSEWHERE = {
    "a pilot named by its year": ("Sham", "Patients from the sham arm of the 2019 pilot"),
    "a trial named by its year": ("Placebo takers", "Women who took placebo in the 2016 trial, followed for 5 years"),
    "the pilot study": ("Sham group", "Participants of the sham group of the pilot study, re-contacted at 2 years"),
    "a study named by its year": ("Placebo children", "Children in the placebo group of the 2012 study"),
}
HERE = {
    "the pilot phase": ("Placebo run", "Participants receiving placebo in the pilot phase for 4 weeks"),
    "this pilot": ("Sham", "Patients receiving sham stimulation in this pilot"),
    "from a year on": ("Placebo cohort", "Participants receiving placebo from 2019 onwards"),
}
SHAPES = {name: (OBSERVATIONAL, _cohort(title, text), ARM, name in HERE)
          for name, (title, text) in {**ELSEWHERE, **HERE}.items()}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return harness.judged_shape_findings(tmp_path_factory.mktemp("protocol_pilot_cohorts"), SHAPES, RULES)


@pytest.mark.parametrize("name", list(ELSEWHERE))
def test_a_cohort_of_a_pilot_or_a_study_named_by_its_year_is_given_nothing_here(found, name):
    assert found[name] == []


@pytest.mark.parametrize("name", list(HERE))
def test_a_cohort_given_a_placebo_or_sham_in_this_study_is_still_flagged(found, name):
    assert [(rule_id, severity) for rule_id, severity, _, _ in found[name]] == [(ARM, "warning")]
