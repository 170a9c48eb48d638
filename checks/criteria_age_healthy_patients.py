"""The one age an inclusion statement gives as one group's among several named in the criteria: healthy volunteers'
beside patients or beside people of another time of life, or patients' beside controls."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import Statement

# A statement's criterion that opens by naming healthy volunteers or controls, after up to three words that qualify
# them ("Healthy volunteers: People age 18 or older", "Healthy Normal Volunteers between the ages of 18 and 80 years",
# "Right handed normal volunteers (18-65 years old)"), and another criterion whose first words name patients
# ("Patients with neurological disorders ... OR", "Certain Chronic Pain Patients"), not a sentence about them
# ("Patients will be eligible if ..."), or the statement's own criterion naming people with a condition after the age
# ("Healthy males and females between 20-100 years old and volunteers with AD"): the age is the healthy people's,
# and the patients' is not given. Searched in the text's lower case.
_HEALTHY_PEOPLE = (r"(?:healthy|normal)(?:\s+(?:normal|adult|healthy|elderly|older|young|male|female))*\s+"
                   r"(?:volunteers?|controls?|subjects|males?|females?|men|women|adults|individuals|people)\b")
# A word that may qualify healthy people before they are named ("right handed", "age-matched"), not one that says
# patients are otherwise healthy ("Otherwise healthy adults with asthma", "Patients who are generally healthy"), nor
# a word that joins them to something else ("Blood pressure under normal control").
_QUALIFIER = (r"(?:(?!(?:patients?|otherwise|generally|medically|must|be|are|is|who|in|under|with|within|without|of|"
              r"on|at|by|for|to|and|or|not?|a|the)\b)[a-z'-]+[ \t]+)")
_HEALTHY_GROUP_AGE = re.compile(rf"[-*\u2022\s]*{_QUALIFIER}{{0,3}}?{_HEALTHY_PEOPLE}")
_DIGIT = re.compile(r"\d")
_PATIENTS_AFTER = re.compile(r"\band\s+(?:[a-z'-]+\s+){0,2}?(?:patients|(?:volunteers|subjects|participants|"
                             r"individuals|people|persons)\s+with)\b")
# ("Alzheimer's disease (AD) patients who met the criteria" names them too.)
_PATIENTS_CRITERION = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:[a-z'-]+|\([a-z0-9-]+\))[ \t]+){0,3}"
                                 r"patients\b(?!\s+(?:will|must|should|may|are|is|shall|can|need)\b)", re.M)


def healthy_beside_patients(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's criterion names healthy volunteers or controls while another inclusion criterion of
    lowered[start:end] names patients, or the statement names them after the healthy ones (`_HEALTHY_GROUP_AGE`,
    `_PATIENTS_CRITERION`, `_PATIENTS_AFTER`)."""
    healthy = _HEALTHY_GROUP_AGE.match(lowered, statement.start, statement.end)
    if healthy is None:
        return False
    line_end = lowered.find("\n", healthy.end(), end)
    age = _DIGIT.search(lowered, healthy.end(), statement.end)
    return (age is not None and _PATIENTS_AFTER.search(lowered, age.start(), statement.end) is not None
            or _PATIENTS_CRITERION.search(lowered, start, statement.start) is not None
            or line_end >= 0 and _PATIENTS_CRITERION.search(lowered, line_end, end) is not None)


# People named by their time of life, at a criterion's start after up to three words that qualify them ("Cognitively
# normal elderly who ...", "Healthy older adults", "Young volunteers"): a class word that is a group on its own
# ("elderly", "seniors", "children"), or one that qualifies people ("older adults", "young controls"). Not "Older than
# 60 years", nor a sentence about them ("Elderly subjects must be ambulatory").
_PEOPLE = (r"(?:adults?|people|persons?|individuals?|subjects?|participants?|volunteers?|controls?|men|women|males?|"
           r"females?)")
_OLD = rf"(?:old|older|aged|middle[ -]aged|elderly)[ \t]+{_PEOPLE}\b|(?:elderly|seniors?)\b(?![ \t]+{_PEOPLE}\b)"
_YOUNG = (rf"(?:young|younger|adolescent)[ \t]+{_PEOPLE}\b"
          rf"|(?:youths?|adolescents?|child(?:ren)?|infants?|teen(?:ager)?s?)\b(?![ \t]+{_PEOPLE}\b)")
_AGE_CLASS_CRITERION = re.compile(rf"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*|\(?\d{{1,2}}[.)][ \t]*)?{_QUALIFIER}{{0,3}}?"
                                  rf"(?:(?P<old>{_OLD})|(?P<young>{_YOUNG}))"
                                  r"(?!\s+(?:will|must|should|may|are|is|shall|can|need)\b)", re.M)
_AGE_CLASS_WORDS = {"old": re.compile(r"\b(?:elderly|old|older|aged|senior)\b"),
                    "young": re.compile(r"\b(?:young|younger|youths?|adolescents?|child(?:ren)?|infants?)\b")}


def healthy_beside_another_age(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's criterion opens by naming healthy volunteers or controls while another inclusion
    criterion of lowered[start:end] opens by naming people of a time of life the healthy ones' words do not
    (`_AGE_CLASS_CRITERION`): "Healthy young controls who are 20 - 30 years old" beside "Cognitively normal elderly".
    The age is one group's; the other's is not given."""
    healthy = _HEALTHY_GROUP_AGE.match(lowered, statement.start, statement.end)
    if healthy is None:
        return False
    line_end = lowered.find("\n", healthy.end(), end)
    others = list(_AGE_CLASS_CRITERION.finditer(lowered, start, statement.start))
    if line_end >= 0:
        others += _AGE_CLASS_CRITERION.finditer(lowered, line_end, end)
    return any(_AGE_CLASS_WORDS[m.lastgroup].search(healthy.group()) is None for m in others)


# The converse: a statement's criterion that names patients or a diagnosis and no healthy people ("Patients will
# include girls and women ages 5-50 yr with the diagnosis of Turner syndrome"), and another criterion whose first
# words name a control group or healthy people ("Control subjects must be within +/- 2SD for height", "Age-matched
# control participants", "Healthy adults matched for sex") or relatives who may take part ("Biological parents of TS
# subjects may be included in this study"), or that names healthy or normal volunteers or controls anywhere ("Three
# subjects who are normal volunteers below age 40 ... will be recruited"): the age is the patients', and the others'
# is not given.
# Searched in the text's lower case; a line's first words only but for volunteers, as "under control" ends many a
# criterion.
_PATIENTS_NAMED = re.compile(r"\b(?:patients?|cases|diagnos\w*)\b")
_CONTROL_GROUP = (r"(?:[a-z'-]+[ \t]+){0,2}?(?:control[ \t]+(?:subjects|participants|volunteers|group|individuals|"
                  r"children|adults)|controls)\b")
_OTHERS_WHO_MAY_JOIN = (r"(?:[a-z'-]+[ \t]+)?(?:parents?|siblings?|relatives?|family[ \t]+members?|spouses?|partners?|"
                        r"twins?)\b[^.;]{0,100}?\b(?:may|can|will)[ \t]+(?:also[ \t]+)?be[ \t]+"
                        r"(?:included|enrolled|studied|recruited)\b")
_CONTROLS_CRITERION = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*|\(?\d{1,2}[.)][ \t]*)?"
                                 rf"(?:{_QUALIFIER}{{0,3}}?{_HEALTHY_PEOPLE}|{_CONTROL_GROUP}"
                                 rf"|{_OTHERS_WHO_MAY_JOIN})")
_HEALTHY_VOLUNTEERS = re.compile(r"(?<!otherwise\s)(?<!generally\s)\b(?:healthy|normal)(?:\s+[a-z-]+){0,2}?\s+"
                                 r"(?:volunteers?|controls)\b")
_HEALTHY_OR_CONTROLS = re.compile(rf"{_HEALTHY_PEOPLE}|\bcontrols?\b")


def patients_beside_controls(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's criterion names patients and no healthy people or controls while another inclusion
    criterion of lowered[start:end] opens by naming controls, healthy people or relatives who may take part, or names
    healthy volunteers (`_PATIENTS_NAMED`, `_CONTROLS_CRITERION`, `_HEALTHY_VOLUNTEERS`)."""
    if (_PATIENTS_NAMED.search(lowered, statement.start, statement.end) is None
            or _HEALTHY_OR_CONTROLS.search(lowered, statement.start, statement.end) is not None):
        return False
    return any(pattern.search(lowered, start, statement.start) is not None
               or pattern.search(lowered, statement.end, end) is not None
               for pattern in (_CONTROLS_CRITERION, _HEALTHY_VOLUNTEERS))
