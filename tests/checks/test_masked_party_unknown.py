"""Open label in the text against SINGLE masking whose one masked party the source does not name (a meddatax compact
page shows no roles; pre-2017 records say 'Single Blind'): that party may be the outcomes assessor, whom a PROBE
trial masks while participants and staff know the treatment, so the text does not contradict the design. Where the
source names the party, or masks two or more, the contradiction stands."""
from __future__ import annotations

import pytest

from tests.checks import harness

RULE = "contradictions.masking_set_text_open_label"
UNNAMED = dict(subject_masked=None, caregiver_masked=None, investigator_masked=None, outcomes_assessor_masked=None)
NAMED = dict(subject_masked=True, caregiver_masked=False, investigator_masked=False, outcomes_assessor_masked=False)
OPEN_SUMMARY = ("summary", "This is an open-label, randomised study of baricitinib in adults.")

CASES = {
    "NCT09000001": (RULE, dict(masking="SINGLE", **UNNAMED), OPEN_SUMMARY, False),
    "NCT09000002": (RULE, dict(masking="SINGLE", **UNNAMED),
                    ("detail", "Patients and physicians will know the treatment: the trial "
                     "is open label, with blinded endpoint evaluation."), False),
    "NCT09000003": (RULE, dict(masking="SINGLE", **NAMED), OPEN_SUMMARY, True),
    "NCT09000004": (RULE, dict(masking="DOUBLE", **UNNAMED), OPEN_SUMMARY, True),
    "NCT09000005": (RULE, dict(masking="SINGLE", subject_masked=False, caregiver_masked=False,
                               investigator_masked=True, outcomes_assessor_masked=False), OPEN_SUMMARY, True),
    "NCT09000006": (RULE, dict(masking="SINGLE", subject_masked=False, caregiver_masked=False,
                               investigator_masked=False, outcomes_assessor_masked=True), OPEN_SUMMARY, False),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("masked_party"), CASES, {RULE})


@pytest.mark.parametrize("nct_id", list(CASES))
def test_open_label_against_one_masked_party_the_source_does_not_name(found, nct_id):
    harness.design_case_found(found, nct_id, CASES[nct_id])
