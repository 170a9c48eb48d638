"""Rule family contradictions: a record that disagrees with itself (design vs text, arms vs
interventions, drugs named vs given, status vs actual/estimated flags, criteria text, a phase given to a trial that
tests no drug and N/A to one that tests a drug, a placebo in an open-label trial, page header vs record)."""
from __future__ import annotations

from checks.contradictions_arms import RULES as ARM_RULES
from checks.contradictions_criteria import RULES as CRITERIA_RULES
from checks.contradictions_design import RULES as DESIGN_RULES
from checks.contradictions_design_words import RULES as DESIGN_WORDS_RULES
from checks.contradictions_drugs import RULES as DRUG_RULES
from checks.contradictions_placebo_claims import RULES as PLACEBO_CLAIM_RULES
from checks.contradictions_record import RULES as RECORD_RULES
from checks.condition_sex import RULES as CONDITION_SEX_RULES
from checks.criteria_ages import RULES as CRITERIA_AGE_RULES
from checks.criteria_sex import RULES as CRITERIA_SEX_RULES
from checks.description_sex import RULES as DESCRIPTION_SEX_RULES
from checks.masking_none_with_placebo import RULES as MASKING_PLACEBO_RULES
from checks.observational_phase import RULES as OBSERVATIONAL_PHASE_RULES
from checks.phase_na_with_drug import RULES as PHASE_NA_DRUG_RULES
from checks.phase_without_drug import RULES as PHASE_DRUG_RULES
from checks.title_phase import RULES as TITLE_PHASE_RULES
from checks.title_sex import RULES as TITLE_SEX_RULES

RULES = (DESIGN_RULES + DESIGN_WORDS_RULES + MASKING_PLACEBO_RULES + PLACEBO_CLAIM_RULES + ARM_RULES + DRUG_RULES
         + CRITERIA_RULES + CRITERIA_AGE_RULES + CRITERIA_SEX_RULES + TITLE_PHASE_RULES + PHASE_DRUG_RULES
         + PHASE_NA_DRUG_RULES + CONDITION_SEX_RULES + TITLE_SEX_RULES + DESCRIPTION_SEX_RULES
         + OBSERVATIONAL_PHASE_RULES + RECORD_RULES)
