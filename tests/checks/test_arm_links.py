"""How arms and interventions are linked: a link to an arm or intervention the record does not list is named with
what it links, and a single-group model with several arms is only worth knowing before the registry offered
SEQUENTIAL."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}


def _findings(tmp_path, rule_id: str, study: dict) -> list[tuple[str, str, str | None]]:
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    return [(f.message, f.evidence, f.severity) for f in findings_of(con, RULES[rule_id],
                                                                      set_scope(con, None, harness.AS_OF))]


def _linked(*pairs: tuple[str, str]) -> dict:
    study = harness.clean_study()
    study["design_group_interventions"] = [{"design_group": arm, "intervention": drug} for arm, drug in pairs]
    return study


def test_a_link_to_an_unlisted_arm_names_the_label_its_interventions_and_the_arms(tmp_path):
    study = _linked(("Cohort 2", "Baricitinib"), ("Cohort 2", "Placebo"), ("Baricitinib", "Baricitinib"),
                    ("Placebo", "Placebo"))
    assert _findings(tmp_path, "protocol.link_to_unlisted_arm", study) == [(
        'A link of the record names the arm "Cohort 2" (for "Baricitinib", "Placebo"), which is not among its arms.',
        "design_group_interventions.design_group=Cohort 2; design_groups.title: Baricitinib; Placebo", "warning")]


def test_a_link_to_an_unlisted_intervention_names_the_name_and_its_arms(tmp_path):
    study = _linked(("Baricitinib", "Baricitinib 2 mg"), ("Placebo", "Placebo"))
    assert _findings(tmp_path, "protocol.link_to_unlisted_intervention", study) == [(
        'A link of the record names the intervention "Baricitinib 2 mg" (for "Baricitinib"), which is not among its '
        "interventions.",
        "design_group_interventions.intervention=Baricitinib 2 mg; interventions.name: Baricitinib; Placebo",
        "warning")]


def test_links_that_match_the_listed_names_raise_nothing(tmp_path):
    for rule_id in ("protocol.link_to_unlisted_arm", "protocol.link_to_unlisted_intervention"):
        study = _linked(("BARICITINIB ", "baricitinib"), ("Placebo", "Placebo"))
        assert _findings(tmp_path / rule_id, rule_id, study) == []


@pytest.mark.parametrize("posted, submitted, allocation, severity, era", [
    (date(2012, 3, 1), date(2012, 2, 20), "NA", "info",
     "; first posted 2012-03-01, before the registry offered SEQUENTIAL (2017-01-18)"),
    (None, date(2016, 12, 30), "NON_RANDOMIZED", "info",
     "; first submitted 2016-12-30, before the registry offered SEQUENTIAL (2017-01-18)"),
    (date(2012, 3, 1), date(2012, 2, 20), None, "info",
     "; first posted 2012-03-01, before the registry offered SEQUENTIAL (2017-01-18)"),
    (date(2012, 3, 1), date(2012, 2, 20), "RANDOMIZED", "warning", "; designs.allocation = 'RANDOMIZED'"),
    (date(2017, 1, 18), date(2017, 1, 10), "NA", "warning", ""),
    (date(2021, 5, 4), date(2021, 4, 30), "NON_RANDOMIZED", "warning", ""),
    (date(2021, 5, 4), date(2021, 4, 30), "RANDOMIZED", "warning", "; designs.allocation = 'RANDOMIZED'"),
])
def test_a_single_group_with_several_arms_is_info_for_cohorts_before_sequential_existed(
        tmp_path, posted, submitted, allocation, severity, era):
    study = harness.clean_study()
    study["designs"][0].update(intervention_model="SINGLE_GROUP", allocation=allocation)
    study["studies"][0].update(study_first_posted_date=posted, study_first_submitted_date=submitted)
    [(message, evidence, found)] = _findings(tmp_path, "contradictions.single_group_several_arms", study)
    assert message == "The intervention model is SINGLE_GROUP but the study lists 2 different arms."
    assert evidence == "designs.intervention_model = 'SINGLE_GROUP'; design_groups.title: Baricitinib; Placebo" + era
    assert found == severity
