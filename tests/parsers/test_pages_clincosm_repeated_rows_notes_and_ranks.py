"""clincosm page shapes read as the record states them: an arm row shown twice, a note beside a completed status, a
public body's word before a site's state, an academic rank between an official's name and affiliation, and a
criteria group heading below the study population."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text import people_places, sites
from tests.parsers.test_pages_roundtrip_clincosm import _page


def _read(page: str):
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    (record,) = parsed.records
    return record.tables, [problem.reason for problem in parsed.problems]


# Arms -----------------------------------------------------------------------------------------------------------------

_TWICE = ("Experimental: Asthmatic smokers\nMontelukast 10 mg at bedtime for 3 months\n\nDrug: Montelukast\n"
          "PO 10 mg QHS\nOther Names:\n  \u2022 Singulair\n\n")
_ONCE = "Placebo Comparator: Asthmatic non-smokers\nPlacebo at bedtime\n\nDrug: Montelukast\nPO 10 mg QHS\n\n"


def test_an_arm_row_the_page_shows_twice_is_two_arms():
    tables, _ = _read(_page("Arm Intervention/Treatment\n" + _TWICE + _TWICE))
    assert [row["title"] for row in tables["design_groups"]] == ["Asthmatic smokers", "Asthmatic smokers"]
    assert len(tables["interventions"]) == 1 and len(tables["intervention_other_names"]) == 1
    assert tables["design_group_interventions"] == [
        {"design_group": "Asthmatic smokers", "intervention": "Montelukast"}]


def test_an_intervention_shown_under_each_arm_is_one_intervention():
    tables, _ = _read(_page("Arm Intervention/Treatment\n" + _TWICE + _ONCE))
    assert [row["title"] for row in tables["design_groups"]] == ["Asthmatic smokers", "Asthmatic non-smokers"]
    assert [row["name"] for row in tables["interventions"]] == ["Montelukast"]


def test_an_observational_group_shown_twice_is_two_groups():
    group = "Injection only\nPatients given a lumbar injection\n\nOther: Lumbar injection\nUnder fluoroscopy\n\n"
    tables, _ = _read(_page("Group/Cohort Intervention/Treatment\n" + group + group, study_type="Observational"))
    assert [row["title"] for row in tables["design_groups"]] == ["Injection only", "Injection only"]
    assert len(tables["interventions"]) == 1


# Status ---------------------------------------------------------------------------------------------------------------

def _status(shown: str) -> dict:
    tables, _ = _read(_page("").replace("Overall Status\nCompleted\n", f"Overall Status\n{shown}\n"))
    return tables["studies"][0]


@pytest.mark.parametrize("shown, why", [
    ("Completed (Terminated early due to futility)", "Terminated early due to futility"),
    ("Completed (stopped early: sufficient data acquired to meet the study's objectives)",
     "stopped early: sufficient data acquired to meet the study's objectives"),
    ("COMPLETED (Recrutement arrêté, financement insuffisant)", "Recrutement arrêté, financement insuffisant"),
], ids=["futility", "colon-and-apostrophe", "capitals-french"])
def test_a_note_beside_a_completed_status_is_why_it_stopped(shown, why):
    study = _status(shown)
    assert (study["overall_status"], study["why_stopped"]) == ("COMPLETED", why)


@pytest.mark.parametrize("shown, status", [("Completed", "COMPLETED"),
                                           ("Recruiting (invitation only)", "Recruiting (invitation only)"),
                                           ("Unknown status (was Recruiting)", "UNKNOWN")],
                         ids=["plain", "open-status-note", "last-known"])
def test_a_status_without_a_reason_beside_it_gives_no_reason(shown, status):
    study = _status(shown)
    assert study["overall_status"] == status and not study.get("why_stopped")


# Sites ----------------------------------------------------------------------------------------------------------------

def _site(row: str):
    return sites.locations(["Site City State Country Postal Code", row])


@pytest.mark.parametrize("row", ["1 M.R. Bangur Hospital Kolkata Government West Bengal India 700 033",
                                 "1 District Hospital Lucknow Govt. Uttar Pradesh India 226001"])
def test_a_public_bodys_word_before_the_state_of_an_undecided_row_leaves_the_state_unread(row):
    (site,), doubts = _site(row)
    assert site["state"] is None and site["country"] == "India" and doubts


@pytest.mark.parametrize("row, state", [
    ("1 Apollo Gleneagles Hospital Kolkata West Bengal India 700054", "West Bengal"),
    ("1 SMS Medical College Jaipur Rajasthan India 302004", "Rajasthan")])
def test_a_state_after_a_city_stays_the_state(row, state):
    (site,), _ = _site(row)
    assert site["state"] == state


# Officials ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "  \u2022 Principal Investigator: Thomas Ahlering, MD, Professor",
    "  \u2022 Study Chair: Jayant Sastri Goda, M.D, Professor,Tata Memorial Centre",
    "  \u2022 Study Director: Manoj Pandey, MS, PhD, Prof.",
    "  \u2022 Principal Investigator: Julie M Fritz, PhD, Associate Professor",
    "  \u2022 Principal Investigator: Tabassum Roe, MBBS,MD,DNB, Assistant Professor, Radiation Oncology, Tata "
    "Memorial Centre",
    "  \u2022 Jane Roe, MD, Assoc. Prof., Mercy Hospital",
], ids=["rank-alone-last", "rank-then-institution", "prof-abbreviated", "associate-alone", "assistant-then-unit",
        "no-role"])
def test_an_academic_rank_where_the_name_ends_is_a_problem(line):
    page = _page("").replace("Investigators\n\nNone specified.\n", f"Investigators\n\n{line}\n")
    tables, problems = _read(page)
    assert len(tables["overall_officials"]) == 1 and people_places.UNDECIDED_OFFICIAL in problems


@pytest.mark.parametrize("line", [
    "  \u2022 Principal Investigator: Xiaomei Leng, Dr., Peking Union Medical College Hospital",
    "  \u2022 Principal Investigator: Peter Roe, Prof. Dr. med., Charite Universitaetsmedizin Berlin",
    "  \u2022 Study Chair: Prof. Jane Roe, University of Oxford",
    "  \u2022 Study Director: Jane Roe, MD, Professor of Surgery, Mercy Hospital",
    "  \u2022 Principal Investigator: John Roe, DC,PhD",
], ids=["degree-only", "rank-among-degrees", "rank-before-name", "rank-of-a-chair", "no-rank"])
def test_an_official_without_a_rank_where_the_name_ends_is_no_problem(line):
    page = _page("").replace("Investigators\n\nNone specified.\n", f"Investigators\n\n{line}\n")
    tables, problems = _read(page)
    assert len(tables["overall_officials"]) == 1 and people_places.UNDECIDED_OFFICIAL not in problems


# Study population and criteria ----------------------------------------------------------------------------------------

_POPULATION = ("Sampling Method:\nProbability Sample\nStudy Population\n\nPatients with cluster headache attending the "
               "clinic, and healthy controls.\n\n")


def _eligibility(between: str) -> dict:
    lines = (_POPULATION + between + "\nInclusion Criteria:\n\n  \u2022 age between >18 and <65 years\n").split("\n")
    return people_places.eligibility(lines)


@pytest.mark.parametrize("heading", ["  \u2022 Healthy Controls", "  \u2022 Episodic cluster headache (ECH)",
                                     "  - Patients"])
def test_a_list_of_one_item_above_the_criteria_label_heads_the_criteria(heading):
    row = _eligibility(heading + "\n")
    assert row["population"] == "Patients with cluster headache attending the clinic, and healthy controls."
    assert row["criteria"].strip().startswith(heading.strip())


@pytest.mark.parametrize("between", ["  \u2022 cases: chronic cluster headache\n  \u2022 controls: healthy adults\n",
                                     "Recruited in two groups:\n  \u2022 Healthy Controls\n",
                                     "Recruited at the headache centre.\n"],
                         ids=["several-items", "item-below-its-text", "paragraph"])
def test_a_populations_own_list_or_paragraph_stays_the_population(between):
    row = _eligibility(between)
    assert between.strip().split("\n")[-1].strip() in row["population"]
    assert row["criteria"].strip().startswith("Inclusion Criteria:")
