"""Cases for checks.arm_types: an arm's type against what its title says it is and what the record gives it,
written as registry arms are."""
from __future__ import annotations

from tests.checks.harness import Case

NO_INTERVENTION = "protocol.no_intervention_arm_with_interventions"
PLACEBO_TYPED_ACTIVE = "protocol.placebo_arm_typed_active"
COMPARATOR_WITHOUT_PLACEBO = "protocol.placebo_comparator_without_placebo"


def _label(text: str) -> str:
    """An arm title or intervention name as a load matches a link's to it: case, spacing and a closing full stop
    aside."""
    return " ".join(text.lower().split()).rstrip(". ")


def _ids(labels) -> dict[str, int]:
    """The row id a load gives each arm (or intervention) of a study, by its label: its place, from 1."""
    return {_label(label): n for n, label in enumerate(labels, start=1)}


def trial(arms, interventions, links, other_names=(), layout=None, model=None, brief_title=None):
    """A change: the study's arms are `arms` ((type, title, description)), its interventions `interventions`
    ((type, name, description)), linked as `links` ((arm title, intervention name), given the ids of what they
    name, as a load gives them; none where they name nothing listed), with `other_names` ((intervention name, other
    name)); optionally its source layout, intervention model and brief title."""
    arm_ids = _ids(title for _t, title, _d in arms)
    drug_ids = _ids(name for _t, name, _d in interventions)

    def change(s):
        s["design_groups"] = [{"group_type": t, "title": title, "description": d} for t, title, d in arms]
        s["interventions"] = [{"intervention_type": t, "name": name, "description": d} for t, name, d in interventions]
        s["design_group_interventions"] = [{"design_group": arm, "intervention": drug,
                                            "design_group_id": arm_ids.get(_label(arm)),
                                            "intervention_id": drug_ids.get(_label(drug))} for arm, drug in links]
        s["intervention_other_names"] = [{"intervention_name": drug, "name": name,
                                          "intervention_id": drug_ids.get(_label(drug))} for drug, name in other_names]
        if layout:
            s["studies"][0]["source_layout"] = layout
        if brief_title:
            s["studies"][0]["brief_title"] = brief_title
        if model:
            s["designs"][0]["intervention_model"] = model
    return change


# The clean study's arms (baricitinib against a matching placebo), linked as a load links them.
CLEAN = trial([("EXPERIMENTAL", "Baricitinib", "Baricitinib 2 mg once daily for 24 weeks"),
               ("PLACEBO_COMPARATOR", "Placebo", "Matching placebo once daily for 24 weeks")],
              [("DRUG", "Baricitinib", "Baricitinib 2 mg tablet once daily"),
               ("DRUG", "Placebo", "Matching placebo tablet once daily")],
              [("Baricitinib", "Baricitinib"), ("Placebo", "Placebo")])


# --- No Intervention arms --------------------------------------------------------------------------------------

EXERCISE = ("EXPERIMENTAL", "Supervised exercise", "12 weeks of supervised aerobic exercise, three sessions a week")
EXERCISE_IV = ("BEHAVIORAL", "Aerobic exercise", "Supervised treadmill walking, 40 minutes three times a week")


def control_arm(title: str, description: str, given: list[tuple[str, str, str]], linked: list[str] | None = None,
                **options):
    """A two-arm trial: supervised exercise against a No Intervention arm (title, description) linked to the
    interventions `linked` (names; all of `given` when None), `given` listed besides exercise."""
    names = [name for _t, name, _d in given] if linked is None else linked
    return trial([EXERCISE, ("NO_INTERVENTION", title, description)], [EXERCISE_IV, *given],
                 [("Supervised exercise", "Aerobic exercise"), *((title, name) for name in names)], **options)


QUESTIONNAIRE = ("OTHER", "Questionnaire", "Quality of life (EORTC QLQ-C30) at baseline, 12 and 24 weeks")

NO_INTERVENTION_CASES = [
    Case(NO_INTERVENTION, True, control_arm("Usual care", "Participants continue their usual care",
                                            [("OTHER", "Usual care", "Care as usual from the general practitioner")]),
         note="a usual-care arm typed No Intervention but given 'Usual care'"),
    Case(NO_INTERVENTION, True, control_arm("Control", "No exercise programme; assessments at baseline and 12 weeks",
                                            [QUESTIONNAIRE]),
         note="the control arm's assessments listed as an intervention"),
    Case(NO_INTERVENTION, True, control_arm("Observation", "Patients are observed after surgery",
                                            [("PROCEDURE", "Blood draw", "Blood samples for biomarker analysis")]),
         note="a blood draw linked to an observation arm"),
    Case(NO_INTERVENTION, True, control_arm("Standard chemotherapy", "Cisplatin 75 mg/m2 every 3 weeks",
                                            [("DRUG", "Cisplatin", "75 mg/m2 IV on day 1 of each 21-day cycle")]),
         note="a drug given to an arm typed No Intervention"),
    Case(NO_INTERVENTION, True, control_arm("Control group", "Normal recovery protocol as usual",
                                            [("PROCEDURE", "control", "normal recovery protocol as usually")],
                                            layout="ctgov_xml"),
         note="a legacy XML record's control procedure (NCT00498290's shape)"),
    Case(NO_INTERVENTION, True, trial([EXERCISE, ("NO_INTERVENTION", "Control", "Usual activity")],
                                      [EXERCISE_IV, QUESTIONNAIRE],
                                      [("Supervised exercise", "Aerobic exercise"), ("control.", "questionnaire")]),
         note="links that name the arm and the intervention in another case, followed as the load followed them"),
    Case(NO_INTERVENTION, True, control_arm("Wait-list", "No intervention during the study period",
                                            [("OTHER", "No intervention", "Participants receive nothing"),
                                             QUESTIONNAIRE]),
         note="a placeholder beside an assessment: the assessment is still linked"),

    Case(NO_INTERVENTION, False, control_arm("Usual care", "Participants continue their usual care",
                                             [QUESTIONNAIRE], linked=[]),
         note="the No Intervention arm linked to nothing, as the registry asks"),
    Case(NO_INTERVENTION, False, control_arm("Control", "No treatment",
                                             [("OTHER", "No intervention", "Participants receive no intervention")]),
         note="an intervention named 'No intervention' agrees with the type"),
    Case(NO_INTERVENTION, False, control_arm("Watchful waiting", "Active surveillance with PSA every 6 months",
                                             [("OTHER", "Observation", "Observation only")]),
         note="'Observation' says nothing is given"),
    Case(NO_INTERVENTION, False, control_arm("Usual care", "Participants continue their usual care",
                                             [("OTHER", "Usual care", "Care as usual")], layout="aggregator_text"),
         note="a republished page's links are read from its layout"),
    Case(NO_INTERVENTION, False, trial([EXERCISE, ("NO_INTERVENTION", "Usual care", "Care as usual")],
                                       [EXERCISE_IV, ("OTHER", "Usual care", "Care as usual")], []),
         note="the record links no arm to any intervention"),
    Case(NO_INTERVENTION, False, trial([EXERCISE, ("OTHER", "Usual care", "Care as usual")],
                                       [EXERCISE_IV, ("OTHER", "Usual care", "Care as usual")],
                                       [("Supervised exercise", "Aerobic exercise"), ("Usual care", "Usual care")]),
         note="a usual-care arm typed Other, linked to usual care"),
    Case(NO_INTERVENTION, False, CLEAN, note="clean"),
    Case(NO_INTERVENTION, False, control_arm("Wait-list", "Offered the programme after the 12-week assessment",
                                             [("BEHAVIORAL", "Waitlist control", "No programme during the study")]),
         note="a wait-list placeholder agrees with the type"),
    Case(NO_INTERVENTION, False, control_arm("Unvaccinated", "Not vaccinated during the study",
                                             [("OTHER", "No vaccine", "No vaccine is given")]),
         note="'No vaccine' says nothing is given"),
    Case(NO_INTERVENTION, False, control_arm("Surveillance", "PSA every 6 months",
                                             [("OTHER", "Active surveillance", "Monitoring without treatment")]),
         note="active surveillance gives nothing"),
    Case(NO_INTERVENTION, True, control_arm("Wait-list", "Offered the programme after the 12-week assessment",
                                            [("BEHAVIORAL", "Waitlist control", "No programme"), QUESTIONNAIRE]),
         note="a wait-list placeholder beside an assessment listed as an intervention"),
]

# --- Placebo arms typed Experimental or Active Comparator -------------------------------------------------------

DRUG = ("DRUG", "Dapagliflozin", "Dapagliflozin 10 mg tablet once daily")
PLACEBO = ("DRUG", "Placebo", "Matching placebo tablet once daily")


def placebo_arm(title: str, arm_type: str = "EXPERIMENTAL", given: list[tuple[str, str, str]] | None = None,
                drug_arm_type: str = "EXPERIMENTAL", **options):
    """A dapagliflozin trial whose second arm (title, of `arm_type`) is given `given` (a matching placebo when
    None)."""
    given = [PLACEBO] if given is None else given
    return trial([(drug_arm_type, "Dapagliflozin 10 mg", "Dapagliflozin 10 mg once daily for 24 weeks"),
                  (arm_type, title, "Once daily for 24 weeks")], [DRUG, *given],
                 [("Dapagliflozin 10 mg", "Dapagliflozin"), *((title, name) for _t, name, _d in given)], **options)


SHAM_TDCS = ("DEVICE", "Sham tDCS", "Current ramped up and down over 30 seconds, then switched off")
ACUPUNCTURE = [("EXPERIMENTAL", "Acupuncture", "Manual acupuncture at 8 points, twice weekly"),
               ("ACTIVE_COMPARATOR", "Control", "Needles at non-acupoints without penetration")]

PLACEBO_CASES = [
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo"), note="'Placebo' typed Experimental (NCT05819710)"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Matching placebo", "ACTIVE_COMPARATOR"),
         note="'Matching placebo' typed Active Comparator"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Arm B: Placebo"), note="a label before the placebo"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo to match dapagliflozin"),
         note="'to match' names the placebo's drug"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo Group", given=[PLACEBO, (
        "DRUG", "Metformin", "Background metformin at the participant's stable dose")]),
         note="a placebo arm on background therapy every arm gets"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Vehicle cream", given=[("DRUG", "Vehicle cream", "Twice daily")]),
         note="a dermatology trial's vehicle"),
    Case(PLACEBO_TYPED_ACTIVE, True, trial([("EXPERIMENTAL", "Active tDCS", "2 mA for 20 minutes, 10 sessions"),
                                            ("EXPERIMENTAL", "Sham stimulation", "30 seconds of current, then none")],
                                           [("DEVICE", "tDCS", "2 mA anodal over the left DLPFC"), SHAM_TDCS],
                                           [("Active tDCS", "tDCS"), ("Sham stimulation", "Sham tDCS")]),
         note="'Sham stimulation' typed Experimental"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Arm B", given=[("DRUG", "Placebo Oral Tablet", "Once daily")]),
         note="a labelled arm given only a placebo"),
    Case(PLACEBO_TYPED_ACTIVE, True, trial(ACUPUNCTURE, [("PROCEDURE", "Acupuncture", "Manual acupuncture"),
                                                         ("PROCEDURE", "Sham acupuncture", "Streitberger needles")],
                                           [("Acupuncture", "Acupuncture"), ("Control", "Sham acupuncture")]),
         note="a control arm given only sham acupuncture, typed Active Comparator"),
    Case(PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo", layout="ctgov_xml"), note="a legacy XML record"),

    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Dapagliflozin plus placebo", "ACTIVE_COMPARATOR"),
         note="an add-on design's active arm"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Sequence 1: Eptinezumab Then Placebo", model="CROSSOVER"),
         note="a crossover sequence"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo run-in then dapagliflozin"), note="a run-in"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Dapagliflozin or placebo"), note="a title that does not tell"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo-controlled phase"), note="a part of the design"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo with CBT for PTSD", "ACTIVE_COMPARATOR"),
         note="placebo beside an active therapy"),
    Case(PLACEBO_TYPED_ACTIVE, False, trial([("EXPERIMENTAL", "Anodal-Sham", "Anodal tDCS, then sham after washout"),
                                             ("EXPERIMENTAL", "Sham-Anodal", "Sham tDCS, then anodal after washout")],
                                            [("DEVICE", "tDCS", "2 mA for 20 minutes"), SHAM_TDCS],
                                            [("Anodal-Sham", "tDCS"), ("Anodal-Sham", "Sham tDCS"),
                                             ("Sham-Anodal", "tDCS"), ("Sham-Anodal", "Sham tDCS")], model="CROSSOVER"),
         note="a crossover's sequences joined by hyphens"),
    Case(PLACEBO_TYPED_ACTIVE, True, trial([("EXPERIMENTAL", "Active-tDCS", "2 mA for 20 minutes"),
                                            ("EXPERIMENTAL", "Sham-tDCS", "30 seconds of current")],
                                           [("DEVICE", "tDCS", "2 mA for 20 minutes"), SHAM_TDCS],
                                           [("Active-tDCS", "tDCS"), ("Sham-tDCS", "Sham tDCS")]),
         note="a parallel study's 'Sham-tDCS' arm"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Open-label placebo"), note="an open-label placebo is tested"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo pills", brief_title="Open-Label Placebo for Chronic "
                                                  "Low Back Pain"),
         note="a study of open-label placebo"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Sham feeding",
                                                  given=[("OTHER", "Chewing gum", "Three times a day")]),
         note="sham feeding (chewing gum after surgery) is what is tested"),
    Case(PLACEBO_TYPED_ACTIVE, False, trial([("EXPERIMENTAL", "Placebo", "Placebo capsules twice daily")], [PLACEBO],
                                            [("Placebo", "Placebo")]),
         note="a study's only arm"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo", "OTHER"), note="typed Other: not read"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Arm B", given=[PLACEBO, DRUG]),
         note="a labelled arm given a placebo and the drug"),
    Case(PLACEBO_TYPED_ACTIVE, False, placebo_arm("Arm B", given=[("DRUG", "Dapagliflozin + placebo", "Once daily")]),
         note="an intervention named for the drug beside the placebo"),
    Case(PLACEBO_TYPED_ACTIVE, False, CLEAN, note="clean: the placebo arm typed Placebo Comparator"),
]

# --- Placebo and sham comparators that nothing says are given one -----------------------------------------------

def comparator(title: str, description: str, given: list[tuple[str, str, str]], arm_type="PLACEBO_COMPARATOR",
               linked: list[str] | None = None, **options):
    """A dapagliflozin trial whose comparator arm (title, description, of `arm_type`) is linked to the
    interventions `linked` (names; all of `given` when None)."""
    names = [name for _t, name, _d in given] if linked is None else linked
    return trial([("EXPERIMENTAL", "Dapagliflozin 10 mg", "Dapagliflozin 10 mg once daily for 24 weeks"),
                  (arm_type, title, description)], [DRUG, *given],
                 [("Dapagliflozin 10 mg", "Dapagliflozin"), *((title, name) for name in names)], **options)


PHYSIO = [("EXPERIMENTAL", "Shock wave therapy", "Radial shock waves, 3 sessions"),
          ("SHAM_COMPARATOR", "Physiotherapy", "Conventional physiotherapy, 10 sessions")]

COMPARATOR_CASES = [
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Standard of care", "Standard diabetes care",
                                                      [("OTHER", "Standard of care", "Usual diabetes management")]),
         note="standard of care typed Placebo Comparator"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Control", "Usual care",
                                                      [("OTHER", "Usual care", "Care as usual")]),
         note="usual care"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Arm 1 - Chemoradiation", "Weekly cisplatin with radiation",
                                                      [("DRUG", "Cisplatin", "40 mg/m2 weekly"),
                                                       ("RADIATION", "Radiotherapy", "70 Gy in 35 fractions")]),
         note="an active treatment (NCT06087614's shape)"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Diet alone", "The control group receives diet counseling",
                                                      [], linked=["Dapagliflozin"]),
         note="a diet-alone arm linked to the active drug (NCT03230123's shape)"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Low-dose aspirin", "Aspirin 81 mg daily",
                                                      [("DRUG", "Aspirin", "81 mg tablet once daily")]),
         note="a lower dose of an active drug"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, trial(PHYSIO, [("DEVICE", "Shock wave", "2000 pulses at 2.5 bar"),
                                                          ("OTHER", "Physiotherapy", "Stretching and strengthening")],
                                                 [("Shock wave therapy", "Shock wave"),
                                                  ("Physiotherapy", "Physiotherapy")]),
         note="physiotherapy typed Sham Comparator"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Standard of care", "Standard diabetes care",
                                                      [("OTHER", "Standard of care", "Usual diabetes management")],
                                                      layout="ctgov_xml"),
         note="a legacy XML record"),

    Case(COMPARATOR_WITHOUT_PLACEBO, False, CLEAN, note="clean: a matching placebo"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Once daily for 24 weeks",
                                                       [("DRUG", "Dapagliflozin placebo", "Once daily")]),
         note="the intervention's name says placebo"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Arm 2", "Once daily for 24 weeks",
                                                       [("DRUG", "Comparator tablet", "Identical in appearance, "
                                                         "without the active ingredient")]),
         note="the intervention's description says it is inactive"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Twice daily to the face",
                                                       [("DRUG", "Vehicle cream", "Twice daily")]),
         note="a vehicle"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Intravenous infusion over 30 minutes",
                                                       [("DRUG", "Normal saline", "0.9% sodium chloride, 100 mL")]),
         note="saline"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Capsules twice daily",
                                                       [("DIETARY_SUPPLEMENT", "Control capsules", "Twice daily")],
                                                       other_names=[("Control capsules", "Placebo")]),
         note="the intervention's other name says placebo"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Matching placebo tablets once daily", [],
                                                       linked=["Dapagliflozin"]),
         note="the arm's description says placebo, its link is the drug's"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("1", "0mg", [], linked=["Dapagliflozin"]),
         note="a zero dose of the drug (NCT00462670's shape)"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Health education sessions matching the "
                                                       "intervention's contact time",
                                                       [("BEHAVIORAL", "Health education", "Weekly sessions")]),
         note="an attention control matched for time"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Same paradigm without the active agent",
                                                       [("OTHER", "Calming environment", "Virtual paradigm")]),
         note="the arm's description says it lacks the active agent"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Ultrasound head applied, device switched off",
                                                       [("DEVICE", "Ultrasound", "1 MHz")], "SHAM_COMPARATOR"),
         note="a device switched off"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Non-penetrating needles at the same points",
                                                       [("DEVICE", "Streitberger needle", "Blunt retractable")],
                                                       "SHAM_COMPARATOR"),
         note="non-penetrating needles"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Standard of care", "Standard diabetes care",
                                                       [("OTHER", "Standard of care", "Usual management")],
                                                       linked=[]),
         note="the comparator arm linked to nothing: what it is given cannot be told"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Standard of care", "Standard diabetes care",
                                                       [("OTHER", "Standard of care", "Usual management")],
                                                       linked=["Standard care"]),
         note="linked to an intervention the record does not list"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Standard of care", "Standard diabetes care",
                                                       [("OTHER", "Standard of care", "Usual management")],
                                                       layout="aggregator_text"),
         note="a republished page's links are read from its layout"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Standard of care", "Standard diabetes care",
                                                       [("OTHER", "Standard of care", "Usual management")],
                                                       "ACTIVE_COMPARATOR"),
         note="standard of care typed Active Comparator"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Control", "Same volume, same schedule",
                                                       [("DRUG", "Physiological serum", "10 mL intravenously")]),
         note="saline as non-English sponsors name it"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Adjuvant control", "One dose at day 0",
                                                       [("BIOLOGICAL", "Aluminium hydroxide",
                                                         "Adjuvant alone, 0.5 mL")]),
         note="a vaccine trial's adjuvant-only control"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Low-level laser", "Same protocol",
                                                       [("DEVICE", "LLLT device", "Laser off during each session")],
                                                       "SHAM_COMPARATOR"),
         note="a device turned off"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, comparator("Control", "Usual diabetes care from the general practitioner",
                                                      [("OTHER", "Usual care", "Care as usual, no study product")]),
         note="usual care typed Placebo Comparator"),
]

CASES = NO_INTERVENTION_CASES + PLACEBO_CASES + COMPARATOR_CASES


def said_of_study(change, summary: str | None = None, masking_description: str | None = None):
    """The change, and the study's brief summary or masking description set to the texts given."""
    def changed(s):
        change(s)
        if summary is not None:
            s["brief_summaries"] = [{"description": summary}]
        if masking_description is not None:
            s["designs"][0]["masking_description"] = masking_description
    return changed


BENZTROPINE = comparator("Arm 3", "Benztropine .125-.5mg daily", [("DRUG", "Benztropine", "Benztropine capsules")])
CONTROL_APP = comparator("Arm II (App version B)", "Participants use a health-education version of the app",
                         [("BEHAVIORAL", "Health education app", "Smoking-health facts, no skills training")],
                         "SHAM_COMPARATOR")

# A control the study's texts say is given as a placebo or a sham, in other words than a placebo's.
CASES += [
    Case(COMPARATOR_WITHOUT_PLACEBO, False, said_of_study(BENZTROPINE, summary=(
        "Patients are randomized to desipramine, fluoxetine, or to a control medication not expected to relieve pain "
        "(benztropine).")), note="a control drug not expected to have the effect tested, in the summary"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, said_of_study(BENZTROPINE, summary=(
        "Benztropine is given as an active placebo: it mimics the anticholinergic side effects.")),
        note="an active placebo, in the summary"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, comparator("Arm 3", "Benztropine, an active placebo",
                                                       [("DRUG", "Benztropine", "Benztropine capsules")]),
         note="an active placebo, in the arm's description"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, said_of_study(CONTROL_APP, masking_description=(
        "The control app will also be called ACT on Vaping in participant-facing materials, for blinding purposes.")),
        note="a control app under the tested one's name for blinding"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, BENZTROPINE, note="benztropine typed Placebo Comparator, nothing said"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(BENZTROPINE, summary=(
        "The control medication, benztropine, is expected to reduce extrapyramidal symptoms.")),
        note="a control drug expected to have an effect"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(CONTROL_APP, masking_description=(
        "Participants will not be told which app is the active one.")), note="masked, but no disguise said"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(CONTROL_APP, summary=(
        "The control app, called QuitGuide, gives smoking-health facts; the outcome assessor is blinded.")),
        note="a control app named for itself, and a blinded assessor"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(comparator(
        "Control", "Usual diabetes care from the general practitioner",
        [("OTHER", "Usual care", "Care as usual, no study product")]),
        summary="Dapagliflozin is compared with usual care; an active control design.",
        masking_description="Open label; no placebo was available."),
        note="an active control, and a placebo denied"),
]

GRAPE_JUICE = comparator("2 Grape Juice", "Patients received the same amount of grape juice for 28 days",
                         [("DIETARY_SUPPLEMENT", "Grape juice", "Grape juice twice daily")])
JUICE_BY_LETTERS = comparator("Control", "PGJ twice daily for 28 days",
                              [("DIETARY_SUPPLEMENT", "Juice", "200 mL twice daily")])
PLACEBO_GRAPE_JUICE = ("We examined the effect of a grape juice enriched with potassium compared with that of a "
                       "placebo grape juice (PGJ) on serum cortisol.")

# A product the study's text calls a placebo by the arm's own product ("a placebo grape juice" beside "2 Grape Juice",
# NCT00461448's shape), or by an abbreviation it defines for the placebo ("(PGJ)") that the arm's words use.
CASES += [
    Case(COMPARATOR_WITHOUT_PLACEBO, False, said_of_study(GRAPE_JUICE, summary=PLACEBO_GRAPE_JUICE),
         note="the summary calls the arm's product a placebo"),
    Case(COMPARATOR_WITHOUT_PLACEBO, False, said_of_study(JUICE_BY_LETTERS, summary=PLACEBO_GRAPE_JUICE),
         note="the arm names the placebo by the abbreviation the summary defines for it"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, GRAPE_JUICE, note="a grape juice nothing calls a placebo"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(GRAPE_JUICE, summary=(
        "Dapagliflozin is compared with placebo. Grape juice is given to every participant.")),
        note="a placebo whose sentence ends before the arm's product"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(
        comparator("Orange juice", "Orange juice twice daily", [("DIETARY_SUPPLEMENT", "Orange juice", "200 mL")]),
        summary=PLACEBO_GRAPE_JUICE), note="a placebo product other than the arm's"),
    Case(COMPARATOR_WITHOUT_PLACEBO, True, said_of_study(
        comparator("Control", "Usual care as in the PCT", [("OTHER", "Usual care", "Care as usual")]),
        summary="A placebo controlled trial (PCT) of dapagliflozin."),
        note="an abbreviation of the design, not of a placebo"),
]
