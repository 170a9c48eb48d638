"""A randomized single group whose text randomizes when each cluster starts the intervention (a stepped wedge, "sites
will be randomized to the order in which they start"): info, and the message says the clusters' start is what is
randomized, not something within each participant (contradictions.randomized_single_group). Participants randomized
between groups, or each participant's order of treatments, are read as before."""
from __future__ import annotations

import pytest

from checks import all_rules
from tests.checks import harness

RULE = next(rule for rule in all_rules() if rule.id == "contradictions.randomized_single_group")
CLUSTERS = ("; its text randomizes when each cluster (a site, a ward) starts the intervention, as a stepped wedge "
            "does, not participants between groups.")
WITHIN = "; its text places what is randomized within each participant"
NOTHING = ": a single group leaves nothing to randomize participants between."

# (detailed description, severity, how the message ends).
CASES = [
    ("A cluster-randomized stepped wedge design: each site starts the intervention in a random order.", "info",
     CLUSTERS),
    ("Cluster-randomized trial with a stepped-wedge initiation of the intervention at each site.", "info", CLUSTERS),
    ("This stepped wedge trial moves all wards to the new protocol over six months.", "info", CLUSTERS),
    ("Ten practices, with cluster-randomization of the timing of the switch to the intervention.", "info", CLUSTERS),
    ("Hospitals will be randomized to the order in which they adopt the checklist.", "info", CLUSTERS),
    ("Clusters are randomised to the sequence of crossing from control to intervention.", "info", CLUSTERS),
    # A stepped wedge beside a crossover's words is still a stepped wedge.
    ("A stepped-wedge design; within each step, patients receive both creams in random order.", "info", CLUSTERS),
    # Each participant's order of treatments: within each participant, as before.
    ("Patients will be randomized to the order in which they receive the two drugs.", "info", WITHIN),
    ("Each subject will receive both treatments in random order at each site.", "info", WITHIN),
    ("Randomization of the sequence of the two infusions.", "info", WITHIN),
    # Participants randomized between groups, or sites only named: nothing to randomize in a single group.
    ("Participants at each site will be randomized to drug X or placebo.", "warning", NOTHING),
    ("Sites were randomized to drug X or usual care.", "warning", NOTHING),
    ("The wedge resection is done in each cluster of nodes.", "warning", NOTHING),
]
SHAPES = {str(n): (f"NCT0{n:07d}", {}, {"designs": [{**harness.clean_study()["designs"][0], "allocation": "RANDOMIZED",
                                                     "intervention_model": "SINGLE_GROUP"}],
                                        "design_groups": [{"group_type": "EXPERIMENTAL", "title": "Intervention",
                                                           "description": "All participants"}],
                                        "design_group_interventions": [],
                                        "detailed_descriptions": [{"description": text}]})
          for n, (text, _severity, _end) in enumerate(CASES, start=1)}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each case's findings: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("clusters_started"), SHAPES, [RULE])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[c[0][:50] for c in CASES])
def test_what_the_text_randomizes_is_said(found, n):
    text, severity, end = CASES[n - 1]
    [(_rule, flagged, message, evidence)] = found[str(n)]
    assert flagged == severity
    assert end in message
    if severity == "info":
        assert evidence.split("detailed_descriptions.description: '")[1].strip("'") in text
