"""Cases for contradictions.other_name_placebo: 'placebo' as the other name of the clean study's baricitinib, beside
its own placebo intervention or as the only word of the placebo its arms get."""
from __future__ import annotations

from tests.checks.cases_other_name_drugs import other_names
from tests.checks.harness import Case

RULE = "contradictions.other_name_placebo"


def only_word_of_the_placebo(*names: str, description: str = "Baricitinib 2 mg tablet once daily"):
    """A change: baricitinib has `names` as other names and is the one intervention, linked to both arms."""
    def change(s):
        other_names(*names)(s)
        s["interventions"] = [{"intervention_type": "DRUG", "name": "Baricitinib", "description": description}]
        s["design_group_interventions"] = [{"design_group": "Baricitinib", "intervention": "Baricitinib"},
                                           {"design_group": "Placebo", "intervention": "Baricitinib"}]
    return change


CASES = [
    Case(RULE, True, other_names("placebo"), note="beside the study's own placebo intervention"),
    Case(RULE, True, only_word_of_the_placebo("Matching placebo"), note="the only word of the placebo arm's product"),
    Case(RULE, False, other_names("Olumiant"), note="the drug's brand"),
    Case(RULE, False, other_names("Placebo tablet", drug="Placebo"), note="the placebo's own other name"),
    Case(RULE, False, only_word_of_the_placebo("placebo", description="Baricitinib 2 mg or matching placebo"),
         note="a masked product whose description says so"),
    Case(RULE, False, other_names("Baricitinib or placebo"), note="a masked product's name"),
]
