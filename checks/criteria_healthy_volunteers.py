"""Where the inclusion criteria admit healthy people (`admitted_healthy`): a criterion, a group's label or an
inclusion heading ("Healthy adult subjects", "Healthy controls:", "Inclusion Criteria for Healthy Volunteers"), not
"healthy" of an organ or a state, nor healthy people who have a condition or are about to be treated for one."""
from __future__ import annotations

import re

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_groups import LABEL_LINE
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_inclusion import CRITERION_WIDTH, inclusion_sections, lowered_part, section_heading
from checks.criteria_sections import Section
from checks.criteria_sex_named import ADJECTIVES, SUBJECT, adjectives_admit

# "Healthy" or "normal" of people: "Healthy adult subjects", "Healthy male and female volunteers", "Normal
# volunteers", "Healthy, non-smoking men"; or a criterion that only says the participant is healthy ("Healthy", "Healthy
# as determined by medical history, physical examination and laboratory tests").
# The word boundary before each is looked behind from after its first letter, so a search skips to an "h" or an "n"
# rather than trying the pattern at every character.
_HEALTHY_WORD = re.compile(r"(?:h(?<!\wh)ealthy|n(?<!\wn)ormal\s+(?:volunteers?|controls?|subjects?))\b")
# Words one of which every admission of healthy people holds, found by str.find before any pattern is tried.
HEALTHY_NEEDLES = ("healthy", "normal volunteer", "normal control", "normal subject")
_HEALTHY_PEOPLE = (r"volunteers?|subjects?|participants?|adults?|individuals?|persons?|people|men|women|males?|"
                   r"females?|controls?|children|infants?|newborns?|neonates?|adolescents?|elderly|population|"
                   r"boys|girls|(?:term\s+)?babies|non-?\s?smokers")
# The words between "healthy" and the people: sexes, ages, habits, nationalities ("Japanese", "Chinese").
_HEALTHY_BETWEEN = (r"(?:(?:male|female|men|women|adult|young|older|elderly|non-?\s?smok\w*|smok\w*|pre-?menopausal|"
                    r"post-?menopausal|ambulatory|normal|human|lean|overweight|obese|right-handed|term|full-term|"
                    r"english-speaking|volunteer|research|adolescent|pediatric|paediatric|[a-z]+(?:an|ese|ish))"
                    r"\s*,?\s*(?:and\s+|or\s+|and/or\s+|/\s*)?){0,4}")
_HEALTHY_ADMITTED = re.compile(
    rf"{SUBJECT}{ADJECTIVES}(?:(?:normal|healthy)\s*,?\s*)?(?:healthy\s*,?\s*{_HEALTHY_BETWEEN}"
    rf"(?:{_HEALTHY_PEOPLE})\b|normal\s+(?:volunteers?|controls?|subjects?)\b"
    r"|(?P<alone>healthy)\s*,?\s*(?=(?:as|based\s+on|according\s+to|by\s+medical|on\s+the\s+basis|determined"
    r"|defined|per)\b|[.;]?\s*\Z))")
# Words before "healthy" that make it no admission ("Otherwise healthy", "No healthy volunteers", "For healthy";
# "Systemically healthy", said of dental patients who have the oral disease studied).
_NOT_HEALTHY_ADJECTIVES = frozenset((
    "otherwise", "no", "not", "non", "if", "for", "except", "excluding", "without", "of", "in", "from", "with",
    "than", "and", "or", "patients", "patient", "systemically"))
# The anaesthetists' physical status ("Healthy, as defined by ASA class I or II"): a criterion that says only
# "healthy" by it is said of patients about to have surgery.
_ASA_CLASS = re.compile(r"\basa\b|american\s+society\s+of\s+an(?:a)?esthesiologists")
# What makes healthy people patients when it follows them ("Healthy volunteers with asthma", "Healthy subjects
# diagnosed with ...", "Healthy subjects, but with mild hypertension", "Healthy subjects who are candidates for knee
# arthroplasty", "Healthy subjects awaiting elective surgery", "Healthy men ... who are seropositive for HSV-2",
# "Healthy adults who are household contacts of a person with TB", "... who are at increased risk of ...", "Healthy
# infants of mothers with HIV", as "born to" says), or
# names them patients ("Healthy adult patients undergoing third molar extraction"): they have the condition studied, or
# are about to be treated for one, and "healthy" is their general health. "With no history", "with normal", "with a
# BMI", "with a birth weight" keep them healthy.
_PATIENTS_OF_A_CONDITION = (
    r"(?:with(?!\s+(?:no|normal|an?\s+(?:normal|bmi|body|birth\s*weight|gestational|weight)|bmi|body"
    r"|birth\s*weight|gestational|weight|good|negative|clear|healthy|regular|stable\s+weight)\b)"
    r"|who\s+(?:have|has|had|are\s+(?:diagnosed|infected|scheduled|undergoing|suffering|candidates|awaiting"
    r"|eligible\s+for|referred|(?:sero)?positive|exposed|at\s+(?:high\s+|increased\s+)?risk"
    r"|(?:household\s+|close\s+)?contacts))|"
    r"having|diagnos\w*|suffer\w*|infected|(?:sero)?positive|at\s+(?:high\s+|increased\s+)?risk|undergoing|scheduled|"
    r"requiring|presenting|affected|exposed|born\s+to|of\s+(?:mothers?|wom[ae]n|parents?)\s+(?:with|who)|living\s+with"
    r"|candidates?\s+for|awaiting|eligible\s+for"
    r"|referred\s+(?:for|to)|patients?)\b")
# The same after the healthy people's ages ("Healthy men aged 50-70 years with elevated PSA", "Healthy children aged 2-5
# years undergoing dental treatment", "Healthy women aged 18-45 years who are scheduled for IVF", "Healthy adults 18-64
# years who are household contacts of ..."); not "who have", said
# after the ages of what healthy people have had ("Healthy adults aged 18-64 years who have received 2 doses of an mRNA
# vaccine"), nor "scheduled" without "for" ("aged 18-64 years, scheduled to receive routine vaccination").
_AGES_THEN_CONDITION = (
    r"\s*,?\s*(?:(?:aged?|between)\s+|(?=\d))[^,;()]{0,30}?\b(?:years?|months?|weeks?|days?)"
    r"(?:\s+(?:old|of\s+age|inclusive|(?:or|and)\s+(?:older|above|over|more)))?"
    r"(?=[\s,]+(?:with|who\s+are\s+(?!willing|able)|diagnos\w*|suffer\w*|infected|(?:sero)?positive|undergoing"
    r"|scheduled\s+for|requiring|presenting|affected|exposed|at\s+(?:high\s+|increased\s+)?risk|candidates?\s+for"
    r"|awaiting|eligible\s+for|referred\s+for)\b)")
_HEALTHY_WITH_CONDITION = re.compile(
    rf"(?:{_AGES_THEN_CONDITION})?[\s,]*(?:(?:but|yet)\s+)?(?:{_PATIENTS_OF_A_CONDITION})")
# A form's answer copied into the criteria ("Healthy Volunteers: No", "Accepts Healthy Volunteers: No"): the record's
# own answer, no admission.
_ANSWERED_NO = re.compile(r"\s*[:=\-\u2013]\s*(?:no|none|n/?a|not\s+accepted)\b")
# Words anywhere in the criterion that say the healthy people are not admitted, or that "healthy" has exceptions.
_NOT_HEALTHY = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:eligible|accepted|enrolled|included|allowed|permitted|recruited|applicable)|"
    r"ineligible|excluded|n/a|none|except\w*|other\s+than|apart\s+from|aside\s+from|besides|excluding|otherwise|"
    r"beyond)\b")
# A criterion that says the study takes in a group of healthy controls or volunteers beside its patients, counted or
# matched ("The study will include 45 adult patients complaining of CholU as well as 45 healthy controls", "40
# patients with psoriasis and 40 age- and sex-matched healthy volunteers"): a group of their own, wherever in the
# criterion it is named.
_HEALTHY_GROUP_BESIDE = re.compile(
    r"\b(?:as\s+well\s+as|and|plus|together\s+with|along\s+with)\s+(?:(?:\d+|an?\s+equal\s+number\s+of|the\s+same"
    r"\s+number\s+of)\s+(?:(?:age|sex|gender)[\s-]+(?:(?:and|,)\s*(?:age|sex|gender)[\s-]+)?matched\s+)?"
    r"|(?:(?:age|sex|gender)[\s-]+(?:(?:and|,)\s*(?:age|sex|gender)[\s-]+)?matched\s+))"
    r"(?:healthy|normal)\s+(?:controls?|volunteers?)\b")
# An inclusion heading that names healthy people ("Inclusion Criteria for Healthy Volunteers").
_HEALTHY_HEADING = re.compile(r"(?<!non-)(?<!non )\b(?:healthy|normal)\s+(?:volunteers?|controls?|subjects?|"
                              r"participants?|individuals?|adults?)\b")


def _healthy_admission(piece: str) -> re.Match | None:
    """How the criterion `piece` (lower case) admits healthy people, if it does: it opens with them, with no
    condition after them and no negation or exception; "healthy" alone by the ASA physical status is said of
    surgical patients."""
    mark = LIST_MARK.match(piece).end()
    m = _HEALTHY_ADMITTED.match(piece, mark)
    if m is None or not adjectives_admit(m.group("adjectives"), _NOT_HEALTHY_ADJECTIVES):
        return None
    if m.group("alone") and _ASA_CLASS.search(piece) or _ANSWERED_NO.match(piece, m.end()):
        return None
    if _HEALTHY_WITH_CONDITION.match(piece, m.end()) is not None or _NOT_HEALTHY.search(piece) is not None:
        return None
    return m


# The diseases a criterion may name as the participant's, after a word that says which form of it ("Type 2 diabetes",
# "Chronic hepatitis C", "Stage III-IV ovarian cancer", "Essential hypertension").
_DISEASE_FORM = (r"(?:type\s+(?:1|2|i|ii)|chronic|acute|advanced|metastatic|recurrent|relapsed|refractory|untreated"
                 r"|newly\s+diagnosed|essential|stage\s+[0-4iv]+[a-c]?(?:\s*(?:-|to|or)\s*[0-4iv]+[a-c]?)?)")
_DISEASE = (r"(?:diabetes|hepatitis|cancer|carcinoma|lymphoma|leuka?emia|myeloma|melanoma|sarcoma|glioma|tumou?rs?"
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
    rf"|(?:{_DISEASE_FORM}[\s,-]+){{1,3}}(?:[a-z'-]+\s+){{0,3}}?{_DISEASE}\b")
# The words that may qualify a diagnosis before it ("SCID-based DSM-5 diagnosis of", "A current diagnosis of").
_DIAGNOSIS_QUALIFIER = (r"(?:a|an|current|confirmed|documented|established|clinical|primary|principal|formal|definite"
                        r"|probable|psychiatric|dsm-?[\w.-]*|icd-?[\w.-]*|scid[\w/-]*|mini|[\w-]+-(?:based|confirmed"
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
# A criterion that requires a diagnosis without naming who has it ("Diagnosis of schizophrenia", "SCID-based DSM-5
# diagnosis of schizophrenia", "Confirmed diagnosis of COPD"): every participant has it. Beside it, healthy people
# named as subjects, participants, adults, men or women ("Healthy male and female subjects ... in good health") are
# patients in good general health; healthy volunteers or controls are a group of their own.
# So does a criterion that requires an infection as documented or confirmed ("Documented HIV-1 infection") or by the
# virus's load in the blood ("Screening plasma HIV-1 RNA greater than or equal to 5,000 copies/mL"): only the infected
# have one to measure.
_DIAGNOSIS_REQUIRED = re.compile(
    rf"(?:{_DIAGNOSIS_QUALIFIER}[\s,]+){{0,4}}diagnos(?:is|ed)\s+(?:of|with)\b"
    r"|(?:documented|confirmed|laboratory-confirmed|chronic)\s+(?:[a-z0-9-]+\s+){0,3}?infection\b"
    r"|(?:(?:screening|baseline)\s+)?(?:(?:plasma|serum)\s+)?(?:hiv|hbv|hcv)[\w-]*\s+(?:rna|dna|viral\s+load)\s+"
    r"(?:(?:level\s+)?(?:greater|more|higher|above|at\s+least|of\s+at\s+least)|>|\u2265|>=)")
_A_GROUP_OF_THEIR_OWN = re.compile(r"volunteer|control|normal")
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
# "Healthy" said of each participant ("Participant is a healthy, ambulatory male or female volunteer", "Subjects must
# be healthy volunteers", "Be a healthy adult"): every participant's general health, not a group's label.
_SAID_OF_EACH = re.compile(r"\b(?:is|are|be|being)\s+(?:an?\s+)?$")
# A condition required of each participant, as the participant's or nobody's ("Participant has a history of Seasonal
# Allergic Rhinitis", "Participant has a positive response ... to a skin prick test", "Diagnosis of asthma"); patients
# named as a group ("Patients with asthma") may be a group of their own, and are not read here.
_REQUIRED_OF_EACH = re.compile(
    r"(?:(?:the\s+)?(?:participants?|subjects?|volunteers?|child(?:ren)?|adults?)\s+)?"
    r"(?:(?:has|have|had|must\s+have|should\s+have|having|with)\s+)?"
    rf"(?:{HISTORY_OF_A_CONDITION}|{_POSITIVE_SKIN_TEST}|{_DIAGNOSIS_REQUIRED.pattern}|{_CONDITION_STATED})")


def _condition_required(text: str, lowered: str, section: Section, required: re.Pattern = CONDITION_REQUIRED) -> bool:
    """Whether an inclusion criterion of the section opens by requiring a condition (`required`): then a
    criterion that only says the participant is healthy ("Healthy, as determined by medical history") speaks of a
    patient's general health beside that condition, not of a healthy volunteer."""
    for start, end in criteria_pieces(text, section.start, section.end):
        piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
        if required.match(piece, LIST_MARK.match(piece).end()):
            return True
    return False


def _of_patients(admission: re.Match, text: str, lowered: str, section: Section) -> bool:
    """Whether the healthy people a criterion admits are the section's patients in good general health: "healthy"
    alone beside a criterion that requires a condition, healthy people said of each participant ("Participant is a
    healthy volunteer") beside a condition required of each, or healthy subjects, adults, men or women (not volunteers
    or controls) beside one that requires a diagnosis."""
    if admission.group("alone"):
        return _condition_required(text, lowered, section)
    word = _HEALTHY_WORD.search(admission.group(0))
    said_before = admission.group(0)[:word.start()] if word else ""
    if _SAID_OF_EACH.search(said_before) and _condition_required(text, lowered, section, _REQUIRED_OF_EACH):
        return True
    return _A_GROUP_OF_THEIR_OWN.search(admission.group(0)) is None and _condition_required(
        text, lowered, section, _DIAGNOSIS_REQUIRED)


def admitted_healthy(text: str, lowered: str | None = None, memo: dict | None = None) -> tuple[int, int] | None:
    """Where the inclusion criteria first admit healthy people (a criterion, a group's label or an inclusion
    heading), or None (`lowered`, `memo`: as `admitted_sex` takes them)."""
    lowered = text.lower() if lowered is None else lowered
    if not any(needle in lowered for needle in HEALTHY_NEEDLES):
        return None
    for section in inclusion_sections(text, lowered, memo) or ():
        heading = section_heading(text, section)
        named = _HEALTHY_HEADING.search(heading.lower())
        if named is not None and _NOT_HEALTHY.search(heading.lower()) is None:
            head_start = section.start - len(heading)
            return head_start, section.start
        body_lowered = lowered_part(text, lowered, section.start, section.end)
        places = [section.start + w.start() for w in _HEALTHY_WORD.finditer(body_lowered)]
        at = 0
        for start, end in criteria_pieces(text, section.start, section.end) if places else ():
            while at < len(places) and places[at] < start:
                at += 1
            if at == len(places):
                break
            if places[at] >= end:
                continue
            piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
            admission = _healthy_admission(piece)
            if admission is not None and not _of_patients(admission, text, lowered, section):
                return start, end
            if _HEALTHY_GROUP_BESIDE.search(piece) is not None and _NOT_HEALTHY.search(piece) is None:
                return start, end
            label = next((found for place in places[at:] if place < end
                          and (found := _healthy_label_at(text, lowered, start, place)) is not None), None)
            if label is not None:
                return label
    return None


def _healthy_label_at(text: str, lowered: str, start: int, place: int) -> tuple[int, int] | None:
    """The line at `place`, inside the criterion that starts at `start`, when it is a group's label of its own that
    admits healthy people ("Healthy controls:" right below the patients' last criterion, which runs on into it in a
    list without blank lines); else None."""
    line_start = text.rfind("\n", 0, place) + 1
    if line_start <= start or text[line_start:place].strip(" \t"):
        return None
    label = LABEL_LINE.match(text, line_start)
    if label is None or _healthy_admission(lowered_part(text, lowered, line_start, label.end())) is None:
        return None
    return line_start, label.end()
