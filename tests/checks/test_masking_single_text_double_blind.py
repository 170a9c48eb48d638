"""contradictions.masking_single_text_double_blind: masking SINGLE while the study's own text calls its blinded design
double-, triple- or quadruple-blind, read as masking_none_text_blinded reads a blinded design for a masking of NONE
(not another trial, a run-in, outcomes assessed blind, a trial supposed, a part done before), and quiet where the text
calls any of it single-blind or gives no number of masked parties ("blinded study", "double-dummy").

Every case is one randomized, parallel study of one warehouse built once for the module.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.contradictions_design_words import RULES
from checks.rule_findings import findings_of
from tests.checks import harness

RULE = "contradictions.masking_single_text_double_blind"
SINGLE = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": False}
SINGLE_NO_PARTY = {"masking": "SINGLE", "subject_masked": None, "investigator_masked": None}
NONE = harness.NO_MASKING
DOUBLE = harness.DOUBLE_MASKED

# (design, field, text, fires)
CASES = [
    # The study's own words: a title, its summary, a design sentence, the masking description.
    (SINGLE, "official_title", "Prospective, Randomized, Double-blinded, Placebo-controlled, Cross-over Trial of "
                               "Endoscopically Guided Drug X", True),
    (SINGLE, "summary", "A randomized, double-blinded, two-way crossover study investigating the headache inducing "
                        "effect of drug X in healthy volunteers.", True),
    (SINGLE, "detail", "We conducted a double-blinded, randomized control trial to compare accuracy, efficacy and "
                       "safety of two techniques.", True),
    (SINGLE_NO_PARTY, "detail", "PROTOCOL OUTLINE: This is a randomized, double blind, placebo controlled, 3 way "
                                "crossover study.", True),
    (SINGLE, "official_title", "A Randomized, Double Blind, Placebo-Controlled Phase II Trial of Drug X", True),
    (SINGLE, "official_title", "A Randomized, Triple-blind, Placebo-controlled Trial of Drug X in Asthma", True),
    (SINGLE, "official_title", "A Quadruple-masked Randomized Trial of Drug X", True),
    (SINGLE, "official_title", "A Phase 3, R, DB, PC Study of Drug X in Asthma", True),
    (SINGLE, "masking_description", "Double-blind: participants and investigators do not know the assignment.", True),
    (SINGLE, "model_description", "Randomized, double-masked, parallel-group design", True),
    (SINGLE, "summary", "This double\u2013blind study compares drug X with placebo.", True),
    # Single-blind somewhere in the text: a masking of SINGLE describes that part or group.
    (SINGLE, "official_title", "A Randomized, Single-blind, Placebo-controlled Trial of Drug X", False),
    (SINGLE, "texts", (("official_title", "A Randomized, Double-blind Trial of Drug X"),
                       ("masking_description", "Single blind: only the participants are masked.")), False),
    (SINGLE, "detail", "A 12-week double-blind period is followed by a single-blind extension.", False),
    # No number of masked parties.
    (SINGLE, "official_title", "A Randomized, Blinded, Placebo-controlled Trial of Drug X", False),
    (SINGLE, "official_title", "A Randomized, Double-dummy Study of Drug X Versus Drug Y", False),
    # Another trial, trials in general, a trial supposed or to come.
    (SINGLE, "summary", "Yee et al. has published a double-blinded randomized placebo-controlled trial on drug X in "
                        "2014.", False),
    (SINGLE, "detail", "A previous double-blind trial showed that drug X lowers pain.", False),
    (SINGLE, "detail", "Double-blind trials of drug X have shown benefit.", False),
    (SINGLE, "detail", "If this pilot is successful, a double-blind trial will be conducted.", False),
    (SINGLE, "detail", "A double-blind trial would be needed to confirm these findings.", False),
    # Denied; a run-in; outcomes assessed blind; a food challenge; a part done before; another abbreviation.
    (SINGLE, "summary", "This study is not double-blind: everyone but the participants knows the treatment.", False),
    (SINGLE, "detail", "All participants enter a double-blind placebo run-in before randomization.", False),
    (SINGLE, "detail", "Outcomes will be assessed in a double-blind manner.", False),
    (SINGLE, "official_title", "Oral Immunotherapy Confirmed by a Double-blind, Placebo-controlled Food Challenge",
     False),
    (SINGLE, "detail", "Participants who completed the previous double-blind phase receive drug X.", False),
    (SINGLE, "detail", "This is in principle a double-blind study.", False),
    (SINGLE, "masking_description", "The study is in theory double-blind. However, it is not possible to blind "
                                    "completely as patients see their treatment.", False),
    (SINGLE, "official_title", "Open-label Extension Study of the Phase 3 ABC-301 Double-Blind Trial", False),
    (SINGLE, "detail", "Hearing thresholds of 30 DB or more are required.", False),
    # Other maskings: NONE is masking_none_text_blinded's, DOUBLE agrees.
    (NONE, "official_title", "A Randomized, Double-blind Trial of Drug X", False),
    (DOUBLE, "official_title", "A Randomized, Double-blind Trial of Drug X", False),
    (DOUBLE, "official_title", "A Randomized, Triple-blind Trial of Drug X", False),
]
_IDS = harness.numbered_cases(CASES)


def _texts(field: str, text) -> list[tuple[str, str]]:
    return list(text) if field == "texts" else [(field, text)]


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str, str]]:
    """(severity, message, evidence) of the rule's finding on each case's study, one warehouse holding every case."""
    studies = {nct_id: harness.design_text_study(design, _texts(field, text))
               for nct_id, (design, field, text, _fires) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("single_double_blind"), studies)
    try:
        rule = next(rule for rule in RULES if rule.id == RULE)
        return {f.nct_id: (f.severity or rule.severity, f.message, f.evidence)
                for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{'fires' if c[3] else 'quiet'}:{c[2]}" for c in _IDS.values()])
def test_a_single_masking_against_a_double_blind_text(found, nct_id):
    design, field, text, fires = _IDS[nct_id]
    assert (nct_id in found) is fires, text
    if fires:
        assert found[nct_id][0] == "warning"


def test_the_message_names_the_masked_party_and_quotes_the_text(found):
    nct_id = next(n for n, case in _IDS.items() if case[2].startswith("Prospective, Randomized, Double-blinded"))
    severity, message, evidence = found[nct_id]
    assert message == ("Masking is SINGLE (Participant) but the official title says 'Double-blinded': a double-blind "
                       "design masks at least two parties.")
    assert evidence.startswith("designs.masking = 'SINGLE (Participant)'; studies.official_title: 'Prospective, "
                               "Randomized, Double-blinded")
    no_party = next(n for n, case in _IDS.items() if case[0] is SINGLE_NO_PARTY)
    assert found[no_party][1].startswith("Masking is SINGLE but the detailed description says 'double blind'")
