"""Phrases of contradictions.criteria_numbering_gap: numbers a list writes otherwise are there: a first criterion
lettered as alternatives ("1a. For Cohort 1:" ... "OR" ... "1b. For Cohort 2:" then "2."), a number run on inside a line
of the criterion before the gap ("... metastasis 3. Subject has ..." then "4."), and the list above a sub-list going on
after it ("... criterion) 10. Females ... must:" "1. ..." "2. ..." "11. Male subjects"). A list below a lead-in that
starts at 2, a quantity ("stage 3. Subject"), an earlier list's number and a sub-list under a quantity's number still
fire."""
from __future__ import annotations

import pytest

from checks.criteria_gaps import numbering_gaps

LETTERED_FIRST = (
    "Inclusion Criteria:\n\n1a. For Cohort 1 (both phases):\n\n- Patients must have completed all study requirements"
    "\nfor Study TKT023.\n\nOR\n\n1b. For Cohort 2:\n\n  -  The patient is between 7 and 17 years of age.\n\n"
    "  -  The patient must be ERT-naive.\n\n  -  The patient is a hemizygous male with Fabry disease as confirmed by "
    "a deficiency of\n     alpha-galactosidase A activity measured in serum, leukocytes, or fibroblasts.\n\nOR\n\n"
    "- The patient is a heterozygous female or hemizygous male with Fabry disease as confirmed\nby a mutation of the "
    "alpha-galactosidase A gene. Patients who do not already have a\ndocumented mutation of the alpha-galactosidase "
    "A gene will provide a blood sample during\nscreening for genotyping.\n\n"
    "2. Adequate general health to undergo the specified phlebotomy regimen.\n\n"
    "3. The minor child must assent to participate in the protocol.\n\n"
    "Exclusion Criteria:\n\n  -  Patient is unable to comply with the protocol.")
RUN_ON_IN_ITEM = (
    "Inclusion Criteria:\n\n  -  1. Subject is >= 18 years old at the time of signing the Informed Consent Form 2.\n"
    "     Subject has histological or cytological diagnosis of adenocarcinoma of the colon or\n"
    "     rectum, with evidence of metastasis 3. Subject has a known KRAS mutation status\n"
    "     (mutated or wild-type). NRAS mutation status may be unknown.\n\n"
    "     4. Subject has documented disease progression after the last standard therapy.\n\n"
    "Exclusion Criteria:\n\n  -  Brain metastasis")
SUB_LIST_CLOSED = (
    "Inclusion Criteria:\n\n  -  1. Age 18 years or older.\n\n     2. Adenocarcinoma of the colon or rectum.\n\n"
    "     3. Known KRAS mutation status.\n\n     4. Documented disease progression.\n\n"
    "     5. Prior fluoropyrimidine.\n\n"
    "     6. Subject has Eastern Cooperative Oncology Group performance status 0 or 1 7.\n"
    "     Subject has measurable disease, as per Response Evaluation Criteria in Solid Tumors\n"
    "     version 1.1 criteria 8. Subject has adequate organ functions, evidenced by the following:\n\n"
    "       1. Total bilirubin <= 1.5 x upper limit of normal range\n\n"
    "       2. Creatinine <= 1.5 x upper limit of normal range 9. Subject has adequate bone\n"
    "          marrow function, evidenced by the following:\n\n"
    "       1. Absolute neutrophil count >= 1.5 x 10^9 cells/L\n\n"
    "       2. Hemoglobin >= 9 grams/decilitre (transfusion is permitted to fulfill this\n"
    "          criterion) 10. Females of child-bearing potential must:\n\n"
    "       1. Either commit to true abstinence from heterosexual contact, or agree to use\n"
    "          effective contraception; and\n\n"
    "       2. Have a negative serum pregnancy test result at screening.\n\n"
    "          11. Male subjects must agree to use a condom during sexual contact.\n\n"
    "          12. Subject must understand and voluntarily sign an Informed Consent Form.\n\n"
    "Exclusion Criteria:\n\n  -  Brain metastasis")


def _gaps(text: str) -> list[tuple[str, int, int]]:
    return [(g.section, g.expected, g.found) for g in numbering_gaps(text)]


# (criteria text, the gaps read)
CASES = {
    # NCT00084084
    "a first criterion lettered as alternatives": (LETTERED_FIRST, []),
    # NCT02103062
    "numbers run on inside the criterion before the gap": (RUN_ON_IN_ITEM, []),
    "the list above a sub-list going on after it": (SUB_LIST_CLOSED, []),
    # still gaps
    "a list that starts at 2 below a lead-in": (
        "Inclusion Criteria:\n\nPatients must meet all of the following:\n\n2. Age 18 years or older\n\n"
        "3. ECOG 0-1\n\nExclusion Criteria:\n\n- Pregnancy", [("inclusion", 1, 2)]),
    "a quantity run on inside the criterion before the gap": (
        RUN_ON_IN_ITEM.replace("metastasis 3. Subject", "metastasis of stage 3. Subject"), [("inclusion", 2, 4)]),
    "an earlier list's number on the same line": (
        "Inclusion Criteria: 1. Age 18 to 75 years 2. Confirmed rheumatoid arthritis 3. Stable methotrexate dose "
        "Exclusion Criteria: 1. Pregnancy 2. Active hepatitis B 4. Live vaccine within 4 weeks 5. Prior biologic",
        [("exclusion", 3, 4)]),
    "a sub-list under a number of a quantity": (
        SUB_LIST_CLOSED.replace("criterion) 10. Females", "criterion of grade 10. Females"), [("inclusion", 3, 11)]),
}


@pytest.mark.parametrize("name", CASES)
def test_numbers_written_otherwise_are_no_gap(name):
    text, gaps = CASES[name]
    assert _gaps(text) == gaps
