"""Every rule on records of kinds the real corpus holds few of (tests/checks/rare_kind_records.py), and the
drugs an outcome counts as care the participants needed: courses or bursts of a drug ("Courses of prednisone or
prednisolone", "Number of prednisolone courses") and a drug in parentheses as the example of a class of such care
("Severe exacerbations (oral corticosteroids (prednisone) for >= 3 days)", "requiring antibiotics (amoxicillin or
doxycycline)") are no drugs the study forgot to list; a drug the study measures or reports on still is. A project's
stage that one title names as such ("Phase II of the MOMENTUM Program") is no trial phase in the record's other title
("MOMENTUM Phase II: A Stepped-wedge Trial") where the record gives N/A. A party "not aware of group assignment" is
masked to it as one "unaware of" it is."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import checks
from checks.contradictions_drugs import study_drug_findings
from checks.design_masked_party import masked_party_named
from checks.design_masked_people import MASKED_PARTY
from checks.design_text import claims
from checks.engine import run_rules
from checks.study_text import StudyText
from checks.title_phase import study_phase_findings
from flows.parsers import ctgov_json_v2
from tests.checks import harness
from tests.checks.rare_kind_records import RECORDS

DRUG_RULE = "contradictions.drug_not_an_intervention"
# An asthma trial's inhalers: the oral steroids and antibiotics that define its exacerbations are not among them.
INHALERS = [("Budesonide-formoterol", "200/6 mcg Turbuhaler"), ("Budesonide", "200 mcg"), ("Salbutamol", None)]


def _drug_messages(outcome: str | None = None, arm: str | None = None,
                   interventions: list[tuple[str, str | None]] = INHALERS) -> list[str]:
    """The drug rule's messages on a study giving `interventions`, with one outcome measure or one arm title."""
    outcomes = [(outcome, None)] if outcome else []
    arms = [(arm, None)] if arm else []
    links = [(name,) for name, _ in interventions]
    return [f.message for f in study_drug_findings("NCT01000001", outcomes, arms, interventions, links, [])]


# Outcome measures that name a drug the study does not give, as the care it counts: each fired before.
QUIET_NEW = [
    "Courses of prednisone or prednisolone",
    "Number of courses of oral prednisolone",
    "Number of bursts of systemic prednisolone",
    "Prednisolone bursts in the first year",
    "Number of prednisolone courses",
    "Severe exacerbations (oral corticosteroids (prednisone) for >= 3 days or hospitalisation)",
    "Rate of exacerbations requiring hospitalization or systemic steroids (prednisone >= 20 mg/day for >= 3 days)",
    "Number of participants requiring systemic corticosteroids (prednisolone or methylprednisolone)",
    "Exacerbations treated with oral steroids (prednisolone 30 mg for 5 days) or antibiotics",
    "Time to first course of oral corticosteroids (prednisone)",
    "Oral corticosteroid bursts (prednisolone 40 mg for 5 days)",
    "Antibiotic courses (amoxicillin, co-amoxiclav or doxycycline) for exacerbations",
    "Number of exacerbations requiring antibiotics (amoxicillin or doxycycline)",
    "Moderate exacerbation: worsening treated with antibiotics (doxycycline) without steroids",
]
# Outcome measures and arm titles that name a drug the study does not give, as given or measured: they fire.
FIRING = [
    ("Pharmacokinetics of prednisolone", None),
    ("Response to docetaxel", None),
    ("Cmax of nivolumab (Opdivo)", None),
    ("Objective response to chemotherapy (docetaxel)", None),
    ("Severe exacerbations (prednisone)", None),
    (None, "Oral steroids (prednisolone)"),
    (None, "Antibiotics (amoxicillin) then budesonide"),
]
# Outcome measures that were quiet before and stay so.
QUIET_BEFORE = [
    "Use of rescue medication (salbutamol)",
    "Days with albuterol/salbutamol use",
    "Mean daily budesonide dose (mcg)",
    "Plasma prednisolone concentration",
    "Number of patients receiving antiemetics (ondansetron)",
    "Total dose of remifentanil during surgery",
    "Postoperative analgesia (tramadol) requirement in 24 hours",
    "Proportion given vasopressors (norepinephrine or vasopressin) within 6 hours",
    "Need for additional uterotonics (carboprost)",
]


@pytest.mark.parametrize("outcome", QUIET_NEW)
def test_a_drug_an_outcome_counts_as_care_needed_is_no_intervention_left_out(outcome):
    assert _drug_messages(outcome) == []


@pytest.mark.parametrize("outcome", QUIET_BEFORE)
def test_drugs_counted_as_used_or_measured_stay_quiet(outcome):
    assert _drug_messages(outcome) == []


@pytest.mark.parametrize("outcome, arm", FIRING, ids=[o or a for o, a in FIRING])
def test_a_drug_given_or_measured_outside_a_class_of_care_still_fires(outcome, arm):
    [message] = _drug_messages(outcome, arm)
    assert "which is not an intervention of this study" in message


# The flags a registry reviewer accepts on the records (each study's (rule id, severity)): every one the rules of
# the record's own text and design raise. The families that judge a record against a run's date, the registry or
# other sources (timeliness, identity, freshness, registry presence, cross-source) are left to their own tests.
ACCEPTED = {
    ("NCT05340219", "protocol.arm_without_intervention", "warning"),  # an active comparator given nothing
    ("NCT05391557", "contradictions.criteria_age_differs", "warning"),  # "aged 75 years or older" vs 65 Years
    ("NCT05743158", "contradictions.title_phase_differs", "warning"),  # "A Phase 2 Study" registered Phase 3
    ("NCT05801274", "dates.primary_completion_before_time_frame", "warning"),  # 24 months measured in 12
    ("NCT05930748", "contradictions.single_group_several_arms", "warning"),  # dose levels as SINGLE_GROUP
    ("NCT06004455", "contradictions.criteria_numbering_gap", "warning"),  # 1, 2, 4
    ("NCT06004455", "contradictions.duplicate_criterion", "info"),  # palivizumab excluded twice
    ("NCT06824041", "contradictions.arm_dose_differs", "warning"),  # 0.5 mg against 1 mg, one frequency
    ("NCT06824041", "contradictions.masking_none_text_blinded", "warning"),  # NONE against "Double-blind"
    ("NCT05801288", "contradictions.masking_none_text_party_masked", "warning"),  # assessors "not aware of" groups
    # silver diamine fluoride against fluoride varnish, both typed DRUG, phase N/A: the phase or the types are wrong
    ("NCT05340240", "contradictions.phase_na_with_drug", "info"),
}
# (official title, brief title, the record's phase, whether it tests no drug): the official title's phase is the
# stage of a project that the brief title names as such, in a record without phases. Each was flagged before.
STAGE_NAMED_ELSEWHERE = [
    ("MOMENTUM Phase II: A Stepped-wedge Cluster Randomized Trial of a CHW-led Program",
     "Phase II of the MOMENTUM Community Health Worker Program: Hypertension Control", True),
    ("The HEAL Phase 2 Trial: Peer Navigation for Opioid Use Disorder After Release From Jail",
     "Phase 2 of the HEAL Peer Navigation Project (Buprenorphine Linkage)", False),
    ("SMART Phase III - a Cluster-randomised Trial of a School Meals Programme",
     "Phase III of the SMART School Meals Initiative in Rural Schools", True),
    ("Project ACT phase 2: Randomized Evaluation of a Text-message Adherence Intervention",
     "Phase-2 of Project ACT: Text Messages for ART Adherence", False),
]
# (official title, brief title, the record's phase, whether it tests no drug, severity): still flagged.
STAGE_FIRING = [
    ("MOMENTUM Phase II: A Stepped-wedge Cluster Randomized Trial", "Hypertension Control in Rural Kenya", "NA", True,
     "info"),
    ("A Phase II Trial of Drug X in Heart Failure", "Phase II of the Z Project: Drug X", "PHASE3", False, "warning"),
    ("A Phase 3 Randomized Trial of Drug X", "Phase 2 of the Drug X Programme", "NA", False, "warning"),
]


def _title_phase_severities(official: str, brief: str, phase: str, no_drug: bool) -> list[str | None]:
    titles = [("studies.official_title", official), ("studies.brief_title", brief)]
    return [f.severity for f in study_phase_findings("NCT01000001", titles, phase, no_drug)]


@pytest.mark.parametrize("official, brief, no_drug", STAGE_NAMED_ELSEWHERE,
                         ids=[c[0][:30] for c in STAGE_NAMED_ELSEWHERE])
def test_a_stage_another_title_names_is_no_trial_phase_of_a_record_without_phases(official, brief, no_drug):
    assert _title_phase_severities(official, brief, "NA", no_drug) == []


@pytest.mark.parametrize("official, brief, phase, no_drug, severity", STAGE_FIRING,
                         ids=[c[0][:30] for c in STAGE_FIRING])
def test_a_trial_phase_beside_another_titles_stage_still_differs(official, brief, phase, no_drug, severity):
    assert _title_phase_severities(official, brief, phase, no_drug) == [severity]


# (text, [(phrase read, names a recorded party masked to the assignment)]): "not aware of" the assignment, read as
# "unaware of" it is. Each was read as no claim before.
NOT_AWARE = [
    ("Outcome assessors were not aware of group assignment.", [("not aware of group assignment", True)]),
    ("The outcome assessor will not be aware of the treatment allocation.",
     [("not be aware of the treatment allocation", True)]),
    ("Patients will not be aware of their group allocation.", [("not be aware of their group allocation", True)]),
    ("The nurse who records pain scores is not aware of the type of block performed.",
     [("not aware of the type of block", True)]),
    ("Participants will not be made aware of which treatment they receive.",
     [("not be made aware of which treatment", True)]),
    ("The statistician will not be aware of the group allocation.",
     [("not be aware of the group allocation", False)]),
]
# Nothing any party is masked to: no claim, before or now.
AWARE_OF_OTHER_THINGS = [
    "Investigators are not aware of any previous study of this drug.",
    "Patients are not aware of their HIV status at enrollment.",
    "Surgeons are aware of the allocation; patients are not.",
    "Raising awareness of the treatment options among parents.",
]


@pytest.mark.parametrize("text, expected", NOT_AWARE, ids=[t for t, _ in NOT_AWARE])
def test_a_party_not_aware_of_the_assignment_is_masked_to_it(text, expected):
    found = claims([StudyText("designs.masking_description", text)], MASKED_PARTY)
    assert [(c.phrase, masked_party_named(c)) for c in found] == expected


@pytest.mark.parametrize("text", AWARE_OF_OTHER_THINGS)
def test_awareness_of_anything_else_is_no_masking(text):
    assert claims([StudyText("designs.masking_description", text)], MASKED_PARTY) == []


JUDGED_ELSEWHERE = ("timeliness.", "identity.", "freshness.", "registry_presence.", "cross_source.")


def _tables(record: dict) -> dict[str, list[dict]]:
    """A record's warehouse rows as a load gives them (links given the row ids of their arms and interventions)."""
    (parsed,) = ctgov_json_v2.parse(json.dumps(record).encode()).records
    return harness.loaded_tables(parsed, ctgov_json_v2.LAYOUT)


@pytest.fixture(scope="module")
def flags(tmp_path_factory) -> set[tuple[str, str, str]]:
    """(NCT id, rule id, severity) of every rule's findings on the records, all in one warehouse."""
    records = copy.deepcopy(RECORDS)
    studies = {r["protocolSection"]["identificationModule"]["nctId"]: _tables(r) for r in records}
    con = harness.warehouse_with(Path(tmp_path_factory.mktemp("rare_kind_records")), studies)
    try:
        rules = [rule for rule in checks.all_rules() if not rule.id.startswith(JUDGED_ELSEWHERE)]
        run_rules(con, rules, run_id="rare_kind_records", as_of=harness.AS_OF, workers=0)
        return set(con.execute("SELECT nct_id, rule_id, severity FROM quality_issues").fetchall())
    finally:
        con.close()


def test_the_records_load_whole():
    ids = [r["protocolSection"]["identificationModule"]["nctId"] for r in RECORDS]
    assert len(ids) == len(set(ids)) >= 40
    assert all(len(ctgov_json_v2.parse(json.dumps(r).encode()).records) == 1 for r in RECORDS)


def test_every_flag_on_the_records_is_one_a_reviewer_accepts(flags):
    assert flags == ACCEPTED


def test_no_drug_an_outcome_counts_as_care_is_flagged_on_the_records(flags):
    assert not {flag for flag in flags if flag[1] == DRUG_RULE}
