"""meddatax pages: compact Study Groups and Interventions read by their shape, one bare age judged by the heading of
each part of the criteria, and a site's name wrapped by a print kept whole."""
from __future__ import annotations

import pytest

from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.single_age import which_limit
from flows.parsers.aggregator_text.sites import UNDECIDED_SITES, locations
from flows.parsers.model import Problem
from tests.parsers.page_variants import compact_read


# Study Groups and Interventions ----------------------------------------------------------------------------------

def test_a_description_beginning_in_lower_case_below_a_name_is_no_arm_title():
    groups = ["Onabotulinumtoxin A 25 U", "The first six patients are injected with 25 U at the occipital nerve",
              "Onabotulinumtoxin A 25 U", "Onabotulinumtoxin A 50 U",
              "the next six patients receive 50 U at the same site", "Onabotulinumtoxin A 50 U"]
    arms, entries, links, problems = compact_read(groups, ["Onabotulinumtoxin A 25 U", "Onabotulinumtoxin A 50 U"])
    assert problems == []
    assert arms == [(groups[0], groups[1]), (groups[3], groups[4])]
    assert entries == [(groups[0], None), (groups[3], None)]
    assert links == [(groups[0], groups[0]), (groups[3], groups[3])]


def test_an_intervention_the_groups_list_by_its_own_name_is_no_other_intervention_s_description():
    groups = ["Healthy controls", "Volunteers without asthma, recruited as a further control group.",
              "Steroid sensitive asthma", "Patients whose FEV1 improves by 12% or more after the steroid course.",
              "prednisolone", "oral prednisolone 40 mg daily for 7 days",
              "Steroid resistant asthma, active first",
              "Randomised cross-over of XR-101 and placebo after the run-in.",
              "XR-101", "prednisolone", "oral prednisolone 40 mg daily for 7 days", "Placebo",
              "Steroid resistant asthma, placebo first",
              "Randomised cross-over of placebo and XR-101 after the run-in.",
              "XR-101", "prednisolone", "oral prednisolone 40 mg daily for 7 days", "Placebo"]
    interventions = ["XR-101", "prednisolone", "oral prednisolone 40 mg daily for 7 days", "Placebo"]
    arms, entries, links, problems = compact_read(groups, interventions)
    assert compact_arms.UNDECIDED in problems or (
        entries == [("XR-101", None), ("prednisolone", "oral prednisolone 40 mg daily for 7 days"), ("Placebo", None)]
        and len(arms) == 4 and ("Steroid sensitive asthma", "prednisolone") in links)
    assert ("XR-101", "prednisolone") not in entries and "prednisolone" not in [title for title, _ in arms]


_WRAPPED_INTERVENTION = ["Hyperthermic intraperitoneal chemoperfusion",
                         "Operative and follow-up data of every patient scheduled for cytoreductive surgery and",
                         "heated intraperitoneal chemoperfusion are gathered prospectively"]


def test_an_intervention_whose_description_a_print_wrapped_is_read_or_said_never_dropped():
    arms, entries, links, problems = compact_read([], _WRAPPED_INTERVENTION, 84)
    joined = (_WRAPPED_INTERVENTION[0], " ".join(_WRAPPED_INTERVENTION[1:]))
    assert entries == [joined] or (entries == [] and problems == [compact_arms.UNDECIDED])


def test_the_last_word_of_a_wrapped_description_on_its_own_line_is_no_arm_title():
    groups = ["Burst occipital stimulation",
              "Implanted lead and pulse generator (IPG), paresthesia-free (burst) active",
              "stimulation.", "Leads placed under the skin over both greater occipital nerves.",
              "Burst occipital stimulation", "Stimulation set at 60% of the paresthesia threshold.",
              "Sham", "Implanted lead and IPG, switched off.", "Sham", "System switched off."]
    interventions = ["Burst occipital stimulation", "Stimulation set at 60% of the paresthesia threshold.", "Sham",
                     "System switched off."]
    arms, _, links, problems = compact_read(groups, interventions, 80)
    assert "stimulation." not in [title for title, _ in arms]
    assert all(title != "stimulation." for title, _ in links)
    assert arms or problems == [compact_arms.UNDECIDED]


def test_a_short_title_in_lower_case_is_still_a_title():
    groups = ["nab-paclitaxel", "Weekly infusion on days 1, 8 and 15.", "nab-paclitaxel", "Albumin-bound paclitaxel.",
              "docetaxel", "Every three weeks.", "docetaxel", "Docetaxel 75 mg/m2."]
    interventions = ["nab-paclitaxel", "Albumin-bound paclitaxel.", "docetaxel", "Docetaxel 75 mg/m2."]
    arms, entries, links, problems = compact_read(groups, interventions)
    assert problems == [] and [title for title, _ in arms] == ["nab-paclitaxel", "docetaxel"]
    assert links == [("nab-paclitaxel", "nab-paclitaxel"), ("docetaxel", "docetaxel")]


def test_interventions_each_with_a_description_stay_paired():
    groups = ["Arm A", "Drug X twice daily.", "Drug X", "Tablet of 10 mg.", "Arm B", "Placebo twice daily.",
              "Placebo", "Matching tablet."]
    arms, entries, links, problems = compact_read(groups, ["Drug X", "Tablet of 10 mg.", "Placebo", "Matching tablet."])
    assert problems == [] and entries == [("Drug X", "Tablet of 10 mg."), ("Placebo", "Matching tablet.")]
    assert links == [("Arm A", "Drug X"), ("Arm B", "Placebo")]


# One bare age, judged by the heading of each part of the criteria ------------------------------------------------

@pytest.mark.parametrize(("age", "criteria", "limit"), [
    ("18 Years", "Inclusion Criteria:\n* Diagnosis of cluster headache\nExclusion Criteria:\n* Active drug use\n"
                 "Inclusion Criteria for Healthy Volunteers:\n* willing to consent and of age 18 and older",
     "minimum_age"),
    ("65 Years", "Inclusion criteria (patients):\n- adults with COPD\nExclusion criteria:\n- current smokers\n"
                 "Inclusion criteria (healthy controls):\n- aged 65 years or younger", "maximum_age"),
    ("16 Years", "INCLUSION CRITERIA\n1. Type 1 diabetes\nEXCLUSION CRITERIA\n1. Pregnancy\n"
                 "2. Inclusion criteria for the siblings: aged 16 years or over", "minimum_age"),
])
def test_an_age_under_a_later_inclusion_heading_is_judged_as_included(age, criteria, limit):
    assert which_limit(age, criteria) == limit


@pytest.mark.parametrize(("age", "criteria", "limit"), [
    ("18 Years", "Exclusion Criteria: * Age 18 or older", "maximum_age"),
    ("18 Years", "Inclusion Criteria:\nAdults\nExclusion Criteria:\n- participants who met the inclusion criteria of "
                 "the parent study: aged under 18 years", "minimum_age"),
    ("18 Years", "Inclusion/Exclusion Criteria:\n- aged 18 years or older", "minimum_age"),
    ("70 Years", "Inclusion Criteria:\n- healthy\nExclusion Criteria:\n- aged over 70 years", "maximum_age"),
])
def test_an_age_stated_under_the_exclusions_stays_the_other_bound(age, criteria, limit):
    assert which_limit(age, criteria) == limit


# A site's name wrapped by a print ----------------------------------------------------------------------------------

def test_a_labelled_site_name_a_print_wrapped_before_a_hyphenated_word_is_one_name():
    lines = ["Zentrum fur Kinder- und Jugendmedizin, Universitatsklinikum", "Schleswig-Holstein (UKSH)", "",
             "Kiel, , Germany", "", "Hopital Femme Mere Enfant", "", "Lyon, , France"]
    rows = locations(lines, 80)
    assert [(row["name"], row["city"]) for row in rows] == [
        ("Zentrum fur Kinder- und Jugendmedizin, Universitatsklinikum Schleswig-Holstein (UKSH)", "Kiel"),
        ("Hopital Femme Mere Enfant", "Lyon")]


def test_a_compact_site_name_wrapped_after_a_joining_word_is_one_name():
    lines = ["N.N. Burdenko Main Military Clinical Hospital, Centre of Cardiology and",
             "Intermediate-Level Care in Internal Medicine, Haematology Division", "Moscow, , Russian Federation",
             "City Clinical Hospital No. 40", "Yekaterinburg, , Russian Federation"]
    rows = locations(lines, 80)
    assert [(row["name"], row["city"], row["country"]) for row in rows] == [
        (f"{lines[0]} {lines[1]}", "Moscow", "Russian Federation"),
        ("City Clinical Hospital No. 40", "Yekaterinburg", "Russian Federation")]


def test_a_compact_line_that_ends_in_no_country_between_a_name_and_an_address_is_said():
    lines = ["Military Medical Academy, Department of Internal Medicine",
             "Intermediate Training Centre, Haematology Division", "Saint Petersburg, , Russian Federation"]
    problem = locations(lines, 80)
    assert isinstance(problem, Problem) and problem.reason == UNDECIDED_SITES


def test_sites_parted_by_blank_lines_stay_apart():
    lines = ["Hospital A", "", "Lyon, , France", "", "Hospital B", "", "Paris, , France"]
    for width in (None, 80):
        assert [(row["name"], row["city"]) for row in locations(lines, width)] == [
            ("Hospital A", "Lyon"), ("Hospital B", "Paris")]


def test_a_compact_page_not_printed_reads_a_place_line_as_before():
    lines = ["Clinic of Neurology", "Sample Town, Sample Region", "Hospital B", "Paris, , France"]
    rows = locations(lines)
    assert [(row["name"], row["city"]) for row in rows] == [("Clinic of Neurology", "Sample Town"),
                                                             ("Hospital B", "Paris")]


def test_a_title_in_lower_case_of_several_words_is_still_a_title():
    arms, entries, links, problems = compact_read(["preterm infants whole body cooling study group"], [])
    assert problems == [] and arms == [("preterm infants whole body cooling study group", None)]
