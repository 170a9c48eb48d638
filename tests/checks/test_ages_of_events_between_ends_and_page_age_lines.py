"""contradictions.criteria_age_differs on how records and pages word ages: an age said of an event (at migraine
onset, when a vaccine was received) is no bound of the participants' age, while one at a study's own moment (at
screening, at the time of consent) is; "between 18 and 65" may leave both its ends out; and a clincosm page's
"Ages Eligible for Study" line states both ends ("18 Years and Older": no maximum; "up to 5 Days": no minimum),
where a meddatax page that shows a minimum only, or a page without the line, leaves the other end unknown.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import checks
from checks.criteria_ages import study_age_findings
from flows.parsers import ctgov_classic_text
from tests.checks import harness

RULE_ID = "contradictions.criteria_age_differs"


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


# (criterion, minimum age, maximum age): the age at an event of the participants' past, not their age now.
EVENT_AGES_QUIET = [
    ("* Less than 50 years of age at the time of migraine onset.", "18 Years", "80 Years"),
    ("Younger than 40 years at the time of first cluster attack", "18 Years", "65 Years"),
    ("Under 30 years old when the first psoriasis lesions appeared", "18 Years", "75 Years"),
    ("aged below 45 yrs at time of MS onset", "18 Years", "65 Years"),
    ("Age < 50 years at the time of the index stroke", "18 Years", "90 Years"),
    ("Older than 6 months at the time of their first febrile seizure", "3 Months", "5 Years"),
    ("Children who received the vaccine at less than 12 months of age", "2 Years", "5 Years"),
    ("Participants vaccinated at < 6 months of age with BCG", "1 Year", "3 Years"),
    ("Patients who underwent Kasai portoenterostomy at ≤ 90 days of age", "6 Months", "17 Years"),
    ("Women who had a stroke at less than 50 years of age", "18 Years", "90 Years"),
    ("≤ 25 years old at the time of original diagnosis with ALL or AML", "1 Year", "21 Years"),
    # read as an event's age before too
    ("Women who had their menarche at 12 years or younger", "18 Years", "45 Years"),
    ("Age at onset < 50 years", "18 Years", "80 Years"),
    ("Onset of cluster headache before age 50", "18 Years", "80 Years"),
    ("Diagnosis of T1D before 30 years of age", "18 Years", "80 Years"),
    ("Diagnosed before age 30", "18 Years", "80 Years"),
    ("First seizure before 2 years of age", "1 Month", "17 Years"),
    ("Age at disease onset under 16 years", "2 Years", "40 Years"),
]
# (criterion, minimum age, maximum age): the participants' age at a moment of the study itself, still read.
STUDY_MOMENT_AGES_FIRE = [
    ("Less than 50 years of age at screening", "18 Years", "80 Years"),
    ("Less than 50 years of age at the time of consent", "18 Years", "80 Years"),
    ("Under 50 years of age at the time of randomisation", "18 Years", "80 Years"),
    ("≥ 18 years of age at the time of signing informed consent", "16 Years", None),
    ("Aged 40 years or younger at enrolment and with a diagnosis of migraine", "18 Years", "65 Years"),
    ("Age 18-45 years at the time of first dose", "18 Years", "65 Years"),
    ("Age 18 to 45 at time of study entry", "18 Years", "65 Years"),
    ("Less than 50 years of age at the screening visit", "18 Years", "80 Years"),
    ("At least 18 years of age at the time of planned surgery.", "16 Years", None),
    ("Aged 2 to 17 years at the time of the first vaccination", "2 Years", "11 Years"),
    ("Age ≥ 18 years at the time of enrollment in the transplant program", "16 Years", None),
    # a surgery named after "of" is no age's event
    ("Males and females age 21-85 without a history of spine surgery.", "18 Years", "85 Years"),
]

# A legacy record's PDQ block whose one age is an age at diagnosis.
PDQ_AT_DIAGNOSIS = ("DISEASE CHARACTERISTICS:\n\nRelapsed leukemia\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n"
                    "  -  21 and under at time of original diagnosis\n\nPerformance status:\n\n  -  Karnofsky 50-100%")


@pytest.mark.parametrize("criterion, minimum, maximum", EVENT_AGES_QUIET, ids=[c[0][:50] for c in EVENT_AGES_QUIET])
def test_an_age_said_of_an_event_is_no_bound_of_the_participants_age(criterion, minimum, maximum):
    assert not _fires(listed(criterion.lstrip("* ")), minimum, maximum)


def test_a_pdq_age_at_diagnosis_is_no_bound_of_the_participants_age():
    assert not _fires(PDQ_AT_DIAGNOSIS, "N/A", "18 Years")
    assert _fires(PDQ_AT_DIAGNOSIS.replace(" at time of original diagnosis", ""), "N/A", "18 Years")


@pytest.mark.parametrize("criterion, minimum, maximum", STUDY_MOMENT_AGES_FIRE,
                         ids=[c[0][:50] for c in STUDY_MOMENT_AGES_FIRE])
def test_an_age_at_a_moment_of_the_study_is_the_participants_bound(criterion, minimum, maximum):
    assert _fires(listed(criterion), minimum, maximum)


# (criterion, minimum age, maximum age): "between X and Y" read with both ends left out, as the record gives them.
BETWEEN_EXCLUSIVE_QUIET = [
    ("Be between the ages of 18 and 65", "19 Years", "64 Years"),
    ("Aged between 18 and 60 years", "19 Years", "59 Years"),
    ("Between 6 and 24 months of age", "7 Months", "23 Months"),
    ("Male or female between the ages of 40 & 75 years", "41 Years", "74 Years"),
    ("Healthy volunteers aged between 18 and 55 yrs", "19 Years", "54 Years"),
    # with both ends in, as before
    ("Be between the ages of 18 and 65", "18 Years", "65 Years"),
    ("Be between the ages of 18 and 65", "18 Years", "64 Years"),
]
# (criterion, minimum age, maximum age): one end read one way and the other the other way, another age, "inclusive"
# said, or no "between" at all: still a disagreement.
BETWEEN_FIRES = [
    ("Be between the ages of 18 and 65", "21 Years", "64 Years"),
    ("Be between the ages of 18 and 65", "19 Years", "65 Years"),
    ("Be between the ages of 18 and 65", "19 Years", None),
    ("Between 18 and 65 years of age, inclusive", "19 Years", "64 Years"),
    ("Aged between 18 and 65 years (both inclusive)", "19 Years", "64 Years"),
    ("Aged 18 to 65 years", "19 Years", "64 Years"),
    ("Between 6 and 24 months of age", "7 Months", "24 Months"),
]


@pytest.mark.parametrize("criterion, minimum, maximum", BETWEEN_EXCLUSIVE_QUIET,
                         ids=[f"{c[0][:40]} {c[1]}-{c[2]}" for c in BETWEEN_EXCLUSIVE_QUIET])
def test_between_read_with_both_ends_left_out_agrees(criterion, minimum, maximum):
    assert not _fires(listed(criterion), minimum, maximum)


@pytest.mark.parametrize("criterion, minimum, maximum", BETWEEN_FIRES,
                         ids=[f"{c[0][:40]} {c[1]}-{c[2]}" for c in BETWEEN_FIRES])
def test_between_with_other_ends_still_disagrees(criterion, minimum, maximum):
    assert _fires(listed(criterion), minimum, maximum)


# A clincosm page: its "Ages Eligible for Study" line, then the criteria -------------------------------------------

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CLASSIC = (GOLDEN / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
AGES_LINE = "Ages Eligible for Study:\n18 Years and Older\n"
CRITERIA_START = "Inclusion Criteria:\n"


def clincosm_page(ages: str | None, criterion: str, nct_id: str) -> dict[str, list[dict]]:
    """The tables of the golden clincosm page under `nct_id`, showing `ages` on its ages line (no line for None)
    and `criterion` as its first inclusion criterion, as the clincosm reader reads them."""
    text = CLASSIC.replace("NCT04916756", nct_id)
    assert text.count(AGES_LINE) == 1 and text.count(CRITERIA_START) == 1
    text = text.replace(AGES_LINE, f"Ages Eligible for Study:\n{ages}\n" if ages else "")
    text = text.replace(CRITERIA_START, f"{CRITERIA_START}  1. {criterion}\n\n", 1)
    (record,) = ctgov_classic_text.parse(text.encode()).records
    return harness.loaded_tables(record, ctgov_classic_text.LAYOUT)


# (nct id, the page's ages line, criterion): the line states both ends, so the criterion's other end disagrees.
CLINCOSM_FIRES = [
    ("NCT09210001", "18 Years and Older", "Aged 18-80 years;"),
    ("NCT09210002", "up to 5 Days", "> 48 hours of age and < 120 hours old"),
    ("NCT09210003", "18 Years and Older (Adult, Older Adult)", "Male or female, aged 18 to 75 years"),
    ("NCT09210004", "up to 17 Years (Child)", "Children aged 2-17 years"),
]
# (nct id, the page's ages line, criterion): ages that agree, or a page that shows no ages line.
CLINCOSM_QUIET = [
    ("NCT09210101", "18 Years and Older", "Aged 18 years or older"),
    ("NCT09210102", "up to 17 Years", "Children under 18 years of age"),
    ("NCT09210103", "18 Years to 80 Years", "Aged 18-80 years;"),
    ("NCT09210104", None, "Aged 18-80 years;"),
    ("NCT09210105", "Child, Adult, Older Adult", "Aged 18-80 years;"),
]
# (nct id, minimum age, criterion): a meddatax page shows the minimum only: its maximum is unknown.
MEDDATAX_QUIET = [
    ("NCT09210201", "18 Years", "Aged 18-80 years"),
    ("NCT09210202", "2 Years", "Children aged 2-17 years"),
]


@pytest.fixture(scope="module")
def page_flags(tmp_path_factory) -> set[str]:
    """The studies the rule flags among every page case, loaded into one warehouse."""
    studies = {nct_id: clincosm_page(ages, criterion, nct_id) for nct_id, ages, criterion
               in CLINCOSM_FIRES + CLINCOSM_QUIET}
    for nct_id, minimum, criterion in MEDDATAX_QUIET:
        studies[nct_id] = harness.eligibility_study(listed(criterion), "aggregator_text", minimum_age=minimum,
                                                    maximum_age=None)
    rule = next(rule for rule in checks.all_rules() if rule.id == RULE_ID)
    return harness.flagged_studies(tmp_path_factory.mktemp("ages"), studies, [rule])[RULE_ID]


@pytest.mark.parametrize("nct_id, ages, criterion", CLINCOSM_FIRES, ids=[c[1] for c in CLINCOSM_FIRES])
def test_a_clincosm_pages_open_end_is_no_limit(page_flags, nct_id, ages, criterion):
    assert nct_id in page_flags


@pytest.mark.parametrize("nct_id, ages, criterion", CLINCOSM_QUIET, ids=[str(c[1]) for c in CLINCOSM_QUIET])
def test_a_clincosm_page_that_agrees_or_shows_no_ages_stays_quiet(page_flags, nct_id, ages, criterion):
    assert nct_id not in page_flags


@pytest.mark.parametrize("nct_id, minimum, criterion", MEDDATAX_QUIET, ids=[c[2] for c in MEDDATAX_QUIET])
def test_a_meddatax_pages_unshown_maximum_stays_unknown(page_flags, nct_id, minimum, criterion):
    assert nct_id not in page_flags
