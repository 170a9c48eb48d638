"""How a criterion admits healthy people: it opens with them, with no condition after them and no negation or
exception; or it counts a group of healthy controls beside its patients; or a heading names them."""
from __future__ import annotations

import re

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_sex_named import ADJECTIVES, SUBJECT, adjectives_admit

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
# arthroplasty", "Healthy subjects awaiting elective surgery", "Generally healthy, postmenopausal women who seek
# treatment for hot flashes", "Healthy men ... who are seropositive for HSV-2",
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
    r"|(?:household\s+|close\s+)?contacts|seeking\s+(?:treatment|care)\s+for)|seeks?\s+(?:treatment|care)\s+for)|"
    r"having|diagnos\w*|suffer\w*|infected|(?:sero)?positive|at\s+(?:high\s+|increased\s+)?risk|undergoing|scheduled|"
    r"requiring|presenting|affected|exposed|born\s+to|of\s+(?:mothers?|wom[ae]n|parents?)\s+(?:with|who)|living\s+with"
    r"|candidates?\s+for|awaiting|eligible\s+for"
    r"|referred\s+(?:for|to)|seeking\s+(?:treatment|care)\s+for|patients?)\b")
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
NOT_HEALTHY = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:eligible|accepted|enrolled|included|allowed|permitted|recruited|applicable)|"
    r"ineligible|excluded|n/a|none|except\w*|other\s+than|apart\s+from|aside\s+from|besides|excluding|otherwise|"
    r"beyond)\b")
# A criterion that says the study takes in a group of healthy controls or volunteers beside its patients, counted or
# matched ("The study will include 45 adult patients complaining of CholU as well as 45 healthy controls", "40
# patients with psoriasis and 40 age- and sex-matched healthy volunteers"): a group of their own, wherever in the
# criterion it is named.
HEALTHY_GROUP_BESIDE = re.compile(
    r"\b(?:as\s+well\s+as|and|plus|together\s+with|along\s+with)\s+(?:(?:\d+|an?\s+equal\s+number\s+of|the\s+same"
    r"\s+number\s+of)\s+(?:(?:age|sex|gender)[\s-]+(?:(?:and|,)\s*(?:age|sex|gender)[\s-]+)?matched\s+)?"
    r"|(?:(?:age|sex|gender)[\s-]+(?:(?:and|,)\s*(?:age|sex|gender)[\s-]+)?matched\s+))"
    r"(?:healthy|normal)\s+(?:controls?|volunteers?)\b")
# An inclusion heading that names healthy people ("Inclusion Criteria for Healthy Volunteers").
HEALTHY_HEADING = re.compile(r"(?<!non-)(?<!non )\b(?:healthy|normal)\s+(?:volunteers?|controls?|subjects?|"
                              r"participants?|individuals?|adults?)\b")


def healthy_admission(piece: str) -> re.Match | None:
    """How the criterion `piece` (lower case) admits healthy people, if it does: it opens with them, with no
    condition after them and no negation or exception; "healthy" alone by the ASA physical status is said of
    surgical patients."""
    mark = LIST_MARK.match(piece).end()
    m = _HEALTHY_ADMITTED.match(piece, mark)
    if m is None or not adjectives_admit(m.group("adjectives"), _NOT_HEALTHY_ADJECTIVES):
        return None
    if m.group("alone") and _ASA_CLASS.search(piece) or _ANSWERED_NO.match(piece, m.end()):
        return None
    if _HEALTHY_WITH_CONDITION.match(piece, m.end()) is not None or NOT_HEALTHY.search(piece) is not None:
        return None
    return m
