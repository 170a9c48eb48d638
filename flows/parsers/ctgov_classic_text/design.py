"""clincosm study page, the design sections, each read by its own module: the conditions table (conditions), Study
Design (study_design), the arms table (arms) and Outcome Measures (outcomes). Their readers are named here as well."""
from __future__ import annotations

from flows.parsers.ctgov_classic_text.arms import TABLE_HEADERS, arms_and_interventions
from flows.parsers.ctgov_classic_text.conditions import condition_table
from flows.parsers.ctgov_classic_text.outcomes import (_NUMBERED, OUTCOME_HEADINGS, OUTCOME_SECTIONS, _measure,
                                                       _measure_by_pattern, outcome_measures)
from flows.parsers.ctgov_classic_text.study_design import (_DATE_PREFIX, _DATED, _ENROLLMENT, DESIGN_LABELS,
                                                           _design_row, read_study_design, study_design)
from flows.parsers.ctgov_classic_text.typed_lines import _TYPED, ARM_LABELS, INTERVENTION_LABELS, typed_line

_DESIGN_LABELS = DESIGN_LABELS  # the name earlier readers of this module use

__all__ = ["ARM_LABELS", "DESIGN_LABELS", "INTERVENTION_LABELS", "OUTCOME_HEADINGS", "OUTCOME_SECTIONS",
           "TABLE_HEADERS", "_DATED", "_DATE_PREFIX", "_DESIGN_LABELS", "_ENROLLMENT", "_NUMBERED", "_TYPED",
           "_design_row", "_measure", "_measure_by_pattern", "arms_and_interventions", "condition_table",
           "outcome_measures", "read_study_design", "study_design", "typed_line"]
