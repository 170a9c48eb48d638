"""Who the inclusion criteria admit against the record's Sex and Healthy Volunteers.

ClinicalTrials.gov records give as data who may take part: `eligibilities.gender` ('ALL', 'FEMALE', 'MALE') and
`eligibilities.healthy_volunteers`, beside the free-text criteria. The registry's review asks that they agree, and a
data team that filters by sex or by healthy volunteers gets the wrong trials when they do not.

Sex: the inclusion list's first statement of who is admitted that names a sex ("Postmenopausal women aged 50-75",
"Female", "Men aged 40 and older", "Male or female, 18-65 years"; or the PDQ form's "Sex: Women only") against Sex;
two nouns of one sex ("Girls and women", "Men and boys") admit that sex alone. A line of a sex and people alone
("* Female patients", "Male volunteers") labels the criteria below it: against a Sex of the other sex alone, the
list's opening label is read as its statement (its criteria are that sex's either way); against 'ALL' or its own sex,
and further down the list (where it opens that sex's own conditions) or over a sub-list, it states nobody.
A statement of one sex counts only where the inclusion criteria name no person of the other sex anywhere, nobody
else (partners, infants, couples) and no gender identity, and where they are one group's; a criterion that asks
something of a sex ("Women of childbearing potential must use contraception", "Female patients must not be
pregnant") admits nobody. A disease of one sex alone ("prostate cancer") is no statement: records that admit
transgender participants give Sex 'ALL' for it. A record whose eligibility is based on gender identity
(`gender_based`) is not compared.

Healthy Volunteers: by the registry's definition a study accepts healthy volunteers when people without the
condition studied may take part, healthy controls among them. An inclusion criterion, a group's label or an
inclusion heading that admits healthy people ("Healthy adult subjects", "Healthy male and female volunteers",
"Healthy controls:") disagrees with Healthy Volunteers 'No'. "Healthy" of an organ or a state ("healthy skin",
"otherwise healthy", "systemically healthy", "in good general health", "healthy" by the ASA physical status of surgical
patients), healthy people who have a condition, are about to be treated for one, or are a case's contacts or at
risk of it ("healthy volunteers with asthma", "Healthy adults who are household contacts of a person with TB",
"healthy men aged 50-70 with elevated PSA", "Healthy subjects who are candidates for knee arthroplasty", "Healthy
adult patients undergoing third molar extraction"), a criterion that only says the participant is healthy ("Healthy,
as determined by medical history") beside one that requires a condition ("Diagnosis of plaque psoriasis"), the form's
answer copied into the criteria ("Healthy Volunteers: No") and a negation ("Healthy volunteers are not eligible")
admit no healthy volunteer. The reverse (Healthy Volunteers 'Yes' while the criteria admit only people with a
condition) is its own rule, registered with these two (`criteria_patients_only`).

An absent Sex or Healthy Volunteers is unknown in every layout (a republished page may not show it) and not compared.
As for the ages (checks/criteria_ages.py), criteria without an inclusion heading are read only in the PDQ's form.

What the criteria state is read in the modules beside this one: `criteria_sex_named` (whom one criterion names as
admitted by sex), `criteria_sex_admitted` (the first such statement, where it is everyone's),
`criteria_healthy_volunteers` (where healthy people are admitted) and `criteria_inclusion` (the inclusion sections
both rules read).
"""
from __future__ import annotations

from typing import Iterator

import duckdb

from checks.criteria_healthy_volunteers import admitted_healthy
from checks.criteria_patients_only import RULES as PATIENTS_ONLY_RULES
from checks.criteria_sex_admitted import admitted_sex
from checks.criteria_sex_named import BOTH, FEMALE, MALE
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

SEX_RULE_ID = "contradictions.criteria_sex_differs"
HEALTHY_RULE_ID = "contradictions.criteria_healthy_volunteers_differs"


# Who a statement admits, in words.
SAID_SEX = {FEMALE: "female participants only", MALE: "male participants only", BOTH: "male and female participants"}


def study_sex_findings(nct_id: str, criteria: str, gender: str | None, gender_based: bool | None,
                       lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria's statement of who is admitted by sex disagrees with the record's Sex
    (`gender`: 'ALL', 'FEMALE', 'MALE'; absent is unknown; a record whose eligibility is gender-based is not
    compared)."""
    if gender not in (FEMALE, MALE, BOTH) or gender_based:
        return
    admitted = admitted_sex(criteria, lowered, memo, gender)
    if admitted is None or admitted.sex == gender:
        return
    message = (f"The {admitted.source} admit {SAID_SEX[admitted.sex]}, which disagrees with the record's Sex "
               f"'{gender}'.")
    evidence = f"eligibilities.criteria: '{excerpt(criteria, admitted.start, admitted.end, 0)}'; " \
               f"eligibilities.gender='{gender}'"
    yield Finding(nct_id, message, evidence)


def study_healthy_findings(nct_id: str, criteria: str, healthy_volunteers: bool | None,
                           lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria admit healthy people while the record's Healthy Volunteers is 'No'
    (absent is unknown)."""
    if healthy_volunteers is not False:
        return
    found = admitted_healthy(criteria, lowered, memo)
    if found is None:
        return
    message = "The inclusion criteria admit healthy volunteers, which disagrees with the record's Healthy Volunteers " \
              "'No'."
    evidence = f"eligibilities.criteria: '{excerpt(criteria, found[0], found[1], 0)}'; " \
               f"eligibilities.healthy_volunteers=false"
    yield Finding(nct_id, message, evidence)


def criteria_sex_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria admit one sex (or both) that the record's Sex does not give."""
    # Every read is made, even with no text to judge: the run's process makes them for its workers
    # (checks/rule_workers.py).
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    rows = rows_by_study(con, scope, "eligibilities", ("gender", "gender_based"))
    for nct_id, found in texts.items():
        given = rows.get(nct_id)
        if not given or len(given) != 1 or len(found) != 1:
            continue  # one criteria text beside one Sex
        gender, gender_based = given[0]
        yield from study_sex_findings(nct_id, found[0].text, gender, gender_based, found[0].lowered, found[0].memo)


def criteria_healthy_volunteers_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria admit healthy volunteers while the record's Healthy Volunteers is 'No'."""
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    rows = rows_by_study(con, scope, "eligibilities", ("healthy_volunteers",))
    for nct_id, found in texts.items():
        given = rows.get(nct_id)
        if not given or len(given) != 1 or len(found) != 1:
            continue
        yield from study_healthy_findings(nct_id, found[0].text, given[0][0], found[0].lowered, found[0].memo)


RULES = (
    Rule(SEX_RULE_ID, "contradiction", "warning",
         "ClinicalTrials.gov's review asks that the criteria agree with the record's Sex: a data team filtering by "
         "sex gets the wrong trials when the inclusion criteria admit one sex ('Postmenopausal women aged 50-75') "
         "and Sex says 'ALL', or admit both and Sex names one. Read from text, so a warning, and only where the "
         "inclusion criteria name no other sex, no other people and no gender identity.",
         ("eligibilities.criteria", "eligibilities.gender"), func=criteria_sex_differs, in_worker=True),
    Rule(HEALTHY_RULE_ID, "contradiction", "warning",
         "By the registry's definition a study accepts healthy volunteers when people without the condition "
         "studied may take part, healthy controls among them: inclusion criteria that admit 'Healthy adult "
         "subjects' disagree with Healthy Volunteers 'No'. Read from text, so a warning.",
         ("eligibilities.criteria", "eligibilities.healthy_volunteers"),
         func=criteria_healthy_volunteers_differs, in_worker=True),
) + PATIENTS_ONLY_RULES
