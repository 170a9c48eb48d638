"""The participants' ages the inclusion criteria state against the record's Minimum Age and Maximum Age.

ClinicalTrials.gov's review asks that the criteria's age limits agree with the ages given as data
(`eligibilities.minimum_age`, `maximum_age`: '18 Years', '6 Months', 'N/A'): a data team that filters by the
structured ages gets the wrong trials when they differ ("Age 12 to 17 years" with a minimum of '18 Years', "aged
18-65 years" with no maximum). Only one clear age limit for everyone is read: a criterion of the inclusion list that
opens with the participants' age ("Age 18-65 years", "Male or female, aged 18 to 75", "18 years of age or older"),
or the first item of a list without any heading, as legacy records of the NIH Clinical Center write their criteria
("Age 21-80.", then the other criteria). Ages of other people (parents, children of the participants, members of a
household or people counted among others: "at least one person <18 years of age"), gestational ages, ages at an
event (at diagnosis, at the time of migraine onset, when a vaccine was received), ages at a calendar date (a
cohort's "Age 30-60 in 1988"), durations, several groups' ages (patients' beside controls or healthy volunteers,
groups that sentences admit: "Health system participants will be eligible if ... Patient participants will be
eligible if ..."), an age among options ("at least 3 risk factors: - age > 60 yrs", a list that a later sentence
takes as alternatives: "... who may not fit into the above inclusion criteria"), the age from which assent is asked
or of those "excluded", and a limit that the criterion qualifies ("18 years or the age of majority", "or 16 with
parental consent", "(selected patients up to age 70 may be eligible)", "65 and over OR postmenopausal") are no such
limit, and the text stays unread; so is an age stated of one sex where the record's Sex admits another ("Women > 50
years old" in a trial of both sexes), and a decimal that is the next criterion's number glued to its age ("5. Able
to perform study procedures 6.21-45 years of age"). Where another inclusion item states inside it an age of its own
people that no age of the statement meets ("Patients having an age of > 65 years with ..." beside "Patients having
low risk ... and having an age of <65 years"), each item is one way in: the ages all ways admit together are compared
with the record's, and only a side they still disagree on is named. Ages are compared as calendar lengths, as
protocol.minimum_age_above_maximum compares them, and a bound written with "under", "older than" or as a plain range
may mean the next whole age ('under 18' and '17 Years' agree; '18 to 65' and '64 Years' agree), and "between 18 and
65" may leave both its ends out ('19 Years' to '64 Years' agree, not '19 Years' to '65'). A lower age of 0 ("aged
0-6 months") sets no minimum or one of the first day of life ('1 Day'), an upper age of 100 years or more ("Age:
0-120") no maximum; units and the word for age written in another language ("Edad ≥ 18 años", "6-24 meses") are read
as they say, and a bare letter after an age ("0-6 m") leaves it unread.

How a criterion writes its ages and what the record's ages are compared as are read in the modules beside this one:
`criteria_age_bounds` (units, signs and forms of bound), `criteria_age_words` (the words that make a bound an age),
`criteria_age_criterion` (the bounds one criterion opens with, or why they are no limit for everyone),
`criteria_age_groups` (criteria of several groups, ages elsewhere for some), `criteria_age_statement` (the one
criterion or PDQ block that states the age) and `criteria_age_agreement` (the record's ages against the bounds).
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.criteria_age_agreement import disagreeing, structured_age
from checks.criteria_age_alternative_ways import other_ways_ages, widened
from checks.criteria_age_bounds import Age, Bound
from checks.criteria_age_criterion import CRITERION_WIDTH
from checks.criteria_age_groups import age_elsewhere, for_groups
from checks.criteria_age_statement import one_statement
from checks.criteria_sex_named import FEMALE, FEMALE_NOUN, MALE, MALE_NOUN
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

RULE_ID = "contradictions.criteria_age_differs"
# The layouts that state a limit the record does not set as 'N/A' (legacy XML) or leave it out (API v2), and the
# clincosm page, whose one line states both ends ("18 Years and Older": no maximum; "up to 5 Days": no minimum):
# there an absent age is no limit where the other is given. Another republished page may show one end only (a
# meddatax page its minimum), or no ages at all: there an absent age is unknown.
REGISTRY_LAYOUTS = ("ctgov_json_v2", "ctgov_xml")
OPEN_END_LAYOUTS = REGISTRY_LAYOUTS + ("ctgov_classic_text",)


def _said(age: Age) -> str:
    number = f"{age.number:g}"
    return f"{number} {age.unit}{'' if age.number == 1 else 's'}"


def _ages_said(bounds: tuple[Bound, ...]) -> str:
    """The criterion's ages in words: '18 to 65 years', 'at least 18 years', 'under 18 years'."""
    by_side = {b.side: b for b in bounds}
    lower, upper = by_side.get("lower"), by_side.get("upper")
    if lower and upper:
        return f"{_said(lower.age)} to {_said(upper.age)}"
    if lower:
        return f"{'over' if lower.kind == 'strict' else 'at least'} {_said(lower.age)}"
    return f"{'under' if upper.kind == 'strict' else 'up to'} {_said(upper.age)}"


def _other_ways_said(bounds: tuple[Bound, ...], others: list[tuple[Bound, ...]]) -> str:
    """The ages of other ways into the study in words, and the ages all ways admit together ("" where none)."""
    if not others:
        return ""
    theirs = " and ".join(_ages_said(one) for one in others)
    return f" in one criterion and {theirs} in another ({_ages_said(widened(bounds, others))} together)"


def _limit_said(value: str | None) -> str:
    return f"'{value}'" if value else "none given"


# The words of each sex in a criterion that states an age ("Women > 50 years old", "Males aged 18-45").
_SEX_WORDS = {FEMALE: re.compile(rf"\b(?:{FEMALE_NOUN})\b"), MALE: re.compile(rf"\b(?:{MALE_NOUN})\b")}


def of_another_sex(criterion: str, sex: str | None) -> bool:
    """Whether the criterion that states the age names one sex only, and the record's Sex (`sex`: 'ALL', 'FEMALE',
    'MALE'; None when unknown) admits another: the age is that sex's ("- Women > 50 years old" in a myeloma trial of
    both sexes, NCT00972959), not every participant's."""
    if sex is None:
        return False
    named = [one for one, words in _SEX_WORDS.items() if words.search(criterion.lower())]
    return len(named) == 1 and named[0] != sex


# A list number that ends the text before a criterion (its point read as a sentence's end) or opens the criterion;
# and a number after a word and a space, glued to a number after its point ("procedures 6.21-45 years").
_NUMBER_BEFORE = re.compile(r"(?<!\d)(\d{1,2})[.)][ \t]*\Z")
_OWN_NUMBER = re.compile(r"[\s\-*\u2022]*\(?(\d{1,2})[.)]")
_GLUED_NUMBER = re.compile(r"(?<=[A-Za-z] )(\d{1,2})\.\d")


def glued_list_number(criteria: str, start: int, criterion: str) -> bool:
    """Whether the criterion at `start` holds the next criterion's list number glued to the age it opens with ("5.
    Able to perform study procedures 6.21-45 years of age" then "7.Blood glucose", NCT01395784): a decimal whose
    whole part is the number after the criterion's own, not an age of 6.21 years."""
    own = _NUMBER_BEFORE.search(criteria, max(0, start - 8), start) or _OWN_NUMBER.match(criterion)
    return own is not None and any(int(m[1]) == int(own[1]) + 1 for m in _GLUED_NUMBER.finditer(criterion))


def study_age_findings(nct_id: str, criteria: str, minimum: str | None, maximum: str | None,
                       registry: bool, lowered: str | None = None, memo: dict | None = None,
                       sex: str | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria's one age limit disagrees with the record's minimum or maximum age
    (`registry`: an absent age is no limit, as in a registry record; `lowered`, `memo`: as `stated_ages` takes them;
    `sex`: the record's Sex, None when unknown)."""
    lowered = criteria.lower() if lowered is None else lowered
    limits = {"lower": structured_age(minimum, registry), "upper": structured_age(maximum, registry)}
    if limits["lower"] is None and limits["upper"] is None:
        return  # both ages unknown (a page that may not show them): every bound agrees with them (`agrees`)
    found = one_statement(criteria, lowered, memo, lambda bounds: not disagreeing(bounds, limits))
    if found is None:
        return
    statement = found[0]
    wrong = disagreeing(statement.bounds, limits)
    if not wrong or found[1] is not None and (for_groups(criteria, lowered, *found[1], statement)
                                              or age_elsewhere(lowered, statement, *found[1])):
        return  # (read only where they disagree)
    criterion = criteria[statement.start:min(statement.end, statement.start + CRITERION_WIDTH)]
    if of_another_sex(criterion, sex) or glued_list_number(criteria, statement.start, criterion):
        return
    others = other_ways_ages(lowered, statement, *found[1]) if found[1] is not None else []
    if others:  # other ways in, each with its own age: the ages they admit together are compared
        wrong = disagreeing(widened(statement.bounds, others), limits)
        if not wrong:
            return
    sides = " and ".join(("minimum" if b.side == "lower" else "maximum") for b in wrong)
    message = (f"The {statement.source} state the participants' ages as {_ages_said(statement.bounds)}"
               f"{_other_ways_said(statement.bounds, others)}, which disagrees with the record's "
               f"{sides} age (minimum {_limit_said(minimum)}, maximum {_limit_said(maximum)}).")
    evidence = (f"eligibilities.criteria: '{excerpt(criteria, statement.start, statement.end, 0)}'; "
                f"eligibilities.minimum_age={_limit_said(minimum)}; eligibilities.maximum_age={_limit_said(maximum)}")
    yield Finding(nct_id, message, evidence)


def criteria_age_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria state one age limit for all participants that the record's ages do not give."""
    # Every read is made, even with no text to judge: the run's process makes them for its workers
    # (checks/rule_workers.py).
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    ages = rows_by_study(con, scope, "eligibilities", ("minimum_age", "maximum_age"))
    sexes = rows_by_study(con, scope, "eligibilities", ("gender", "gender_based"))
    layouts = rows_by_study(con, scope, "studies", ("source_layout",))
    for nct_id, found in texts.items():
        rows = ages.get(nct_id)
        if not rows or len(rows) != 1 or len(found) != 1:
            continue  # one criteria text beside one pair of ages
        layout = layouts.get(nct_id, [(None,)])[0][0]
        minimum, maximum = rows[0]
        registry = layout in OPEN_END_LAYOUTS and not (minimum is None and maximum is None)
        sex = sexes.get(nct_id, [(None, None)])[0][0]
        yield from study_age_findings(nct_id, found[0].text, minimum, maximum, registry, found[0].lowered,
                                      found[0].memo, sex)


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "ClinicalTrials.gov's review asks that the criteria's age limits agree with the record's Minimum and "
         "Maximum Age: a data team filtering by the structured ages gets the wrong trials when they differ. Read "
         "from text, so a warning, and only where the inclusion criteria (or the first item of criteria without "
         "headings) state one age limit for everyone; where other inclusion items admit people of other ages (one way "
         "in over 65, another under it) the ages all ways admit together are compared; ages "
         "are compared as calendar lengths, and 'under 18' agrees with '17 Years'.",
         ("eligibilities.criteria", "eligibilities.minimum_age", "eligibilities.maximum_age"),
         func=criteria_age_differs, in_worker=True),
)
