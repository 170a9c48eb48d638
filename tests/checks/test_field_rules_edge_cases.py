"""What the field rules say of edge-case records: severity and message, not only whether they fire."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_cross_source import other, related
from tests.checks.cases_missing_fields import both, rows, study

RULES = {rule.id: rule for rule in checks.all_rules()}


def _found(tmp_path, rule_id: str, change, others=()):
    case = harness.Case(rule_id, True, change, others=list(others))
    con = harness.case_warehouse(tmp_path, case)
    scope = set_scope(con, None, case.as_of)
    rule = RULES[rule_id]
    return [(f.severity or rule.severity, f.message, f.evidence)
            for f in findings_of(con, rule, scope) if f.nct_id == case.nct_id]


@pytest.mark.parametrize("rule_id, change, message, evidence", [
    ("missing_fields.no_title", study(brief_title="N/A", official_title="N/A"),
     "Study has no title, only 'N/A'.", 'brief_title="N/A"'),
    ("missing_fields.no_title", study(brief_title=" \t", official_title=None), "Study has no title.", ""),
    ("missing_fields.no_conditions", rows("conditions", [{"name": "Not applicable"}, {"name": "-"}]),
     "Study lists no condition or disease, only '-', 'Not applicable'.",
     "conditions: 2 row(s), none with a name but a placeholder: '-', 'Not applicable'"),
    ("missing_fields.no_conditions", rows("conditions", []), "Study lists no condition or disease.",
     "conditions: 0 row(s), none with a name"),
    ("missing_fields.no_primary_outcome", rows("design_outcomes", [{"outcome_type": "primary", "measure": "TBD"}]),
     "Interventional study lists no primary outcome, only 'TBD'.", "none with a primary measure but a placeholder"),
])
def test_a_placeholder_is_named_as_such(tmp_path, rule_id, change, message, evidence):
    [(_severity, found_message, found_evidence)] = _found(tmp_path, rule_id, change)
    assert found_message == message
    assert evidence in found_evidence


def test_a_placeholder_of_a_record_before_fdaaa_is_info(tmp_path):
    change = both(study(study_first_posted_date=date(2005, 9, 13)),
                  rows("design_outcomes", [{"outcome_type": "primary", "measure": "N/A"}]))
    [(severity, message, evidence)] = _found(tmp_path, "missing_fields.no_primary_outcome", change)
    assert severity == "info" and "before FDAAA" in evidence and message.endswith("only 'N/A'.")


def test_a_last_known_status_shown_for_an_unknown_study_is_info(tmp_path):
    found = _found(tmp_path, "cross_source.related_study_status_differs", related(stated_status="Recruiting"),
                   other(overall_status="UNKNOWN", last_known_status="RECRUITING"))
    [(severity, message, evidence)] = found
    assert severity == "info"
    assert message == ("This record says NCT02000002 is Recruiting, its last known status, but that study's own "
                       "record now says UNKNOWN (not verified for two years).")
    assert evidence.endswith("studies.last_known_status of NCT02000002 = 'RECRUITING'")


@pytest.mark.parametrize("stated, last_known", [("Completed", "RECRUITING"), ("Active, not recruiting", "RECRUITING")])
def test_another_status_than_the_last_known_is_a_warning(tmp_path, stated, last_known):
    found = _found(tmp_path, "cross_source.related_study_status_differs", related(stated_status=stated),
                   other(overall_status="UNKNOWN", last_known_status=last_known))
    [(severity, message, _evidence)] = found
    assert severity == "warning"
    assert message == f"This record says NCT02000002 is {stated} but that study's own record says UNKNOWN."
