"""Rule contradictions.description_sex_differs: a summary or description whose own cohort is of both sexes, or of the
other sex, against a Sex of one.

ClinicalTrials.gov's Sex (`eligibilities.gender`) is the biological sex of the participants eligible. A summary or a
detailed description often counts the people the study enrols or follows ("a cohort of 795 men and women aged 75
years or older", "4,706 men and women ages 40-59", "Five hundred men and 500 women were recruited", "A total of 148
overweight women were recruited"). A study that counts its participants as men and women while Sex admits only one
sex, or counts only people of the other sex, has the wrong Sex or the wrong text: a data team that selects studies
by sex is misled. (Hundreds of legacy NHLBI records of cohort studies give Sex 'Male' so.)

A cohort is read where it is counted: a number (in digits or words: "Forty men and forty women", "One hundred and
fifty (150) men") before people of a sex, with up to three words of kind between ("2,017 Black men and women", "300
PPD positive male and female Latino youth"), a count after them ("African American males and females (N=352)"), or
an even split ("180 subjects divided equally between men and women", "equal numbers of white male and female
probands"). Men and women counted apart in one sentence ("1,961 men and 423 women") are both sexes; a phrase of one
sex ("4500 girls and women") is that sex. Besides counts, people of both sexes named as the participants' kind
("healthy adult male and female subjects", "all patients, men and women,") and the purpose that opens a brief
summary ("To determine the prevalence of sleep apnea among men and women") are read.

Not read: a sentence that reports other studies or earlier findings ("The largest of these was an epidemiological
survey involving 3,800 men and women", "a study of Black Impact in 340 Black men is ongoing", "They established the
prevalence of sleep apnea in men based on ... approximately 1,000 men"), one that names people related to the
participants or caring for them (partners, spouses, mothers, children, caregivers), or gender identity; a number
that is an age, a year, a percentage or a measure ("before age 65 in women", "56 percent women", "a relative risk of
1.45 in women"); and men and women without a count ("the decline of ischemic heart disease in both white men and
women has been greater", "compared to healthy men and women"). A record whose eligibility is based on gender
identity, a WITHHELD record and a Sex of 'ALL' or absent are not compared; nor is a record whose title names the
participants as both sexes or the other sex (contradictions.title_sex_differs flags that record for the same Sex).
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import FIELD_LABELS, excerpt, rows_by_study, studies_with, texts_mentioning
from checks.title_sex import GENDER_IDENTITY, PEOPLE, TITLE_FIELDS, study_title_sex_findings

RULE_ID = "contradictions.description_sex_differs"
FEMALE, MALE = "FEMALE", "MALE"
TEXT_FIELDS = ("brief_summaries.description", "detailed_descriptions.description")

_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                r"|hundred|thousand)")
# A count of people: digits (not a year, a decimal or a part of a code) or number words ("one hundred and fifty"),
# with its digits after in brackets ("One hundred and fifty (150)"), not after a word that makes it an age, a time or
# a label ("age 65", "Exam 5", "Grade 6", "N=").
COUNT = (r"(?<![\w.,$£€/=:#-])(?<!\bage\s)(?<!\bages\s)(?<!\baged\s)(?<!\bgrade\s)(?<!\bexam\s)(?<!\bcycle\s)"
         rf"(?:(?!(?:19|20)\d\d\b)(?:\d{{1,3}}(?:,\d{{3}})+|\d+)|{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*)"
         r"(?:\s*\(\d[\d,]*\))?(?![\w%]|[.,]\d)")
# Words of kind between a count and the people it counts ("Black", "United States", "pregnant, nulliparous"): not a
# word that makes the number something else ("percent", "years", "in", "for").
_KIND = (r"(?:(?:black|white)\s+and\s+(?:black|white)\s+|(?!(?:in|for|of|to|with|at|per|percent|by|from|than|and|or"
         r"|the|a|an|as|on|who|were|was|are|is|aged?|ages|years?|months?|weeks?|days?|hours?|times|more|less|fewer"
         r"|other|these|those|such|each|every|between|among|older|younger|over|under|equally|divided)\b)"
         r"[a-z][a-z'-]*,?\s+){0,3}")
_MEN, _WOMEN = r"(?:men|males|boys)", r"(?:women|females|girls)"
# People of the study's kind, besides those title_sex reads ("probands", "youth").
_PEOPLE = rf"(?:{PEOPLE}|probands|youth|employees|respondents|runners|children|elderly)"
_JOIN = r"\s*(?:,|and|&|or|and/or)\s*"
# Both sexes in one phrase: nouns of people of each ("men and women", "girls and women" is one sex), or "male and
# female" before people ("male and female employees", up to two words between: "male and female Latino youth").
_PAIR = (rf"(?:{_MEN}|{_WOMEN}){_JOIN}(?:{_MEN}|{_WOMEN})\b"
         rf"|(?:male|female){_JOIN}(?:male|female)(?:\s+[a-z-]+){{0,2}}?\s+{_PEOPLE}\b")
_ONE = rf"{_MEN}\b|{_WOMEN}\b|(?:male|female)(?:\s+[a-z-]+){{0,2}}?\s+{_PEOPLE}\b"
# A counted cohort: a count before people of a sex or of both ("795 men and women", "148 overweight women", "1,961 men
# and 423 women" twice), both sexes with a count after them ("males and females (N-352"), and an even split ("divided
# equally between men and women", "equal numbers of white male and female probands").
COUNTED = re.compile(
    rf"{COUNT}\s+{_KIND}(?P<counted>{_PAIR}|{_ONE})"
    rf"|(?P<numbered>{_PAIR})\s*\(\s*n\s*[-=:]?\s*\d"
    rf"|(?:(?:divided|split)\s+(?:equally\s+)?between|equally\s+divided\s+between|equal\s+numbers?\s+of"
    rf"|same\s+number\s+of)\s+(?:[a-z-]+\s+){{0,3}}?(?P<split>{_PAIR})")
# People of both sexes named as the participants' kind: "male and female" before people, or people then "men and
# women" beside them ("all patients, men and women,").
NAMED_BOTH = re.compile(rf"\b(?P<both>(?:male|female){_JOIN}(?:male|female)(?:\s+[a-z-]+){{0,2}}?\s+{_PEOPLE})\b"
                        rf"|\b{_PEOPLE}\s*[,(]\s*(?:both\s+)?(?P<beside>{_PAIR})")
# The purpose opening a brief summary ("To determine ... among men and women aged 35-54", "... in both sexes"):
# both sexes after a word that names a population.
PURPOSE_BOTH = re.compile(rf"\b(?:among|in|of|for|by|between)\s+(?:both\s+)?{_KIND}(?P<purpose>{_PAIR})"
                          r"|\b(?P<sexes>both\s+sexes)\b")
# A sentence that reports other studies or earlier findings: its people are not this study's.
LITERATURE = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|published|literature|meta-?analys[a-z]*|reported|(?:has|have)\s+(?:been\s+)?"
    r"shown|showed|demonstrated|established|found\s+that|suggested|et\s+al|the\s+largest\s+of\s+these|another\s+stud"
    r"(?:y|ies)|other\s+stud(?:y|ies)|several\s+stud(?:y|ies)|(?:is|are)\s+(?:now\s+)?ongoing|national\s+average"
    r"|estimated\s+at)\b")
# People related to the participants or caring for them: a sentence of them counts others than the participants.
RELATED = re.compile(
    r"\b(?:partners?|spouses?|spousal|husbands?|wives|wife|couples?|mothers?|fathers?|parents?|infants?|babies"
    r"|newborns?|daughters?|sons|siblings?|caregivers?|carers?|widow(?:s|ers?)?|clinicians?|physicians?"
    r"|doctors?|nurses?|providers?|staff)\b")
# What a counted cohort holds besides its people: a digit, a number word or an even split.
_COUNTABLE = re.compile(rf"\d|\b{_NUMBER_WORD}\b|\b(?:divided|split|equal|same)\b")
# A word of a sex: a sentence without one names no cohort of a sex.
SEX_WORD = re.compile(r"\b(?:wom[ae]n|m[ae]n|(?:fe)?males?|girls|boys|sexes)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'(]?[A-Z0-9])|\n\s*\n")


class Cohort(NamedTuple):
    """People a sentence names as the study's: their sexes, where the words stand, and how they were read."""

    sexes: frozenset[str]
    start: int
    end: int
    counted: bool


def _sexes_of(words: str) -> frozenset[str]:
    """The sexes the words of people name ("men and women", "female subjects", "girls and women")."""
    found = set()
    for word in re.findall(r"[a-z]+", words):
        if word in ("women", "females", "girls", "female"):
            found.add(FEMALE)
        elif word in ("men", "males", "boys", "male"):
            found.add(MALE)
    return frozenset(found)


def _lowered(text: str) -> str:
    """The text in lower case, one character for each of its characters (offsets kept)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c.lower()[0] for c in text)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Where each sentence of a text starts and ends."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def cohorts_of(sentence: str, opening: bool = False) -> list[Cohort]:
    """The study's own people of a sex a sentence (lower case) names: counted, named as its participants' kind, or,
    in the `opening` purpose of a brief summary, after a word of a population; none in a sentence of other
    studies, of the participants' relatives or of gender identity."""
    if not SEX_WORD.search(sentence) or LITERATURE.search(sentence) or RELATED.search(sentence) \
            or GENDER_IDENTITY.search(sentence):
        return []
    found = []
    for m in (COUNTED.finditer(sentence) if _COUNTABLE.search(sentence) else ()):
        start, end = (m.span("numbered") if m.group("numbered") else m.span())
        found.append(Cohort(_sexes_of(m.group("counted") or m.group("numbered") or m.group("split")), start, end, True))
    for m in NAMED_BOTH.finditer(sentence):
        group = "both" if m.group("both") else "beside"
        found.append(Cohort(_sexes_of(m.group(group)), m.start(group), m.end(group), False))
    if opening and sentence.startswith("to "):
        for m in PURPOSE_BOTH.finditer(sentence):
            group = "purpose" if m.group("purpose") else "sexes"
            found.append(Cohort(frozenset((FEMALE, MALE)), m.start(group), m.end(group), False))
    return [c for c in found if c.sexes]


def against(cohorts: list[Cohort], gender: str) -> Cohort | None:
    """The cohort that a Sex of one sex (`gender`) cannot admit: one of both sexes, counted men and counted women
    together, or people of the other sex only; None if every cohort is of `gender`."""
    other = FEMALE if gender == MALE else MALE
    both = next((c for c in cohorts if c.sexes == {FEMALE, MALE}), None)
    if both:
        return both
    counted = [c for c in cohorts if c.counted]
    if {FEMALE, MALE} <= set().union(*(c.sexes for c in counted)):
        return Cohort(frozenset((FEMALE, MALE)), min(c.start for c in counted), max(c.end for c in counted), True)
    return next((c for c in cohorts if c.sexes == {other}), None)


def study_description_sex_findings(nct_id: str, texts: list[tuple[str, str]], gender: str | None,
                                   gender_based: bool | None = None, status: str | None = None) -> Iterator[Finding]:
    """A finding when a summary or description (`texts`: (field, text), brief summary first) counts or names the
    study's participants as both sexes, or as the other sex only, while the record's Sex (`gender`) is one sex."""
    if gender not in (FEMALE, MALE) or gender_based or status == "WITHHELD":
        return
    for field, text in texts:
        lowered = _lowered(text)
        sexed = [m.start() for m in SEX_WORD.finditer(lowered)]
        for number, (start, end) in enumerate(sentences(text)):
            if not any(start <= at < end for at in sexed):
                continue
            opening = number == 0 and field == "brief_summaries.description"
            cohort = against(cohorts_of(lowered[start:end], opening), gender)
            if cohort:
                yield _finding(nct_id, field, text, cohort._replace(start=start + cohort.start,
                                                                     end=start + cohort.end), gender)
                return


def _finding(nct_id: str, field: str, text: str, cohort: Cohort, gender: str) -> Finding:
    """The finding of a description's cohort (`cohort`) against the record's Sex."""
    words = " ".join(text[cohort.start:cohort.end].split())
    # Participants of the other sex may be one part of a study that counts others too: "counts female participants",
    # not "as female only".
    people = ("the study's participants of both sexes" if len(cohort.sexes) == 2
              else f"{next(iter(cohort.sexes)).lower()} participants")
    named = "counts" if cohort.counted else "names"
    message = (f"The {FIELD_LABELS.get(field, field)} {named} {people} ('{words}'), while the record's Sex is "
               f"'{gender}': the Sex or the text is wrong.")
    evidence = f"{field}: '{excerpt(text, cohort.start, cohort.end)}'; eligibilities.gender='{gender}'"
    return Finding(nct_id, message, evidence, (field, "eligibilities.gender"))


# The texts read hold a word of a sex once folded ("men" is in "women", "male" in "female").
WORDS = ("men", "male", "boys", "girls", "sexes")


def description_sex_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """A summary or description counts the study's participants as both sexes, or the other sex, against a Sex of
    one; a record whose title already names them so is title_sex_differs's."""
    one_sex = scope.of(scope.nct_ids & studies_with(con, scope, "eligibilities", "gender", (FEMALE, MALE)))
    texts = texts_mentioning(con, one_sex, TEXT_FIELDS, WORDS)
    sexes = rows_by_study(con, one_sex, "eligibilities", ("gender", "gender_based"))
    studies = rows_by_study(con, one_sex, "studies", ("brief_title", "official_title", "overall_status"))
    for nct_id in sorted(texts):
        given, rows = sexes.get(nct_id), studies.get(nct_id)
        if not given or len(given) != 1 or not rows or len(rows) != 1:
            continue
        (gender, gender_based), (brief, official, status) = given[0], rows[0]
        titles = list(zip(TITLE_FIELDS, (brief, official)))
        if any(study_title_sex_findings(nct_id, titles, gender, gender_based, status)):
            continue
        read = sorted(((t.field, t.text) for t in texts[nct_id]), key=lambda t: TEXT_FIELDS.index(t[0]))
        yield from study_description_sex_findings(nct_id, read, gender, gender_based, status)


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "The registry's Sex is the biological sex of the participants eligible: a summary or description that "
         "counts the study's own participants as both sexes ('a cohort of 795 men and women aged 75 years or "
         "older', 'Five hundred men and 500 women were recruited'), or as the other sex only ('A total of 148 "
         "overweight women were recruited' under Sex 'MALE'), while Sex admits one sex has the wrong Sex or the "
         "wrong text. People named as the participants' kind ('healthy adult male and female subjects') and a brief "
         "summary's opening purpose ('To determine ... among men and women') are read too. Sentences of other "
         "studies or earlier findings, of the participants' partners, relatives or carers, or of gender identity, "
         "and men and women named without a count elsewhere, stay quiet; a record whose title already names both "
         "sexes or the other sex is left to title_sex_differs.",
         TEXT_FIELDS + ("eligibilities.gender",), func=description_sex_differs, in_worker=True),
)
