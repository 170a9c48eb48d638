"""Inclusion criteria of several groups, or of one group their heading names, ages elsewhere in the criteria for
some places or some people, and an age among a list's options: the one age a criterion states is then not
everyone's."""
from __future__ import annotations

import re

from checks.criteria_age_alternative_ways import among_life_stage_groups, rules_out_another_item
from checks.criteria_age_bounds import BOUND, Bound, Statement, bounds_of, spelled
from checks.criteria_age_criterion import OTHER_PERSONS_AGE
from checks.criteria_age_healthy_patients import (healthy_beside_another_age, healthy_beside_patients,
                                                  patients_beside_controls)
from checks.criteria_age_options import (ADULTS_OR_AGED, among_alternatives_above, among_groups_eligible, among_options,
                                         in_inline_exclusions)
from checks.criteria_group_labels import GROUP_LABEL, LABEL_WIDTH

# A line of one to three words that only names what the criteria below it are for ("PATIENT:", "DONOR:", "Healthy
# volunteers:"); a lead-in sentence ("Participants must meet all of the following:") is no such label.
LABEL_LINE = re.compile(r"^[ \t]*[-*\u2022]?[ \t]*[A-Za-z][A-Za-z&/-]*(?:[ \t]+[A-Za-z&/-]+){0,2}[ \t]*:[ \t]*$", re.M)


# A line that only names a sub-study, an ancillary or an extension study the criteria below it are for, however many
# words name it ("For COVID-19 sub study:", "Optional PK Sub-Study:", "For the genetic substudy only:", "Extension
# study:"): that study's criteria, its people's ages theirs. A lead-in sentence ("To take part in this study, subjects
# must:") names none.
SUBSTUDY_LABEL_LINE = re.compile(
    r"^[ \t]*[-*\u2022]?[ \t]*(?:(?:criteria[ \t]+)?for[ \t]+)?(?:the[ \t]+|an?[ \t]+)?(?:[\w()/&'-]+[ \t]+){0,4}?"
    r"(?:sub[ \t-]?stud(?:y|ies)|(?:ancillary|extension|companion)[ \t]+stud(?:y|ies))"
    r"(?:[ \t]+(?:only|participants|subjects|patients|cohort|criteria))?[ \t]*:[ \t]*$", re.I | re.M)


# Groups, cohorts or parts with their own criteria: their ages are theirs, not everyone's. A group's letter is no
# short English word: "willing to take part in the study", "in all parts of the study", "either arm of the trial"
# name no group; nor is the age an age group spans a group's number ("Age group 20-45 years", "age group 18 years
# and above": the age of everyone). (Searched in the text's lower case, which is faster than a search that ignores
# case.)
_SHORT_WORDS = r"(?:of|in|on|to|at|by|as|is|or|if|so|be|up|an|no|we|it|me|my|us|he|do)\b"
_AGE_GROUP_SPAN = (r"(?<=\bage )group\s+\d{1,3}\s*(?:(?:-|\u2013|to)\s*\d|(?:years?|yrs?|months?|weeks?|"
                   r"days?)\b)")
GROUP_WORDS = re.compile(rf"\b(?!{_AGE_GROUP_SPAN})(?:cohorts?|parts?|arms?|groups?|strat(?:um|a)"
                          r"|sub[\s-]?stud(?:y|ies)|panels?|segments?|modules?)\s+"
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
    names: a cohort's or a part's label, a line that only names whom or what sub-study the criteria below it are for
    (`lowered`: the text's lower case). The statement's own list item that names the participants with their ages
    in brackets ("* Adults (18 years or older)") is no label, unless a colon ends it as a label's does."""
    body = text[start:end]
    heading = text[text.rfind("\n", 0, start) + 1:start]
    if (LABEL_LINE.search(body) or SUBSTUDY_LABEL_LINE.search(body) or GROUP_HEADING.search(heading)
            or GROUP_WORDS.search(lowered[start:end]) or len(prose_groups(lowered, start, end)) > 1):
        return True
    labels = [m for m in GROUP_LABEL_LINE.finditer(body) if not _the_statement_item(body, m, start, statement)]
    return bool(labels) and not (len(labels) == 1 and _one_sex_criterion(body, labels[0]))


# A sentence that opens by naming whom it admits and says when they are ("Health system participants will be eligible
# if they are employed ...", "Patient participants will be eligible if ...", "Caregivers are eligible if ...",
# "Healthy volunteers will be included if"): two such sentences for people named otherwise are two groups' criteria.
# Searched in the text's lower case.
_PROSE_GROUP = re.compile(
    r"(?:(?<![^\n])|(?<=[.;:][ \t]))[ \t]*(?:[-*\u2022][ \t]*|\(?\d{1,2}[.)][ \t]*)?(?P<who>(?:[a-z'-]+[ \t]+){0,3}?"
    r"(?:participants?|patients?|subjects?|individuals?|persons?|people|volunteers?|adults?|children|adolescents?|"
    r"caregivers?|carers?|parents?|providers?|clinicians?|physicians?|nurses?|staff|students?|teachers?|"
    r"employees?|workers?|members?|controls?|cases|women|men|dyads?))[ \t]+"
    r"(?:will|shall|must|may|can|would)?[ \t]*(?:be|are|is)[ \t]+(?:(?:considered|deemed)[ \t]+)?"
    r"(?:eligible|included|enrolled|recruited)[ \t]+(?:if|when|for|provided)\b")
# Words that name no group of their own: "Patients", "Participants" and "Subjects" are everyone.
_ANY_PARTICIPANT = {"participant", "patient", "subject", "individual", "person", "people", "the", "all", "study",
                    "eligible", "potential"}


def prose_groups(lowered: str, start: int, end: int) -> set[str]:
    """The people the sentences of lowered[start:end] that open with whom they admit name (`_PROSE_GROUP`), each
    as its words but for those that name any participant (an empty string for them)."""
    groups = set()
    for m in _PROSE_GROUP.finditer(lowered, start, end):
        words = (word[:-1] if word.endswith("s") and word != "people" else word for word in m["who"].split())
        groups.add(" ".join(word for word in words if word not in _ANY_PARTICIPANT))
    return groups


def _the_statement_item(body: str, m: re.Match, start: int, statement: Statement | None) -> bool:
    """Whether the label-like line `m` of `body` (the text from `start` on) is the statement's own list item."""
    return (statement is not None and start + m.start() <= statement.start < start + m.end() + 1
            and _ITEM_MARK.match(m.group()) is not None and not m.group().rstrip().endswith((":", "\uff1a")))


# A list item that names one sex alone ("* Men", "* Male patient", "* Females only"): among the list's other items
# it is a criterion every participant meets, not the label of a group's own list ("* Females:", or one whose items
# stand further in below it).
_ONE_SEX_ITEM = re.compile(r"([ \t]*)([-*\u2022])[ \t]*(?i:males?|females?|men|women|boys|girls)"
                           r"(?:[ \t]+(?i:participants?|subjects?|patients?|volunteers?|only))?[ \t]*\.?[ \t]*")
_NEXT_ITEM = re.compile(r"\n(?:[ \t]*\n)*([ \t]*)([-*\u2022])[ \t]")


def _one_sex_criterion(body: str, m: re.Match) -> bool:
    """Whether the label-like line `m` of `body` names one sex as one of its list's items: a bulleted line with no
    colon whose next line is an item of the same bullet, as far in."""
    item = _ONE_SEX_ITEM.fullmatch(m.group())
    following = _NEXT_ITEM.match(body, m.end())
    return item is not None and following is not None and following.groups() == item.groups()


# The participants' babies or children as participants too, which the statement's own line may name beside the
# age ("Women aged 18 or older and their infants").
_THEIR_CHILDREN = (
    r"\b(?:their|her)\s+(?:new-?born\s+)?(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\b"
    r"|\b(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\s+(?:born\s+to|of)\s+(?:the\s+)?"
    r"(?:enrolled|participating|included|consenting|eligible|study|these|those)\b")
_CHILDREN_TOO = re.compile(_THEIR_CHILDREN)

# A named group's own age range, said in a sentence of its own, wrapped or not ("For Alzheimer's Disease patients, the
# age range is going to be 18 to 70 years", "For the control group the age limit is 50 to 80"): not everyone's, as
# "For all patients, the age range is ..." would be. Searched in the text's lower case.
_GROUPS_OWN_RANGE = (
    r"\bfor\s+(?!(?:all|every|each|any|both)\b)(?:[a-z0-9'\u2019-]+,?\s+){0,5}?"
    r"(?:patients?|subjects?|participants?|volunteers?|controls?|groups?|cohorts?|arms?|children|adults?|"
    r"adolescents?|women|men|individuals?|cases)(?:\s+(?:with|who\s+have|having)(?:\s+[a-z0-9'\u2019-]+){1,5}?)?"
    r"\s*,?\s+(?:the\s+)?(?:age\s+(?:range|limits?|criteri(?:on|a)|requirements?)|ages?)\s+"
    r"(?:is|are|will\s+be|(?:is|are)\s+going\s+to\s+be|should\s+be|must\s+be|shall\s+be|ranges?)\b[^.;\n]{0,20}?\d")

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
    r"|" + _GROUPS_OWN_RANGE + r"|" + _THEIR_CHILDREN)



# How far after a household member or a counted person their age's bound may end.
_RELATION_AGE_WIDTH = 60


def relations_of_that_age(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether another inclusion criterion of lowered[start:end] gives the age of a member of the participants'
    household or of people counted among others (`OTHER_PERSONS_AGE`: "Adults ... with at least a cohabitant aged
    between 4 and 16") that overlaps the statement's ("Children aged between 4 and 16"): the statement's people are
    the others' relations, and both take part. An age apart from the statement's ("with a household member aged 70 or
    older" beside "Adults aged 18-60") is a person's who does not."""
    for span in ((start, statement.start), (statement.end, end)):
        for m in OTHER_PERSONS_AGE.finditer(lowered, *span):
            bound = BOUND.search(spelled(lowered[m.start("age"):m.start("age") + _RELATION_AGE_WIDTH]))
            if bound is not None and _overlap(statement.bounds, bounds_of(bound, None)):
                return True
    return False


def _overlap(ours: tuple[Bound, ...], theirs: list[Bound]) -> bool:
    """Whether two sets of bounds leave some age both allow (their ends read as written)."""
    (low, high), (other_low, other_high) = _ends_in_days(ours), _ends_in_days(theirs)
    return low <= other_high and other_low <= high


def _ends_in_days(bounds: tuple[Bound, ...] | list[Bound]) -> tuple[float, float]:
    sides = {b.side: b.age.days for b in bounds}
    return sides.get("lower", 0.0), sides.get("upper", float("inf"))


def age_elsewhere(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the inclusion criteria lowered[start:end] state, beside the statement, an age for some places or by
    law, or some people's ages or a named group's own range (`_AGE_ELSEWHERE`), or a household member's age that the
    statement's overlaps (`relations_of_that_age`: households or pairs take part), or the statement names the
    participants' babies or children beside them (`_THEIR_CHILDREN`) or its age as the alternative to adults
    (`ADULTS_OR_AGED`), or is healthy volunteers' beside patients (`healthy_beside_patients`) or beside people of
    another time of life (`healthy_beside_another_age`), or patients' beside controls (`patients_beside_controls`),
    or is one of a list of options (`among_options`, `among_alternatives_above`), of several groups said to be
    eligible (`among_groups_eligible`) or of exclusions an inclusion item runs inline (`in_inline_exclusions`), or
    its item is one of alternative ways in (`rules_out_another_item`, `among_life_stage_groups`): the statement's age
    is then not everyone's."""
    return (_AGE_ELSEWHERE.search(lowered, start, statement.start) is not None
            or _AGE_ELSEWHERE.search(lowered, statement.end, end) is not None
            or relations_of_that_age(lowered, statement, start, end)
            or _CHILDREN_TOO.search(lowered, statement.start, statement.end) is not None
            or ADULTS_OR_AGED.search(lowered, statement.start, statement.end) is not None
            or healthy_beside_patients(lowered, statement, start, end)
            or healthy_beside_another_age(lowered, statement, start, end)
            or patients_beside_controls(lowered, statement, start, end)
            or among_options(lowered, statement, start)
            or among_alternatives_above(lowered, statement, end)
            or among_groups_eligible(lowered, statement, start, end)
            or in_inline_exclusions(lowered, statement, start)
            or rules_out_another_item(lowered, statement, start, end)
            or among_life_stage_groups(lowered, statement, start, end))
