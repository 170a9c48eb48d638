"""contradictions.model_text_crossover and contradictions.model_text_parallel: an intervention model that the study's
own title or design sentence names otherwise. A crossover ("a two-period crossover study", "in a crossover fashion")
registered as PARALLEL, or as SINGLE_GROUP in a randomized study; parallel groups ("parallel-group", "a
parallel-design randomised trial") registered as CROSSOVER, SEQUENTIAL or SINGLE_GROUP. Quiet for participants who
cross over to another arm, another trial's or a part's model, a denial, "parallel" in another sense, and a record
that names both models; info where the text also lets participants cross over, and for parallel groups of a single
group not randomized.

Every case is one study of one warehouse built once for the module.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design_words import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

CROSSOVER = "contradictions.model_text_crossover"
PARALLEL = "contradictions.model_text_parallel"
PARALLEL_MODEL = {"intervention_model": "PARALLEL"}
CROSSOVER_MODEL = {"intervention_model": "CROSSOVER"}
SEQUENTIAL_MODEL = {"intervention_model": "SEQUENTIAL"}
FACTORIAL_MODEL = {"intervention_model": "FACTORIAL"}
ONE_RANDOMIZED_GROUP = {"intervention_model": "SINGLE_GROUP", "allocation": "RANDOMIZED"}
ONE_GROUP = {"intervention_model": "SINGLE_GROUP", "allocation": "NA"}
GROUPS_NOT_RANDOMIZED = {"intervention_model": "PARALLEL", "allocation": "NON_RANDOMIZED"}
SHAM_CROSSOVER = "We propose a prospective double-blind, randomised, cross-over, sham-controlled trial of shock waves."
WARNING, INFO, QUIET = "warning", "info", None

# (rule, design, field, text, severity expected). A field of "texts" takes ((field, text), ...).
CASES = [
    # A crossover in the study's own words against a parallel model.
    (CROSSOVER, PARALLEL_MODEL, "official_title", "A PHASE I, SINGLE-CENTER, OPEN-LABEL, CROSSOVER STUDY OF THE EFFECT "
                                                  "OF DRUG X ON THE PHARMACOKINETICS OF DRUG Y", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "official_title", "Double-Blind Crossover Study Assessing the Dose Proportionality of "
                                                  "Drug X Tablets", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "official_title", "Phase III, Randomized, Double-Blind, Placebo-Controlled Crossover "
                                                  "Trial of Ondansetron in Chronic Nausea", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "detail", "This is a two-treatment, two-period, cross-over study. Dosing visits are "
                                          "separated by 14-day wash-out periods.", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "summary", "This is a randomized, double-blind, placebo-controlled, 2-way crossover "
                                           "trial of drug X.", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "summary", "Participants will receive both treatments in a randomized crossover "
                                           "fashion.", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "detail", "We propose a prospective double-blind, randomised, cross-over, "
                                          "sham-controlled trial, to assess how effective shock waves are.", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "model_description", "Randomized, two-period crossover", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "model_description", "Randomized crossover-design study", WARNING),
    (CROSSOVER, PARALLEL_MODEL, "brief_title", "A Randomized Cross Over Study of Drug X and Drug Y", WARNING),
    (CROSSOVER, ONE_RANDOMIZED_GROUP, "summary", "This is a randomized, two-period crossover study of drug X.",
     WARNING),
    # Participants who may also cross over to another arm: a treatment crossover a parallel model may describe.
    (CROSSOVER, PARALLEL_MODEL, "detail", "OUTLINE: This is a randomized, controlled, multicenter, cross-over study. "
                                          "Patients with progressive disease may cross over to arm II after 4 months.",
     INFO),
    (CROSSOVER, PARALLEL_MODEL, "texts", (("summary", "This is a randomized, placebo-controlled, crossover, "
                                                      "double-blind study."),
                                          ("arm_description", "Patients who fail to respond at 12 weeks may cross "
                                                              "over to drug X.")), INFO),
    # A control arm given the active treatment after its sham or placebo, and no arm the reverse: a one-way crossover.
    (CROSSOVER, PARALLEL_MODEL, "texts", (("detail", SHAM_CROSSOVER),
                                          ("arm_description", "Sham treatment arm will receive initially 5 sham series "
                                                              "and after they answer questionnaires they will receive "
                                                              "5 series of active treatment.")), INFO),
    (CROSSOVER, PARALLEL_MODEL, "texts", (("summary", "A randomized, placebo-controlled crossover study of drug X."),
                                          ("arm_description", "Placebo for 8 weeks, followed by active drug for 8 "
                                                              "weeks.")), INFO),
    # Both orders, a control arm given nothing active, or one model not parallel: still a warning.
    (CROSSOVER, PARALLEL_MODEL, "texts", (("detail", SHAM_CROSSOVER),
                                          ("arm_description", "Sequence 1: sham stimulation, then active stimulation. "
                                                              "Sequence 2: active stimulation, then sham.")), WARNING),
    (CROSSOVER, PARALLEL_MODEL, "texts", (("detail", SHAM_CROSSOVER),
                                          ("arm_description", "Sham treatment: 10 sham series, then questionnaires.")),
     WARNING),
    (CROSSOVER, ONE_RANDOMIZED_GROUP, "texts", (("detail", SHAM_CROSSOVER),
                                                ("arm_description", "Sham series first, then active treatment "
                                                                    "series.")), WARNING),
    # A crossover inside each of the groups of a parallel study that does not randomize them (populations).
    (CROSSOVER, GROUPS_NOT_RANDOMIZED, "model_description",
     "It will be a randomized crossover study prior to surgery in two groups (type 2 diabetes vs. controls). Inside "
     "each group, the protocol will be carried out as a within-subject design.", QUIET),
    (CROSSOVER, GROUPS_NOT_RANDOMIZED, "detail", "Within both cohorts, participants receive drug X and placebo in a "
                                                 "randomized crossover fashion.", QUIET),
    # Groups randomized, or no group named: still a warning.
    (CROSSOVER, PARALLEL_MODEL, "model_description", "It will be a randomized crossover study in two groups. Inside "
                                                     "each group, each subject serves as his own control.", WARNING),
    (CROSSOVER, GROUPS_NOT_RANDOMIZED, "model_description", "It will be a randomized crossover study in which each "
                                                            "subject serves as his own control.", WARNING),
    # Participants crossing over, no crossover design.
    (CROSSOVER, PARALLEL_MODEL, "detail", "Patients in the placebo arm may cross over to drug X at progression.",
     QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Crossover to open-label drug X is allowed after week 24.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Assuming a 3% crossover rate, 400 patients are needed.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "arm_description", "Participants in this crossover arm receive drug X after 12 "
                                                   "weeks of placebo.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "No study treatment crossover will be allowed at any time.", QUIET),
    # Denied, another trial's, trials in general, a part's.
    (CROSSOVER, PARALLEL_MODEL, "summary", "This is not a crossover study.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Parallel group design instead of cross-over design is used.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "A previous crossover study showed that drug X lowers blood pressure.",
     QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Crossover studies of drug X have shown benefit in asthma.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "BARGE was a 54-week randomized, double-blind, crossover study comparing "
                                          "albuterol to placebo.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Part B is a randomized, two-period crossover study.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Cohort B (rosiglitazone): This is a randomized, open-label, two-period "
                                          "crossover study design.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "official_title", "Long-term Extension of the ABC-301 Crossover Study of Drug X",
     QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "A crossover design minimizes between-subject variability.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "If this pilot is successful, a crossover trial will be conducted.", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "detail", "Patients will be randomized to one of two groups; contamination and "
                                          "cross-over between groups will be recorded.", QUIET),
    # Both models named: the record's model is a judgement.
    (CROSSOVER, PARALLEL_MODEL, "official_title", "A Phase 1, Parallel-group, 3-part, 2-period, Fixed-sequence, "
                                                  "Crossover, Open-label Drug-drug Interaction Study", QUIET),
    (CROSSOVER, PARALLEL_MODEL, "texts", (("official_title", "Randomized, Double-Blind, Parallel-Group, Delayed-Start "
                                                             "Study of Drug X"),
                                          ("detail", "Participants will receive two infusions of drug X or placebo in "
                                                     "a cross-over manner.")), QUIET),
    # Parallel cohorts beside a crossover: groups of a kind, which leave the model to judgement.
    (CROSSOVER, PARALLEL_MODEL, "texts", (("summary", "This is a randomized, two-period crossover study of drug X."),
                                          ("detail", "Healthy volunteers and patients are enrolled as two parallel "
                                                     "cohorts.")), QUIET),
    # A single group: one fixed sequence, or not randomized.
    (CROSSOVER, ONE_RANDOMIZED_GROUP, "summary", "This is an open-label, fixed-sequence crossover study.", QUIET),
    (CROSSOVER, ONE_GROUP, "summary", "This is an open-label, two-period crossover study.", QUIET),
    # The model agrees, or is not judged.
    (CROSSOVER, CROSSOVER_MODEL, "summary", "This is a randomized, two-period crossover study.", QUIET),
    (CROSSOVER, FACTORIAL_MODEL, "summary", "This is a randomized, two-period crossover study.", QUIET),
    (CROSSOVER, SEQUENTIAL_MODEL, "summary", "This is a randomized, two-period crossover study.", QUIET),

    # Parallel groups in the study's own words against a crossover, sequential or single-group model.
    (PARALLEL, CROSSOVER_MODEL, "official_title", "A Randomized, Multicentre, Double-blind, Parallel, Sham-controlled "
                                                  "Study of Device X for Cluster Headache", WARNING),
    (PARALLEL, CROSSOVER_MODEL, "detail", "The study is a prospective double blind, randomized, sham-controlled, "
                                          "multi-center investigation designed for comparison of two parallel groups.",
     WARNING),
    (PARALLEL, SEQUENTIAL_MODEL, "model_description", "The study's design will be a prospective, multicenter and "
                                                      "parallel-design single-blind randomised controlled with two "
                                                      "treatment groups.", WARNING),
    (PARALLEL, ONE_RANDOMIZED_GROUP, "summary", "This is a randomized, parallel-group study of drug X.", WARNING),
    (PARALLEL, CROSSOVER_MODEL, "summary", "This is a randomized, two-arm parallel study of drug X.", WARNING),
    (PARALLEL, ONE_GROUP, "detail", "OUTLINE: This is a parallel-group, dose-escalation study. Patients are stratified "
                                    "according to level of hepatic dysfunction.", INFO),
    # "Parallel" in other senses.
    (PARALLEL, ONE_GROUP, "detail", "In parallel, several trials demonstrated that social media can be used.", QUIET),
    (PARALLEL, ONE_GROUP, "model_description", "Eligible participants will be enrolled into each cohort in parallel "
                                               "based on mutation status.", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "detail", "Orlistat decreases plasma bilirubin in parallel with fecal fat excretion.",
     QUIET),
    (PARALLEL, ONE_GROUP, "detail", "The program offers unparalleled opportunities to learn.", QUIET),
    (PARALLEL, ONE_GROUP, "detail", "Data collection for the control group will parallel that of the yoga group.",
     QUIET),
    # Parallel cohorts, followed side by side, all of whom may take the one intervention: no assignment to arms.
    (PARALLEL, ONE_GROUP, "summary", "This study project includes a single-arm phase 2 study and a parallel cohort "
                                     "study, enrolling patients treated with drug X.", QUIET),
    (PARALLEL, ONE_RANDOMIZED_GROUP, "detail", "The parallel cohort includes patients who are treated with drug X and "
                                               "cannot enter the phase 2 study.", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "detail", "Healthy volunteers and patients are enrolled as two parallel cohorts.",
     QUIET),
    (PARALLEL, ONE_RANDOMIZED_GROUP, "detail", "Both cohorts will be recruited in parallel at the two sites.", QUIET),
    # Parallel arms, groups, a parallel design or assignment: still said of the study's model.
    (PARALLEL, ONE_RANDOMIZED_GROUP, "summary", "Patients are randomized to two parallel arms, drug X or placebo.",
     WARNING),
    (PARALLEL, ONE_RANDOMIZED_GROUP, "detail", "This study has a parallel design with two treatment groups.", WARNING),
    (PARALLEL, ONE_RANDOMIZED_GROUP, "summary", "A randomized, parallel-group cohort study of drug X.", WARNING),
    (PARALLEL, ONE_GROUP, "model_description", "Parallel assignment of patients to drug X or standard care.", INFO),
    # Denied, a part's, trials in general; a record that also names a crossover.
    (PARALLEL, CROSSOVER_MODEL, "summary", "This is not a parallel-group study.", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "detail", "Part A is a randomized, parallel-group study.", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "detail", "Parallel-group trials of drug X have shown benefit.", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "official_title", "A Randomized, Double-Blind, Placebo-Controlled, Parallel-Group With "
                                                  "a Crossover Confirmation Period Study of Drug X", QUIET),
    (PARALLEL, CROSSOVER_MODEL, "texts", (("official_title", "A Randomized Parallel-group Study of Drug X"),
                                          ("detail", "Placebo patients may cross over to drug X after week 12.")),
     QUIET),
    # The model agrees, or is not judged.
    (PARALLEL, PARALLEL_MODEL, "summary", "This is a randomized, parallel-group study of drug X.", QUIET),
    (PARALLEL, FACTORIAL_MODEL, "summary", "This is a randomized, parallel-group, 2x2 factorial study.", QUIET),
]
_IDS = harness.numbered_cases(CASES)


def _texts(field: str, text) -> list[tuple[str, str]]:
    return list(text) if field == "texts" else [(field, text)]


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(severity, message, evidence) of each rule's finding by (rule id, study), one warehouse holding every case."""
    studies = {nct_id: harness.design_text_study(design, _texts(field, text))
               for nct_id, (_rule, design, field, text, _severity) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("model_words"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {(rule.id, f.nct_id): (f.severity or rule.severity, f.message, f.evidence)
                for rule in RULES if rule.id in (CROSSOVER, PARALLEL) for f in findings_of(con, rule, scope)}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS),
                         ids=[f"{c[0].split('_')[-1]}:{c[4] or 'quiet'}:{c[3]}" for c in _IDS.values()])
def test_a_model_against_the_studys_own_words(found, nct_id):
    rule, _design, _field, text, severity = _IDS[nct_id]
    finding = found.get((rule, nct_id))
    assert (finding and finding[0]) == severity, text


def _finding_of(found, text_start: str) -> tuple[str, str, str]:
    nct_id, case = next((n, c) for n, c in _IDS.items() if isinstance(c[3], str) and c[3].startswith(text_start))
    return found[(case[0], nct_id)]


def test_a_crossover_message_quotes_the_title_and_the_model(found):
    _severity, message, evidence = _finding_of(found, "A PHASE I, SINGLE-CENTER")
    assert message == "Intervention model is PARALLEL but the official title says 'CROSSOVER STUDY'."
    assert evidence.startswith("designs.intervention_model = 'PARALLEL'; studies.official_title: 'A PHASE I, ")


def test_a_treatment_crossover_is_quoted_beside_the_claim(found):
    _severity, message, evidence = _finding_of(found, "OUTLINE: This is a randomized, controlled")
    assert message.startswith("Intervention model is PARALLEL but the detailed description says 'cross-over study': "
                              "the text also lets participants cross over to another arm")
    assert evidence.count("detailed_descriptions.description: ") == 2 and "may cross over to arm II" in evidence


def test_a_parallel_message_quotes_the_design_description(found):
    _severity, message, _evidence = _finding_of(found, "The study's design will be")
    assert message == "Intervention model is SEQUENTIAL but the design description says 'parallel-design'."
