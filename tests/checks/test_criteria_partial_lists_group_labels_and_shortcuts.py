"""Criteria lists that name only some criteria, numbers the record accounts for, groups' labels without a colon, and
the shortcuts that read criteria texts faster.

A list under "Key Inclusion Criteria" or beside "Other protocol-defined criteria may apply" is numbered as the
protocol numbers it, and a number the record says applies elsewhere ("Criterion 2 applies to the pediatric cohort
only") or nowhere ("criterion 3 is not applicable") is no lost criterion. A short line that names a group of
participants ("Patients with type 2 diabetes") heads that group's criteria, with or without a colon. Nearby texts,
which do lose a criterion or state one twice, still fire.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import criteria_left_out
from checks.criteria_gaps import numbering_gaps
from checks.criteria_items import MIN_ITEM_WORDS
from checks.criteria_left_out import _SAID_REMOVED, said_removed
from checks.criteria_list_numbers import _INLINE_MARKER, IN_LINE_BRACKET, IN_LINE_POINT
from checks.criteria_repeat_screen import may_repeat
from checks.criteria_repeats import _inside_lines, repeated_items, repeats_in_items
from checks.criteria_sections import HEADING, heading_line
from checks.criteria_text import Reading
from tests.shared_corpus import criteria_texts, needs_corpus

CONSENT = "Signed informed consent prior to any study specific procedure"
ONE_TO_FIVE = "1. Age ≥ 18 years\n2. Signed informed consent\n4. ECOG performance status 0-1\n5. Adequate organ " \
    "function"


PART_A = "1. Age ≥ 18 years\n2. Signed informed consent\n3. Advanced solid tumor\n4. ECOG 0-1\n5. ANC ≥ 1.5 x " \
    "10^9/L"


def _gaps(text: str) -> list[tuple[str, int, int]]:
    return [(gap.section, gap.expected, gap.found) for gap in numbering_gaps(text)]


# (name, criteria text): a number skipped, but the record says the list names only some criteria, or accounts for it.
GAP_QUIET = {
    "a key inclusion list": f"Key Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nKey Exclusion Criteria:\n\n"
    "1. Pregnancy\n3. HIV infection\n4. Hepatitis B",
    "main exclusion criteria": "Inclusion Criteria:\n1. Age ≥ 18\n2. Consent\n\nMain Exclusion Criteria:\n"
    "1. Pregnancy\n3. HIV infection\n4. Hepatitis B",
    "selected criteria, bulleted heading": f"* Selected Inclusion Criteria:\n\n{ONE_TO_FIVE}",
    "abbreviated in brackets": f"Inclusion Criteria (abbreviated):\n\n{ONE_TO_FIVE}",
    "other protocol-defined criteria may apply": f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\n"
    "Other protocol-defined inclusion criteria may apply.",
    "both lists, others apply": f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nExclusion Criteria:\n\n1. Pregnancy\n\n"
    "Other protocol defined Inclusion/Exclusion criteria could apply",
    "not all criteria listed": f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nNot all inclusion criteria are listed.",
    "a criterion for another cohort only": "Inclusion Criteria:\n\n1. Age ≥ 18\n\n"
    "(Criterion 2 applies to the pediatric cohort only)\n\n3. Consent\n4. ECOG",
    "a criterion not applicable": f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\n"
    "Note: inclusion criterion 3 is not applicable in this country.",
    "criteria marked N/A": "Exclusion Criteria:\n1. Pregnancy\n2. HIV\n5. HBV\n6. HCV\nExclusion criteria 3-4: N/A",
    "criteria that do not apply": f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\n(Criterion 3 does not apply to Part B)",
    "a part's changes only": f"Part A Inclusion Criteria:\n{PART_A}\n\nPart B Inclusion Criteria:\nSame as Part A, "
    "except:\n3. NSCLC with an EGFR mutation\n5. ANC ≥ 2.0 x 10^9/L",
    "a cohort's changes only": f"Inclusion Criteria:\n\nCohort 1:\n{PART_A}\n\nCohort 2: as for Cohort 1, with the "
    "following changes:\n3. Myelodysplastic syndrome\n5. Prior hypomethylating agent",
    "a first number with a letter": "Inclusion Criteria:\n1a. Age ≥ 18 years (adults)\n1b. Age 12 to 17 years "
    "(adolescents)\n2. Signed consent\n3. ECOG 0-1",
    "a first number in bold": "Inclusion Criteria:\n**1.** Age ≥ 18 years\n2. Signed consent\n3. ECOG 0-1",
    "a first number after a hash": "Inclusion Criteria:\n#1. Age ≥ 18 years\n2. Signed consent\n3. ECOG 0-1",
    "a first number after No.": "Inclusion Criteria:\nNo.1 Age ≥ 18 years\n2. Signed consent\n3. ECOG 0-1",
    "a first number with a colon": "Inclusion Criteria:\n1: Age ≥ 18 years\n2. Signed consent\n3. ECOG 0-1",
    "a first number with an ideographic comma": "Inclusion Criteria:\n1\u3001Age ≥ 18 years\n2. Signed consent\n"
    "3. ECOG 0-1",
    "a number with a dash": "Inclusion Criteria:\n1. Age\n2. Consent\n3- ECOG 0-1\n4. Labs",
    "a number with a comma": "Inclusion Criteria:\n1. Age\n2. Consent\n3, ECOG 0-1\n4. Labs",
    "a number before capitals": "Inclusion Criteria:\n1. Age\n2. Consent\n3 ECOG 0-1\n4. Labs",
    "numbers without points": "Inclusion Criteria:\n1. Age\n2 Consent\n3 Labs\n4 Biopsy\n5 Imaging\n6 Weight\n"
    "7. ECOG\n8. Contraception",
    "the document's section numbers": "2. Inclusion criteria\n2.1 Age ≥ 18\n2.2 Signed consent\n"
    "3. Exclusion criteria\n3.1 Pregnancy\n3.2 HIV infection",
}
# (name, criteria text, gaps): nearby texts that lose a criterion.
GAP_FIRES = {
    "a plain heading": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}", [("inclusion", 3, 4)]),
    "another list is the key one": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nKey Exclusion Criteria:\n\n"
                                    "1. Pregnancy\n3. HIV\n4. HBV", [("inclusion", 3, 4)]),
    "others apply to the other list": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nExclusion Criteria:\n\n"
                                       "1. Pregnancy\n\nOther protocol-defined exclusion criteria may apply.",
                                       [("inclusion", 3, 4)]),
    "criteria that apply to all": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nThese criteria apply to all cohorts.",
                                   [("inclusion", 3, 4)]),
    "a criterion that applies to all": ("Inclusion Criteria:\n\n1. Age ≥ 18\n\n(Criterion 2 applies to all "
                                        "participants)\n\n3. Consent\n4. ECOG", [("inclusion", 2, 3)]),
    "a criterion applicable": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\nNote: inclusion criterion 3 is applicable "
                               "in all countries.", [("inclusion", 3, 4)]),
    "another number for a cohort only": (f"Inclusion Criteria:\n\n{ONE_TO_FIVE}\n\n(Criterion 5 applies to the "
                                         "pediatric cohort only)", [("inclusion", 3, 4)]),
    "a main study's list": ("Main Study Inclusion Criteria:\n\n1. Age ≥ 18\n2. Consent\n4. ECOG\n5. Labs",
                            [("inclusion", 3, 4)]),
    "a main study's list in brackets": ("Inclusion Criteria (Main Study):\n\n1. Age ≥ 18\n2. Consent\n4. ECOG\n"
                                        "5. Labs", [("inclusion", 3, 4)]),
    "a gap above the changes": ("Part A Inclusion Criteria:\n1. Age ≥ 18\n2. Consent\n4. ECOG 0-1\n5. Labs\n\n"
                                "Part B Inclusion Criteria:\nSame as Part A, except:\n3. NSCLC", [("inclusion", 3, 4)]),
    "the same as another study's, no change said": ("Inclusion Criteria:\n1. Age\n2. Consent as in the main "
                                                     "study\n4. ECOG\n5. Labs", [("inclusion", 3, 4)]),
    "a gap under a numbered heading": ("2. Inclusion criteria:\n1. Age\n2. Consent\n4. ECOG\n5. Labs\n"
                                       "6. Exclusion criteria:\n1. Pregnancy", [("inclusion", 3, 4)]),
    "a criterion naming criteria": ("Inclusion Criteria:\n1. Age\n2. Consent\n4. Meets the inclusion criteria of "
                                    "the parent study\n5. Labs", [("inclusion", 3, 4)]),
    "a number opening a wrapped line's quantity": ("Inclusion Criteria:\n1. Age\n2. Consent within\n30 days\n"
                                                   "4. Labs\n5. ECOG", [("inclusion", 3, 4)]),
    "a larger number opening a line": ("Inclusion Criteria:\n1. Age\n2. Consent\n13 Labs\n4. Labs\n5. ECOG",
                                       [("inclusion", 3, 4)]),
    "the number inside a line": ("Inclusion Criteria:\n1. Age\n2. Consent see #3 below\n4. Labs\n5. ECOG",
                                 [("inclusion", 3, 4)]),
    "one number of a run not written": ("Inclusion Criteria:\n1. Age\n2 Consent\n3 Labs\n4 Biopsy\n5 Imaging\n"
                                        "7. ECOG\n8. Contraception", [("inclusion", 2, 7)]),
    "key inside a criterion": ("Inclusion Criteria:\n\n1. Key opinion leaders are not eligible\n2. Consent\n"
                               "4. ECOG 0-1\n5. Labs", [("inclusion", 3, 4)]),
}


@pytest.mark.parametrize("text", GAP_QUIET.values(), ids=GAP_QUIET.keys())
def test_a_list_said_to_name_some_criteria_or_a_number_accounted_for_loses_none(text):
    assert _gaps(text) == []


@pytest.mark.parametrize(("text", "gaps"), GAP_FIRES.values(), ids=GAP_FIRES.keys())
def test_nearby_lists_still_lose_a_criterion(text, gaps):
    assert _gaps(text) == gaps


def test_a_key_list_is_still_read_as_its_section():
    text = GAP_QUIET["a key inclusion list"]
    assert [s.name for s in Reading(text).sections] == ["inclusion", "exclusion"]


# (name, criteria text): a group's label on a line of its own, without a colon, between two copies of a criterion.
LABEL_QUIET = {
    "patients with each disease": f"Inclusion Criteria:\n\nPatients with type 1 diabetes\n- {CONSENT}\n"
    f"- HbA1c below 9%\nPatients with type 2 diabetes\n- {CONSENT}\n- HbA1c below 10%",
    "recipients and donors": f"Inclusion Criteria:\n* {CONSENT}\n* AML in first remission\nDonors\n* {CONSENT}\n"
    "* HLA-matched sibling",
}
# (name, criteria text): the line between is a sentence, a wrapped item's rest or a heading written again.
LABEL_FIRES = {
    "a sentence": f"Inclusion Criteria:\n\n- {CONSENT}\n- HbA1c below 9%\nPatients must be on a stable dose of "
    f"metformin.\n- {CONSENT}\n- BMI",
    "a wrapped item's rest in lower case": f"Inclusion Criteria:\n\n- {CONSENT}\n- HbA1c below 9% measured\n"
    f"at the central laboratory\n- {CONSENT}\n- BMI",
    "an item wrapped after 'of'": f"Inclusion Criteria:\n\n- {CONSENT}\n- HbA1c below 9% in the opinion of\n"
    f"The Investigator\n- {CONSENT}\n- BMI",
    "an item wrapped after a long line": f"Inclusion Criteria:\n\n- {CONSENT}\n- HbA1c below 9% at screening as "
    f"measured by the central laboratory used by sites\nDuring the Run-in Period\n- {CONSENT}\n- BMI",
    "an item wrapped after 'and'": f"Inclusion Criteria:\n\n- {CONSENT}\n- HbA1c below 9% and\nFasting Glucose\n"
    f"- {CONSENT}\n- BMI",
    "the heading written again": f"Inclusion Criteria\n\n- {CONSENT}\n- HbA1c below 9%\n"
    f"Inclusion Criteria (continued)\n- {CONSENT}\n- BMI",
}


@pytest.mark.parametrize("text", LABEL_QUIET.values(), ids=LABEL_QUIET.keys())
def test_a_groups_label_without_a_colon_starts_that_groups_list(text):
    assert repeated_items(text) == []


@pytest.mark.parametrize("text", LABEL_FIRES.values(), ids=LABEL_FIRES.keys())
def test_a_criterion_around_a_line_that_names_no_group_is_stated_twice(text):
    assert [(first.key, again.key) for first, again in repeated_items(text)] == [(CONSENT.lower(),) * 2]


# The shortcuts: what each reads equals what the plain reading finds.

_PIECES = ("1. ", "12. ", "3) ", "(4) ", "5\\. ", " 6. ", "; 7) ", ", 8. ", "(9) ", "\n", "\n  ", "\n- ", "\n* ",
           "\r\n", "\t", "\u00a0", "Age ", "at least 2. ", "a) ", "10 ", "x\n", "\n3", ".", ")")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_numbers_inside_lines_are_the_inline_numbers_not_after_a_line_break(text):
    found = sorted(m.start(m.lastindex) for pattern in (IN_LINE_POINT, IN_LINE_BRACKET)
                   for m in pattern.finditer(text))
    assert found == [m.start(1) for m in _INLINE_MARKER.finditer(text) if text[m.start(1) - 1] != "\n"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES + (f"{CONSENT} ", "Exclusion Criteria:\n", "Inclusion criteria: ")),
                max_size=30).map("".join))
def test_the_screen_reads_numbers_inside_lines_as_it_reads_every_number(text):
    read = Reading(text)
    inside = read.numbers_inside_lines()
    assert set(inside) <= {m.start(1) for m in _INLINE_MARKER.finditer(text)}
    # a section bound inside a line (a heading that stands inline) is a cut beside them, as repeated_items passes it
    bounds = _inside_lines(text, read.sections)
    assert may_repeat(text, sorted(inside + bounds), MIN_ITEM_WORDS) == \
        may_repeat(text, sorted(read.list_numbers() + bounds), MIN_ITEM_WORDS)
    assert repeated_items(text) == repeats_in_items(text)


@needs_corpus
def test_the_screen_reads_the_corpus_alike_from_numbers_inside_lines():
    texts = criteria_texts()
    assert len(texts) > 100
    for text in texts:
        read = Reading(text)
        assert may_repeat(text, read.numbers_inside_lines(), MIN_ITEM_WORDS) == \
            may_repeat(text, read.list_numbers(), MIN_ITEM_WORDS)


_REMOVALS = ("Criterion 3 was deleted in Amendment 2", "Exclusion criteria 5 to 7 have been removed",
             "Deleted: item #4", "5-7. [Deleted]", "criterion 2 applies to Part A only", "criteria 4-5: N/A",
             "CRITERION 8 IS NOT APPLICABLE", "criterion 9 does not apply", "Criteria 1 and 2 apply")


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_REMOVALS + ("\n", "\n\n", ". ", " ", "1. Age\n", "İ", "Removed ")),
                max_size=12).map("".join))
def test_removals_are_read_from_the_lines_that_say_removed_as_from_the_whole_text(text):
    whole: set[int] = set()
    for m in _SAID_REMOVED.finditer(text):
        for number in criteria_left_out._NUMBER_OR_RANGE.finditer(m["named"] or m["after"] or m["marked"]):
            whole.update(range(int(number[1]), int(number[2] or number[1]) + 1))
    assert said_removed(text) == whole


@pytest.mark.parametrize("line", ["Inclusion Criteria:", "KEY EXCLUSION CRITERIA", "- Exclusion criteria:",
                                  "EXCLUSİON CRİTERİA", "Age 18 or older", "II. EXCLUSION CRITERIA", ""])
def test_a_heading_line_is_told_as_the_heading_pattern_tells_it(line):
    assert heading_line(line) == (HEADING.fullmatch(line) is not None)


def test_a_non_ascii_heading_that_lower_cases_apart_is_still_a_heading():
    line = "EXCLUSİON CRİTERİA"
    assert "criteria" not in line.lower() and re.fullmatch(HEADING, line) is not None and heading_line(line)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(("Other ", "criteria ", "CRITERIA ", "Criteria", "may apply", " apply. ", "≥",
                                 "are listed", "have been shown", "xcriteria ", "\n", "inclusion/exclusion ", "ı",
                                 "İ", ". ")), max_size=14).map("".join))
def test_criteria_said_to_apply_are_found_where_the_text_says_criteria_as_by_a_search(text):
    found = [m.span() for m in criteria_left_out._criteria_apply(text, text.lower())]
    assert found == [m.span() for m in criteria_left_out._CRITERIA_APPLY.finditer(text)]
