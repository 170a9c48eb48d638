"""A missing phase is judged by the era of the record, as the other data elements FDAAA 801 made required: a legacy
record of 1999 that gives no phase is worth knowing (info), a record made public after FDAAA is still warned."""
from __future__ import annotations

from datetime import date

import pytest

from checks import missing_fields
from tests.checks import harness

PHASE = "missing_fields.no_phase"
RULES = {rule.id: rule for rule in missing_fields.RULES}
LEGACY_1999 = dict(source_layout="ctgov_xml", **harness.ENDED_BEFORE_FDAAA, study_first_posted_date=date(1999, 11, 1))

# name: (studies values, tables, rule, the (severity, evidence ending) it must find; None: quiet)
SHAPES = {
    "legacy record of 1999, no phase": (dict(LEGACY_1999, phase=None), {}, PHASE,
                                        ("info", "first posted 1999-11-01, before FDAAA required it")),
    "legacy record of 1999, blank phase": (dict(LEGACY_1999, phase=" "), {}, PHASE,
                                           ("info", "first posted 1999-11-01, before FDAAA required it")),
    "record of 2019, no phase": (dict(phase=None, study_first_posted_date=date(2019, 3, 1)), {}, PHASE,
                                 ("warning", "study_type=INTERVENTIONAL")),
    "legacy record of 1999, phase NA": (dict(LEGACY_1999, phase="NA"), {}, PHASE, None),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return harness.judged_shape_findings(tmp_path_factory.mktemp("missing_phase"), SHAPES, RULES)


@pytest.mark.parametrize("name", list(SHAPES))
def test_a_missing_phase_is_judged_by_the_record_s_era(found, name):
    expected = SHAPES[name][3]
    if expected is None:
        assert found[name] == []
        return
    [(rule_id, severity, message, evidence)] = found[name]
    assert (rule_id, severity, message) == (PHASE, expected[0], "Interventional study gives no phase.")
    assert evidence.endswith(expected[1]), evidence
