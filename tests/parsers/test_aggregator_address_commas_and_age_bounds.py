"""meddatax pages rendered from registry records: a city or state holding a comma, an investigator titled 'Principal
Investigator', a contact phone in words, an arm description over several lines, an age bound in the exclusion
criteria; each with the nearby page (or line) that reads as before."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text.compact_arms import UNDECIDED
from flows.parsers.aggregator_text.people_places import address, central_contacts
from flows.parsers.aggregator_text.responsible_party import responsible_parties
from flows.parsers.aggregator_text.single_age import which_limit
from flows.parsers.aggregator_text.sites import UNDECIDED_CITY
from tests.parsers.golden import GOLDEN_DIR

COMPACT = (GOLDEN_DIR / "aggregator_text" / "compact_shared_intervention_NCT09000101.txt").read_text(encoding="utf-8")
SEED_004 = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")


def _read(text: str) -> tuple[dict, list[tuple[str, str]]]:
    parsed = aggregator_text.parse(text.encode())
    (record,) = parsed.records
    return record.tables, [(problem.reason, problem.detail) for problem in parsed.problems]


def _replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


# A site's city or state holding a comma ------------------------------------------------------------------------


def _site(tables: dict) -> tuple:
    (row,) = tables["facilities"]
    return row["name"], row["city"], row["state"], row["zip"], row["country"], row["status"]


@pytest.mark.parametrize("line", ["Las Palmas, Gran Canaria, Canarias, Spain",
                                  "Nagaizumi-cho,Sunto-gun, Shizuoka, Japan",
                                  "Bogota, D.C., , Colombia", "Mumbai, OPD-81 Main building, Dr. E Borges Road, India"])
def test_an_address_with_more_commas_than_its_parts_reads_no_city_or_state_and_says_so(line):
    tables, problems = _read(_replaced(SEED_004, "Dhaka, , Bangladesh", line))
    assert _site(tables)[:4] == ("BSMMU", None, None, None)
    assert _site(tables)[5] == "RECRUITING"
    assert [reason for reason, _ in problems] == [UNDECIDED_CITY]
    assert line in problems[0][1]


@pytest.mark.parametrize("line, city, state", [
    ("Madrid, Madrid, Comunidad De, Spain", "Madrid", "Madrid, Comunidad De"),
    ("Pamplona, Navarra, Comunidad Foral De, Spain", "Pamplona", "Navarra, Comunidad Foral De"),
    ("Murcia, Murcia, Región De, Spain", "Murcia", "Murcia, Región De"),
    ("Valencia, Valenciana, Comunitat, Spain", "Valencia", "Valenciana, Comunitat"),
    ("London, London, City Of, United Kingdom", "London", "London, City Of"),
])
def test_a_region_the_registry_names_inverted_is_the_state_whole(line, city, state):
    tables, problems = _read(_replaced(SEED_004, "Dhaka, , Bangladesh", line))
    assert _site(tables)[1:3] == (city, state)
    assert problems == []


def test_the_seed_s_address_reads_as_before():
    tables, problems = _read(SEED_004)
    assert _site(tables) == ("BSMMU", "Dhaka", None, None, "Bangladesh", "RECRUITING")
    assert problems == []


@pytest.mark.parametrize("line, expected", [
    ("Boston, Massachusetts, 02115, United States", ("Boston", "Massachusetts", "02115", "United States")),
    ("Berlin, , 10117, Germany", ("Berlin", None, "10117", "Germany")),
    ("Chisinau, , , Moldova, Republic of", ("Chisinau", None, None, "Moldova, Republic of")),
    ("Wuhan, Hubei, China", ("Wuhan", "Hubei", None, "China")),
    ("Salvador, Bahia, Bahia, Brazil", (None, None, None, "Brazil")),
    ("Yangsan-si, Gyeongsangnam-do, , Korea, Republic of", (None, None, None, "Korea, Republic of")),
])
def test_a_postal_code_holds_a_digit_any_other_extra_part_leaves_city_and_state_undecided(line, expected):
    found = address(line)
    assert (found["city"], found["state"], found["zip"], found["country"]) == expected


# The responsible party's title -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, row", [
    (["Lee Example", "Principal Investigator", "The Hospital for Sick Children",
      "Responsibility Role PRINCIPAL_INVESTIGATOR"],
     ("PRINCIPAL_INVESTIGATOR", "Lee Example", "Principal Investigator", "The Hospital for Sick Children")),
    (["Lee Example", "Principal Investigator", "Wills Eye", "Responsibility Role SPONSOR_INVESTIGATOR"],
     ("SPONSOR_INVESTIGATOR", "Lee Example", "Principal Investigator", "Wills Eye")),
    (["Lee Example", "Principal investigator", "Spine Centre"],
     (None, "Lee Example", "Principal investigator", "Spine Centre")),
], ids=["labelled", "labelled-other-type", "compact"])
def test_an_investigator_titled_principal_investigator_keeps_the_title(lines, row):
    (read,) = responsible_parties(lines)
    assert (read["responsible_party_type"], read["name"], read["title"], read["affiliation"]) == row


@pytest.mark.parametrize("lines, row", [
    (["PRINCIPAL_INVESTIGATOR", "Lee Example", "Professor"], ("PRINCIPAL_INVESTIGATOR", "Lee Example", "Professor")),
    (["Lee Example", "Professor", "PRINCIPAL_INVESTIGATOR"], ("PRINCIPAL_INVESTIGATOR", "Lee Example", "Professor")),
    (["Sponsor"], ("SPONSOR", None, None)),
], ids=["bare-type-first", "bare-type-last", "sponsor-alone"])
def test_a_bare_type_reads_as_before(lines, row):
    (read,) = responsible_parties(lines)
    assert (read["responsible_party_type"], read["name"], read["title"]) == row


# A contact's phone in words --------------------------------------------------------------------------------------


def test_a_phone_in_words_right_under_the_role_line_is_the_phone_not_another_contact():
    rows = central_contacts(["Clinical trials information", "Role: CONTACT", "only use Email",
                             "clinical-trials@example.com"])
    assert [(row["name"], row["phone"], row["email"]) for row in rows] == [
        ("Clinical trials information", "only use Email", "clinical-trials@example.com")]


def test_a_line_under_the_role_line_above_another_role_line_is_still_the_next_contact():
    rows = central_contacts(["Trial Office", "Role: CONTACT", "Study Nurse Team", "Role: CONTACT", "+1 617 555 0100"])
    assert [(row["name"], row["phone"]) for row in rows] == [("Trial Office", None),
                                                             ("Study Nurse Team", "+1 617 555 0100")]


# An arm description over several lines on a compact page --------------------------------------------------------

ALONE_TEXT = "Tacrolimus 0.1% ointment twice daily for 24 weeks."
INTERVENTIONS = [("Tacrolimus ointment", "Tacrolimus 0.1% ointment applied twice daily to each lesion."),
                 ("Methotrexate", "Oral methotrexate 15 mg/m2 once weekly, with folic acid.")]


@pytest.mark.parametrize("lines", [
    "Tacrolimus is given as follows:\n1. Ointment twice daily\n2. Review every 4 weeks",
    "Tacrolimus 0.1% ointment twice daily for 24 weeks.\n* Review every 4 weeks\n* Photographs of each lesion",
], ids=["colon-and-numbers", "bullets"])
def test_an_arm_description_whose_lines_go_on_as_a_list_is_a_problem_not_two_arms(lines):
    tables, problems = _read(_replaced(COMPACT, f"Tacrolimus alone\n{ALONE_TEXT}\n", f"Tacrolimus alone\n{lines}\n"))
    assert [reason for reason, _ in problems] == [UNDECIDED]
    assert "design_groups" not in tables and "design_group_interventions" not in tables
    assert [(row["name"], row["description"]) for row in tables["interventions"]] == INTERVENTIONS


def test_the_compact_page_s_arms_read_as_before():
    tables, problems = _read(COMPACT)
    assert [row["title"] for row in tables["design_groups"]] == [
        "Tacrolimus alone", "Tacrolimus and methotrexate", "Untreated observation"]
    assert problems == []


# One bare age bound stated in the exclusion criteria ------------------------------------------------------------


@pytest.mark.parametrize("criteria, limit", [
    ("Inclusion Criteria:\n* Patient aged over chemo\nExclusion Criteria:\n* Age ≤ 18 years", "minimum_age"),
    ("Inclusion Criteria:\n* Adults\nExclusion Criteria:\n* Age < 18 years", "minimum_age"),
    ("Inclusion Criteria:\n* Children\nExclusion Criteria:\n* Age > 18 years", "maximum_age"),
    ("Inclusion Criteria:\n* Age ≤ 18 years\nExclusion Criteria:\n* Pregnancy", "maximum_age"),
    ("Inclusion Criteria:\n* Age ≥ 18 years\nExclusion Criteria:\n* Pregnancy", "minimum_age"),
], ids=["excluded-up-to", "excluded-below", "excluded-above", "included-up-to", "included-from"])
def test_an_age_bound_among_the_exclusion_criteria_bounds_the_other_side(criteria, limit):
    assert which_limit("18 Years", criteria) == limit


def test_a_compact_page_s_one_age_excluded_below_it_is_the_minimum():
    criteria = "Inclusion Criteria\n1. Active localized scleroderma confirmed by biopsy\nExclusion Criteria\n"
    page = _replaced(COMPACT, f"{criteria}1. Systemic sclerosis\n6 Years\n70 Years\n",
                     f"{criteria}1. Age ≤ 18 years\n18 Years\n")
    tables, problems = _read(page)
    (row,) = tables["eligibilities"]
    assert (row["minimum_age"], row["maximum_age"]) == ("18 Years", None)
    assert problems == []
