"""Design, dose and title-phase wordings that could fool the text rules, both ways.

Design: a study called open in capitals ("AN OPEN, RANDOMISED TRIAL", "OPEN-LABEL TRIAL") on a masked record, beside a
trial named OPEN ("the OPEN trial", "OPEN (Outcomes of ...)"); one arm said in other words ("single cohort study",
"non-randomised single group") on a randomized record, beside a part of the study that has one ("a one-arm study" is
not read);
hyphens pasted from word processors inside the design words, at a sentence's start and inside it; title
abbreviations ("R, DB, PC"), other languages' words, negations and other studies named. Doses: a list written with
commas and no spaces ("10,20 mg", "100,200 mg") against a decimal comma ("0,5 mg") or thousands ("1,250 mg/m2").
Titles: a phase abbreviated ("Ph 2", "Ph. II", "Ph 1b/2") against words that begin so ("pH 7.4", "PhD", "Ph+ ALL",
"Ph1-positive"). Marked "new": judged otherwise before.
"""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from checks.title_phase import study_phase_findings
from tests.checks import harness
from tests.checks.harness import (BLINDED_RULE, NO_MASKING, NON_RANDOMIZED, NOT_RANDOMIZED_RULE, OPEN_LABEL_RULE,
                                  RANDOMIZED, RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED)

DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
# (rule, design, (field, text) or [(field, text), ...], fires)
DESIGN = [
    # Open label in capitals, said of the study, on a masked record.
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "AN OPEN, RANDOMISED, MULTICENTRE TRIAL OF BARICITINIB IN PRIMARY "
                                                 "SJOGREN'S SYNDROME"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "A PHASE II OPEN TRIAL OF BARICITINIB IN PRIMARY SJOGREN'S "
                                                 "SYNDROME"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "AN OPEN-LABEL TRIAL OF BARICITINIB IN PRIMARY SJOGREN'S SYNDROME"),
     True),
    (OPEN_LABEL_RULE, DOUBLE, ("brief_title", "BARICITINIB IN PSS: AN OPEN LABEL, RANDOMIZED STUDY"), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "THIS IS AN OPEN STUDY OF BARICITINIB 4 MG IN ADULTS WITH PSS."),
     True),  # new
    # A trial named OPEN, in capitals in a text that is not.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "This study follows the OPEN trial of baricitinib in pSS."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "OPEN (Outcomes of Patients with Early Nephropathy) is a randomised trial "
                                          "of baricitinib."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "OPEN: A Randomised, Double-blind Trial of Baricitinib in pSS"),
     False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "The OPEN Trial: Outcomes of Baricitinib in Primary Sjogren's "
                                                 "Syndrome"), False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "THE OPEN TRIAL: OUTCOMES OF BARICITINIB IN PRIMARY SJOGREN'S "
                                                 "SYNDROME"), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "THE TRIAL IS OPEN TO ADULTS WITH PSS."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "RESULTS OF THE OPEN STUDY WILL GUIDE DOSING."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "LAPAROSCOPIC VERSUS OPEN SURGERY TRIAL IN COLON CANCER"), False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "A DOUBLE-BLIND TRIAL OF BARICITINIB AFTER AN OPEN TRIAL OF "
                                                 "HYDROXYCHLOROQUINE"), False),
    # One arm said in other words, on a randomized record.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "This is a single cohort study: 30 patients receive baricitinib "
                                                 "4 mg."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "This is a prospective, single-cohort, open-label study of "
                                                  "baricitinib."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Design: non-randomised single group, open label."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "The study is nonrandomized with one arm."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Non-randomized, single-group study of baricitinib."), True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "A single-group, open-label, uncontrolled study of "
                                                  "baricitinib."), True),
    # The same said of a part, a cohort, a run-in or an extension; of other studies; denied.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Part A is a one-arm study of 4 mg; in part B patients are "
                                                  "assigned to 2 or 4 mg."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Cohort 2 will be a single cohort study in Japanese "
                                                  "participants."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "A previous one-arm study showed benefit of baricitinib."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "This is not a one-arm study: patients are assigned to 2 or 4 mg."),
     False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "The 24-week period is followed by a one-arm extension."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "A single cohort of 30 patients will receive baricitinib 4 mg "
                                                  "in a run-in."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "This one-arm study is followed by an RCT of 2 versus 4 mg."),
     False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "One group will receive baricitinib 4 mg and the other 2 mg."),
     False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "In one arm of the study, patients receive baricitinib 4 mg."),
     False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "A non-randomised single-arm cohort of Japanese patients will be "
                                                  "added."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Patients who decline will join a non-randomised one-arm "
                                                  "registry."), False),
    (NOT_RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "This is a one-arm study of baricitinib."), False),
    (NOT_RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, ("summary", "Single cohort study of baricitinib."), False),
    # Hyphens pasted from word processors, at a sentence's start and inside it.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Single\u2010arm study of baricitinib 4 mg in pSS."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Non\u2010randomized, open-label study of baricitinib."),
     True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "This is a non\u2011randomised study of baricitinib."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Open\u2011label study of baricitinib 4 mg in pSS."), True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "This is an open\u2011label study of baricitinib 4 mg."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Open\u2013label, randomised study of baricitinib 4 mg."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "Double\u2013blind, randomised study of baricitinib 4 mg."), True),  # new
    (BLINDED_RULE, NO_MASKING, ("summary", "This is a double\u2013blind study of baricitinib 4 mg."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "This is a double \u2013 blind study of baricitinib 4 mg."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "This is a double\u2010blind, placebo\u2010controlled study."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "This is a non\u2010randomized study of baricitinib."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "Non\u2013randomised, open-label study of baricitinib."), False),
    (BLINDED_RULE, NO_MASKING, ("summary", "This is a non\u2010blinded study of baricitinib 4 mg."), False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "A previous open\u2011label study showed benefit of baricitinib."), False),
    # Title abbreviations of the design.
    (BLINDED_RULE, NO_MASKING, ("official_title", "A Phase 3, R, DB, PC Study of Baricitinib in pSS"), True),
    (BLINDED_RULE, NO_MASKING, ("official_title", "A Phase 3, Randomised, DB, Multicentre Study of Baricitinib"),
     True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("official_title", "A Phase 3, R, DB, PC Study of Baricitinib in pSS"), False),
    (OPEN_LABEL_RULE, DOUBLE, ("official_title", "A Phase 2, OL, Multicentre Study of Baricitinib"), False),
    (OPEN_LABEL_RULE, DOUBLE, ("intervention_description", "Participants will receive OL baricitinib 4 mg once daily "
                                                            "after week 24."), False),
    (BLINDED_RULE, NO_MASKING, ("official_title", "Baricitinib and DB Scores in pSS: a Pilot Study"), False),
    # Other languages' words in English records.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "This is a non-randomised study; patients choose 2 or 4 mg."),
     False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("summary", "Ensayo clinico aleatorizado: This is a randomised study of "
                                                  "baricitinib."), True),
    # Negations and other studies on a randomized or masked record.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "This study is not randomized."), True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "No randomization was performed in this study."), True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("summary", "No randomization was performed in the pilot."),
                                       ("detail", "Patients are randomized 1:1 to 2 or 4 mg.")], False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Unlike the open-label trial NCT01234567, this study is double-blind."),
     False),
    (BLINDED_RULE, NO_MASKING, ("summary", "Unlike the double-blind trial NCT01234567, patients here know their "
                                           "dose."), False),
]
CASES = harness.numbered_cases(DESIGN)
RULES = {OPEN_LABEL_RULE, NOT_RANDOMIZED_RULE, BLINDED_RULE, RANDOMIZED_RULE}


def _case_id(case: tuple) -> str:
    rule, design, texts, fires = case
    field, text = texts if isinstance(texts, tuple) else texts[-1]
    return harness.design_case_id((rule, design, field, text, fires))


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("design_wordings"), CASES, RULES)


@pytest.mark.parametrize("nct_id", CASES, ids=[_case_id(c) for c in DESIGN])
def test_a_design_wording_against_the_record(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])


# (text, the amounts read, in mg or as the unit says): a list, a decimal comma, thousands.
DOSES = [
    ("Drug X 10,20 mg once daily", []),
    ("Drug X 5,10,15 mg/kg", []),
    ("Drug X 100,200 mg once daily", []),  # new: was 100200 mg
    ("Drug X 50,100,150 mg", []),  # new: was 50100150 mg
    ("Drug X 150,300 mg twice daily", []),  # new: was 150300 mg
    ("Drug X 0,5 mg", [0.5]),
    ("Drug X 2,5 mg", [2.5]),
    ("Drug X 1,25 mg", [1.25]),
    ("Vincristine 1,4 mg/m2", [1.4]),
    ("Drug X 0,35 mg/kg", [0.35]),
    ("Capecitabine 1,250 mg/m2 twice daily", [1250.0]),
    ("Mycophenolate 1,440 mg/day", [1440.0]),
    ("Heparin 12,000 U", [12000.0]),
    ("Vitamin D 25,000 IU", [25000.0]),
    ("Drug X 1,000,000 IU", [1000000.0]),
    ("Vitamin A 100,000 IU", [100000.0]),
    ("Vitamin D 12,500 IU", [12500.0]),
    ("Drug X 10, 20 or 40 mg", [10.0, 20.0, 40.0]),
    ("Drug X 1,050 mg", [1050.0]),
    ("Vitamin D 300,000 IU", [300000.0]),
    ("Iron 100,500 mg", []),  # new: was 100500 mg
]


@pytest.mark.parametrize("text, amounts", DOSES, ids=[c[0] for c in DOSES])
def test_a_comma_in_an_amount(text, amounts):
    assert [d.low for d in parse_doses(text)] == amounts


# (title, studies.phase, severity or None)
TITLES = [
    ("A Ph 2 Study of Drug X in Asthma", "PHASE3", "warning"),  # new
    ("A Ph. II, Randomized Study of Drug X in Asthma", "PHASE3", "warning"),  # new
    ("Ph2 Trial of Drug X in Asthma", "NA", "warning"),  # new
    ("A Ph 1b/2 Study of Drug X in NSCLC", "PHASE3", "warning"),  # new
    ("A Ph 1b/2 Study of Drug X in NSCLC", "PHASE1/PHASE2", None),
    ("A Ph 2 Study of Drug X in Asthma", "PHASE2", None),
    ("Drug X in Ph+ ALL: A Phase 2 Study", "PHASE2", None),
    ("Drug X in Ph-negative ALL: A Study", "PHASE2", None),
    ("Drug X in Ph1-positive CML: A Phase 2 Study", "PHASE2", None),
    ("Drug X in Ph1+ Leukemia: A Phase 2 Study", "PHASE2", None),
    ("Drug X at pH 2 Versus pH 7.4: A Phase 2 Study", "PHASE2", None),
    ("A PhD Student's Pilot Study of Drug X", "NA", None),
    ("Intragastric pH 2 Study of Drug X", "PHASE1", None),
    ("Drug X in Ph1 Chromosome Positive CML: A Phase 2 Study", "PHASE2", None),
    ("Drug X in Ph1 (Philadelphia) Positive CML", "PHASE3", None),
    ("Phi Angle of the Knee After Drug X: A Randomized Trial", "PHASE3", None),
    ("Ph II Trial of Drug X in Ph-positive ALL", "PHASE3", "warning"),  # new
    ("A Ph 3 Study of Drug X in Ph+ ALL", "PHASE3", None),
    ("A Ph 3 Study of Drug X in Ph+ ALL", "PHASE2", "warning"),  # new
]


@pytest.mark.parametrize("title, phase, severity", TITLES, ids=[f"{c[1]}:{c[0]}" for c in TITLES])
def test_a_phase_abbreviated_in_a_title(title, phase, severity):
    found = list(study_phase_findings("NCT0", [("studies.official_title", title)], phase))
    assert [f.severity for f in found] == ([severity] if severity else []), [f.message for f in found]
