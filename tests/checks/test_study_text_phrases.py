"""Phrase by phrase: which sentences speak of this study and which of another one."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.study_context import CONTEXT_STARTS, folded_text, found_in
from checks.study_text import CONTEXT_WORDS, OTHER_STUDY, SELF_REFERENCE, about_this_study, may_match, other_study

# (sentence, the OTHER_STUDY entry that recognises it)
OTHER = [
    ("Smith et al. found a benefit in a double-blind trial.", "citation"),
    ("A meta-analysis of randomized trials supports it.", "citation"),
    ("Baricitinib showed efficacy in a randomized study.", "reported finding"),
    ("JAK inhibitors have been shown to reduce flares in randomized trials.", "reported finding"),
    ("A previous randomized study found no difference.", "previous study"),
    ("Patients previously randomized to placebo are eligible.", "previous study"),
    ("Participants of the parent double-blind study may enrol.", "parent study"),
    ("This is the open-label extension of NCT01234567, a double-blind trial.", "registry id"),
    ("In a double-blind, multicenter, randomized, placebo-controlled, 24-week phase 2 study across 11 countries, "
     "baricitinib improved arthritis.", "a study elsewhere"),
    ("The results will inform the design of a randomized trial.", "a study to prepare"),
    ("Data from this protocol will serve as reference data for a randomized clinical trial of drug X.",
     "data for another study"),  # NCT06105931
    ("This pilot is a step toward a future randomized controlled trial.", "future study"),
    ("We will know whether this is a feasible aim for a double-blind randomized controlled trial in the future.",
     "study in the future"),  # NCT05701722
    ("Based on these results, we propose a randomized controlled study.", "proposed next study"),
    ("The main endpoint will be the same under the patient preference protocol as for the randomized trial.",
     "likened to a study"),  # NCT04418193
    ("This study will give foundational data from which to propose a randomized controlled study.",
     "proposed next study"),
    ("If the pilot data are promising, we will proceed with a large scale randomized, placebo-controlled study.",
     "proceed to a study"),
    ("If the pilot is feasible, we will proceed with a large scale randomized multicentre trial.",
     "proceed to a study"),
    ("An observational study was conducted at our centre between 2015 and 2018.", "earlier study conducted"),
    ("Patients from the 12-week double-blind study continue on open-label drug.", "patients of a parent study"),
    ("Participants who completed the 52-week randomized trial may continue.", "patients of a parent study"),
    ("A randomized phase 2 study is currently in progress to assess filgotinib.", "ongoing"),
    ("Randomized studies are lacking in this population.", "studies in the plural"),
    ("Participants rolled over from the core protocol.", "rollover"),
    ("Open-label Extension Study of the Phase 3 VRX-RET-E22-301 Double-Blind Trial", "extension of a study"),
    ("An Extension to Study ABC-123, a Double-Blind Trial of Drug X", "extension of a study"),
    ("A Rollover Study From the Randomized, Double-Blind Protocol 0423", "extension of a study"),
]

# Sentences about this study: no OTHER_STUDY entry may claim them.
THIS = [
    "Both arms of this randomized trial receive the same dose of drug X.",
    "Participants receive the same treatment as the control group in this trial.",
    "This is a randomized, double-blind study of baricitinib.",
    "Participants will be randomly assigned to baricitinib or placebo.",
    "This study was conducted at 12 sites in China.",
    "We will randomize 120 patients to two arms.",
    "A randomized, open-label trial of baricitinib in 40 patients.",
    "The patients in this trial will be followed for 48 weeks.",
    # an extension this study has, not one it is of
    "A double-blind study with an open-label extension of 52 weeks.",
    "A Double-Blind Trial of Drug X Followed by an Open-Label Extension",
    "We propose to randomize 120 patients in this double-blind trial.",
    "In this study the double-blind period is followed by an extension phase in which all patients receive drug X.",
    "In this trial in the first year, patients will be followed for 12 weeks.",
    "We will collect data for a randomized clinical trial of drug X.",
]


@pytest.mark.parametrize("sentence, entry", OTHER, ids=[e for _, e in OTHER])
def test_sentences_about_another_study(sentence, entry):
    assert entry in [name for name, pattern in OTHER_STUDY if pattern.search(sentence)]
    assert other_study(sentence) is not None
    assert not about_this_study(sentence, narrative=True)
    assert not about_this_study(sentence, narrative=False)


@pytest.mark.parametrize("sentence", THIS)
def test_sentences_about_this_study(sentence):
    assert other_study(sentence) is None
    assert about_this_study(sentence, narrative=True)


def test_every_other_study_pattern_has_a_phrase():
    assert {name for name, _ in OTHER_STUDY} == {entry for _, entry in OTHER}


# (narrative sentence, the SELF_REFERENCE entry that recognises it)
SELF = [
    ("The present randomized trial compares two doses.", "this study"),
    ("We will compare baricitinib with placebo.", "we do"),
    ("This is a double-blind comparison.", "this is"),
    ("Participants will receive baricitinib.", "participants will"),
    ("BARI-SS is a randomized, double-blind trial.", "named study is"),
    ("Baricitinib will be given once daily.", "will be given"),
    ("A double-blind, placebo-controlled trial in adults.", "a study opens"),
]


@pytest.mark.parametrize("sentence, entry", SELF, ids=[e for _, e in SELF])
def test_self_references(sentence, entry):
    matched = [name for name, pattern in SELF_REFERENCE if pattern.search(sentence)]
    assert entry in matched
    assert about_this_study(sentence, narrative=True)


def test_every_self_reference_has_a_phrase():
    assert {name for name, _ in SELF_REFERENCE} == {entry for _, entry in SELF}


@pytest.mark.parametrize("sentence", [
    "Double-blind studies of JAK inhibitors are few.",
    "Baricitinib is a JAK inhibitor approved for rheumatoid arthritis.",
])
def test_narrative_without_a_self_reference_is_not_about_this_study(sentence):
    assert not about_this_study(sentence, narrative=True)


def test_a_design_field_speaks_of_this_study_unless_it_points_elsewhere():
    assert about_this_study("Double-blind period of 24 weeks", narrative=False)
    assert not about_this_study("Patients from the double-blind study NCT01234567", narrative=False)


def test_every_context_pattern_names_the_words_it_needs():
    assert set(CONTEXT_WORDS) == {name for name, _ in OTHER_STUDY + SELF_REFERENCE}


@pytest.mark.parametrize("sentence", [s for s, _ in OTHER + SELF] + THIS)
def test_the_word_test_never_hides_a_match(sentence):
    # A pattern is searched only in a sentence that has its words: every phrase it matches has them.
    for name, pattern in OTHER_STUDY + SELF_REFERENCE:
        if pattern.search(sentence):
            assert may_match(sentence.lower(), CONTEXT_WORDS[name]), name


@pytest.mark.parametrize("sentence, other", [
    ("Smith et\tal. found a benefit.", "citation"),  # any white space between the words
    ("Patients ENROLLED IN THE TRIAL may continue.", "rollover"),  # upper case
    ("Participants of the parent ſtudy may enrol.", "parent study"),  # 'ſ' folds to 's': searched, not skipped
])
def test_other_study_in_unusual_text(sentence, other):
    assert other_study(sentence) == other


# Non-ASCII sentences are tested for their words in folded form: the same verdicts as searching every pattern.
NON_ASCII = [
    ("Smith et al. (2019) “showed” a benefit of 5 µg.", "citation"),
    ("SMİTH ET AL. REPORTED THAT ıt works", "citation"),
    ("In a previous ſtudy of Müller’s group, patients improved.", "previous study"),
    ("Participants of the PARENT STUDİES – Straße cohort – may enrol.", "parent study"),
    ("Patients enrolled in NCT01234567 (“ﬁrst” study) may continue.", "registry id"),
    ("The ﬁnal analysis: this is a randomized étude.", None),
    ("Thıs study will enrol 40 patients in München.", None),
    ("Straße, µg and ﬁ ligatures: nothing about any study here.", None),
]


def _searching_every_pattern(sentence: str, narrative: bool) -> tuple[str | None, bool]:
    other = next((name for name, pattern in OTHER_STUDY if pattern.search(sentence)), None)
    about = other is None and (not narrative or any(p.search(sentence) for _, p in SELF_REFERENCE))
    return other, about


@pytest.mark.parametrize("sentence, other", NON_ASCII)
def test_non_ascii_sentences_are_judged_as_searching_every_pattern(sentence, other):
    assert other_study(sentence) == other
    for narrative in (True, False):
        assert (other_study(sentence), about_this_study(sentence, narrative)) == \
            _searching_every_pattern(sentence, narrative)
    for name, pattern in OTHER_STUDY + SELF_REFERENCE:
        if pattern.search(sentence):
            assert may_match(folded_text(sentence), CONTEXT_WORDS[name]), name


def test_non_ascii_sentences_about_this_study_and_not():
    assert about_this_study("Thıs study will enrol 40 patients in München.", narrative=True)
    assert not about_this_study("Straße, µg and ﬁ ligatures: nothing about any study here.", narrative=True)
    assert not about_this_study("SMİTH ET AL. REPORTED THAT ıt works", narrative=False)


def test_folding_keeps_what_a_pattern_reads_as_ascii_letters():
    assert folded_text("İSTANBUL ſtudy ıt “ﬁne” Straße µ \u212a") == "istanbul study it “ﬁne” straße µ k"


def test_every_context_pattern_says_where_its_matches_start():
    assert set(CONTEXT_STARTS) == set(CONTEXT_WORDS)
    for name, pattern in OTHER_STUDY + SELF_REFERENCE:
        assert (CONTEXT_STARTS[name] is None) is pattern.pattern.startswith("^"), name


def _tried_at_starts_is_searching(sentence: str) -> None:
    lowered = folded_text(sentence)
    assert len(lowered) == len(sentence)
    for name, pattern in OTHER_STUDY + SELF_REFERENCE:
        assert found_in(sentence, lowered, pattern, CONTEXT_STARTS[name]) is bool(pattern.search(sentence)), name


@pytest.mark.parametrize("sentence", [s for s, _ in OTHER + SELF + NON_ASCII] + THIS)
def test_a_pattern_tried_where_its_matches_start_finds_what_searching_finds(sentence):
    _tried_at_starts_is_searching(sentence)
    _tried_at_starts_is_searching(sentence.upper())
    _tried_at_starts_is_searching("  " + sentence.replace(" ", "\t"))


# Words of the context patterns, some written otherwise (İ ı ſ, upper case), and words around them.
_CONTEXT_PIECES = (
    "et", "al", "ET AL", "publiſhed", "literature", "meta-analysis", "reported", "that", "showed", "demonstrated",
    "has", "have", "been", "shown", "proven", "previous", "previously", "study", "studies", "trial", "trials",
    "parent", "prior", "core", "lead-in", "index", "NCT01234567", "nct12345678", "in", "IN", "a", "an", "one",
    "several", "perform", "conducting", "inform", "design", "preparing", "support", "feasibility", "of", "for",
    "future", "full-scale", "large scale", "follow-on", "we", "WE", "propose", "to", "conduct", "proceed", "move",
    "go on", "with", "into", "rct", "survey", "was", "were", "conducted", "carried out", "patients", "PARTİCİPANTS",
    "subjects", "from", "who", "completed", "enrolled in", "the", "THE", "currently", "progress", "ongoing",
    "rolled", "over", "participated", "finished", "this", "thıs", "present", "current", "proposed", "our",
    "protocol", "research", "project", "is", "will", "shall", "be", "receive", "undergo", "are", "plan", "aim",
    "Baricitinib", "“double-blind”", "µg", "Straße", "ﬁrst", ",", "(", ")", "/", "-", "2019", "\u212a",
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=16), st.sampled_from((" ", "  ", "\t", " \n")))
def test_patterns_tried_where_their_matches_start_find_what_searching_finds(words, space):
    _tried_at_starts_is_searching(space.join(words))
    _tried_at_starts_is_searching(space + space.join(words) + ".")
