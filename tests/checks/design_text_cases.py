"""What the table-driven design-text tests share: the rules they read, and a case's study."""
from __future__ import annotations

from checks import contradictions_design, contradictions_design_words, contradictions_placebo_claims
from tests.checks import harness

PLACEBO_RULE = "contradictions.placebo_controlled_without_placebo"
# The design-text rules by id.
DESIGN_TEXT_RULES = {rule.id: rule for rule in contradictions_design.RULES + contradictions_design_words.RULES
                     + contradictions_placebo_claims.RULES}


def case_study(case: tuple) -> dict:
    """A case's (rule, design, texts, fires) study: its design and texts, its two arms of baricitinib doses and, for
    the placebo rule, its one intervention baricitinib (no placebo given)."""
    rule, design, texts, _fires = case
    study = harness.design_text_study(design, texts)
    if rule == PLACEBO_RULE:
        study["interventions"] = study["interventions"][:1]
    return study
