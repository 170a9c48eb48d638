"""contradictions.masking_none_text_party_masked on phrases as records word them (cases_masking_assessor.py): masking
NONE on a randomized study whose text masks its outcome assessor or another recorded party to the assigned
intervention (warning), or names only a blinded central review of scans (info); quiet otherwise.

Every phrase is one study of one warehouse, built once for the module.
"""
from __future__ import annotations

import pytest

from checks import contradictions_design
from checks.check_scope import set_scope
from checks.design_masked_party import masked_party_named
from checks.design_masked_people import BLINDED_CENTRAL_REVIEW, MASKED_PARTY
from checks.design_text import claims, matches
from checks.rule_findings import findings_of
from checks.study_text import StudyText
from tests.checks import harness
from tests.checks.cases_masking_assessor import FIRING, INFO, PHRASES, QUIET, QUIET_CASES, RULE, WARNING

_IDS = harness.numbered_cases(PHRASES)


def _study(case: tuple) -> dict:
    design, field, text, _ = case
    return harness.design_text_study(design, text if field == "texts" else [(field, text)])


@pytest.fixture(scope="module")
def severities(tmp_path_factory) -> dict[str, str]:
    """The severity of the rule's finding on each phrase's study, by NCT number (no finding: absent)."""
    (rule,) = [r for r in contradictions_design.RULES if r.id == RULE]
    con = harness.warehouse_with(tmp_path_factory.mktemp("masking_assessor"),
                                 {nct_id: _study(case) for nct_id, case in _IDS.items()})
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {f.nct_id: f.severity or rule.severity for f in findings_of(con, rule, scope)}
    finally:
        con.close()


def _case_id(case: tuple) -> str:
    _, field, text, expected = case
    shown = " / ".join(t for _, t in text) if field == "texts" else text
    return f"{expected or 'quiet'}:{shown}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_phrase_gives_the_finding_it_should(severities, nct_id):
    design, field, text, expected = _IDS[nct_id]
    assert severities.get(nct_id) == expected, (design, field, text)


def test_there_are_enough_phrases_on_each_side():
    assert sum(1 for *_, expected in FIRING if expected in (WARNING, INFO)) >= 25
    assert len(QUIET_CASES) >= 40 and all(expected is QUIET for *_, expected in QUIET_CASES)
    assert {expected for *_, expected in FIRING} == {WARNING, INFO}


def test_the_finding_quotes_the_masked_party_and_says_why(tmp_path):
    (rule,) = [r for r in contradictions_design.RULES if r.id == RULE]
    assert rule.severity == WARNING
    study = harness.design_text_study(FIRING[0][0], [("summary", "Outcome assessors will be blinded to treatment "
                                                                 "allocation.")])
    con = harness.warehouse_with(tmp_path, {"NCT09000001": study})
    try:
        (found,) = findings_of(con, rule, set_scope(con, None, harness.AS_OF))
    finally:
        con.close()
    assert found.message == ("Masking is NONE but the brief summary says 'Outcome assessors will be blinded': "
                             "someone is masked to the assigned intervention.")
    assert found.evidence.startswith("designs.masking = 'NONE'; brief_summaries.description: '")


# (text, [(phrase, names a recorded party masked to the assignment)]): what MASKED_PARTY reads in a masking
# description, and whether each claim names a party the registry records masked to the assigned intervention.
PARTIES = [
    ("Outcome assessors will be blinded to treatment allocation.", [("Outcome assessors will be blinded", True)]),
    ("The statistician will be blinded to treatment allocation.", [("blinded to treatment allocation", False)]),
    ("Participants and the statistician will be blinded to group allocation.",
     [("Participants and the statistician will be blinded", True)]),
    ("The statistician and the participants will be blinded to group allocation.",
     [("participants will be blinded", False)]),
    ("Laboratory staff will be blinded.", [("staff will be blinded", False)]),
    ("The MRI readers will be blinded to clinical information and treatment assignment.",
     [("readers will be blinded", True)]),
    ("Participants will know their allocation; the physiotherapist who assesses outcomes will be blinded to the "
     "treatment arm.", [("physiotherapist who assesses outcomes will be blinded", True)]),
    ("The central reader will be blinded to patient identity.", [("reader will be blinded", False)]),
    ("Observers are unaware of the study hypothesis.", [("Observers are unaware", False)]),
    ("Observers are unaware of the allocated treatment.", [("Observers are unaware", True)]),
    ("Blinded outcome assessment (blinded to treatment group).",
     [("Blinded outcome assessment", True), ("blinded to treatment group", True)]),
    ("Blinded assessment of the primary outcome.", [("Blinded assessment", True)]),
]


@pytest.mark.parametrize("text, expected", PARTIES, ids=[t for t, _ in PARTIES])
def test_a_claim_names_a_recorded_party_masked_to_the_assignment(text, expected):
    found = claims([StudyText("designs.masking_description", text)], MASKED_PARTY)
    assert [(c.phrase, masked_party_named(c)) for c in found] == expected


def test_a_blinded_central_review_is_read_in_its_spellings():
    texts = ["by BICR", "blinded independent central review", "Blinded Independent Review Committee (BIRC)",
             "blinded central imaging review", "blinded\u2010independent central review"]
    assert all(BLINDED_CENTRAL_REVIEW.search(t) for t in texts)
    assert not any(BLINDED_CENTRAL_REVIEW.search(t) for t in ["independent central review", "bicrural", "Bicr"])


# Every shape of both patterns, read at the anchors of the folded text as everywhere: in ASCII, with a character
# that makes the whole text searched, and in non-ASCII spellings (ſ, İ).
ANCHORED = [
    "Outcome assessors will be blinded to treatment allocation; an assessor-blinded, open-label trial with blinded "
    "outcome assessment, a Masked Endpoint Committee, raters unaware of the arm. The evaluator is masked. Single "
    "(Outcomes Assessor); a PROBE design; uninformed as to group; examiners are blinded; observer-blind; readers are "
    "masked; blinded adjudication; by BICR, a BIRC and blinded independent central review. Investigator-blinded; "
    "a blinded physiotherapist; research assistants will be masked; study staff are blinded; caregivers will be "
    "blinded; physiotherapists will remain blinded.",
    "Outcome aſſeſſors are maſked to the İntervention group; ſingle (outcomes aſſeſſor); blİnded independent "
    "central review.",
]


@pytest.mark.parametrize("pattern", [MASKED_PARTY, BLINDED_CENTRAL_REVIEW], ids=["masked party", "central review"])
def test_matches_tried_at_anchors_are_every_match(pattern):
    for text in ANCHORED + [ANCHORED[0] + " ſ"]:
        source = StudyText("f", text)
        found = [(m.span(), m.groups()) for m in matches(source, pattern)]
        assert found == [(m.span(), m.groups()) for m in pattern.finditer(text)] != []
