"""Cases for the rules of checks.contradictions_design_words: a masking of SINGLE against a text that calls the
study double-blind, and an intervention model against the model the study's own words name (the records of
NCT03814226, NCT01415128, NCT05106231, NCT00000511, NCT00501696, NCT04317092 and NCT04542447 as the
registry gives them, cut short).

The phrases each rule reads are in tests/checks/test_masking_single_text_double_blind.py and
tests/checks/test_model_text_crossover_and_parallel.py; these are the rules' table-driven cases
(tests/checks/test_rule_cases.py).
"""
from __future__ import annotations

from tests.checks.cases_contradictions import both, row, rows, texts
from tests.checks.harness import Case

SINGLE_BLIND = "contradictions.masking_single_text_double_blind"
CROSSOVER = "contradictions.model_text_crossover"
PARALLEL = "contradictions.model_text_parallel"

# NCT03814226: masking Single (Investigator), a randomized, double-blinded crossover by its summary.
_INVESTIGATOR_ONLY = row("designs", masking="SINGLE", subject_masked=False, investigator_masked=True,
                         intervention_model="CROSSOVER")
_HEADACHE_SUMMARY = ("A randomized, double-blinded, two-way crossover study investigating the headache inducing effect "
                     "of drug X in healthy volunteers.")
# NCT01415128: model Parallel, an open-label crossover by its title, one cohort a fixed sequence, two randomized.
_CROSSOVER_TITLE = ("A PHASE I, SINGLE-CENTER, OPEN-LABEL, CROSSOVER STUDY OF THE EFFECT OF AVANAFIL ON THE "
                    "PHARMACOKINETICS OF OMEPRAZOLE, DESIPRAMINE AND ROSIGLITAZONE")
_THREE_COHORTS = rows("design_groups",
                      {"group_type": "EXPERIMENTAL", "title": "Cohort A", "description": "Omeprazole then avanafil"},
                      {"group_type": "EXPERIMENTAL", "title": "Cohort B", "description": "Rosiglitazone and avanafil"},
                      {"group_type": "EXPERIMENTAL", "title": "Cohort C", "description": "Desipramine and avanafil"})
# NCT05106231: model Sequential, a parallel-design randomised trial of two groups by its design description.
_PARALLEL_DESIGN = ("The study's design will be a prospective, multicenter and parallel-design single-blind randomised "
                    "controlled with two treatment groups.")
# NCT00000511: model Crossover, its one arm a parallel design of four treatment groups; NCT00501696: model Crossover,
# its arms a parallel-group study of crossover design.
_PARALLEL_ARM = rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "Potassium, Magnesium, Calcium, Placebo",
                                       "description": "Parallel study design, 4 treatment groups"})
_BOTH_MODELS_ARM = rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "1", "description": "A randomized "
                                          "placebo-controlled, parallel-group study, crossover-design"})
_PERIOD_ARM = rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "AB",
                                     "description": "In period 1, the two parallel groups receive drug X or placebo."})
_CROSSOVER_MODEL = row("designs", intervention_model="CROSSOVER", allocation="RANDOMIZED")
# NCT04317092: one group, not randomized, of a phase 2 study and a parallel cohort of patients who cannot enter it, all
# given the one drug; NCT04542447: the same model on a randomized record whose summary names two parallel groups.
_ONE_GROUP = row("designs", intervention_model="SINGLE_GROUP", allocation="NA")
_PARALLEL_COHORT = ("This study project includes a single-arm phase 2 study and a parallel cohort study, enrolling "
                    "patients who all receive one dose of baricitinib.")
_PARALLEL_GROUPS = ("A two arm open label randomized trial is proposed to assess baricitinib. Two parallel groups of "
                    "(1:1) ratio comparing baricitinib versus standard care will be conducted.")

CASES = [
    Case(SINGLE_BLIND, True, both(_INVESTIGATOR_ONLY, texts(_HEADACHE_SUMMARY)), note="NCT03814226: double-blinded"),
    Case(SINGLE_BLIND, False, both(_INVESTIGATOR_ONLY, texts("A randomized, single-blinded, two-way crossover study "
                                                             "investigating the headache inducing effect of drug X.")),
         note="single-blinded, as the masking says"),
    Case(SINGLE_BLIND, False, texts(_HEADACHE_SUMMARY), note="clean: masking DOUBLE"),
    Case(CROSSOVER, True, both(row("designs", masking="NONE", subject_masked=None, investigator_masked=None,
                                   allocation="NON_RANDOMIZED"),
                               row("studies", official_title=_CROSSOVER_TITLE), _THREE_COHORTS),
         note="NCT01415128: an open-label crossover registered as parallel"),
    Case(CROSSOVER, False, both(row("designs", intervention_model="CROSSOVER"),
                                row("studies", official_title=_CROSSOVER_TITLE)),
         note="a crossover registered as one"),
    Case(CROSSOVER, False, texts("A randomized, double-blind study of baricitinib versus placebo.",
                                 "Participants on placebo may cross over to baricitinib at week 24."),
         note="a treatment crossover in a parallel trial"),
    Case(PARALLEL, True, both(row("designs", intervention_model="SEQUENTIAL", allocation="NON_RANDOMIZED",
                                  intervention_model_description=_PARALLEL_DESIGN)),
         note="NCT05106231: a parallel-design trial registered as sequential"),
    Case(PARALLEL, False, row("designs", intervention_model_description=_PARALLEL_DESIGN),
         note="a parallel-design trial registered as parallel"),
    Case(PARALLEL, True, both(_CROSSOVER_MODEL, _PARALLEL_ARM),
         note="NCT00000511: a crossover whose arm description names a parallel study design"),
    Case(PARALLEL, False, both(_CROSSOVER_MODEL, _BOTH_MODELS_ARM),
         note="NCT00501696: the arm names a crossover design too"),
    Case(PARALLEL, False, both(_CROSSOVER_MODEL, _PERIOD_ARM), note="parallel groups of a crossover's period"),
    Case(PARALLEL, False, both(row("designs", intervention_model="SEQUENTIAL"), _PARALLEL_ARM),
         note="a sequential model's arm descriptions are not read"),
    Case(PARALLEL, False, both(_ONE_GROUP, texts(_PARALLEL_COHORT)),
         note="NCT04317092: a parallel cohort followed beside the single group, all given one drug"),
    Case(PARALLEL, True, both(row("designs", intervention_model="SINGLE_GROUP"), texts(_PARALLEL_GROUPS)),
         note="NCT04542447: two parallel groups on a randomized single-group record"),
]
