"""protocol.placebo_arm_typed_active on a delayed-start arm: a placebo arm typed Experimental whose description gives
it, after its placebo, one of the study's interventions that is no placebo ("Participants will be re-randomized at
week 12 to receive atogepant", NCT05861427; "Patients then receive oral fenretinide daily", NCT00004161; "After a
washout period of approximately 14 days, subjects will receive C-1266-7", NCT01500629; "In period 2 participants
received thalidomide 200 mg once a day", NCT00004635) is given what is tested, and rightly typed so. A placebo arm
given more placebo, a follow-up or a drug the study does not list after its placebo is still the placebo arm. All
records share one warehouse."""
from __future__ import annotations

import pytest

from tests.checks.test_protocol_label_typography_ages_and_intervention_names import (
    api_record, legacy_record, loaded_findings,
)

TYPED_ACTIVE = "protocol.placebo_arm_typed_active"
DRUG_ARM = ("Drug X", "EXPERIMENTAL", "Drug X 10 mg once daily for 24 weeks")
DRUG = ("DRUG", "Drug X", "Drug X 10 mg tablet once daily", ["Drug X"])
PLACEBO = ("DRUG", "Placebo", "Matching placebo tablet", ["Placebo"])

# NCT05861427's placebo arm, linked to the drug and its placebo.
_RE_RANDOMIZED = ("Participants will receive placebo QD for 12 weeks. Participants will be re-randomized at week 12 to "
                  "receive atogepant dose A, dose B or dose C QD for 12 weeks.")
# NCT00004161's Arm II, linked to its placebo only.
_THEN_FENRETINIDE = ("Patients receive oral placebo daily (except days 1-3 each month) for 6 months. Patients then "
                     "receive oral fenretinide daily (except days 1-3 each month) for 6 months. Patients are followed "
                     "every 3 months.")

# Descriptions of an arm titled "Placebo", typed Experimental and linked to the placebo, beside a Drug X arm.
DRUG_LATER = (
    "Placebo once daily for 12 weeks, followed by Drug X 10 mg once daily for 12 weeks.",
    "Participants receive placebo for 8 weeks and then switch to Drug X for 8 weeks.",
    "Randomized to placebo for a 9 week double-blind phase. All participants then received Drug X for a 52 week "
    "open-label phase.",
    "Placebo for 6 weeks; participants then cross over to Drug X (10 mg) for 6 weeks.",
    # a crossover's second period after its washout or crossing over (NCT01500629, NCT00534976; the four fired
    # before)
    "In a crossover design with subjects randomized to treatment sequence, each subject will receive 200 uL of "
    "placebo. After a washout period of approximately 14 days, subjects will receive 200 uL of Drug X.",
    "Placebo for 4 weeks; after a 2-week wash-out, Drug X 10 mg once daily for 4 weeks.",
    "Placebo for 4 weeks. Following the washout, participants receive Drug X.",
    "A single dose of 4 mg Pbo chewable tablet daily, crossing over to Drug X 4 mg chewable tablet after a 3- to 7-day "
    "washout period",
    # an arm named for its first period's placebo, given the drug in a later period named (NCT00004635's shape)
    "In period 1 participants received placebo for Drug X. The participants are returned to the background treatment "
    "for 6 months. In period 2 participants received Drug X 10 mg once a day.",
    "Placebo during the first treatment period; during the second treatment period, Drug X 10 mg once daily.",
    "Placebo in Stage 1. In Stage 2 participants receive open-label Drug X.",
)
PLACEBO_ONLY = (
    "Participants receive placebo for 12 weeks, then placebo tablets twice daily for 12 more weeks.",
    "Placebo daily. Patients are followed every 3 months, then every 6 months.",
    "Placebo for 12 weeks followed by a 4-week follow-up.",
    "Placebo for 12 weeks, followed by placebo matching Drug X for 12 weeks.",
    "Placebo for 12 weeks; then rescue therapy with ibuprofen if needed.",
    "Matching placebo to Drug X once daily for 24 weeks.",
    "Placebo for 4 weeks. After a washout period of 14 days, subjects will receive placebo again.",
    "Placebo for 4 weeks. After a washout period of 14 days, subjects are followed up for 4 weeks.",
    # a later period given more placebo or nothing listed, and a study phase that is no period of the arm's
    "In period 1 participants received placebo for Drug X. In period 2 participants received placebo for Drug X again.",
    "In period 1 participants received placebo. In period 2 they are followed up every 3 months.",
    "Placebo once daily for 24 weeks. Drug X was well tolerated in a phase 2 study.",
)


def _records() -> dict[str, tuple[str, bytes]]:
    atogepant = ("DRUG", "Atogepant", "Oral Tablet", ["Atogepant Dose A", "Placebo"])
    records = {
        "re-randomized to atogepant": api_record(
            [("Atogepant Dose A", "EXPERIMENTAL", "Atogepant dose A QD for 24 weeks."),
             ("Placebo", "EXPERIMENTAL", _RE_RANDOMIZED)],
            [atogepant, ("DRUG", "Placebo for Atogepant", "Oral Tablet", ["Placebo"])]),
        "then fenretinide": legacy_record(
            [("Arm I", "Experimental", "Patients receive oral fenretinide daily for 12 months."),
             ("Arm II", "Experimental", _THEN_FENRETINIDE)],
            [("Drug", "fenretinide", "200 mg/day", ["Arm I"]), ("Drug", "Placebo", "Capsules", ["Arm II"])]),
        "placebo only, label": legacy_record(
            [("Arm I", "Experimental", "Patients receive oral fenretinide daily for 12 months."),
             ("Arm II", "Experimental", "Patients receive oral placebo daily for 6 months.")],
            [("Drug", "fenretinide", "200 mg/day", ["Arm I"]), ("Drug", "Placebo", "Capsules", ["Arm II"])]),
    }
    for text in DRUG_LATER + PLACEBO_ONLY:
        records[text] = api_record([DRUG_ARM, ("Placebo", "EXPERIMENTAL", text)], [DRUG, PLACEBO])
    return records


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    return loaded_findings(tmp_path_factory.mktemp("delayed_start"), _records(), (TYPED_ACTIVE,))


@pytest.mark.parametrize("name", ["re-randomized to atogepant", "then fenretinide", *DRUG_LATER])
def test_a_placebo_arm_given_the_drug_later_is_rightly_experimental(found, name):
    assert found[name] == []


@pytest.mark.parametrize("name", PLACEBO_ONLY)
def test_a_placebo_arm_given_no_listed_drug_later_is_the_placebo_arm(found, name):
    assert found[name] == [
        (TYPED_ACTIVE, "warning", 'The arm "Placebo" is typed Experimental, though its title says it is the placebo '
                                  "arm: a placebo arm is typed Placebo Comparator.")]


def test_a_labelled_arm_given_only_placebo_is_the_placebo_arm(found):
    assert found["placebo only, label"] == [
        (TYPED_ACTIVE, "warning", 'The arm "Arm II" is typed Experimental, though the record gives it only "Placebo" '
                                  "(DRUG): a placebo arm is typed Placebo Comparator.")]
