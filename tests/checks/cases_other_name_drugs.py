"""Cases for checks.other_name_drugs: an intervention's other name that is another drug's brand, as NCT00018200 gives
'Anafranil' (clomipramine) as the other name of desipramine, against the clean study's baricitinib."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.other_name_of_another_drug"


def other_names(*names: str, drug: str = "Baricitinib"):
    """A change: the clean study's intervention `drug` has `names` as its other names."""
    def change(s):
        place = [row["name"] for row in s["interventions"]].index(drug) + 1  # the row id a load gives it
        s["intervention_other_names"] = [{"intervention_name": drug, "name": name, "intervention_id": place}
                                         for name in names]
    return change


def summary_naming(drug: str, *names: str):
    """A change: the baricitinib intervention has `names` as other names, and the brief summary names `drug`."""
    def change(s):
        other_names(*names)(s)
        s["brief_summaries"][0]["description"] = f"A randomized study of baricitinib with {drug} versus placebo."
    return change


CASES = [
    Case(RULE, True, other_names("Olumiant", "Xeljanz"), note="tofacitinib's brand beside the drug's own"),
    Case(RULE, True, other_names("Tofacitinib"), note="another JAK inhibitor's name"),
    Case(RULE, False, other_names("Olumiant", "LY3009104"), note="the drug's brand and development code"),
    Case(RULE, False, other_names("Xeljanz placebo", drug="Placebo"), note="a placebo's other name"),
    Case(RULE, False, summary_naming("methotrexate", "Trexall"), note="a drug the summary says the study gives"),
]
