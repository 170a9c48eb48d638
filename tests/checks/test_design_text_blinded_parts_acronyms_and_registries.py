"""Design wordings of real records that the design-vs-text rules must read as this study's, both ways.

A summary's sentence that opens with a blinded part of the study ("Double-blind treatment period of 12 weeks followed
by an open extension") or lists it after "The study includes" or "The trial has", against masking NONE; a study named
by its acronym and noun ("The BEL-LIFT (effect of ...) trial is an ... open label ... study") against a set masking; a
sentence placing what participants will do "In a blinded, randomized, controlled study" against NON_RANDOMIZED; a
single-group record that calls itself an observational registry, a registry or an observational cohort pilot study
against INTERVENTIONAL. Beside each: a blinded run-in, another study (a parent study, a cited or earlier one, one to
come, a registry the participants go into, a registry trial), a part said in the past, and denials. Marked "new":
judged otherwise before.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import (BLINDED_RULE, NO_MASKING, NON_RANDOMIZED, OBSERVATIONAL_RULE, OPEN_LABEL_RULE,
                                  RANDOMIZED, RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED)

DOUBLE = harness.DOUBLE_MASKED
ONE_GROUP = SINGLE_GROUP_NOT_ALLOCATED
# (rule, design, (field, text), fires)
DESIGN = [
    # A blinded part of the study opening a summary's sentence, or named after "The study includes": this study's.
    (BLINDED_RULE, NO_MASKING, ("summary", "Double-blind treatment period of 12 weeks followed by an open "
                                           "extension."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("detail", "A 24-week double-blind, placebo-controlled phase, then a 52-week "
                                          "open-label extension."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "12-week randomised, double blind treatment phase followed by open label "
                                           "follow-up."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("detail", "- Double-masked core period of 6 months; thereafter open-label drug X for "
                                          "all."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "The study includes a 24-week double-blind phase and a 52-week open-label "
                                           "extension."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "The trial has a double-blinded period of 8 weeks and an open-label period "
                                           "of 44 weeks."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "Double-blinded treatment phase of 8 weeks, followed by open-label "
                                           "extension phase."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "The study consists of a 24-week double-blind phase and a 52-week "
                                           "open-label extension."), True),
    # A blinded run-in, another study's blinded part, a part in the past or followed by this extension, a denial.
    (BLINDED_RULE, NO_MASKING, ("summary", "This is an open-label study with a double-blind placebo run-in."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Patients who completed the double-blind study XYZ-301 may enrol in this "
                                           "open-label extension."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "The double-blind parent study compared drug X with placebo for 52 "
                                           "weeks."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Double-blind treatment period of the parent study: 52 weeks."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "The double-blind phase was completed in 2019; all patients now receive "
                                           "drug X."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "The double-blind treatment period is followed by this open-label "
                                           "extension."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "The study is not double-blind."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Double-blind treatment is not possible as the devices look different."),
     False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Smith et al. reported a benefit of drug X. Double-blind treatment period "
                                           "of 12 weeks led to remission."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Double-blind period in the previous trial lasted 12 weeks."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "The double-blind phase of study ABC-301 lasted 12 weeks."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Open-label treatment period of 12 weeks, after a double-blind period in "
                                           "study ABC-301."), False),
    # A study named by its acronym or code and its noun, said to be open label: this study.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The BEL-LIFT (effect of Bempedoic acid on Liver fat content) trial is an "
                                          "investigator initiated, open label, randomized clinical study."),
     True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The Sema-Lit trial is an open label, single-centre study of oral "
                                          "semaglutide."), True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The ABC-123 trial is an open-label study in adults with asthma."),
     True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "The PROTECT-2 study will be an open-label, randomised trial of drug X."),
     True),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "This trial is an investigator initiated, open label, case-control study "
                                         "to examine the effect of oral semaglutide."), True),
    # Another trial so named, one in the past, after a citation, one ongoing or reported; a denial.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Another Phase 3 trial is an open-label study of drug Y in children."),
     False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The ABC trial was an open-label study of drug X; this trial is "
                                          "double-blind."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Smith et al. reported the ABC trial. The ABC trial is an open-label study "
                                          "of drug X."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The RECOVERY trial is an ongoing open-label platform trial of treatments "
                                          "for COVID-19."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The ABC trial is an open-label trial that showed a benefit of drug X."),
     False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The BEL-LIFT trial is not an open-label study."), False),
    # What participants will do in a study of a design: this study.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In a blinded, randomized, controlled study, current smokers "
                                                 "motivated to quit will use a smoking cessation app for 8 weeks."),
     True),  # new
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a randomised, double-blind trial, 120 patients will receive "
                                                  "drug X or placebo."), True),  # new
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a prospective, randomised pilot trial, participants will be "
                                                  "allocated to exercise or usual care."), True),  # new
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "In a randomised double-blinded placebo controlled trial, 60 "
                                                 "patients will be received drug X or placebo."), True),  # new
    # A study cited, done before, reported, to come; a denial.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a previous randomized study, smokers quit more often with the "
                                                  "app."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a randomized study by Smith et al., patients will often drop "
                                                  "out."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a randomized study, smokers quit more often with the app."),
     False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a randomized trial, drug X reduced mortality by 20%."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a future randomized trial, patients will receive drug X or "
                                                  "placebo."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a larger randomized trial, the findings will need "
                                                  "confirmation."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "In a non-randomized study, participants will receive drug X."),
     False),
    # A single-group record that calls itself an observational registry, a registry or an observational cohort study.
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This registry is observational only used to address patient "
                                                "outcomes."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "The purpose of this multi-center, prospective, observational "
                                                "registry is to gather information on outcomes."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("detail", "This is an observational, longitudinal cohort pilot study measuring "
                                               "physiological signals."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("detail", "This prospective observational registry will collect clinical data "
                                               "from multiple centers."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("detail", "This is a multicenter, international prospective and retrospective "
                                               "registry with the aim of collecting data."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("official_title", "Prospective Patient Registry of Device X in Spine Fusion"),
     True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This Registry is a prospective, multi-centre, post-market registry "
                                                "of device X."), True),  # new
    (OBSERVATIONAL_RULE, ONE_GROUP, ("official_title", "Registry of Patients With Personalized Spine Rod "
                                                       "Implantation"), True),  # new
    # A cohort pilot study is a cohort study, on any model; a design based on a registry is no registry.
    (OBSERVATIONAL_RULE, RANDOMIZED, ("summary", "This is a prospective cohort pilot study of drug X."), True),  # new
    (OBSERVATIONAL_RULE, RANDOMIZED, ("summary", "This is a registry-based cohort study of patients given drug X."),
     True),
    # A registry trial, a registry the participants or data go into or are compared with, a denial, a treated
    # "prospective cohort", a registry called interventional; a randomized record's registry (its unrandomized cohort).
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This registry trial will enrol 200 patients to receive drug X."),
     False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This is a registry-based, single-arm trial of drug X."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Patients will be followed in the national registry after "
                                                "treatment."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Data will be compared with an observational registry of untreated "
                                                "patients."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Patients who decline will be enrolled in an observational "
                                                "registry."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "After treatment, patients enter this registry for long-term "
                                                "follow-up."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Data from this trial will be entered into this registry."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This is not a registry: all patients receive drug X."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This is a prospective cohort study of 150 patients treated with drug "
                                                "X."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Outcomes will be compared with those of the Swedish registry."),
     False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("official_title", "A Single-arm Trial of Drug X Using Registry Data"), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("official_title", "A Registry Trial of Drug X in Heart Failure"), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "Patients who complete treatment will join this registry."), False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This is a registry-based cohort study of patients given drug X."),
     False),
    (OBSERVATIONAL_RULE, ONE_GROUP, ("summary", "This is an interventional registry of drug X given per protocol."),
     False),
    (OBSERVATIONAL_RULE, RANDOMIZED, ("summary", "This is a prospective registry of patients given drug X."), False),
    (OBSERVATIONAL_RULE, RANDOMIZED, ("summary", "This observational registry follows the patients who decline "
                                                 "randomization."), False),
]
CASES = harness.numbered_cases(DESIGN)
RULES = {BLINDED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, OBSERVATIONAL_RULE}


def _case_id(case: tuple) -> str:
    rule, design, (field, text), fires = case
    return harness.design_case_id((rule, design, field, text, fires))


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("design_text"), CASES, RULES)


@pytest.mark.parametrize("nct_id", CASES, ids=[_case_id(c) for c in DESIGN])
def test_a_design_wording_against_the_record(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])
