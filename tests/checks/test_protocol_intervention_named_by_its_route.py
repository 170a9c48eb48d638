"""protocol.intervention_not_named on an intervention named only by its route or form ("Oral" of type DRUG, the only
intervention of NCT04303299; "Intravenous infusion", "Tablets"): how it is given, not what. A name that holds the
product ("Oral vancomycin", "Inhaled ibuprofen") and a route's word naming an intervention of another type ("Nasal"
brushing of type OTHER, a sample's site) are names."""
from __future__ import annotations

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "protocol.intervention_not_named")

# (intervention name, its type, the rule's messages)
CASES = [
    ("Oral", "DRUG", ['An intervention of type DRUG is named only "Oral", a route or form of giving, which says how '
                      "it is given but not what."]),
    ("Intravenous  infusion.", "BIOLOGICAL", ['An intervention of type BIOLOGICAL is named only "Intravenous  '
                                              'infusion.", a route or form of giving, which says how it is given but '
                                              "not what."]),
    ("Tablets", "DIETARY_SUPPLEMENT", ['An intervention of type DIETARY_SUPPLEMENT is named only "Tablets", a route '
                                       "or form of giving, which says how it is given but not what."]),
    ("Oral vancomycin", "DRUG", []),
    ("Inhaled ibuprofen", "DRUG", []),
    ("Nasal", "OTHER", []),
    ("Injection", "PROCEDURE", []),
]


@pytest.fixture(scope="module")
def messages(tmp_path_factory) -> dict[str, list[str]]:
    """The rule's messages for each case's study (its second intervention named and typed as the case's)."""
    studies = {}
    for index, (name, kind, _) in enumerate(CASES):
        study = harness.clean_study()
        study["interventions"][1].update(name=name, intervention_type=kind)
        studies[f"NCT0{index + 1000001:07d}"] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("route_names"), studies)
    found: dict[str, list[str]] = {nct_id: [] for nct_id in studies}
    for finding in findings_of(con, RULE, set_scope(con, None, harness.AS_OF)):
        found[finding.nct_id].append(finding.message)
    return found


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{n}-{k}" for n, k, _ in CASES])
def test_an_intervention_named_only_by_its_route(messages, index):
    assert messages[f"NCT0{index + 1000001:07d}"] == CASES[index][2]
