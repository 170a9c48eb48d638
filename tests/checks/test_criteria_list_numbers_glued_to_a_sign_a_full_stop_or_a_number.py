"""Phrases of contradictions.criteria_numbering_gap: a list number inside a line is there when it stands before a sign
of comparison that opens its criterion ("... dexamethasone 3. ≥ Grade 3 rash"), glued to the full stop of the
sentence before it with a space after it ("... the screening period.20. Patients who"), or glued to the age its
criterion opens with ("... study procedures 6.21-45 years of age"). A list that skips a number near such phrases, a
value glued to a number ("HbA1c 6.5-10%") and a full stop of an abbreviation's digits still leave the gap."""
from __future__ import annotations

import pytest

from checks.criteria_gaps import numbering_gaps


def exclusions(*lines: str) -> str:
    """Criteria with one inclusion and these exclusion lines, as a legacy record wraps them."""
    return "Inclusion Criteria:\n\n  -  Adults with myeloma\n\nExclusion Criteria:\n\n" + "\n".join(lines)


def inclusions(*lines: str) -> str:
    """Criteria with these inclusion lines and one exclusion."""
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + "\n\nExclusion Criteria:\n\n  -  Pregnancy"


RUN_ON_WITH_A_SIGN = exclusions(
    "  -  1. Pregnant or breastfeeding females 2. Hypersensitivity to thalidomide,",
    "     lenalidomide, or dexamethasone 3. {sign} Grade 3 rash during prior thalidomide or",
    "     lenalidomide therapy 4. Subjects unable or unwilling to undergo antithrombotic",
    "     prophylactic treatment will not be eligible to participate in this study 5. Any of",
    "     the following laboratory abnormalities:",
    "",
    "       -  Absolute neutrophil count < 1,000/uL",
    "",
    "     6. Subjects with any one of the following: congestive heart failure")
GLUED_TO_A_FULL_STOP = exclusions(
    "     1. Patients who have been treated with oral corticosteroids within four weeks",
    "",
    "     2. Patients who have been treated with anti-IgE antibodies, e.g. omalizumab,",
    "         within 6 months prior to Visit 1 or during the screening period.{number}. Patients who have",
    "         been treated with cromolyn within two weeks prior to Visit 1",
    "",
    "    4. Patients who have been treated with methylxanthines within two weeks")
GLUED_TO_AN_AGE = inclusions(
    "  1. Recreational use of prescription opioids at least once per month",
    "",
    "  2. No current major mood, psychotic, or anxiety disorder",
    "",
    "  3. Physically healthy",
    "",
    "  4. Liver enzymes within normal limits",
    "",
    "  5. Able to perform study procedures {glued} years of age",
    "",
    "7.Blood glucose concentration between 70-145 mg/dl for men (fasting) 8.Hb > 13 for men")
# The same with item 6 on a line of its own: a value glued to a number in item 5 stands for no item.
VALUE_GLUED = inclusions(
    "  1. Type 2 diabetes",
    "",
    "  2. Body mass index below 40",
    "",
    "  3. Stable medication",
    "",
    "  4. Liver enzymes within normal limits",
    "",
    "  5. Glycaemic control with {value}",
    "",
    "  7. Blood glucose concentration between 70-145 mg/dl",
    "",
    "  8. Haemoglobin above 11 g/dl")

# (criteria text, the gaps' (expected, found)): the number the list seemed to skip is written inside a line.
THERE = [
    (RUN_ON_WITH_A_SIGN.format(sign="\u2265"), []),  # NCT02011113
    (RUN_ON_WITH_A_SIGN.format(sign=">="), []),
    (RUN_ON_WITH_A_SIGN.format(sign="<"), []),
    (RUN_ON_WITH_A_SIGN.format(sign="\u2264"), []),
    (GLUED_TO_A_FULL_STOP.format(number="3"), []),  # NCT01152450
    (GLUED_TO_A_FULL_STOP.format(number="3").replace("period.3. Patients", "period.3.Patients"), []),
    (GLUED_TO_AN_AGE.format(glued="6.21-45"), []),  # NCT01395784
    (GLUED_TO_AN_AGE.format(glued="6.18"), []),
    (GLUED_TO_AN_AGE.format(glued="6.18 - 65"), []),
]

# (criteria text, the gaps' (expected, found)): a number skipped for all that.
SKIPPED = [
    # the list skips a number after the one before a sign
    (RUN_ON_WITH_A_SIGN.format(sign="\u2265").replace(" 4. Subjects", " Subjects"), [(4, 6)]),
    # a list that goes on after the number glued to a full stop, then skips one
    (GLUED_TO_A_FULL_STOP.format(number="3").replace("    4. ", "    5. "), [(4, 5)]),
    # a full stop glued to another number than the one skipped, or to a number after an abbreviation's digits
    (GLUED_TO_A_FULL_STOP.format(number="2"), [(3, 4)]),
    (GLUED_TO_A_FULL_STOP.format(number="3").replace("period.3.", "version 1.3."), [(3, 4)]),
    # a number glued to an age that is not the number skipped, or a list that skips more
    (GLUED_TO_AN_AGE.format(glued="5.21-45"), [(6, 7)]),
    (GLUED_TO_AN_AGE.format(glued="21-45").replace("  3. Physically healthy", ""), [(3, 4), (6, 7)]),
    # a value glued to a number: no age follows it
    (VALUE_GLUED.format(value="HbA1c 6.5-10%"), [(6, 7)]),
    (VALUE_GLUED.format(value="glucose 6.1-7.0 mmol/l"), [(6, 7)]),
    # a quantity glued to a number after "grade" is still no criterion's
    (VALUE_GLUED.format(value="tumour of grade 6.2 or less"), [(6, 7)]),
]


def _gaps(text: str) -> list[tuple[int, int]]:
    return [(gap.expected, gap.found) for gap in numbering_gaps(text)]


@pytest.mark.parametrize("text, gaps", THERE, ids=[f"there-{i}" for i in range(len(THERE))])
def test_a_number_glued_to_a_sign_a_full_stop_or_an_age_is_the_list_number(text, gaps):
    assert _gaps(text) == gaps


@pytest.mark.parametrize("text, gaps", SKIPPED, ids=[f"skipped-{i}" for i in range(len(SKIPPED))])
def test_a_number_skipped_beside_such_phrases_is_still_a_gap(text, gaps):
    assert _gaps(text) == gaps
