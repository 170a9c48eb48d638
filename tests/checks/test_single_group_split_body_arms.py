"""Single groups whose arms are sites on every participant.

- contradictions.single_group_several_arms on a split-body single group: every participant takes each arm, one on
  each side ("one side of the face was treated three times weekly ... with 660 nm LED" and "... with a Sham light",
  NCT00818246; "one side of the face was treated with a Sham light and the other half with LED"; "Split-face Study").
  Its arms are sides, not groups: quiet. Arms of which only one names a side, arms naming none, a text naming one
  eye of a condition, arms each given on both sides ("on each the right and left side of the abdomen", NCT01582477)
  or more than two arms each given on a side at random ("in the RIGHT or LEFT forearm according to a randomisation
  scheme", four dose arms, NCT01999231) stay flagged.
- contradictions.randomized_single_group on a randomized patch test whose arms are the test patch and its positive
  and negative controls ("Examiner-blind Human Patch Test", each in a "Finn chamber", NCT01762982): the sites of the
  patches are what is randomized on each participant, info. A patch test that admits participants ("patients with a
  positive patch test to nickel") stays a warning.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import all_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in all_rules()}
SEVERAL_ARMS = "contradictions.single_group_several_arms"
RANDOMIZED_SINGLE = "contradictions.randomized_single_group"
LED = "one side of the face was treated three times weekly for four weeks with 660 nm Light emitting diode (LED)"
SHAM = "one side of the face was treated three times weekly for four weeks with a Sham light"


def _study(descriptions: tuple[str | None, str | None] = (LED, SHAM), title: str = "LED for the Treatment of Wrinkles",
           summary: str = "The purpose of this study is to determine whether LED therapy improves skin.",
           arms: int = 2) -> tuple:
    """A single-group study first posted in 2023 with the arms 'LED-treated' and 'Sham-treated' of these
    descriptions (and, for `arms` 3, 'LED 2 J/cm2'), and these titles and summary."""
    design = {**harness.clean_study()["designs"][0], "allocation": "NA", "intervention_model": "SINGLE_GROUP"}
    groups = [{"group_type": "EXPERIMENTAL", "title": "LED-treated", "description": descriptions[0]},
              {"group_type": "SHAM_COMPARATOR", "title": "Sham-treated", "description": descriptions[1]}]
    groups += [{"group_type": "EXPERIMENTAL", "title": "LED 2 J/cm2", "description": None}] * (arms - 2)
    listed = [{"intervention_type": "DEVICE", "name": "LED", "description": None}]
    return ({"study_first_posted_date": date(2023, 12, 13), "official_title": title, "brief_title": title},
            {"designs": [design], "design_groups": groups, "design_group_interventions": [], "interventions": listed,
             "brief_summaries": [{"description": summary}], "detailed_descriptions": [{"description": None}]})


# (shape, whether the rule flags it)
CASES = [
    # Every arm on one side of each participant, or the text giving one side each arm: quiet.
    (_study(), False),
    (_study((None, None), summary="One side of the face was treated with a Sham light and the other half with a "
                                  "light emitting diode (LED)."), False),
    (_study((None, None), title="Light Emitting Diode for Wrinkles (Split-face Study)"), False),
    (_study(("LED to the left eye", "Sham light to the right eye")), False),
    # No side named, one arm only on a side, or one eye of a condition: flagged.
    (_study(("LED treatment of the face", "Sham light to the face")), True),
    (_study((LED, "Sham light to the face")), True),
    (_study((None, None), summary="Patients with glaucoma in one eye will be treated with LED or a sham light."),
     True),
    # Arms each given on both sides, or more than two arms each given on a side at random: groups, flagged.
    (_study(("LED infiltrated on each the right and left side of the face", "Sham light on the right and left side "
                                                                           "of the face")), True),
    (_study((None, None), summary="Each dose is given to volunteers in the right or left forearm according to a "
                                  "randomisation scheme.", arms=3), True),
]


def _patch_test(title: str = "Examiner-blind Human Patch Test of Benzalkonium Chloride",
                chamber: str = "filled in a Finn chamber and applied to the upper back for 24 hours") -> tuple:
    """A randomized single group first posted in 2023 with the arms 'Test' (benzalkonium) and the positive and negative
    controls (SLS, saline), each described as given `chamber`, under this title."""
    design = {**harness.clean_study()["designs"][0], "allocation": "RANDOMIZED", "intervention_model": "SINGLE_GROUP"}
    arms = (("EXPERIMENTAL", "Test", "benzalkonium"), ("ACTIVE_COMPARATOR", "Positive Control", "SLS"),
            ("PLACEBO_COMPARATOR", "Negative Control 1", "normal saline"))
    groups = [{"group_type": kind, "title": title_, "description": f"0.03 mL of {what}, {chamber}"}
              for kind, title_, what in arms]
    listed = [{"intervention_type": "DRUG", "name": "Benzalkonium chloride", "description": None}]
    return ({"study_first_posted_date": date(2023, 12, 13), "official_title": title, "brief_title": title},
            {"designs": [design], "design_groups": groups, "design_group_interventions": [], "interventions": listed,
             "brief_summaries": [{"description": "A study of skin irritation."}],
             "detailed_descriptions": [{"description": None}]})


# (shape, the severity randomized_single_group flags it with)
PATCH_CASES = [
    (_patch_test(), "info"),
    (_patch_test(title="Patch Test of Benzalkonium Chloride Disinfectant Spray", chamber="applied for 24 hours"),
     "info"),
    (_patch_test(title="Skin Irritation of Benzalkonium Chloride", chamber="on a Finn chamber for 24 hours"), "info"),
    (_patch_test(title="Cream X in Patients With a Positive Patch Test to Nickel", chamber="applied for 24 hours"),
     "warning"),
]
SHAPES = {str(n): (f"NCT0{n:07d}", *shape) for n, (shape, _fires) in enumerate(CASES + PATCH_CASES, start=1)}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the two rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("split_body_single_group"), SHAPES,
                                  [RULES[SEVERAL_ARMS], RULES[RANDOMIZED_SINGLE]])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1))
def test_a_split_body_single_group_has_sides_not_groups(found, n):
    _shape, fires = CASES[n - 1]
    assert any(r == SEVERAL_ARMS for r, _s, _m, _e in found[str(n)]) is fires, found[str(n)]


@pytest.mark.parametrize("n", range(len(CASES) + 1, len(CASES) + len(PATCH_CASES) + 1))
def test_a_randomized_patch_test_randomizes_sites_on_each_participant(found, n):
    _shape, severity = PATCH_CASES[n - len(CASES) - 1]
    assert [s for r, s, _m, _e in found[str(n)] if r == RANDOMIZED_SINGLE] == [severity], found[str(n)]
