"""Design-vs-text rules on a sentence opening "In this study" in the past right after a sentence that cites one study
with its finding and its size, code or place ("A clinical study applied on 1166 patients thorough phase III trial
(NCI #I91-0001) at a National Cancer Institute (NCI) demonstrated that ... In this study Patients were randomly
assigned to receive a placebo or the retinoid isotretinoin (30 mg/day) for 3 years in a double-blind fashion",
NCT04577378): the design is the cited study's. The same sentence in the future, after no study cited, after studies
in general, or after a sentence that names this study, is this study's and still fires.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design_words import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

SINGLE_DOUBLE = "contradictions.masking_single_text_double_blind"
SINGLE = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", "masking": "SINGLE", "subject_masked": True,
          "investigator_masked": False}

_NCI = ("A clinical study applied on 1166 patients thorough phase III trial (NCI #I91-0001) at a National Cancer "
        "Institute (NCI) demonstrated that after the median follow-up of 3.5 years, there were no statistically "
        "significant differences between the placebo and isotretinoin arms. ")
_NCI_DESIGN = ("In this study Patients were randomly assigned to receive a placebo or the retinoid isotretinoin "
               "(30 mg/day) for 3 years in a double-blind fashion.")

# (text of the detailed description, fires)
CASES = [
    # NCT04577378: the sentence goes on about the NCI trial cited before it.
    (_NCI + _NCI_DESIGN, False),
    # A study cited with its size, its code or where it was done, then "In this trial" in the past.
    ("An earlier trial of 240 patients showed that drug X lowers the relapse rate. In this trial, participants were "
     "randomized to drug X or placebo under double-blind conditions.", False),
    ("A randomized study (n=88) found that drug X shortened the illness. In that study patients received drug X or "
     "placebo in a double-blind manner.", False),
    ("A phase 3 trial (NCT01234567) demonstrated that drug X is safe. In this study, patients were enrolled in a "
     "double-blind, placebo-controlled design.", False),
    # This study's own design: in the future, after no single study cited, or after this study is named.
    (_NCI + "In this study patients will be randomly assigned to receive a placebo or drug X in a double-blind "
            "fashion.", True),
    ("Drug X may lower the relapse rate. In this study, participants were randomized to drug X or placebo under "
     "double-blind conditions.", True),
    ("Previous studies showed that drug X lowers the relapse rate. In this study, participants were randomized to "
     "drug X or placebo under double-blind conditions.", True),
    ("A pilot study showed that drug X is well tolerated. In this study, participants were randomized to drug X or "
     "placebo under double-blind conditions.", True),
    ("This study of 240 patients found that recruitment was feasible. In this study, participants were randomized to "
     "drug X or placebo under double-blind conditions.", True),
    ("A clinical study of 1166 patients demonstrated benefit. This study is a randomized, double-blind trial of drug "
     "X.", True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> set[str]:
    """The studies the rule flags, one warehouse holding every case."""
    studies = {nct_id: harness.design_text_study(SINGLE, [("detail", text)]) for nct_id, (text, _f) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("cited_before"), studies)
    try:
        rule = next(rule for rule in RULES if rule.id == SINGLE_DOUBLE)
        return {f.nct_id for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{'fires' if c[1] else 'quiet'}:{c[0][:60]}"
                                                    for c in _IDS.values()])
def test_a_design_of_the_study_cited_the_sentence_before(found, nct_id):
    text, fires = _IDS[nct_id]
    assert (nct_id in found) is fires, text
