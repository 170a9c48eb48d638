"""The conditions an inclusion criterion requires of the participant: a diagnosis, a disease named with its form,
an infection, a history of a lasting condition, a positive skin test."""
from __future__ import annotations

import re

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_inclusion import CRITERION_WIDTH, lowered_part
from checks.criteria_sections import Section

# The diseases a criterion may name as the participant's, after a word that says which form of it ("Type 2 diabetes",
# "Chronic hepatitis C", "Stage III-IV ovarian cancer", "Essential hypertension").
_DISEASE_FORM = (r"(?:type\s+(?:1|2|i|ii)|chronic|acute|advanced|metastatic|recurrent|relapsed|refractory|untreated"
                 r"|newly\s+diagnosed|essential|stage\s+[0-4iv]+[a-c]?(?:\s*(?:-|to|or)\s*[0-4iv]+[a-c]?)?)")
DISEASE = (r"(?:diabetes|hepatitis|cancer|carcinoma|lymphoma|leuka?emia|myeloma|melanoma|sarcoma|glioma|tumou?rs?"
           r"|hypertension|asthma|copd|bronchitis|schizophrenia|depression|arthritis|psoriasis|dermatitis|epilepsy"
           r"|hiv|aids|infection|pain|heart\s+failure|renal\s+failure|kidney\s+disease|liver\s+disease)")
# A criterion that states the participant's condition without "diagnosis": an infection ("Is HIV-positive", "HIV-1
# infected", "Is positive for hepatitis B surface antigen"), a disease's diagnostic criteria met ("Participant meets
# the DSM-IV criteria for schizophrenia", "meets the Diagnostic and Statistical Manual ..."; not the criteria for
# healthy people, for entry or for the study, nor the inclusion criteria of a parent study), or a disease named with
# its form. "HIV-negative", "No history of diabetes", "BMI 18-30" and "Non-smoker" state none.
_CONDITION_STATED = (
    r"(?:(?:the\s+)?(?:participants?|subjects?|patients?|child(?:ren)?|persons?)\s+)?"
    r"(?:(?:is|are|must\s+be)\s+(?:[a-z0-9]+[\s-]?){0,2}?|(?:hiv|hbv|hcv|htlv)[\w-]*[\s-]*)"
    r"(?:(?:sero)?positive|infected)\b"
    r"|(?:(?:the\s+)?(?:participants?|subjects?|patients?)\s+)?(?:meets?|fulfils?|fulfills?|satisf(?:y|ies))\s+"
    r"(?:(?:the\s+)?(?:dsm|diagnostic\s+and\s+statistical\s+manual|icd)\b|[^.;:]{0,80}?\b(?<!inclusion\s)"
    r"(?<!eligibility\s)(?<!entry\s)criteria\s+(?:for|of)\s+"
    r"(?!(?:healthy|normal|participation|inclusion|entry|enrol|eligibility|(?:the|this)\s+study|study|the\s+trial"
    r"|(?:the\s+|this\s+|that\s+)?(?:parent|main|core|original|previous|prior|feeder|lead-?in)\s+(?:study|trial))\b)"
    r"[a-z])"
    rf"|(?:{_DISEASE_FORM}[\s,-]+){{1,3}}(?:[a-z'-]+\s+){{0,3}}?{DISEASE}\b")
# The words that may qualify a diagnosis before it ("SCID-based DSM-5 diagnosis of", "A current diagnosis of").
_DIAGNOSIS_QUALIFIER = (r"(?:a|an|current|confirmed|documented|established|clinical|primary|principal|formal|definite"
                        r"|probable|previously|concurrently|recently|or"
                        r"|psychiatric|dsm-?[\w.-]*|icd-?[\w.-]*|scid[\w/-]*|mini|[\w-]+-(?:based|confirmed"
                        r"|defined))")
# A criterion that opens by requiring a condition ("Diagnosis of moderate plaque psoriasis", "Moderate to severe acne
# vulgaris", "Patients with mild Alzheimer's disease", "Histologically confirmed adenocarcinoma", "Subjects with a
# diagnosis of COPD"): whoever the criteria admit has it.
CONDITION_REQUIRED = re.compile(
    r"(?:(?:a\s+)?(?:clinical|confirmed|documented|established|definite|probable|primary)\s+)?diagnos(?:is|ed)\b"
    r"(?!\s+(?:as\s+)?(?:healthy|normal)\b)"
    r"|(?:histologically|cytologically|pathologically|radiologically|clinically)\s+(?:confirmed|documented|proven)\b"
    r"|(?:mild|moderate)(?:[\s-]*(?:to|or|-|/)[\s-]*)(?:moderate|severe)\b"
    r"|patients?\s+(?:with|diagnosed|suffering|who\s+(?:have|has|are|were))\b"
    r"|(?:subjects?|participants?|adults?|children|individuals?|men|women)\s+(?:with|who\s+(?:have|has))\s+(?:an?\s+)?"
    r"(?:(?:clinical|confirmed|documented|established)\s+)?diagnosis\b"
    rf"|(?:{_DIAGNOSIS_QUALIFIER}[\s,]+){{1,4}}diagnos(?:is|ed)\s+(?:of|with)\b"
    rf"|{_CONDITION_STATED}")
# Infections a test may find, one of which a positive test for is required ("Positive test for COVID-19 by RT-PCR").
_INFECTION = (r"(?:covid|sars-?cov-?2|coronavirus|influenza|rsv|respiratory\s+syncytial|h\.?\s?pylori|helicobacter|hiv"
              r"|hepatitis|tuberculosis|malaria)\b")
# A criterion that requires a diagnosis without naming who has it ("Diagnosis of schizophrenia", "SCID-based DSM-5
# diagnosis of schizophrenia", "Confirmed diagnosis of COPD"): every participant has it. Beside it, healthy people
# named as subjects, participants, adults, men or women ("Healthy male and female subjects ... in good health") are
# patients in good general health; healthy volunteers or controls are a group of their own.
# So does a criterion that requires an infection as documented or confirmed ("Documented HIV-1 infection") or by the
# virus's load in the blood ("Screening plasma HIV-1 RNA greater than or equal to 5,000 copies/mL"): only the infected
# have one to measure. So does one that requires a stay in hospital for a condition ("Hospitalization because of an
# acute exacerbation of schizophrenia"), or a positive test for an infection (`_INFECTION`), or an infection's recent
# onset ("onset of acute, viral upper respiratory tract infection (common cold) within 72 hours", NCT02062710), or a
# grade of high blood pressure ("Category 2--Grade 1 hypertensive SBP 140-159", "Stage 1 hypertension": NCT01405898).
DIAGNOSIS_REQUIRED = re.compile(
    rf"(?:{_DIAGNOSIS_QUALIFIER}[\s,]+){{0,4}}diagnos(?:is|ed)\s+(?:of|with|as\s+having)\b"
    r"|hospitali[sz](?:ation|ed)\s+(?:because\s+of|for|with|due\s+to)\b"
    rf"|(?:a\s+)?positive\s+(?:(?:rt-?)?pcr\s+|swab\s+|antigen\s+|nucleic\s+acid\s+)?test(?:\s+result)?\s+for\s+"
    rf"(?:the\s+)?{_INFECTION}"
    r"|(?:documented|confirmed|laboratory-confirmed|chronic)\s+(?:[a-z0-9-]+\s+){0,3}?infection\b"
    r"|(?:(?:screening|baseline)\s+)?(?:(?:plasma|serum)\s+)?(?:hiv|hbv|hcv)[\w-]*\s+(?:rna|dna|viral\s+load)\s+"
    r"(?:(?:level\s+)?(?:greater|more|higher|above|at\s+least|of\s+at\s+least)|>|\u2265|>=)"
    r"|(?:the\s+)?onset\s+of\s+(?:an?\s+)?(?:[a-z0-9,()-]+\s+){0,5}?(?:infection|cold|influenza|flu)\b"
    r"|(?:category|grade|stage)\s+[0-4]\W{1,6}(?:(?:grade|stage)\s+[0-4]\s+)?(?:pre\W{0,4})?hypertensi(?:ve|on)\b")
# Lasting conditions a history of which a criterion may require (allergies, atopic and chronic diseases); not an
# infection or an event, which healthy people may have had.
_LASTING_CONDITION = (r"(?:allerg(?:y|ies)|rhinitis|rhinoconjunctivitis|hay\s+fever|asthma|dermatitis|eczema|urticaria"
                      r"|angioedema|atopy|migraine|epilepsy|diabetes|hypertension|psoriasis|arthritis|disease|disorder"
                      r"|syndrome)")
# A history of a lasting condition required ("Has a history of Seasonal Allergic Rhinitis due to ragweed", "Having
# positive histories of cow's milk allergy", "A documented history of peanut allergy"); "No history of" requires none.
HISTORY_OF_A_CONDITION = (r"(?:an?\s+)?(?:(?:positive|documented|confirmed|known|clinical|physician[\s-]diagnosed"
                          r"|established|convincing)\s+)?(?:(?:medical|clinical)\s+)?histor(?:y|ies)\s+of\s+"
                          rf"(?:[a-z0-9'-]+\s+){{0,4}}?{_LASTING_CONDITION}\b")
# A sensitisation shown by a skin test ("a positive response (wheal diameter >= 3 mm ...) to a skin prick test to short
# ragweed allergen", "A positive skin prick test to cat dander").
_POSITIVE_SKIN_TEST = (r"(?:an?\s+)?positive\s+(?:(?:(?:skin|prick|patch|intradermal|allergen)[\s-]+){1,2}"
                       r"(?:tests?|response|reaction)|(?:response|reaction)\s+[^.;]{0,80}?\b(?:skin|prick|patch"
                       r"|intradermal)[\s-]+(?:prick\s+)?test)")
# A condition required of each participant, as the participant's or nobody's ("Participant has a history of Seasonal
# Allergic Rhinitis", "Participant has a positive response ... to a skin prick test", "Diagnosis of asthma"); patients
# named as a group ("Patients with asthma") may be a group of their own, and are not read here.
REQUIRED_OF_EACH = re.compile(
    r"(?:(?:the\s+)?(?:participants?|subjects?|volunteers?|child(?:ren)?|adults?)\s+)?"
    r"(?:(?:has|have|had|must\s+have|should\s+have|having|with)\s+)?"
    rf"(?:{HISTORY_OF_A_CONDITION}|{_POSITIVE_SKIN_TEST}|{DIAGNOSIS_REQUIRED.pattern}|{_CONDITION_STATED})")


def condition_required(text: str, lowered: str, section: Section, required: re.Pattern = CONDITION_REQUIRED) -> bool:
    """Whether an inclusion criterion of the section opens by requiring a condition (`required`): then a
    criterion that only says the participant is healthy ("Healthy, as determined by medical history") speaks of a
    patient's general health beside that condition, not of a healthy volunteer."""
    for start, end in criteria_pieces(text, section.start, section.end):
        piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
        if required.match(piece, LIST_MARK.match(piece).end()):
            return True
    return False
