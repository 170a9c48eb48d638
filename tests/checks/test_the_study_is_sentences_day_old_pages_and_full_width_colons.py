"""Three rule families on records written as registries really word them.

- A summary's sentence that opens "The study is ..." or "The trial is ..." ("The study is double-blind.", "- The study
  is not blinded", "The trial is not masked.") speaks of the record's own study, as "This study is ..." does, unless
  it names another study after that opening or it or the sentence before it points at another (checks.design_text's
  `_THE_STUDY_IS_OPENING`).
- A republished page dated a day before the registry's record may copy that very version (a page gives no time
  zone): with the record's status, or none, it is not out of date (cross_source.republished_page_outdated), as
  republished_status_differs already reads such a page. A page two days older still is.
- A sub-heading or a group's label that ends in the full-width colon of Chinese, Japanese and Korean text ("患者组：",
  "Concurrent Medication：", "* Clinicians：", "Inclusion Criteria： 1. Age") ends and starts a list as the ASCII
  colon does (checks.criteria_text, checks.criteria_headings). A bulleted lead-in ending in either colon ("- Patients
  meeting any of the following:") is no criterion, so two alike over other sub-lists state none twice.

The design and page cases are studies of one warehouse, each rule evaluated once over it; the criteria cases are
read without a warehouse.
"""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks import contradictions_criteria
from checks.check_scope import set_scope
from checks.criteria_ages import study_age_findings
from checks.criteria_sex import study_sex_findings
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_cross_source import PAGE, REGISTRY
from tests.checks.harness import BLINDED_RULE, NOT_RANDOMIZED_RULE, OPEN_LABEL_RULE

RULES = {rule.id: rule for rule in checks.all_rules()}
OUTDATED = "cross_source.republished_page_outdated"
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
ALLOCATED = {"allocation": "RANDOMIZED"}

# (rule, design, (field, text), fires): a summary's "The study is ..." sentence about the record's own study.
DESIGN = [
    # quiet before, flagged now
    (BLINDED_RULE, NO_MASKING, ("summary", "The study is double-blind."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "The trial is double-blind and placebo-controlled."), True),
    (BLINDED_RULE, NO_MASKING, ("summary", "- The study is double blind\n- Drug X or placebo for 12 weeks"), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The study is open-label."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The study is not blinded."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "- The study is not blinded\n- Drug X for 12 weeks"), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Adults with asthma will be enrolled. The trial is not masked."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("detail", "Eligible adults receive drug X for 24 weeks. The study is unblinded."), True),
    # flagged before, still flagged
    (BLINDED_RULE, NO_MASKING, ("summary", "The study will be double-blinded."), True),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "The trial will be open label."), True),
    (NOT_RANDOMIZED_RULE, ALLOCATED, ("summary", "The study is not randomised."), True),
]

# The registry's record was last updated on 2026-01-27 (tests/checks/cases_cross_source.py's REGISTRY).
DAY_BEFORE, TWO_DAYS_BEFORE = date(2026, 1, 26), date(2026, 1, 25)
# (layout, page's update date, page's status (the record's is COMPLETED; None: the page shows none), severity or None)
PAGES = [
    # flagged before, quiet now: a day older may be the same version
    ("aggregator_text", DAY_BEFORE, "COMPLETED", None),
    ("aggregator_text", DAY_BEFORE, None, None),
    ("ctgov_classic_text", DAY_BEFORE, "COMPLETED", None),
    ("summary_text", DAY_BEFORE, None, None),
    # still flagged: two days older
    ("aggregator_text", TWO_DAYS_BEFORE, "COMPLETED", "warning"),
    ("ctgov_classic_text", TWO_DAYS_BEFORE, None, "warning"),
]

_DESIGN_IDS = {f"NCT08{n:06d}": case for n, case in enumerate(DESIGN, start=1)}
_PAGE_IDS = {f"NCT07{n:06d}": case for n, case in enumerate(PAGES, start=1)}


def _page_study(layout: str, updated: date, status: str | None) -> dict:
    """The clean study with the registry's record and one republished page of it."""
    study = harness.clean_study()
    page = {**PAGE, "layout": layout, "last_update_posted_date": updated, "overall_status": status}
    study["meta.source_records"] = [{**REGISTRY, "sha256": "1" * 64}, {**page, "sha256": "2" * 64}]
    return study


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    """(rule id, severity) of each finding of the rules the cases name, by study: one warehouse for every case."""
    studies = {nct_id: harness.design_text_study(case[1], [case[2]]) for nct_id, case in _DESIGN_IDS.items()}
    studies.update({nct_id: _page_study(*case[:3]) for nct_id, case in _PAGE_IDS.items()})
    con = harness.warehouse_with(tmp_path_factory.mktemp("study_is_and_pages"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        by_study: dict[str, list[tuple[str, str]]] = {}
        for rule_id in sorted({case[0] for case in DESIGN} | {OUTDATED}):
            rule = RULES[rule_id]
            for f in findings_of(con, rule, scope):
                by_study.setdefault(f.nct_id, []).append((rule_id, f.severity or rule.severity))
        return by_study
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_DESIGN_IDS), ids=[harness.design_or_arms_case_id(c) for c in DESIGN])
def test_a_summary_saying_what_the_study_is_speaks_of_this_study(found, nct_id):
    rule, design, texts, fires = _DESIGN_IDS[nct_id]
    assert any(r == rule for r, _ in found.get(nct_id, [])) is fires, (design, texts, found.get(nct_id))


@pytest.mark.parametrize("nct_id", list(_PAGE_IDS), ids=[f"{c[0]}:{c[1]}:{c[2]}" for c in PAGES])
def test_a_page_a_day_older_may_copy_the_registrys_version(found, nct_id):
    _layout, _updated, _status, severity = _PAGE_IDS[nct_id]
    assert [s for r, s in found.get(nct_id, []) if r == OUTDATED] == ([severity] if severity else [])


TB = "Subjects at risk for tuberculosis with a history of active TB within the last 3 years"
TB2 = "Known hypersensitivity to any component of the study drug or its excipients"
CONSENT = "Signed informed consent form before any study procedure"
# (name, criteria text, the duplicate rule's messages)
DUPLICATES = {
    "the same criterion under two groups' sub-headings": (
        f"入选标准：\n患者组：\n* {CONSENT}\n* Age 18 to 75 years with a confirmed diagnosis of asthma\n健康对照组：\n"
        f"* {CONSENT}", []),
    "the same criterion under topical headings of now and of before": (
        f"Exclusion Criteria:\nCo-existing Condition：\nPatients with the following are excluded：\n- {TB}\n- {TB2}\n"
        f"Prior Medication：\nExcluded within 4 weeks prior to study entry：\n- {TB}", []),
    # a lead-in is no criterion, though the bullet of the item below it follows its colon
    "a lead-in written twice over other sub-lists": (
        f"Exclusion Criteria:\n- Patients meeting any of the following at screening:\n  - {TB}\n  - {TB2}\n"
        "- Patients meeting any of the following at screening:\n  - Pregnant or breastfeeding women", []),
    "a lead-in with a full-width colon written twice": (
        f"Exclusion Criteria:\n* Use of any of the following within 4 weeks before dosing：\n  * {TB2}\n"
        "* Use of any of the following within 4 weeks before dosing：\n  * Strong CYP3A4 inhibitors", []),
    # a guard: a criterion stated twice is still found
    "a criterion twice among bulleted items": (
        f"Exclusion Criteria:\n- {TB}\n- {TB2}\n- Pregnant or breastfeeding women\n- {TB}",
        ["One exclusion criterion appears twice."]),
}
# (name, criteria text, the numbering gap rule's messages)
GAPS = {
    "the first item on the heading's line": ("Inclusion Criteria： 1. Age 18 years or older\n2. ECOG 0-1\n3. Consent",
                                             []),
    "a lead-in, then a list that starts at 2": (
        "Inclusion Criteria:\nPatients must meet all of the following：\n2. ECOG performance status 0-1\n"
        "3. Adequate organ function", ["The numbered inclusion criteria start at 2, so criterion 1 is missing."]),
}


def _messages(rule, cases: dict[str, tuple[str, list[str]]]) -> dict[str, list[str]]:
    """The rule's messages for each case's text, each text one study of one evaluation."""
    return harness.criteria_rule_messages(rule, {name: text for name, (text, _) in cases.items()})


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    return _messages(contradictions_criteria.duplicate_criterion, DUPLICATES)


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    return _messages(contradictions_criteria.criteria_numbering_gap, GAPS)


@pytest.mark.parametrize("name", DUPLICATES)
def test_a_colon_ends_a_sub_heading_or_a_lead_in_for_the_duplicate_rule(duplicate_messages, name):
    assert duplicate_messages[name] == DUPLICATES[name][1]


@pytest.mark.parametrize("name", GAPS)
def test_a_full_width_colon_ends_a_heading_for_the_numbering_rule(gap_messages, name):
    assert gap_messages[name] == GAPS[name][1]


def _listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* None"


@pytest.mark.parametrize("text", [
    _listed("Women aged 40-70 years with breast cancer", "Clinicians：\n  * Oncologists at participating sites"),
    _listed("Men aged 18 and older with HIV", "Nurses：\n  * Registered nurses working on the unit"),
], ids=["clinicians", "nurses"])
def test_other_peoples_label_with_a_full_width_colon_heads_their_criteria_for_the_sex_rule(text):
    assert list(study_sex_findings("NCT00000001", text, "ALL", False)) == []


@pytest.mark.parametrize("text, minimum, maximum", [
    (_listed("Diagnosis of dementia", "Staff：\n  * Aged 18 years or older\n  * Working in the care home"),
     "65 Years", None),
    (_listed("Children with asthma", "Clinicians：\n  * Aged 21 years or older\n  * Treating children at a "
                                     "participating clinic"), "2 Years", "12 Years"),
], ids=["staff", "clinicians"])
def test_other_peoples_label_with_a_full_width_colon_heads_their_criteria_for_the_age_rule(text, minimum, maximum):
    assert list(study_age_findings("NCT00000001", text, minimum, maximum, True)) == []
