"""The conditions an inclusion criterion requires of the participant: a diagnosis, a disease named with its form,
an infection, a history of a lasting condition, a positive skin test; and one reading of a condition each participant
must have (`condition_of_each`), which both healthy-volunteer rules use; and a condition named alone as a whole
criterion (`CONDITION_NAMED_ALONE`), which the rule on Healthy Volunteers 'No' reads."""
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
# Lasting conditions a history of which a criterion may require (allergies, atopic and chronic diseases, a dependence,
# infertility, incontinence); not an infection or an event, which healthy people may have had.
_LASTING_CONDITION = (r"(?:allerg(?:y|ies)|rhinitis|rhinoconjunctivitis|hay\s+fever|asthma|dermatitis|eczema|urticaria"
                      r"|angioedema|atopy|migraine|epilepsy|diabetes|hypertension|psoriasis|arthritis|disease|disorder"
                      r"|syndrome|dependence|addiction|infertility|incontinence)")
# A history of a lasting condition required ("Has a history of Seasonal Allergic Rhinitis due to ragweed", "Having
# positive histories of cow's milk allergy", "A documented history of peanut allergy", "history of heroin dependence");
# "No history of" requires none, nor the history of a relative ("History of migraine in a first-degree relative").
HISTORY_OF_A_CONDITION = (r"(?:an?\s+)?(?:(?:positive|documented|confirmed|known|clinical|physician[\s-]diagnosed"
                          r"|established|convincing)\s+)?(?:(?:medical|clinical)\s+)?histor(?:y|ies)\s+of\s+"
                          rf"(?:[a-z0-9'-]+\s+){{0,4}}?{_LASTING_CONDITION}\b"
                          r"(?!\s+(?:in|of|among)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?(?:(?:first|second)"
                          r"[\s-]degree\s+)?(?:relatives?|family|famil\w+|parents?|mothers?|fathers?|siblings?))")
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

# An illness a criterion may state as the participant's own: a disease's noun ("disorder", "syndrome", "uveitis",
# "fibrosis"; not "diagnosis", "prognosis"), the diseases above, a lasting disorder named by what it does
# ("incontinence", "infertility", "alcohol dependence"), or COVID-19 by its names.
_ILLNESS = (rf"(?:{DISEASE}|disorders?|diseases?|syndromes?|infections?|pneumonia|influenza|sepsis|stroke|[a-z]+itis"
            r"|incontinence|infertility|dependence|addiction"
            r"|[a-z]+(?<!diagn)(?<!progn)osis|covid(?:[\s-]?19)?(?![\s-]?\d)|sars[\s-]?cov[\s-]?2)\b")
# Infectious agents, and the tests that find them, a positive result of which a criterion may require.
AGENT = (r"\(?(?:covid|sars[\s-]?cov|coronavirus|influenza|rsv|hiv|hbv|hcv|hepatitis|h\.\s?pylori|helicobacter"
          r"|tuberculosis|malaria|(?:rt[\s-]?)?pcr|rtpcr|(?:blood|urine|sputum)\s+cultures?)")
# Words that keep a criterion from stating the participant's illness: a negation, a condition ("If confirmed case"),
# another person, a risk, an exposure, a vaccination, a history or a test that may be negative.
_NOT_ONES_OWN = (r"(?:no|not|non|never|without|absence|absent|free|negative|healthy|normal|history|risk|exposed"
                 r"|exposure|contacts?|vaccin\w*|immuni[sz]\w*|family|parents?|parental|mothers?|fathers?|maternal"
                 r"|paternal|siblings?|relatives?|child|children|spouses?|partners?|caregivers?|household|any|other"
                 r"|if|when|whether|unless|from)\b")
_OWN_WORD = rf"(?!{_NOT_ONES_OWN})[a-z0-9][\w'()/-]*"
# The words before an illness named bare: the illness's own (its site, form or severity), not a preposition or a
# verb whose object it is ("tested for COVID-19", "isolating due to COVID-19", "Clinical suspicion of COVID-19").
_BARE_WORD = (r"(?!(?:for|from|to|against|about|of|on|by|with|in|at|due|tested|testing|screened|screening|isolating"
              rf"|isolated|quarantined|interacted|suspicion)\b){_OWN_WORD}")
# People a positive result may belong to rather than the participant ("covid 19 positive mothers", "a COVID-19
# positive individual").
_SOMEONE_ELSES = (r"(?!\s+(?:mothers?|fathers?|parents?|partners?|spouses?|relatives?|family|household|individuals?"
                  r"|persons?|people|cases?|contacts?|index)\b)")
# What a positive test's words may hold between the test and its result: not a negative result, nor antibodies,
# which a vaccine gives.
_NO_INFECTION_FOUND = r"(?:negativ|antibod|ig[gm]\b|serolog|vaccin)"
_TEST_WORDS = rf"(?:(?!{_NO_INFECTION_FOUND})[^;:.]){{0,80}}?"
# An illness stated as the participant's without "patients with": a diagnosis after any qualifier of it ("new
# diagnosis of uveitis", "Clinician diagnosis of Type 2 diabetes"); an illness confirmed, documented or suspected
# ("Laboratory confirmed COVID-19", "Have confirmed or suspected COVID-19", "Laboratory or clinically confirmed
# positive SARS-CoV-2 rtPCR test"); a positive test for an infection ("COVID-19 RT-PCR positivity", "Nasopharyngeal
# swab positive for SARS-CoV2", "COVID 19 test results to be positive"); the illness named bare, then ended or
# qualified ("Opioid use disorder", "Active COVID-19 infection confirmed by PCR"); recovery from it, its survivors, a
# stay in hospital for it ("Recovered from COVID-19 infection", "Previous COVID-19 hospitalization"); its signs
# ("Clinical or imaging signs of COVID-19 infection"); or a symptom after it ("anosmia post covid-19 infection").
_ILLNESS_STATED = (
    rf"(?:{_OWN_WORD}\s+){{1,3}}?diagnos(?:is|ed)\s+(?:of|with|as)\b"
    r"|(?:(?:has|have|had|having|with)\s+)?(?:an?\s+)?(?:(?:laboratory|lab|clinically|virologically|microbiologically"
    r"|serologically|radiologically|pcr|rt-?pcr|test|culture|biopsy)(?:\s+or\s+[a-z]+)?[\s-]+)?"
    r"(?:(?:suspected|probable)\s+or\s+)?(?:confirmed|proven|verified|documented)(?:\s+or\s+(?:suspected|probable))?\s+"
    rf"(?:{_OWN_WORD}\s+){{0,4}}?(?:positive\b|{_ILLNESS}(?![\s-]+(?:vaccin\w*|immuni\w*|negativ\w*|free|contacts?"
    r"|exposure|risk|prevention|screening|antibod\w*|tests?|testing|swabs?|status|results?)\b))"
    rf"|(?:{_OWN_WORD}[\s-]+){{0,4}}?positiv(?:e|ity)\b{_TEST_WORDS}{AGENT}(?![^;:.]{{0,40}}?{_NO_INFECTION_FOUND})"
    rf"|(?:{_OWN_WORD}[\s-]+){{0,3}}?{AGENT}{_TEST_WORDS}(?<!non-)(?<!non\s)positiv(?:e|ity)\b{_SOMEONE_ELSES}"
    r"(?!\s*(?:or|and|/)\s*negativ)"
    rf"|(?:{_BARE_WORD}[\s-]+){{1,4}}?{_ILLNESS}(?=\s*(?:$|[,;:.(\[]|[-\u2013]\s|(?:for|of|with|in|on|at|as|by"
    r"|confirmed|diagnosed|documented|proven|verified|according|defined|lasting|since|who|that|which|requiring"
    r"|stage|grade|type|class|patients?)\b))"
    r"|(?:(?:has|have|had|having)\s+)?(?:fully\s+)?recovered\s+from\s+(?:an?\s+)?"
    rf"(?:{_OWN_WORD}\s+){{0,4}}?{_ILLNESS}"
    rf"|(?:{_OWN_WORD}[\s-]+){{0,3}}?{_ILLNESS}[\s-]+(?:related\s+)?(?:survivors?|hospitali[sz]ations?)\b"
    r"|(?:(?:previous|prior|past|recent|current)\s+)?hospitali[sz](?:ation|ed)\s+(?:because\s+of|for|with|due\s+to)\s+"
    rf"(?:{_OWN_WORD}\s+){{0,4}}?{_ILLNESS}"
    rf"|(?:{_OWN_WORD}\s+(?:(?:or|and|and/or)\s+[a-z]+\s+)?){{0,2}}?(?:signs?|symptoms?)\s+"
    r"(?:(?:and|or|and/or)\s+(?:signs?|symptoms?)\s+)?(?:of|consistent\s+with|compatible\s+with|suggestive\s+of)\s+"
    rf"(?:an?\s+)?(?:{_OWN_WORD}\s+){{0,3}}?{_ILLNESS}"
    rf"|(?:{_OWN_WORD}\s+){{1,3}}?(?:post|after|following)[\s-]+(?:an?\s+|the\s+)?(?:{_OWN_WORD}\s+){{0,3}}?{_ILLNESS}")

# A lesion each participant must have, and its size ("keloid scar between 1 and 3 cm long", "Ulcer of at least 2 cm2",
# "Subjects must have hypertrophic (raised) breast scars"), or one imaging or a procedure showed ("Tear of the medial
# meniscus on MRI", "Degenerative rupture of the medial meniscus confirmed at arthroscopy").
_LESION = r"(?:scars?|keloids?|lesions?|ulcers?|wounds?|warts?|nodules?|plaques?)"
_LESION_OF_EACH = (
    rf"(?!(?:no|non|not|without|any|free)\b)(?:[a-z-]+\s+){{0,2}}{_LESION}\s+(?:of\s+|measuring\s+|between\s+"
    r"|at\s+least\s+|(?:>|>=|<|<=|\u2265|\u2264)\s*)[^.;\n]{0,20}?\d+(?:\.\d+)?\s*(?:cm|mm)"
    r"|(?:(?:the\s+)?(?:participants?|subjects?|patients?)\s+)?(?:must|should)\s+have\s+(?!(?:no|not|any)\b)"
    rf"(?:[a-z()-]+\s+){{0,3}}?{_LESION}\b"
    rf"|(?:{_BARE_WORD}[\s-]+){{0,3}}?(?:tears?|ruptures?|fractures?|herniations?|lesions?|defects?)\s+"
    r"(?:of\s+(?:the\s+)?(?:[a-z-]+\s+){0,4}?)?(?:(?:confirmed|seen|shown|visible|documented|proven|detected"
    r"|demonstrated)\s+)?(?:on|by|at)\s+(?:an?\s+|the\s+)?(?:mri|magnetic\s+resonance|ct|computed\s+tomography"
    r"|x-?rays?|radiograph\w*|ultraso\w*|imaging|arthroscop\w*|endoscop\w*|biopsy)\b")
# A condition required in words of its own: a condition's adjective as the whole criterion ("Osteopenic",
# "Diabetic"), a diagnosis named after the manual that defines it ("Diagnostic and Statistical Manual ... (DSM-IV)
# diagnosis of nicotine dependence"), treatment sought for a condition ("Currently seeking treatment for nicotine
# dependence"), a condition's severity ("Moderate to severe acne"), a disorder's criteria met ("Patients who meet the
# criteria of ADHD"), an indication for a procedure that names its condition ("Clinical indication for total shoulder
# replacement due to primary diagnosis of arthritis"), or patients who come to a place of care with it ("Patients
# presenting to the ED with at least one of the following").
_CONDITION_IN_OWN_WORDS = (
    r"(?:osteopenic|osteoporotic|(?:pre-?)?diabetic|hypertensive|asthmatic|hypercholesterol(?:a)?emic"
    r"|(?:dys|hyper)lipid(?:a)?emic|hypogonadal)[ \t]*(?:[.;,(\n]|\Z)"
    r"|(?:the\s+)?diagnostic\s+and\s+statistical\s+manual\b[^.;]{0,80}?\bdiagnosis\s+of\b"
    r"|(?:currently\s+)?seek(?:ing|s)\s+(?:treatment|help|care)\s+for\b"
    r"|(?:mild|moderate)[\s-]*(?:to|or|-|/)[\s-]*(?:moderate|severe)\b"
    r"|(?:patients?|participants?|subjects?)\s+who\s+(?:meet|fulfil+)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?criteria\s+"
    r"(?:for|of)\s+(?!(?:healthy|normal|participation|inclusion|entry|eligibility|the\s+study|this\s+study)\b)[a-z]"
    r"|(?:an?\s+)?(?:(?:clinical|medical|surgical|current)\s+)?indications?\s+for\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,5}?(?:due\s+to|because\s+of|for|secondary\s+to)\s+(?:an?\s+|the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:diagnos[ei]s\b|{_ILLNESS})"
    r"|(?:patients?|adults?|children|subjects?|participants?|individuals?|persons?|people)\s+(?:who\s+(?:present"
    r"|presented|are\s+presenting)|presenting)\s+(?:to|at|in)\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,4}?with\b")
# A manual or a body whose criteria define disorders ("DSM-IV", "Diagnostic and Statistical Manual", "ICD-10", "ACR",
# "Rome III", "NINCDS-ADRDA", "McDonald").
_MANUAL = (r"(?:dsm|icd|diagnostic|classification|acr|american\s+college\s+of\s+rheumatology|eular|rome|nincds"
           r"|mcdonald|ilae|ichd)")
# A disorder's criteria met by each participant, who may be named first with a word of obligation or "who" ("Patients
# must fulfill Diagnostic and Statistical Manual (DSM-IV) criteria for OCD", "Subjects will meet DSM-IV criteria for
# current alcohol dependence", "Meeting criteria for a current major depressive episode"): the criteria are a
# manual's, or what they are for names an illness or an episode of one. Not criteria not met, nor the criteria for
# healthy people, for entry or of a study ("Meet the inclusion criteria of the asthma registry").
_CRITERIA_MET = (
    r"(?:(?:the\s+)?(?:(?!(?:no|non|not|healthy|normal|controls?|comparison)\b)[a-z-]+\s+){0,3}?"
    r"(?:patients?|outpatients?|inpatients?|participants?|subjects?|child(?:ren)?|adolescents?|adults?|individuals?"
    r"|persons?|people|men|women|males?|females?|veterans?|smokers?)\s+)?"
    r"(?:(?:must|should|shall|will|who|that|to)\s+(?:also\s+)?)?"
    r"(?:meets?|meeting|fulfil(?:l?s|l?ing|l)?|satisf(?:y|ies|ying))\s+"
    rf"(?:(?:the\s+)?[^.;:]{{0,60}}?\b{_MANUAL}\b[^.;:]{{0,40}}?\bcriteria\s+(?:for|of)\s+"
    r"(?!(?:an?\s+|the\s+|this\s+)?(?:no|not|none|healthy|normal|participation|inclusion|entry|enrol\w*|eligibility"
    r"|study|trial|parent|main|core|original|previous|prior|feeder)\b)[a-z]"
    r"|(?:the\s+)?(?:(?!(?:inclusion|exclusion|entry|eligibility|enrol\w*|study|trial|protocol|randomi\w*)\b)"
    r"[a-z-]+\s+){0,2}?criteria\s+(?:for|of)\s+(?:an?\s+|the\s+)?"
    r"(?:(?!(?:no|not|none|non|without|free|healthy|normal)\b)[a-z0-9'-]+\s+){0,4}?"
    rf"(?:{_ILLNESS}|episodes?\b)(?![\s-]+(?:stud\w+|trials?|programs?|programmes?|protocols?|cohorts?|registr\w+)\b))")
# A condition each participant must have, read the same by both healthy-volunteer rules: an illness stated as the
# participant's own, a history of a lasting condition, a lesion, a condition in words of its own, or a disorder's
# criteria met.
CONDITION_OF_EACH = re.compile(
    rf"{_ILLNESS_STATED}|{HISTORY_OF_A_CONDITION}|{_LESION_OF_EACH}|{_CONDITION_IN_OWN_WORDS}|{_CRITERIA_MET}")
# Nouns of a condition a criterion may name with no other words than its own: the illnesses above, a shortfall or a
# loss of a function ("Lactation insufficiency", "Iron deficiency", "Erectile dysfunction", "Cognitive impairment"),
# obesity and anaemia.
_CONDITION_NOUN = (rf"(?:{_ILLNESS}|(?:insufficienc|deficienc)(?:y|ies)\b|dysfunctions?\b|failure\b|impairments?\b"
                   r"|obesity\b|ana?emi(?:a|c)\b)")
# A condition named alone as the whole criterion, a noun phrase of its own words that ends in the condition's noun,
# perhaps with the time of life it comes at and an abbreviation in brackets ("Lactation insufficiency postpartum",
# "Erectile dysfunction (ED)"). The healthy-volunteer rule reads it as a condition of each participant; the patients
# rule leaves a bare name unread.
CONDITION_NAMED_ALONE = re.compile(
    rf"(?:{_BARE_WORD}[\s-]+){{0,4}}?{_CONDITION_NOUN}(?:[\s-]+(?:post-?partum|post-?natal|ante-?natal|pre-?natal"
    r"|post-?operative|post-?menopausal))?(?:\s*\([^()\n]{0,30}\))?[\s.;,]*\Z")
# An alternative offered beside the condition that people without it may meet ("Celiac disease or a first-degree
# relative with it", "Type 2 diabetes or normal glucose tolerance").
_OR_WITHOUT_IT = re.compile(
    r"\b(?:or|and/or)\s+(?:[\w'-]+\s+){0,3}?(?:healthy|normal|without|no|free|negative|risk|exposed|contacts?"
    r"|relatives?|controls?|uninfected|unaffected)\b")
# Words that make a criterion say what may be, or allow a condition kept in check, rather than require one ("Patients
# who are HIV seropositive can have decreased immune competence", "Patients with controlled diabetes will be
# included").
_NO_REQUIREMENT = re.compile(r"\b(?:may|can|could|might)\b|\bwith\s+(?:well[\s-]+)?controlled\b")
_CLAUSE_END = re.compile(r"[,;.(]")
# What may follow a requirement's words ("Patients with ...") where it requires no condition: a risk of one, a family
# history, a relative with it or a genetic predisposition ("Patients with a family history of breast cancer", "Patients
# with a first-degree relative with type 1 diabetes"), which people without the condition have; or a state of health,
# an ability or a measure ("Patients with good oral hygiene", "Patients with normal renal function", "Patients with no
# history of diabetes", "Patients with the ability to give consent", "Patients with BMI 18-30"; not "normal-tension
# glaucoma", "normal pressure hydrocephalus", "age-related macular degeneration").
_NOT_A_CONDITION = (
    re.compile(r"\s*(?:an?\s+|the\s+)?(?:positive\s+|strong\s+|known\s+|significant\s+|documented\s+)?"
               r"(?:family\s+(?:history|member)|(?:first|second)[\s-]degree\s+(?:family\s+members?|relatives?)"
               r"|relatives?\s+with|genetic\s+(?:predisposition|susceptibility|risk)"
               r"|familial\s+(?:risk|predisposition))\b"),
    re.compile(r"\s*(?:an?\s+|the\s+)?(?:good|healthy|adequate|sufficient|satisfactory|intact"
               r"|(?:ability|capacity|willingness|access)\s+to|command\s+of|bmi|body\s+mass|asa"
               r"|ages?\s+(?:\d|between|from|over|under|above|below)"
               r"|no\s+(?:history|known|signs?|symptoms?|medical|systemic|significant|current|other|major)"
               r"|normal\b(?![\s-]+(?:tension|pressure)))\b"),
)


def condition_required(text: str, lowered: str, section: Section, required: re.Pattern = CONDITION_REQUIRED) -> bool:
    """Whether an inclusion criterion of the section opens by requiring a condition (`required`): then a
    criterion that only says the participant is healthy ("Healthy, as determined by medical history") speaks of a
    patient's general health beside that condition, not of a healthy volunteer."""
    for start, end in criteria_pieces(text, section.start, section.end):
        piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
        if required.match(piece, LIST_MARK.match(piece).end()):
            return True
    return False


def clause_end(piece: str, start: int) -> int:
    """Where the clause of a criterion that goes on at `start` ends."""
    found = _CLAUSE_END.search(piece, start)
    return found.start() if found else len(piece)


def requirement_stands(piece: str, at: int, required: re.Match) -> bool:
    """Whether a requirement found in a criterion (lower case, its text from `at`) goes on to a condition, not to a
    risk of one, a state of health or a measure, and its clause says neither what may be nor that a controlled
    condition is allowed."""
    if any(words.match(piece, required.end()) for words in _NOT_A_CONDITION):
        return False
    return _NO_REQUIREMENT.search(piece, at, clause_end(piece, required.end())) is None


def condition_of_each(piece: str, openings: tuple[int, ...], at: int | None = None) -> bool:
    """Whether a criterion (lower case, its text from `at`, by default the first opening) states a condition of each
    participant (`CONDITION_OF_EACH`) at the first of `openings` where one is read, with no alternative in its clause
    that people without it may meet, and the requirement stands (`requirement_stands`)."""
    at = openings[0] if at is None else at
    required = next((found for opening in openings if (found := CONDITION_OF_EACH.match(piece, opening))), None)
    if required is None or _OR_WITHOUT_IT.search(piece, at, clause_end(piece, required.end())):
        return False
    return requirement_stands(piece, at, required)
