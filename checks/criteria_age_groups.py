"""Inclusion criteria of several groups, or of one group their heading names, ages elsewhere in the criteria for
some places or some people, and an age among a list's options: the one age a criterion states is then not
everyone's."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import Statement
from checks.criteria_group_labels import GROUP_LABEL, LABEL_WIDTH

# A line of one to three words that only names what the criteria below it are for ("PATIENT:", "DONOR:", "Healthy
# volunteers:"); a lead-in sentence ("Participants must meet all of the following:") is no such label.
LABEL_LINE = re.compile(r"^[ \t]*[-*\u2022]?[ \t]*[A-Za-z][A-Za-z&/-]*(?:[ \t]+[A-Za-z&/-]+){0,2}[ \t]*:[ \t]*$", re.M)


# Groups, cohorts or parts with their own criteria: their ages are theirs, not everyone's. A group's letter is no
# short English word: "willing to take part in the study", "in all parts of the study", "either arm of the trial"
# name no group; nor is the age an age group spans a group's number ("Age group 20-45 years", "age group 18 years
# and above": the age of everyone). (Searched in the text's lower case, which is faster than a search that ignores
# case.)
_SHORT_WORDS = r"(?:of|in|on|to|at|by|as|is|or|if|so|be|up|an|no|we|it|me|my|us|he|do)\b"
_AGE_GROUP_SPAN = (r"(?<=\bage )group\s+\d{1,3}\s*(?:(?:-|\u2013|to)\s*\d|(?:years?|yrs?|months?|weeks?|"
                   r"days?)\b)")
GROUP_WORDS = re.compile(rf"\b(?!{_AGE_GROUP_SPAN})(?:cohorts?|parts?|arms?|groups?|strat(?:um|a)|sub-?stud(?:y|ies)|"
                          r"panels?|segments?|modules?)\s+"
                          rf"(?:(?!{_SHORT_WORDS})[a-z]{{1,2}}|\d{{1,2}}[a-z]?|[ivx]{{1,4}})\b"
                          r"|\bcohort\b")

# An inclusion heading that names the group its criteria are for ("Inclusion Criteria for Cohort 1", "Pediatric
# Inclusion Criteria", "Healthy Volunteer Inclusion Criteria").
GROUP_HEADING = re.compile(r"cohort|part|arm\b|group|healthy|volunteer|patient|adult|p(?:a)?ediatric|child|"
                            r"adolescent|infant|donor|caregiver|parent|stage|phase|period|module|sub-?study", re.I)


# A line of at most LABEL_WIDTH characters that is a group's label (criteria_group_labels' GROUP_LABEL, the whole line),
# found in one search over the text rather than line by line.
GROUP_LABEL_LINE = re.compile(rf"^(?=[^\n]{{0,{LABEL_WIDTH}}}$)(?:{GROUP_LABEL.pattern})$", re.M)


# A list item's mark at the start of a line ("* ", "- ", "1. "): a group's label is a line of its own, not an item.
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+|\(?\d{1,2}[.)][ \t]*)")


def for_groups(text: str, lowered: str, start: int, end: int, statement: Statement | None = None) -> bool:
    """Whether the inclusion criteria text[start:end] are those of several groups, or of one group its heading
    names: a cohort's or a part's label, a line that only names whom the criteria below it are for (`lowered`:
    the text's lower case). The statement's own list item that names the participants with their ages in brackets
    ("* Adults (18 years or older)") is no label, unless a colon ends it as a label's does."""
    body = text[start:end]
    heading = text[text.rfind("\n", 0, start) + 1:start]
    return bool(LABEL_LINE.search(body) or GROUP_HEADING.search(heading)
                or GROUP_WORDS.search(lowered[start:end])
                or any(not _the_statement_item(body, m, start, statement) for m in GROUP_LABEL_LINE.finditer(body)))


def _the_statement_item(body: str, m: re.Match, start: int, statement: Statement | None) -> bool:
    """Whether the label-like line `m` of `body` (the text from `start` on) is the statement's own list item."""
    return (statement is not None and start + m.start() <= statement.start < start + m.end() + 1
            and _ITEM_MARK.match(m.group()) is not None and not m.group().rstrip().endswith((":", "\uff1a")))


# The participants' babies or children as participants too, which the statement's own line may name beside the
# age ("Women aged 18 or older and their infants").
_THEIR_CHILDREN = (
    r"\b(?:their|her)\s+(?:new-?born\s+)?(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\b"
    r"|\b(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\s+(?:born\s+to|of)\s+(?:the\s+)?"
    r"(?:enrolled|participating|included|consenting|eligible|study|these|those)\b")
_CHILDREN_TOO = re.compile(_THEIR_CHILDREN)

# Elsewhere in the inclusion criteria, what makes the one age read no limit for everyone: an age for some countries
# or by law ("* For Japan: ≥ 20 years", "; ≥ 20 years in Taiwan", "or the age of majority"), or the ages of some
# people written without an age word ("Adolescents 12 to 17 years may be enrolled after ...", "(Patients who are 16
# or 17 years of age may be enrolled in the US)", "Adult men with a history of ADHD between 18 and 30 years"), not
# how long they have had a disease ("Adults with diabetes for 1 to 10 years"), or the participants' babies or
# children as participants too ("* Their newborn infants", "* Infants born to enrolled mothers"). Searched in the
# text's lower case. So is a lower or other age some may have ("Patients living in USA, Australia and Brazil can be at
# least 12 years old", "Adolescents may also be enrolled from 12 years of age", "On rare occasions we may study
# children as young as 10 years"), and a parent or caregiver held to a criterion beside the participant, as one of
# the study's people ("The adolescent and mother must be able to provide informed consent", "Children and their
# parents must speak English", "A mother and father willing to participate").
_AGE_ELSEWHERE = re.compile(
    r"\b(?:japan\w*|korea\w*|taiwan\w*|age\s+of\s+(?:majority|consent)|legal(?:ly)?\s+(?:age|adults?|of\s+age))\b"
    r"|\b(?:adolescents?|teen\w*|children|child|minors?|p(?:a)?ediatric|infants?|adults?|elderly|patients?|"
    r"participants?|subjects?|volunteers?|men|women|males?|females?|individuals?|persons?|people|those)\b"
    r"(?:(?!\b(?:for|since|duration|within|past|last|diagnos\w*)\b)[^.;:\n]){0,40}?"
    r"\b\d{1,3}\s*(?:-|to|or|and)\s*\d{1,3}\s*(?:years?|yrs?)\b"
    r"|\b(?:can|may)\s+(?:also\s+)?be\s+(?:enrolled\s+|included\s+)?(?:at\s+least|aged?|from|over|older\s+than|"
    r"under|younger\s+than)?\s*(?:the\s+age\s+of\s+)?\d{1,3}\s*-?\s*(?:years?|yrs?)\b|\bas\s+(?:young|old)\s+as\s+\d"
    r"|\b(?:adolescents?|child(?:ren)?|youths?|teens?|subjects?|participants?|patients?)\s+and\s+(?:(?:his|her|their|"
    r"the)\s+)?(?:mothers?|fathers?|parents?|caregivers?|carers?)\s+(?:must|will|should)\b"
    r"|\b(?:mothers?|fathers?|parents?|caregivers?|carers?)\b[^.;:\n]{0,30}?\b(?:(?:is|are|must\s+be)\s+)?"
    r"willing\s+to\s+(?:participate|take\s+part)\b"
    r"|" + _THEIR_CHILDREN)


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


def _healthy_beside_patients(lowered: str, statement: Statement, start: int, end: int) -> bool:
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


def _healthy_beside_another_age(lowered: str, statement: Statement, start: int, end: int) -> bool:
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


def _patients_beside_controls(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's criterion names patients and no healthy people or controls while another inclusion
    criterion of lowered[start:end] opens by naming controls, healthy people or relatives who may take part, or names
    healthy volunteers (`_PATIENTS_NAMED`, `_CONTROLS_CRITERION`, `_HEALTHY_VOLUNTEERS`)."""
    if (_PATIENTS_NAMED.search(lowered, statement.start, statement.end) is None
            or _HEALTHY_OR_CONTROLS.search(lowered, statement.start, statement.end) is not None):
        return False
    return any(pattern.search(lowered, start, statement.start) is not None
               or pattern.search(lowered, statement.end, end) is not None
               for pattern in (_CONTROLS_CRITERION, _HEALTHY_VOLUNTEERS))


# A lead-in that offers its items as options, some of which each participant meets: "Patients with at least 3 risk
# factors for postoperative lung edema", "At least two of the following:", "One or more of the following risk
# factors", "Any one of the following". An age among its items is one option, not a limit ("- age > 60 yrs").
# "All 3 of the following" offers none. Searched in the text's lower case.
_COUNT = r"(?:\d|one|two|three|four|five)"
_OPTIONS_LEAD = re.compile(
    rf"(?<!all\s)(?:\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of)\s+|\u2265\s*|\b){_COUNT}\s+(?:or\s+more\s+)?"
    r"(?:of\s+the\s+following|(?:[a-z-]+\s+){0,2}?(?:risk\s+factors?|criteria|features|characteristics|conditions))\b"
    r"|\b(?:any|either)\s+(?:one\s+)?of\s+the\s+following\b")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def among_options(lowered: str, statement: Statement, start: int) -> bool:
    """Whether the statement is an item of a list whose lead-in (the line above it with less indentation, or without
    a list mark above a marked item, from lowered[start:] on) offers its items as options (`_OPTIONS_LEAD`)."""
    line_start = max(start, lowered.rfind("\n", start, statement.start) + 1)
    line_end = lowered.find("\n", statement.start)
    item = lowered[line_start:line_end if line_end >= 0 else len(lowered)]
    marked = _LIST_ITEM.match(item) is not None
    at = line_start - 1  # the line break before the line read next, upwards
    while at > start:
        above = max(start, lowered.rfind("\n", start, at) + 1)
        line, at = lowered[above:at], above - 1
        if not line.strip() or _indent(line) > _indent(item):
            continue  # a blank line, or a wrapped line of an item above
        if _indent(line) < _indent(item) or marked and _LIST_ITEM.match(line) is None:
            return _OPTIONS_LEAD.search(line) is not None
    return False


# The statement's own criterion offering its age as the alternative to adults of any age ("are adults (or children
# 18-21 years old)", "Adults or adolescents 16-17 years"): the range is one option's. Searched in the text's lower case.
_ADULTS_OR_AGED = re.compile(r"\badults?[ \t]*\(?[ \t]*or[ \t]+(?:[a-z'-]+[ \t]+){0,2}?"
                             r"\d{1,3}[ \t]*(?:-|to)[ \t]*\d{1,3}")


def age_elsewhere(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the inclusion criteria lowered[start:end] state, beside the statement, an age for some places or by
    law, or some people's ages (`_AGE_ELSEWHERE`), or the statement names the participants' babies or children
    beside them (`_THEIR_CHILDREN`) or its age as the alternative to adults (`_ADULTS_OR_AGED`), or is healthy
    volunteers' beside patients (`_healthy_beside_patients`) or beside people of another time of life
    (`_healthy_beside_another_age`), or patients' beside controls (`_patients_beside_controls`), or is one of a list
    of options (`among_options`): the statement's age is then not everyone's."""
    return (_AGE_ELSEWHERE.search(lowered, start, statement.start) is not None
            or _AGE_ELSEWHERE.search(lowered, statement.end, end) is not None
            or _CHILDREN_TOO.search(lowered, statement.start, statement.end) is not None
            or _ADULTS_OR_AGED.search(lowered, statement.start, statement.end) is not None
            or _healthy_beside_patients(lowered, statement, start, end)
            or _healthy_beside_another_age(lowered, statement, start, end)
            or _patients_beside_controls(lowered, statement, start, end)
            or among_options(lowered, statement, start))
