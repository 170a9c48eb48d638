"""Cases of contradictions.masking_none_with_placebo: masking NONE beside a placebo, no text saying open label.

tests/checks/test_masking_none_with_placebo.py holds the phrase-level and record-level cases; these put one study of
each side in the warehouse for tests/checks/test_rule_cases.py.
"""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.masking_none_with_placebo"


def open_label(summary: str):
    """A change: the clean study (baricitinib against a matching placebo) with masking NONE and `summary` as the only
    text that might speak of its masking."""
    def change(study: dict) -> None:
        study["designs"][0].update(masking="NONE", subject_masked=None, investigator_masked=None)
        study["brief_summaries"][0]["description"] = summary
        study["detailed_descriptions"][0]["description"] = "Participants take baricitinib 2 mg once daily or placebo."
    return change


CASES = [
    Case(RULE, True, open_label("A randomized study of baricitinib versus placebo."),
         note="a placebo in a record whose masking is NONE and whose texts never say open label"),
    Case(RULE, False, open_label("An open-label, randomized study of baricitinib versus placebo."),
         note="the record says the placebo is given open label"),
]
