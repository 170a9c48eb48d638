"""Rule contradictions.healthy_volunteers_yes_patients_only: Healthy Volunteers 'Yes' on a study whose criteria admit
only people with a condition.

By the registry's definition a study accepts healthy volunteers when people without the condition studied may take
part. Inclusion criteria are all required of every participant, so one that requires a disease ("Diagnosis of
malignant wound with odor", "Patients falling into PCOS as per Rotterdam criteria", "Age >= 20 years, Histopathology
proved PTC") admits only people who have it, and Healthy Volunteers 'Yes' beside it is wrong unless the study also
takes in others. The others a record may take in are read wherever they may be named: healthy people, controls,
volunteers, relatives, donors, unaffected, uninfected or cognitively normal people, and people matched to the patients
by age or sex, in the criteria, the titles, the arms' titles and descriptions, the conditions and the study population
(a record may list "Healthy Volunteers" as a condition); people exposed to or at risk of a condition in the titles,
arms, conditions or population; and in the inclusion criteria caregivers, staff, students, workers, a gene's carriers,
people at risk, exposed or born to a patient, a criterion kept to one group ("(survivor group only)") or under a
group's label ("Group 2 (former allergy):", only below it), and people admitted for a procedure ("Patients undergoing
surgery (non-painful complaint)", "Patients scheduled for elective surgery"), who need not have the condition.
Prevention and screening studies take in people without the condition they prevent or screen for, and are not read.

The requirement is read where a criterion opens with it, or right after the age or the people that open it
("Children between 1 and 18 years of age with mild to moderate AD"); "Healthy Volunteers" absent is unknown, and
criteria without an inclusion heading are not read. What counts as a requirement is the healthy-volunteer rule's
(`criteria_healthy_volunteers.CONDITION_REQUIRED`: a diagnosis, a confirmed or documented disease, "mild to moderate",
patients with a disease, a stated infection or a disease named with its form), with a histopathology that proved the
disease, patients falling into, presenting with or affected by it, its survivors, a diagnosis by named criteria
("Meeting the CRS diagnostic criteria", "Atopy by Hanifin & Rajka diagnostic criteria") and a history of a lasting
condition ("Having positive histories of cow's milk allergy"); not where those words go on to a risk of a condition:
a family history, a relative with it or a genetic predisposition ("Patients with a family history of breast cancer"),
which people without the condition have, nor to a state of health, an ability or a measure ("Patients with good oral
hygiene", "Patients with no history of diabetes", "Patients with BMI 18-30"). A condition suspected ("Patients with
suspected primary immunodeficiency", "the ten warning signs") or a sensitisation ("a positive skin prick test") is
still required: by the registry's definition people with related conditions or symptoms are no healthy volunteers.
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_healthy_volunteers import CONDITION_REQUIRED, HISTORY_OF_A_CONDITION
from checks.criteria_inclusion import CRITERION_WIDTH, inclusion_sections, lowered_part
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

RULE_ID = "contradictions.healthy_volunteers_yes_patients_only"

# Patients named by their condition ("Severe asthmatics seen in the Asthma Clinic", "Diabetic patients on insulin"):
# a noun of people with a disease, or its adjective before people; a severity may come first. Not before a clause that
# says what those of them must do or will have ("Asthmatics that undergo lung function testing", "Diabetics must
# bring their meter"): a condition of some participants, not a requirement of all.
_SEVERITY = r"(?:(?:mild|moderate|severe|stable|uncontrolled|persistent)(?:[\s,]+(?:to|or|and)\s+)?\s*){0,3}"
_PATIENT_NOUN = (rf"(?:{_SEVERITY}(?:asthmatics|diabetics|epileptics|ha?emophiliacs|schizophrenics|cirrhotics"
                 r"|hypertensives)"
                 rf"|{_SEVERITY}(?:asthmatic|diabetic|epileptic|ha?emophiliac|schizophrenic|cirrhotic|hypertensive"
                 r"|atopic|allergic)\s+(?:patients?|subjects?|adults?|children|men|women|individuals?|participants?"
                 r"|persons?|people))\b(?!,?\s+(?:that|who|which|whose|must|should|shall|will|would|may|can|need)\b)")
# Patients named with their sex, age or setting before them ("male patients with ED defined by an IIEF-5 score",
# "Adult patients with", "Consecutive hospitalized patients with"): the healthy-volunteer rule's "patients with".
_QUALIFIED_PATIENTS = (r"(?:(?:male|female|adult|elderly|older|young|pediatric|paediatric|adolescent|consecutive"
                       r"|hospitali[sz]ed|outpatient|ambulatory)\s+){1,3}patients?\s+(?:with|diagnosed|suffering"
                       r"|who\s+(?:have|has|are|were))\b")
# A disease with its cause named after it ("erectile dysfunction associated with Peyronie's disease", "Anemia due to
# chronic kidney disease", "Pain secondary to knee osteoarthritis"): a condition required, though bare. The words
# before the link are one to four words of the condition itself, no people, no negation and no history; the words after
# it end in a disease's noun, even cut short ("Peyroni's diseas"), and name no person ("related to a patient with
# Alzheimer's disease" is a relative's).
_CONDITION_WORDS = (r"(?!(?:no|not|non|without|absence|free|history|risk|normal|healthy|patients?|subjects?"
                    r"|participants?|volunteers?|people|persons?|men|women|adults?|children|individuals?|those|any|all"
                    r"|able|willing|ability|age|aged|smokers?|pregnan\w*)\b)[a-z][a-z'-]*")
_CAUSED_DISEASE = (rf"(?:{_CONDITION_WORDS}\s+){{0,3}}{_CONDITION_WORDS}\s+(?:associated\s+with|due\s+to|secondary\s+to"
                   r"|caused\s+by|related\s+to|resulting\s+from)\s+(?:an?\s+|the\s+)?"
                   r"(?:(?!(?:patients?|persons?|someone|family|relatives?|child|children)\b)[a-z0-9'-]+\s+){0,4}?"
                   r"(?:diseas\w*|syndrome|disorder|cancer|carcinoma|tumou?r|infection|injury|deficiency|failure"
                   r"|diabetes|hypertension|sclerosis|arthritis|osteoarthritis|dementia|stroke)\b")
# A diagnosis by named criteria: the criteria met ("Meeting the CRS diagnostic criteria in the Chinese Guidelines",
# "meet the EULAR/PRINTO/PRES for the diagnosis of HSP", "Fulfilling the ACR classification criteria") or a condition
# found by them ("Atopy by Hanifin & Rajka diagnostic criteria", "Asthma according to GINA diagnostic criteria").
_DIAGNOSED_BY_CRITERIA = (
    r"(?:meets?|meeting|met|fulfil\w*|satisf(?:y|ies|ying))\s+[^.;:]{0,80}?\b(?:(?:diagnostic|classification)\s+"
    r"criteria|criteria\s+for\s+(?:the\s+)?diagnosis|for\s+(?:the\s+)?diagnosis\s+of)\b"
    rf"|(?:{_CONDITION_WORDS}\s+){{0,3}}{_CONDITION_WORDS}\s+(?:by|according\s+to|as\s+per|per|based\s+on|using"
    r"|as\s+defined\s+by)\s+[^.;:]{0,60}?\b(?:diagnostic|classification)\s+criteria\b")
# People named with their ages, sexes or setting before what requires their condition ("Children between 1 and 18
# years of age with mild to moderate AD", "Individuals of both sexes from 18 years with a diagnosis of COPD", "Subjects
# who are diagnosed with atopic condition"); not people named by someone else's condition ("Children of parents with
# asthma", "Adults whose child has ...") or by its absence or risk.
_PEOPLE_BEFORE = (
    r"(?:the\s+)?(?:children|infants?|adolescents?|adults?|individuals?|subjects?|participants?|persons?|people|men"
    r"|women|males?|females?|boys|girls|patients?)\s+"
    r"(?:(?!(?:whose|of\s+(?:a\s+|the\s+)?(?:parents?|mothers?|fathers?|famil\w*)|parents?|mothers?|fathers?"
    r"|famil\w*|relatives?|siblings?|household|contacts?|partners?|spouses?|caregivers?|carers?|born|without|no|not"
    r"|non|free|history|risk|exposed|healthy|normal|except|other)\b)[\w/&'\u2265\u2264<>=+-]+\s+){0,9}?"
    r"(?:with|having|who\s+(?:are|were|is|have\s+been|has\s+been))\s+")
# A criterion that requires a condition: the healthy-volunteer rule's reading, a histopathology that proved it
# ("Histopathology proved PTC"), patients falling into, presenting with, affected by or having it (not having surgery),
# patients who will be diagnosed with it, and its survivors; patients named by their condition, patients with it after
# their sex, age or setting, and a disease named with its cause.
_REQUIRES_CONDITION = re.compile(
    rf"{CONDITION_REQUIRED.pattern}|{_PATIENT_NOUN}|{_QUALIFIED_PATIENTS}|{_CAUSED_DISEASE}"
    r"|histopatholog\w*\s+(?:proved|proven|confirmed)\b"
    r"|patients?\s+(?:falling\s+into|presenting\s+with|affected\s+by|having\b(?!\s+(?:an?\s+)?(?:elective\s+)?"
    r"(?:surgery|operation|procedure)))|patients?\s+who\s+will\s+be\s+(?:clinically\s+)?diagnosed\b"
    r"|survivors?\s+of\b"
    rf"|{_DIAGNOSED_BY_CRITERIA}|(?:(?:suspicion|suspected)\s+or\s+)?(?:having\s+|with\s+)?{HISTORY_OF_A_CONDITION}")
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
# An age that opens the criterion before the requirement ("Age >= 20 years, Histopathology proved PTC").
_AGE_FIRST = re.compile(r"[^,;]*\b(?:ages?|aged|years?)\b[^,;]*,\s*")
# People, or "with" or "having" alone, before the requirement ("With mild to severe atopic symptoms").
_PEOPLE_FIRST = re.compile(rf"{_PEOPLE_BEFORE}|(?:with|having)\s+")
# People admitted for a procedure, who need not have the condition studied.
_ADMITTED_FOR_A_PROCEDURE = re.compile(
    r"(?:patients?|subjects?|participants?|men|women|adults?|children|those)\s+(?:\w+\s+){0,6}?"
    r"(?:undergoing|scheduled|planned|referred|requiring|needing|who\s+will\s+undergo)\b")
# People without the condition, wherever a record names them.
_OTHER_PEOPLE = re.compile(
    r"\b(?:healthy|controls|control\s+(?:group|arm|subjects?|participants?|individuals?|cohort|population|volunteers?"
    r"|women|men|children)|volunteers?|relatives(?!\s+contra)|(?:first|second)-degree\s+relatives?|donors?"
    r"|family\s+members?|spouses?|siblings?|twins?|general\s+population|normal\s+(?:volunteers?|subjects?"
    r"|individuals?|participants?|adults?|women|men|children|population|ag(?:e?ing))|lean"
    r"|non-?(?:diabetic|cancer|obese|asthmatic|allergic|atopic|sensiti[sz]ed)|with\s+(?:and|or)\s+without|unaffected"
    r"|uninfected|unimpaired"
    r"|(?:comparison|reference)\s+group|(?:age|sex|gender)[\s-]+(?:and\s+\w+[\s-]+)?matched"
    r"|cognitively\s+(?:normal|intact)|no\s+cognitive\s+impairment)\b")
# People described by an exposure or a risk in the titles, the arms or the conditions ("HIV Seronegativity").
_OTHERS_DESCRIBED = re.compile(
    r"\b(?:seronegativ\w*|(?:un)?exposed|at\s+(?:high\s+|increased\s+)?risk|risk\s+(?:of|for|factors?))\b")
# Others the inclusion criteria admit (a gene's carriers among them), or a criterion kept to one group.
_OTHERS_ADMITTED = re.compile(
    r"\b(?:(?:caretakers?|caregivers?|carers?)\s+(?:of|for)|(?:be|is|are)\s+(?:an?\s+)?(?:\w+\s+)?(?:caretaker"
    r"|caregiver|carer)s?|staff|students?|nurses|clinicians|employees?|workers?|community|(?:un)?exposed"
    r"|at\s+(?:high\s+|increased\s+)?risk|risk\s+(?:of|for)|born\s+to|parents?\s+of|groups?\s+only|carriers?"
    r"|carrier\s+state)\b")
# A group's label ("Group 2 (former allergy):", "Cohort 1:"): the criteria below it are that group's, not everyone's.
_GROUP_LABEL = re.compile(r"\b(?:group|cohort)\s+(?:\d{1,2}|[a-e]|i{1,3}|iv)\s*(?:\([^()\n]{0,40}\)\s*)?:")
# Studies whose participants need not have the condition: it is prevented or screened for.
_NOT_READ_PURPOSES = frozenset(("PREVENTION", "SCREENING"))
_STUDY_TYPES = frozenset(("INTERVENTIONAL", "OBSERVATIONAL"))


def _requires_condition(piece: str) -> bool:
    """Whether a criterion (lower case) opens by requiring a condition, or does so right after its age or the people
    it names, not a risk of one or a state of health, and its clause says neither what may be nor that a controlled
    condition is allowed."""
    at = LIST_MARK.match(piece).end()
    openings = (at, *(found.end() for found in (_AGE_FIRST.match(piece, at), _PEOPLE_FIRST.match(piece, at)) if found))
    required = next((found for opening in openings if (found := _REQUIRES_CONDITION.match(piece, opening))), None)
    if not required or any(words.match(piece, required.end()) for words in _NOT_A_CONDITION):
        return False
    clause_end = _CLAUSE_END.search(piece, required.end())
    return _NO_REQUIREMENT.search(piece, at, clause_end.start() if clause_end else len(piece)) is None


def required_condition(text: str, lowered: str | None = None, memo: dict | None = None) -> tuple[int, int] | None:
    """The first inclusion criterion that requires a condition, above any group's label, where the inclusion
    criteria admit no one for a procedure and no other people; else None (`lowered`, `memo`: as `admitted_healthy`
    takes them)."""
    lowered = text.lower() if lowered is None else lowered
    found = None
    for section in inclusion_sections(text, lowered, memo) or ():
        section_lowered = lowered_part(text, lowered, section.start, section.end)
        if _OTHERS_ADMITTED.search(section_lowered):
            return None
        label = _GROUP_LABEL.search(section_lowered)
        grouped_from = section.start + label.start() if label else section.end
        for start, end in criteria_pieces(text, section.start, section.end):
            piece = lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
            if _ADMITTED_FOR_A_PROCEDURE.match(piece, LIST_MARK.match(piece).end()):
                return None
            if found is None and start < grouped_from and _requires_condition(piece):
                found = start, end
    return found


def names_other_people(lowered: str, described: tuple[str, ...]) -> bool:
    """Whether the criteria (`lowered`) or the titles, arms, conditions and population (`described`) name people who
    need not have the condition studied."""
    said = "\n".join(described).lower()
    return any(_OTHER_PEOPLE.search(text) for text in (lowered, said)) or _OTHERS_DESCRIBED.search(said) is not None


def study_patients_only_findings(nct_id: str, criteria: str, healthy_volunteers: bool | None,
                                 described: tuple[str, ...] = (), purpose: str | None = None,
                                 lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when Healthy Volunteers is 'Yes' while the inclusion criteria require a condition and the record
    (`described`: its titles, arms, conditions and study population) names no one else; a prevention or screening
    study (`purpose`) is not read."""
    if healthy_volunteers is not True or purpose in _NOT_READ_PURPOSES:
        return
    lowered = criteria.lower() if lowered is None else lowered
    found = required_condition(criteria, lowered, memo)
    if found is None or names_other_people(lowered, described):
        return
    message = ("Healthy Volunteers is 'Yes', yet the inclusion criteria admit only people with a condition and the "
               "record names no healthy people, controls or other group.")
    evidence = f"eligibilities.criteria: '{excerpt(criteria, found[0], found[1], 0)}'; " \
               f"eligibilities.healthy_volunteers=true"
    yield Finding(nct_id, message, evidence)


def healthy_volunteers_yes_patients_only(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Healthy Volunteers 'Yes' while the inclusion criteria admit only people with a condition."""
    # Every read is made, even with no text to judge: the run's process makes them for its workers.
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    given = rows_by_study(con, scope, "eligibilities", ("healthy_volunteers",))
    # Only the studies that accept healthy volunteers are read further: the scope narrowed to them.
    accepting = scope.of(nct_id for nct_id, values in given.items() if values and values[0][0] is True)
    studies = rows_by_study(con, accepting, "studies", ("study_type", "brief_title", "official_title"))
    purposes = rows_by_study(con, accepting, "designs", ("primary_purpose",))
    arms = rows_by_study(con, accepting, "design_groups", ("title", "description"))
    conditions = rows_by_study(con, accepting, "conditions", ("name",))
    populations = rows_by_study(con, accepting, "eligibilities", ("population",))
    for nct_id, found in texts.items():
        values, study = given.get(nct_id), studies.get(nct_id)
        if not values or len(values) != 1 or len(found) != 1 or values[0][0] is not True:
            continue
        if not study or study[0][0] not in _STUDY_TYPES:
            continue
        described = tuple(text for row in [study[0][1:]] + arms.get(nct_id, []) + conditions.get(nct_id, [])
                          + populations.get(nct_id, []) for text in row if text)
        purpose = next((row[0] for row in purposes.get(nct_id, [])), None)
        yield from study_patients_only_findings(nct_id, found[0].text, True, described, purpose, found[0].lowered,
                                                found[0].memo)


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "By the registry's definition a study accepts healthy volunteers when people without the condition studied "
         "may take part: Healthy Volunteers 'Yes' beside inclusion criteria that require a disease ('Diagnosis of "
         "...', 'Histopathology proved ...'), in a record that names no healthy people, controls or other group, "
         "lists the study under healthy-volunteer searches it does not belong to. Read from text, so a warning; "
         "prevention and screening studies are not read.",
         ("eligibilities.criteria", "eligibilities.healthy_volunteers"),
         func=healthy_volunteers_yes_patients_only, in_worker=True),
)
