"""The drug rule reads the other texts only of studies whose outcomes or arm titles name a drug.

Its findings, with evidence, are those of reading every study's context texts (the plain path:
`texts_by_study` for all, then `study_drug_findings` for every interventional study with interventions),
on every drug case of the rule table, all studies in one warehouse.
"""
from __future__ import annotations

import copy

from checks import contradictions_drugs as drugs
from checks.check_scope import set_scope
from checks.study_text import rows_by_study, texts_by_study
from tests.checks import harness
from tests.checks.test_rule_cases import CASES


def _plain(con, scope):
    outcomes = rows_by_study(con, scope, "design_outcomes", ("measure", "description"))
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    links = rows_by_study(con, scope, "design_group_interventions", ("intervention",))
    context = texts_by_study(con, scope, drugs._CONTEXT_FIELDS + drugs._OTHER_NAME_FIELDS)
    for nct_id in sorted(drugs._interventional(con, scope) & interventions.keys()):
        yield from drugs.study_drug_findings(nct_id, outcomes.get(nct_id, []), arms.get(nct_id, []),
                                             interventions[nct_id], links.get(nct_id, []),
                                             [t.text for t in context.get(nct_id, [])])


def test_drug_findings_read_only_named_studies_context_as_every_study_read_gives(tmp_path):
    cases = [c for c in CASES if c.rule_id == "contradictions.drug_not_an_intervention"]
    studies = {}
    for i, case in enumerate(cases):
        study = copy.deepcopy(harness.clean_study())
        case.change(study)
        studies[f"NCT0{i + 1:07d}"] = study
    con = harness.warehouse_with(tmp_path, studies)
    lazy = list(drugs.drug_not_an_intervention(con, set_scope(con, None, harness.AS_OF)))
    plain = list(_plain(con, set_scope(con, None, harness.AS_OF)))
    assert lazy == plain
    fired = {f.nct_id for f in lazy}
    assert any(c.fires for c in cases) and fired  # fires
    assert len(fired) < len(cases)  # and stays quiet
