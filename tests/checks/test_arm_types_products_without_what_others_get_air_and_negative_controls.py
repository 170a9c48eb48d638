"""protocol.placebo_comparator_without_placebo on the placebos real records name by what the study's other arms are
given: the same product without it ("chitosan free cotton textile" beside "chitosan coated textile", NCT01597817;
"Calcium-sulphate granules without antibioitcs" beside the granules "with tobramicina+vancomicina", NCT06262854), normal
air breathed in an oxygen trial ("ordinary room oxygen", "exposed to normal air oxygen concentration at 2.2 ATM",
NCT05439486) and the negative control of a skin test ("Aqueous Negative Control" beside "Histamine Positive Skin Test
Control", NCT04510376) and a sham that is a lower setting of the device another arm is given ("30% occipital nerve
stimulation" beside "100% ..."); and protocol.placebo_arm_typed_active on an arm titled "Placebo" whose description
gives a dosed treatment (NCT03600766), worded as the title or description being wrong. Each beside the wordings that
must still fire: a regimen or procedure without what is tested, an unmasked trial, a negative control of people or of
nothing, an active gas, a drug's lower dose, a device of the sham's own.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, PLACEBO_TYPED_ACTIVE, comparator, trial

OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}


def two_arms(tested: tuple[str, str, str], control: tuple[str, str, str], given: list[tuple[str, str, str]],
             links: list[tuple[str, str]], design: dict | None = None):
    """A change: a trial of the arm `tested` (type, title, description) against `control`, given the interventions
    `given` linked as `links`, masked as the clean study (double, the participant too) unless `design` says."""
    arms = trial([tested, control], given, links)

    def change(s):
        arms(s)
        s["designs"][0].update(design or {})
    return change


TEXTILE = ("ACTIVE_COMPARATOR", "chitosan coated textile", "Chitosan coated cotton long sleeved t-shirts and pants.")
TEXTILE_IV = ("OTHER", "chitosan coated textile", "chitosan coated cotton long sleeved shirts and pants.")
FREE_TEXTILE = ("PLACEBO_COMPARATOR", "chitosan free cotton textile",
                "Chitosan free cotton long sleeved t-shirts and pants.")
FREE_TEXTILE_IV = ("OTHER", "chitosan free cotton long sleeved t-shirts and pants.",
                   "chitosan free cotton long sleeved shirts and pants.")
TEXTILE_LINKS = [("chitosan coated textile", "chitosan coated textile"),
                 ("chitosan free cotton textile", "chitosan free cotton long sleeved t-shirts and pants.")]
GRANULES = ("EXPERIMENTAL", "Calcium-sulphate granules with tobramicina+vancomicina", "")
GRANULES_IV = ("DEVICE", "Calcium-sulphate granules with tobramicina+vancomicina",
               "Local calcium-sulphate antibiotics deliver for the treatment of diabetic foot osteomyelitis")
PLAIN_GRANULES = ("SHAM_COMPARATOR", "Calcium-sulphate granules without antibioitcs", "")
GRANULE_LINKS = [(GRANULES[1], GRANULES_IV[1]), (PLAIN_GRANULES[1], GRANULES_IV[1])]


def product_pair(tested_title: str, control_title: str, kind: str = "DEVICE", design: dict | None = None,
                 control_type: str = "PLACEBO_COMPARATOR"):
    """A trial of a product (`tested_title`) against a control product (`control_title`), each its own
    intervention of that name and of type `kind`."""
    return two_arms(("EXPERIMENTAL", tested_title, ""), (control_type, control_title, ""),
                    [(kind, tested_title, ""), (kind, control_title, "")],
                    [(tested_title, tested_title), (control_title, control_title)], design)


# nct_id: (fires, change)
LACKING_CASES = {
    # The product of another arm without what that arm is given, in a masked trial: a placebo.
    "NCT02600001": (False, two_arms(TEXTILE, FREE_TEXTILE, [TEXTILE_IV, FREE_TEXTILE_IV], TEXTILE_LINKS)),
    "NCT02600002": (False, two_arms(GRANULES, PLAIN_GRANULES, [GRANULES_IV], GRANULE_LINKS)),
    "NCT02600003": (False, product_pair("Fluoridated varnish", "Non-fluoridated varnish")),
    "NCT02600004": (False, product_pair("Silver dressing", "Silver-free dressing")),
    "NCT02600005": (False, product_pair("Insoles with magnets", "Insoles without magnets")),
    "NCT02600006": (False, product_pair("Mattress topper with copper fibres", "Mattress topper free of copper")),
    # Unmasked: the participants know the product lacks it, which no placebo leaves them to know.
    "NCT02600007": (True, two_arms(TEXTILE, FREE_TEXTILE, [TEXTILE_IV, FREE_TEXTILE_IV], TEXTILE_LINKS, OPEN)),
    # A regimen, a procedure, the arm's people or a product no other arm is given: another kind of control.
    "NCT02600008": (True, product_pair("Usual care with exercise", "Usual care without exercise", "OTHER")),
    "NCT02600009": (True, product_pair("Standard chemotherapy with bevacizumab", "Standard chemotherapy without "
                                       "bevacizumab", "DRUG")),
    "NCT02600010": (True, product_pair("Opioid-based anaesthesia", "Opioid-free anaesthesia", "DRUG")),
    "NCT02600011": (True, product_pair("Suture with mesh", "Suture without mesh", "PROCEDURE")),
    "NCT02600012": (True, product_pair("Antibiotic prophylaxis", "Patients without antibiotics", "DRUG")),
    "NCT02600013": (True, product_pair("Intravenous vancomycin", "Calcium-sulphate granules without antibiotics")),
}

# nct_id: (fires, change): the comparator arm (title, description, its interventions) of a dapagliflozin trial.
AIR_CASES = {
    "NCT02600021": (False, comparator(
        "ordinary room oxygen", "ED patients in this group exposed to normal air oxygen concentration at 2.2 ATM "
        "for 90 minutes for 30 consecutive sessions.",
        [("DEVICE", "Hyperbaric chamber", "Sessions of 90 minutes in a multiplace chamber")])),
    "NCT02600022": (False, comparator(
        "Control", "Ambient air through the same mask for 60 minutes",
        [("DEVICE", "Face mask", "Non-rebreather mask")], "SHAM_COMPARATOR")),
    "NCT02600023": (False, comparator(
        "Normal air", "Breathed at 1.3 ATA in the chamber",
        [("DEVICE", "Hyperbaric chamber", "Multiplace chamber")])),
    "NCT02600024": (False, comparator(
        "Control gas", "Atmospheric air from a cylinder, blinded",
        [("OTHER", "Gas cylinder", "Delivered by mask")])),
    # An active gas, or a ward, typed Placebo Comparator: fires.
    "NCT02600025": (True, comparator(
        "Normobaric oxygen", "100% oxygen at 1 ATA by mask for 60 minutes",
        [("DRUG", "Oxygen", "Medical oxygen 15 L/min")])),
    "NCT02600026": (True, comparator(
        "Usual care", "Care in the normal ward",
        [("OTHER", "Usual care", "Ward care")])),
}

HISTAMINE = ("ACTIVE_COMPARATOR", "Histamine Positive Skin Test Control", "")
HISTAMINE_IV = ("OTHER", "Positive Control", "1.0 mg/mL Histamine Base")


def skin_test(title: str, name: str, description: str, positive: bool = True):
    """A skin-prick test of a test article, with a histamine positive control where `positive`, and a negative control
    arm (`title`) given one intervention (`name`, `description`)."""
    arms = [("EXPERIMENTAL", "Test article", ""), *([HISTAMINE] if positive else []),
            ("PLACEBO_COMPARATOR", title, "")]
    given = [("DEVICE", "Test Article", "Omeza Collagen Matrix"), *([HISTAMINE_IV] if positive else []),
             ("OTHER", name, description)]
    links = [("Test article", "Test Article"), *([(HISTAMINE[1], HISTAMINE_IV[1])] if positive else []),
             (title, name)]
    return trial(arms, given, links)


NEGATIVE_CONTROL_CASES = {
    "NCT02600031": (False, skin_test("Aqueous Negative Control", "Negative Control", "Aqueous Negative Control")),
    "NCT02600032": (False, skin_test("Negative control", "Negative Control", "Negative control solution",
                                     positive=False)),
    "NCT02600033": (False, skin_test("Negative control", "Negative Control", "Applied beside the test article")),
    # People, nothing given, or no positive control and no solution: fires.
    "NCT02600034": (True, skin_test("Negative control", "Negative Control", "Healthy volunteers without allergy")),
    "NCT02600035": (True, skin_test("Negative control", "Negative Control", "No treatment")),
    "NCT02600036": (True, skin_test("Negative control", "Negative Control", "Applied beside the test article",
                                    positive=False)),
}


ONS = ("DEVICE", "occipital nerve stimulation", "Implanted stimulator, 60 Hz")
ONS_DRUG = ("DRUG", "Lidocaine", "Lidocaine infusion")


def setting(title: str, description: str = "", given: tuple[str, str, str] = ONS, shared: bool = True,
            arm_type: str = "SHAM_COMPARATOR"):
    """A trial of `given` at full setting against a comparator arm (`title`, `description`, of `arm_type`) linked to
    the same intervention (`shared`) or to one of its own of the same kind."""
    own = (given[0], f"{given[1]} at another setting", given[2])
    listed = [given] if shared else [given, own]
    return trial([("ACTIVE_COMPARATOR", f"100% {given[1]}", ""), (arm_type, title, description)], listed,
                 [(f"100% {given[1]}", given[1]), (title, given[1] if shared else own[1])])


SETTING_CASES = {
    # A sham that is the device another arm is given, at a lower setting: the low-intensity sham.
    "NCT02600051": (False, setting("30% occipital nerve stimulation", "30% of the range between perception threshold "
                                   "and 100% stimulation level")),
    "NCT02600052": (False, setting("Low-intensity stimulation", "Stimulation at low intensity")),
    "NCT02600053": (False, setting("Control stimulation", "Subthreshold current for 20 minutes")),
    # A device of its own, a drug's lower dose, a Placebo Comparator, or no lower setting said: fires.
    "NCT02600054": (True, setting("30% occipital nerve stimulation", shared=False)),
    "NCT02600055": (True, setting("Low dose lidocaine", "Lidocaine 1 mg/kg", given=ONS_DRUG)),
    "NCT02600056": (True, setting("30% occipital nerve stimulation", arm_type="PLACEBO_COMPARATOR")),
    "NCT02600057": (True, setting("Conventional stimulation", "Stimulation at 60 Hz as usual")),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change) in {**LACKING_CASES, **AIR_CASES, **NEGATIVE_CONTROL_CASES,
                                     **SETTING_CASES}.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    return harness.flagged_studies(tmp_path_factory.mktemp("products_without"), built,
                                   arm_types.RULES)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", LACKING_CASES)
def test_a_product_without_what_another_arm_is_given(flagged, nct_id):
    assert (nct_id in flagged) is LACKING_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", AIR_CASES)
def test_normal_air_however_written(flagged, nct_id):
    assert (nct_id in flagged) is AIR_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", NEGATIVE_CONTROL_CASES)
def test_a_negative_control_of_a_test_of_reactions(flagged, nct_id):
    assert (nct_id in flagged) is NEGATIVE_CONTROL_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", SETTING_CASES)
def test_a_sham_at_a_lower_setting_of_the_device_another_arm_is_given(flagged, nct_id):
    assert (nct_id in flagged) is SETTING_CASES[nct_id][0]


# --- A placebo arm by its title whose description gives a dosed treatment -------------------------------------------

MIRABEGRON = ("ACTIVE_COMPARATOR", "Mirabegron", "oral mirabegron 50 gm plus tamsulosin 0.4 mg once daily for 8 weeks")
MIRABEGRON_IV = ("DRUG", "Mirabegron", "oral mirabegron 50 gm plus tamsulosin 0.4 mg once daily for 8 weeks.")


def placebo_titled(description: str, arm_type: str = "ACTIVE_COMPARATOR"):
    """NCT03600766's shape: an arm titled "Placebo", linked to "placebo", described as `description`."""
    return trial([MIRABEGRON, (arm_type, "Placebo", description)],
                 [MIRABEGRON_IV, ("DRUG", "placebo", description)],
                 [("Mirabegron", "Mirabegron"), ("Placebo", "placebo")])


# nct_id: (change, what the message says, or None where the rule is quiet)
DESCRIBED_CASES = {
    "NCT02600041": (placebo_titled("oral toltordine 4 mg plus tamsulosin 0.4 mg daily for 8 weeks."),
                    "as its description reads ('oral toltordine 4 mg plus tamsulosin 0.4 mg daily for 8 weeks.'), "
                    "though its title says it is the placebo arm: the title or the description is wrong."),
    "NCT02600042": (placebo_titled("Tamsulosin 0.4 mg with one tolterodine 2 mg capsule", "EXPERIMENTAL"),
                    "the title or the description is wrong."),
    # A placebo's words, or no dose: the type is what is wrong.
    "NCT02600043": (placebo_titled("Matching placebo 4 mg tablets daily for 8 weeks"),
                    "though its title says it is the placebo arm: a placebo arm is typed Placebo Comparator."),
    "NCT02600044": (placebo_titled("Once daily for 8 weeks"),
                    "though its title says it is the placebo arm: a placebo arm is typed Placebo Comparator."),
    "NCT02600045": (placebo_titled("0 mg of tolterodine with tamsulosin 0.4 mg daily"),
                    "though its title says it is the placebo arm: a placebo arm is typed Placebo Comparator."),
}


def test_a_placebo_titled_arm_described_as_a_dosed_treatment(tmp_path):
    built = {}
    for nct_id, (change, _said) in DESCRIBED_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    con = harness.warehouse_with(tmp_path, built)
    try:
        rule = next(r for r in arm_types.RULES if r.id == PLACEBO_TYPED_ACTIVE)
        messages = {f.nct_id: f.message for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()
    wrong = {nct_id: messages.get(nct_id) for nct_id, (_change, said) in DESCRIBED_CASES.items()
             if not messages.get(nct_id, "").endswith(said)}
    assert wrong == {}
