"""protocol.arm_linked_to_wrong_intervention: an active arm linked only to a placebo or sham, a placebo arm linked only
to the products an active arm is given, an arm linked only to what its title says it goes without. Each reading
beside the designs that must stay quiet: a drug given with a placebo, a double dummy, a placebo run-in, a crossover's
sequences, an add-on design, a study of placebo itself, an intervention that names its placebo, a sham device."""
from __future__ import annotations

import duckdb
import pytest

from checks import arm_types, arm_wrong_links
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_arm_types import trial
from tests.checks.cases_arm_wrong_links import MESH, RUCONEST, TPMS, WRONG_LINK, denying_arm, placebo_beside

DRUG_A = ("DRUG", "Apixaban", "Apixaban 5 mg twice daily")
DRUG_B = ("DRUG", "Warfarin", "Warfarin to an INR of 2-3")
PLACEBO = ("DRUG", "Placebo", "Matching placebo tablets")


def active_only_placebo(title: str, description: str, given: list[tuple[str, str, str]], linked: list[str],
                        model: str | None = None, brief_title: str | None = None):
    """A trial of Apixaban against an Experimental arm (`title`, `description`) linked only to the names `linked` of
    `given` (listed beside Apixaban)."""
    return trial([("ACTIVE_COMPARATOR", "Apixaban", "Apixaban 5 mg twice daily"), ("EXPERIMENTAL", title, description)],
                 [DRUG_A, *given], [("Apixaban", "Apixaban"), *((title, name) for name in linked)],
                 model=model, brief_title=brief_title)


def double_dummy():
    """Apixaban with a warfarin placebo against warfarin with an apixaban placebo."""
    return trial([("EXPERIMENTAL", "Apixaban", "Apixaban and warfarin-matching placebo"),
                  ("ACTIVE_COMPARATOR", "Warfarin", "Warfarin and apixaban-matching placebo")],
                 [DRUG_A, DRUG_B, ("DRUG", "Placebo for warfarin", ""), ("DRUG", "Placebo for apixaban", "")],
                 [("Apixaban", "Apixaban"), ("Apixaban", "Placebo for warfarin"), ("Warfarin", "Warfarin"),
                  ("Warfarin", "Placebo for apixaban")])


def add_on(placebo_links: list[str]):
    """Drug X on metformin against a placebo arm linked to `placebo_links`: every arm gets metformin."""
    metformin = ("DRUG", "Metformin", "Background metformin, stable dose")
    return trial([("EXPERIMENTAL", "Dapagliflozin plus metformin", ""), ("PLACEBO_COMPARATOR", "Placebo", "")],
                 [("DRUG", "Dapagliflozin", "10 mg daily"), metformin, PLACEBO],
                 [("Dapagliflozin plus metformin", "Dapagliflozin"), ("Dapagliflozin plus metformin", "Metformin"),
                  *(("Placebo", name) for name in placebo_links)])


GRANULES = ("DEVICE", "Calcium-sulphate granules with tobramicina+vancomicina",
            "Local calcium-sulphate antibiotics deliver for the treatment of diabetic foot osteomyelitis")
SHOCKWAVE = ("DEVICE", "Low Intensity Extracorporeal Shockwave Therapy (LI-ESWT)", "Six sessions")

# nct_id: (fires, change, what it is)
CASES = {
    # An active arm linked only to a placebo or sham.
    "NCT02700001": (True, TPMS, "NCT04488068's stimulation arm linked only to the sham"),
    "NCT02700002": (True, active_only_placebo("Rivaroxaban", "Rivaroxaban 20 mg daily", [PLACEBO], ["Placebo"]),
                    "a drug's arm linked only to the placebo"),
    "NCT02700003": (False, active_only_placebo("Rivaroxaban plus placebo", "Rivaroxaban with placebo", [PLACEBO],
                                               ["Placebo"]), "a drug given with a placebo"),
    "NCT02700004": (False, double_dummy(), "a double dummy: each arm one drug and one placebo"),
    "NCT02700005": (False, active_only_placebo("Rivaroxaban", "Rivaroxaban 20 mg daily",
                                               [("DRUG", "Single-blind placebo run-in", "Two weeks")],
                                               ["Single-blind placebo run-in"]), "a placebo run-in"),
    "NCT02700006": (False, active_only_placebo("Sequence AB", "Apixaban, then placebo", [PLACEBO], ["Placebo"],
                                               model="CROSSOVER"), "a crossover's sequence names its placebo"),
    "NCT02700007": (False, active_only_placebo("Pills taken openly", "Two pills twice daily for three weeks",
                                               [PLACEBO], ["Placebo"],
                                               brief_title="Open-label placebo in irritable bowel syndrome"),
                    "a study of placebo itself"),
    "NCT02700008": (False, active_only_placebo("Arm B", "", [PLACEBO], ["Placebo"]),
                    "a label's arm given a placebo: placebo_arm_typed_active reads it"),
    # A placebo arm linked only to the products an active arm is given.
    "NCT02700011": (True, placebo_beside("Placebo", [RUCONEST]), "NCT04705831: Placebo linked only to Ruconest"),
    "NCT02700012": (True, placebo_beside("Vehicle solution", [("DRUG", "Civamide nasal solution 0.01%", "")],
                                         description=""), "NCT01341548: the vehicle linked to civamide"),
    "NCT02700013": (True, placebo_beside("Placebo", [("DRUG", "eniluracil", "20 mg twice daily"),
                                                     ("PROCEDURE", "conventional colon surgery", "")]),
                    "NCT00004195: the placebo arm linked to the drug and the surgery both arms get"),
    "NCT02700014": (False, add_on(["Metformin"]), "an add-on's placebo arm linked to the background drug"),
    "NCT02700015": (False, add_on(["Metformin", "Placebo"]), "an add-on's placebo arm linked to its placebo too"),
    "NCT02700016": (False, placebo_beside("Placebo", [("DRUG", "Perindopril", "4 mg or matching placebo daily")]),
                    "an intervention that names its own placebo"),
    "NCT02700017": (False, placebo_beside("Sham", [SHOCKWAVE], arm_type="SHAM_COMPARATOR"),
                    "a sham arm linked to the device it imitates"),
    "NCT02700018": (False, placebo_beside("Placebo plus standard care", [RUCONEST]),
                    "a title that names more than the placebo"),
    "NCT02700019": (True, placebo_beside("Placebo", [RUCONEST], model="CROSSOVER"),
                    "NCT04705831 itself: a crossover whose arms are its treatments"),
    "NCT02700020": (False, placebo_beside("Placebo", [RUCONEST], "Placebo for 4 weeks, then Ruconest for 4 weeks",
                                          model="CROSSOVER"), "a crossover's sequence given the drug after placebo"),
    # A placebo arm whose description gives every participant each treatment, as a crossover's arm does.
    "NCT02700031": (False, placebo_beside("Placebo", [RUCONEST], "Each participant will receive 12 weeks of both: (1) "
                                          "placebo and (2) Ruconest, in a random-order, cross-over design.",
                                          model="CROSSOVER"), "every participant given both treatments"),
    "NCT02700032": (False, placebo_beside("Placebo", [RUCONEST], "All patients receive each of the two infusions "
                                          "in turn."), "every participant given each treatment"),
    "NCT02700033": (False, placebo_beside("Placebo", [RUCONEST], "Placebo infusion; the arms cross over after a "
                                          "washout.", model="CROSSOVER"), "a placebo arm that names its crossover"),
    "NCT02700034": (True, placebo_beside("Placebo", [RUCONEST], "All patients receive placebo infusions weekly.",
                                         model="CROSSOVER"), "every participant of the arm given its placebo only"),
    "NCT02700035": (True, placebo_beside("Placebo", [RUCONEST], "Each subject will receive a matching placebo.",
                                         model="CROSSOVER"), "each participant given the placebo"),
    # An arm linked only to what its title says it goes without.
    "NCT02700021": (True, denying_arm("Calcium-sulphate granules without antibioitcs", GRANULES, "SHAM_COMPARATOR"),
                    "NCT06262854: the granules without antibiotics linked to the granules with them"),
    "NCT02700022": (True, denying_arm("No mesh prophylaxis", MESH), "NCT00496418: no mesh linked to the mesh"),
    "NCT02700023": (True, denying_arm("Silver-free dressing", ("DEVICE", "Silver dressing", "")),
                    "a silver-free dressing linked to the silver dressing"),
    "NCT02700024": (True, denying_arm("Without drains", ("PROCEDURE", "Drain placement", "")),
                    "an arm without drains linked to the drain"),
    "NCT02700025": (False, denying_arm("Chemotherapy with or without radiation", ("RADIATION", "Radiation", "")),
                    "a title that denies either way"),
    "NCT02700026": (False, denying_arm("Patients without diabetes", ("OTHER", "Diabetes questionnaire", ""),
                                       "OTHER"), "a denial of the arm's people"),
    "NCT02700027": (False, denying_arm("Opioid-free anaesthesia", ("DRUG", "Opioid-free anaesthesia protocol", "")),
                    "an intervention that goes without it too"),
    "NCT02700028": (False, denying_arm("No mesh", ("DEVICE", "Mesh", "Mesh or no mesh, as randomised")),
                    "an intervention whose words cover the arm without it"),
    "NCT02700029": (False, denying_arm("No treatment", ("OTHER", "Treatment as usual", ""), "NO_INTERVENTION"),
                    "a No Intervention arm: no_intervention_arm_with_interventions reads it"),
    "NCT02700030": (False, denying_arm("Granules without antibiotics", ("DEVICE", "Granules without antibiotics", "")),
                    "the arm linked to the product it names"),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    """The rule's findings (message, severity) by study, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change, _what) in CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("wrong_links"), built)
    findings = {}
    for f in findings_of(con, arm_wrong_links.wrong_link_rule(), set_scope(con, None, harness.AS_OF)):
        findings.setdefault(f.nct_id, []).append((f.message, f.severity))
    con.close()
    return findings


@pytest.mark.parametrize("nct_id", CASES, ids=lambda n: f"{n}-{CASES[n][2]}")
def test_an_arm_linked_to_what_its_words_deny(found, nct_id):
    assert (nct_id in found) is CASES[nct_id][0]


def test_each_reading_says_what_the_arm_is_and_what_it_is_linked_to(found):
    assert [found[nct_id] for nct_id in ("NCT02700001", "NCT02700011", "NCT02700022", "NCT02700021")] == [
        [('The arm "Magnetic Stimulation" is typed Experimental and names no placebo or sham, yet the record links it '
          'only to "Sham Magnetic stimulation" (PROCEDURE).', "warning")],
        [('The arm "Placebo" is typed Placebo Comparator and titled a placebo, yet the record links it only to '
          '"Ruconest" (DRUG), as it links the arm "RUCONEST", and none of them names a placebo.', "warning")],
        [('The arm "No mesh prophylaxis" says it goes without "mesh", yet the record links it only to "Mesh in '
          'permanent colostomy" (DEVICE), which names it.', "warning")],
        [('The arm "Calcium-sulphate granules without antibioitcs" says it goes without "antibioitcs", yet the '
          'record links it only to "Calcium-sulphate granules with tobramicina+vancomicina" (DEVICE), the same '
          '"calcium-sulphate granules" with something added.', "warning")]]


# title: (what it goes without, the product that goes without it), as the rule reads them; None: no denial.
TITLES = {
    "Calcium-sulphate granules without antibiotics": ("antibiotics", "calcium-sulphate granules"),
    "Chewing gum free of xylitol": ("xylitol", "chewing gum"),
    "Toothpaste with no fluoride": ("fluoride", "toothpaste"),
    "Silver-free dressing": ("silver", "dressing"),
    "No mesh prophylaxis": ("mesh", None),
    "Without drains": ("drains", None),
    "Group B: No tourniquet": ("tourniquet", None),
    "Mesh repair": (None, None),
    "Non-surgical treatment": (None, None),
    "Number of sessions": (None, None),
}


def test_what_a_title_says_the_arm_goes_without():
    con = duckdb.connect()
    read = {}
    for title in TITLES:
        said = arm_types.as_read_sql(f"'{title}'")
        read[title] = con.execute(f"SELECT {arm_wrong_links._denied(said, 2)}, "
                                  f"{arm_wrong_links._denied(said, 1)}").fetchone()
    assert read == TITLES
