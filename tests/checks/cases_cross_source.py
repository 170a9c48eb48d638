"""Cases for checks.cross_source: versions of one study from several files (meta.source_records),
and what a record's related-trials list says of another study in the warehouse (seeds 003, 004)."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case

OTHER = "NCT02000002"
REGISTRY = {"sha256": "a" * 64, "path": "corpus/json_v2/NCT01000001.json", "layout": "ctgov_json_v2",
            "is_current": True, "last_update_posted_date": d(2026, 1, 27), "overall_status": "COMPLETED",
            "phase": "PHASE2", "enrollment": 40, "completion_date": d(2021, 9, 1), "completion_date_precision": "day"}
PAGE = {**REGISTRY, "sha256": "b" * 64, "path": "pages/002_b7a755ece41020a0.txt", "layout": "aggregator_text"}


def versions(*changes: dict, registry: dict | None = REGISTRY):
    """A change that stores the registry version and one page version per dict of changed values."""
    pages = [{**PAGE, "sha256": f"{i + 1:x}" * 64, **c} for i, c in enumerate(changes)]
    stored = ([registry] if registry else []) + pages
    return lambda s: s.__setitem__("meta.source_records", stored)


def related(**values):
    """A change that adds one related-trials entry about the other study, as seed 003's 'See also'."""
    entry = {"related_nct_id": OTHER, "stated_status": "Completed", "stated_phase": "Phase 2",
             "title": "Baricitinib in Primary Sjogren's Syndrome", **values}
    return lambda s: s.__setitem__("related_studies", [entry])


def other(**values):
    """The other study, its `studies` row changed."""
    return [(OTHER, lambda s: s["studies"][0].update(values))]


CASES = [
    Case("cross_source.same_update_disagrees", True, versions({"last_update_posted_date": d(2026, 1, 27),
                                                               "overall_status": "RECRUITING"}), note="status"),
    Case("cross_source.same_update_disagrees", True,
         versions({"completion_date": d(2021, 10, 15), "completion_date_precision": "day"}),
         note="completion 2021-09-01 vs 2021-10-15"),
    Case("cross_source.same_update_disagrees", True, versions({"enrollment": 24, "phase": "PHASE3"}),
         note="enrollment and phase"),
    Case("cross_source.same_update_disagrees", False,
         versions({"completion_date": d(2021, 9, 1), "completion_date_precision": "month"},
                  registry={**REGISTRY, "completion_date": d(2021, 9, 15)}), note="2021-09 vs 2021-09-15: same month"),
    Case("cross_source.same_update_disagrees", False,
         versions({"last_update_posted_date": d(2025, 4, 20), "overall_status": "RECRUITING"}),
         note="different versions may differ"),
    Case("cross_source.same_update_disagrees", False, versions({"overall_status": None, "enrollment": None}),
         note="a value the page does not give"),
    Case("cross_source.same_update_disagrees", False,
         versions({"overall_status": "RECRUITING"}, registry={**REGISTRY, "overall_status": "UNKNOWN"}),
         note="an open status the registry shows as UNKNOWN since, without a new version"),
    Case("cross_source.same_update_disagrees", True,
         versions({"overall_status": "COMPLETED"}, registry={**REGISTRY, "overall_status": "UNKNOWN"}),
         note="UNKNOWN against a closed status: UNKNOWN comes only from an open one"),
    Case("cross_source.same_update_disagrees", False,
         versions({"overall_status": "RECRUITING", "superseded": True}), note="a superseded version"),

    Case("cross_source.republished_page_outdated", True, versions({"last_update_posted_date": d(2025, 4, 20)}),
         note="page 2025-04-20, registry 2026-01-27"),
    Case("cross_source.republished_page_outdated", False, versions({}), note="same update"),
    Case("cross_source.republished_page_outdated", False, versions({"last_update_posted_date": d(2026, 5, 1)}),
         note="page newer"),
    Case("cross_source.republished_page_outdated", False,
         versions({"last_update_posted_date": d(2025, 4, 20)}, registry=None), note="no registry record"),

    Case("cross_source.republished_status_differs", True,
         versions({"last_update_posted_date": d(2025, 4, 20), "overall_status": "RECRUITING"}),
         note="seed 004 page RECRUITING, registry COMPLETED"),
    Case("cross_source.republished_status_differs", False,
         versions({"last_update_posted_date": d(2025, 4, 20)}), note="same status"),
    Case("cross_source.republished_status_differs", False,
         versions({"layout": "ctgov_xml", "last_update_posted_date": d(2025, 4, 20), "overall_status": "RECRUITING"}),
         note="an older registry version is history, not a page"),

    Case("cross_source.related_study_status_differs", True, related(stated_status="Recruiting"),
         others=other(), note="seed 003 says Recruiting"),
    Case("cross_source.related_study_status_differs", True, related(stated_status="ACTIVE_NOT_RECRUITING"),
         others=other(overall_status="TERMINATED"), note="seed 004 enum"),
    Case("cross_source.related_study_status_differs", False,
         related(stated_status="Active, not recruiting"), others=other(overall_status="ACTIVE_NOT_RECRUITING"),
         note="display label"),
    Case("cross_source.related_study_status_differs", False, related(stated_status="Recruiting"),
         note="related study not in the warehouse"),

    Case("cross_source.related_study_phase_differs", True, related(stated_phase="PHASE3"), others=other(),
         note="PHASE3 vs PHASE2"),
    Case("cross_source.related_study_phase_differs", False, related(stated_phase="Phase 1/Phase 2"),
         others=other(phase="PHASE1/PHASE2"), note="display label"),
    Case("cross_source.related_study_phase_differs", False, related(stated_phase=None), others=other(),
         note="no stated phase"),

    Case("cross_source.related_study_title_differs", True, related(title="Rapamycin vs Methotrexate in Diffuse SSc"),
         others=other(), note="another trial's title"),
    Case("cross_source.related_study_title_differs", False, related(title="baricitinib in primary sjogren's syndrome."),
         others=other(), note="case and punctuation"),
    Case("cross_source.related_study_title_differs", False,
         related(title="A Pilot Study of Baricitinib in Primary Sjogren's Syndrome"), others=other(),
         note="the official title"),
    Case("cross_source.related_study_title_differs", False, related(title="Baricitinib in Primary Sjog..."),
         others=other(), note="cut short"),
]

CASES += [
    Case("cross_source.related_study_status_differs", True, related(stated_status="Recruiting"),
         others=other(overall_status="UNKNOWN", last_known_status="RECRUITING"),
         note="its last known status, which the registry now shows as unknown: info"),
    Case("cross_source.related_study_status_differs", True, related(stated_status="Completed"),
         others=other(overall_status="UNKNOWN", last_known_status="RECRUITING"),
         note="a closed status for a study last known recruiting"),
    Case("cross_source.related_study_status_differs", False, related(stated_status="Unknown status"),
         others=other(overall_status="UNKNOWN"), note="the display label of UNKNOWN"),
    Case("cross_source.related_study_status_differs", False, related(stated_status="No longer available"),
         others=other(overall_status="NO_LONGER_AVAILABLE", study_type="EXPANDED_ACCESS"),
         note="an expanded-access status label"),
    Case("cross_source.related_study_phase_differs", False, related(stated_phase="Phase 2/3"),
         others=other(phase="PHASE2/PHASE3"), note="'Phase 2/3'"),
    Case("cross_source.related_study_phase_differs", False, related(stated_phase="Phase 2"),
         others=other(phase=None, study_type="OBSERVATIONAL"), note="the study's record gives no phase"),
    Case("cross_source.related_study_title_differs", False,
         related(title="Baricitinib in Primary Sj\u00f6gren\u2019s Syndrome"), others=other(),
         note="accent and typographic apostrophe"),
    Case("cross_source.related_study_phase_differs", False, related(stated_phase="Phase 3"),
         note="related study not in the warehouse"),
]
