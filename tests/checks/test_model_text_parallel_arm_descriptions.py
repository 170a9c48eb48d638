"""contradictions.model_text_parallel reads a crossover's arm descriptions: one that names the study's design as
parallel groups ("Parallel study design, 4 treatment groups") contradicts a CROSSOVER model. Quiet where the sentence
speaks of a period, a sequence or a washout of the crossover itself, where any read text names a crossover, where
"parallel" is meant otherwise, and for the arms of a sequential or single-group model (a cohort's arms may be given in
parallel groups inside a study of another model).

Every case is one study of one warehouse built once for the module.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design_words import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

PARALLEL = "contradictions.model_text_parallel"
CROSSOVER_MODEL = {"intervention_model": "CROSSOVER", "allocation": "RANDOMIZED"}
SEQUENTIAL_MODEL = {"intervention_model": "SEQUENTIAL", "allocation": "NON_RANDOMIZED"}
ONE_GROUP = {"intervention_model": "SINGLE_GROUP", "allocation": "NA"}
WARNING, QUIET = "warning", None

# (design, arm description, texts of other fields ((field, text), ...), severity expected).
CASES = [
    # The study's design, in an arm's description.
    (CROSSOVER_MODEL, "Parallel study design, 4 treatment groups", (), WARNING),
    (CROSSOVER_MODEL, "Randomized, double-blind, parallel-group design: participants receive drug X 10 mg daily.", (),
     WARNING),
    (CROSSOVER_MODEL, "Participants are randomized to one of two parallel arms and take drug X for 12 weeks.", (),
     WARNING),
    (CROSSOVER_MODEL, "A randomized, placebo-controlled, parallel group trial of drug X in adults.", (), WARNING),
    # A period, a sequence or a washout of the crossover.
    (CROSSOVER_MODEL, "In period 1, the two parallel groups receive drug X or placebo.", (), QUIET),
    (CROSSOVER_MODEL, "Sequence AB: parallel groups are formed for the first treatment period.", (), QUIET),
    (CROSSOVER_MODEL, "After a washout of 2 weeks the parallel groups switch treatments.", (), QUIET),
    (CROSSOVER_MODEL, "During the first phase, parallel groups receive drug X or placebo.", (), QUIET),
    # A crossover named anywhere read: the record names both models.
    (CROSSOVER_MODEL, "A randomized placebo-controlled, parallel-group study, crossover-design", (), QUIET),
    (CROSSOVER_MODEL, "Parallel study design, 4 treatment groups",
     (("summary", "This is a randomized, two-period crossover study of drug X."),), QUIET),
    # "Parallel" in another sense; denied.
    (CROSSOVER_MODEL, "Drug X is given in parallel with the usual physiotherapy.", (), QUIET),
    (CROSSOVER_MODEL, "The hand is held parallel to the table during the test.", (), QUIET),
    (CROSSOVER_MODEL, "This is not a parallel-group study.", (), QUIET),
    # Another model: its arms are not read.
    (SEQUENTIAL_MODEL, "Cohort 1: participants are randomized in parallel groups to drug X or placebo.", (), QUIET),
    (ONE_GROUP, "This is a single arm, parallel study of drug X.", (), QUIET),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str, str]]:
    """(severity, message, evidence) of the rule's finding by study, one warehouse holding every case."""
    studies = {nct_id: harness.design_text_study(design, (("arm_description", arm),) + texts)
               for nct_id, (design, arm, texts, _severity) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("arm_parallel"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {f.nct_id: (f.severity or rule.severity, f.message, f.evidence)
                for rule in RULES if rule.id == PARALLEL for f in findings_of(con, rule, scope)}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{c[3] or 'quiet'}:{c[1]}" for c in _IDS.values()])
def test_a_crossover_model_against_its_arm_descriptions(found, nct_id):
    _design, arm, _texts, severity = _IDS[nct_id]
    finding = found.get(nct_id)
    assert (finding and finding[0]) == severity, arm


def test_the_finding_quotes_the_arm_description(found):
    nct_id = next(n for n, case in _IDS.items() if case[1] == "Parallel study design, 4 treatment groups")
    _severity, message, evidence = found[nct_id]
    assert message == "Intervention model is CROSSOVER but the arm description says 'Parallel study'."
    assert evidence == ("designs.intervention_model = 'CROSSOVER'; design_groups.description: 'Parallel study design, "
                        "4 treatment groups'")

