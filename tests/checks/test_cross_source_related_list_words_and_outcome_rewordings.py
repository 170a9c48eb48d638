"""Versions of one study and what records say of each other, as records really word them.

Every case's study sits in one warehouse (each with its own related study), and each rule runs once over it.
"""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from checks.outcome_wording import wording
from tests.checks import harness
from tests.checks.cases_cross_source import PAGE, REGISTRY
from tests.checks.cases_outcome_changes import versions as outcome_versions

RULES = {rule.id: rule for rule in checks.all_rules()}
OUTDATED = "cross_source.republished_page_outdated"
PAGE_STATUS = "cross_source.republished_status_differs"
STATUS = "cross_source.related_study_status_differs"
PHASE = "cross_source.related_study_phase_differs"
TITLE = "cross_source.related_study_title_differs"
OUTCOME = "outcome_changes.primary_outcome_changed"


def sources(*rows: dict):
    """The study's current source files: the registry's record and the pages, each of its own content."""
    return lambda s: s.__setitem__("meta.source_records", [{**r, "sha256": f"{i + 1:x}" * 64}
                                                           for i, r in enumerate(rows)])


def listed(own: dict | None = None, own_versions: tuple = (), **entry):
    """The study's related-trials list names another study (made with the clean study's title, COMPLETED, PHASE2,
    last updated 2022-03-01), whose own record is `own`, with `own_versions` of its source files."""
    def related(s):
        s["related_studies"] = [{"related_nct_id": None, "stated_status": None, "stated_phase": None, "title": None,
                                 **entry}]

    def other(o):
        o["studies"][0].update(own or {})
        if own_versions:
            o["meta.source_records"] = [{**REGISTRY, "sha256": f"{i + 1:x}" * 64, **v}
                                        for i, v in enumerate(own_versions)]
    return related, other


# (rule, expected severity or None for quiet, change of the study or (related, other) of listed(), note)
CASES = [
    # A page that shows no status is as old as its update date says.
    (OUTDATED, "warning", sources(REGISTRY, {**PAGE, "last_update_posted_date": d(2024, 5, 2), "overall_status": None}),
     "a page of 2024 without a status, the registry updated 2026"),
    (OUTDATED, None, sources(REGISTRY, {**PAGE, "overall_status": None}), "a page of the same update without a status"),
    (OUTDATED, None, sources(REGISTRY, {**PAGE, "last_update_posted_date": d(2024, 5, 2),
                                        "overall_status": "RECRUITING"}),
     "an older page with another status: the status rule's"),
    (PAGE_STATUS, "warning", sources(REGISTRY, {**PAGE, "last_update_posted_date": d(2026, 6, 2),
                                                "overall_status": "TERMINATED"}),
     "a page newer than our registry copy"),
    # A phase label of a list, against the study's own record.
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 2-3"), "'Phase 2-3'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase I-II"), "'Phase I-II'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 1 - Phase 2"), "'Phase 1 - Phase 2'"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase IIb/III"), "'Phase IIb/III'"),
    (PHASE, None, listed({"phase": "EARLY_PHASE1"}, stated_phase="Phase 0"), "'Phase 0'"),
    (PHASE, None, listed({"phase": "PHASE3"}, stated_phase="Pivotal"), "a word that names no phase"),
    (PHASE, None, listed({"phase": "NA"}, stated_phase="Observational"), "a study type for a phase"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase II-III"), "'Phase II-III' for a phase 2 study"),
    (PHASE, "warning", listed({"phase": "PHASE1"}, stated_phase="Phase 3"), "'Phase 3' for a phase 1 study"),
    (PHASE, "warning", listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 1"), "'Phase 1' for a phase 2/3 study"),
    # A status the study may have left since the list was written (the clean list is dated 2022-03-01; the study's
    # own record 2026-01-01 unless said).
    (STATUS, "info", listed({"overall_status": "RECRUITING", "last_update_posted_date": d(2026, 1, 1)},
                            stated_status="Suspended"), "suspended, resumed since"),
    (STATUS, "info", listed({"overall_status": "TERMINATED", "last_update_posted_date": d(2026, 1, 1)},
                            stated_status="Suspended"), "suspended, stopped since"),
    (STATUS, "info", listed({"overall_status": "SUSPENDED", "last_update_posted_date": d(2026, 1, 1)},
                            stated_status="Recruiting"), "recruiting, suspended since"),
    (STATUS, "info", listed({"overall_status": "ACTIVE_NOT_RECRUITING", "last_update_posted_date": d(2026, 1, 1)},
                            stated_status="Unknown status"), "unknown, verified again since"),
    (STATUS, "info", listed({"overall_status": "NO_LONGER_AVAILABLE", "study_type": "EXPANDED_ACCESS",
                             "last_update_posted_date": d(2026, 1, 1)}, stated_status="Available"),
     "expanded access available, no longer since"),
    (STATUS, "warning", listed({"overall_status": "RECRUITING", "last_update_posted_date": d(2021, 1, 1)},
                               stated_status="Suspended"), "a list dated after the study resumed"),
    (STATUS, "info", listed({"overall_status": "COMPLETED", "last_update_posted_date": d(2026, 1, 1)},
                            stated_status="Suspended"), "suspended, resumed and completed since"),
    (STATUS, "warning", listed({"overall_status": "NOT_YET_RECRUITING", "last_update_posted_date": d(2026, 1, 1)},
                               stated_status="Suspended"), "a suspended study does not go back to not yet recruiting"),
    (STATUS, "warning", listed({"overall_status": "RECRUITING", "last_update_posted_date": d(2026, 1, 1)},
                               stated_status="Completed"), "a closed status for an open study"),
    (STATUS, None, listed({"overall_status": "RECRUITING"}, stated_status="Ongoing"), "no registry status word"),
    (STATUS, None, listed({"overall_status": "RECRUITING"}, stated_status="Open"), "'Open'"),
    # A title a list gives: the acronym, the title and acronym, or a title an earlier version gave.
    (TITLE, None, listed({"acronym": "BARI-SS"}, title="BARI-SS"), "the acronym"),
    (TITLE, None, listed({"acronym": "BARI-SS"}, title="Baricitinib in Primary Sjogren's Syndrome (BARI-SS)"),
     "the title and its acronym"),
    (TITLE, None, listed({"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"},
                         ({"brief_title": "Baricitinib in Primary Sjogren's Syndrome",
                           "last_update_posted_date": d(2021, 1, 1)},
                          {"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"}),
                         title="Baricitinib in Primary Sjogren's Syndrome"), "the title before its revision"),
    (TITLE, "info", listed({"acronym": "BARI-SS"}, title="BARI-SS Extension"), "another trial's acronym"),
    (TITLE, "info", listed({"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"},
                           ({"brief_title": "Baricitinib in Primary Sjogren's Syndrome"},),
                           title="Tofacitinib in Primary Sjogren's Syndrome"), "a title no version gave"),
    # A primary outcome written another way, against one replaced.
    (OUTCOME, None, outcome_versions(["Overall survival"], ["Overall Survival (OS)"]), "an abbreviation added"),
    (OUTCOME, None, outcome_versions(["Incidence of Dose-Limiting Toxicities (DLTs)"],
                                     ["Incidence of dose limiting toxicities"]), "a plural abbreviation dropped"),
    (OUTCOME, None, outcome_versions(["Health-related quality of life (HRQoL)"], ["Health-related quality of life"]),
     "a mixed-case abbreviation"),
    (OUTCOME, None, outcome_versions(["Proportion of participants with HbA1c ≥ 7%"],
                                     ["Proportion of participants with HbA1c >= 7%"]), "'≥' written '>='"),
    (OUTCOME, None, outcome_versions(["Grade ≤ 2 neutropenia"], ["Grade =< 2 neutropenia"]), "'≤' written '=<'"),
    (OUTCOME, None, outcome_versions(["TBD"], ["Overall survival"]), "a filler replaced by the measure"),
    (OUTCOME, None, outcome_versions(["Not provided."], ["Change in ESSDAI score"]), "'Not provided.' replaced"),
    (OUTCOME, None, outcome_versions(
        ["Percentage of Participants Achieving an ACR20 Response at Week 24 According to the American College of "
         "Rheumatology Criteria"],
        ["Percentage of Participants Achieving an ACR20 Response at Week 24 According to the American Coll..."],
        new_layout="aggregator_text"), "a page cut the measure short"),
    (OUTCOME, "warning", outcome_versions(["Overall survival (OS)"], ["Progression-free survival (PFS)"]),
     "survival endpoint switched"),
    (OUTCOME, "warning", outcome_versions(["Overall survival"], ["Overall survival (PFS)"]),
     "an abbreviation of other words"),
    (OUTCOME, "warning", outcome_versions(["Change in body weight (kg)"], ["Change in body weight (lb)"]),
     "a unit in brackets is no abbreviation"),
    (OUTCOME, "warning", outcome_versions(["Proportion with HbA1c ≥ 7%"], ["Proportion with HbA1c ≤ 7%"]),
     "a threshold reversed"),
    (OUTCOME, "warning", outcome_versions(
        ["Percentage of Participants Achieving an ACR20 Response at Week 24"],
        ["Percentage of Participants Achieving an ACR50 Resp..."], new_layout="aggregator_text"),
     "cut short, and another measure"),
    (OUTCOME, "warning", outcome_versions(["Overall survival at 5 years"], ["Overall survival…"]),
     "cut too short to tell"),
    (OUTCOME, "warning", outcome_versions(["Overall survival"], ["Time to progression (TTP)"]),
     "an abbreviated measure replaced"),
]


def _case(note: str) -> int:
    """The index of the case of this note."""
    return next(index for index, case in enumerate(CASES) if case[3] == note)


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """(severity, message) of each case's rule's findings on its study, by case index."""
    studies, owners = harness.related_case_studies(CASES, 1, 501)
    return harness.findings_of_cases(tmp_path_factory.mktemp("cross_source_related_lists"), studies, RULES, owners,
                                     [case[0] for case in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0].split('.')[1]}:{CASES[i][3]}")
def test_case(found, index):
    _rule, severity, _change, _note = CASES[index]
    assert [s for s, _ in found[index]] == ([severity] if severity else []), found[index]


def test_a_page_status_names_both_update_dates(found):
    """The page is newer than the registry copy here: the message says so through the dates."""
    [(_, message)] = found[_case("a page newer than our registry copy")]
    assert message == ("The aggregator_text page (last updated 2026-06-02) says the study is TERMINATED but the "
                       "registry record (last updated 2026-01-27) says COMPLETED.")


def test_a_status_the_study_left_says_it_may_have_moved_since(found):
    [(_, message)] = found[_case("suspended, resumed since")]
    assert message == ("This record says NCT00000515 is Suspended but that study's own record says RECRUITING, a "
                       "status it may have taken since: this record may have listed it before (out of date rather "
                       "than wrong).")


@pytest.mark.parametrize("old, new", [("Overall Survival (OS)", "Overall survival"),
                                      ("Objective Response Rate (ORR)", "Objective response rate"),
                                      ("HbA1c ≥ 7.0%", "HbA1c >= 7.0%")])
def test_a_measure_written_another_way_has_the_same_wording(old, new):
    assert wording(old) == wording(new)


@pytest.mark.parametrize("old, new", [("Serum 25(OH)D", "Serum 25-hydroxyvitamin D"),
                                      ("Time to progression (TTP)", "Time to progression (TTF)"),
                                      ("HbA1c ≥ 7%", "HbA1c > 7%")])
def test_a_measure_changed_has_another_wording(old, new):
    assert wording(old) != wording(new)


IDENTITY = "identity.nct_number_not_yet_issued"


def test_a_number_below_the_registrys_first_was_never_issued(tmp_path):
    """NCT00000102 is the registry's first number (1999): NCT00000000 is a placeholder, NCT00000101 a typo."""
    posted = {"study_first_posted_date": d(1999, 11, 3)}
    shapes = {"zeros": ("NCT00000000", posted, {}), "one below": ("NCT00000101", posted, {}),
              "the first": ("NCT00000102", posted, {}), "an early one": ("NCT00000620", posted, {})}
    found = harness.shape_findings(tmp_path, shapes, [RULES[IDENTITY]])
    assert [(rule, severity) for rule, severity, _, _ in found["zeros"]] == [(IDENTITY, "error")]
    assert found["zeros"][0][2] == ("The NCT number NCT00000000 is below the first the registry issued (NCT00000102): "
                                    "the identifier is likely fake or mistyped.")
    assert found["zeros"][0][3].endswith("; first number issued = NCT00000102")
    assert len(found["one below"]) == 1
    assert found["the first"] == [] and found["an early one"] == []
