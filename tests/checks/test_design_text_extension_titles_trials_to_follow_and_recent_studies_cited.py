"""Design-vs-text rules on an extension whose text names the study it extends, on a randomized trial planned, to
follow or wished for, and on a study cited as recent.

- The study an extension is of, named after "Extension (Phase) of the", "Extension Study Following a" or "extension
  study that followed an" ("An Open-Label Extension Phase of the Double-Blind, Placebo-Controlled, Dose-Escalation,
  Parallel-Group Study of E2007", NCT00368472), a title that ends by naming the extension (": A 6-Month Open-label
  Extension Phase", NCT01141283; ", Open Label Extension", NCT01070303), and "the Double-Blind Study" beside "this
  Extension Study" (NCT00146770): the parent study's design, not this one's, for masking_none_text_blinded,
  allocation_text_randomized, model_text_parallel and placebo_controlled_without_placebo. A study with its own
  extension ("..., With an Open-label Extension") is still read.
- allocation_text_randomized: a trial "for a Planned Phase II Randomized Trial" (NCT00370292), one to follow "If the
  initial proof of concept phase will lead to favourable results" (NCT04399798), data "used to design and implement a
  ... randomized clinical trial" (NCT04345653), "progressing from a pilot study to a randomised control trial" and
  "A statistically powered randomised controlled trial (RCT) would be ideal" (NCT04356833) are other trials.
- study_type_text_observational: "A recent prospective observational study of early PP ... was well tolerated"
  (NCT04368000) cites a study.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, PLACEBO_RULE, case_study

BLINDED_RULE = harness.BLINDED_RULE
RANDOMIZED_RULE = harness.RANDOMIZED_RULE
PARALLEL_RULE = "contradictions.model_text_parallel"
OBSERVATIONAL_RULE = harness.OBSERVATIONAL_RULE
TRIAL_RULE = harness.TRIAL_RULE

# An extension's design: one group, not masked, not randomized.
EXTENSION = {"allocation": "NON_RANDOMIZED", "intervention_model": "SINGLE_GROUP", **harness.NO_MASKING}
ONE_GROUP = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "intervention_model": "SINGLE_GROUP"}

# The titles of NCT00368472, NCT01141283 and NCT01070303; NCT00891293's summary; an arm of NCT00146770.
_EXTENSION_OF_TITLE = ("An Open-Label Extension Phase of the Double-Blind, Placebo-Controlled, Dose-Escalation, "
                       "Parallel-Group Study of E2007 (Perampanel) as an Adjunctive Therapy in Patients With "
                       "Refractory Partial Seizures")
_EXTENSION_AT_END_TITLE = ("Randomized, Double-blind, Placebo-controlled, Parallel-group, Multicenter Study of the "
                           "Efficacy and Safety of Buprenorphine Transdermal System (BTDS) in Subjects With Mod to Sev "
                           "OA Pain of Hip or Knee: A 6-Month Open-label Extension Phase")
_EXTENSION_AFTER_COMMA_TITLE = ("A Multi-Center, Randomized, Double-Blind, Placebo-Controlled Study of the Human "
                                "Anti-TNF Monoclonal Antibody Adalimumab for the Maintenance of Clinical Remission in "
                                "Subjects With Crohn's Disease, Open Label Extension")
_FOLLOWED_SUMMARY = ("This was a 24-month, open-label extension study that followed an 8-week double-blind study "
                     "(Study LOV111859/OM5) and an 8-week, open-label extension study (LOV111860/OM5X).")
_PARENT_ARM = ("Patients received placebo for 26 weeks in the Double-Blind Study then received 182 weeks of Aldurazyme "
               "(0.58 mg/kg every week) in this Extension Study.")
_EXTENSION_TITLES = [("official_title", "An Open-Label Extension Study of Drug X in Partial Seizures")]
# A randomized study with an extension of its own.
_OWN_EXTENSION_TITLE = "A Randomized, Double-blind, Placebo-controlled Study of Drug X, With an Open-label Extension"

# (rule, design, [(field, text), ...], fires)
CASES = [
    # The study an extension is of, named in its text: quiet.
    (BLINDED_RULE, EXTENSION, [("official_title", _EXTENSION_OF_TITLE)], False),
    (BLINDED_RULE, EXTENSION, [("official_title", _EXTENSION_AT_END_TITLE)], False),
    (BLINDED_RULE, EXTENSION, [("official_title", _EXTENSION_AFTER_COMMA_TITLE)], False),
    (BLINDED_RULE, EXTENSION, [("official_title", "A Second Open-Label Extension of a Double-Blind, Parallel, Phase "
                                                  "IV Study of Lovaza")], False),
    (BLINDED_RULE, EXTENSION, [("official_title", "An Open-label Extension Study Following a Double-blind, "
                                                  "Randomized, Placebo-controlled, Multi-centre Study of Zonisamide")],
     False),
    (BLINDED_RULE, EXTENSION, [("summary", _FOLLOWED_SUMMARY)] + _EXTENSION_TITLES, False),
    (BLINDED_RULE, EXTENSION, [("arm_description", _PARENT_ARM)] + _EXTENSION_TITLES, False),
    (RANDOMIZED_RULE, EXTENSION, [("official_title", _EXTENSION_AT_END_TITLE)], False),
    (PARALLEL_RULE, EXTENSION, [("official_title", _EXTENSION_OF_TITLE)], False),
    (PARALLEL_RULE, EXTENSION, [("official_title", _EXTENSION_AT_END_TITLE)], False),
    (PLACEBO_RULE, EXTENSION, [("official_title", _EXTENSION_AFTER_COMMA_TITLE)], False),
    (PLACEBO_RULE, EXTENSION, [("official_title", _EXTENSION_OF_TITLE)], False),
    # A study with its own extension, the double-blind study of a record that names no extension, or a title that
    # names the extension only in its middle: fires.
    (BLINDED_RULE, EXTENSION, [("official_title", _OWN_EXTENSION_TITLE)], True),
    (RANDOMIZED_RULE, EXTENSION, [("official_title", _OWN_EXTENSION_TITLE)], True),
    (PLACEBO_RULE, EXTENSION, [("official_title", _OWN_EXTENSION_TITLE)], True),
    (BLINDED_RULE, EXTENSION, [("arm_description", "Patients received placebo for 26 weeks in the Double-Blind Study "
                                                   "then received 182 weeks of Aldurazyme.")], True),
    (BLINDED_RULE, EXTENSION, [("official_title", "Randomized, Double-blind Study of BTDS: Safety in an Open-label "
                                                  "Extension Phase and Beyond")], True),
    (PARALLEL_RULE, EXTENSION, [("official_title", "A Randomized, Parallel-group Study of Drug X")], True),
    # Another trial, planned, to follow or wished for: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Pilot Study to Define the Best Dosing Schedule for a "
                                                          "Planned Phase II Randomized Trial")], False),
    (RANDOMIZED_RULE, ONE_GROUP, [("summary", "If the initial proof of concept phase will lead to favourable results, "
                                              "an open-label, Phase II, randomized controlled trial will be then "
                                              "designed and performed.")], False),
    (RANDOMIZED_RULE, ONE_GROUP, [("summary", "Data from this study will be used to design and implement a "
                                              "population-based phase IIb/III randomized clinical trial.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "A Data Monitoring Committee will advise on progressing from a "
                                                  "pilot study to a randomised control trial.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "A statistically powered randomised controlled trial (RCT) would be "
                                                  "ideal to define the magnitude of benefit.")], False),
    # This study randomized, planned or abbreviated: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Planned Phase II Randomized Trial of Drug X")], True),
    (RANDOMIZED_RULE, ONE_GROUP, [("summary", "If consent is given, patients will be randomized to drug X or "
                                              "placebo.")], True),
    (RANDOMIZED_RULE, ONE_GROUP, [("summary", "We will implement a randomized trial of drug X in 60 patients.")],
     True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "This randomised controlled trial (RCT) will enrol 60 patients.")],
     True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "This is an RCT of drug X in 60 patients.")], True),
    # A recent study cited, or another trial this study is set beside: quiet.
    (OBSERVATIONAL_RULE, harness.RANDOMIZED, [("detail", "A recent prospective observational study of early PP "
                                                         "combined with high-flow nasal cannula was well tolerated and "
                                                         "may help patients avoid intubation.")], False),
    # This study called observational or a randomized trial, a study extended in a sentence of its own: fires.
    (OBSERVATIONAL_RULE, harness.RANDOMIZED, [("detail", "This prospective observational study of early PP will "
                                                         "enrol 60 patients.")], True),
    (OBSERVATIONAL_RULE, harness.RANDOMIZED, [("detail", "This is a prospective observational study of patients with "
                                                         "a recent stroke.")], True),
    (TRIAL_RULE, harness.OBSERVATIONAL_DESIGN, [("summary", "This randomized trial will follow patients under the same "
                                                            "protocol.")], True),
    (BLINDED_RULE, EXTENSION, [("summary", "This study has an open-label extension after a double-blind period.")],
     True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: case_study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("extensions_and_trials_to_follow"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{texts[0][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_the_study_an_extension_extends_and_a_trial_planned_or_to_follow(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts
