"""Phrase by phrase: what a study's text says about blinding, open label, randomisation and study type."""
from __future__ import annotations

import random
import re
from bisect import bisect_right

import pytest

import checks.design_text as design_text
from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED, RANDOMIZING
from checks.design_claims import mentions
from checks.design_folding import folded
from checks.design_masking_terms import BLINDED, BLINDED_ASSESSMENT, OPEN_LABEL, OPEN_LABEL_WORDS
from checks.design_negation import NEGATION_BEFORE as _NEGATION_BEFORE
from checks.design_sentences import _SENTENCE_END, sentences
from checks.design_text import ANCHORS, claims, matches, sentence_at
from checks.study_context import CASE_FOLDS, about_this_study
from checks.study_text import StudyText, other_study

PATTERNS = {"blinded": BLINDED, "open label": OPEN_LABEL, "randomized": RANDOMIZED, "observational": OBSERVATIONAL,
            "assessor blinded": BLINDED_ASSESSMENT, "randomizing": RANDOMIZING}

# (pattern, phrase, found): each pattern's phrases that match and that must not.
PHRASES = [
    ("blinded", "a randomized, double-blind, placebo-controlled study", True),
    ("blinded", "single blinded", True),
    ("blinded", "a placebo-controlled, blinded study", True),
    ("blinded", "a blinded treatment period of 12 weeks", False),
    ("blinded", "a randomized, open-label, sponsor-blinded study", False),
    ("blinded", "an open label, sponsor blinded trial", False),
    ("blinded", "an investigator-blinded study", True),
    ("open label", "This is an open-label study", True),
    ("open label", "Open Labeled", True),
    ("open label", "No masking", True),
    ("open label", "a non-blinded study", True),
    ("open label", "The study is not blinded", True),
    ("open label", "followed by an open-label extension", False),
    ("open label", "an open label period of 24 weeks", False),
    ("open label", "no masking of the outcome assessors is planned", False),
    ("randomized", "Participants will be randomized 1:1", True),
    ("randomized", "randomly assigned to two groups", True),
    ("randomized", "a randomised trial", True),
    ("randomized", "randomly selected charts", False),
    ("randomizing", "we will randomize volunteers to an early or a late biopsy", True),
    ("randomizing", "the software randomizes participants", True),
    ("randomizing", "Participants will be randomized 1:1", False),
    ("observational", "a prospective observational study", True),
    ("observational", "an observational cohort study", True),
    ("observational", "observational data from registries", False),
    ("assessor blinded", "outcome assessor-blinded", True),
    ("assessor blinded", "blinded outcome assessment", True),
    ("assessor blinded", "The outcomes assessors are blinded to allocation", True),
    ("assessor blinded", "Evaluators will be kept unaware of the assigned group", True),
    ("assessor blinded", "masked evaluation of photographs", True),
    ("assessor blinded", "The assessors are trained nurses", False),
]


@pytest.mark.parametrize("name, phrase, found", PHRASES, ids=[f"{n}:{p}" for n, p, _ in PHRASES])
def test_phrase(name, phrase, found):
    assert bool(PATTERNS[name].search(phrase)) is found


def test_every_pattern_has_phrases_that_match_and_that_do_not():
    assert {(n, f) for n, _, f in PHRASES} == {(n, f) for n in PATTERNS for f in (True, False)}


@pytest.mark.parametrize("phrase, open_words", [("Open-label", True), ("open label", True), ("No masking", False),
                                                 ("non-blinded study", False)])
def test_open_label_wording_is_told_from_no_masking(phrase, open_words):
    match = OPEN_LABEL.search(phrase)
    assert bool(OPEN_LABEL_WORDS.match(match.group(0))) is open_words


# (text, negated) for RANDOMIZED claims in a design field: negation before or inside the phrase.
NEGATIONS = [
    ("Patients will be randomized.", False),
    ("Patients will not be randomized.", True),
    ("This is a non-randomized study.", True),
    ("A nonrandomized, single-arm trial.", True),
    ("Allocation without randomization.", True),
    ("An unrandomized comparison.", True),
    ("Randomization rather than clinician choice decides the arm.", False),
]


@pytest.mark.parametrize("text, negated", NEGATIONS)
def test_negation(text, negated):
    (claim,) = claims([StudyText("design_groups.description", text)], RANDOMIZED)
    assert claim.negated is negated


@pytest.mark.parametrize("text, count", [
    ("This is a randomized study. We compare two drugs.", 2),
    ("Randomized.Participants receive drug.", 2),
    ("Arms:\n- drug A\n- drug B", 3),
    ("Part A is open label.\n\npart B is double blind", 2),
    ("Dose of 2.5 mg daily", 1),
])
def test_sentences(text, count):
    assert len(list(sentences(text))) == count


def test_a_claim_in_a_narrative_needs_a_self_reference():
    summary = StudyText("brief_summaries.description",
                        "Randomized trials of JAK inhibitors are few. This study randomizes 40 patients.")
    found = claims([summary], re.compile(r"randomi[sz]\w+", re.I))
    assert [c.phrase for c in found] == ["randomizes"]


def _split_everywhere(text):
    """Sentences as the end pattern finds them when tried at every character."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


@pytest.mark.parametrize("text", [
    "", ".", "a.\n\nB", "One. Two; three! (Four)? [5]", "Randomized.Participants.\n- x\n* y\n 1. z\n12) w",
    "e.g. Abc", "U.S.A. Then", ";\n\n.", "x.\n 3. y", "Dose 2.5 mg.  Next", "a. \n\n  - b",
])
def test_sentences_tried_at_break_characters_only_split_as_everywhere(text):
    assert list(sentences(text)) == list(_split_everywhere(text))


def _sentence_holding(text, at):
    """The sentence of the whole text's split that holds offset `at` (the last one starting at or before it)."""
    bounds = list(sentences(text))
    return bounds[bisect_right([start for start, _ in bounds], at) - 1]


# Texts whose sentence ends are hard to find from the middle: whitespace runs holding several possible ends,
# bullets, numbered items, abbreviations, an end with no space ("x.Double"), non-ASCII spaces and letters.
_SPLIT_TEXTS = [
    "", ".", "a.\n\nB", "One. Two; three! (Four)? [5]", "Randomized.Participants.\n- x\n* y\n 1. z\n12) w",
    "e.g. Abc", "U.S.A. Then", ";\n\n.", "x.\n 3. y", "Dose 2.5 mg.  Next", "a. \n\n  - b",
    "Part A is open-label.   \n\n   \n  Part B is double-blind.\n\n- not blinded\n  * sponsor-blinded",
    "Non-randomized.Double-blind study;\tThe trial is not masked!\u00a0Open-label extension?\u2003[Observational]",
    "İSTANBUL study. ſingle-blind — “ﬁne”.\n\n\n• Straße µg.  (Randomıſed) \n 7) end",
    "a" * 700 + ".  " + "b" * 900 + "\n\n" + "c" * 300,
]


@pytest.mark.parametrize("text", _SPLIT_TEXTS)
def test_the_sentence_at_an_offset_is_the_whole_splits_sentence(text, monkeypatch):
    for reach in (1, 5, design_text._REACH):  # a short first look back makes it look further, as long sentences do
        monkeypatch.setattr(design_text, "_REACH", reach)
        for at in range(len(text) + 1):
            assert sentence_at(text, at) == _sentence_holding(text, at), (reach, at)


def test_the_sentence_at_an_offset_is_the_whole_splits_sentence_in_generated_texts():
    pieces = list("aB. \n\n-*•1);!?([Xy\t\u00a0\u2003") + ["e.g. ", "U.S. ", "\n 12. ", "\n- ", ".  \n\n  ", "Abc"]
    rnd = random.Random(7)
    for _ in range(400):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 50)))
        for at in range(len(text) + 1):
            assert sentence_at(text, at) == _sentence_holding(text, at), (text, at)


# Whether the i-th sentence of a text split whole is about this study as the design rules read it: as
# about_this_study says, or, in a narrative, opening "The study is ..." with no other study named after that, in a
# sentence that points at none and follows none that does (the sentence before it in the whole split).
def _about_in_whole_split(source, bounds, i):
    sentence = source.text[bounds[i][0]:bounds[i][1]]
    if about_this_study(sentence, source.narrative):
        return True
    opening = design_text._THE_STUDY_IS_OPENING.match(sentence)
    return bool(source.narrative and opening and design_text._NAMES_A_STUDY.search(sentence, opening.end()) is None
                and other_study(sentence) is None
                and (i == 0 or other_study(source.text[bounds[i - 1][0]:bounds[i - 1][1]]) is None))


# Claims as found when every text is split whole: the sentence of each match by bisection over all sentences.
def _claims_split_whole(source, pattern):
    bounds = list(sentences(source.text))
    found = []
    for m in pattern.finditer(source.text):
        i = bisect_right([b[0] for b in bounds], m.start()) - 1
        s_start, s_end = bounds[i]
        sentence = source.text[s_start:s_end]
        if m.end() > s_end or not _about_in_whole_split(source, bounds, i):
            continue
        inner = pattern.match(sentence, m.start() - s_start)
        negated = bool(inner and inner.lastindex and inner.group(1)) or bool(
            _NEGATION_BEFORE.search(sentence[:m.start() - s_start]))
        found.append((m.start(), m.end(), negated))
    return found


_CLAIM_TEXTS = [
    "This study is double-blind. A previous double-blind trial was published. Patients will not be blinded.",
    "This is a non-randomized, open-label study. Participants will be randomized to an open-label extension.",
    "We will conduct a sponsor-blinded trial.\n\n- The study is not blinded\n- No masking\n1. open label",
    "The present study is an observational cohort study.Double-blind design! Earlier observational studies "
    "showed benefit; this trial is randomised.",
    "İn this study patients are randomıſed.  The trial is not masked;\u00a0single  \n blind.",
    "Patients will be randomly assigned.   \n\n  Randomization: non-randomised (open-label, sponsor blinded)",
]


@pytest.mark.parametrize("field", ["designs.masking_description", "brief_summaries.description"])
@pytest.mark.parametrize("text", _CLAIM_TEXTS)
def test_claims_found_around_their_matches_are_the_claims_of_the_whole_split(text, field):
    for name in ("blinded", "open label", "randomized", "observational"):
        pattern = PATTERNS[name]
        found = [(c.start, c.end, c.negated) for c in claims([StudyText(field, text)], pattern)]
        assert found == _claims_split_whole(StudyText(field, text), pattern), name


def test_claims_in_a_narrative_fire_on_this_study_and_stay_quiet_on_others_and_denials():
    fired = {name: [(c.phrase, c.negated) for t in _CLAIM_TEXTS
                    for c in claims([StudyText("brief_summaries.description", t)], PATTERNS[name])]
             for name in ("blinded", "open label", "randomized", "observational")}
    # "A previous double-blind trial was published", "Earlier ... showed", "sponsor-blinded": no claim. "The trial is
    # not masked; single blind." after "In this study ..." opens with "The trial is", names no other trial and follows
    # none: this study's (both its claims, as "This trial is not masked; single blind." gives them).
    assert fired["blinded"] == [("double-blind", False), ("single  \n blind", False)]
    # "open-label extension", and "not blinded" after "We will conduct a sponsor-blinded trial." (read as a trial to
    # prepare, another study): no claim.
    assert fired["open label"] == [("open-label", False), ("trial is not masked", False)]
    assert fired["randomized"] == [("non-randomized", True), ("randomized", False), ("randomıſed", False),
                                   ("randomly assigned", False)]
    assert fired["observational"] == [("observational cohort study", False)]


@pytest.mark.parametrize("name", sorted(n for n, p in PATTERNS.items() if p in ANCHORS))
def test_matches_tried_at_anchors_are_every_match(name):
    text = ("A non-randomized, NON RANDOMISED, unrandomized study; participants randomly assigned. "
            "Double-blind, placebo-controlled, blinded study, sponsor-blinded trial, open label, OPEN-LABELED, "
            "no masking, without blinding, a non-blinded study, the trial is not masked, an observational cohort "
            "study, Observational design. We randomize them.")
    pattern = PATTERNS[name]
    for source in (StudyText("f", text), StudyText("f", text + " ſ")):  # ASCII, and text searched everywhere
        found = [(m.span(), m.groups()) for m in matches(source, pattern)]
        assert found == [(m.span(), m.groups()) for m in pattern.finditer(source.text)]
        assert found
    # Texts holding some of an anchor's words but not the others its matches need.
    for other in ("An open study with no label; no blinding. Double dummy.", "A placebo-controlled, blinded trial",
                  "Random: non randomised. The study was unmasked; the trial is not masked.", "open-\nlabel"):
        assert [m.span() for m in matches(StudyText("f", other), pattern)] == \
            [m.span() for m in pattern.finditer(other)]


_EVERY_CHARACTER = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_lower_keeps_every_offset_but_for_the_dotted_capital_i():
    assert [c for c in _EVERY_CHARACTER if len(c.lower()) != 1] == ["\u0130"]


def test_folding_turns_every_character_a_pattern_reads_as_an_ascii_letter_into_that_letter():
    readable = {m.group() for m in re.finditer("[a-z]", _EVERY_CHARACTER, re.I)}
    assert {"\u0130", "\u0131", "\u017f", "\u212a"} <= readable  # İ ı ſ and the Kelvin sign
    for c in readable:
        letters = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, c, re.I)]
        assert [c.translate(CASE_FOLDS).lower()] == letters, c


# Non-ASCII texts (curly quotes, µ, accents, İ ı ſ, ß, ligatures, the Kelvin sign) are read at the
# anchors of their folded form: each phrase either matches there as everywhere, or nowhere.
NON_ASCII = [
    ("blinded", "a “double-blind”, placebo-controlled study of 5 µg", True),
    ("blinded", "DOUBLE-BLİND, PLACEBO-CONTROLLED", True),
    ("blinded", "a double-blınd trial", True),
    ("blinded", "ſingle maſked", True),
    ("blinded", "étude en double aveugle, «blinded study»", True),
    ("blinded", "ﬁrst a double ﬁxed dose", False),
    ("blinded", "a sponsor-blinded, open study – Straße", False),
    ("open label", "an “open-label” study", True),
    ("open label", "OPEN LABEL – NO MASKİNG", True),
    ("open label", "ıt ıs open-labeled", True),
    ("open label", "an open-label extension phase (µ-opioid)", False),
    ("open label", "no maſking of the outcome assessors is planned", False),
    ("randomized", "NON-RANDOMİZED, randomised à 1:1", True),
    ("randomized", "Patıents randomly aſsigned", True),
    ("randomized", "participants will be ráńdomized", False),
    ("randomized", "randomly selected ﬁles in München", False),
    ("randomizing", "we will RANDOMİZE patıents", True),
    ("randomizing", "ráńdomize à 1:1", False),
    ("observational", "an OBSERVATİONAL cohort study", True),
    ("observational", "a prospective observatıonal study („OBS“)", True),
    ("observational", "observational data – Straße", False),
    ("observational", "OBSERVATIONAL DATA, \u212aIDNEY", False),
]


@pytest.mark.parametrize("name, text, found", NON_ASCII, ids=[f"{n}:{t}" for n, t, _ in NON_ASCII])
def test_matches_in_non_ascii_text_are_every_match(name, text, found):
    pattern = PATTERNS[name]
    for source in (StudyText("f", text), StudyText("f", "Über: " + text + " İ"), StudyText("f", text + "\n" + text)):
        assert folded(source) is not None and len(folded(source)) == len(source.text)
        every = [(m.span(), m.groups()) for m in pattern.finditer(source.text)]
        assert [(m.span(), m.groups()) for m in matches(source, pattern)] == every
        assert bool(every) is found


def test_non_ascii_phrases_cover_every_anchored_pattern_both_ways():
    assert {(n, f) for n, _, f in NON_ASCII} == {(n, f) for n, p in PATTERNS.items() if p in ANCHORS
                                                   for f in (True, False)}


def test_folded_text_keeps_offsets():
    source = StudyText("f", "İSTANBUL ſtudy, “ﬁne” Straße µ")
    assert folded(source) == "istanbul study, “ﬁne” straße µ"
    assert folded(StudyText("f", "Plain")) == "plain"


@pytest.mark.parametrize("name, text", [("blinded", "DOUBLE-BLİND"), ("blinded", "ſingle-blind"),
                                        ("open label", "NO MASKİNG"), ("randomized", "non-randomıſed"),
                                        ("observational", "an OBSERVATİONAL study")])
def test_texts_are_skipped_only_without_the_words_a_match_needs(name, text):
    pattern = PATTERNS[name]
    found = claims([StudyText("designs.masking_description", text)], pattern)
    assert [(c.start, c.end) for c in found] == [m.span() for m in pattern.finditer(text)] != []
    assert mentions([StudyText("designs.masking_description", text)], pattern)
    assert not mentions([StudyText("designs.masking_description", "Straße „ﬁne“ µg")], pattern)


# (text, affirmed): "open label" named as one of the study's listed parts is that part's (as "an open-label
# period" is); the trial's own phase before a colon, or parts listed elsewhere, leave the design's claim.
LISTED_PARTS = [
    ("This study includes 4 periods: Screening, open label, randomized withdrawal, and long-term treatment "
     "extension.", False),
    ("The study has three periods: screening, open-label and double-blind randomized withdrawal.", False),
    ("Part A: open label dose escalation. Part B: randomized, double-blind expansion.", False),
    ("Period 1: open label, single dose; Period 2: double-blind", False),
    ("This is an open-label study. It has 2 periods: screening and treatment.", True),
    ("Phase 3: Open-label, randomized, multicenter study of drug X", True),
    ("Phase II: open label study of X in patients", True),
    ("Study design: open label, randomized, controlled trial", True),
    ("An open-label, randomized study with two periods", True),
    ("Design: Phase 3, open-label trial", True),
]


@pytest.mark.parametrize("text, affirmed", LISTED_PARTS)
def test_open_label_named_as_one_listed_part_is_no_claim_on_the_design(text, affirmed):
    found = [c for c in claims([StudyText("studies.official_title", text)], OPEN_LABEL) if not c.negated]
    assert bool(found) is affirmed
