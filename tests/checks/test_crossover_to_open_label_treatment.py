"""contradictions.model_text_crossover: participants crossed over to open-label treatment after a sham- or
placebo-controlled comparison ("These patients will also be crossed over to receive open label CES in Phase II.
Phase II, Open-Crossover Trial") is a treatment crossover that a parallel model may describe: info, not a warning.
A crossover design with no one crossed over to open-label treatment is still a warning.

Every case is one study of one warehouse built once for the module.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design_words import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

CROSSOVER = "contradictions.model_text_crossover"
PARALLEL_MODEL = {"intervention_model": "PARALLEL"}
WARNING, INFO = "warning", "info"

# (detailed description, severity expected) under a parallel model.
CASES = [
    ("Non-improving patients will be crossed over to the open-label CES in Phase II. Improving: these patients will "
     "also be crossed over to receive open label CES in Phase II.\n\nPhase II, Open-Crossover Trial\n\nPhase II is the "
     "open label phase.", INFO),
    ("After week 8 the sham group crosses over to open-label stimulation. This is an open crossover trial.", INFO),
    ("Patients on placebo will cross over into the open-labelled drug X at week 12. A randomized crossover trial.",
     INFO),
    ("Phase II, Open-Crossover Trial. Phase II is the open label phase.", WARNING),
    ("This is an open-label, two-period crossover study of drug X and drug Y.", WARNING),
    ("Patients will be crossed over to the other treatment after a washout. A randomized crossover trial.", WARNING),
    ("Open-label drug X is given to all. A double-blind crossover study follows.", WARNING),
]
_IDS = {f"NCT9{n:07d}": case for n, case in enumerate(CASES, start=1)}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, str]:
    studies = {nct_id: harness.design_text_study(PARALLEL_MODEL, [("detail", text)])
               for nct_id, (text, _severity) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("crossed_to_open"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {f.nct_id: f.severity or rule.severity
                for rule in RULES if rule.id == CROSSOVER for f in findings_of(con, rule, scope)}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{c[1]}:{c[0][:50]}" for c in _IDS.values()])
def test_crossed_over_to_open_label_treatment(found, nct_id):
    text, severity = _IDS[nct_id]
    assert found.get(nct_id) == severity, text
