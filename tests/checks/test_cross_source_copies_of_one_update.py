"""The registry's API v2 record, its legacy XML and a clincosm page of one update, each as its source words it
(display labels, 'Anticipated' dates to the month, '60 participants'), read by their parsers and compared by
cross_source.same_update_disagrees: copies that agree once read stay quiet, copies that differ are flagged."""
from __future__ import annotations

from pathlib import Path

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.parsers import ctgov_classic_text, ctgov_json_v2, ctgov_xml
from tests.checks import harness

FIXTURES = Path(__file__).parent.parent / "fixtures" / "multi_source"
RULE = next(rule for rule in checks.all_rules() if rule.id == "cross_source.same_update_disagrees")
COLUMNS = ("last_update_posted_date", "overall_status", "phase", "study_type", "enrollment", "enrollment_type",
           "start_date", "start_date_precision", "primary_completion_date", "primary_completion_date_precision",
           "completion_date", "completion_date_precision", "brief_title")
JSON, XML, PAGE = ((ctgov_json_v2, "NCT04916756.json"), (ctgov_xml, "NCT04916756.xml"),
                   (ctgov_classic_text, "NCT04916756.clincosm.txt"))


def _json(status="COMPLETED", phases='"PHASE1", "PHASE2"', completion='"2021-03-25", "type": "ACTUAL"',
          enrollment='11, "type": "ACTUAL"'):
    return {'"overallStatus": "COMPLETED"': f'"overallStatus": "{status}"',
            '"phases": ["PHASE1", "PHASE2"]': f'"phases": [{phases}]',
            '"completionDateStruct": {"date": "2021-03-25", "type": "ACTUAL"}':
                f'"completionDateStruct": {{"date": {completion}}}',
            '"enrollmentInfo": {"count": 11, "type": "ACTUAL"}': f'"enrollmentInfo": {{"count": {enrollment}}}'}


def _xml(status="Completed", phase="Phase 1/Phase 2", completion='type="Actual">March 25, 2021',
         enrollment='type="Actual">11'):
    return {"<overall_status>Completed</overall_status>": f"<overall_status>{status}</overall_status>",
            "<phase>Phase 1/Phase 2</phase>": f"<phase>{phase}</phase>",
            '<completion_date type="Actual">March 25, 2021</completion_date>':
                f"<completion_date {completion}</completion_date>",
            '<enrollment type="Actual">11</enrollment>': f"<enrollment {enrollment}</enrollment>"}


def _page(status="Completed", phase="Phase 1/Phase 2", completion="Actual Study Completion Date :\nMar 25, 2021",
          enrollment="Actual Enrollment :\n11 participants"):
    return {"Overall Status\nCompleted": f"Overall Status\n{status}", "\nPhase 1/Phase 2\n": f"\n{phase}\n",
            "Actual Study Completion Date :\nMar 25, 2021": completion,
            "Actual Enrollment :\n11 participants": enrollment}


ESTIMATED_2024 = dict(completion='"2024-03", "type": "ESTIMATED"', enrollment='60, "type": "ESTIMATED"')
ANTICIPATED_2024 = dict(completion='type="Anticipated">March 2024', enrollment='type="Anticipated">60')
PAGE_2024 = dict(completion="Estimated Study Completion Date :\nMarch 2024",
                 enrollment="Estimated Enrollment :\n60 participants")
# (the three copies' replacements, whether the copies disagree, what the copies show)
CASES = [
    ((_json("ACTIVE_NOT_RECRUITING", **ESTIMATED_2024), _xml("Active, not recruiting", **ANTICIPATED_2024),
      _page("Active, not recruiting", **PAGE_2024)), False, "active, not recruiting; March 2024 anticipated; 60"),
    ((_json(phases='"PHASE2", "PHASE3"'), _xml(phase="Phase 2/Phase 3"), _page(phase="Phase 2/Phase 3")), False,
     "Phase 2/Phase 3"),
    ((_json(phases='"NA"'), _xml(phase="N/A"), _page(phase="N/A")), False, "phase N/A"),
    ((_json("ENROLLING_BY_INVITATION"), _xml("Enrolling by invitation"), _page("Enrolling by invitation")), False,
     "enrolling by invitation"),
    ((_json("RECRUITING"), _xml("Unknown status"), _page("Recruiting")), False,
     "recruiting, the legacy copy taken after the registry showed it as UNKNOWN"),
    ((_json(), _xml(), _page("Recruiting")), True, "a page saying recruiting of a completed version"),
    ((_json(**ESTIMATED_2024), _xml(**ANTICIPATED_2024),
      _page(**{**PAGE_2024, "completion": "Estimated Study Completion Date :\nApril 2024"})), True,
     "a page's April 2024 against March 2024"),
    ((_json(**ESTIMATED_2024), _xml(enrollment='type="Anticipated">66', completion=ANTICIPATED_2024["completion"]),
      _page(**PAGE_2024)), True, "the legacy copy's 66 against 60"),
]


def _read(source: tuple, replacements: dict[str, str]) -> dict:
    """The meta.source_records values of a fixture copy with `replacements` made (each must apply)."""
    module, name = source
    text = (FIXTURES / name).read_text()
    for old, new in replacements.items():
        assert old in text, (name, old)
        text = text.replace(old, new)
    row = module.parse(text.encode()).records[0].tables["studies"][0]
    return {"layout": module.LAYOUT, "path": name, **{c: row.get(c) for c in COLUMNS}}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> set[str]:
    """The studies (one per case) the rule flags, each case's three copies read by their parsers."""
    studies = {}
    for index, (replacements, _fires, _note) in enumerate(CASES):
        study = harness.clean_study()
        study["meta.source_records"] = [{**_read(source, change), "sha256": f"{n}" * 64, "is_current": n == 1}
                                        for n, (source, change) in enumerate(zip((JSON, XML, PAGE), replacements), 1)]
        studies[f"NCT0{6001 + index:07d}"] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("cross_source_copies"), studies)
    try:
        return {f.nct_id for f in findings_of(con, RULE, set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: CASES[i][2])
def test_copies_of_one_update(flagged, index):
    _replacements, fires, note = CASES[index]
    assert (f"NCT0{6001 + index:07d}" in flagged) == fires, note
