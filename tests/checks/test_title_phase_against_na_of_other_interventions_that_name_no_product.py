"""A title's phase against N/A where the trial lists only "Other" interventions or diagnostic tests that name no
product (contradictions.title_phase_differs): "A Phase III Prospective, Interventional, Cohort, Superiority Study" of
"Use of virus (Covid-19) genome sequence report to inform infection prevention control procedures" (NCT04405934)
tests no drug, N/A is the registry's answer, and the title's phase is info, as for devices. An Other named for a
product (plasma, a vitamin, a dose, a drug's name, a placebo), care as usual or a control (which may be drugs), or
any drug listed beside it, keeps the warning."""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks.title_phase import RULES
from tests.checks import harness

TITLE = ("A Phase III Prospective, Interventional, Cohort, Superiority Study to Evaluate the Benefit of Rapid COVID-19 "
         "Genomic Sequencing on Infection Control")

# (interventions (type, name), severity)
CASES = [
    # other interventions or diagnostic tests that name no product: info
    ([("OTHER", "Use of virus (Covid-19) genome sequence report to inform infection prevention control procedures")],
     "info"),
    ([("OTHER", "Body position change")], "info"),
    ([("DIAGNOSTIC_TEST", "Multiparametric MRI"), ("DIAGNOSTIC_TEST", "Radiomics")], "info"),
    ([("OTHER", "Rapid sequencing report"), ("DEVICE", "Nanopore sequencer")], "info"),
    ([("OTHER", "Telephone follow-up"), ("BEHAVIORAL", "Education session")], "info"),
    # an Other that may be a product or drugs, or a drug beside it: warning
    ([("OTHER", "Convalescent plasma")], "warning"),
    ([("OTHER", "Vitamin D3")], "warning"),
    ([("OTHER", "Hydroxychloroquine")], "warning"),
    ([("OTHER", "Saline 10 ml")], "warning"),
    ([("OTHER", "Placebo"), ("OTHER", "Sequencing report")], "warning"),
    ([("OTHER", "Standard care")], "warning"),
    ([("OTHER", "Treatment as usual")], "warning"),
    ([("OTHER", "Sequencing report"), ("OTHER", "Control")], "warning"),
    ([("OTHER", "Sequencing report"), ("DRUG", "Remdesivir")], "warning"),
    ([("OTHER", "Sequencing report"), ("DIETARY_SUPPLEMENT", "Zinc")], "warning"),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """(severity, message) of the rule's finding on each case's study, one warehouse holding every case."""
    studies = {}
    for nct_id, (interventions, _severity) in _IDS.items():
        study = harness.clean_study()
        study["studies"][0].update(official_title=TITLE, phase="NA", study_type="INTERVENTIONAL")
        study["interventions"] = [{"intervention_type": kind, "name": name, "description": "As told"}
                                  for kind, name in interventions]
        studies[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("other_no_product"), studies)
    try:
        return {f.nct_id: (f.severity or RULES[0].severity, f.message)
                for f in findings_of(con, RULES[0], set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[" + ".join(n for _k, n in c[0])[:60] for c in _IDS.values()])
def test_na_against_a_title_phase_of_other_interventions(found, nct_id):
    interventions, severity = _IDS[nct_id]
    assert found[nct_id][0] == severity, interventions


def test_the_message_says_the_interventions_name_no_product(found):
    nct_id = next(iter(_IDS))
    assert found[nct_id][1] == (
        "The official title names this study's phase as 'Phase III', while the record gives N/A (a trial without "
        "phases), as the registry asks of a trial that tests no drug, here other interventions that name no product "
        "only.")
