"""Cases of contradictions.randomized_trait_cohorts: a randomized allocation whose arms are cohorts by a trait
participants already have, all given one intervention (tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.randomized_trait_cohorts"
STEM_CELLS = "Umbilical Cord Mesenchymal Stem Cells"
SUMMARY = "Children with Duchenne muscular dystrophy, walking or not, receive stem cell therapy."
AMBULATORY = [("EXPERIMENTAL", "Ambulatory Patients", "Ambulatory patients receiving stem cell therapy"),
              ("EXPERIMENTAL", "Non-Ambulatory Patients", "Non-ambulatory patients receiving stem cell therapy")]
RHINITIS = [("ACTIVE_COMPARATOR", "Allergic rhinitis", "Clinical observation of 24 subjects with nasal symptoms and "
             "positive prick test"),
            ("EXPERIMENTAL", "Non-allergic rhinitis", "Clinical observation of 24 subjects with nasal symptoms and "
             "negative prick test"),
            ("OTHER", "Healthy Control", "Clinical observation of 20 subjects without nasal symptoms")]
SERUM_TEST = "serum levels of Janus Kinase 1and 2"
URTICARIA = [("ACTIVE_COMPARATOR", "cases group", "group of cases with cholinergic urticaria"),
             ("ACTIVE_COMPARATOR", "control group", "control group not have cholinergic urticaria")]
URTICARIA_SUMMARY = "Serum levels of Janus kinase 1 and 2 in patients with cholinergic urticaria."


def cohorts(arms, interventions=(STEM_CELLS,), links=None, model="SINGLE_GROUP", allocation="RANDOMIZED",
            summary=SUMMARY):
    """A change: the study's arms are `arms` ((type, title, description)), its interventions `interventions`
    (names), each arm linked to every intervention unless `links` ((arm title, intervention name)) says otherwise, as
    a load links them (by ids); its model, allocation and both narratives (`summary`) as given."""
    links = links if links is not None else [(title, name) for _t, title, _d in arms for name in interventions]
    arm_ids = {title: n for n, (_t, title, _d) in enumerate(arms, start=1)}
    drug_ids = {name: n for n, name in enumerate(interventions, start=1)}

    def change(s):
        s["design_groups"] = [{"group_type": t, "title": title, "description": d} for t, title, d in arms]
        s["interventions"] = [{"intervention_type": "BIOLOGICAL", "name": name, "description": name}
                              for name in interventions]
        s["design_group_interventions"] = [{"design_group": arm, "intervention": name, "design_group_id": arm_ids[arm],
                                            "intervention_id": drug_ids[name]} for arm, name in links]
        s["designs"][0].update(allocation=allocation, intervention_model=model, masking="NONE", subject_masked=None,
                               investigator_masked=None)
        s["brief_summaries"] = [{"description": summary}]
        s["detailed_descriptions"] = [{"description": summary}]
    return change


CASES = [
    Case(RULE, True, cohorts(AMBULATORY), note="ambulatory or not, one treatment (NCT02484560)"),
    Case(RULE, True, cohorts([("EXPERIMENTAL", "Patients with COPD", "Patients with COPD"),
                              ("OTHER", "Healthy Volunteers", "Age-matched healthy volunteers")], model="PARALLEL"),
         note="patients and healthy volunteers"),
    Case(RULE, False, cohorts(AMBULATORY, allocation="NON_RANDOMIZED"), note="not randomized"),
    Case(RULE, False, cohorts(AMBULATORY, summary=SUMMARY + " Within each cohort, children are randomized to an "
                              "early or a delayed start."), note="randomized within each cohort"),
    Case(RULE, False, cohorts(AMBULATORY, summary=SUMMARY + " Randomization is stratified by ambulatory status."),
         note="stratified"),
    Case(RULE, False, cohorts(AMBULATORY, model="CROSSOVER"), note="crossover: the order is randomized"),
    Case(RULE, False, cohorts(AMBULATORY, interventions=(STEM_CELLS, "Placebo")), note="drug and placebo in each"),
    Case(RULE, False, cohorts([("EXPERIMENTAL", "Ambulatory Patients - Stem Cells", "Stem cells"),
                               ("PLACEBO_COMPARATOR", "Ambulatory Patients - Placebo", "Placebo"),
                               ("EXPERIMENTAL", "Non-Ambulatory Patients - Stem Cells", "Stem cells")],
                              interventions=(STEM_CELLS, "Placebo"),
                              links=[("Ambulatory Patients - Stem Cells", STEM_CELLS),
                                     ("Ambulatory Patients - Placebo", "Placebo"),
                                     ("Non-Ambulatory Patients - Stem Cells", STEM_CELLS)]),
         note="a cohort and a randomized treatment in each arm"),
    Case(RULE, True, cohorts(RHINITIS, interventions=("Observation",), model="PARALLEL"),
         note="allergic or not beside healthy controls, one observation (NCT02810535)"),
    Case(RULE, True, cohorts(URTICARIA, interventions=(SERUM_TEST,), model="PARALLEL", summary=URTICARIA_SUMMARY),
         note="cases and controls, one serum test (NCT06201780)"),
    Case(RULE, True, cohorts([("ACTIVE_COMPARATOR", "pesticide applicators", "This group contain cases"),
                              ("ACTIVE_COMPARATOR", "control", "control group")],
                             interventions=("Blood sample test",), model="PARALLEL",
                             summary="Immunological indices among pesticide applicators."),
         note="a group said to be of cases and a control, one blood test (NCT05828563)"),
    Case(RULE, False, cohorts(RHINITIS, interventions=("Observation",), model="PARALLEL",
                              summary="Subjects are randomly assigned to a nasal provocation order."),
         note="allergic or not beside healthy controls, a word of randomization"),
    Case(RULE, False, cohorts(URTICARIA, interventions=(SERUM_TEST, "Placebo"), model="PARALLEL",
                              summary=URTICARIA_SUMMARY, links=[("cases group", SERUM_TEST),
                                                                ("control group", "Placebo")]),
         note="cases and a control given a placebo"),
    Case(RULE, False, cohorts([URTICARIA[0], ("NO_INTERVENTION", "control group", "No test")],
                              interventions=(SERUM_TEST,), model="PARALLEL", summary=URTICARIA_SUMMARY,
                              links=[("cases group", SERUM_TEST)]),
         note="cases and a control given nothing"),
    Case(RULE, False, cohorts([("EXPERIMENTAL", "Exercise group", "Supervised exercise three times a week"),
                               ("ACTIVE_COMPARATOR", "control group", "Usual activity")],
                              interventions=("Exercise programme",), model="PARALLEL",
                              summary="Adults with knee osteoarthritis follow an exercise programme."),
         note="a control as a treatment's comparator, both linked to the treatment"),
    Case(RULE, False, cohorts(URTICARIA, interventions=(SERUM_TEST, "Cetirizine"), model="PARALLEL",
                              summary=URTICARIA_SUMMARY, links=[("cases group", SERUM_TEST),
                                                                ("control group", "Cetirizine")]),
         note="cases and controls given different interventions"),
]
