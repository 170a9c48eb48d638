"""An NCT number not yet issued, a study that left the registry, an old copy — record-level cases.

Every study lives in one warehouse; each rule is evaluated once per as_of day the cases use.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from checks import freshness, identity, registry_presence
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

IDENTITY = "identity.nct_number_not_yet_issued"
LEFT = "registry_presence.left_registry"
OLD = "freshness.copy_is_old"
RULES = {rule.id: rule for rule in identity.RULES + registry_presence.RULES + freshness.RULES}

AS_OF = harness.AS_OF  # Sunday 2026-11-22
EARLY = date(2019, 6, 1)  # a run judged as of an earlier day than some copies were taken

# The registry's id lists that lacked a study: first on 2026-11-01, last on 2026-11-21.
FIRST_MISSING, LAST_MISSING = datetime(2026, 11, 1, 6), datetime(2026, 11, 21, 6)


def _departed(returned: datetime | None = None, first: datetime = FIRST_MISSING) -> dict:
    """The meta.registry_departures row of a study the registry's id lists lacked."""
    return {"meta.registry_departures": [{
        "first_missing_pull": "p1", "first_missing_at": first, "last_missing_pull": "p2",
        "last_missing_at": max(first, LAST_MISSING), "registry_count": 575_000,
        "returned_pull": "p3" if returned else None, "returned_at": returned}]}


def _versions(*layouts: str) -> dict:
    """meta.source_records rows: one stored version of the study from each layout."""
    return {"meta.source_records": [{"sha256": f"{n}" * 64, "layout": layout, "is_current": n == 1}
                                    for n, layout in enumerate(layouts, 1)]}


# (rule, NCT number, studies-row values, other tables, as_of, fires, what the record shows)
CASES = [
    # An NCT number the registry had not issued by the record's own days.
    (IDENTITY, "NCT12345678", {"study_first_posted_date": date(2008, 10, 1)}, {}, AS_OF, True,
     "a placeholder number posted 2008"),
    (IDENTITY, "NCT05000000", {"study_first_posted_date": date(2014, 3, 3)}, {}, AS_OF, True,
     "a 2021 number said to be posted in 2014"),
    (IDENTITY, "NCT06500001", {"study_first_posted_date": None, "snapshot_date": date(2019, 4, 1)}, {}, AS_OF, True,
     "no posting date; our copy, taken in 2019, holds a 2024 number"),
    (IDENTITY, "NCT09000000", {"study_first_posted_date": None, "snapshot_date": date(2026, 4, 9)}, {}, AS_OF, True,
     "no posting date; a number beyond the registry's growth by the copy's day"),
    (IDENTITY, "NCT06500002", {"study_first_posted_date": None, "snapshot_date": date(2026, 4, 9)}, {}, EARLY, False,
     "judged as of 2019, but our copy of it was taken in 2026: the number was issued by then"),
    (IDENTITY, "NCT07000000", {"study_first_posted_date": None, "snapshot_date": date(2026, 10, 1)}, {},
     date(2023, 6, 1), False, "judged as of 2023, a copy taken in October 2026 of a 2025 number"),

    # A study the registry's full id list no longer has.
    (LEFT, "NCT01900001", {"snapshot_date": date(2026, 10, 15)}, _departed(), AS_OF, True,
     "an API v2 copy taken before the id lists that lacked it"),
    (LEFT, "NCT01900002", {"source_layout": "ctgov_xml", "snapshot_date": date(2023, 2, 3)}, _departed(), AS_OF,
     True, "a legacy XML copy"),
    (LEFT, "NCT01900003", {"snapshot_date": date(2026, 11, 10)}, _departed(), AS_OF, True,
     "a copy taken between the first and the last list that lacked it"),
    (LEFT, "NCT01900004", {"source_layout": "aggregator_text", "snapshot_date": None},
     {**_departed(), **_versions("aggregator_text", "ctgov_json_v2")}, AS_OF, True,
     "its current version a republished page, an earlier one the registry's own record"),
    (LEFT, "NCT01900005", {"source_layout": "summary_text", "snapshot_date": None},
     {**_departed(), **_versions("summary_text", "ctgov_xml")}, AS_OF, True,
     "a summary page over a legacy XML version"),
    (LEFT, "NCT01900006", {"snapshot_date": date(2026, 6, 1)}, _departed(first=datetime(2026, 11, 22, 6)), AS_OF,
     True, "missing from the list taken on as_of"),
    (LEFT, "NCT01900007", {"source_layout": "aggregator_text", "snapshot_date": None},
     {**_departed(), **_versions("aggregator_text")}, AS_OF, False,
     "only a republishing site's page: the registry may never have listed the number"),
    (LEFT, "NCT01900008", {"source_layout": "ctgov_classic_text", "snapshot_date": None}, _departed(), AS_OF, False,
     "only a clincosm.com page, no stored version"),
    (LEFT, "NCT01900009", {"source_layout": "summary_text", "snapshot_date": None},
     {**_departed(), **_versions("summary_text", "aggregator_text")}, AS_OF, False,
     "two republished pages, no registry record"),
    (LEFT, "NCT01900010", {"snapshot_date": date(2026, 11, 21)}, _departed(), AS_OF, False,
     "the registry served a copy the day its last list lacked the study"),
    (LEFT, "NCT01900011", {"snapshot_date": date(2026, 11, 25)}, _departed(), AS_OF, False,
     "a copy the registry served after the last list that lacked it"),

    # Our copy of the record is older than the threshold (10 business days).
    (OLD, "NCT01800001", {"snapshot_date": date(2026, 11, 5)}, {}, AS_OF, True, "Thursday 11-05: 12 business days"),
    (OLD, "NCT01800002", {"snapshot_date": date(2026, 10, 31)}, {}, AS_OF, True,
     "a month-only version date, kept on its last day (a Saturday)"),
    (OLD, "NCT01800003", {"snapshot_date": date(2025, 12, 31), "source_layout": "ctgov_xml"}, {}, AS_OF, True,
     "a legacy XML copy processed at the end of 2025"),
    (OLD, "NCT01800004", {"snapshot_date": date(2019, 5, 1)}, {}, EARLY, True,
     "judged as of 2019-06-01, a copy taken a month before"),
]


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[tuple[str, date], set[str]]:
    """The studies each rule flags as of each day the cases use, all cases' studies in one warehouse."""
    studies = {}
    for _rule, nct_id, values, tables, _as_of, _fires, _note in CASES:
        study = harness.clean_study()
        study["studies"][0].update(values)
        study.update(tables)
        studies[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("identity_freshness"), studies)
    try:
        found = {}
        for as_of in sorted({case[4] for case in CASES}):
            scope = set_scope(con, None, as_of)
            for rule in RULES.values():
                found[rule.id, as_of] = {f.nct_id for f in findings_of(con, rule, scope)}
        return found
    finally:
        con.close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0].split('.')[1]}:{'fires' if c[5] else 'quiet'}:{c[6]}")
def test_case(flagged, case):
    rule, nct_id, _values, _tables, as_of, fires, note = case
    assert (nct_id in flagged[rule, as_of]) == fires, note


def test_an_unissued_number_is_dated_by_our_copy_when_the_record_gives_no_posting(tmp_path):
    """The message names the day the record shows it existed: the copy's, not an earlier as_of."""
    shapes = {"copy": ("NCT09500000", {"study_first_posted_date": None, "snapshot_date": date(2026, 4, 9)}, {})}
    (rule, severity, message, evidence), = harness.shape_findings(tmp_path, shapes, [RULES[IDENTITY]])["copy"]
    assert (rule, severity) == (IDENTITY, "error")
    assert message == ("The NCT number NCT09500000 had not been issued by the end of 2027 (as of 2026-04-09): "
                       "the identifier is likely fake or mistyped.")
    assert evidence.endswith("highest number issued by 2027 ≈ NCT08500000")
