"""A short criterion stated twice: three to five words, in criteria that are one group's.

contradictions.duplicate_criterion compares items of six words or more wherever they stand; a shorter one ("* Able to
provide informed consent", "5. DSM-5 insomnia disorder patient") only as a list line of its own, word for word (case,
punctuation and list marks aside), in one list, in criteria that name no group, other people or step of the study
("Part A:", "Cohort 1", "For healthy volunteers:", "* Caregivers"): there "* Age 18-65 years" is stated once for each
group. Lines of one or two words ("* Female", "* Adults") are never compared, nor a heading written as a list line (in
capitals, in bold, or above criteria indented below it), nor an item that runs on below its line or inside it.
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_repeats import repeated_items, repeats_in_items
from tests.checks import harness

I, E = "Inclusion Criteria:\n\n", "\n\nExclusion Criteria:\n\n"
CONSENT = "Signed informed consent obtained before any study procedure"
BULLETED = "One inclusion criterion appears twice."
BULLETED_EXCLUSION = "One exclusion criterion appears twice."


def bulleted(*lines: str, exclusions: tuple[str, ...] = ("Known hypersensitivity to any component of the study drug",)
             ) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    return I + "\n".join(f"* {line}" for line in lines) + E + "\n".join(f"* {e}" for e in exclusions)

# An ACTG record's exclusions under topical headings, each saying when what it lists is excluded.
ACTG = ("Inclusion Criteria\n\nPatients must have:\n\n  -  A working diagnosis of HIV infection.\n\n"
        "Exclusion Criteria\n\nCo-existing Condition:\n\nPatients with the following are excluded:\n\n"
        "  -  Asthma requiring medication.\n\n  -  Pulmonary Kaposi's sarcoma (KS).\n\n")

# (name, criteria text, the rule's messages). New behaviour: every case that expects a message.
CASES = {
    # a short criterion twice in one list
    "Charcot, twice in a five-item bulleted list": (
        bulleted("Type 2 Diabetes Mellitus", "Unilateral pedal swelling", "Active Charcot Neuroarthropathy",
                 "Age: 18 years and above.", "Active Charcot Neuroarthropathy"), [BULLETED]),
    "a numbered item repeating item 2": (
        I + "1. Individuals aged 19 to 65 years old\n2. DSM-5 insomnia disorder patient\n3. ISI \u226511\n"
        "4. Capable of using mobile device and application\n5. DSM-5 insomnia disorder patient" + E +
        "1. shift workers\n2. PHQ-9 of 20 or above",
        ["Inclusion criterion 5 repeats inclusion criterion 2 word for word."]),
    "consent twice, case and full stop apart": (
        bulleted("Women sexual assault survivors presenting for emergency care \\<72 hours post-assault",
                 "English speakers", "18+ years of age", "Able to provide informed consent",
                 "Have a smartphone with continuous service \\>1 year", "able to provide Informed Consent."),
        [BULLETED]),
    "an exclusion twice, hard-wrapped legacy list": (
        "Inclusion Criteria:\n\n  - Histologically confirmed adenocarcinoma of the prostate\n\n"
        "Exclusion Criteria:\n\n  - Pregnant or nursing women\n\n  - Prior pelvic radiotherapy for any reason\n\n"
        "  - Known HIV infection\n\n  - Pregnant or nursing women", [BULLETED_EXCLUSION]),
    "an exclusion twice, markdown-escaped numbers": (
        I + "* 1\\. Age 40 to 80 years\n* 2\\. First-ever ischaemic stroke" + E +
        "* 1\\. Prior stroke or TIA\n* 2\\. Severe renal impairment (eGFR below 30)\n* 3\\. Prior stroke or TIA",
        ["Exclusion criterion 3 repeats exclusion criterion 1 word for word."]),
    "a full-width numbered list": (
        I + "1\uff0eAge 18-75 years\n2\uff0eSigned informed consent form\n3\uff0eECOG PS 0-1\n"
        "4\uff0eSigned informed consent form" + E + "1\uff0ePregnancy",
        ["Inclusion criterion 4 repeats inclusion criterion 2 word for word."]),
    "a numbered line written twice in a row": (
        I + "1. Age 18 years or older\n1. Age 18 years or older\n2. Confirmed sepsis on admission" + E + "1. None",
        ["Inclusion criterion 1 is written twice, word for word."]),
    "a section's first criterion again, Windows line ends": (
        "Inclusion Criteria:\r\n\r\n* Able to provide informed consent\r\n* Age 18 or over\r\n"
        "* Able to provide informed consent\r\n", [BULLETED]),
    "a numbered list with no headings": (
        "1. Able to provide informed consent\n2. Age 18 or over\n3. Able to provide informed consent",
        ["Criterion 3 repeats criterion 1 word for word."]),
    "a dash list, British spelling": (
        I + "- Adults with moderate ulcerative colitis\n- Willing to attend all visits\n- Stable anaemia treatment"
        "\n- Willing to attend all visits" + E + "- Previous colectomy", [BULLETED]),
    "an exclusion under two topical headings of the same time": (
        ACTG + "Concurrent Medication:\n\nExcluded:\n\n  -  Rifabutin and rifampin.\n\n"
        "Patients with the following are excluded:\n\n  -  Asthma requiring medication.",
        ["One exclusion criterion appears twice, under 'Co-existing Condition: Patients with the following are "
         "excluded:' and again under 'Patients with the following are excluded:'."]),
    "consent again after an item with its own indented criteria": (
        I + "* Signed informed consent\n* ECOG 0-1\n* Adequate organ function:\n  * Total bilirubin \u2264 1.5 x ULN\n"
        "  * Creatinine clearance \u2265 45 mL/min\n* Signed informed consent" + E + "* None", [BULLETED]),
    "a six-word criterion again after an item with its own indented criteria": (
        I + f"* {CONSENT}\n* Adequate organ function as defined below:\n  * Total bilirubin \u2264 1.5 x ULN\n"
        f"  * ALT \\< 2.5 x ULN\n* {CONSENT}" + E + "* None", [BULLETED]),
    # stays quiet
    "consent again after a parent written flat": (
        I + "* Signed informed consent\n* Adequate liver function:\n* ALT \\< 2.5 x ULN\n* Signed informed consent"
        + E + "* None", []),
    "a six-word criterion again after a group's indented criteria": (
        I + f"* {CONSENT}\n* Additional criteria for the expansion cohort:\n  * Prior anti-PD-1 therapy\n"
        f"* {CONSENT}" + E + "* None", []),
    "a drug excluded now and before": (
        ACTG + "Concurrent Medication:\n\nExcluded:\n\n  -  Rifabutin and rifampin.\n\nPrior Medication:\n\n"
        "Excluded within 14 days of study entry:\n\n  -  Rifabutin and rifampin.", []),
    "the same criterion in the inclusion and the exclusion lists": (
        bulleted("Able to provide informed consent", "Type 2 diabetes mellitus",
                 exclusions=("Able to provide informed consent", "Prior bariatric surgery")), []),
    "each part's list under its label": (
        I + "Part A:\n* Age 18-65 years\n* Healthy on medical examination\n\nPart B:\n* Age 18-65 years\n"
        "* Moderate hepatic impairment" + E + "* None", []),
    "each cohort's list under a label without colon": (
        I + "Cohort 1\n* Age 18-65 years\n* Treatment-naive HIV infection\nCohort 2\n* Age 18-65 years\n"
        "* Virologically suppressed on ART" + E + "* None", []),
    "patients' and healthy volunteers' lists": (
        I + "For patients:\n* Age 18-65 years\n* Confirmed COPD diagnosis\n\nFor healthy volunteers:\n"
        "* Age 18-65 years\n* Normal lung function" + E + "* None", []),
    "a label of people below both": (
        I + "* Able to provide informed consent\n* Body mass index 18-30\n* Able to provide informed consent\n"
        "Healthy control subjects:\n* Normal lung function" + E + "* None", []),
    "two-word lines in one list": (bulleted("No pacemaker", "Sinus rhythm on ECG", "No pacemaker"), []),
    "sub-lists under parents that end in a colon": (
        I + "* Stage I:\n  * ECOG 0-1 at entry\n  * No nodal disease\n* Stage II:\n  * ECOG 0-1 at entry\n"
        "  * Nodal disease allowed" + E + "* None", []),
    "sub-lists under parents indented below them": (
        I + "* Stage I disease\n  * ECOG 0-1 at entry\n* Stage II disease\n  * ECOG 0-1 at entry" + E + "* None",
        []),
    "one- and two-word lines": (
        I + "* Female\n* Postmenopausal women with osteoporosis\n* Female\n* Adults\n* Adults" + E + "* None", []),
    "a numbered heading in capitals written twice": (
        I + "1. PRIOR CONCURRENT THERAPY\n2. No prior chemotherapy for this cancer\n3. PRIOR CONCURRENT THERAPY\n"
        "4. No prior radiotherapy to the pelvis" + E + "1. None", []),
    "a numbered heading above indented criteria written twice": (
        I + "1. Adequate organ function\n   * Haemoglobin at least 9 g/dL\n2. Adequate organ function\n"
        "   * Creatinine below 1.5 x ULN" + E + "1. None", []),
    "a bold heading written twice": (
        I + "* **Adequate organ function**\n* Haemoglobin at least 9 g/dL\n* **Adequate organ function**\n"
        "* Creatinine below 1.5 x ULN" + E + "* None", []),
    "PDQ sub-headings each saying see above": (
        "DISEASE CHARACTERISTICS:\n  - Histologically confirmed melanoma\n\nPRIOR CONCURRENT THERAPY:\n\n"
        "Chemotherapy:\n  - See Disease Characteristics\n\nRadiotherapy:\n  - See Disease Characteristics", []),
    "an alternative set after OR": (
        I + "* Age 18-65 years\n* Confirmed asthma diagnosis\nOR\n* Age 18-65 years\n* Confirmed COPD diagnosis"
        + E + "* None", []),
    "a cohort named in a criterion": (
        bulleted("Age 18-65 years", "For cohort B only, prior anti-PD-1 therapy", "Age 18-65 years"), []),
    "caregivers' list": (
        I + "* Diagnosis of Alzheimer disease\n* Able to provide informed consent\n* Caregivers\n"
        "* Able to provide informed consent" + E + "* None", []),
    "the marker's sign differs": (
        bulleted("HBsAg (+) at screening", "Liver stiffness above 12 kPa", "HBsAg (-) at screening"), []),
    "a numbered list started again for another group": (
        I + "1. Age 18 years or older\n2. Confirmed sepsis\n1. Age 18 years or older\n2. No acute illness" + E +
        "1. None", []),
    "a near repeat, not word for word": (
        bulleted("Able to provide informed consent", "Type 2 diabetes mellitus", "Able to give informed consent"),
        []),
    "unmarked paragraphs": (
        I + "Able to provide informed consent\n\nType 2 diabetes mellitus\n\nAble to provide informed consent" + E
        + "None", []),
    "a criterion that runs on below its line": (
        bulleted("Able to provide informed consent", "Patients unable to walk must be\n  able to provide informed "
                 "consent"), []),
    "criteria run in on one line": (
        "Inclusion Criteria: 1. Age 18 years 2. Written consent given 3. Age 18 years\nExclusion Criteria: none",
        []),
    "a deleted criterion's placeholder twice": (
        I + "1. Age 18 years or older\n2. Deleted in Amendment 2\n3. Confirmed sepsis\n4. Deleted in Amendment 2"
        + E + "1. None", []),
    # six words or more: as before, in any list
    "a six-word criterion twice": (bulleted(CONSENT, "Type 2 diabetes mellitus", CONSENT), [BULLETED]),
}


@pytest.fixture(scope="module")
def messages() -> dict[str, list[str]]:
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                          {name: text for name, (text, _) in CASES.items()})


@pytest.mark.parametrize("name", CASES)
def test_short_criterion_stated_twice(messages, name):
    assert messages[name] == CASES[name][1]


@pytest.mark.parametrize("name", CASES)
def test_the_screen_keeps_every_short_repeat(name):
    text = CASES[name][0]
    assert repeated_items(text) == repeats_in_items(text)
