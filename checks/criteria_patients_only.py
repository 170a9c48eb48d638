"""Rule contradictions.healthy_volunteers_yes_patients_only: Healthy Volunteers 'Yes' on a study whose criteria admit
only people with a condition.

By the registry's definition a study accepts healthy volunteers when people without the condition studied may take part.
Inclusion criteria are all required of every participant, so one that requires a disease ("Diagnosis of malignant wound
with odor", "Patients falling into PCOS as per Rotterdam criteria", "Age >= 20 years, Histopathology proved PTC") admits
only people who have it, and Healthy Volunteers 'Yes' beside it is wrong unless the study also takes in others. The
others a record may take in are read wherever they may be named: healthy people, controls, volunteers, relatives,
donors, household contacts, unaffected, uninfected or cognitively normal people, and people matched to the patients by
age or sex, in the criteria, the titles, the arms' titles and descriptions, the conditions and the study population (a
record may list "Healthy Volunteers" as a condition); people exposed to or at risk of a condition in the titles, arms,
conditions or population; and in the inclusion criteria caregivers, staff, students, workers, a gene's carriers, people
at risk, exposed or born to a patient, a criterion kept to one group ("(survivor group only)") or under a group's label
("Group 2 (former allergy):", only below it), and people admitted for a procedure ("Patients undergoing surgery
(non-painful complaint)", "Patients scheduled for elective surgery"), who need not have the condition. Prevention and
screening studies take in people without the condition they prevent or screen for, and are not read.

The requirement is read where a criterion opens with it, or right after the age or the people that open it
("Children between 1 and 18 years of age with mild to moderate AD"); "Healthy Volunteers" absent is unknown, and
criteria without an inclusion heading are not read. What counts as a requirement is the healthy-volunteer rule's
(`criteria_required_conditions.CONDITION_REQUIRED`: a diagnosis, a confirmed or documented disease, "mild to moderate",
patients with a disease, a stated infection or a disease named with its form), with a histopathology that proved the
disease, patients falling into, presenting with or affected by it, its survivors, a diagnosis by named criteria
("Meeting the CRS diagnostic criteria", "Atopy by Hanifin & Rajka diagnostic criteria") and a history of a lasting
condition ("Having positive histories of cow's milk allergy"); not where those words go on to a risk of a condition:
a family history, a relative with it or a genetic predisposition ("Patients with a family history of breast cancer"),
which people without the condition have, nor to a state of health, an ability or a measure ("Patients with good oral
hygiene", "Patients with no history of diabetes", "Patients with BMI 18-30"). A condition suspected ("Patients with
suspected primary immunodeficiency", "the ten warning signs") or a sensitisation ("a positive skin prick test") is
still required: by the registry's definition people with related conditions or symptoms are no healthy volunteers.
An illness is also required where a criterion states it as the participant's own without "patients with": a diagnosis
after any qualifier ("Clinician diagnosis of Type 2 diabetes"), an illness confirmed by a test or a positive test for
an infection ("Laboratory confirmed COVID-19", "COVID-19 RT-PCR positivity"), a disorder named alone ("Opioid use
disorder"), recovery from it, a stay in hospital for it or a symptom after it ("anosmia post covid-19 infection"); not
beside a criterion that opens with a negative test for the same infection, nor in a record that names people without
it ("Pregnant women without COVID-19 Infection"), close contacts or the patients' infants.
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.criteria_patients_condition import required_condition
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

RULE_ID = "contradictions.healthy_volunteers_yes_patients_only"
# A study's controls may be patients too (a placebo arm, usual care): the message says only that no one without the
# condition is named.
MESSAGE = ("Healthy Volunteers is 'Yes', yet the inclusion criteria admit only people with a condition, and the record "
           "names no one who need not have it (healthy people, volunteers, relatives, donors).")

# People without the condition, wherever a record names them (a comparator family "none of the members with
# chilblains", "one member matched on age to a patient", the parents of the children studied).
_OTHER_PEOPLE = re.compile(
    r"\b(?:healthy|controls|control\s+(?:group|arm|subjects?|participants?|individuals?|cohort|population|volunteers?"
    r"|women|men|children)|volunteers?|relatives(?!\s+contra)|(?:first|second)-degree\s+relatives?|donors?"
    r"|family\s+members?|spouses?|siblings?|twins?|general\s+population|normal\s+(?:volunteers?|subjects?"
    r"|individuals?|participants?|adults?|women|men|children|population|ag(?:e?ing))|lean"
    r"|non-?(?:diabetic|cancer|obese|asthmatic|allergic|atopic|sensiti[sz]ed)|with\s+(?:and|or)\s+without|unaffected"
    r"|uninfected|unimpaired|positive\s+or\s+negative|negative\s+or\s+positive"
    r"|(?:comparison|reference)\s+group|(?:age|sex|gender)[\s-]+(?:and\s+\w+[\s-]+)?matched"
    r"|cognitively\s+(?:normal|intact)|no\s+cognitive\s+impairment"
    r"|household\s+contacts|(?:live|lives|living)\s+in\s+the\s+same\s+household"
    r"|comparator\s+famil(?:y|ies)"
    # a parents' group of their own ("Parent inclusion criteria include: - Biological Mother")
    r"|(?:parents?|mothers?|fathers?|caregivers?|carers?)(?:'s?)?\s+(?:inclusion\s+|eligibility\s+)?criteria"
    r"|biological\s+(?:mothers?|fathers?|parents?)"
    r"|none\s+of\s+the\s+(?:family\s+)?members|matched\s+(?:on|for|by)\s+(?:age|sex|gender))\b")
# People described by an exposure or a risk in the titles, the arms or the conditions ("HIV Seronegativity"), people
# named as without the condition ("Pregnant women without COVID-19 Infection", "Participants without Heart Disease"),
# contacts of patients ("or have been in close contact with someone who is known to be COVID-19 positive") and the
# patients' kin who take part ("50 adult lactating parents with COVID-19, and their infants"); and a group of normal
# organ function beside the impaired ("Subjects With Normal and Impaired Hepatic Function", an arm "Normal hepatic
# function").
_OTHERS_DESCRIBED = re.compile(
    r"\b(?:seronegativ\w*|(?:un)?exposed|at\s+(?:high\s+|increased\s+)?risk|risk\s+(?:of|for|factors?)"
    r"|normal\s+(?:hepatic|renal|liver|kidney)\s+function|normal\s+(?:and|or|vs\.?|versus)\s+(?:impaired|abnormal)"
    r"|(?:women|men|people|persons|individuals|participants|subjects|children|adults|mothers|infants|neonates"
    r"|newborns)\s+without|close\s+contacts?|in\s+(?:close\s+)?contact\s+with"
    r"|(?:and|with)\s+their\s+(?:infants?|babies|newborns?|children|partners?|caregivers?|carers?|parents?"
    r"|mothers?|families))\b")
# The study's own group of people without the condition, as a brief summary or a detailed description names it: counted
# ("and 20 healthy control subjects", "10 normal volunteers"), a control group of healthy people ("compared to an
# healthy control group", "a third control group comprising normal blood donors"), taken in beside the patients ("as
# well as in HIV-negative volunteers", "Patients and volunteers receive"), or among the study's controls ("control
# patients (patients with COVID-19 without respiratory distress and healthy volunteers)", "Healthy volunteers will
# serve as controls"). Not healthy people of the background ("more common in individuals with schizophrenia compared
# to healthy subjects"), nor volunteers or a control group who have the condition ("40 volunteers with asthma", "the
# control group receives usual care", "control patients (patients with asthma without exacerbation)").
_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)"
_WITHOUT_IT = r"(?:healthy|normal|uninfected|unaffected|(?:hiv|hcv|hbv|htlv|cmv|sero)[\w-]*negative)"
_PEOPLE_WITHOUT_IT = (r"(?:control\s+|matched\s+)?(?:volunteers?|controls?|subjects?|individuals?|participants?"
                      r"|donors?|adults?|children|people|persons?|men|women)\b(?!\s+(?:with|who|having|suffering"
                      r"|diagnosed|affected)\b)")
_OWN_GROUP_WITHOUT_IT = re.compile(
    rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:(?:{_WITHOUT_IT}|(?:age|sex)[\s-]+matched)\s+{_PEOPLE_WITHOUT_IT}"
    rf"|(?:blood\s+)?donors\b)"
    rf"|\b{_WITHOUT_IT}\s+(?:control|comparison|reference)\s+(?:groups?|cohorts?|arms?)\b"
    r"|\b(?:control|comparison|reference)\s+groups?\s+(?:of|comprising|consisting\s+of|composed\s+of"
    rf"|made\s+up\s+of|including)\s+(?:{_NUMBER}\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_WITHOUT_IT}|volunteers?|donors?)\b"
    r"|\b(?:as\s+well\s+as|in\s+addition\s+to|together\s+with|along\s+with)\s+(?:in\s+)?"
    rf"(?:{_WITHOUT_IT}|(?:age|sex)[\s-]+matched)\s+{_PEOPLE_WITHOUT_IT}"
    r"|\bpatients\s+and\s+(?:healthy\s+|normal\s+)?volunteers\b"
    # the study's controls described as including them ("compared to control patients (patients with COVID-19 without
    # respiratory distress and healthy volunteers)", "controls: healthy volunteers"), or they serve as its controls
    rf"|\bcontrols?(?:\s+(?:patients|subjects|participants|individuals|groups?|cohorts?|population))?\s*[(:]\s*"
    rf"(?:[^().;:]{{0,100}}?(?:\b(?:and|or|including)\s+|,\s*))?{_WITHOUT_IT}\s+{_PEOPLE_WITHOUT_IT}"
    rf"|\b{_WITHOUT_IT}\s+{_PEOPLE_WITHOUT_IT}\s+(?:will\s+|shall\s+|would\s+|are\s+|were\s+)?(?:be\s+)?"
    r"(?:serv\w*|act\w*|used|recruited|enrol\w*|included|taken)\s+as\s+(?:the\s+)?(?:study\s+)?controls?\b")
# Studies whose participants need not have the condition: it is prevented or screened for.
_NOT_READ_PURPOSES = frozenset(("PREVENTION", "SCREENING"))
_STUDY_TYPES = frozenset(("INTERVENTIONAL", "OBSERVATIONAL"))


def names_other_people(lowered: str, described: tuple[str, ...], summaries: tuple[str, ...] = ()) -> bool:
    """Whether the criteria (`lowered`) or the titles, arms, conditions and population (`described`) name people who
    need not have the condition studied, or the brief summary and detailed description (`summaries`) name the
    study's own group of them."""
    said = "\n".join(described).lower()
    return any(_OTHER_PEOPLE.search(text) for text in (lowered, said)) or _OTHERS_DESCRIBED.search(said) is not None \
        or any(_OWN_GROUP_WITHOUT_IT.search(text.lower()) for text in summaries)


def study_patients_only_findings(nct_id: str, criteria: str, healthy_volunteers: bool | None,
                                 described: tuple[str, ...] = (), purpose: str | None = None,
                                 lowered: str | None = None, memo: dict | None = None,
                                 summaries: tuple[str, ...] = ()) -> Iterator[Finding]:
    """A finding when Healthy Volunteers is 'Yes' while the inclusion criteria require a condition and the record
    (`described`: its titles, arms, conditions and study population; `summaries`: its brief summary and detailed
    description) names no one else; a prevention or screening study (`purpose`) is not read."""
    if healthy_volunteers is not True or purpose in _NOT_READ_PURPOSES:
        return
    lowered = criteria.lower() if lowered is None else lowered
    found = required_condition(criteria, lowered, memo)
    if found is None or names_other_people(lowered, described, summaries):
        return
    evidence = f"eligibilities.criteria: '{excerpt(criteria, found[0], found[1], 0)}'; " \
               f"eligibilities.healthy_volunteers=true"
    yield Finding(nct_id, MESSAGE, evidence)


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
    briefs = rows_by_study(con, accepting, "brief_summaries", ("description",))
    details = rows_by_study(con, accepting, "detailed_descriptions", ("description",))
    for nct_id, found in texts.items():
        values, study = given.get(nct_id), studies.get(nct_id)
        if not values or len(values) != 1 or len(found) != 1 or values[0][0] is not True:
            continue
        if not study or study[0][0] not in _STUDY_TYPES:
            continue
        described = tuple(text for row in [study[0][1:]] + arms.get(nct_id, []) + conditions.get(nct_id, [])
                          + populations.get(nct_id, []) for text in row if text)
        purpose = next((row[0] for row in purposes.get(nct_id, [])), None)
        summaries = tuple(row[0] for row in briefs.get(nct_id, []) + details.get(nct_id, []) if row[0])
        yield from study_patients_only_findings(nct_id, found[0].text, True, described, purpose, found[0].lowered,
                                                found[0].memo, summaries)


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "By the registry's definition a study accepts healthy volunteers when people without the condition studied "
         "may take part: Healthy Volunteers 'Yes' beside inclusion criteria that require a disease ('Diagnosis of "
         "...', 'Histopathology proved ...'), in a record that names no healthy people, volunteers, relatives, "
         "donors, controls or other group, lists the study under healthy-volunteer searches it does not belong to. "
         "Read from text, so a warning; prevention and screening studies are not read. A study's controls may be "
         "patients too (a placebo arm, usual care): the message names only the people it looked for.",
         ("eligibilities.criteria", "eligibilities.healthy_volunteers"),
         func=healthy_volunteers_yes_patients_only, in_worker=True),
)
