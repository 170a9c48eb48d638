"""One study as the registry's records and the republishing sites' pages tell it, as they really differ: a page
dated a day from the registry's version (its site's clock), a page of the next day's version, legacy XML against API
v2 copies, a status changed between two registry versions, UNKNOWN against an open status, related-trials lists in
the registry's display words and titles as other records spell them (case, punctuation, a bracketed acronym, British
spelling, a possessive, roman phase numbers), the age of our copy over weekends and holidays, and studies the
registry's id list lacks or still lists.

Every case's study sits in one warehouse, and each rule runs once over it (once per as_of day used).
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_cross_source import PAGE, REGISTRY

RULES = {rule.id: rule for rule in checks.all_rules()}
SAME = "cross_source.same_update_disagrees"
OUTDATED = "cross_source.republished_page_outdated"
PAGE_STATUS = "cross_source.republished_status_differs"
STATUS = "cross_source.related_study_status_differs"
PHASE = "cross_source.related_study_phase_differs"
TITLE = "cross_source.related_study_title_differs"
LEFT = "registry_presence.left_registry"
OLD = "freshness.copy_is_old"

# The registry's API v2 record, last updated 2026-01-27 (D), with its dates to the day.
D = date(2026, 1, 27)
DAY_BEFORE, DAY_AFTER, TWO_DAYS_AFTER, TWO_DAYS_BEFORE = (date(2026, 1, 26), date(2026, 1, 28), date(2026, 1, 29),
                                                           date(2026, 1, 25))
RECORD = {**REGISTRY, "start_date": date(2024, 3, 15), "start_date_precision": "day",
          "primary_completion_date": date(2025, 6, 1), "primary_completion_date_precision": "day"}
XML = {**RECORD, "layout": "ctgov_xml", "path": "corpus/xml_legacy/NCT01000001.xml"}


def nxt(**values) -> dict:
    """The registry's next version (API v2, from a later pull's folder), dated the day after D, with `values`."""
    return {**RECORD, "path": "pulls/2026-01-29/NCT01000001.json", "last_update_posted_date": DAY_AFTER, **values}


def sources(*rows: dict):
    """The study's source files: the registry's records and the pages, each of its own content."""
    return lambda s: s.__setitem__("meta.source_records", [{**r, "sha256": f"{i + 1:x}" * 64}
                                                           for i, r in enumerate(rows)])


def page(**values) -> dict:
    """A republished page (aggregator_text) of the registry's record, with `values` changed."""
    return {**PAGE, "start_date": RECORD["start_date"], "start_date_precision": "day",
            "primary_completion_date": RECORD["primary_completion_date"],
            "primary_completion_date_precision": "day", **values}


def listed(own: dict, stated_status: str | None = None, title: str | None = None, stated_phase: str | None = None,
           listed_by: date | None = date(2022, 3, 1)):
    """The study's related-trials list (its record last updated `listed_by`) gives another study `stated_status`,
    `stated_phase` and `title`; that study's own record is the clean study changed by `own`."""
    def related(s):
        s["studies"][0]["last_update_posted_date"] = listed_by
        s["related_studies"] = [{"related_nct_id": None, "stated_status": stated_status,
                                 "stated_phase": stated_phase, "title": title}]

    def other(o):
        o["studies"][0].update(own)
    return related, other


# A study the list's record (2022-03-01) names, last updated before it (2021) or after it (2026).
BEFORE, AFTER = {"last_update_posted_date": date(2021, 1, 1)}, {"last_update_posted_date": date(2026, 1, 1)}
US_TITLE = "Randomized Trial of Pembrolizumab in Pediatric Esophageal Tumors at One Center"

# (rule, expected severity or None for quiet, change of the study or (related, other) of listed(), note)
CASES = [
    # A page dated D whose site's clock puts the registry's next version (dated D+1) on D, or the version of D on D+1:
    # it shows that version's values, and no copy of one version disagrees.
    (SAME, None, sources(RECORD, nxt(overall_status="TERMINATED"), page(overall_status="TERMINATED")),
     "a page dated D showing the next day's terminated"),
    (SAME, None, sources(RECORD, nxt(enrollment=37), page(enrollment=37)),
     "a page dated D showing the next day's enrollment"),
    (SAME, None, sources(RECORD, nxt(completion_date=date(2021, 11, 30)),
                         page(completion_date=date(2021, 11, 30))),
     "a page dated D showing the next day's completion date"),
    (SAME, None, sources(RECORD, nxt(phase="PHASE2/PHASE3"), page(phase="PHASE2/PHASE3")),
     "a page dated D showing the next day's phase"),
    (SAME, None, sources({**RECORD, "last_update_posted_date": DAY_BEFORE, "overall_status": "RECRUITING"},
                         {**XML, "overall_status": "ACTIVE_NOT_RECRUITING"},
                         page(overall_status="RECRUITING")),
     "a page dated D showing the day before's recruiting (a clock ahead of the registry's)"),
    (SAME, None, sources(RECORD, nxt(overall_status="TERMINATED", enrollment=37),
                         page(layout="ctgov_classic_text", overall_status="TERMINATED", enrollment=37),
                         nxt(layout="ctgov_xml", path="x.xml", enrollment=37, overall_status="TERMINATED")),
     "a classic page dated D showing the next day's status and enrollment"),
    # Guards: display forms read into the registry's values, precisions, UNKNOWN, different versions.
    (SAME, None, sources(RECORD, page(start_date=date(2024, 3, 31), start_date_precision="month")),
     "a page's 'March 2024' against the registry's 2024-03-15"),
    (SAME, None, sources({**RECORD, "start_date": date(2024, 3, 31), "start_date_precision": "month"},
                         {**XML, "start_date": date(2024, 3, 31), "start_date_precision": "month"}),
     "legacy 'March 2024' (Anticipated) against API v2 '2024-03' (ESTIMATED)"),
    (SAME, None, sources(RECORD, page(start_date=date(2024, 12, 31), start_date_precision="year")),
     "a page's year 2024 against 2024-03-15"),
    (SAME, None, sources({**RECORD, "phase": "PHASE1/PHASE2"}, {**XML, "phase": "PHASE1/PHASE2"}),
     "legacy 'Phase 1/Phase 2' against PHASE1|PHASE2"),
    (SAME, None, sources({**RECORD, "phase": "NA"}, {**XML, "phase": "NA"}), "legacy 'N/A' against NA"),
    (SAME, None, sources({**RECORD, "overall_status": "UNKNOWN"}, page(overall_status="ACTIVE_NOT_RECRUITING")),
     "a page's 'Active, not recruiting' of the version the registry now shows as UNKNOWN"),
    (SAME, None, sources({**RECORD, "overall_status": "UNKNOWN"}, {**XML, "overall_status": "ENROLLING_BY_INVITATION"}),
     "legacy 'Enrolling by invitation' against UNKNOWN of the same version"),
    (SAME, None, sources(RECORD, {**XML, "last_update_posted_date": date(2025, 6, 2), "overall_status": "RECRUITING"}),
     "a status changed between two registry versions"),
    (SAME, None, sources(RECORD, page(enrollment=40)), "'40 participants' against 40"),
    # Copies of one version that disagree, no version a day from the page agreeing: an error.
    (SAME, "error", sources(RECORD, nxt(overall_status="TERMINATED"), page(overall_status="SUSPENDED")),
     "a page dated D saying suspended, neither version does"),
    (SAME, "error", sources(RECORD, {**nxt(overall_status="TERMINATED"), "last_update_posted_date": TWO_DAYS_AFTER},
                            page(overall_status="TERMINATED")),
     "a page dated D showing terminated, a version two days later"),
    (SAME, "error", sources(RECORD, {**XML, "enrollment": 37}, nxt(layout="ctgov_xml", path="x.xml", enrollment=37)),
     "two registry copies of D disagree (the registry's dates carry no time zone shift)"),
    (SAME, "error", sources(RECORD, nxt(enrollment=37), page(enrollment=38)),
     "a page dated D giving an enrollment neither version gives"),
    (SAME, "error", sources(RECORD, nxt(overall_status="TERMINATED"), page(enrollment=37)),
     "a page dated D, of the next version's status, with another enrollment"),
    (SAME, "error", sources(RECORD, page(start_date=date(2024, 4, 30), start_date_precision="month")),
     "a page's 'April 2024' against 2024-03-15"),
    (SAME, "error", sources({**RECORD, "overall_status": "UNKNOWN"}, page(overall_status="TERMINATED")),
     "a page's terminated against UNKNOWN of the same version"),
    (SAME, None, sources(RECORD, nxt(overall_status="TERMINATED"), page(last_update_posted_date=DAY_AFTER)),
     "a page dated D+1 showing D's completed (a clock a day behind)"),
    (SAME, None, sources(RECORD, nxt(overall_status="TERMINATED"), page(overall_status="TERMINATED"),
                         page(layout="ctgov_classic_text", path="c.txt")),
     "two pages dated D, one of D's version, one of the next"),
    (SAME, None, sources({**RECORD, "overall_status": "NOT_YET_RECRUITING"}, {**XML, "overall_status": "UNKNOWN"}),
     "legacy UNKNOWN against API v2 not yet recruiting of one version"),
    (SAME, "error", sources(RECORD, nxt(overall_status="TERMINATED"),
                            page(last_update_posted_date=DAY_AFTER, overall_status="SUSPENDED")),
     "a page dated D+1 saying suspended, neither version does"),
    (SAME, None, sources({**RECORD, "overall_status": "RECRUITING"}, {**XML, "overall_status": "UNKNOWN"},
                         page(overall_status="RECRUITING")), "a page's recruiting against recruiting and UNKNOWN"),
    # A page against the registry's newest record.
    (OUTDATED, None, sources(RECORD, page(last_update_posted_date=DAY_BEFORE)), "a page dated a day before"),
    (OUTDATED, None, sources(RECORD, page(last_update_posted_date=DAY_AFTER)), "a page dated a day after"),
    (OUTDATED, None, sources(RECORD, nxt(), page()), "a page of D, the next version dated D+1"),
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=date(2026, 1, 23))),
     "a page of the Friday before, the registry's of Tuesday"),
    (OUTDATED, "warning", sources(RECORD, nxt(), page(last_update_posted_date=TWO_DAYS_BEFORE)),
     "a page two days before D, the next version D+1"),
    (PAGE_STATUS, None, sources(RECORD, nxt(overall_status="TERMINATED"), page(overall_status="TERMINATED")),
     "a page dated D with the newest version's status"),
    (PAGE_STATUS, None, sources({**RECORD, "overall_status": "UNKNOWN"},
                                page(last_update_posted_date=None, overall_status="RECRUITING")),
     "an undated page's recruiting against UNKNOWN"),
    (PAGE_STATUS, "warning", sources(RECORD, nxt(overall_status="TERMINATED"),
                                     page(last_update_posted_date=TWO_DAYS_AFTER, overall_status="COMPLETED")),
     "a page dated D+2 with D's completed, the newest terminated"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "RECRUITING"},
                                     page(last_update_posted_date=None, overall_status="COMPLETED")),
     "an undated page's completed against recruiting"),
    # Related-trials lists in the registry's display words.
    (STATUS, None, listed({**BEFORE, "overall_status": "ACTIVE_NOT_RECRUITING"}, "Active, not recruiting"),
     "'Active, not recruiting'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "ENROLLING_BY_INVITATION"}, "Enrolling by invitation"),
     "'Enrolling by invitation'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "UNKNOWN"}, "Unknown status"), "'Unknown status'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "NOT_YET_RECRUITING"}, "Not yet recruiting"),
     "'Not yet recruiting'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "COMPLETED"}, "COMPLETED."), "'COMPLETED.'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "ACTIVE_NOT_RECRUITING"}, "Active - not recruiting"),
     "'Active - not recruiting'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "COMPLETED"}, "Ongoing"), "'Ongoing': no registry status"),
    (STATUS, "info", listed({**AFTER, "overall_status": "COMPLETED"}, "Recruiting"),
     "'Recruiting', the study's record newer: held under a later version"),
    (STATUS, "info", listed({**AFTER, "overall_status": "UNKNOWN", "last_known_status": "ACTIVE_NOT_RECRUITING"},
                            "Active, not recruiting"), "its last known 'Active, not recruiting' against UNKNOWN"),
    (STATUS, "warning", listed({**BEFORE, "overall_status": "COMPLETED"}, "Recruiting"),
     "'Recruiting' of a study completed before the list's record"),
    (STATUS, "warning", listed({**BEFORE, "overall_status": "COMPLETED"}, "Terminated"),
     "'Terminated' of a completed study"),
    (STATUS, "warning", listed({**BEFORE, "overall_status": "RECRUITING"}, "Withdrawn"),
     "'Withdrawn' of a recruiting study"),
    (STATUS, None, listed({**BEFORE, "overall_status": "RECRUITING"}, "Recruiting."), "'Recruiting.'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "ACTIVE_NOT_RECRUITING"}, "Active, Not Recruiting"),
     "'Active, Not Recruiting'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "SUSPENDED"}, "Suspended"), "'Suspended'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "WITHDRAWN"}, "withdrawn"), "'withdrawn'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "UNKNOWN"}, "Unknown"), "'Unknown'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "ENROLLING_BY_INVITATION"}, "Enrolling By Invitation"),
     "'Enrolling By Invitation'"),
    (STATUS, None, listed({**BEFORE, "overall_status": "NOT_YET_RECRUITING"}, "not yet recruiting"),
     "'not yet recruiting'"),
    (STATUS, "info", listed({**AFTER, "overall_status": "SUSPENDED"}, "Recruiting"),
     "'Recruiting' of a study suspended since"),
    (STATUS, "warning", listed({**BEFORE, "overall_status": "TERMINATED"}, "Completed"),
     "'Completed' of a terminated study"),
    (STATUS, "warning", listed({**BEFORE, "overall_status": "ACTIVE_NOT_RECRUITING"}, "Not yet recruiting"),
     "'Not yet recruiting' of a study active before the list's record"),
    (PHASE, None, listed({"phase": "PHASE4"}, stated_phase="Phase IV"), "'Phase IV'"),
    (PHASE, None, listed({"phase": "PHASE4"}, stated_phase="Phase 4"), "'Phase 4'"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase 2b"), "'Phase 2b' of PHASE2"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="PHASE1/PHASE2"), "the registry's code"),
    (PHASE, "info", listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 3"), "'Phase 3' of PHASE2/PHASE3"),
    (PHASE, "info", listed({"phase": "EARLY_PHASE1"}, stated_phase="Phase 1"), "'Phase 1' of Early Phase 1"),
    (PHASE, "warning", listed({"phase": "PHASE3"}, stated_phase="Phase 4"), "'Phase 4' of PHASE3"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 2/Phase 3"), "'Phase 2/Phase 3'"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase II/III"), "'Phase II/III'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 1/2"), "'Phase 1/2'"),
    (PHASE, None, listed({"phase": "NA"}, stated_phase="N/A"), "'N/A'"),
    (PHASE, None, listed({"phase": "NA"}, stated_phase="Not Applicable"), "'Not Applicable'"),
    (PHASE, None, listed({"phase": "EARLY_PHASE1"}, stated_phase="Early Phase 1"), "'Early Phase 1'"),
    (PHASE, "info", listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 2"), "'Phase 2' of PHASE1/PHASE2"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase 3"), "'Phase 3' of PHASE2"),
    (PHASE, "warning", listed({"phase": "PHASE3"}, stated_phase="Phase I/II"), "'Phase I/II' of PHASE3"),
    # Titles as another record spells them.
    (TITLE, None, listed({}, title="BARICITINIB IN PRIMARY SJOGREN'S SYNDROME"), "all capitals"),
    (TITLE, None, listed({}, title="Baricitinib in Primary Sjögren's Syndrome."), "an accent and a trailing period"),
    (TITLE, None, listed({}, title="Baricitinib in Primary Sjogren Syndrome"), "without the possessive"),
    (TITLE, None, listed({}, title="Baricitinib in Primary Sjögren’s Syndrome"), "a curly apostrophe"),
    (TITLE, None, listed({"brief_title": "Baricitinib in Primary Sjogren's Syndrome (BARI-SS)"},
                         title="Baricitinib in Primary Sjogren's Syndrome"), "without the bracketed acronym"),
    (TITLE, None, listed({"brief_title": US_TITLE},
                         title="Randomised Trial of Pembrolizumab in Paediatric Oesophageal Tumours at One Centre"),
     "British spelling"),
    (TITLE, None, listed({"brief_title": "Haemophilia A Prophylaxis: Behaviour of Factor VIII Levels, Analysed"},
                         title="Hemophilia A Prophylaxis - Behavior of Factor VIII Levels, Analyzed"),
     "American spelling of a British title"),
    (TITLE, None, listed({"brief_title": "Anaemia in Oedema: A Labelled Fibre Study in Leukaemia"},
                         title="Anemia in Edema: a Labeled Fiber Study in Leukemia"), "anaemia, oedema, labelled"),
    (TITLE, None, listed({"brief_title": "A Phase II Study of Baricitinib in Crohn's Disease"},
                         title="Phase 2 Study of Baricitinib in Crohn Disease"), "Phase II as Phase 2"),
    (TITLE, None, listed({"brief_title": "A Phase I/IIa Study of Baricitinib"},
                         title="A Phase 1/2a Study of Baricitinib"), "Phase I/IIa as Phase 1/2a"),
    (TITLE, None, listed({"brief_title": "Randomized, Double-Blind, Placebo-Controlled Study of Donepezil in "
                                         "Alzheimer's Disease"},
                         title="Randomised Double Blind Placebo Controlled Study of Donepezil in Alzheimer Disease"),
     "hyphens, commas, British spelling and a possessive"),
    (TITLE, None, listed({"brief_title": "Metformin in Type II Diabetes Mellitus"},
                         title="Metformin in Type 2 Diabetes Mellitus"), "Type II as Type 2"),
    (TITLE, None, listed({"brief_title": "Pembrolizumab in Stage IIIb Colorectal Cancer"},
                         title="Pembrolizumab in Stage 3b Colorectal Cancer"), "Stage IIIb as Stage 3b"),
    (TITLE, None, listed({"brief_title": "A Phase IV Study of Oestrogen in Haematological Disease"},
                         title="Phase 4 Study of Estrogen in Hematological Disease"), "Phase IV, oestrogen, haem-"),
    (TITLE, None, listed({"brief_title": "Modelling Colour Vision in Paediatric Patients (COLOUR-KIDS)."},
                         title="Modeling Color Vision in Pediatric Patients"), "an acronym and a period at the end"),
    (TITLE, "info", listed({"brief_title": "Metformin in Type II Diabetes Mellitus"},
                           title="Metformin in Type 1 Diabetes Mellitus"), "Type 1 against Type II"),
    (TITLE, "info", listed({"brief_title": "Infliximab in Crohn's Disease"},
                           title="Infliximab in Ulcerative Colitis"), "another bowel disease"),
    (TITLE, "info", listed({"brief_title": "Randomised Trial of Surgery in Paediatric Tumours"},
                           title="Randomized Trial of Surgery in Adult Tumors"), "British spelling, another age"),
    (TITLE, "info", listed({}, title="Baricitinib in Rheumatoid Arthritis"), "another disease"),
    (TITLE, "info", listed({"brief_title": US_TITLE},
                           title="Randomised Trial of Nivolumab in Paediatric Oesophageal Tumours at One Centre"),
     "British spelling, another drug"),
    (TITLE, "info", listed({"brief_title": "A Phase II Study of Baricitinib in Crohn's Disease"},
                           title="A Phase III Study of Baricitinib in Crohn's Disease"), "Phase III against Phase II"),
    (TITLE, "info", listed({"brief_title": "Tofacitinib in Primary Sjogren's Syndrome"},
                           title="Baricitinib in Primary Sjogren's Syndrome"), "another drug, one word"),
]


def _case_studies() -> tuple[dict, dict]:
    """Each case's study (and the study its list names) under NCT numbers of their own, and the case of each study."""
    return harness.related_case_studies(CASES, 4001, 5001)


# The registry's id lists that lacked a study: first on 2026-11-01, last on 2026-11-21.
FIRST_MISSING, LAST_MISSING = datetime(2026, 11, 1, 6), datetime(2026, 11, 21, 6)
AS_OF = harness.AS_OF  # Sunday 2026-11-22


def departed(first: datetime = FIRST_MISSING, last: datetime = LAST_MISSING, returned: datetime | None = None) -> dict:
    """The meta.registry_departures row of a study the registry's id lists lacked."""
    return {"meta.registry_departures": [{
        "first_missing_pull": "p1", "first_missing_at": first, "last_missing_pull": "p2", "last_missing_at": last,
        "registry_count": 575_000, "returned_pull": "p3" if returned else None, "returned_at": returned}]}


def stored(*layouts: str) -> dict:
    """meta.source_records rows: one version of the study from each layout, the first current."""
    return {"meta.source_records": [{"sha256": f"{n}" * 64, "layout": layout, "is_current": n == 1}
                                    for n, layout in enumerate(layouts, 1)]}


WITHDRAWN = {"overall_status": "WITHDRAWN", "enrollment": 0, "snapshot_date": date(2026, 10, 15)}
# (rule, NCT number, studies-row values, other tables, as_of, fires, what the record shows)
DAY_CASES = [
    # A withdrawn study stays in the registry's list (no departure); a removed one leaves it.
    (LEFT, "NCT01910101", WITHDRAWN, {}, AS_OF, False, "a withdrawn study still listed"),
    (LEFT, "NCT01910102", WITHDRAWN, departed(), AS_OF, True, "a withdrawn study removed from the list"),
    (LEFT, "NCT01910103", {"snapshot_date": date(2026, 10, 15)}, departed(returned=datetime(2026, 11, 22, 6)),
     AS_OF, False, "back in the next complete list"),
    (LEFT, "NCT01910104", {"snapshot_date": date(2026, 10, 15)}, departed(first=datetime(2026, 11, 23, 6)),
     AS_OF, False, "missing only from a list taken after as_of"),
    (LEFT, "NCT01910105", {"snapshot_date": date(2026, 11, 21)}, departed(), AS_OF, False,
     "a copy taken the day of the last list that lacked it"),
    (LEFT, "NCT01910106", {"source_layout": "summary_text", "snapshot_date": None},
     {**departed(), **stored("summary_text")}, AS_OF, False, "known only from a trial-summary page"),
    (LEFT, "NCT01910107", {"source_layout": "aggregator_text", "snapshot_date": None},
     {**departed(), **stored("aggregator_text", "ctgov_xml")}, AS_OF, True, "a page over a legacy XML copy"),
    # Our copy's age in business days (threshold 10) over weekends and holidays.
    (OLD, "NCT01810101", {"snapshot_date": date(2026, 11, 21)}, {}, date(2026, 12, 4), False,
     "taken on a Saturday, as of the second Friday: 10 business days"),
    (OLD, "NCT01810102", {"snapshot_date": date(2026, 11, 21)}, {}, date(2026, 12, 8), True,
     "taken on a Saturday, as of the Tuesday after: 12 business days"),
    (OLD, "NCT01810103", {"snapshot_date": date(2026, 11, 22)}, {}, date(2026, 12, 7), False,
     "taken on a Sunday, as of the second Monday: 10 business days"),
    (OLD, "NCT01810104", {"snapshot_date": date(2026, 12, 1)}, {}, date(2026, 11, 22), False,
     "as of a day before the copy was taken"),
    (OLD, "NCT01810105", {"snapshot_date": date(2026, 11, 22)}, {}, date(2026, 11, 22), False, "as of its own day"),
    (OLD, "NCT01810106", {"snapshot_date": date(2026, 12, 18)}, {}, date(2027, 1, 8), True,
     "over Christmas and the new year: 15 business days"),
    (OLD, "NCT01810107", {"snapshot_date": date(2026, 11, 20)}, {}, date(2026, 12, 1), False,
     "over Thanksgiving: 7 business days"),
    (OLD, "NCT01810109", {"snapshot_date": date(2026, 11, 6)}, {}, date(2026, 11, 20), False,
     "Friday to the second Friday after: 10 business days"),
    (OLD, "NCT01810110", {"snapshot_date": date(2026, 11, 21)}, {}, date(2026, 11, 28), False,
     "Saturday to the next Saturday: 5 business days"),
    (OLD, "NCT01810111", {"snapshot_date": date(2026, 10, 1)}, {}, date(2026, 10, 14), False,
     "as of a day before the copy would be 10 business days old"),
    (LEFT, "NCT01910108", {"snapshot_date": date(2026, 10, 15)}, departed(), date(2026, 10, 31), False,
     "judged as of the day before the first list that lacked it"),
    (LEFT, "NCT01910109", {"source_layout": "ctgov_xml", "overall_status": "UNKNOWN", "snapshot_date": None},
     departed(), AS_OF, True, "a legacy XML copy of no download date, removed"),
    (OLD, "NCT01810108", {"snapshot_date": None}, {}, AS_OF, False, "a page of no snapshot day"),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """One warehouse holding every case's studies, and the case of each study of CASES."""
    studies, owners = _case_studies()
    for _rule, nct_id, values, tables, _as_of, _fires, _note in DAY_CASES:
        study = harness.clean_study()
        study["studies"][0].update(values)
        study.update(tables)
        studies[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("cross_source_site_clocks"), studies)
    try:
        yield con, owners
    finally:
        con.close()


@pytest.fixture(scope="module")
def found(warehouse):
    """(severity, message) of each case's rule's findings on its study, by case index."""
    con, owners = warehouse
    return harness.findings_by_case(con, RULES, owners, [case[0] for case in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0].split('.')[1]}:{CASES[i][3]}")
def test_case(found, index):
    _rule, severity, _change, _note = CASES[index]
    assert [s for s, _ in found[index]] == ([severity] if severity else []), found[index]


@pytest.fixture(scope="module")
def flagged(warehouse) -> dict[tuple[str, date], set[str]]:
    """The studies each rule flags as of each day its cases use."""
    con, _owners = warehouse
    found = {}
    for as_of in sorted({case[4] for case in DAY_CASES}):
        scope = set_scope(con, None, as_of)
        for rule_id in sorted({case[0] for case in DAY_CASES if case[4] == as_of}):
            found[rule_id, as_of] = {f.nct_id for f in findings_of(con, RULES[rule_id], scope)}
    return found


@pytest.mark.parametrize("case", DAY_CASES,
                         ids=lambda c: f"{c[0].split('.')[1]}:{'fires' if c[5] else 'quiet'}:{c[6]}")
def test_day_case(flagged, case):
    rule, nct_id, _values, _tables, as_of, fires, note = case
    assert (nct_id in flagged[rule, as_of]) == fires, note


def test_a_page_of_another_version_than_its_date_is_not_called_a_misread_copy(found):
    """The page dated D that shows terminated (the next version's) is no copy of D's completed: no error, and its
    status agrees with the registry's newest record."""
    index = next(i for i, case in enumerate(CASES) if case[3] == "a page dated D showing the next day's terminated")
    assert found[index] == []
