"""What a related-trials list says of another study, against that study's own record, as lists really word it: another
registry's status and phase words, an extension or sub-study or a sibling of one sponsor's program named under the
study's id, titles differing only in acronym, articles, spelling or punctuation, lists older or newer than the study's
record.

Every case's study sits in one warehouse (each with its own related study), and each rule runs once over it.
"""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
STATUS = "cross_source.related_study_status_differs"
PHASE = "cross_source.related_study_phase_differs"
TITLE = "cross_source.related_study_title_differs"
# The other study's record is updated after the list (the list's study was updated 2022-03-01) unless said.
LATER = d(2026, 1, 1)
EARLIER = d(2021, 1, 1)
SAME = "Baricitinib in Primary Sjogren's Syndrome"
EXTENSION = "BARI-SS Extension: Long-term Baricitinib in Primary Sjogren's Syndrome"
SUBSTUDY = "Pharmacokinetic Sub-study of Baricitinib in Primary Sjogren's Syndrome"
SIBLING = "Baricitinib in Systemic Lupus Erythematosus"


def listed(own: dict | None = None, **entry):
    """The study's related-trials list names another study (made with the clean study's title, COMPLETED, PHASE2,
    updated `LATER` unless `own` says), whose own record is changed by `own`."""
    def related(s):
        s["related_studies"] = [{"related_nct_id": None, "stated_status": None, "stated_phase": None, "title": None,
                                 **entry}]

    def other(o):
        o["studies"][0].update({"last_update_posted_date": LATER, "acronym": "BARI-SS", **(own or {})})
    return related, other


# (rule, expected severity or None for quiet, (related, other) of listed(), note)
CASES = [
    # Status words of another registry, or the registry's own in other spellings.
    (STATUS, None, listed({"overall_status": "RECRUITING"}, stated_status="Ongoing"), "EudraCT 'Ongoing'"),
    (STATUS, None, listed({"overall_status": "TERMINATED"}, stated_status="Prematurely Ended"),
     "EudraCT 'Prematurely Ended'"),
    (STATUS, None, listed({"overall_status": "TERMINATED"}, stated_status="Terminated (Low accrual)"),
     "a stopped status with its reason"),
    (STATUS, None, listed({"overall_status": "ACTIVE_NOT_RECRUITING"}, stated_status="Active, not recruiting"),
     "'Active, not recruiting'"),
    (STATUS, None, listed({"overall_status": "RECRUITING"}, stated_status="RECRUITING"), "the registry's code"),
    (STATUS, None, listed({"overall_status": "RECRUITING"}, stated_status="recruiting"), "lower case"),
    (STATUS, None, listed({"overall_status": "UNKNOWN"}, stated_status="Unknown status"), "'Unknown status'"),
    (STATUS, None, listed({"overall_status": "SUSPENDED"}, stated_status="Suspended"), "suspended both"),
    (STATUS, None, listed({"overall_status": "COMPLETED"}, stated_status="Completed", title=SAME.upper()),
     "the same, title in capitals"),
    # A list older or newer than the study's own record.
    (STATUS, "info", listed({"overall_status": "RECRUITING"}, stated_status="Not yet recruiting"),
     "not yet recruiting, recruiting since"),
    (STATUS, "info", listed({"overall_status": "COMPLETED"}, stated_status="Recruiting"),
     "recruiting, completed since"),
    (STATUS, "info", listed({"overall_status": "COMPLETED"}, stated_status="Active, not recruiting"),
     "active, completed since"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                               stated_status="Recruiting"), "a list dated after the study completed"),
    (STATUS, "warning", listed({"overall_status": "RECRUITING"}, stated_status="Completed"),
     "a closed status for an open study"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED"}, stated_status="Withdrawn"),
     "withdrawn for a completed study"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED"}, stated_status="Terminated"),
     "terminated for a completed study"),
    (STATUS, "info", listed({"overall_status": "UNKNOWN", "last_known_status": "RECRUITING"},
                            stated_status="Recruiting"), "its last known status"),
    (STATUS, "info", listed({"overall_status": "UNKNOWN", "last_known_status": "ACTIVE_NOT_RECRUITING"},
                            stated_status="Recruiting"), "recruiting, active since, then not verified"),
    (STATUS, "warning", listed({"overall_status": "UNKNOWN", "last_known_status": "ACTIVE_NOT_RECRUITING",
                                "last_update_posted_date": EARLIER}, stated_status="Recruiting"),
     "recruiting in a list dated after the study's record (unknown, last known active)"),
    (STATUS, "info", listed({"overall_status": "UNKNOWN", "last_known_status": "RECRUITING"},
                            stated_status="Not yet recruiting", title=SAME),
     "not yet recruiting, recruiting since, then not verified"),
    # Another study named under the study's id: its status is its own.
    (STATUS, None, listed({"overall_status": "COMPLETED"}, stated_status="Recruiting", title=EXTENSION),
     "an extension study under its parent's id"),
    (STATUS, None, listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                          stated_status="Active, not recruiting", title=SUBSTUDY), "a sub-study under its parent's id"),
    (STATUS, None, listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                          stated_status="Recruiting", title=SIBLING), "a sibling of the sponsor's program"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                               stated_status="Recruiting", title=SAME), "the same trial by its title"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                               stated_status="Recruiting", title="BARI-SS"), "the same trial by its acronym"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                               stated_status="Recruiting", title="BARI-SS: " + SAME),
     "the same trial by acronym and title"),
    (STATUS, "warning", listed({"overall_status": "COMPLETED", "last_update_posted_date": EARLIER},
                               stated_status="Recruiting"), "an entry without a title"),
    # Phase words of another registry, or the registry's own in other spellings.
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase II"), "'Phase II'"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="PHASE2"), "'PHASE2'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 1b/2"), "'Phase 1b/2'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase Ib/II"), "'Phase Ib/II'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase I/IIa"), "'Phase I/IIa'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 1b"), "'Phase 1b' of a phase 1/2 study"),
    (PHASE, None, listed({"phase": "PHASE1"}, stated_phase="Phase 1b"), "'Phase 1b' of a phase 1 study"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase 2a"), "'Phase 2a'"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase IIb"), "'Phase IIb' of a phase 2/3 study"),
    (PHASE, None, listed({"phase": "PHASE3"}, stated_phase="Phase III"), "'Phase III'"),
    (PHASE, None, listed({"phase": "PHASE4"}, stated_phase="Phase IV"), "'Phase IV'"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 2 / Phase 3"), "'Phase 2 / Phase 3'"),
    (PHASE, None, listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 1 and 2"), "'Phase 1 and 2'"),
    (PHASE, None, listed({"phase": "PHASE2/PHASE3"}, stated_phase="Phase 2\u20133"), "'Phase 2–3'"),
    (PHASE, None, listed({"phase": "EARLY_PHASE1"}, stated_phase="Early Phase 1"), "'Early Phase 1'"),
    (PHASE, None, listed({"phase": "NA"}, stated_phase="Not Applicable"), "'Not Applicable'"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Pilot"), "no phase word"),
    (PHASE, "info", listed({"phase": "PHASE1/PHASE2"}, stated_phase="Phase 2"), "one phase of two"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase 2/3"), "'Phase 2/3' for a phase 2 study"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase III"), "'Phase III' for a phase 2 study"),
    (PHASE, "warning", listed({"phase": "PHASE3"}, stated_phase="PHASE1"), "'PHASE1' for a phase 3 study"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="PHASE1/PHASE2"), "'PHASE1/PHASE2' for phase 2"),
    # Another study named under the study's id: its phase is its own.
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase 3", title=EXTENSION), "an extension's phase"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase 1", title=SUBSTUDY), "a sub-study's phase"),
    (PHASE, None, listed({"phase": "PHASE2"}, stated_phase="Phase 3", title=SIBLING), "a sibling's phase"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase 3", title=SAME), "the same trial's phase"),
    (PHASE, "warning", listed({"phase": "PHASE2"}, stated_phase="Phase 3", title=SAME + " (BARI-SS)"),
     "the same trial by title and acronym"),
    # Titles of the same trial, differently written.
    (TITLE, None, listed(title=SAME), "the same title"),
    (TITLE, None, listed(title=SAME.upper()), "in capitals"),
    (TITLE, None, listed(title="Baricitinib in Primary Sj\u00f6gren's Syndrome."), "an accent and a full stop"),
    (TITLE, None, listed(title="BARI-SS: " + SAME), "the acronym first, a colon"),
    (TITLE, None, listed(title="BARI-SS - " + SAME), "the acronym first, a dash"),
    (TITLE, None, listed(title=SAME + " (BARI-SS)"), "the acronym after"),
    (TITLE, None, listed(title="A Pilot Study of Baricitinib in Primary Sjogren's Syndrome (BARI-SS)"),
     "the official title and the acronym"),
    (TITLE, None, listed({"brief_title": SAME + " (BARI-SS)", "acronym": None}, title=SAME),
     "the acronym the record's title carries, left out"),
    (TITLE, None, listed({"brief_title": "Safety and Efficacy of Baricitinib in Primary Sjogren's Syndrome"},
                         title="Safety & Efficacy of Baricitinib in Primary Sjogren's Syndrome"), "'&' for 'and'"),
    (TITLE, None, listed({"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"},
                         title="Baricitinib vs. Placebo in Primary Sjogren's Syndrome"), "'vs.' for 'Versus'"),
    (TITLE, None, listed({"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"},
                         title="Baricitinib vs Placebo in Primary Sjogren's Syndrome"), "'vs' for 'Versus'"),
    (TITLE, None, listed({"brief_title": "A Randomized Trial of Baricitinib in Primary Sjogren's Syndrome"},
                         title="A Randomised Trial of Baricitinib in Primary Sjogren's Syndrome"), "British spelling"),
    (TITLE, None, listed({"brief_title": "A Study of Baricitinib in Primary Sjogren's Syndrome"},
                         title="Study of Baricitinib in Primary Sjogren's Syndrome"), "without the article"),
    (TITLE, None, listed(title="BARI-SS"), "the acronym alone"),
    (TITLE, None, listed(title="Baricitinib in Primary Sjogren..."), "cut short"),
    # Another trial's title.
    (TITLE, "info", listed(title=EXTENSION), "an extension's title"),
    (TITLE, "info", listed(title=SUBSTUDY), "a sub-study's title"),
    (TITLE, "info", listed(title=SIBLING), "a sibling's title"),
    (TITLE, "info", listed(title="BARI-SS2"), "another acronym"),
    (TITLE, "info", listed({"brief_title": "Drug X in Plaque Psoriasis (PSO-1)", "acronym": None},
                           title="Drug X in Plaque Psoriasis (PSO-2)"), "a sibling differing only in its acronym"),
    (TITLE, "info", listed({"brief_title": "Drug X in Plaque Psoriasis (II)", "acronym": None},
                           title="Drug X in Plaque Psoriasis"), "a title ending in a roman figure, left out"),
    (TITLE, None, listed({"brief_title": "Drug X in Plaque Psoriasis (PSO-1)", "acronym": None},
                         title="Drug X in Plaque Psoriasis"), "a program acronym the record's title carries, left out"),
    (TITLE, "info", listed({"brief_title": "Drug X in Plaque Psoriasis (PSO-1)", "acronym": "PSO-1"},
                           title="PSO-2: Drug X in Plaque Psoriasis"), "a sibling's acronym first"),
    (TITLE, "info", listed({"brief_title": "Baricitinib Versus Placebo in Primary Sjogren's Syndrome"},
                           title="Baricitinib Versus Methotrexate in Primary Sjogren's Syndrome"),
     "another comparator"),
]


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """(severity, message) of each case's rule's findings on its study, by case index."""
    studies, owners = {}, {}
    for index, (_rule, _severity, (related, other), _note) in enumerate(CASES):
        nct_id, other_id = f"NCT0{index + 1:07d}", f"NCT0{index + 501:07d}"
        study = harness.clean_study()
        related(study)
        study["related_studies"][0]["related_nct_id"] = other_id
        own = harness.clean_study()
        other(own)
        studies[other_id] = own
        studies[nct_id] = study
        owners[nct_id] = index
    return harness.findings_of_cases(tmp_path_factory.mktemp("related_lists"), studies, RULES, owners,
                                     [case[0] for case in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0].split('.')[1]}:{CASES[i][3]}")
def test_case(found, index):
    _rule, severity, _change, _note = CASES[index]
    assert [s for s, _ in found[index]] == ([severity] if severity else []), found[index]
