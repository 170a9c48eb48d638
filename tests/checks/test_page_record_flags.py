"""Flags on studies read from republished pages: each rule judges only what the page shows, and a page that shows
the contradiction or gap is still flagged. Pages are parsed by their layout's parser and judged in a warehouse."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from tests.checks import harness

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
PARSERS = {module.LAYOUT: module for module in (aggregator_text, ctgov_classic_text, summary_text)}


def _rule(rule_id: str):
    return next(rule for rule in checks.all_rules() if rule.id == rule_id)


def _page(text: str, *changes: tuple[str, str]) -> str:
    """The page text with each (old, new) replaced once."""
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _found(tmp_path: Path, layout: str, text: str, rule_id: str, others: dict | None = None,
           **study) -> list[tuple[str, str, str | None]]:
    """(message, evidence, severity) of the rule's findings on the study the page gives, loaded as the page reads
    (its studies row changed by `study`), beside the `others` studies ({nct_id: tables})."""
    (record,) = PARSERS[layout].parse(text.encode()).records
    tables = {table: [dict(row) for row in rows] for table, rows in record.tables.items()}
    tables["studies"][0].update(source_layout=layout, source_sha256="0" * 64, **study)
    con = harness.warehouse_with(tmp_path, {record.nct_id: tables, **(others or {})})
    rule = _rule(rule_id)
    return [(f.message, f.evidence, f.severity) for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF))]


def _findings(tmp_path: Path, layout: str, text: str, rule_id: str) -> list[tuple[str, str]]:
    """(message, evidence) of the rule's findings on the study the page gives, loaded as the page reads."""
    return [(message, evidence) for message, evidence, _ in _found(tmp_path, layout, text, rule_id)]


# An arm shown without its type ---------------------------------------------------------------------------------

ARM = "protocol.arm_without_intervention"
# meddatax's compact page lists each group by its title and description, then its interventions; no group type.
COMPACT_GROUPS = (GOLDEN / "aggregator_text" / "compact_shared_intervention_NCT09000101.txt").read_text(encoding="utf-8")


def test_a_compact_page_group_without_intervention_or_type_is_not_judged(tmp_path):
    """The compact page shows no group types: its 'Untreated observation' group may be a no-intervention arm."""
    assert "Untreated observation\nParticipants who decline treatment" in COMPACT_GROUPS
    assert _findings(tmp_path, "aggregator_text", COMPACT_GROUPS, ARM) == []


def test_a_labelled_page_arm_of_a_shown_type_without_intervention_is_flagged(tmp_path):
    """The labelled page shows each group's type: a sham comparator arm that lists nothing is flagged."""
    page = "\n".join([
        "A Study", "NCT ID: NCT05980058", "Last Updated: 2025-01-10", "Basic Information",
        "Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets, and key "
        "timeline milestones.", "RECRUITING", "PHASE2", "40 participants", "INTERVENTIONAL", "2024-01-01", "2025-06-30",
        "Study Groups", "Review each arm or cohort in the study, along with the interventions and objectives "
        "associated with them.", "Arm A", "Gets a pill.", "Group Type Active Comparator", "Pill X",
        "Intervention Type Dietary Supplement", "A pill.", "Arm B", "Sham.", "Group Type Sham Comparator",
        "Interventions", "Learn about the drugs, procedures, or behavioral strategies being tested and how they are "
        "applied within this trial.", "Pill X", "A pill.", "Intervention Type Dietary Supplement",
        "More Related Trials", "Additional clinical trials that may be relevant based on similarity analysis."])
    assert _findings(tmp_path, "aggregator_text", page, ARM) == [(
        'The arm "Arm B" receives no intervention, though the record links arms to interventions.',
        "design_groups.title=Arm B; group_type=SHAM_COMPARATOR; no design_group_interventions row")]


# A related trial's status on a trial-summary page's 'See also' list --------------------------------------------

RELATED = "cross_source.related_study_status_differs"
SUMMARY_003 = (GOLDEN / "summary_text" / "003_NCT04966884.txt").read_text(encoding="utf-8")
# The 003 page lists NCT05986162 as 'Not yet recruiting' and NCT03529955 as 'Completed'.
LISTED_LATER = "NCT05986162"
LISTED_CLOSED = "NCT03529955"


def _own_record(nct_id: str, status: str) -> dict:
    """The related study's own registry record: `status`, last updated 2022-03-01."""
    study = harness.clean_study()
    study["studies"][0].update(overall_status=status, brief_title=None, official_title=None)
    return {nct_id: study}


def test_a_see_also_status_the_study_has_moved_on_from_is_out_of_date_not_wrong(tmp_path):
    """The summary page gives no date: a list calling a now recruiting study 'Not yet recruiting' may predate it."""
    assert "Not yet recruiting NCT05986162" in SUMMARY_003
    found = _found(tmp_path, "summary_text", SUMMARY_003, RELATED, _own_record(LISTED_LATER, "RECRUITING"))
    assert found == [(
        "This record says NCT05986162 is NOT_YET_RECRUITING but that study's own record says RECRUITING, a later "
        "stage: this record may have listed it before it moved on (out of date rather than wrong).",
        "related_studies.stated_status = 'NOT_YET_RECRUITING' for NCT05986162 ('Safety and Preliminary Clinical "
        "Activity of Itolizumab in Dermatomyositis'); studies.overall_status of NCT05986162 = 'RECRUITING'; this "
        "record gives no date, that study's own record updated 2022-03-01", "info")]


def test_a_see_also_status_dated_after_the_study_moved_on_is_a_warning(tmp_path):
    """A list dated after the related record's last update gave a stage the study had already left."""
    found = _found(tmp_path, "summary_text", SUMMARY_003, RELATED, _own_record(LISTED_LATER, "RECRUITING"),
                   last_update_posted_date=date(2023, 5, 1), last_update_posted_date_precision="day")
    assert [(message, severity) for message, _, severity in found] == [(
        "This record says NCT05986162 is NOT_YET_RECRUITING but that study's own record says RECRUITING.", "warning")]


def test_a_see_also_status_the_study_never_had_is_a_warning(tmp_path):
    """'Completed' for a study whose own record still recruits is no earlier stage: the list is wrong."""
    found = _found(tmp_path, "summary_text", SUMMARY_003, RELATED, _own_record(LISTED_CLOSED, "RECRUITING"))
    assert [(message, severity) for message, _, severity in found] == [(
        "This record says NCT03529955 is COMPLETED but that study's own record says RECRUITING.", "warning")]


def test_a_see_also_status_dated_before_the_study_moved_on_is_out_of_date(tmp_path):
    """A list dated before the related record's last update gave the stage the study was at then."""
    found = _found(tmp_path, "summary_text", SUMMARY_003, RELATED, _own_record(LISTED_LATER, "COMPLETED"),
                   last_update_posted_date=date(2021, 5, 1), last_update_posted_date_precision="day")
    [(_, evidence, severity)] = found
    assert severity == "info" and evidence.endswith("this record dated 2021-05-01, that study's own record updated "
                                                    "2022-03-01")


def test_a_see_also_status_that_ended_the_study_never_moves_on(tmp_path):
    """A study listed as withdrawn that its own record calls completed was never withdrawn: one of them is wrong."""
    page = _page(SUMMARY_003, ("Not yet recruiting NCT05986162", "Withdrawn NCT05986162"))
    found = _found(tmp_path, "summary_text", page, RELATED, _own_record(LISTED_LATER, "COMPLETED"))
    assert [(message, severity) for message, _, severity in found] == [(
        "This record says NCT05986162 is WITHDRAWN but that study's own record says COMPLETED.", "warning")]
