"""The message of contradictions.criteria_numbering_gap counts only the numbers missing: numbers at the top of the gap
that stand inside the text before it, after a sentence's end ("d. Platelet count <100,000 / mm3. 17. Serum
creatinine" before "18.", NCT04330495), are there, and the message says so; where every number of the gap so stands
(a paragraph that runs its criteria on), nothing is lost and there is no gap. Numbers inline after a quantity word,
one in the middle of the gap, or a gap's first number alone count as missing."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

_ITEMS = "".join(f" {n}. Participated in another clinical trial, item {n}.\n\n" for n in range(1, 12))
_NCT04330495 = (" 12. Data on decompensated liver disease:\n\na. Aspartate aminotransferase > 10 x ULN.\n\nb. Total "
                "bilirubin > 25 umol / l (1.5 mg / dl). c. International normalized index > 1.4. d.\nPlatelet count "
                "<100,000 / mm3. 17. Serum creatinine levels > 135 umol / l in men.\n\n18.Significant kidney disease")


def _criteria(item_12: str, after: str = "18. Significant kidney disease") -> str:
    return f"Exclusion Criteria:\n\n{_ITEMS} 12. {item_12}\n\n{after}"


# (name, criteria text, the rule's messages)
CASES = {
    "NCT04330495": ("Exclusion Criteria:\n\n" + _ITEMS + _NCT04330495,
                    ["The numbered exclusion criteria jump to 18, so criteria 13 to 16 are missing (17 stands inside "
                     "the text before 18)."]),
    "two numbers run on": (_criteria("Liver disease. 16. Anaemia. 17. Renal failure."),
                           ["The numbered exclusion criteria jump to 18, so criteria 13 to 15 are missing (16 and 17 "
                            "stand inside the text before 18)."]),
    "a number opening a wrapped line": (_criteria("Liver disease. 16.\n     Anaemia. 17. Renal failure."),
                                        ["The numbered exclusion criteria jump to 18, so criteria 13 to 15 are missing "
                                         "(16 and 17 stand inside the text before 18)."]),
    "one number left missing": (_criteria("Liver disease. 14. Renal failure.", "15. Kidney disease"),
                                ["The numbered exclusion criteria jump to 15, so criterion 13 is missing (14 stands "
                                 "inside the text before 15)."]),
    # every number of the gap run on in a paragraph: no gap (NCT01169038, NCT02011113)
    "every number run on": (_criteria("Liver disease. 13. Anaemia. 14. Gout. 15. Asthma.\n16. Renal failure. 17. "
                                      "Heart failure."), []),
    # still counted missing
    "a number after a quantity word": (_criteria("Bilirubin above grade 17. Renal failure"),
                                       ["The numbered exclusion criteria jump to 18, so criteria 13 to 17 are "
                                        "missing."]),
    "a number in the middle of the gap": (_criteria("Liver disease. 15. Renal failure."),
                                          ["The numbered exclusion criteria jump to 18, so criteria 13 to 17 are "
                                           "missing."]),
    "no number inline": (_criteria("Liver disease."),
                         ["The numbered exclusion criteria jump to 18, so criteria 13 to 17 are missing."]),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap,
                                          {name: text for name, (text, _) in CASES.items()})


@pytest.mark.parametrize("name", CASES)
def test_a_gap_counts_only_the_numbers_not_written_before_it(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
