"""invalid_values.template_record requires two signs of a template, each in its own field: a title that names a
placeholder product ("Drug X", "Compound Y") or is its own label ("Brief Title"), and a lead sponsor that is a
placeholder ("Pharma Corp", "Sponsor Agency"). One alone, a placeholder letter that is part of a word ("X-ray"), a
lower-case letter ("drug x") and a placeholder collaborator stay quiet. One warehouse holds every case."""
from __future__ import annotations

import pytest

from checks.template_record import RULES
from tests.checks import harness

REAL_TITLE = "Baricitinib in Primary Sjogren's Syndrome"
REAL_SPONSOR = "Peking Union Medical College Hospital"
# (brief title, official title, lead sponsor, a collaborator, the placeholder quoted or None where quiet).
CASES = [
    ("A Study of Drug X in HER2-Positive Breast Cancer", None, "Pharma Corp", None, "Drug X"),
    (REAL_TITLE, "A Phase 3, Randomized Study of Drug X Versus Placebo", "Pharma Corp", None, "Drug X"),
    ("Compound Y in Healthy Adults", None, "Sponsor Name", None, "Compound Y"),
    ("Study Drug Z for Chronic Pain", None, "Pharma Corporation", None, "Study Drug Z"),
    ("Brief Title", "Official Title", "Sponsor Agency", None, "Brief Title"),
    ("A Study of Agent X in Melanoma", None, "Example Biopharma", None, "Agent X"),
    ("A Study of Drug X in HER2-Positive Breast Cancer", None, REAL_SPONSOR, None, None),
    (REAL_TITLE, None, "Pharma Corp", None, None),
    ("Contrast Agent X-ray Imaging of the Knee", None, "Pharma Corp", None, None),
    ("A study of drug x in adults", None, "Pharma Corp", None, None),
    ("Title Page Design for Consent Forms", None, "Sponsor Agency", None, None),
    ("A Study of Drug X in HER2-Positive Breast Cancer", None, REAL_SPONSOR, "Pharma Corp", None),
    ("A Study of Drug X in HER2-Positive Breast Cancer", None, "Pharma Corp Holdings Ltd", None, None),
]
_IDS = harness.numbered_cases(CASES)


def _study(brief: str, official: str | None, lead: str, collaborator: str | None) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(brief_title=brief, official_title=official)
    study["sponsors"] = [{"agency_class": "INDUSTRY", "lead_or_collaborator": "lead", "name": lead}]
    if collaborator:
        study["sponsors"].append({"agency_class": "INDUSTRY", "lead_or_collaborator": "collaborator",
                                  "name": collaborator})
    return study


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str, list]]:
    """(message, evidence, fields) of the rule's finding by study."""
    studies = {nct_id: _study(*case[:4]) for nct_id, case in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("template_record"), studies)
    try:
        return {row[0]: row[1:] for row in con.execute(RULES[0].sql).fetchall()}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{c[4] or 'quiet'}:{c[0][:30]}:{c[2]}" for c in _IDS.values()])
def test_a_title_and_a_lead_sponsor_both_placeholders(found, nct_id):
    placeholder = _IDS[nct_id][4]
    finding = found.get(nct_id)
    assert (finding is not None) == (placeholder is not None), _IDS[nct_id]
    if finding:
        assert f"names a placeholder, '{placeholder}', and the lead sponsor is a placeholder" in finding[0]


def test_the_finding_names_the_title_and_the_sponsor(found):
    nct_id = next(n for n, case in _IDS.items() if case[1] and case[4] == "Drug X")
    message, evidence, fields = found[nct_id]
    assert message.startswith("The official title names a placeholder, 'Drug X', and the lead sponsor is a "
                              "placeholder, 'Pharma Corp'")
    assert evidence == ("studies.official_title = 'A Phase 3, Randomized Study of Drug X Versus Placebo'; "
                        "sponsors.name = 'Pharma Corp'")
    assert fields == ["studies.official_title", "sponsors.name"]
