"""An arm the record gives without a title is still an arm: the arm-count rules count it, and the messages that
name arms say it has no title rather than quoting an empty one."""
from __future__ import annotations

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}


def _messages(tmp_path, rule_id: str, titles: list[str | None], model: str, links: list[dict] | None = None):
    study = harness.clean_study()
    study["designs"][0]["intervention_model"] = model
    study["design_groups"] = [{"group_type": "EXPERIMENTAL", "title": title, "description": None} for title in titles]
    if links is not None:
        study["design_group_interventions"] = links
    con = harness.warehouse_with(tmp_path, {"NCT01000001": study})
    found = findings_of(con, RULES[rule_id], set_scope(con, None, harness.AS_OF))
    return [(f.message, f.evidence) for f in found]


@pytest.mark.parametrize("titles, fires", [
    (["Baricitinib", None], False),  # two arms, one without a title: not "only one arm"
    (["Baricitinib", " "], False),
    (["Baricitinib", "baricitinib "], True),  # one arm listed twice
    (["Baricitinib"], True),
])
def test_a_parallel_model_with_an_untitled_second_arm_does_not_have_one_arm(tmp_path, titles, fires):
    assert bool(_messages(tmp_path, "contradictions.multi_arm_model_one_arm", titles, "PARALLEL")) == fires


@pytest.mark.parametrize("titles, count, listed", [
    (["Baricitinib", None], 2, "Baricitinib; (an arm without a title)"),
    (["Baricitinib", None, ""], 3, "Baricitinib; (2 arms without a title)"),
    (["Baricitinib", "Placebo"], 2, "Baricitinib; Placebo"),
])
def test_a_single_group_model_counts_and_lists_untitled_arms(tmp_path, titles, count, listed):
    [(message, evidence)] = _messages(tmp_path, "contradictions.single_group_several_arms", titles, "SINGLE_GROUP")
    assert message == f"The intervention model is SINGLE_GROUP but the study lists {count} different arms."
    assert evidence.split("; designs.allocation")[0].endswith(f"design_groups.title: {listed}")


def test_an_untitled_arm_without_intervention_is_said_to_have_no_title(tmp_path):
    links = [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]
    found = _messages(tmp_path, "protocol.arm_without_intervention", ["Baricitinib", None], "PARALLEL", links)
    assert [message for message, _ in found] == [
        "An arm without a title receives no intervention, though the record links arms to interventions."]
