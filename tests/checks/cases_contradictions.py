"""Cases for checks.contradictions, from the seeds (001 dose and belimumab, 002 double-blind arm,
duplicate arm and criteria, 003 observational, 004 open label) and the negations around them."""
from __future__ import annotations

from datetime import date

from tests.checks.harness import Case


def row(table: str, **values):
    """A change that sets columns of the first row of a table."""
    return lambda s: s[table][0].update(values)


def rows(table: str, *values: dict):
    """A change that replaces every row of a table."""
    return lambda s: s.__setitem__(table, [dict(v) for v in values])


def texts(summary: str = "", detail: str = ""):
    """A change that replaces the brief summary and the detailed description."""
    return both(rows("brief_summaries", {"description": summary}), rows("detailed_descriptions", {"description": detail}))


def both(*changes):
    """A change made of several changes, in order."""
    return lambda s: [change(s) for change in changes]


def allocated(allocation: str, summary: str = "", detail: str = ""):
    """A change that sets the design's allocation and replaces the brief summary and the detailed description."""
    return both(row("designs", allocation=allocation), texts(summary, detail))


RANDOMIZED_TEXT = "contradictions.allocation_text_randomized"


def _clean(_s) -> None:
    """No change: the clean study."""


NEUTRAL = texts("A study of baricitinib in primary Sjogren's syndrome.", "Participants receive baricitinib.")
ONE_ARM = rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "Baricitinib",
                                 "description": "Baricitinib 2 mg once daily for 24 weeks"})
# Seed 002 NCT05300932: the arm text on a masking NONE record.
SEED_002_ARM = ("Subject received cyclophosphamide 400mg intravenous drip every 2 weeks combined with oral Prednisone "
                "10-15 mg/d (standard of care)through the 24 weeks double blind period. Subsequently, subject were "
                "administered oral Baricitinib 4mg everyday through the 24-48 weeks open label period.")
# Seed 004 NCT06936215: masking SINGLE (outcomes assessor) on an open label page.
SEED_004 = both(row("designs", masking="SINGLE", subject_masked=False, investigator_masked=False,
                    outcomes_assessor_masked=True, intervention_model_description="Open label randomized controlled trial",
                    masking_description="No masking"),
                texts("This open label randomized clinical trial will be conducted in department of rheumatology, BSMMU."))
SEED_002_CRITERIA = """Inclusion Criteria
2. Diffuse Systemic Sclerosis (dcSSc) as defined by LeRoy and Medsger
3. Disease duration of ≤ 36 months (defined as time from the first non-Raynaud phenomenon manifestation)
4. For disease duration of ≤ 18 months: ≥ 10 and ≤ 35 mRSS units at the screening visit
5. For disease duration of \\>18-36 months: ≥ 15 and ≤ 45 mRSS units at the screening visit and one of the following:
1)Increase ≥ 3 in mRSS units compared with the last visit 2)Involvement of one new body area 3)Involvement of two new body areas 4)Presence of 1 or more Tendon Friction Rub 6.Age ≥ 18 years at the screening visit 7.If female of childbearing potential, the patient must have a negative pregnancy test 8.Oral corticosteroids are permitted if the patient is on a stable dose regimen.
9.ACE inhibitors are permitted if the patient is on a stable dose for ≥ 2 weeks prior to the baseline visit.
Exclusion Criteria
2. Limited cutaneous systemic sclerosis or sine scleroderma at the screening visit
3. Major surgery (including joint surgery) within 8 weeks prior to screening visit
4. Subjects at risk for tuberculosis (TB). Specifically excluded will be participants with a history of active TB.
5. Positive for hepatitis B surface antigen prior to the baseline visit
6. Subjects at risk for tuberculosis (TB). Specifically excluded will be participants with a history of active TB.
"""
SEED_004_CRITERIA = """Inclusion Criteria

* 1\\. Diagnosis of diffuse cutaneous systemic sclerosis, as classified using the 2013 American College of Rheumatology

2\\. Diffuse cutaneous systemic sclerosis as defined by 2001 LeRoy and Medsger 3. Disease duration ≤ 60 months (defined as time from the first non-Raynaud phenomenon manifestation) 4. mRSS score ≥ 10 at baseline

Exclusion Criteria

1. Rheumatic disease other than systemic sclerosis
2. Limited cutaneous systemic sclerosis or sine scleroderma at the screening visit
3. Any infected ulcer prior to treatment
"""


def criteria(text: str):
    """A change that replaces the eligibility criteria text."""
    return row("eligibilities", criteria=text)


def numbered(*items: str, heading: str = "Exclusion Criteria:") -> str:
    """A criteria section with the given numbered items ('3. text')."""
    return heading + "\n" + "\n".join(items)


TB = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"


def dosed(arm: str, intervention: str, drug: str = "Baricitinib", name: str | None = None):
    """A change that gives the first arm and its linked intervention one drug, each with its dose text."""
    return both(row("design_groups", title=drug, description=arm),
                row("interventions", name=name or drug, description=intervention),
                row("design_group_interventions", design_group=drug, intervention=name or drug))


def _drug(name: str, description: str) -> dict:
    return {"intervention_type": "DRUG", "name": name, "description": description}


def _arm(title: str, description: str) -> dict:
    return {"group_type": "EXPERIMENTAL", "title": title, "description": description}


# NCT00000134: the foscarnet intervention, linked to both arms, states the foscarnet arm's maintenance dose.
FOSCARNET_SHARED = both(
    rows("design_groups", _arm("Foscarnet", "Foscarnet reinduction at 90 mg/kg twice daily for 2 weeks, followed by "
                                            "maintenance therapy at 120 mg/kg/day"),
         _arm("Combination", "Reinduced with the second drug, then maintenance with foscarnet at 90 mg/kg/day and "
                             "ganciclovir at 5 mg/kg/day.")),
    rows("interventions", _drug("Foscarnet", "Foscarnet induction at 90 mg/kg twice daily for 2 weeks, followed by "
                                             "maintenance therapy at 120 mg/kg/day"),
         _drug("Ganciclovir", "Ganciclovir induction at 5 mg/kg twice daily")),
    rows("design_group_interventions", {"design_group": "Foscarnet", "intervention": "Foscarnet"},
         {"design_group": "Combination", "intervention": "Foscarnet"},
         {"design_group": "Combination", "intervention": "Ganciclovir"}))
# NCT04861558: one oxaliplatin intervention for a standard and an intensified arm.
OXALIPLATIN_SHARED = both(
    rows("design_groups", _arm("Standard HIPEC", "Injection of oxaliplatin 460 mg/m2 and calcium folinate 60 mg/m2."),
         _arm("Intensified HIPEC", "Injection of irinotecan 360 mg/m2 in combination with Oxaliplatin 360 mg/m2.")),
    rows("interventions", _drug("Oxaliplatin", "Injection of 460 mg/m2"), _drug("Irinotecan", "Injection of 360 mg/m2")),
    rows("design_group_interventions", {"design_group": "Standard HIPEC", "intervention": "Oxaliplatin"},
         {"design_group": "Intensified HIPEC", "intervention": "Oxaliplatin"},
         {"design_group": "Intensified HIPEC", "intervention": "Irinotecan"}))
# NCT05110196: one arm receives capmatinib tablets of two strengths, each an intervention named by its strength.
CAPMATINIB_STRENGTHS = both(
    rows("design_groups", _arm("Capmatinib", "Capmatinib film-coated tablet administered as 400 mg orally twice daily "
                                             "for 24 weeks.")),
    rows("interventions", _drug("Capmatinib 150 mg", "Capmatinib film-coated tablet 150 mg administered BID"),
         _drug("Capmatinib 200 mg", "Capmatinib film-coated tablet 200 mg administered BID")),
    rows("design_group_interventions", {"design_group": "Capmatinib", "intervention": "Capmatinib 150 mg"},
         {"design_group": "Capmatinib", "intervention": "Capmatinib 200 mg"}))



# Seed-like outcomes: NCT05558865's primary outcome, and a secondary one listed twice.
OUTCOME_ISI = {"outcome_type": "primary", "measure": "Insomnia Severity Index (ISI)",
               "time_frame": "3 months after randomization", "description": "The ISI is a 7-item questionnaire."}
OUTCOME_ISI_AGAIN = {**OUTCOME_ISI, "outcome_type": "secondary"}


def outcome(description: str):
    """A change that replaces the first outcome's description."""
    return row("design_outcomes", description=description)


# An intervention registered by its brand name (Conmana is icotinib), named generically in an outcome.
BRAND_NAMED = both(dosed("Conmana 125 mg three times daily", "Conmana tablets", drug="Conmana"),
                   outcome("Progression-free survival on icotinib"))
ASSESSOR_ONLY = row("designs", masking="SINGLE", subject_masked=False, investigator_masked=False,
                    outcomes_assessor_masked=True)

TRIAL_TEXT = "contradictions.study_type_text_trial"


def observational(summary: str = "", detail: str = "", **study):
    """A change that makes the study observational, with this summary, description and other study columns."""
    return both(row("studies", study_type="OBSERVATIONAL", **study), texts(summary, detail))


COHORTS = rows("design_groups",
               {"group_type": None, "title": "Pre-diabetic", "description": "Impaired fasting glucose"},
               {"group_type": None, "title": "Early diabetic", "description": "Early onset of diabetes mellitus"})
# NCT03884920: an observational record whose groups are given placebo or the test product.
PRE_DIABETIC_GROUPS = rows(
    "design_groups",
    {"group_type": None, "title": "Group A Pre-diabetic placebo",
     "description": "Group of pre-diabetics receiving placebo BD for six weeks"},
    {"group_type": None, "title": "Group B Pre-diabetic test",
     "description": "Group of Pre-diabetic receiving polyherbal / test candidate 900mg in two divided doses"})
CLINICAL_TRIAL_STUDY = ("This study is a clinical trial study to evaluate the potential of prevention in pre-diabetics "
                        "and to prevent onset of diabetes mellitus.")
# NCT00000637: a block of co-existing conditions copied under a second heading of the same exclusion section.
ACTG_BLOCK = """
  -  Pancreatitis or history of pancreatitis within one year prior to study entry
     associated with compatible symptoms.

  -  Grade 3 or higher peripheral neuropathy.
"""


def actg_exclusions(second_heading: str, first_heading: str = "Co-existing Condition:\n\n"
                    "Patients with the following conditions or symptoms are excluded:") -> str:
    """An ACTG-style exclusion section: the block under `first_heading`, a concurrent medication block, and the
    block again under `second_heading`."""
    return (f"Exclusion Criteria\n\n{first_heading}\n{ACTG_BLOCK}\nConcurrent Medication:\n\nExcluded:\n\n"
            f"  -  Chemotherapy for malignancy.\n\n{second_heading}\n{ACTG_BLOCK}")


# NCT00000755: the same agents excluded now (concurrent) and within 12 weeks before entry (prior): two criteria.
CONCURRENT_AND_PRIOR = """Exclusion Criteria

Concurrent Medication:

Excluded:

  -  Parenteral therapies (including SC allergy medications and chemotherapy for Kaposi's
     sarcoma).

Prior Medication:

Excluded within 12 weeks prior to study entry:

  -  Parenteral therapies (including SC allergy medications and chemotherapy for Kaposi's
     sarcoma).
"""

CASES = [
    Case("contradictions.masking_none_text_blinded", True,
         both(row("designs", masking="NONE"), NEUTRAL, row("design_groups", description=SEED_002_ARM)),
         note="seed 002 double blind period"),
    Case("contradictions.masking_none_text_blinded", True,
         both(row("designs", masking="NONE"), texts("This study has an open-label extension after a double-blind period.")),
         note="open-label extension after a double-blind period is still double-blind"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), texts("This study is not double-blind: everyone knows the treatment.")),
         note="not double-blind"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), texts(
             "We plan an open label pilot study.", "In a double-blind, multicenter, randomized, placebo-controlled, "
             "24-week phase 2 study across 11 countries, baricitinib improved arthritis.")),
         note="seed 000: another trial was double-blind"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), NEUTRAL, row("design_groups", description=(
             "Participants who completed the double-blind parent study NCT01234567 receive open-label baricitinib."))),
         note="arm text: the parent study was double-blind"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), NEUTRAL, row("studies", brief_title=(
             "Open-label Extension Study of the Phase 3 VRX-RET-E22-301 Double-Blind Trial"))),
         note="title: an extension of a double-blind trial"),
    Case("contradictions.masking_none_text_blinded", True,
         both(row("designs", masking="NONE"), NEUTRAL, row("studies", brief_title=(
             "A Double-Blind Trial of Drug X Followed by an Open-Label Extension"))),
         note="title: this trial is double-blind, its extension open label"),
    Case("contradictions.masking_none_text_blinded", False, _clean, note="clean: DOUBLE"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), texts("This is a randomized, open-label, sponsor-blinded study.")),
         note="sponsor-blinded is masking NONE"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"),
              texts("This open-label extension enrols patients from the 12-week double-blind study.")),
         note="the parent study of an extension was double-blind"),

    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), NEUTRAL, row("studies", official_title=(
             "A Single-blind (Data Analyst 1), Single-arm Design, Prospective, Multi-center Study"))),
         note="only the data analyst is blinded: no party the registry records"),
    Case("contradictions.masking_none_text_blinded", True,
         both(row("designs", masking="NONE"), NEUTRAL, row("studies", official_title=(
             "A Single-blind (Participant), Randomized Study"))),
         note="the participant is blinded"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), texts("", "As the antibiotic therapy will be variable in the control "
                                                        "group, single or double blind is not appropriate.")),
         note="blinding said not to be appropriate (NCT05696093)"),
    Case("contradictions.masking_none_text_blinded", True,
         both(row("designs", masking="NONE"), texts("", "This double blind study is appropriate for the question.")),
         note="blinding said to be appropriate"),
    Case("contradictions.masking_none_text_blinded", False,
         both(row("designs", masking="NONE"), texts("", "The aim is to assess whether prevention of recurrence is a "
                                                        "feasible aim for a double-blind placebo-controlled "
                                                        "randomized controlled trial in the future.")),
         note="a trial in the future (NCT05701722)"),

    Case("contradictions.masking_set_text_open_label", True, SEED_004, note="seed 004 No masking"),
    Case("contradictions.masking_set_text_open_label", False,
         both(row("designs", masking="QUADRUPLE"), NEUTRAL,
              row("designs", intervention_model_description="Open Label followed by Randomized Parallel Assignment")),
         note="an open-label part before a blinded one (NCT05696717)"),
    Case("contradictions.masking_set_text_open_label", True,
         both(row("designs", masking="QUADRUPLE"), NEUTRAL, row("designs", intervention_model_description=(
             "Prospective, open-label randomized study with parallel groups."))),
         note="open label, with no other part (NCT04766866)"),
    Case("contradictions.masking_set_text_open_label", False,
         texts("", "Patients are randomized to receive topical therapy with placebo (vehicle alone) or HPMPC. "
                   "Patients are assessed to day 15; those with no significant toxicity are eligible to receive "
                   "open-label topical HPMPC for up to 6 months."),
         note="an open-label continuation after a placebo-controlled part"),
    Case("contradictions.masking_set_text_open_label", True,
         texts("", "Patients are randomized to topical HPMPC at 0.3 or 1.0 percent. Patients are assessed to day "
                   "15; those with no significant toxicity are eligible to receive open-label topical HPMPC."),
         note="open-label treatment and no masked comparison"),
    Case("contradictions.masking_set_text_open_label", False,
         both(NEUTRAL, row("designs", masking="QUADRUPLE", masking_description=(
             "The first dose will be randomized and blinded (1mg psilocybin versus 25mg psilocybin), while the "
             "second dose will be open-label (25mg psilocybin)."))),
         note="the masking description: a blinded first dose, an open-label second"),
    Case("contradictions.masking_set_text_open_label", True,
         both(NEUTRAL, row("studies", official_title="An Open Label, Randomized-controlled Trial to Assess Efficacy")),
         note="the title says open label, and nothing is masked"),
    Case("contradictions.masking_set_text_open_label", True, texts("This is an open-label study of baricitinib."),
         note="DOUBLE but open-label"),
    Case("contradictions.masking_set_text_open_label", False,
         texts("This study has a double-blind period followed by an open-label extension."), note="partly open"),
    Case("contradictions.masking_set_text_open_label", False,
         both(row("designs", masking="SINGLE", subject_masked=False, investigator_masked=False,
                  outcomes_assessor_masked=True),
              texts("This is an open-label trial with blinded outcome assessment.")), note="PROBE design"),
    Case("contradictions.masking_set_text_open_label", False, _clean, note="clean"),
    Case("contradictions.masking_set_text_open_label", False,
         both(lambda s: s["design_groups"].append({"group_type": "OTHER", "title": "Phase II Open Label Baricitinib",
                                                   "description": "Open label baricitinib 2 mg once daily."}),
              row("design_groups", group_type="SHAM_COMPARATOR")),
         note="an open-label phase beside a sham-controlled one"),
    Case("contradictions.masking_set_text_open_label", False,
         both(row("design_groups", group_type="SHAM_COMPARATOR"),
              lambda s: s["interventions"].append({"intervention_type": "DEVICE", "name": "Open coil",
                                                   "description": "Open label coil for the second phase."})),
         note="an open-label intervention beside a sham-controlled part"),
    Case("contradictions.masking_set_text_open_label", False,
         lambda s: s["design_groups"].append({"group_type": "ACTIVE_COMPARATOR", "title": "Open-label reference",
                                              "description": "Open-label methotrexate as a reference arm"}),
         note="an open-label reference arm beside a placebo arm"),
    Case("contradictions.masking_set_text_open_label", False,
         both(lambda s: s["design_groups"].__setitem__(0, {"group_type": "EXPERIMENTAL", "title": "Part A",
                                                           "description": "Blinded baricitinib or matching tablets"}),
              lambda s: s["design_groups"].__setitem__(1, {"group_type": "EXPERIMENTAL", "title": "Part B Open Label",
                                                           "description": "All receive baricitinib"})),
         note="an arm said to be blinded beside an open-label one"),
    Case("contradictions.masking_set_text_open_label", True,
         both(lambda s: s["design_groups"].__setitem__(0, {"group_type": "EXPERIMENTAL", "title": "Part A",
                                                           "description": "Non-blinded baricitinib"}),
              lambda s: s["design_groups"].__setitem__(1, {"group_type": "EXPERIMENTAL", "title": "Part B Open Label",
                                                           "description": "All receive baricitinib"}),
              texts("A study of baricitinib.")),
         note="non-blinded is no masked part"),
    Case("contradictions.masking_set_text_open_label", True,
         both(lambda s: s["design_groups"].__setitem__(1, {"group_type": "EXPERIMENTAL", "title": "Open Label Arm B",
                                                           "description": "Baricitinib 4 mg"}),
              texts("An open-label study of two doses.")),
         note="open label in the summary too, whatever the arms"),
    Case("contradictions.masking_set_text_open_label", True,
         both(lambda s: s["design_groups"].__setitem__(1, {"group_type": "ACTIVE_COMPARATOR", "title": "Arm B",
                                                           "description": "Open-label baricitinib 4 mg"}),
              texts("A study of baricitinib.")),
         note="an open-label arm in a masked study with no masked part"),
    Case("contradictions.masking_set_text_open_label", False,
         both(ASSESSOR_ONLY, row("designs", masking_description="Open label"), NEUTRAL),
         note="open label with only the outcomes assessor masked"),
    Case("contradictions.masking_set_text_open_label", False,
         both(ASSESSOR_ONLY, texts("This is an open-label trial; outcome assessors are blinded to allocation.")),
         note="open label, assessors are blinded"),
    Case("contradictions.masking_set_text_open_label", True,
         both(ASSESSOR_ONLY, row("designs", masking_description="No masking"), NEUTRAL),
         note="assessor masked but no masking"),

    Case("contradictions.allocation_text_randomized", True,
         both(row("designs", allocation="NON_RANDOMIZED"), texts("Participants will be randomly assigned to two arms.")),
         note="randomly assigned"),
    Case("contradictions.allocation_text_randomized", True,
         both(row("designs", allocation="NA"), NEUTRAL, row("studies", official_title="A Randomised Trial of Baricitinib")),
         note="title says randomised"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NON_RANDOMIZED"), texts("This is a non-randomized, open-label study.")),
         note="non-randomized"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("Patients will not be randomized.", "This nonrandomized pilot "
                                                     "will inform the design of a future randomized trial.")),
         note="not randomized; a future randomized trial"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("A randomized phase 2 study is currently in progress to assess "
                                                     "filgotinib. We plan an open label pilot study.")),
         note="seed 000: another trial is randomized"),
    Case("contradictions.allocation_text_randomized", False, _clean, note="clean: RANDOMIZED"),
    Case(RANDOMIZED_TEXT, False, allocated("NA", detail=(
        "As this study does not involve randomization or comparison of different groups receiving different "
        "interventions, special methods for randomization are not required.")),
         note="randomization said not to be required (NCT06897982)"),
    Case(RANDOMIZED_TEXT, True, allocated("NA", detail=(
        "Participants are randomized; no special equipment is required.")),
         note="randomized, and something else not required"),
    Case(RANDOMIZED_TEXT, False, allocated("NA", detail=(
        "Data obtained from this protocol will serve as reference data for a randomized clinical trial of GLP-1 "
        "analogue treatment in young adults.")), note="reference data for another trial (NCT06105931)"),
    Case(RANDOMIZED_TEXT, True, allocated("NA", detail=(
        "We will collect data for a randomized clinical trial of GLP-1 analogue treatment in young adults.")),
         note="data collected for this randomized trial"),
    Case(RANDOMIZED_TEXT, False, allocated("NON_RANDOMIZED", detail=(
        "OUTLINE: This is a partially randomized, open-label, multicenter study.")), note="randomized in part only"),
    Case(RANDOMIZED_TEXT, False, allocated("NON_RANDOMIZED", detail=(
        "Different practice stories will be randomized within participants to three conditions.")),
         note="what each participant goes through is randomized (NCT05687994)"),
    Case(RANDOMIZED_TEXT, False, allocated("NA", detail="To avoid bias, the side and order of the tests will be "
                                                        "randomized."), note="the order of the tests (NCT05699317)"),
    Case(RANDOMIZED_TEXT, False, allocated("NON_RANDOMIZED", detail=(
        "Patients will be recruited after screening based on given inclusion and exclusion criteria.  RANDOMIZATION & "
        "ALLOCATION CONCEALMENT-Not applicable BLINDING/MASKING-single blind INTERVENTION All the participants will "
        "undergo phase-I therapy.")), note="a heading answered 'not applicable' (NCT05696600)"),
    Case(RANDOMIZED_TEXT, False, allocated("NA", (
        "This study will allow us to estimate the standard deviation of the primary endpoint in our population with "
        "which a formal power calculation for a future randomized, controlled trial can be performed.")),
         note="a future trial, its kind listed with commas (NCT05693064)"),
    Case(RANDOMIZED_TEXT, True, allocated("NON_RANDOMIZED", detail=(
        "Participants will be randomized within 2 weeks of screening to two arms.")),
         note="randomized within weeks, not within participants"),
    Case(RANDOMIZED_TEXT, True, allocated("NON_RANDOMIZED", detail=(
        "This is a partially randomized study. Patients are then randomized to two arms.")),
         note="randomized in part, and then said to be randomized"),
    Case(RANDOMIZED_TEXT, True, allocated("NA", "A partly randomised, multicentre study of baricitinib."),
         note="a single group cannot be randomized even in part"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("This single-arm pilot study tests baricitinib.",
                                                     "If it is feasible, we propose a randomized controlled study.")),
         note="a proposed future study"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("This single-arm pilot study tests baricitinib.",
                                                     "We will proceed with a large scale randomized multicentre trial.")),
         note="a future study"),

    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("This single-arm pilot study tests baricitinib.",
                                                     "If feasible, we will proceed with a large scale randomized, "
                                                     "placebo-controlled study.")),
         note="a future study, its kind listed with commas"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), texts("This is a clinical trial that is open, with no blinding of "
                                                     "subjects or randomization of treatment.")),
         note="no blinding or randomization"),
    Case("contradictions.allocation_text_randomized", False,
         both(row("designs", allocation="NA"), NEUTRAL, row("design_groups", description=(
             "Randomisation of the order of visually aroused erection will be conducted."))),
         note="a single group: the order of conditions is randomised, not the participants"),
    Case("contradictions.allocation_text_randomized", True,
         both(row("designs", allocation="NON_RANDOMIZED"), texts("Participants are randomized to a sequence "
                                                                 "of the two treatments.")),
         note="a randomized sequence allocates participants"),
    Case("contradictions.allocation_text_randomized", True,
         both(row("designs", allocation="NA"), NEUTRAL, row("design_groups", description=(
             "Randomisation of the order of tests. Patients randomized to this arm use the app."))),
         note="an order randomised, and participants randomized too"),

    Case("contradictions.allocation_text_not_randomized", True,
         texts("This is a non-randomized study of baricitinib.", "Participants receive baricitinib."),
         note="RANDOMIZED but non-randomized"),
    Case("contradictions.allocation_text_not_randomized", False,
         texts("This study has randomized and non-randomized cohorts."), note="both"),
    Case("contradictions.allocation_text_not_randomized", False,
         texts("This is a non-randomized study of baricitinib.", "Participants will be randomized 1:1."),
         note="denied in the summary, affirmed in the description"),
    Case("contradictions.allocation_text_not_randomized", True,
         texts("A study of baricitinib.", "This is a non-randomized study. Participants are not randomized."),
         note="denied only, in the description"),
    Case("contradictions.allocation_text_not_randomized", False, _clean, note="clean"),
    Case("contradictions.allocation_text_not_randomized", False,
         texts("A study of bone biopsies.", "This is not a randomized clinical trial testing the efficacy of a drug - "
                                            "we will not be assigning volunteers to a specific therapy, though we will "
                                            "randomize volunteers to either the early or late second biopsy."),
         note="not a drug trial, but it says it randomizes (NCT05688969)"),
    Case("contradictions.allocation_text_not_randomized", True,
         texts("A study of bone biopsies.", "This is not a randomized trial. We will not randomize volunteers."),
         note="it says it does not randomize either"),
    Case(RANDOMIZED_TEXT, False, allocated("NA", detail=(
        "The order of infused material as well as the volume of infused material in all sessions will be randomized. "
        "Also randomized, will be the three different study sessions.")),
         note="the order, the volumes and the sessions are randomized (NCT05695846)"),
    Case(RANDOMIZED_TEXT, True, allocated("NA", detail=(
        "Participants will be randomized to saline or acid. The order of infused material will be recorded.")),
         note="participants randomized; an order only recorded"),

    Case("contradictions.study_type_text_observational", True,
         texts("", "Few studies have looked at JAK inhibitors in anti-MDA5+ DM.This was a single-arm open-label pilot "
                   "observational study."), note="seed 003"),
    Case("contradictions.study_type_text_observational", False,
         both(row("studies", study_type="OBSERVATIONAL"), texts("", "This was a pilot observational study.")),
         note="observational study type"),
    Case("contradictions.study_type_text_observational", False,
         texts("", "An observational study was conducted at our centre in 2018. This trial randomizes 40 patients."),
         note="an earlier observational study"),
    Case("contradictions.study_type_text_observational", False,
         texts("This is not an observational study.", "Unlike previous observational studies, we randomize."),
         note="negated; other studies"),
    Case("contradictions.study_type_text_observational", False,
         texts("", "MONITORING PART: This observational study part will be conducted in depressed participants only."),
         note="an observational part of the study (NCT05685771)"),
    Case("contradictions.study_type_text_observational", False,
         row("studies", official_title="Complete Revascularization Strategies & an Observational Study of Optical "
                                       "Coherence Tomography in Patients With Acute MI"),
         note="an observational study beside the trial (NCT05701358)"),
    Case("contradictions.study_type_text_observational", True,
         row("studies", official_title="A Prospective, Multi-center Observational Study of Sterilized Implants"),
         note="the title calls the study observational (NCT05687656)"),
    Case("contradictions.study_type_text_observational", False,
         both(NEUTRAL, row("studies", official_title=(
             "A Randomized Trial Comparing AmBisome and Fluconazole in the High Risk Group and an Observational "
             "Cohort Study in the Low Risk"))),
         note="an observational part beside the randomized one"),
    Case("contradictions.study_type_text_observational", True,
         both(NEUTRAL, row("studies", official_title="An Observational Cohort Study of Fluconazole Prophylaxis")),
         note="the title calls the study observational"),

    Case(TRIAL_TEXT, True, both(observational(detail=CLINICAL_TRIAL_STUDY), PRE_DIABETIC_GROUPS),
         note="a clinical trial with a placebo group (NCT03884920)"),
    Case(TRIAL_TEXT, False, both(observational(detail=CLINICAL_TRIAL_STUDY), COHORTS),
         note="a clinical trial, as old summaries call any study, without a placebo group"),
    Case(TRIAL_TEXT, False, both(observational(
        "PURPOSE: This clinical trial studies quality-of-life assessments of patients with cancer of the esophagus."),
        COHORTS), note="an NCI summary's words (NCT00003321)"),
    Case(TRIAL_TEXT, True, observational(official_title=(
        "A Randomized Study of a Prescribed 4-Month Structured Treatment Interruption Followed by Initiation of a New "
        "Antiretroviral Regimen Versus Immediate Initiation of a New Antiretroviral Regimen")),
        note="the title (NCT00005915)"),
    Case(TRIAL_TEXT, True, observational(detail=(
        "This double-blind placebo-controlled parallel design protocol will investigate the effects of vigabatrin on "
        "cerebral glucose metabolism.")), note="the description (NCT00001489)"),
    Case(TRIAL_TEXT, True, observational(official_title=(
        "Autoimmune Premature Ovarian Failure: A Controlled Trial of Alternate-Day Prednisone Therapy")),
        note="a controlled trial (NCT00001306)"),
    Case(TRIAL_TEXT, False, _clean, note="an interventional randomized trial"),
    Case(TRIAL_TEXT, False, observational(
        "This study follows adults with psoriasis.", "Previous placebo-controlled trials showed that baricitinib "
        "works. This study will describe its use in clinics."), note="earlier trials"),
    Case(TRIAL_TEXT, False, observational(
        "Patients who took part in a randomized trial of baricitinib will be followed in this study."),
        note="patients of another trial"),
    Case(TRIAL_TEXT, False, observational(
        "This study is an observational follow-up of a randomized controlled trial of baricitinib."),
        note="the follow-up of a trial"),
    Case(TRIAL_TEXT, False, observational(
        "This study is a registry of patients from randomized trials of baricitinib."), note="a registry of trials"),
    Case(TRIAL_TEXT, False, observational("This is not a randomized trial.", "This study is a non-randomized study."),
         note="denied"),
    Case(TRIAL_TEXT, False, observational(
        official_title="Long-term Follow-up of the BRAVE Randomized Controlled Trial of Baricitinib"),
        note="a title naming the trial followed up"),

    Case("contradictions.single_group_several_arms", True, row("designs", intervention_model="SINGLE_GROUP")),
    Case("contradictions.single_group_several_arms", False,
         both(row("designs", intervention_model="SINGLE_GROUP"), ONE_ARM), note="one arm"),
    Case("contradictions.single_group_several_arms", False, _clean, note="clean: PARALLEL"),

    Case("contradictions.randomized_single_group", True,
         both(row("designs", intervention_model="SINGLE_GROUP"), ONE_ARM), note="randomized, one arm"),
    Case("contradictions.randomized_single_group", False,
         both(row("designs", intervention_model="SINGLE_GROUP", allocation="NA"), ONE_ARM), note="N/A, one arm"),
    Case("contradictions.randomized_single_group", False, _clean, note="clean: PARALLEL"),

    Case("contradictions.multi_arm_model_one_arm", True, ONE_ARM, note="PARALLEL with one arm"),
    Case("contradictions.multi_arm_model_one_arm", False, row("designs", intervention_model="CROSSOVER"),
         note="crossover with two arms"),

    Case("contradictions.arm_dose_differs", True,
         both(row("design_groups", description="Baricitinib will be taken orally with a dose of 2mg once daily until "
                                               "the disease relapses or week 48."),
              row("interventions", description="Baricitinib will be taken orally with a dose of 4mg once daily until "
                                               "the disease relapses or week 48.")), note="seed 001 2mg vs 4mg"),
    Case("contradictions.arm_dose_differs", True,
         row("interventions", description="Baricitinib 2 mg tablet twice daily"), note="frequency differs"),
    Case("contradictions.arm_dose_differs", False,
         both(row("design_groups", title="Baricitinib 4mg", description="4mg of oral Baricitinib everyday for 48 weeks."),
              row("interventions", description="Orally take Baricitinib 4mg everyday for 48 weeks")),
         note="seed 002 same dose said two ways"),
    Case("contradictions.arm_dose_differs", False,
         row("design_groups", description="Baricitinib 2 mg once daily with methotrexate 15 mg weekly"),
         note="methotrexate is not dosed by the intervention"),
    Case("contradictions.arm_dose_differs", False,
         row("interventions", description="Baricitinib 0.1 mg/kg once daily"), note="mg vs mg/kg not comparable"),
    Case("contradictions.arm_dose_differs", False,
         row("interventions", description="Baricitinib 2 mg or 4 mg tablets once daily"), note="one of two doses"),
    Case("contradictions.arm_dose_differs", False,
         both(row("design_groups", title="baricitinib 2mg per day", description=None),
              row("interventions", name="Baricitinib 2 MG", description="baricitinib 2mg per day for 24 weeks")),
         note="seed 000: 2mg per day vs Baricitinib 2 MG"),
    Case("contradictions.arm_dose_differs", False,
         both(rows("design_group_interventions"), lambda s: s["design_groups"][1].update(
             description="Matching placebo tablet of 4 mg once daily")), note="a placebo arm's amount, no links"),
    Case("contradictions.arm_dose_differs", False, _clean, note="clean"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Ferric maltol 30 mg hard capsules twice daily",
               "Each capsule contains 30 mg iron (as ferric maltol), 91.5 mg of lactose, 0.5 mg of Allura Red AC "
               "(E129) and 0.3 mg Sunset Yellow FCF (E110) as excipients.", drug="Ferric maltol"),
         note="an excipient's amount in the capsule (NCT05697211)"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Ferric maltol 60 mg twice daily", "30 mg of ferric maltol twice daily, 91.5 mg of lactose a capsule",
               drug="Ferric maltol"),
         note="the amount said to be of the drug itself differs"),
    Case("contradictions.arm_dose_differs", False,
         both(rows("design_groups", _arm("GW869682 1000 mg thrice daily (TID)",
                                         "Subjects will be randomized to receive GW869682 1000 mg TID")),
              rows("interventions", _drug("GW869682", "GW869682 tablet with a dose strength of 250 mg"),
                   _drug("GW869682-Placebo", "Placebo tablets to match GW869682 250 mg will be available")),
              rows("design_group_interventions",
                   *[{"design_group": "GW869682 1000 mg thrice daily (TID)", "intervention": name}
                     for name in ("GW869682", "GW869682-Placebo")])),
         note="a placebo's amount is the tablet it matches (NCT00494767)"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Baricitinib 4 mg once daily", "Baricitinib 2 mg once daily with placebo tablets for methotrexate",
               name="Baricitinib + placebo for methotrexate"), note="a drug given with a placebo for another is dosed"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Profhilo injected with a subcision technique: the needle (25 G) or cannula (25 G)",
               "2 ml of 4.5% hyaluronic acid for injection (45 mg)", drug="Profhilo"),
         note="a needle's gauge (NCT05691049)"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Daily consumption of 50 g of dairy powder containing 6.5 g MPL for 8 weeks.",
               "Effects of the addition of 6.5 g of milk polar lipids to dairy powder", drug="MPL-rich dairy powder",
               name="Milk Polar Lipid-Rich Dairy Powder"),
         note="the carrier's amount beside the amount it contains (NCT05700916)"),
    Case("contradictions.arm_dose_differs", False,
         dosed("12 g Vitamin C will be infused within 6 hours", "The total dosage of vitamin C is 24 g per day.",
               drug="Vitamin C"),
         note="one infusion of a daily total (NCT05694975)"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Baricitinib 2 mg", "Baricitinib 4 mg once daily"),
         note="an amount with no frequency against one dose a day"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Vitamin C 10 g", "The total dosage of vitamin C is 24 g per day.", drug="Vitamin C"),
         note="an amount that is no whole part of the daily total"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Under ultrasound guidance bupivacaine was injected in 5 ml increments around the roots",
               "20 ml of 0.5% bupivacaine", drug="Bupivacaine"),
         note="a step of the dose (NCT05381389)"),
    Case("contradictions.arm_dose_differs", False,
         both(row("design_group_interventions", design_group="Placebo", intervention="Placebo"),
              row("design_groups", description="Leuprolide depot 3.75 mg injection, then a washout of 2 months")),
         note="an arm the record links to no intervention receives none of them"),
    Case("contradictions.arm_dose_differs", False,
         row("design_groups", description="Baricitinib once daily; participants also take Calcium 500 mg daily"),
         note="an amount right after a product the study does not list is not the arm's drug's"),
    Case("contradictions.arm_dose_differs", True,
         both(rows("design_group_interventions"),
              row("design_groups", description="Baricitinib 4 mg once daily")),
         note="a record that links no arm: every intervention is compared"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Azithromycin 500mg OD 1st day and 250 from day 2 to 5",
               "Azithromycin 250 mg capsules oral, 2 capsules on day one, followed by 1 capsule once a day for "
               "days 2-5.", drug="Azithromycin"),
         note="capsules of 250 mg, dosed by the capsule: 250 mg is the capsule, not the dose"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Metformin 1000 mg twice daily", "Metformin 500 mg tablets, one tablet twice daily", drug="Metformin"),
         note="one tablet of 500 mg is a dose of 500 mg"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib 4 mg once daily", "Capsules containing 2 mg of baricitinib"), note="capsules containing"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib 4 mg once daily", "Baricitinib, 2 mg/capsule"), note="strength per capsule"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib 4 mg once daily", "A tablet with a dose strength of 2 mg"), note="dose strength"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Capmatinib 400 mg twice daily", "Capmatinib tablets", drug="Capmatinib", name="Capmatinib 150 mg"),
         note="a strength in the intervention's name"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib 4 mg once daily", "Two tablets (baricitinib 2 mg) once daily"), note="2 x 2 mg is 4 mg"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Baricitinib 2 mg once daily", "Two tablets (baricitinib 2 mg) once daily"), note="2 x 2 mg is not 2 mg"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib dose escalation: cohort 1 4 mg once daily, cohort 2 8 mg once daily",
               "Baricitinib 2 mg tablet once daily"), note="escalation cohorts"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib loading dose of 4 mg on day 1", "Baricitinib 2 mg tablet once daily"),
         note="a loading dose against the daily dose"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib 1, 2 & 4 mg once daily", "Baricitinib 2 mg tablet once daily"), note="a list of doses"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Induction: fludarabine 30 mg/m2 daily for 5 days", "Fludarabine 40 mg/m2 daily as conditioning",
               drug="Fludarabine"), note="one drug in induction and in conditioning"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Induction: fludarabine 30 mg/m2 daily for 5 days", "Induction: fludarabine 40 mg/m2 daily",
               drug="Fludarabine"), note="two induction doses"),
    # An intervention shared by arms stating one arm's dose level (NCT00000134, NCT04861558).
    Case("contradictions.arm_dose_differs", False, FOSCARNET_SHARED, note="shared intervention gives the other arm's level"),
    Case("contradictions.arm_dose_differs", True,
         both(FOSCARNET_SHARED, lambda s: s["design_groups"][0].update(description="Foscarnet maintenance alone")),
         note="no other arm gives the intervention's level"),
    Case("contradictions.arm_dose_differs", False, OXALIPLATIN_SHARED, note="shared: standard and intensified levels"),
    Case("contradictions.arm_dose_differs", False,
         both(rows("design_groups", _arm("Part 1: Selinexor 60 mg", "Selinexor twice weekly"),
                   _arm("Part 2: Selinexor 60 mg", "Participants received selinexor 60 mg orally BIW")),
              rows("interventions", _drug("Selinexor", "Dose: 60 mg (BIW); Dosage form: film-coated (20 mg each) "
                                                       "immediate release tablets")),
              rows("design_group_interventions", {"design_group": "Part 1: Selinexor 60 mg", "intervention": "Selinexor"},
                   {"design_group": "Part 2: Selinexor 60 mg", "intervention": "Selinexor"})),
         note="every arm gives the shared intervention's level"),

    Case("contradictions.arm_dose_differs", True,
         both(OXALIPLATIN_SHARED, rows("design_group_interventions",
                                       {"design_group": "Intensified HIPEC", "intervention": "Oxaliplatin"})),
         note="the intervention is the intensified arm's alone"),
    # Doses by different routes (NCT00002548, NCT00002571).
    Case("contradictions.arm_dose_differs", False,
         dosed("Chemo: vincristine 1.2 mg/m2 IV D1, melphalan 8 mg/m2 PO D1-4, prednisone 40 mg/m2 PO D1-7",
               "140 mg/m2 is given IV within 30 minutes of constitution on Day -5", drug="melphalan"),
         note="PO against IV"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Patients also receive intrathecal cytarabine 30 mg/m^2 (5 doses spaced evenly)",
               "225 mg/m2 IV Q 21 days x 6 cycles", drug="cytarabine"), note="intrathecal against IV"),
    Case("contradictions.arm_dose_differs", True,
         dosed("melphalan 8 mg/m2 IV D1-4", "140 mg/m2 is given IV within 30 minutes", drug="melphalan"),
         note="the same route"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Patients also receive cytarabine 30 mg/m^2 on day 8", "225 mg/m2 IV Q 21 days x 6 cycles",
               drug="cytarabine"), note="a route on one side only"),
    # An amount right after another name in a list (NCT00002657).
    Case("contradictions.arm_dose_differs", False,
         dosed("Chemotherapy: etoposide 120 mg/m^2 on day 1, prednisone 60 mg/m^2 on days 1-14, cytosine arabinoside "
               "300 mg/m^2 on day 8, bleomycin 5 mg/m^2 on day 8", "During chemotherapy, 60 mg/m^2.", drug="prednisone"),
         note="300 mg/m^2 is cytosine arabinoside's"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Chemotherapy: prednisone 40 mg/m^2 on days 1-14, cytosine arabinoside 300 mg/m^2 on day 8",
               "During chemotherapy, 60 mg/m^2.", drug="prednisone"), note="the drug's own amount differs"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Baricitinib once daily, up to 4 mg", "Baricitinib 6 mg tablet once daily"),
         note="a lead-in after a comma keeps the amount the drug's"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Baricitinib once daily, up to 4 mg", "Baricitinib 2 mg tablet once daily"),
         note="a dose within the arm's maximum"),
    # Each kind of dose compared on its own: agreeing loads do not hide disagreeing rates.
    Case("contradictions.arm_dose_differs", True,
         dosed("Magnesium sulfate 4 g loading dose, then 1 g/h", "Magnesium sulfate 4 g load, then 2 g/h",
               drug="Magnesium sulfate"), note="loads agree, rates differ"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Magnesium sulfate 4 g loading dose, then 1 g/h", "Magnesium sulfate 4 g IV over 20 min then 1 g/h",
               drug="Magnesium sulfate"), note="loads and rates agree"),
    # Equivalences and vial strengths (NCT03165734, NCT03671044).
    Case("contradictions.arm_dose_differs", False,
         dosed("To receive pacritinib 200 mg twice daily (BID) orally",
               "Supplied in capsules. Each capsule contains 146 mg of pacritinib citrate, which is equivalent to 100 mg "
               "pacritinib free base", drug="Pacritinib"), note="a salt's equivalence"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Pacritinib 200 mg twice daily", "Pacritinib 100 mg twice daily, equivalent to 146 mg of pacritinib "
                                               "citrate", drug="Pacritinib"), note="a dose beside an equivalence"),
    Case("contradictions.arm_dose_differs", False,
         dosed("NDLS for Injection, 75 mg/ m2 Nanosomal Docetaxel Lipid Suspension for Injection",
               "Each vial containing lyophilized Docetaxel lipid powder, equivalent to 20 mg or 80 mg of anhydrous "
               "Docetaxel.", drug="Docetaxel"), note="mg/ m2 against vial strengths"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Docetaxel 75 mg/ m2 every 3 weeks", "Docetaxel 100 mg/m2 every 3 weeks", drug="Docetaxel"),
         note="mg/ m2 is mg/m2"),
    # N administrations of one amount (NCT03781128).
    Case("contradictions.arm_dose_differs", False,
         dosed("Lysergic acid diethylamide (3 x 100 µg LSD in three weeks, per os) followed by Placebo",
               "100 µg, per os, 3 times within 3 weeks", drug="Lysergic Acid Diethylamide"),
         note="3 x 100 µg over three weeks"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Lysergic acid diethylamide (3 x 200 µg in three weeks)", "100 µg, 3 times within 3 weeks",
               drug="Lysergic Acid Diethylamide"), note="3 x 200 µg is not 100 µg"),
    # Dose escalation (NCT06001671).
    Case("contradictions.arm_dose_differs", False,
         dosed("BEBT-109 orally at an initial dose of 180 mg once daily.",
               'BEBT-109 is based on the "3+3" model, with a dose ascent starting from 120mg qd', drug="BEBT-109"),
         note="a dose ascent"),
    # Products named by their strength (NCT05110196).
    Case("contradictions.arm_dose_differs", False, CAPMATINIB_STRENGTHS, note="tablets of 150 and 200 mg"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Capmatinib film-coated tablet administered as 400 mg orally twice daily",
               "Capmatinib film-coated tablet 150 mg administered BID", drug="Capmatinib"),
         note="an intervention not named by its strength"),
    # Kept (NCT02041234).
    Case("contradictions.arm_dose_differs", True,
         dosed("Incretin analogues: Liraglutide up to 3 mg daily Or DPP-4 Inhibitors: Sitagliptin up to 100 mg daily",
               "Incretin analogues: Liraglutide up to 1.8 mg daily", drug="Best Medical Treatment",
               name="Incretin analogues"), note="up to 3 mg against up to 1.8 mg"),
    # Regimens said two ways: a first phase then the intervention's dose, a daily total, a rate, per side.
    Case("contradictions.arm_dose_differs", False,
         dosed("Apixaban 10 mg twice daily for 7 days, then 5 mg twice daily", "Apixaban 5 mg twice daily",
               drug="Apixaban"), note="a first week's dose, then the intervention's"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Apixaban 10 mg twice daily for 7 days, then 2.5 mg twice daily", "Apixaban 5 mg twice daily",
               drug="Apixaban"), note="neither phase gives the intervention's dose"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Metformin 2000 mg per day", "Metformin 1000 mg twice daily", drug="Metformin"),
         note="a daily total of two administrations"),
    Case("contradictions.arm_dose_differs", True,
         dosed("Metformin 1000 mg per day", "Metformin 1000 mg twice daily", drug="Metformin"),
         note="a daily total that is one administration of two"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Dexmedetomidine infusion at 0.5 mcg/kg/hour", "Dexmedetomidine 1 mcg/kg over 10 minutes",
               drug="Dexmedetomidine"), note="an infusion rate against a bolus"),
    Case("contradictions.arm_dose_differs", False,
         dosed("Bilateral block with bupivacaine 0.25%, 20 mL on each side", "Bupivacaine 0.25% 40 mL in total",
               drug="Bupivacaine"), note="an amount on each side against the whole"),

    Case("contradictions.drug_not_an_intervention", True,
         row("design_outcomes", description="Adverse events related to belimumab are recorded"), note="seed 001"),
    Case("contradictions.drug_not_an_intervention", True, row("design_groups", title="Tofacitinib"),
         note="arm title names another drug"),
    Case("contradictions.drug_not_an_intervention", False,
         row("design_outcomes", description="Use of rescue medication such as ondansetron"), note="rescue medication"),
    Case("contradictions.drug_not_an_intervention", False, row("design_outcomes", measure="Cortisone Levels"),
         note="a measured substance"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("design_outcomes", description="Adverse events related to belimumab"),
              texts("This study includes patients previously treated with belimumab.")),
         note="the study's own text explains it"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("studies", study_type="OBSERVATIONAL"),
              row("design_outcomes", description="Adverse events related to belimumab")), note="observational"),
    Case("contradictions.drug_not_an_intervention", False, _clean, note="clean"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="PECs block during mastectomy",
                  description="A PECS block of 30 ml of levobupivacaine 0.25% after induction of anaesthesia"),
              row("design_outcomes", description="Pain in one breast (bupivacaine) compared to the other (placebo)")),
         note="the outcome names the racemate of the enantiomer given (NCT05699902)"),
    Case("contradictions.drug_not_an_intervention", True,
         both(row("interventions", name="PECs block during mastectomy",
                  description="A PECS block of 30 ml of levobupivacaine 0.25% after induction of anaesthesia"),
              row("design_outcomes", description="Pain in one breast (ropivacaine) compared to the other")),
         note="another local anaesthetic than the one given"),
    Case("contradictions.drug_not_an_intervention", False,
         outcome("Change in Metformin at 4.5-months of follow-up"), note="the drug's use changes (NCT05766735)"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="doxorubicin hydrochloride", description="60 mg/m2 IV"),
              outcome("Quality of life on Cycle 1 day 4 and on the final day of adriamycin")),
         note="a former name of the drug given (NCT00007904)"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="mFOLFIRINOX", description="Every 2 weeks"),
              outcome("Pharmacokinetics of irinotecan and its metabolites (SN-38): Cmax")),
         note="a drug of a regimen given by its initials (NCT06917079)"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="Drug: FOLFOX6", description="Every 2 weeks"),
              outcome("Dose reductions of oxaliplatin")),
         note="a drug of a regimen, with its schedule's number"),
    Case("contradictions.drug_not_an_intervention", True,
         both(row("interventions", name="mFOLFOX6", description="Every 2 weeks"),
              outcome("Pharmacokinetics of irinotecan: Cmax")),
         note="irinotecan is no drug of FOLFOX"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="ZD6474 (Zactima) 100mg", description="Tablets"),
              row("design_groups", title="ZD6474 (vandetanib) 100mg")),
         note="an intervention's code with the drug's name beside it (NCT00496509)"),
    Case("contradictions.drug_not_an_intervention", True,
         both(row("interventions", name="ZD6474 (Zactima) 100mg", description="Tablets"),
              row("design_groups", title="Placebo (gefitinib) 100mg")),
         note="a drug beside a word that names no intervention"),
    Case("contradictions.drug_not_an_intervention", False,
         both(row("interventions", name="ZD6474 (Zactima) 100mg", description="Tablets"),
              row("design_groups", title="Placebo (vandetanib) 100mg")),
         note="the placebo of the drug the intervention names by its development code (ZD6474 is vandetanib)"),
    Case("contradictions.drug_not_an_intervention", False,
         row("design_outcomes", measure="Change in Medication Use",
             description="Participants will report at each visit whether they take any medication for their pain, "
                         "such as opioids, NSAIDs, muscle relaxants, oral steroids or corticosteroids, Duloxetine, "
                         "tricyclic antidepressants, or other pain-relieving medication."),
         note="a measure that counts medication taken (NCT05699252)"),
    Case("contradictions.drug_not_an_intervention", False,
         row("design_outcomes", measure="Incidence of rescue analgesia",
             description="Pain is scored at rest and with movement after surgery; patients whose NRS at rest is above "
                         "4 or the NRS with movement above 6 points will be given hydromorphone 0.3-0.5mg."),
         note="a rescue measure (NCT05700045)"),
    Case("contradictions.drug_not_an_intervention", False, outcome("Days with acute medication (sumatriptan) use"),
         note="acute medication"),
    Case("contradictions.drug_not_an_intervention", False, outcome("Response by verapamil use"), note="a covariate"),
    Case("contradictions.drug_not_an_intervention", False,
         row("design_outcomes", measure="Use of acute treatments", description="sumatriptan and oxygen therapy"),
         note="the description lists what the measure counts"),
    Case("contradictions.drug_not_an_intervention", True,
         row("design_outcomes", measure="Adverse events", description="of tofacitinib and oxygen therapy"),
         note="a description after a measure that counts no medication"),
    Case("contradictions.drug_not_an_intervention", False,
         outcome("Urinary 5-amino=imidazole-4-carboxamide in patients on methotrexate"),
         note="a drug stem inside a chemical name"),
    Case("contradictions.drug_not_an_intervention", False, outcome("HbA1c in participants on stable metformin"),
         note="a treatment participants already take"),
    Case("contradictions.drug_not_an_intervention", False,
         outcome("Glucocorticoid dose in mg/day prednisone-equivalent"), note="a steroid-equivalent unit"),
    Case("contradictions.drug_not_an_intervention", False, outcome("Response rate ofbaricitinib"),
         note="the intervention run together with a word"),
    Case("contradictions.drug_not_an_intervention", False, outcome("Adverse events of baracitinib"),
         note="the intervention misspelt"),
    Case("contradictions.drug_not_an_intervention", True, outcome("Adverse events of tofacitinib"),
         note="another JAK inhibitor is not a misspelling"),
    Case("contradictions.drug_not_an_intervention", True, BRAND_NAMED, note="a brand name with no other names"),
    Case("contradictions.drug_not_an_intervention", False,
         both(BRAND_NAMED, rows("intervention_other_names", {"intervention_name": "Conmana",
                                                             "name": "Icotinib hydrochloride"})),
         note="the outcome uses the intervention's other name"),
    Case("contradictions.drug_not_an_intervention", False,
         both(BRAND_NAMED, rows("browse_interventions", {"mesh_term": "Icotinib", "downcase_mesh_term": "icotinib",
                                                         "mesh_type": "mesh-list"})),
         note="the outcome uses the intervention's MeSH term"),
    Case("contradictions.drug_not_an_intervention", False,
         outcome("Incidence of methicillin-resistant Staphylococcus aureus infection"),
         note="a germ named after the drug it resists"),
    Case("contradictions.drug_not_an_intervention", False,
         row("design_groups", title="Patients previously treated with ibrutinib"), note="a prior treatment"),
    Case("contradictions.drug_not_an_intervention", True, outcome("Overall survival with sorafenib versus placebo"),
         note="two letters before a long stem"),

    Case("contradictions.duplicate_arm", True, lambda s: s["design_groups"].extend([
        {"group_type": "ACTIVE_COMPARATOR", "title": "Cyclophosphamide", "description": SEED_002_ARM},
        {"group_type": "ACTIVE_COMPARATOR", "title": "cyclophosphamide ", "description": SEED_002_ARM}]),
        note="seed 002"),
    Case("contradictions.duplicate_arm", False, _clean, note="clean"),
    Case("contradictions.duplicate_arm", True, lambda s: s["design_groups"].extend([
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo\n", "description": "Matching placebo"}]),
        note="a title repeated with a line break after it"),
    Case("contradictions.duplicate_arm", True, lambda s: s["design_groups"].extend([
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo.", "description": "Matching placebo"}]),
        note="a title repeated with a final full stop"),
    Case("contradictions.duplicate_arm", False, lambda s: s["design_groups"].extend([
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo 2.", "description": "Matching placebo"}]),
        note="another arm, its title ending in a full stop"),
    Case("contradictions.duplicate_arm", False, lambda s: s["design_groups"].extend([
        {"group_type": "EXPERIMENTAL", "title": "Baricitinib 4 mg", "description": "Baricitinib 4 mg once daily"}]),
        note="an arm of another dose"),

    Case("contradictions.duplicate_criterion", True, criteria(SEED_002_CRITERIA), note="seed 002 items 4 and 6"),
    Case("contradictions.duplicate_criterion", False,
         criteria(f"Exclusion Criteria:\nCohort A:\n1. {TB}\nCohort B:\n1. {TB}"), note="under two sub-headings"),
    Case("contradictions.duplicate_criterion", False,
         criteria("Exclusion Criteria:\n1. Pregnancy\n2. Age under 18 years\n3. Pregnancy"), note="too short to compare"),
    Case("contradictions.duplicate_criterion", False, criteria(SEED_004_CRITERIA), note="seed 004"),
    Case("contradictions.duplicate_criterion", True,
         criteria(actg_exclusions("Patients with the following are excluded:")),
         note="a block of conditions copied under a second topical heading (NCT00000637)"),
    Case("contradictions.duplicate_criterion", False,
         criteria(actg_exclusions("Cohort B:\n\nPatients with the following are excluded:",
                                  "Cohort A:\n\nPatients with the following are excluded:")),
         note="the same block for two cohorts"),
    Case("contradictions.duplicate_criterion", False, criteria(CONCURRENT_AND_PRIOR),
         note="excluded now and within 12 weeks before entry (NCT00000755)"),

    Case("contradictions.criteria_numbering_gap", True, criteria(SEED_002_CRITERIA),
         note="seed 002 starts at 2, inner 1)..4) sub-list"),
    Case("contradictions.criteria_numbering_gap", True,
         criteria(numbered("3. Pregnancy or breastfeeding", "4. Active infection", "6. Prior transplant",
                           "7. Known HIV infection", heading="Exclusion Criteria:\n1. Age under 18\n2. Cancer")),
         note="3, 4, 6"),
    Case("contradictions.criteria_numbering_gap", False, criteria(SEED_004_CRITERIA), note="seed 004 markdown, inline"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n\n  1. Subjects aged between 18 and 80 years at screening;\n\n  2. Clinical "
                  "diagnosis of acute ischemic stroke that causes evaluable neurological\n     impairment; 3.4 points "
                  "≤ NIHSS score ≤ 25 points at randomization;\n\n4.Subjects who are able to receive the drug within "
                  "24 hours; 5.Female subjects of childbearing potential have no pregnancy plan."),
         note="a criterion that opens with a number, its point run into it (NCT05686642)"),
    Case("contradictions.criteria_numbering_gap", True,
         criteria("Inclusion Criteria:\n\n  1. Subjects aged between 18 and 80 years at screening;\n\n  2. Clinical "
                  "diagnosis of acute ischemic stroke with a score of 3.4 points or more;\n\n4.Subjects who are able "
                  "to receive the drug within 24 hours; 5.Female subjects have no pregnancy plan."),
         note="a decimal inside a criterion is no criterion"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n1. Age over 18\n2. Signed consent\nExclusion Criteria:\n3. Pregnancy\n4. Cancer"),
         note="numbering carries on across sections"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n1. Age over 18\n2. One of the following:\n1) fever\n2) cough\n3. Consent"),
         note="nested list"),
    Case("contradictions.criteria_numbering_gap", False, criteria(
        "Exclusion Criteria:\n          1. Age over 18 years and under 80 years at the time of the screening visit, with\n"
        "             a diagnosis of Parkinson disease for at least five years before the baseline visit\n"
        "          2. Dementia (Mini-Mental state score no greater than 22) and other problems that\n"
        "             would prevent the participant from completing the visits and the tests at\n"
        "             22) No supranuclear gaze palsy and no other sign of an atypical parkinsonian syndrome"),
        note="a wrapped line that starts with a number"),
    Case("contradictions.criteria_numbering_gap", False, _clean, note="clean: restarts per section"),

    Case("contradictions.closed_status_estimated_enrollment", True, row("studies", enrollment_type="ESTIMATED")),
    Case("contradictions.closed_status_estimated_enrollment", True,
         row("studies", overall_status="TERMINATED", enrollment_type="ESTIMATED"), note="terminated"),
    Case("contradictions.closed_status_estimated_enrollment", False,
         row("studies", overall_status="RECRUITING", enrollment_type="ESTIMATED"), note="open study"),
    Case("contradictions.closed_status_estimated_enrollment", False, _clean, note="clean"),

    Case("contradictions.not_yet_recruiting_with_actuals", True,
         row("studies", overall_status="NOT_YET_RECRUITING", enrollment_type="ESTIMATED"), note="actual start"),
    Case("contradictions.not_yet_recruiting_with_actuals", True,
         row("studies", overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED"), note="actual enrollment"),
    Case("contradictions.not_yet_recruiting_with_actuals", False,
         row("studies", overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED", enrollment_type="ESTIMATED"),
         note="seed 001: all estimated"),
    Case("contradictions.not_yet_recruiting_with_actuals", False, _clean, note="clean: completed"),

    Case("contradictions.header_metrics_differ", True,
         rows("page_header_metrics", {"enrollment": 12, "sites": 1, "arms": 2}), note="enrollment 12 vs 40"),
    Case("contradictions.header_metrics_differ", True,
         rows("page_header_metrics", {"enrollment": 40, "sites": 1, "arms": 1}), note="1 arm vs 2"),
    Case("contradictions.header_metrics_differ", False,
         rows("page_header_metrics", {"enrollment": 40, "sites": 1, "arms": 2}), note="header agrees"),

    Case("contradictions.duplicate_outcome", True, rows("design_outcomes", *[
        {"outcome_type": kind, "measure": "Adverse Events", "time_frame": "90 days",
         "description": "Occurrence, relatedness and severity of adverse device effects"}
        for kind in ("primary", "secondary")]), note="one outcome as primary and as secondary"),
    Case("contradictions.duplicate_outcome", True, rows("design_outcomes", OUTCOME_ISI_AGAIN, {
        **OUTCOME_ISI_AGAIN, "measure": "Insomnia Severity index (ISI)"}),
        note="a secondary outcome twice, case aside"),
    Case("contradictions.duplicate_outcome", True, rows("design_outcomes", OUTCOME_ISI_AGAIN, {
        **OUTCOME_ISI_AGAIN, "measure": OUTCOME_ISI_AGAIN["measure"].replace(" ", "  ") + " ",
        "time_frame": " " + OUTCOME_ISI_AGAIN["time_frame"]}),
        note="a secondary outcome twice, spacing aside in its measure and time frame"),
    Case("contradictions.duplicate_outcome", False, rows("design_outcomes", *[
        {"outcome_type": "primary", "measure": measure, "time_frame": "12 weeks", "description": "Serum level"}
        for measure in ("Grade 1 2 toxicity", "Grade 12 toxicity")]),
        note="measures alike once their spaces are gone, but not the same words"),
    Case("contradictions.duplicate_outcome", False, rows("design_outcomes", OUTCOME_ISI, {
        **OUTCOME_ISI, "outcome_type": "secondary", "time_frame": "6 months after randomization"}),
        note="the primary measure again at a later time (NCT05558865)"),
    Case("contradictions.duplicate_outcome", False, rows("design_outcomes", *[
        {"outcome_type": "other", "measure": "Change in routine blood test", "time_frame": "21 days",
         "description": description} for description in ("White blood cell count", "Hemoglobin")]),
        note="one title per parameter, told apart by the description (NCT04407182)"),
    Case("contradictions.duplicate_outcome", False, _clean, note="clean"),
]

# Criteria lists as real records number them, and outcomes copied with white space of another kind.
CASES += [
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n1. Age 18-65\n2. Signed consent\n3. BMI < 30\n"
                  "Exclusion Criteria: 1. Pregnancy\n2. HIV infection\n3. Hepatitis B"),
         note="the first exclusion written on its heading line"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n1. Age 18-65\n2. One of the following:\n1) diabetes\n2) hypertension\n"
                  "3) obesity\nExclusion Criteria:\n3. Pregnancy\n4. HIV infection"),
         note="exclusions numbered on from the inclusions' outer list, closed by a nested one"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Exclusion Criteria:\n1. Pregnancy\n2. HIV infection\n3. Use of any investigational drug within\n"
                  "6. months before screening"),
         note="a duration wrapped to the start of a line"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Exclusion Criteria:\n1. Pregnancy\n2. HIV infection\n3. Hepatitis B\n3. Hepatitis C\n"
                  "5. Allergy to the study drug"),
         note="a number written twice standing for the one after it"),
    Case("contradictions.criteria_numbering_gap", False,
         criteria("Inclusion Criteria:\n0. Signed consent\n1. Age 18-65\n2. Diagnosis of pSS"),
         note="a list numbered from 0"),
    Case("contradictions.criteria_numbering_gap", True,
         criteria("Inclusion Criteria:\n1. Age 18-65\n2. Signed consent\n3. BMI < 30\n"
                  "Exclusion Criteria: 1. Pregnancy\n2. HIV infection\n4. Hepatitis B\n5. Hepatitis C"),
         note="a skip after the first exclusion on its heading line"),
    Case("contradictions.duplicate_outcome", True, rows("design_outcomes", OUTCOME_ISI, {
        **OUTCOME_ISI_AGAIN, "measure": "Insomnia Severity\nIndex (ISI)\n"}),
        note="the primary outcome again as secondary, a line break in its measure"),
]

# Several groups in a single-group model, one group in a model of several, and the status against the enrollment
# and start types, on the record shapes real registrations take.
DOSE_LEVELS = both(
    row("studies", study_first_posted_date=date(2019, 12, 2), study_first_submitted_date=date(2019, 11, 20)),
    row("designs", intervention_model="SINGLE_GROUP", allocation="NON_RANDOMIZED", masking="NONE"),
    rows("design_groups", *[{"group_type": "EXPERIMENTAL", "title": title, "description": None}
                            for title in ("Dose level 1: 10 mg", "Dose level 2: 20 mg")]))
CASES += [
    Case("contradictions.single_group_several_arms", True, DOSE_LEVELS,
         note="dose-escalation cohorts after the registry offered SEQUENTIAL"),
    Case("contradictions.single_group_several_arms", True, both(DOSE_LEVELS, rows("design_groups", *[
        {"group_type": kind, "title": title, "description": None}
        for kind, title in (("EXPERIMENTAL", "Baricitinib"), ("NO_INTERVENTION", "Observational registry"))])),
        note="a no-intervention registry group beside the treated group"),
    Case("contradictions.single_group_several_arms", False, both(DOSE_LEVELS, rows("design_groups", *[
        {"group_type": "EXPERIMENTAL", "title": title, "description": None}
        for title in ("Dose level 1: 10 mg", " dose level 1: 10 MG")])), note="one cohort listed twice"),
    Case("contradictions.multi_arm_model_one_arm", True, both(ONE_ARM, row("designs", intervention_model="FACTORIAL")),
         note="FACTORIAL with one arm"),
    Case("contradictions.multi_arm_model_one_arm", False,
         both(ONE_ARM, row("designs", intervention_model="SEQUENTIAL", allocation="NON_RANDOMIZED")),
         note="SEQUENTIAL with one arm"),
    Case("contradictions.not_yet_recruiting_with_actuals", True,
         row("studies", overall_status="NOT_YET_RECRUITING", enrollment_type="ESTIMATED", start_date=None,
             start_date_precision=None, primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED"),
         note="an actual start without a date"),
    Case("contradictions.not_yet_recruiting_with_actuals", True,
         row("studies", overall_status="NOT_YET_RECRUITING", enrollment=0, start_date_type="ESTIMATED",
             primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED"),
         note="an actual enrollment of 0: warning"),
    Case("contradictions.closed_status_estimated_enrollment", True,
         row("studies", overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=None,
             enrollment_type="ESTIMATED"), note="an estimate without a count"),
    Case("contradictions.closed_status_estimated_enrollment", False,
         row("studies", overall_status="WITHDRAWN", why_stopped="No funding", enrollment_type="ESTIMATED"),
         note="withdrawn: the plan is left over (status.withdrawn_with_enrollment)"),
]
