"""The design rules' lazy claim questions give what reading every claim of every text gives.

`first_affirmed` judges a match's sentence only when it is not denied and stops at the claim it finds;
`only_denied` stops at the first affirmed claim and judges a denial only while no claim was found; both
skip a text without the pattern's needle words. Each is compared with the plain answer from `claims`.
"""
from __future__ import annotations

import itertools
import random

import pytest

from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED
from checks.design_masking_terms import BLINDED, OPEN_LABEL
from checks.design_text import claims, claims_in, first_affirmed, only_denied
from checks.study_text import StudyText

PATTERNS = {"blinded": BLINDED, "open label": OPEN_LABEL, "randomized": RANDOMIZED, "observational": OBSERVATIONAL}


def _plain_first_affirmed(sources, pattern):
    return next((c for c in claims(sources, pattern) if not c.negated), None)


def _plain_only_denied(sources, pattern):
    found = claims(sources, pattern)
    return found[0] if found and all(c.negated for c in found) else None


def _key(claim):
    return None if claim is None else (claim.source.field, claim.source.text, claim.start, claim.end, claim.negated)


# Sentences that fire (affirmed, about this study), that are denied, and that speak of another study.
SENTENCES = [
    "This is a randomized, double-blind, placebo-controlled study.",
    "Participants will not be randomized and the study is not blinded.",
    "A previous double-blind trial was published by Smith et al.",
    "This study is a non-randomized, open-label trial.",
    "Patients will be randomly assigned to two arms.",
    "Earlier observational studies showed benefit.",
    "The present study is an observational cohort study.",
    "No masking.",
    "Randomized trials of JAK inhibitors are few.",
    "İn this study patients are randomıſed.",
    "We will conduct a sponsor-blinded trial.",
    "The trial is unrandomised; patients will be randomized later.",
    "Nothing here speaks of design.",
    # A term that names this study in a sentence that speaks of another ("own" claims).
    "This double-blind, randomized extension enrolls patients who completed study ABC-123.",
    "Participants previously randomized in the parent study will be re-randomized.",
]
FIELDS = ["designs.masking_description", "brief_summaries.description", "design_groups.description"]


def _texts(rnd):
    return [StudyText(rnd.choice(FIELDS), " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 4))))
            for _ in range(rnd.randint(0, 4))]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_lazy_questions_answer_as_every_claim_does_on_generated_studies(name):
    pattern, rnd = PATTERNS[name], random.Random(name)
    seen = set()
    for _ in range(400):
        texts = _texts(rnd)
        # Fresh texts for each path: no memo carries an answer from one to the other.
        plain = [StudyText(t.field, t.text) for t in texts]
        first = first_affirmed(texts, pattern)
        assert _key(first) == _key(_plain_first_affirmed(plain, pattern))
        texts = [StudyText(t.field, t.text) for t in texts]
        denied = only_denied(texts, pattern)
        assert _key(denied) == _key(_plain_only_denied(plain, pattern))
        seen |= {("first", first is None), ("denied", denied is None)}
    # Both questions fired and stayed quiet (no pattern here has a denied form that the texts lack).
    assert {("first", True), ("first", False), ("denied", True)} <= seen


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_lazy_questions_read_claims_another_question_already_found(name):
    pattern, rnd = PATTERNS[name], random.Random(name + "memo")
    for _ in range(200):
        texts = _texts(rnd)
        for source in texts[: len(texts) // 2]:
            claims_in(source, pattern)  # some texts read whole first, as another rule may have
        plain = [StudyText(t.field, t.text) for t in texts]
        assert _key(first_affirmed(texts, pattern)) == _key(_plain_first_affirmed(plain, pattern))
        assert _key(only_denied(texts, pattern)) == _key(_plain_only_denied(plain, pattern))


def test_phrase_level_answers_fire_and_stay_quiet():
    summary = "brief_summaries.description"
    # Fires: an affirmed claim about this study, after a denied one and one about another study.
    texts = [StudyText(summary, "A previous double-blind trial was published. Patients will not be blinded."),
             StudyText("designs.masking_description", "Double-blind (participant, investigator).")]
    assert _key(first_affirmed(texts, BLINDED)) == ("designs.masking_description", texts[1].text, 0, 12, False)
    # Quiet: only other studies and denials.
    assert first_affirmed(texts[:1], BLINDED) is None
    # Only denied: the first denial when nothing affirms; nothing once one text affirms.
    denied = [StudyText("designs.intervention_model_description", "Patients are not randomized."),
              StudyText(summary, "This study will not randomize anyone; it is a non-randomized study.")]
    assert _key(only_denied(denied, RANDOMIZED)) == ("designs.intervention_model_description",
                                                     denied[0].text, 17, 27, True)
    affirmed = denied + [StudyText("design_groups.description", "Participants are randomized 1:1.")]
    assert only_denied(affirmed, RANDOMIZED) is None
    # A text without the needle word is never read, yet answers as one read whole.
    assert only_denied([StudyText(summary, "Single arm.")], RANDOMIZED) is None
    assert list(itertools.chain(claims([StudyText(summary, "Single arm.")], RANDOMIZED))) == []


# The masked-design rule's question, lazily and from every claim.
from checks.design_open_label_claims import (  # noqa: E402
    _open_label_claim_of_every_claim, open_label_claim as _open_label_claim,
)

OPEN_SENTENCES = [
    "This is an open-label study.", "No masking.", "Open label for participants; outcome assessors are blinded.",
    "A double-blind, placebo-controlled trial.", "Followed by an open-label extension.",
    "A previous open-label trial was published.", "The study is not open label.", "Blinded outcome assessment.",
    "Patients will receive the drug.", "The study is not blinded.",
]
DESIGNS = [
    {"subject_masked": True, "caregiver_masked": None, "investigator_masked": None, "outcomes_assessor_masked": True},
    {"subject_masked": None, "caregiver_masked": None, "investigator_masked": None, "outcomes_assessor_masked": True},
]


def test_open_label_claim_answers_as_every_claim_does():
    rnd, seen = random.Random(11), set()
    fields = FIELDS + ["designs.masking_description", "design_groups.title"]
    sentences = OPEN_SENTENCES + ["Blinded drug or placebo.", "Open label arm.", "Non-blinded drug."]
    for _ in range(3000):
        texts = [(rnd.choice(fields), " ".join(rnd.choice(sentences) for _ in range(rnd.randint(1, 3))))
                 for _ in range(rnd.randint(0, 4))]
        design, comparator = rnd.choice(DESIGNS), rnd.random() < 0.3
        lazy = _open_label_claim(design, [StudyText(f, t) for f, t in texts], comparator)
        plain = _open_label_claim_of_every_claim(design, [StudyText(f, t) for f, t in texts], comparator)
        assert _key(lazy) == _key(plain), (design, texts)
        seen.add((lazy is None, lazy is not None and lazy.source.field == "designs.masking_description"))
    assert seen == {(True, False), (False, False), (False, True)}  # quiet, fired elsewhere, fired as stated


def test_open_label_claim_phrases_fire_and_stay_quiet():
    masked = DESIGNS[0]
    stated = StudyText("designs.masking_description", "Open label.")
    assert _key(_open_label_claim(masked, [stated])) == ("designs.masking_description", "Open label.", 0, 10, False)
    # Elsewhere, open label fits a design whose text speaks of blinding: quiet.
    summary = StudyText("design_groups.description", "This is an open-label study. Blinded outcome assessment.")
    assert _open_label_claim(masked, [summary]) is None
    # Assessor-only masking: "open label" is the participants' view, quiet even where stated.
    assert _open_label_claim(DESIGNS[1], [StudyText("designs.masking_description", "Open label.")]) is None
    assert _key(_open_label_claim(DESIGNS[1], [StudyText("designs.masking_description", "No masking.")])) == (
        "designs.masking_description", "No masking.", 0, 10, False)


# Whether a text holds a character lower-casing does not fold (İ, ı, ſ): three searches for one character.
from checks.design_folding import _UNLOWERED, _unlowered_in  # noqa: E402


@pytest.mark.parametrize("text", ["", "plain ascii", "İstanbul", "randomıſed", "ſ", "Straße µg ﬁne", "I i S s",
                                  "\u0130\u0131\u017f", "K\u212a"])
def test_characters_lower_casing_does_not_fold_are_found_as_by_their_class(text):
    assert _unlowered_in(text) is bool(_UNLOWERED.search(text))
