"""protocol.intervention_not_named on a category heading in the plural, with no description, beside the interventions
of its kind the record names one by one ("dietary supplements" beside "calcium", "vitamin E": nine NHLBI records of
1999-2000, NCT00000473 ...): info, the trial being found by its named members. A kind named alone, beside only a
placebo, or with a description of its own, and a supplement typed a drug in a later record, stay warnings."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = next(rule for rule in checks.all_rules() if rule.id == "protocol.intervention_not_named")
FIRST_YEARS = date(1999, 11, 2)
LATER = date(2019, 12, 2)


def _row(kind: str, name: str, description: str | None = None) -> dict:
    return {"intervention_type": kind, "name": name, "description": description}


# (interventions, first posted, the severity of the finding on the first row, or None)
CASES = [
    # a category heading beside its named members: info
    ([_row("BEHAVIORAL", "dietary supplements"), _row("DRUG", "calcium"), _row("DRUG", "vitamin D")],
     FIRST_YEARS, "info"),
    ([_row("BEHAVIORAL", "dietary supplements"), _row("DIETARY_SUPPLEMENT", "Fish oil capsules")], LATER, "info"),
    ([_row("DRUG", "Drugs"), _row("DRUG", "Cisplatin"), _row("DRUG", "Placebo")], LATER, "info"),
    ([_row("BIOLOGICAL", "Vaccines", "N/A"), _row("BIOLOGICAL", "MVA85A")], LATER, "info"),
    # no member named: the heading is all the record says of its kind
    ([_row("BEHAVIORAL", "dietary supplements"), _row("BEHAVIORAL", "diet, fat-restricted")], FIRST_YEARS, "warning"),
    ([_row("DRUG", "Drugs"), _row("DRUG", "Placebo")], LATER, "warning"),
    ([_row("DRUG", "Drugs"), _row("DRUG", "Sham infusion")], LATER, "warning"),
    ([_row("DEVICE", "Devices"), _row("DRUG", "Cisplatin")], LATER, "warning"),
    ([_row("DRUG", "Drugs"), _row("DRUG", "Study drug")], LATER, "warning"),
    # a supplement typed a drug counts as a member in the registry's first records only
    ([_row("BEHAVIORAL", "dietary supplements"), _row("DRUG", "Metformin")], LATER, "warning"),
    # a heading with a description of its own, or a kind in the singular, names one intervention left unnamed
    ([_row("RADIATION", "Radiation", "Central Nervous System (CNS) therapy"), _row("RADIATION", "Total Body "
      "Irradiation")], LATER, "warning"),
    ([_row("DRUG", "Drugs", "Two drugs given by mouth"), _row("DRUG", "Cisplatin")], LATER, "warning"),
    ([_row("DRUG", "Test Drug"), _row("DRUG", "Placebo Drug")], LATER, "warning"),
    ([_row("DRUG", "Drug"), _row("DRUG", "Cisplatin")], LATER, "warning"),
    # a named intervention: nothing
    ([_row("DRUG", "calcium"), _row("BEHAVIORAL", "dietary supplements")], FIRST_YEARS, None),
]


# A heading told with its named members, a placebo left out, in order of name.
TOLD = [_row("BEHAVIORAL", "dietary supplements"), _row("DRUG", "vitamin E"), _row("DRUG", "calcium"),
        _row("DRUG", "Placebo")]
IDS = [f"NCT0100{n:04d}" for n in range(len(CASES))]
TOLD_ID = "NCT01009999"


def _study(interventions: list[dict], posted: date) -> dict:
    study = harness.clean_study()
    study["interventions"] = interventions
    study["design_group_interventions"] = []
    study["studies"][0].update(study_first_posted_date=posted)
    return study


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> list:
    studies = {i: _study(rows, posted) for i, (rows, posted, _) in zip(IDS, CASES)}
    studies[TOLD_ID] = _study(TOLD, FIRST_YEARS)
    con = harness.warehouse_with(tmp_path_factory.mktemp("categories"), studies)
    return findings_of(con, RULE, set_scope(con, None, harness.AS_OF))


def test_a_category_heading_beside_its_named_members_is_info(findings):
    found = {(f.nct_id, f.evidence.split(";")[0]): f.severity for f in findings}
    first_names = [f'interventions.name="{rows[0]["name"]}"' for rows, _, _ in CASES]
    assert [found.get((i, name)) for i, name in zip(IDS, first_names)] == [severity for _, _, severity in CASES]


def test_the_heading_is_told_with_its_named_members(findings):
    assert [(f.message, f.evidence) for f in findings if f.nct_id == TOLD_ID] == [(
        'An intervention of type BEHAVIORAL is named only "dietary supplements", with no description, beside '
        "interventions the record names: a category's heading, which says what kind of intervention it is but not "
        "which.",
        'interventions.name="dietary supplements"; interventions.intervention_type=BEHAVIORAL; named besides: '
        '"calcium", "vitamin E"')]
