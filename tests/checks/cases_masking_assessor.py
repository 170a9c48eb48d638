"""Cases for contradictions.masking_none_text_party_masked: masking NONE (Open Label) on a randomized study whose own
text says its outcome assessor, or another party the registry's masking records, is masked to the assigned
intervention ("Outcome assessors will be blinded to treatment allocation", "assessor-blinded", "PROBE design"); info
where only a blinded independent central review (BICR) of scans is named; quiet where nobody the registry records is
masked to the assignment, or the text speaks of another part, another study or a single-arm study.

PHRASES run through the rule in tests/checks/test_masking_assessor.py; CASES are the rule's table-driven cases
(tests/checks/test_rule_cases.py).
"""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.masking_none_text_party_masked"

# The designs a phrase's study is given (the clean study is randomized, parallel).
OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
SINGLE_ARM = {**OPEN, "allocation": "NA", "intervention_model": "SINGLE_GROUP"}
NON_RANDOMIZED_GROUPS = {**OPEN, "allocation": "NON_RANDOMIZED"}
ASSESSOR_MASKED = {"masking": "SINGLE", "subject_masked": False, "investigator_masked": False,
                   "outcomes_assessor_masked": True}

WARNING, INFO, QUIET = "warning", "info", None

# (design, field, text, severity expected: WARNING, INFO or QUIET). A field of "texts" takes ((field, text), ...).
FIRING = [
    (OPEN, "summary", "Outcome assessors will be blinded to treatment allocation.", WARNING),
    (OPEN, "official_title", "Early Mobilisation After Hip Fracture Surgery: an Open-label, Assessor-blinded, "
                             "Randomised Controlled Trial", WARNING),
    (OPEN, "model_description", "Prospective, randomized, open-label, assessor-blinded, parallel-group trial", WARNING),
    (OPEN, "detail", "Design: PROBE design (prospective randomized open blinded end-point).", WARNING),
    (OPEN, "detail", "This will be a multicenter, Prospective, Randomized, Open label, Blinded End point (PROBE) trial "
                     "of 3-year treatment with halved doses of benazepril and valsartan.", WARNING),
    (OPEN, "summary", "The trial follows a PROBE design.", WARNING),
    (OPEN, "detail", "The evaluator is masked.", WARNING),
    (OPEN, "masking_description", "Single (Outcomes Assessor)", WARNING),
    (OPEN, "detail", "An individual blinded to intervention assignment will collect measures of pain, functioning, "
                     "distress about disfigurement, and mood at baseline and following the 8-week intervention.",
     WARNING),
    (OPEN, "detail", "Study end points are reproducible visual field loss and/or progressive optic disc damage "
                     "attributed to glaucoma by a Masked Endpoint Committee.", WARNING),
    (OPEN, "detail", "Outcomes will be assessed by a physiotherapist blinded to group allocation.", WARNING),
    (OPEN, "detail", "Assessors blinded to group allocation will perform all follow-up assessments at 6 and 12 "
                     "weeks.", WARNING),
    (OPEN, "detail", "All primary endpoint events will be adjudicated by a clinical events committee blinded to "
                     "treatment assignment.", WARNING),
    (OPEN, "detail", "Radiographs will be evaluated by two independent radiologists blinded to the treatment group.",
     WARNING),
    (OPEN, "detail", "Blinded outcome assessment will be performed at 3, 6 and 12 months.", WARNING),
    (OPEN, "detail", "A blinded rater will administer the MADRS at each study visit.", WARNING),
    (OPEN, "official_title", "A Randomized, Open-label Trial With Blinded Endpoint Evaluation of Early Rhythm "
                             "Control in Heart Failure", WARNING),
    (OPEN, "detail", "Functional outcomes will be assessed by an investigator who is blinded to the treatment group.",
     WARNING),
    (OPEN, "detail", "Participants and therapists cannot be blinded to the intervention; however, outcome assessors "
                     "will be blinded to group allocation.", WARNING),
    (OPEN, "detail", "The children will be assessed at 18 months by psychologists and physicians masked to the "
                     "intervention.", WARNING),
    (OPEN, "masking_description", "Participants will be blinded to their group allocation.", WARNING),
    (OPEN, "detail", "The surgeon will be informed of the allocation, but the patient and the assessor will remain "
                     "blinded to the type of surgery.", WARNING),
    (OPEN, "official_title", "An Observer-blind, Randomised, Controlled Trial of a Booster Dose Schedule", WARNING),
    (OPEN, "detail", "The sonographer performing the follow-up scans will be unaware of the allocated treatment.",
     WARNING),
    (OPEN, "masking_description", "Data collectors and outcome assessors will be masked to group assignment.",
     WARNING),
    (OPEN, "detail", "Outcome assessment will be blinded.", WARNING),
    (OPEN, "detail", "The pathologist assessing the resected specimens will be blinded to the treatment arm.",
     WARNING),
    (OPEN, "detail", "Trained outcomes assessors unaware of the treatment arm to which the patient has been "
                     "allocated will perform all outcomes assessments.", WARNING),
    (OPEN, "detail", "A blinded independent adjudication committee will adjudicate all deaths and "
                     "hospitalisations.", WARNING),
    (OPEN, "detail", "Participants will be blinded; the surgeons cannot be blinded because of the nature of the "
                     "procedure.", WARNING),
    (OPEN, "detail", "A blinded physiotherapist will perform all functional assessments.", WARNING),
    (OPEN, "detail", "Caregivers will be masked to group assignment.", WARNING),
    (OPEN, "detail", "The MRI readers will be blinded to clinical information and treatment assignment.", WARNING),
    (OPEN, "detail", "The treating anaesthetist will not be blinded, but the patients will be masked to the type of "
                     "anaesthesia.", WARNING),
    (OPEN, "detail", "Patients and care providers are aware of the allocation; assessors are blinded.", WARNING),
    (OPEN, "detail", "Sessions will be video-recorded and coded by raters blind to treatment condition.", WARNING),
    (OPEN, "detail", "Blinded endpoint adjudication will be performed by an independent committee; unblinded "
                     "interim analyses are not planned.", WARNING),
    (OPEN, "detail", "Participants will be masked to group allocation; no face mask will be required.", WARNING),
    (OPEN, "detail", "Primary Objective: PFS per RECIST v1.1 by blinded independent central review (BICR).", INFO),
    (OPEN, "summary", "Tumour assessments will be read by a blinded independent review committee (BIRC).", INFO),
    (OPEN, "detail", "This is an open-label study. Progression will be assessed by BICR every 8 weeks.", INFO),
]

QUIET_CASES = [
    # The masking description itself says open label: the registrant set NONE knowing who is masked.
    (OPEN, "masking_description", "Open label; outcome assessors blinded", QUIET),
    (OPEN, "masking_description", "None (Open Label). Outcome assessors will be blinded to treatment allocation.",
     QUIET),
    (OPEN, "texts", (("masking_description", "Open-label"),
                     ("detail", "Outcome assessors will be blinded to group allocation.")), QUIET),
    # A party the registry's masking does not record.
    (OPEN, "masking_description", "The statistician will be blinded to group allocation.", QUIET),
    (OPEN, "detail", "Data will be analysed by a statistician blinded to group allocation.", QUIET),
    (OPEN, "detail", "The sponsor will remain blinded to treatment assignment until database lock.", QUIET),
    (OPEN, "detail", "Laboratory staff measuring the biomarkers will be blinded to treatment allocation.", QUIET),
    (OPEN, "detail", "The independent statistician performing the analyses is unaware of group belonging.", QUIET),
    # Blinded to something else than the assigned intervention.
    (OPEN, "detail", "Images will be de-identified and read centrally by two radiologists.", QUIET),
    (OPEN, "detail", "The central reader will be blinded to patient identity.", QUIET),
    (OPEN, "detail", "The radiologist will be blinded to the clinical data.", QUIET),
    (OPEN, "detail", "The pathologist will be blinded to the results of the index test.", QUIET),
    (OPEN, "detail", "Investigators will be blinded to the results of the interim analysis.", QUIET),
    (OPEN, "masking_description", "Participants will be blinded to the study hypothesis.", QUIET),
    (OPEN, "detail", "The readers of the photographs are blinded to the time point.", QUIET),
    (OPEN, "detail", "A blinded data review will take place before database lock.", QUIET),
    (OPEN, "detail", "Data will be blinded by the sponsor for the interim analysis.", QUIET),
    (OPEN, "summary", "This study will enrol blind and visually impaired adults.", QUIET),
    (OPEN, "detail", "Allocation will be concealed using sequentially numbered, sealed, opaque envelopes.", QUIET),
    (OPEN, "detail", "Difficult mask ventilation will be assessed by the anesthesiologist.", QUIET),
    (OPEN, "detail", "Investigators will be blinded to lipid values after Visit 1.", QUIET),
    (OPEN, "detail", "Investigators and patients will be kept blinded to CGM recordings.", QUIET),
    (OPEN, "detail", "The laboratory staff will be blinded.", QUIET),
    (OPEN, "detail", "Patients who were blinded by their disease will be analysed separately.", QUIET),
    (OPEN, "detail", "Patients with visual impairment, including those who are blind, are eligible.", QUIET),
    # Denied, unblinded, or not possible.
    (OPEN, "detail", "Outcome assessors will not be blinded to group allocation.", QUIET),
    (OPEN, "detail", "Blinding of outcome assessors is not possible because of the nature of surgery.", QUIET),
    (OPEN, "detail", "No blinding of participants, therapists or assessors will be used.", QUIET),
    (OPEN, "detail", "Unblinded outcome assessors will collect the data at each visit.", QUIET),
    (OPEN, "detail", "The investigator will not be masked to treatment allocation.", QUIET),
    (OPEN, "detail", "Because of the nature of the intervention, participants and therapists cannot be blinded to "
                     "group allocation.", QUIET),
    (OPEN, "detail", "Blinded outcome assessment was not feasible in this study.", QUIET),
    (OPEN, "detail", "Blinded independent central review of images is not planned.", QUIET),
    (OPEN, "detail", "The clinical events committee will be unblinded after the final analysis.", QUIET),
    (OPEN, "detail", "Patients will be aware of their treatment allocation.", QUIET),
    (OPEN, "detail", "Study staff are not blinded.", QUIET),
    (OPEN, "detail", "The primary outcome is all-cause mortality, so blinded outcome assessment is not required.",
     QUIET),
    (OPEN, "detail", "Images will be assessed by an assessor who is not blinded.", QUIET),
    (OPEN, "detail", "Participants will be blinded to their glucose values during the monitoring period.", QUIET),
    (OPEN, "detail", "Patients will not be blinded to their allocated treatment.", QUIET),
    (OPEN, "detail", "Hard endpoints such as death are not subject to bias, so blinded endpoint adjudication was not "
                     "deemed necessary.", QUIET),
    (OPEN, "detail", "Patient-reported outcomes are collected electronically; blinded assessment is therefore "
                     "unnecessary.", QUIET),
    (OPEN, "detail", "Masked outcome assessment was deemed unnecessary given the objective primary outcome.", QUIET),
    (OPEN, "detail", "Blinding of outcome assessors was considered but rejected for practical reasons.", QUIET),
    (OPEN, "detail", "Data from blinded independent central review (BICR) will not be collected.", QUIET),
    (OPEN, "detail", "No attempt will be made to blind outcome assessors.", QUIET),
    (OPEN, "detail", "Subjects will be masked with surgical masks throughout the session.", QUIET),
    # Another part of the study, another study, trials in general.
    (OPEN, "detail", "The study is open-label, with blinded outcome assessment in a sub-study of 50 participants.",
     QUIET),
    (OPEN, "detail", "In Part B, outcome assessors will be blinded to treatment allocation.", QUIET),
    (OPEN, "detail", "In a subgroup of participants, MRI scans will be read by radiologists blinded to treatment "
                     "allocation.", QUIET),
    (OPEN, "detail", "In the parent study, outcome assessors were blinded to treatment allocation.", QUIET),
    (OPEN, "texts", (("official_title", "Open-label Extension Study of Drug X in Participants From Study ABC-301"),
                     ("detail", "This open-label extension will follow participants of the parent study, whose "
                                "outcome assessors were blinded to treatment.")), QUIET),
    (OPEN, "detail", "A previous trial used blinded outcome assessment.", QUIET),
    (OPEN, "detail", "Blinded assessment of the primary outcome was performed in the previous phase 2 trial.", QUIET),
    (OPEN, "detail", "Blinded outcome assessment reduces bias in surgical trials.", QUIET),
    (OPEN, "detail", "We propose to use a prospective randomized open blinded end-point design in a future trial.",
     QUIET),
    (OPEN, "summary", "The PROBE trial will compare two strategies of blood pressure control.", QUIET),
    # Single-arm and non-randomized studies: nobody is masked to an assigned intervention.
    (SINGLE_ARM, "detail", "An independent review committee blinded to investigator assessment will review all "
                           "scans.", QUIET),
    (SINGLE_ARM, "summary", "Objective response rate will be assessed by blinded independent central review (BICR).",
     QUIET),
    (SINGLE_ARM, "detail", "Outcome assessors will be blinded.", QUIET),
    (NON_RANDOMIZED_GROUPS, "detail", "Radiologists blinded to group (patients or healthy controls) will read all "
                                      "scans.", QUIET),
    # A blinded design, which masking_none_text_blinded reports; a masking that gives the assessor.
    (OPEN, "summary", "This is a randomized, double-blind study of drug X.", QUIET),
    (OPEN, "masking_description", "Single-blind (outcomes assessor)", QUIET),
    (ASSESSOR_MASKED, "summary", "Outcome assessors will be blinded to treatment allocation.", QUIET),
    (ASSESSOR_MASKED, "detail", "Progression will be assessed by blinded independent central review (BICR).", QUIET),
]

PHRASES = FIRING + QUIET_CASES


def _texts(summary: str, masking: dict):
    """A change: the design's masking and a brief summary in place of the clean study's texts."""
    def change(study):
        study["designs"][0].update(masking)
        study["brief_summaries"] = [{"description": summary}]
        study["detailed_descriptions"] = [{"description": "Participants are randomized to baricitinib or "
                                                          "methotrexate."}]
        study["design_groups"][1].update(group_type="ACTIVE_COMPARATOR", title="Methotrexate",
                                         description="Methotrexate 15 mg weekly")
    return change


CASES = [
    Case(RULE, True, _texts("Outcome assessors will be blinded to treatment allocation.", OPEN),
         note="open label, outcome assessors blinded to allocation"),
    Case(RULE, True, _texts("Progression will be assessed by blinded independent central review (BICR).", OPEN),
         note="open label, a blinded central review (info)"),
    Case(RULE, False, _texts("The statistician will be blinded to treatment allocation.", OPEN),
         note="a statistician is no party the masking records"),
    Case(RULE, False, _texts("Outcome assessors will be blinded to treatment allocation.", ASSESSOR_MASKED),
         note="the masking gives the outcomes assessor"),
]
