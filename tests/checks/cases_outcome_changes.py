"""Cases for checks.outcome_changes: the primary outcome of two versions of one study
(meta.source_records with meta.version_fields), as a registry record updated over the years."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case

RULE = "outcome_changes.primary_outcome_changed"
OLD = {"sha256": "a" * 64, "path": "corpus/json_v2/NCT01000001.2021.json", "layout": "ctgov_json_v2",
       "last_update_posted_date": d(2021, 3, 1), "is_current": False, "overall_status": "RECRUITING"}
NEW = {**OLD, "sha256": "b" * 64, "path": "corpus/json_v2/NCT01000001.json", "last_update_posted_date": d(2022, 3, 1),
       "is_current": True, "overall_status": "COMPLETED"}
ESSDAI = ["Change in ESSDAI score"]


def versions(old_measures, new_measures, old_frames=None, new_frames=None, *, old=OLD, new=NEW, new_layout=None):
    """A change that stores two versions of the study with the given primary outcome measures."""
    def fields(version, measures, frames):
        return {"sha256": version["sha256"], "primary_outcome_measures": measures,
                "primary_outcome_time_frames": frames or ["12 weeks"] * len(measures)}

    def change(study):
        newer = {**new, "layout": new_layout or new["layout"]}
        study["meta.source_records"] = [old, newer]
        study["meta.version_fields"] = [fields(old, old_measures, old_frames), fields(newer, new_measures, new_frames)]
    return change


CASES = [
    Case(RULE, True, versions(ESSDAI, ["ESSPRI score"]), note="ESSDAI became ESSPRI"),
    Case(RULE, True, versions(ESSDAI, ["Change in ESSDAI score", "Change in Schirmer test"]),
         note="a second primary outcome added"),
    Case(RULE, True, versions(["Change in ESSDAI score", "Change in Schirmer test"], ESSDAI),
         note="one of two primary outcomes dropped"),
    Case(RULE, True, versions(["Time to first relapse"], ["Annualised relapse rate"]),
         note="relapse outcome switched"),
    Case(RULE, False, versions(ESSDAI, ESSDAI, ["12 weeks"], ["Baseline to week 24"]), note="time frame reworded"),
    Case(RULE, False, versions(ESSDAI, ["  change in ESSDAI   score. "]), note="case, spacing, full stop"),
    Case(RULE, False, versions(["A", "B"], ["B", "a"]), note="same outcomes, other order"),
    Case(RULE, False, versions(ESSDAI, []), note="the newer version does not show outcomes"),
    Case(RULE, False, versions(ESSDAI, ["ESSPRI score"], new={**NEW, "last_update_posted_date": d(2021, 3, 1)},
                               new_layout="ctgov_xml"),
         note="two copies of one update (cross_source's business)"),
    Case(RULE, False, versions(ESSDAI, ESSDAI), note="unchanged"),
]

# A measure rewritten in form only (punctuation, quotes, accents, API v2's markdown escapes) is not switched.
CASES += [
    Case(RULE, False, versions(["Change in ESSDAI-score"], ESSDAI), note="hyphen for a space"),
    Case(RULE, False, versions(["Patient's global assessment"], ["Patient\u2019s global assessment"]),
         note="typographic apostrophe"),
    Case(RULE, False, versions(["Proportion with HbA1c \\< 7%"], ["Proportion with HbA1c < 7%"]),
         note="markdown escape (API v2) against legacy XML text"),
    Case(RULE, False, versions(["Safety ,tolerability (AEs)"], ["Safety, tolerability [AEs]"]),
         note="commas and brackets"),
    Case(RULE, False, versions(["Sj\u00f6gren's syndrome flares"], ["Sjogren's syndrome flares"]), note="accents"),
    Case(RULE, True, versions(["Proportion with HbA1c < 7%"], ["Proportion with HbA1c > 7%"]),
         note="a threshold's direction reversed"),
    Case(RULE, True, versions(["Change in ESSDAI score"], ["Change in ESSDAI score at week 12 - 24"]),
         note="words added"),
]

# A list number opening a measure is where it stood in a list, not what it measures.
CASES += [
    Case(RULE, False, versions(["1. Overall survival"], ["Overall survival"]), note="a list number dropped"),
    Case(RULE, False, versions(["(1) Overall survival", "(2) Response rate"], ["Overall survival", "Response rate"]),
         note="bracketed list numbers dropped"),
    Case(RULE, True, versions(["1. Overall survival"], ["1. Progression-free survival"]),
         note="numbered, and the measure switched"),
]
