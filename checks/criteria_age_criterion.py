"""The participants' age bounds one criterion opens with, or that it states none that can be read as one limit for
everyone: an alternative or qualified limit, another person's age, an age at an event, a test's or a record's age."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import BOUND, UNREAD_UNIT, Bound, bounds_of, spelled, unit_of
from checks.criteria_age_words import first_age_bound

# What joins two bounds of one statement: "≥ 18 and ≤ 65", ">18 years and < 75 years", "≥13 to ≤ 65", "at least
# 18 years old and no older than 65".
_JOIN = re.compile(r"\s*(?:,|and|&|but|to)?\s*(?:(?:years?|yrs?)\s+)?(?:(?:of\s+age|old)\s*)?(?:,?\s*and\s+)?")
# Another age, duration or limit after a criterion's age: "(≥ 18 years in Germany)", "and 12-17 (adolescents)",
# "(fit patients up to age 70 may be considered)"; a duration of a clause about the participants is read apart
# (`_clause_duration`).
_LATER_AGE = re.compile(r"\d\s*-?\s*(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)\b|\d{1,3}\s*(?:-|to)\s*\d"
                        r"|[<>\u2264\u2265]\s*\d|\bage[sd]?\s+(?:of\s+)?\d")
_DIGIT = re.compile(r"\d")


# An alternative limit: another bound after "or" ("≥ 18 years, or ≥ 12 years if ..."), words that make a limit
# hold only somewhere or for some ("the age of majority", "legal age", "in Japan", "unless", "if"), or let others in
# too ("(selected patients up to 70 may be eligible)", "(over 65 considered case by case)"); and an age said of the
# people left out ("Infants under 2 years are excluded", "Children younger than 5 will not be enrolled").
_QUALIFIED = re.compile(
    r"\b(?:majority|legal|legally|local(?:ly)?|countr(?:y|ies)|jurisdictions?|regulat\w*|permitted|where|if|unless|"
    r"except\w*|provided|japan\w*|korea\w*|taiwan\w*|emancipated|guardian\w*|parental|assent|discretion|"
    r"case[\s-]by[\s-]case|selected\s+(?:patients?|subjects?|participants?|cases?|individuals?))\b"
    r"|\b(?:are|is|will\s+be|shall\s+be)\s+(?:not\s+eligible|excluded|ineligible)\b"
    r"|\bwill\s+not\s+be\s+(?:eligible|enrolled|included)\b"
    r"|\bor\b[^.;]{0,40}\d")
# An alternative to the age right after it: "Age: 65 and over OR postmenopausal and ineligible for other studies",
# "aged 60 years or older, or younger with two risk factors", "Age ≥ 75 years, or frail": the age is no limit for
# everyone.
_OR_AFTER = re.compile(r"[\s,]*(?:(?:years?|yrs?)\b\.?\s*)?(?:(?:of\s+age|old)\b\s*)?[,)]?\s*(?:and\s*/\s*)?or\b")
# Words that say the age is another person's or a pregnancy's (anywhere in the criterion): "children aged 6-12 of the
# participants", "parents aged 18 or older", "born at < 32 weeks gestational age", "≥ 35 weeks by first trimester
# ultrasound" (a pregnancy dated by the trimester of its scan), a child the participant has ("Must have a 3-5 year
# old child", "women who have at least one child younger than 18 years of age").
_CHILD = r"(?:child|children|kids?|toddlers?|infants?|grandchild(?:ren)?)"
# A member of the participant's household named after an article, a possessive or "with", or people counted among
# others ("at least one person < 18 years of age" in a household's criteria, "At least one adult aged 18 years or
# older present", "with at least a cohabitant aged between 4 and 16", "one or more household members aged 65 or
# older", "living with a household member aged 65 or older"), with an age right after them: the age is that person's,
# not every participant's. Household contacts that open the criterion ("Household contacts aged 12 or older of a
# case") are the participants. Searched in the text's lower case.
_HOUSEHOLD = (r"(?:cohabitants?|co-residents?|housemates?|roommates?|flatmates?|"
              r"household(?:\s+(?:members?|contacts?))?|members?\s+of\s+(?:the|their|his|her|a|each)\s+household)")
_COUNTED_PERSON = (r"(?:at\s+least\s+(?:one|an?|two|three|\d)|(?:one|two)\s+or\s+more)\s+(?:[a-z0-9'-]+\s+){0,3}?"
                   r"(?:persons?|people|adults?|members?|child(?:ren)?|individuals?|residents?|minors?|occupants?|"
                   rf"inhabitants?|{_HOUSEHOLD})")
_HOUSEHOLD_NAMED = rf"(?:an?|their|his|her|with|has|have|having)\s+(?:[a-z0-9'-]+\s+){{0,2}}?{_HOUSEHOLD}"
OTHER_PERSONS_AGE = re.compile(rf"\b(?:{_COUNTED_PERSON}|{_HOUSEHOLD_NAMED})\s*,?\s+(?:who\s+(?:is|are)\s+)?"
                               r"(?P<age>aged?\b|younger|older|under|over|between|less|more|from|[<>\u2264\u2265]|\d)")
_HAS_CHILD = rf"(?:have|has|having)\s+(?:an?|one|two|three|\d+|at\s+least\s+(?:one|two|\d+))\s+{_CHILD}"
_OTHERS = re.compile(
    r"\b(?:parents?|guardians?|caregivers?|carers?|mothers?|fathers?|partners?|spouses?|siblings?|donors?|"
    r"husbands?|wives|wife|offspring|relatives?|family|families|informants?|companions?|dyads?|recipients?|"
    r"sons?|daughters?|babies|baby|gestation\w*|post-?menstrual|post-?conceptional|corrected|premature\w*|preterm|"
    r"trimester|sonogra\w*|"
    r"index\s+(?:cases?|patients?|child(?:ren)?)|"
    r"born|(?:child|children)\s+of|of\s+(?:the\s+)?(?:participants?|patients?|subjects?|women|mothers?)|"
    rf"{_HAS_CHILD}\s+(?:who\s+(?:is|are)\s+)?(?:younger|older|aged?|under|over|between|less|more|from"
    r"|[<>\u2264\u2265]|\d)|"
    r"(?:have|has|having)\s+(?:an?|one|two|three|\d+|at\s+least\s+(?:one|two|\d+))\s+(?:\S+\s+){0,2}?"
    rf"(?:years?|months?|yrs?)[\s-]+old\s+{_CHILD})")
# A birth or baby at term (37 weeks of gestation or more): an age in weeks beside it is the pregnancy's ("Term infant
# (≥ 37 weeks)", "Full-term newborns (37-42 weeks)", "born at term, 37 to 41 weeks"), while "Term infants aged 0-3
# days" states their age since birth.
_AT_TERM = re.compile(r"\bterm\s+(?:infants?|neonates?|new-?borns?|bab(?:y|ies)|births?|deliver\w*|pregnanc\w*)\b"
                      r"|\bat\s+(?:full\s+)?term\b")
# Words before the age that make it conditional, negated or an age at an event: "For patients ≥ 50 years",
# "diagnosed before age 40", "Age at diagnosis ≤ 18", "who received the vaccine at less than 12 months of age",
# "Not older than" aside (a bound's own words); and the age from which assent is asked ("Written assent will be
# obtained from all minors age 12 years or older"), which admits younger children too.
_OPENING_NOT_THE_LIMIT = re.compile(
    r"\b(?:diagnos\w*|onset|symptoms?|menarche|menopaus\w*|transplant\w*|hsct|surgery|injury|infection|"
    r"presentation|first|since|duration|history|for|if|in|when|whose|among|those|with|no|except|exclud\w*|unless|"
    r"before|after|prior|by|until|received|receiving|vaccinated|immuni[sz]ed|underwent|undergone|began|begun|"
    r"started|developed|experienced|occurred|had(?!\s+to\b)|assent)\b|\bnot\b(?!\s+(?:older|younger|less|more)\b)")
# A test, image, sample or document named before the bound: the age is its own, not the participants' ("MRI available
# (not older than 4 years prior to enrolment)", "Mammogram no older than 12 months", "Tumour biopsy not older than 6
# months", "CT scan less than 28 days old").
_RECORD_BEFORE = re.compile(
    r"\b(?:mri|ct|pet|scans?|imag\w*|x-?rays?|radiograph\w*|mammogra\w*|ultrasound|echo\w*|ecg|ekg|angiogra\w*|"
    r"colonoscop\w*|endoscop\w*|biops\w*|specimens?|samples?|tissue|blocks?|slides?|tests?|results?|reports?|"
    r"documents?|documentation|records?|assessments?|measurements?|films?|labs?|laboratory|values?|data)\b")
# An event after the age: "≤ 18 years at diagnosis", "before 40 years at onset", "18 years of age at diagnosis",
# and up to two words before the event after a word for when ("Less than 50 years of age at the time of migraine
# onset", "at first cluster attack", "when the first lesions appeared"). Those words are none of the study's own
# moments ("at the time of consent", "at the screening visit", "at the time of planned surgery"), nor words that
# join another clause ("at enrolment and with a diagnosis of ..."): an age then is the participants'. After "of"
# the event follows at once ("without a history of spine surgery" names no age's event), as "onset" may follow the
# age itself ("post-pubescent (age 14 or older) onset of paraplegia", "18 years or older onset of psychosis").
_STUDY_MOMENT = (r"(?:screen|consent|enrol|inclu|entry|random|regist|visit|sign|study|trial|baseline|dos|vaccinat|"
                 r"treat|participa|plann|schedul|upcoming|elective|propos|intend|and\b|or\b|with\b|who\b|in\b)")
_EVENT = (r"(?:diagnos|onset|symptom|seizure|attack|episode|relapse|stroke|transplant|hsct|surgery|injury|infection|"
          r"presentation|menarche|menopaus|birth|delivery|conception|began|begun|started|occurred|appeared)")
_AT_EVENT = re.compile(r"[\s)]*-?\s*onset\b|[^.;]{0,20}?(?:\bof\s+(?:the\s+)?(?:initial\s+|first\s+)?"
                       r"|\b(?:at|by|before|after|when|since)\s+(?:the\s+)?(?:time\s+of\s+)?"
                       r"(?:(?:the|their|his|her|initial|first)\s+)?"
                       rf"(?:(?!{_STUDY_MOMENT})[a-z][\w'-]*\s+){{0,2}}?){_EVENT}")
# A calendar date after the age: the age a cohort had on that date, most often when it was recruited years before
# ("Age 30-60 in 1988", "aged 45-64 at baseline in 1987", "ages 40-69 at enrolment in 1993", "aged 65 or older on 1
# January 2020"), while the record's ages may span the ages the cohort reached as it aged: no limit on the
# participants' age at enrolment. Any year is read so: an age on one day is not each participant's age on joining.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# The date follows the age at once, or after its unit and the moment it was taken ("at baseline", "at enrolment"):
# a year further on in the criterion is another thing's ("Age 18-65 years and diagnosed in 2015").
_AT_A_DATE = re.compile(rf"(?:\s*(?:years?|yrs?))?(?:\s+old|\s+of\s+age)?,?(?:\s+at\s+(?:the\s+time\s+of\s+)?"
                        rf"(?:baseline|enrol?l?ment|recruitment|entry|inclusion|study\s+entry|the\s+start))?,?\s+"
                        rf"(?:in|during|on|as\s+of|by)\s+(?:the\s+year\s+|(?:early|mid|late)[\s-]+|{_MONTH}\s+"
                        rf"|\d{{1,2}}(?:st|nd|rd|th)?,?\s+)*(?:1[89]|20)\d\d\b", re.I)
# How far into its criterion the participants' age may begin ("Male or female patients aged ..."), and how long a
# criterion read is (a longer one describes more than the participants' ages).
OPENING_REACH = 60
CRITERION_WIDTH = 240


LIST_MARK = re.compile(r"[\s\-*\u2022\u00b7>]*(?:\(?\d{1,2}[.)]\s*|\(?[a-z][.)]\s+|\(?[ivx]{1,4}[.)]\s+)?[\s\-*]*")
# The participants named, then their age given with "with" ("Subjects with age between 20 to 65 years old
# (inclusive)", "Patients with an age of 18 to 70 years", "Women with ages from 18 to 45 years"): the words after the
# people noun are their age's word, as "aged" is in "Subjects aged between 20 and 65 years". Not "with age-related
# macular degeneration" nor "with aged parents"; the words before the people noun are read as any opening's, so
# another person's age ("Parents of children with age 2-5 years") or an age at an event ("Patients with age at
# diagnosis under 18") is still no limit for everyone.
_PEOPLE_WITH_AGE = re.compile(
    r"(?:(?!with\b)[a-z][\w'-]*\s+){0,3}?(?:patients?|subjects?|participants?|individuals?|persons?|people|volunteers?"
    r"|adults?|children|adolescents?|women|men|males?|females?)\s+(?P<with>with\s+(?:an?\s+)?ages?\b(?:\s+of\b)?)"
    r"(?![\w-])")


def criterion_statement(piece: str) -> tuple[Bound, ...] | None:
    """The participants' age bounds the criterion `piece` opens with; () when it states none; None when it states
    an age that cannot be read as one limit for everyone (qualified, conditional, another person's)."""
    text = spelled(piece)
    if _DIGIT.search(text) is None:
        return ()
    mark = LIST_MARK.match(text).end()
    if text.startswith("(", mark) and BOUND.match(text, mark + 1):
        return None  # a sentence's note in brackets, cut from it at a full stop: "... the booster. (18-59 years) ..."
    with_age = _PEOPLE_WITH_AGE.match(text, mark)
    # "with an age of" is the one word "aged" to how far into the criterion the age may begin
    reach = mark + OPENING_REACH + (len(with_age["with"]) - len("aged") if with_age else 0)
    first = first_age_bound(text, reach)
    if first is None:
        return ()
    opening = _opening(text, mark, first.start(), with_age)
    if (_DIGIT.search(opening) or _OPENING_NOT_THE_LIMIT.search(opening) or _RECORD_BEFORE.search(opening)
            or _OTHERS.search(text) or OTHER_PERSONS_AGE.search(text)):
        return None
    chained = [first]
    while True:  # the bounds written on from the first: "≥ 18 and ≤ 65 years", ">18 years and < 75 years"
        joined = _JOIN.match(text, chained[-1].end())
        following = BOUND.match(text, joined.end())
        if following is None or joined.end() == chained[-1].end():
            break
        chained.append(following)
    end = chained[-1].end()
    if any(not any(unit_of(word) for word in m.groups() if word) and UNREAD_UNIT.match(text, m.end())
           for m in chained):
        return None  # "0-6 m": months or minutes, not said
    if (_QUALIFIED.search(text, end) or _OR_AFTER.match(text, end) or _AT_EVENT.match(text, end)
            or _later_age(text, end) or _AT_A_DATE.match(text, end)):
        return None  # an alternative, a place, an event, a date, or another age or duration further on
    return _chained_bounds(text, chained, end)


def _opening(text: str, mark: int, start: int, with_age: re.Match | None) -> str:
    """The words of the criterion `text` between its list mark and its first age bound at `start`, but for the words
    that give the participants' age with "with" (`with_age`), which say no more than "aged" would."""
    if with_age is None or start < with_age.end():
        return text[mark:start]
    return text[mark:with_age.start("with")] + text[with_age.end():start]


# A clause after the age that says how long a state of the participants has lasted: a duration in brackets after its
# noun ("40 to 65 years of age, with stable marital relationship (6 months)") or after "for" ("who have lived in the
# area for at least 2 years"). Not an age in brackets in years ("with a child (2 years)"), nor a clause that names an
# age or holds another number than a disease's type ("with type 2 diabetes for at least 1 year").
_AGE_TAIL = re.compile(r"\s*(?:(?:years?|yrs?)\b\s*)?(?:(?:of\s+age|old)\b)?")
_CLAUSE_OPENER = re.compile(r"\b(?:with|who|having|has|have|living|married|residing|resident)\b")
_CLAUSE_AGE_OR_NUMBER = re.compile(r"(?<!type )\d|\b(?:age[sd]?|old|older|younger)\b")
_DURATION_IN_BRACKETS = re.compile(r"(?<=[a-z])\s*\(\s*(?:at\s+least\s+|over\s+|more\s+than\s+|[>\u2265]\s*)?\Z")
_DURATION_AFTER_FOR = re.compile(r"\bfor\s+(?:at\s+least\s+|over\s+|more\s+than\s+|longer\s+than\s+|"
                                 r"a\s+minimum\s+of\s+|the\s+(?:past|last)\s+)?\Z")
_DURATION = re.compile(r"\d{1,3}\s*(?:(?P<short>months?|mos?|weeks?|wks?|days?)|years?|yrs?)\b(?P<close>\s*\))?")


def _later_age(text: str, end: int) -> bool:
    """Whether another age, duration or limit follows the criterion's age at `end` (`_LATER_AGE`), other than a
    duration of a clause about the participants (`_clause_duration`)."""
    return any(not _clause_duration(text, end, m.start()) for m in _LATER_AGE.finditer(text, end))


def _clause_duration(text: str, end: int, at: int) -> bool:
    """Whether the number at `at` is how long a state a clause after the age names has lasted: the clause opens
    after the age with no number or age word before the duration, which stands in brackets after a word (months,
    weeks or days) or after "for"."""
    while at > end and text[at - 1].isdigit():  # a number of two digits or three is found at its last digit
        at -= 1
    between = text[_AGE_TAIL.match(text, end).end():at]
    duration = _DURATION.match(text, at)
    if duration is None or not _CLAUSE_OPENER.search(between) or _CLAUSE_AGE_OR_NUMBER.search(between):
        return False
    if _DURATION_AFTER_FOR.search(between):
        return True
    return bool(duration["short"] and duration["close"] and _DURATION_IN_BRACKETS.search(between))


def _chained_bounds(text: str, chained: list[re.Match], end: int) -> tuple[Bound, ...] | None:
    """The bounds of the forms `chained` that end at `end` in the criterion `text`, or None where they are no one
    limit: two limits of one side, a range that ends before it starts ("18-5 years"), weeks of gestation."""
    bounds: list[Bound] = []
    for i, m in enumerate(chained):
        following_unit = next((unit_of(w) for later in chained[i + 1:] for w in later.groups() if unit_of(w)), None)
        bounds.extend(bounds_of(m, following_unit))
    if _INCLUSIVE.search(text, end):  # "between 18 and 65 years, inclusive": both ends are in
        bounds = [b._replace(kind=_INCLUSIVE_KIND[b.side]) if b.kind == "between" else b for b in bounds]
    if _AT_TERM.search(text) and any(b.age.unit == "week" for b in bounds):
        return None
    sides = {b.side: b.age for b in bounds}
    if len(sides) != len(bounds) or (len(sides) == 2 and sides["lower"].days > sides["upper"].days):
        return None
    return tuple(bounds)


# A range said to hold its ends after it: "between 18 and 65 years, inclusive", "(both inclusive)", "inclusively".
_INCLUSIVE = re.compile(r"\binclusive")
# What each end of "between 18 and 65" is when the criterion says its ends are in: that of "18 to 65".
_INCLUSIVE_KIND = {"lower": "inclusive", "upper": "range"}
