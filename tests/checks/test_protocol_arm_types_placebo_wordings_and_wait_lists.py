"""The protocol family's arm-type rules on API v2 records as sponsors word their arms: placebo arms titled
"Placebo-to-match" or given a placebo in one part of the study, an extension's arm named for an earlier study's
placebo group, Placebo Comparator arms whose placebo is a neutral cream, an empty capsule or a misspelt placebo, and
No Intervention arms given a wait-list however it is written. All records share one warehouse."""
from __future__ import annotations

import pytest

from tests.checks.test_protocol_label_typography_ages_and_intervention_names import api_record, loaded_findings

TYPED_ACTIVE = "protocol.placebo_arm_typed_active"
WITHOUT_PLACEBO = "protocol.placebo_comparator_without_placebo"
NO_INTERVENTION = "protocol.no_intervention_arm_with_interventions"
DRUG_ARM = ("Drug X", "EXPERIMENTAL", "Drug X 10 mg once daily for 12 weeks")
DRUG = ("DRUG", "Drug X", "Drug X 10 mg tablet once daily", ["Drug X"])


def _arm(title: str, kind: str, description: str, given) -> tuple[str, bytes]:
    """A parallel API v2 record: the arm (title, type, description) given the interventions `given` ((type, name,
    description)), beside an arm given Drug X."""
    return api_record([(title, kind, description), DRUG_ARM],
                      [(t, name, about, [title]) for t, name, about in given] + [DRUG])


PLACEBO = [("DRUG", "Placebo", "Matching placebo tablet once daily")]
# Titles that say the arm is the placebo arm, typed Experimental: flagged (the first three new: "to match" and
# "matched" hyphenated were read as a placebo joined to another word).
PLACEBO_TITLES = ("Placebo-to-match", "Placebo-matched", "Placebo-matching tablets", "Placebo", "Matching placebo "
                  "tablets", "Sham", "Vehicle", "Vehicle gel", "Arm B: Placebo", "Arm 2 – Placebo", "Placebo 1",
                  "Drug X 0 mg (placebo)", "PLACEBO", "Placebo Comparator: Placebo", "Placebo to match Drug X",
                  "Group 3 - Matching Placebo")
NEW_PLACEBO_TITLES = PLACEBO_TITLES[:3]
# Titles that name more than the placebo, or no placebo word: quiet (the first two new: a placebo in one part or
# stage is a sequence).
OTHER_TITLES = ("Placebo Group (Drug X in Part 2)", "Placebo (Stage 1), Drug X (Stage 2)", "Placebo (Stage 1)",
                "Dummy", "Saline", "Standard of care + placebo", "Placebo then active (crossover)", "Placebo run-in",
                "Placebo, then Drug X", "Placebo Arm (Cross Over to Drug X at Week 24)", "Sham-controlled",
                "Placébo", "Placebo/Sham", "Placebo-controlled period", "Delayed start (placebo)")
NEW_OTHER_TITLES = OTHER_TITLES[:3]
# An extension's arm named for an earlier study's placebo group and given the drug: quiet (each fired before: the
# drug's description names saline, water or the placebo taken before).
EXTENSION_ARMS = {
    "drug in saline": ("Participants randomized to placebo in the parent study receive Drug Y",
                       "Drug Y 200 mg diluted in 250 mL normal saline, IV"),
    "drug with water": ("Participants who received placebo in Study 301 now receive Drug Y",
                        "Drug Y tablets taken with water"),
    "drug given to former placebo": ("Former placebo patients", "Participants previously on placebo receive Drug Y"),
    "previous trial": ("Patients from the placebo group of the previous DUET trial", "Drug Y 10 mg"),
}
# Placebo arms given a placebo however described: still flagged.
PLACEBO_ARMS = {
    "description says matching placebo": ("Matching placebo once daily for 12 weeks",
                                          [("DRUG", "Placebo", "Matching placebo tablet")]),
    "drug or placebo in one intervention": ("Placebo daily", [("DRUG", "Drug Y", "Drug Y 10 mg or matching placebo")]),
    "prior medication continued": ("Placebo; prior statin therapy continued", PLACEBO),
}

# What a Placebo Comparator arm titled "Control arm" is given: names of a placebo (quiet; the first six new).
PLACEBO_GIVEN = ("Empty gelatin capsules", "Placébo", "Neutral cream", "Canola oil capsules", "Plecebo",
                 "Control juice", "Sugar pill", "Inactive cream", "Normal saline", "Sham procedure", "Vehicle gel",
                 "Dummy tablets", "Placebo-to-match", "Rice flour capsules", "Identical-appearing capsules",
                 "Microcrystalline cellulose tablets", "Saline 0.9% injection", "Sham tDCS",
                 # a placebo abbreviated (NCT01328444), a food product without what is tested (NCT01180127)
                 "Plb", "PBO tablets", "Wait list control plus food product without flavanol")
NEW_PLACEBO_GIVEN = PLACEBO_GIVEN[:6]
# ... and of another kind of control: flagged.
OTHER_GIVEN = ("Usual care", "Standard of care", "Low-dose aspirin", "Vitamin C 50 mg", "Diet counselling",
               "Neutral counselling session", "Empty nest support group", "Control group education",
               "Metformin 500 mg", "Wait list", "Food product with flavanol", "Plbk-Nutra bar")

# What a No Intervention arm is given: nothing, however named (quiet; the first five new).
NOTHING = ("Waiting-list", "Wait-listed control", "Wait list (delayed intervention)", "Not treated", "Waitlisted",
           "Waitlist", "Observation only", "No intervention: control", "Control: no treatment", "No exercise",
           "No Intervention (Control Group)", "Without intervention", "Wait-list", "No treatment given",
           "No supplementation")
NEW_NOTHING = NOTHING[:5]
# ... or something: flagged.
SOMETHING = ("Questionnaire", "Blood draw", "Usual care", "Standard of care", "Metformin (background therapy)",
             "Accelerometer", "Waitlist with usual care", "Waitlist then CBT", "Wait-list plus self-help booklet",
             "Delayed start", "Not treated with Drug X but given vitamin D")


# Sham Comparator arms' descriptions: a delivery system set up without the study gas (NCT04290871) is the sham
# (quiet); set up to deliver it, no sham (flagged).
SHAM_DESCRIBED = {"set up without the gas": ("The delivery system will be set up anyway without study gas "
                                             "administration", False),
                  "set up with the gas": ("The delivery system will be set up and the study gas administered", True)}


def _records() -> dict[str, tuple[str, bytes]]:
    records = {f"titled {t}": _arm(t, "EXPERIMENTAL", "Participants receive it daily", PLACEBO)
               for t in PLACEBO_TITLES + OTHER_TITLES}
    records.update({f"extension {k}": _arm("Placebo", "EXPERIMENTAL", arm, [("DRUG", "Drug Y", given)])
                    for k, (arm, given) in EXTENSION_ARMS.items()})
    records.update({f"placebo arm {k}": _arm("Placebo", "ACTIVE_COMPARATOR", arm, given)
                    for k, (arm, given) in PLACEBO_ARMS.items()})
    records.update({f"comparator given {n}": _arm("Control arm", "PLACEBO_COMPARATOR", "Taken twice daily",
                                                  [("OTHER", n, None)]) for n in PLACEBO_GIVEN + OTHER_GIVEN})
    records.update({f"sham {k}": _arm("Control Group", "SHAM_COMPARATOR", text, [("DRUG", "Nitric Oxide Gas", None)])
                    for k, (text, _) in SHAM_DESCRIBED.items()})
    records.update({f"no intervention given {n}": _arm("Usual care", "NO_INTERVENTION", "Usual care continued",
                                                       [("OTHER", n, None)]) for n in NOTHING + SOMETHING})
    return records


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    return loaded_findings(tmp_path_factory.mktemp("protocol_arm_types"), _records(),
                           (TYPED_ACTIVE, WITHOUT_PLACEBO, NO_INTERVENTION))


def _of(found, name: str, rule_id: str) -> list[tuple]:
    return [(severity, message) for rule, severity, message in found[name] if rule == rule_id]


@pytest.mark.parametrize("title", PLACEBO_TITLES)
def test_a_title_saying_the_arm_is_the_placebo_arm_typed_experimental(found, title):
    assert [s for s, _m in _of(found, f"titled {title}", TYPED_ACTIVE)] == ["warning"]


def test_placebo_to_match_is_read_as_the_placebo_arm(found):
    assert _of(found, "titled Placebo-to-match", TYPED_ACTIVE) == [
        ("warning", 'The arm "Placebo-to-match" is typed Experimental, though its title says it is the placebo arm: '
                    "a placebo arm is typed Placebo Comparator.")]


@pytest.mark.parametrize("title", OTHER_TITLES)
def test_a_title_naming_more_than_the_placebo_is_not_read(found, title):
    assert _of(found, f"titled {title}", TYPED_ACTIVE) == []


@pytest.mark.parametrize("name", list(EXTENSION_ARMS))
def test_an_extension_arm_named_for_an_earlier_placebo_group_is_not_the_placebo_arm(found, name):
    assert _of(found, f"extension {name}", TYPED_ACTIVE) == []


@pytest.mark.parametrize("name", list(PLACEBO_ARMS))
def test_a_placebo_arm_given_a_placebo_typed_active_comparator(found, name):
    assert [s for s, _m in _of(found, f"placebo arm {name}", TYPED_ACTIVE)] == ["warning"]


@pytest.mark.parametrize("name", PLACEBO_GIVEN)
def test_a_placebo_comparator_given_a_placebo_however_named(found, name):
    assert _of(found, f"comparator given {name}", WITHOUT_PLACEBO) == []


@pytest.mark.parametrize("name", OTHER_GIVEN)
def test_a_placebo_comparator_given_another_control(found, name):
    assert _of(found, f"comparator given {name}", WITHOUT_PLACEBO) == [
        ("warning", f'The arm "Control arm" is typed Placebo Comparator, yet neither it nor the interventions it is '
                    f'given ("{name}" (OTHER)) name a placebo.')]


@pytest.mark.parametrize("name", NOTHING)
def test_a_no_intervention_arm_given_nothing_however_named(found, name):
    assert _of(found, f"no intervention given {name}", NO_INTERVENTION) == []


@pytest.mark.parametrize("name", SOMETHING)
def test_a_no_intervention_arm_given_something(found, name):
    assert _of(found, f"no intervention given {name}", NO_INTERVENTION) == [
        ("warning", f'The arm "Usual care" is typed No Intervention, yet the record links it to "{name}" (OTHER).')]


@pytest.mark.parametrize("name", list(SHAM_DESCRIBED))
def test_a_sham_comparator_described_without_the_study_product(found, name):
    assert len(_of(found, f"sham {name}", WITHOUT_PLACEBO)) == int(SHAM_DESCRIBED[name][1])
