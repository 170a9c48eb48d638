"""contradictions.study_type_text_observational says which side is the likely slip where the record's own design is a
trial's: an interventional record whose text calls it observational while its allocation is RANDOMIZED ("Randomized.
Double blind. In this observational study, subjects were assigned to calcium or to placebo", NCT00000543; "A
Randomized, Doubled-Blinded, Comparative Group Observational Study" of a vaccine against saline, NCT04523246), or
whose masked design gives an arm a placebo or sham, is a trial, and the text's word is the slip. A record not
randomized, unmasked or without a placebo arm keeps the plain message: its type or its text may be wrong.

Every case is one study of one warehouse built once for the module; the finding stays a warning.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = harness.OBSERVATIONAL_RULE
_MASKED = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
_OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
_PLACEBO_ARMS = [{"group_type": "EXPERIMENTAL", "title": "Drug X", "description": "Drug X once daily"},
                 {"group_type": "PLACEBO_COMPARATOR", "title": "Saline", "description": "Normal saline injections"}]
_DOSE_ARMS = [{"group_type": "EXPERIMENTAL", "title": "Drug X 2 mg", "description": "Drug X 2 mg once daily"},
              {"group_type": "EXPERIMENTAL", "title": "Drug X 4 mg", "description": "Drug X 4 mg once daily"}]
_ONE_ARM = [{"group_type": "EXPERIMENTAL", "title": "Drug X", "description": "Drug X once daily"}]
_PLAIN = "Study type is INTERVENTIONAL but the {label} says '{phrase}'."
_SLIP = ("Study type is INTERVENTIONAL but the {label} says '{phrase}', while the record's own design is a trial's "
         "({why}): the text's word is the likely slip, not the study type.")
_RANDOMIZED = "its allocation is RANDOMIZED"

# (design, arms, field, text, message expected: _SLIP or _PLAIN filled with the quoted phrase and why)
CASES = [
    # Randomized: the record is a trial, whatever its masking or arms.
    ({"allocation": "RANDOMIZED", **_MASKED}, _PLACEBO_ARMS, "detail",
     "Randomized. Double blind. In this observational study, subjects were assigned to calcium or to placebo.",
     _SLIP.format(label="detailed description", phrase="observational study", why=_RANDOMIZED)),
    ({"allocation": "RANDOMIZED", **_MASKED}, _PLACEBO_ARMS, "official_title",
     "Drug X Against COVID-19: A Randomized, Doubled-Blinded, Comparative Group Observational Study",
     _SLIP.format(label="official title", phrase="Observational Study", why=_RANDOMIZED)),
    ({"allocation": "RANDOMIZED", **_OPEN}, _DOSE_ARMS, "detail",
     "This is a multi-site, unblinded, randomized, observational study performed in the operating room.",
     _SLIP.format(label="detailed description", phrase="observational study", why=_RANDOMIZED)),
    # Masked, beside an arm given a placebo or sham.
    ({"allocation": "NON_RANDOMIZED", **_MASKED}, _PLACEBO_ARMS, "official_title",
     "A Prospective Observational Study of Drug X in Asthma",
     _SLIP.format(label="official title", phrase="Observational Study",
                  why="it is masked (DOUBLE) and gives an arm a placebo or sham")),
    # Not randomized, and unmasked or without a placebo arm; a single group: the plain message.
    ({"allocation": "NON_RANDOMIZED", **_OPEN}, _PLACEBO_ARMS, "official_title",
     "A Prospective Observational Study of Drug X in Asthma",
     _PLAIN.format(label="official title", phrase="Observational Study")),
    ({"allocation": "NON_RANDOMIZED", **_MASKED}, _DOSE_ARMS, "official_title",
     "A Prospective Observational Study of Drug X in Asthma",
     _PLAIN.format(label="official title", phrase="Observational Study")),
    ({"allocation": "NA", "intervention_model": "SINGLE_GROUP", **_OPEN}, _ONE_ARM, "official_title",
     "Retrospective Review of Drug X in Anaemia", _PLAIN.format(label="official title", phrase="Retrospective Review")),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str, str]]:
    """(severity, message, evidence) of the rule's finding by study, one warehouse holding every case."""
    studies = {}
    for nct_id, (design, arms, field, text, _message) in _IDS.items():
        study = studies[nct_id] = harness.design_text_study(design, [(field, text)])
        study["design_groups"] = [dict(arm) for arm in arms]
    con = harness.warehouse_with(tmp_path_factory.mktemp("observational_message"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        rule = next(r for r in RULES if r.id == RULE)
        return {f.nct_id: (f.severity or rule.severity, f.message, f.evidence) for f in findings_of(con, rule, scope)}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{c[0]['allocation']}:{c[3][:50]}" for c in _IDS.values()])
def test_the_message_names_the_likely_slip_where_the_design_is_a_trials(found, nct_id):
    _design, _arms, _field, text, message = _IDS[nct_id]
    assert nct_id in found, text
    severity, said, _evidence = found[nct_id]
    assert (severity, said) == ("warning", message)


def test_the_evidence_states_the_field_that_shows_the_trial(found):
    _severity, _message, evidence = found["NCT00000001"]
    assert evidence.startswith("studies.study_type = 'INTERVENTIONAL'; designs.allocation = 'RANDOMIZED'; "
                               "detailed_descriptions.description: ")
    _severity, _message, evidence = found["NCT00000004"]
    assert evidence.startswith("studies.study_type = 'INTERVENTIONAL'; designs.masking = 'DOUBLE'; ")
