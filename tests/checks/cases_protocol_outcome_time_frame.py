"""Cases for protocol.outcome_without_time_frame: each outcome measure says when it is assessed."""
from __future__ import annotations

from datetime import date as d

from tests.checks.cases_protocol import both, row, study
from tests.checks.harness import Case, field_selected

RULE = "protocol.outcome_without_time_frame"


def _clean(_s) -> None:
    """No change: the clean study."""


CASES = [
    Case(RULE, True, row("design_outcomes", time_frame=None), note="primary outcome without a time frame"),
    Case(RULE, True, lambda s: s["design_outcomes"][1].update(time_frame="  "), note="secondary, white space"),
    Case(RULE, True, row("design_outcomes", time_frame="Not Provided"), note="the registry's legacy filler"),
    Case(RULE, True, row("design_outcomes", time_frame="N/A"), note="a placeholder"),
    Case(RULE, True, row("design_outcomes", time_frame="-"), note="no letter or digit"),
    Case(RULE, True, both(row("design_outcomes", time_frame=None), study(source_layout="ctgov_xml",
                                                                        study_first_posted_date=d(2003, 1, 27))),
         note="before FDAAA: fires at info"),
    Case(RULE, True, row("design_outcomes", time_frame=None,
                         description="Change in score from baseline to endpoint and 3-months follow-up"),
         note="a description that tells when gives no time frame either"),
    Case(RULE, False, row("design_outcomes", time_frame="Baseline"), note="a time point without a number"),
    Case(RULE, False, row("design_outcomes", time_frame="Throughout study"), note="a period without a number"),
    Case(RULE, False, row("design_outcomes", measure=None, time_frame=None),
         note="a row without a measure is no outcome (no_primary_outcome's)"),
    Case(RULE, False, both(row("design_outcomes", time_frame=None), study(source_layout="aggregator_text")),
         note="a republished page may show outcomes without their time frames"),
    Case(RULE, False, both(row("design_outcomes", time_frame=None), field_selected()),
         note="a field-selected extract may leave the time frame out"),
    Case(RULE, False, _clean, note="clean"),
]
