"""clincosm pages shaped as the site's other pages show them: an 'Other:' intervention under an arm, a site named
after its city, a numbered list in an outcome's description, the gender-based eligibility fields. Each reading
beside a nearby page whose reading stays as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import ctgov_classic_text

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "ctgov_classic_text"
PAGE = (GOLDEN / "000_NCT04916756.txt").read_text(encoding="utf-8")
LISTED = "  • Drug: Baricitinib 2 MG\n"
ARM_END = "baricitinib 2mg per day for 24 weeks\n"
SITE = "1 Peking Union Medical College Hospital Beijing Beijing China 100730"
FIRST_OUTCOME = "    the change of ESSDAI score at 12 weeks\n"
SEXES = "Sexes Eligible for Study:\nAll\n"
INCLUSION = "Inclusion Criteria:\n"


def _tables(*changes: tuple[str, str]) -> dict[str, list[dict]]:
    """The rows of the golden page with each (old, new) text replaced once."""
    text = PAGE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (record,) = ctgov_classic_text.parse(text.encode()).records
    return record.tables


def _arms(tables: dict[str, list[dict]]) -> tuple[list, list, list]:
    return ([(g["group_type"], g["title"]) for g in tables["design_groups"]],
            [(i["intervention_type"], i["name"]) for i in tables["interventions"]],
            [(link["design_group"], link["intervention"]) for link in tables["design_group_interventions"]])


# 'Other:' under an arm -------------------------------------------------------------------------

STANDARD_OF_CARE = "Other: Standard of care\nUsual care as per local practice.\n"


@pytest.mark.parametrize("listed", [(LISTED, ""), (LISTED, LISTED)],
                         ids=["table lists none", "table lists the drug"])
def test_an_other_line_under_an_arm_with_an_intervention_is_its_second_intervention(listed):
    tables = _tables(listed, (ARM_END, ARM_END + STANDARD_OF_CARE))
    arms, interventions, links = _arms(tables)
    assert arms == [("EXPERIMENTAL", "baricitinib 2mg per day")]
    assert interventions == [("DRUG", "Baricitinib 2 MG"), ("OTHER", "Standard of care")]
    assert links == [("baricitinib 2mg per day", "Baricitinib 2 MG"), ("baricitinib 2mg per day", "Standard of care")]
    assert tables["interventions"][1]["description"] == "Usual care as per local practice."


def test_an_other_line_between_two_interventions_of_an_arm_is_an_intervention():
    between = "Other: Standard of care\nDevice: Saliva swab\nSwabbed weekly.\n"
    tables = _tables((LISTED, ""), (ARM_END, ARM_END + between))
    arms, interventions, links = _arms(tables)
    assert arms == [("EXPERIMENTAL", "baricitinib 2mg per day")]
    assert [name for _, name in interventions] == ["Baricitinib 2 MG", "Standard of care", "Saliva swab"]
    assert len(links) == 3


def test_an_other_arm_with_its_own_intervention_stays_an_arm():
    other_arm = "Other: Usual care\n\nParticipants continue their usual treatment.\n\n" + STANDARD_OF_CARE
    arms, interventions, links = _arms(_tables((LISTED, ""), (ARM_END, ARM_END + other_arm)))
    assert arms == [("EXPERIMENTAL", "baricitinib 2mg per day"), ("OTHER", "Usual care")]
    assert interventions == [("DRUG", "Baricitinib 2 MG"), ("OTHER", "Standard of care")]
    assert links == [("baricitinib 2mg per day", "Baricitinib 2 MG"), ("Usual care", "Standard of care")]



def test_an_other_arm_with_its_description_and_no_intervention_stays_an_arm():
    other_arm = "Other: Usual care\n\nParticipants continue their usual treatment.\n\n"
    arms, interventions, links = _arms(_tables((LISTED, ""), (ARM_END, ARM_END + other_arm)))
    assert arms == [("EXPERIMENTAL", "baricitinib 2mg per day"), ("OTHER", "Usual care")]
    assert interventions == [("DRUG", "Baricitinib 2 MG")]
    assert links == [("baricitinib 2mg per day", "Baricitinib 2 MG")]

# A site named after its city -------------------------------------------------------------------


def _site(row: str) -> tuple:
    (site,) = _tables((SITE, row))["facilities"]
    return tuple(site[column] for column in ("name", "city", "state", "country", "zip"))


@pytest.mark.parametrize("row, expected", [
    ("1 Hospital Clinic de Barcelona Barcelona Spain 08036",
     ("Hospital Clinic de Barcelona", "Barcelona", None, "Spain", "08036")),
    ("1 Hospital Clinico Universitario De Valencia Valencia Spain 46010",
     ("Hospital Clinico Universitario De Valencia", "Valencia", None, "Spain", "46010")),
    ("1 Centre Hospitalier Universitaire de Nantes Nantes France 44093",
     ("Centre Hospitalier Universitaire de Nantes", "Nantes", None, "France", "44093")),
])
def test_a_site_name_that_ends_with_its_city_keeps_the_city(row, expected):
    assert _site(row) == expected


@pytest.mark.parametrize("row, expected", [
    (SITE, ("Peking Union Medical College Hospital", "Beijing", "Beijing", "China", "100730")),
    # the name's end and the city, or the city and its region: the city alone is read (and the row is a problem)
    ("1 Hospital Universitario La Paz Madrid Madrid Spain 28046",
     (None, "Madrid", None, "Spain", "28046")),
    ("1 Edouard Herriot Hospital Lyon France 69003",
     ("Edouard Herriot Hospital", "Lyon", None, "France", "69003")),
])
def test_a_site_whose_name_does_not_end_with_its_city_is_split_as_before(row, expected):
    assert _site(row) == expected


# A numbered list in an outcome's description ----------------------------------------------------

DOMAIN_LIST = ("    the change of ESSDAI score at 12 weeks in three domains:\n\n"
               "    1. glandular\n\n    2. articular\n\n    3. haematological\n")


def test_a_numbered_list_in_an_outcome_description_stays_in_the_description():
    outcomes = _tables((FIRST_OUTCOME, DOMAIN_LIST))["design_outcomes"]
    primary = [row for row in outcomes if row["outcome_type"] == "primary"]
    assert [(row["measure"], row["time_frame"]) for row in primary] == [("ESSDAI", "12 weeks")]
    assert primary[0]["description"] == ("the change of ESSDAI score at 12 weeks in three domains:\n\n1. glandular\n\n"
                                         "2. articular\n\n3. haematological")
    assert [row["outcome_type"] for row in outcomes].count("secondary") == 5


def test_outcomes_at_the_outcome_indent_after_a_listed_description_are_still_outcomes():
    second = "  2. ESSPRI [12 weeks]\n\n    the change of ESSPRI score at 12 weeks\n\n"
    outcomes = _tables((FIRST_OUTCOME, DOMAIN_LIST + "\n" + second))["design_outcomes"]
    primary = [(row["measure"], row["time_frame"]) for row in outcomes if row["outcome_type"] == "primary"]
    assert primary == [("ESSDAI", "12 weeks"), ("ESSPRI", "12 weeks")]
    assert outcomes[1]["description"] == "the change of ESSPRI score at 12 weeks"


# The gender-based eligibility fields ------------------------------------------------------------


@pytest.mark.parametrize("shown, based, description", [
    ("Sexes Eligible for Study:\nFemale\nGender Based Eligibility:\nYes\nGender Eligibility Description:\n"
     "Participants who identify as women\n", True, "Participants who identify as women"),
    ("Sexes Eligible for Study:\nAll\nGender Based Eligibility: No\n", False, None),
    ("Sexes Eligible for Study:\nFemale\nGender Based Eligibility: Yes\n"
     "Gender Eligibility Description: Self-identified women\n", True, "Self-identified women"),
], ids=["label lines", "one line", "one line each"])
def test_gender_based_eligibility_is_read_as_its_fields_not_as_criteria(shown, based, description):
    (row,) = _tables((SEXES, shown))["eligibilities"]
    assert (row["gender_based"], row["gender_description"], row["healthy_volunteers"]) == (based, description, False)
    assert row["criteria"].startswith(INCLUSION) and "Gender" not in row["criteria"]


def test_criteria_that_mention_gender_stay_criteria():
    mention = "Gender Based Eligibility: not applicable\n  0. Women of any gender identity\n\n"
    (row,) = _tables((INCLUSION, INCLUSION + mention))["eligibilities"]
    assert row["criteria"].startswith(INCLUSION + mention.rstrip("\n"))
    assert "gender_based" not in row and (row["gender"], row["healthy_volunteers"]) == ("ALL", False)
