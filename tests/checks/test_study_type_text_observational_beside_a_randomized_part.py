"""contradictions.study_type_text_observational on an observational design joined by "and" to a randomized or
interventional one ("Pakistan Randomized and Observational Trial to Evaluate Coronavirus Treatment", NCT04338698, seven
randomized arms and an observational cohort of those not consenting to randomization): the study has both parts, and
the observational one is not the whole study's design. An observational design named alone, beside a non-randomized
design, or after a comma only, still fires.

Every case is one randomized study of one warehouse, built once for the module, with neutral text but for the case's.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES

RULE = harness.OBSERVATIONAL_RULE

# (field, text, fires)
CASES = [
    # both parts named: quiet
    ("official_title", "Pakistan Randomized and Observational Trial to Evaluate Coronavirus Treatment", False),
    ("official_title", "A Randomised Controlled Trial and an Observational Cohort Study of Drug X in Asthma", False),
    ("official_title", "An Observational and Interventional Study of Drug X in Asthma", False),
    ("official_title", "An Interventional & Observational Study of Drug X in Asthma", False),
    ("brief_title", "Randomized and Observational Study of Drug X", False),
    # the observational design alone, beside a non-randomized design, or after a comma: fires
    ("official_title", "Pakistan Observational Trial to Evaluate Coronavirus Treatment", True),
    ("official_title", "A Non-randomized and Observational Study of Drug X in Asthma", True),
    ("official_title", "A Non randomized and Observational Study of Drug X in Asthma", True),
    ("official_title", "A Prospective, Observational Study of Drug X Randomized by Site", True),
    ("official_title", "A Multicentre and Observational Study of Drug X in Asthma", True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies the rule flags, one warehouse holding every case."""
    studies = {nct_id: harness.design_text_study(harness.RANDOMIZED, [(field, text)])
               for nct_id, (field, text, _fires) in _IDS.items()}
    return harness.flagged_studies(tmp_path_factory.mktemp("beside_a_randomized_part"), studies,
                                   [DESIGN_TEXT_RULES[RULE]])


@pytest.mark.parametrize("nct_id", list(_IDS),
                         ids=[f"{'fires' if c[2] else 'quiet'}:{c[1][:60]}" for c in _IDS.values()])
def test_an_observational_design_beside_a_randomized_one(flagged, nct_id):
    field, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[RULE]) is fires, text
