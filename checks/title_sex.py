"""Rule contradictions.title_sex_differs: a title that names the participants as one sex against the record's Sex.

ClinicalTrials.gov's Sex (`eligibilities.gender`: 'ALL', 'FEMALE', 'MALE') is the biological sex of the participants
eligible, and titles very often say who they are ("... in Postmenopausal Women With Osteoporosis", "in Healthy Male
Volunteers", "Pregnant Women"). A title whose participants are of one sex while Sex admits only the other cannot be
right: the Sex (most often 'MALE' and 'FEMALE' swapped) or the title is wrong, and a data team that selects trials by
sex is misled. A title of one sex while Sex is 'ALL' is weaker: a title names whom a study is mainly about, while Sex
may also admit others it enrols (parents, controls, transgender participants). A title whose participants are of both
sexes ("in Men and Women", "Healthy Male and Female Volunteers", "Boys and Girls", "Women vs. Men") while Sex admits
only one is as wrong: the Sex or the title.

A title names participants of one sex by a noun of that sex ("Women", "Girls", "Men", "Boys", "Females"), by "Male" or
"Female" before people ("Healthy Male Volunteers", "Female Sex Workers"), and for women by a state only women have
("Pregnant", "Postmenopausal", "Pregnancy" anywhere: "Adverse Pregnancy Outcomes"), except a pregnancy that is men's
part too (its prevention or test, a man's fertility: "Pregnancy Prevention", "Sperm DNA and Pregnancy Rates"). A
possessive ("Women's Smoking Cessation") and a state name what a study is about more than whom it admits: they are
read against a Sex of the other sex alone, not against 'ALL'. Both sexes are named by nouns of people of each joined
by "and", "or", "/", "vs." or "versus" (two words at most before the second: "Men and Postmenopausal Women"), by
"Male and Female" before people, and by "Both Sexes" or "Either Sex"; not by words of a sex that name no people ("Female
and Male Condoms", "Female Versus Male Surgeons" are of people the study does not enrol). Not read: a title, of either
title of the record, that names both sexes otherwise ("Female Condom Use Among Men") against any Sex, or both sexes
against 'ALL'; a title of other people (partners, spouses, couples, mothers, fathers, parents, infants, children,
families, caregivers, clinicians: "Women and Their Partners", "Infants Born to HIV-Infected Women", "Sons of Women
With ...", "Males With Erectile Dysfunction and Their Female Partners") or gender identity ("Transgender Women",
"Male-to-Female", "Men Who Have Sex With Men", "MSM and Transgender Women"); "Man" alone (humankind: "First-in-Man",
"Stiff-Man Syndrome"), a word of capitals in a title that is not ("MEN-10755", "MEN 2A", "SONS"), names
("Women's Health Initiative", "Brigham and Women's Hospital"), and people of a sex a harm is done to, the study's
topic ("Preventing Violence Against Women", "Sexual Abuse of Girls"). Against 'ALL' a title that also names people
of no sex beside ("in Healthy Participants and ... in Healthy Female Participants") is not read either, nor a record
whose criteria admit other people ("Biological parents (both male and female) of TS subjects", "Fathers", "Control
subjects"), nor a record whose conditions name the other sex ("Treating Women With Breast Cancer" beside the
condition "Male Breast Cancer": the record means both), nor a title that joins aims, each after its own "on", and
names one sex in one of them only ("The Effect of X on Arterial Tone, and on Erectile Function in Men With ...": the
people of that aim or measure, not all the participants). A record whose eligibility is based on gender identity, a
WITHHELD record and an absent Sex are not compared.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import FIELD_LABELS, excerpt, rows_by_study, rows_by_study_matching, texts_by_study

RULE_ID = "contradictions.title_sex_differs"
FEMALE, MALE, BOTH = "FEMALE", "MALE", "ALL"
WARNING, INFO = "warning", "info"
TITLE_FIELDS = ("studies.brief_title", "studies.official_title")

# People of no stated sex, in the plural: after "Male" or "Female" they are that sex's ("Female Sex Workers").
PEOPLE = (r"(?:patients|subjects|participants|volunteers|individuals|persons|people|adults|adolescents|youths?"
          r"|teens|teenagers|students|athletes|workers|veterans|smokers|drinkers|users|survivors|recipients"
          r"|inpatients|outpatients|residents|employees|soldiers|recruits|prisoners|inmates|runners|cyclists"
          r"|players|controls|cases|carriers)")
# A possessive after a noun of a sex ("Women's", "Girls'").
_POSSESSIVE = r"(?:['’]s\b|(?<=s)['’](?!\w))?"
# Words that name participants of one sex, by kind: a noun of that sex (with the people it names: "Women Patients"),
# "Male" or "Female" before people (up to two words between: "Female Sex Workers", "Male Kidney Transplant
# Recipients"), and a state only women have, alone ("Postmenopausal Osteoporosis", "Renin in Pregnancy", "Adverse
# Pregnancy Outcomes") or of people ("Pregnant Women", "Pregnant Smokers"). Searched in lower case.
_STATE = r"pregnant|(?:pre|peri|post)-?\s?menopausal|(?:(?:in|during)\s+(?:[a-z-]+\s+)?)?pregnanc(?:y|ies)"
# A pregnancy that is men's part too: its prevention, a test for it, and a man's fertility ("Pregnancy Prevention",
# "Preventing Unintended Pregnancy", "Sperm DNA Damage and Pregnancy Rates"). A title that holds one of these does not
# name women by "pregnancy".
MENS_PART = re.compile(
    r"\b(?:pregnanc(?:y|ies)\s+(?:prevention|tests?|testing|intentions?)|prevent\w*\s+(?:(?:of|an?)\s+)?"
    r"(?:(?:unintended|unplanned|unwanted|teen(?:age)?|adolescent|repeat)\s+)?pregnanc(?:y|ies)|contracept\w*|sperm\w*"
    r"|semen|seminal|varicocel\w*|vasectom\w*|infertil\w*|fertility|azoospermi\w*)\b")
_BETWEEN = r"(?:\s+(?!(?:and|or|of|in|with|for|to|among|versus|vs|condoms?)\b)[a-z][a-z-]*){0,2}"
NAMED = re.compile(
    rf"\b(?:(?P<female_noun>wom[ae]n|females|girls?|ladies)\b(?P<female_possessive>{_POSSESSIVE})"
    rf"|(?P<male_noun>men|males|boys?|gentlemen)\b(?P<male_possessive>{_POSSESSIVE})"
    rf"|(?P<female_people>female{_BETWEEN}\s+{PEOPLE})\b|(?P<male_people>male{_BETWEEN}\s+{PEOPLE})\b"
    rf"|(?P<female_state>{_STATE})\b(?:\s+(?P<state_people>wom[ae]n|females|girls|ladies|{PEOPLE})\b)?)"
    rf"(?:\s+{PEOPLE}\b)?")
# Any word of a sex, of people or not ("Female Condom", "Male Circumcision"): a title that names both sexes so names
# no one sex of its participants.
ANY_SEX = re.compile(rf"\b(?:(?P<female>wom[ae]n|females?|girls?|lad(?:y|ies)|{_STATE})|(?P<male>men|males?|boys?"
                     r"|gentlemen))\b")
# People who are not the participants, or not all of them: a study of them and of the patients, or of them only
# ("Infants Born to HIV-Infected Women", "Wives of Men With Prostate Cancer", "Training Providers to Screen Women").
OTHERS = re.compile(
    r"\b(?:partners?|spouses?|spousal|husbands?|wives|wife|couples?|mothers?|fathers?|maternal\w*|paternal\w*"
    r"|parents?|parental|infants?|babies|baby|newborns?|neonat\w*|child(?![- ]?bearing)|children|offspring|sons?"
    r"|daughters?|sisters?|brothers?|siblings?|famil(?:y|ies)|relatives?|caregivers?|carers?|dyads?|fet(?:us|al)"
    r"|foet(?:us|al)|clients|providers?|clinicians?|physicians?|doctors?|nurses?|midwives|staff|health\s*(?:care\s+)?"
    r"workers?|teachers?|peers?)\b")
# Words of gender identity and of sex between people of one sex: a Sex of 'ALL' or of the other sex may be meant.
GENDER_IDENTITY = re.compile(
    r"\b(?:transgender|transsexual\w*|trans\s+(?:wom[ae]n|m[ae]n|people|persons?|individuals?)|cisgender|cis\s+"
    r"(?:wom[ae]n|m[ae]n)|gender[- ](?:identity|dysphoria|incongruence|affirm\w*|reassign\w*|diverse|minorit\w*"
    r"|non-?conforming|expansive|variant|queer|fluid)|non-?binary|(?:male|female)[- ]to[- ](?:female|male)"
    r"|mtf|ftm|intersex|msm|wsw|sex\s+with\s+(?:m[ae]n|wom[ae]n)|(?:gay|bisexual|lesbian)\w*|queer)\b")
_FEMALE_PEOPLE, _MALE_PEOPLE = r"(?:wom[ae]n|females|girls|ladies)", r"(?:men|males|boys|gentlemen)"
_JOINED = r"(?:\s*/\s*|\s+(?:and(?:\s*/\s*or)?|or|&|vs\.?|versus)\s+)(?:[a-z-]+\s+){0,2}?"
# Participants of both sexes named together: nouns of people of each sex joined ("Men and Women", "Women vs. Men",
# "Boys and Girls", "Men and Postmenopausal Women"; not "Men and Women's Health"), "Male and Female" before people
# ("Healthy Male and Female Volunteers"), and "Both Sexes". Searched in a title `blanked`.
BOTH_SEXES = re.compile(
    rf"\b(?:(?P<first>{_FEMALE_PEOPLE}|{_MALE_PEOPLE}){_JOINED}(?P<second>{_FEMALE_PEOPLE}|{_MALE_PEOPLE})\b(?!['’])"
    rf"|(?P<first_sex>female|male){_JOINED}(?P<second_sex>female|male){_BETWEEN}\s+{PEOPLE}\b"
    r"|both\s+(?:sexes|genders)\b|either\s+(?:sex|gender)\b)")
# Names that hold a word of a sex and say nothing of the participants: institutions and the Women's Health
# Initiative.
NAMES = re.compile(r"\b(?:wom[ae]n|m[ae]n)['’]?s?\s+(?:health\s+initiative|hospitals?|college|university"
                   r"|(?:medical\s+)?cent(?:er|re)s?|clinics?|institutes?|foundation)\b"
                   r"|\b(?:boys?|girls?)\s+(?:town|scouts?|clubs?)\b")
# A sex's people as the object of a harm done them, the study's topic and not its participants ("Preventing Violence
# Against Women", "Reducing Men's Violence Toward Women", "Sexual Abuse of Girls"): blanked, so a study of men who may
# do the harm is not read as a study of women. "Violence of Men" names who does it, so "of" follows only a harm done.
HARMED = re.compile(
    r"\b(?:(?:violence|abuse|aggression|assaults?|harassment|discrimination|crimes?)\s+(?:against|towards?)"
    r"|(?:abuse|assaults?|harassment|mutilation|trafficking|exploitation|murders?)\s+of)"
    r"\s+(?:wom[ae]n|girls?|m[ae]n|boys?)\b(?!['’])")
# People of no stated sex that a title may name beside those of one sex ("in Healthy Participants and ... in Healthy
# Female Participants"): a study of both.
UNSEXED = re.compile(r"\b(?:patients|subjects|participants|volunteers|individuals|persons|people|adults|adolescents"
                     r"|controls)\b")
# People besides the participants of one sex whom the criteria admit ("Biological parents (both male and female) of
# TS subjects may be included", "Fathers", "Control subjects must be ..."): a Sex of 'ALL' is theirs too. Mothers are
# not read: in a study of women they are the participants.
CRITERIA_OTHERS = re.compile(
    r"\b(?:parents?|fathers?|partners?|spouses?|husbands?|couples?|caregivers?|children|infants?|newborns?|siblings?"
    r"|controls|control\s+(?:subjects?|participants?|group|volunteers?)|healthy\s+(?:volunteers?|controls?))\b")
# Aims a title joins, each after its own "on" ("The Effect of X on Arterial Tone, and on Erectile Function in Men
# With ..."): the first "on" and each "and on" (or "as well as on") that opens a later aim, where the aims begin.
_AIM_OPENS = re.compile(r"\bon\b(?=[^;:]*?(?:,\s*|\s+)(?:and|as\s+well\s+as)\s+on\b)"
                        r"|(?:,\s*|\s+)(?:and|as\s+well\s+as)\s+on\b")
# A word of two or more capitals: an acronym or a code ("MEN-10755", "MEN 2A", "SONS") in a title that is not all
# capitals.
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


class Named(NamedTuple):
    """Participants of one sex a title names: their sex, where the words stand, and whether they are people (not a
    possessive or a woman's state)."""

    sex: str
    start: int
    end: int
    people: bool


def _lowered(text: str) -> str:
    """The title in lower case, one character for each of its characters (offsets kept)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c.lower()[0] for c in text)


def blanked(text: str) -> str:
    """The title in lower case, with names that hold a word of a sex, people harmed ("Violence Against Women") and
    words of capitals in a title that is not all capitals ("MEN-10755", "MEN 2A", "SONS") blanked out (offsets
    kept)."""
    if text.upper() != text:
        text = _CAPITALS.sub(lambda m: " " * len(m.group(0)), text)
    lowered = NAMES.sub(lambda m: " " * len(m.group(0)), _lowered(text))
    return HARMED.sub(lambda m: " " * len(m.group(0)), lowered)


def named_participants(lowered: str) -> list[Named]:
    """The participants of one sex a title (`blanked`) names, in order."""
    found = []
    mens_part = MENS_PART.search(lowered) is not None
    for m in NAMED.finditer(lowered):
        if mens_part and "pregnanc" in (m.group("female_state") or ""):
            continue
        female = m.group("female_noun") or m.group("female_people") or m.group("female_state")
        possessive = m.group("female_possessive") or m.group("male_possessive")
        found.append(Named(FEMALE if female else MALE, m.start(), m.end(),
                           not possessive and (not m.group("female_state") or bool(m.group("state_people")))))
    return found


def names_unsexed_people(lowered: str, named: list[Named]) -> bool:
    """Whether a title (`blanked`) names people of no sex outside the words of its participants of one sex."""
    return any(not any(n.start <= m.start() < n.end for n in named) for m in UNSEXED.finditer(lowered))


def of_one_aim(lowered: str, named: list[Named]) -> bool:
    """Whether the participants of one sex a title (`blanked`) names all stand in one of the aims it joins, each after
    its own "on", while another aim names no sex ("on Arterial Tone, and on Erectile Function in Men"): the people
    of that aim or measure, not all the study's participants."""
    opens = [m.start() for m in _AIM_OPENS.finditer(lowered)]
    if len(opens) < 2 or not named or named[0].start < opens[0]:
        return False
    aims = {sum(1 for begin in opens if begin <= n.start) for n in named}
    return len(aims) == 1


def _sex_of(word: str) -> str:
    """The sex a noun or adjective of people names ("women", "male")."""
    return FEMALE if re.match(r"wom|fem|girl|lad", word) else MALE


def both_sexes_named(lowered: str) -> re.Match | None:
    """The first words of a title (`blanked`) that name participants of both sexes together, if any."""
    for m in BOTH_SEXES.finditer(lowered):
        first, second = m.group("first") or m.group("first_sex"), m.group("second") or m.group("second_sex")
        if first is None or _sex_of(first) != _sex_of(second):
            return m
    return None


def sexes_named(lowered: str) -> set[str]:
    """The sexes any word of a title (`blanked`) names, of people or not."""
    return {FEMALE if m.group("female") else MALE for m in ANY_SEX.finditer(lowered)}


def study_title_sex_findings(nct_id: str, titles: list[tuple[str, str]], gender: str | None,
                             gender_based: bool | None = None, status: str | None = None,
                             criteria: str | None = None, conditions: tuple[str, ...] = ()) -> Iterator[Finding]:
    """A finding when a title (`titles`: (field, text), brief first) names the participants as one sex while the
    record's Sex (`gender`) admits only the other (a warning) or all (info, from people named, not a possessive or a
    state, where the `criteria` admit no other people and no condition names the other sex)."""
    if gender not in (FEMALE, MALE, BOTH) or gender_based or status == "WITHHELD":
        return
    read = [(field, text, blanked(text)) for field, text in titles if text]
    if any(OTHERS.search(lowered) or GENDER_IDENTITY.search(lowered) for _f, _t, lowered in read):
        return
    if gender != BOTH:
        both = next(((field, text, m) for field, text, lowered in read if (m := both_sexes_named(lowered))), None)
        if both:
            yield _both_sexes_finding(nct_id, *both, gender)
            return
    sexes = set().union(*(sexes_named(lowered) for _f, _t, lowered in read))
    if len(sexes) != 1:
        return
    named = [(field, text, lowered, named_participants(lowered)) for field, text, lowered in read]
    if gender == BOTH and (any(found and names_unsexed_people(lowered, found) for _f, _t, lowered, found in named)
                           or criteria and CRITERIA_OTHERS.search(criteria.lower())
                           or any(sexes_named(blanked(condition)) - sexes for condition in conditions if condition)):
        return
    for field, text, lowered, found in named:
        if gender == BOTH and of_one_aim(lowered, found):
            continue
        against = [n for n in found if n.sex != gender and (gender != BOTH or n.people)]
        if against:
            yield _finding(nct_id, field, text, against[0], gender)
            return


def _finding(nct_id: str, field: str, text: str, named: Named, gender: str) -> Finding:
    """The finding of a title's participants of one sex (`named`) against the record's Sex."""
    words = " ".join(text[named.start:named.end].split())
    label, sex = FIELD_LABELS.get(field, field), named.sex.lower()
    if gender == BOTH:
        message = (f"The {label} names the participants as {sex} ('{words}'), while the record's Sex is 'ALL': the "
                   f"title or the Sex may be wrong.")
    else:
        message = (f"The {label} names the participants as {sex} ('{words}'), while the record's Sex is '{gender}': "
                   f"the Sex or the title is wrong.")
    evidence = f"{field}: '{excerpt(text, named.start, named.end)}'; eligibilities.gender='{gender}'"
    return Finding(nct_id, message, evidence, (field, "eligibilities.gender"), INFO if gender == BOTH else WARNING)


def _both_sexes_finding(nct_id: str, field: str, text: str, named: re.Match, gender: str) -> Finding:
    """The finding of a title's participants of both sexes (`named`) against a Sex of one sex."""
    words = " ".join(text[named.start():named.end()].split())
    message = (f"The {FIELD_LABELS.get(field, field)} names participants of both sexes ('{words}'), while the "
               f"record's Sex is '{gender}': the Sex or the title is wrong.")
    evidence = f"{field}: '{excerpt(text, named.start(), named.end())}'; eligibilities.gender='{gender}'"
    return Finding(nct_id, message, evidence, (field, "eligibilities.gender"), WARNING)


# The studies whose titles hold a word of a sex are read further (RE2, in Arrow).
SCREEN = (r"(?i)\b(?:wom[ae]n|m[ae]n|females?|males?|girls?|boys?|ladies|gentlemen|pregnan(?:t|cy|cies)"
          r"|(?:pre|peri|post)-?\s?menopausal|both\s+(?:sexes|genders)|either\s+(?:sex|gender))\b")


def title_sex_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """A title names the participants as one sex while the record's Sex admits only the other, or all."""
    titles = rows_by_study_matching(con, scope, "studies", ("brief_title", "official_title", "overall_status"), SCREEN)
    sexes = rows_by_study(con, scope, "eligibilities", ("gender", "gender_based"))
    criteria = texts_by_study(con, scope, ("eligibilities.criteria",))
    conditions = rows_by_study_matching(con, scope, "conditions", ("name",), SCREEN)
    for nct_id in sorted(titles):
        rows, given = titles[nct_id], sexes.get(nct_id)
        if len(rows) != 1 or not given or len(given) != 1:
            continue
        brief, official, status = rows[0]
        said = "\n".join(t.text for t in criteria.get(nct_id, []))
        named = tuple(name for (name,) in conditions.get(nct_id, []))
        yield from study_title_sex_findings(nct_id, list(zip(TITLE_FIELDS, (brief, official))), given[0][0],
                                            given[0][1], status, said, named)


RULES = (
    Rule(RULE_ID, "contradiction", WARNING,
         "The registry's Sex is the biological sex of the participants eligible: a title that names them as one sex "
         "('in Postmenopausal Women', 'Healthy Male Volunteers') while Sex admits only the other has the wrong Sex "
         "or the wrong title (a warning), as does a title that names them as both sexes ('in Men and Women', 'Healthy "
         "Male and Female Volunteers') while Sex admits only one; while Sex is 'ALL', a title of one sex means the "
         "title or the Sex may be wrong (info). Titles that name other people (partners, mothers and infants, "
         "caregivers, clinicians), gender identity or a sex in a name, and records whose eligibility is based on "
         "gender identity, stay quiet, as does a title against 'ALL' whose record's criteria admit other people "
         "(parents, partners, controls) or whose conditions name the other sex ('Male Breast Cancer'), or that "
         "names one sex in one of the aims it joins only ('on Arterial Tone, and on Erectile Function in Men').",
         TITLE_FIELDS + ("eligibilities.gender",), func=title_sex_differs, in_worker=True),
)
