"""clincosm pages as users copy them: an arms table copied from the browser (rows of tab-parted cells, no blank lines)
whose 'Other:' lines head arms, outcomes copied without their numbers whose descriptions hold a numbered list or an
escaped bracket, and a printed arms table whose sheet break drops a blank line. Each reading beside a nearby copy whose
reading stays as it was."""
from __future__ import annotations

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.outcomes import outcome_measures
from tests.parsers.test_classic_page_variants import LISTED, PAGE, _arms
from tests.parsers.test_classic_printed_and_browser_copies import _printed, _replaced

TABLE = ("Arm Intervention/Treatment\nExperimental: baricitinib 2mg per day\n\nDrug: Baricitinib 2 MG\n"
         "baricitinib 2mg per day for 24 weeks\n")
UNDECIDED_ARMS = "unreadable section: study arms undecided"


def _page(table: str) -> str:
    """The golden page with `table` for its arms table (the conditions table lists no intervention)."""
    return _replaced((TABLE, table), (LISTED, ""))


def _parsed(table: str):
    return ctgov_classic_text.parse(_page(table).encode())


def _tables(table: str) -> dict[str, list[dict]]:
    parsed = _parsed(table)
    assert parsed.problems == []
    return parsed.records[0].tables


# An arms table copied with tab-parted cells and no blank lines ----------------------------------------------------

COPIED_ROWS = ("Arm Intervention/Treatment\n"
               "Other: Teneligliptin\tDrug: Teneligliptin 20mg/day\ncross-over\n"
               "Other: Atorvastatin\tDrug: Atorvastatin 40mg/Day\ncross-over\n")


def test_an_other_line_before_a_tab_heads_the_next_arm():
    arms, interventions, links = _arms(_tables(COPIED_ROWS))
    assert arms == [("OTHER", "Teneligliptin"), ("OTHER", "Atorvastatin")]
    assert interventions == [("DRUG", "Teneligliptin 20mg/day"), ("DRUG", "Atorvastatin 40mg/Day")]
    assert links == [("Teneligliptin", "Teneligliptin 20mg/day"), ("Atorvastatin", "Atorvastatin 40mg/Day")]


def test_an_other_line_after_the_tab_under_an_arm_stays_its_second_intervention():
    second = COPIED_ROWS.replace("Drug: Teneligliptin 20mg/day\ncross-over\n",
                                 "Drug: Teneligliptin 20mg/day\ncross-over\nOther: Diet advice\nWeekly.\n")
    arms, interventions, links = _arms(_tables(second))
    assert arms == [("OTHER", "Teneligliptin"), ("OTHER", "Atorvastatin")]
    assert ("OTHER", "Diet advice") in interventions and ("Teneligliptin", "Diet advice") in links


def test_an_other_line_above_a_description_parted_by_a_tab_heads_the_arm():
    rows = ("Arm Intervention/Treatment\nActive Comparator: Ultrasound group\nTen sessions.\tDevice: Ultrasound\n"
            "Other: Control group\nTen sessions of usual care.\tOther: Control group\nHeat and exercise only\n")
    tables = _tables(rows)
    arms, interventions, links = _arms(tables)
    assert arms == [("ACTIVE_COMPARATOR", "Ultrasound group"), ("OTHER", "Control group")]
    assert interventions == [("DEVICE", "Ultrasound"), ("OTHER", "Control group")]
    assert links[1] == ("Control group", "Control group")
    assert [g["description"] for g in tables["design_groups"]] == ["Ten sessions.", "Ten sessions of usual care."]
    assert tables["interventions"][1]["description"] == "Heat and exercise only"


SHAPED = ("Arm Intervention/Treatment\nExperimental: Sequence A\n\nrTMS then sham.\n\nDevice: rTMS\n10 Hz.\n\n"
          "Other: Sequence B\n\nsham then rTMS.\n\nDevice: rTMS\n10 Hz.\n")


def test_an_other_line_under_an_arm_copied_without_blank_lines_or_tabs_is_a_problem_not_a_guess():
    parsed = _parsed(SHAPED.replace("\n\n", "\n"))
    tables = parsed.records[0].tables
    assert "design_groups" not in tables and "design_group_interventions" not in tables
    assert [(i["intervention_type"], i["name"]) for i in tables["interventions"]] == [("DEVICE", "rTMS")]
    assert [p.reason for p in parsed.problems] == [UNDECIDED_ARMS]
    assert "'Other: Sequence B'" in parsed.problems[0].detail


def test_the_same_table_with_its_blank_lines_reads_its_arms_as_before():
    arms, interventions, links = _arms(_tables(SHAPED))
    assert arms == [("EXPERIMENTAL", "Sequence A"), ("OTHER", "Sequence B")]
    assert interventions == [("DEVICE", "rTMS")] and links == [("Sequence A", "rTMS"), ("Sequence B", "rTMS")]


def test_an_intervention_shown_twice_under_one_arm_of_a_copy_without_blank_lines_is_a_problem():
    rows = ("Arm Intervention/Treatment\nExperimental: W-SUDs\nA chat agent.\tDevice: W-SUDs\nAn app.\n"
            "Other: Psychoeducation\nWeekly fact sheets.\nOther: Psychoeducation\nFact sheets online.\n")
    parsed = _parsed(rows)
    assert "design_groups" not in parsed.records[0].tables
    assert [p.reason for p in parsed.problems] == [UNDECIDED_ARMS]


# Outcomes copied without their numbers ----------------------------------------------------------------------------

UNNUMBERED = ["Primary Outcome Measures", "Change in disability [2 weeks]", "    A 5 step scale:",
              "    1. minor", "    2. moderate", "Rescue medication used [2 weeks]", "    As in the diary."]


def _measures(lines: list[str]) -> list[tuple]:
    return [(row["measure"], row["time_frame"], row["description"]) for row in outcome_measures(lines)]


def test_a_numbered_list_in_the_description_of_an_unnumbered_outcome_stays_its_description():
    assert _measures(UNNUMBERED) == [("Change in disability", "2 weeks", "A 5 step scale:\n1. minor\n2. moderate"),
                                     ("Rescue medication used", "2 weeks", "As in the diary.")]


def test_numbered_outcomes_with_a_numbered_list_in_a_description_read_as_before():
    numbered = ["Primary Outcome Measures", "", "  1. Change in disability [2 weeks]", "", "    A 5 step scale:",
                "", "    1. minor", "    2. moderate", "", "  2. Rescue medication used [2 weeks]", "",
                "    As in the diary."]
    assert [measure for measure, _, _ in _measures(numbered)] == ["Change in disability", "Rescue medication used"]


def test_an_unnumbered_outcomes_description_that_ends_with_an_escaped_bracket_stays_its_description():
    lines = ["Primary Outcome Measures", "Insulinemia [At enrolment]", "    Insulin will be assessed \\[pmol/l\\]",
             "Hormones [At enrolment]", "    TSH \\[mU/l\\]"]
    assert _measures(lines) == [("Insulinemia", "At enrolment", "Insulin will be assessed \\[pmol/l\\]"),
                                ("Hormones", "At enrolment", "TSH \\[mU/l\\]")]


def test_an_unnumbered_outcome_description_line_that_ends_with_a_time_frame_like_bracket_is_read_deeper():
    lines = ["Primary Outcome Measures", "Glucose [At enrolment]", "    Fasting glucose [mg/dl]",
             "HbA1C [At enrolment]"]
    assert [measure for measure, _, _ in _measures(lines)] == ["Glucose", "HbA1C"]


def test_a_numbered_line_as_far_in_as_unnumbered_outcomes_is_a_problem_not_a_guess():
    copied = _replaced(("  1. ESSDAI [12 weeks]\n", "ESSDAI [12 weeks]\n"),
                       ("    the change of ESSDAI score at 12 weeks\n", "1. the change of ESSDAI score [12 weeks]\n"))
    parsed = ctgov_classic_text.parse(copied.encode())
    primary = [r for r in parsed.records[0].tables["design_outcomes"] if r["outcome_type"] == "primary"]
    assert primary == [] and [p.reason for p in parsed.problems] == ["unreadable section"]


# A printed arms table: the blank line at a sheet's end is dropped --------------------------------------------------

COHORTS = ("Group/Cohort Intervention/Treatment\nAge\n\nPatient age\n\nProcedure: Endoscopic decompression\n"
           "Done under endoscopy\nOther Names:\n  • TPELD\n\nLength of Stay\n\nDuration of hospitalization\n\n"
           "Procedure: Endoscopic decompression\nDone under endoscopy\nOther Names:\n  • TPELD\n")
GROUPS = [("Age", "Patient age"), ("Length of Stay", "Duration of hospitalization")]


def test_a_group_below_other_names_at_a_sheet_break_stays_a_group():
    printed = _printed(_page(COHORTS), ("Length of Stay", "Secondary Outcome Measures"))
    parsed = ctgov_classic_text.parse(printed.encode())
    tables = parsed.records[0].tables
    assert [(g["title"], g["description"]) for g in tables["design_groups"]] == GROUPS
    assert [i["description"] for i in tables["interventions"]] == ["Done under endoscopy"]


def test_the_cohort_table_on_one_sheet_reads_as_before():
    tables = _tables(COHORTS)
    assert [(g["title"], g["description"]) for g in tables["design_groups"]] == GROUPS
    assert [(o["intervention_name"], o["name"]) for o in tables["intervention_other_names"]] == [
        ("Endoscopic decompression", "TPELD")]


TWO_PARAGRAPHS = ("Arm Intervention/Treatment\nOther: Sequence A\n\nrTMS first.\n\nDevice: rTMS\nSessions daily.\n\n"
                  "Ten series a session.\n\nOther: Sequence B\n\nsham first.\n\nDevice: rTMS\nSessions daily.\n\n"
                  "Ten series a session.\n")


def test_an_intervention_whose_description_loses_a_blank_line_at_a_sheet_break_is_one_intervention():
    printed = _printed(_page(TWO_PARAGRAPHS), ("Ten series a session.\n\nOther: Sequence B",
                                                            "Secondary Outcome Measures"))
    tables = ctgov_classic_text.parse(printed.encode()).records[0].tables
    assert [(i["name"], i["description"]) for i in tables["interventions"]] == [
        ("rTMS", "Sessions daily.\n\nTen series a session.")]


def test_the_same_intervention_on_one_sheet_reads_as_before():
    tables = _tables(TWO_PARAGRAPHS)
    assert [(i["name"], i["description"]) for i in tables["interventions"]] == [
        ("rTMS", "Sessions daily.\n\nTen series a session.")]
    assert len(tables["design_group_interventions"]) == 2
