"""What a study's text says about its own design: blinding, open label, randomisation, study type.

Text matching respects negation ("not randomized", "non-blinded") and context: a sentence
counts only when it speaks of this study (checks.study_text.about_this_study).

This module finds the claims: where each pattern is tried (its needle words and anchors), which sentence holds a
match and whether that sentence is about this study. The modules beside it hold the rest: the patterns
(`design_masking_terms`, `design_allocation_terms`, `design_masked_people`), the words around a match that deny it
(`design_negation`), make it a part's or another study's (`design_study_parts`, `design_other_trials`,
`design_cited_titles`) or this study's (`design_this_study`), the sentences that speak of this study without naming
it (`design_study_openings`), the text's sentences and folded form (`design_sentences`, `design_folding`), claims read
over several texts (`design_claims`), whether a masked party is one the registry records (`design_masked_party`)
and whether the text withdraws that masking ("in theory blinded"; `design_withdrawn_masking`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED, RANDOMIZING, RCT, SINGLE_ARM
from checks.design_cited_titles import cited_title
from checks.design_folding import folded, may_mention, mentions_any, occurrences
from checks.design_hyphens import ascii_hyphens
from checks.design_masked_people import BLINDED_CENTRAL_REVIEW, MASKED_PARTY
from checks.design_masking_terms import BLINDED, BLINDED_ARM, BLINDED_ASSESSMENT, OPEN_LABEL
from checks.design_negation import NEGATION_AFTER, NEGATION_BEFORE
from checks.design_other_trials import not_of_this_design
from checks.design_sentences import sentence_ends
from checks.design_study_openings import (
    DESIGN_HEADING, NAMED_STUDY_OPENING, PART_DESIGN_WORDS, PART_IN_THE_PAST, PART_OPENING, PARTS_OPENING,
    THIS_STUDY_FOLLOWS, in_a_study_to_come, we_conduct_it,
)
from checks.design_study_cited_before import IN_THIS_STUDY_IN_THE_PAST_OPENING, goes_on_about_the_study_cited
from checks.design_study_parts import PART_BEFORE_BY_KEY, open_label_of_another_part
from checks.design_this_study import leads_the_title, named_this_study
from checks.design_trials_spoken_of import (THIS_KIND_OF_STUDY_IN_THE_PAST_OPENING, cites_a_study_of_kind,
                                            goes_on_about_a_trial_registered_separately)
from checks.study_text import StudyText, about_this_study, other_study

# Words every match of a pattern contains (lower case): a text without any of them is not scanned,
# which spares the pattern's slow case-insensitive search on most texts.
NEEDLES = {
    BLINDED: ("blind", "mask", "dumm", "db"),
    OPEN_LABEL: ("open", "mask", "blind"),
    RANDOMIZED: ("random",),
    RANDOMIZING: ("random",),
    RCT: ("rct",),
    SINGLE_ARM: ("single",),
    OBSERVATIONAL: ("observational", "interventional"),
    BLINDED_ASSESSMENT: ("blind", "mask", "unaware", "bicr"),
    BLINDED_ARM: ("blind", "mask"),
    MASKED_PARTY: ("blind", "mask", "aware", "uninformed", "assessor", "probe", "know"),
    BLINDED_CENTRAL_REVIEW: ("bicr", "birc", "blind"),
}
# Every needle word: a text without any of them (folded) has no match of any of the patterns above.
NEEDLE_WORDS = tuple(dict.fromkeys(word for needles in NEEDLES.values() for word in needles))
# Where every match of a pattern starts: at one of the words (lower case) or up to `reach`
# characters before one ("non-randomized"); each entry with the words one of which its matches
# also hold (no anchor needed in a text without them). A pattern is tried at those places of the
# text's folded form (`folded`) only instead of at every character.
ANCHORS = {
    BLINDED: ((("single", "double", "triple", "quadruple"), 0, ("blind", "mask", "dummy")),
              (("placebo",), 0, ("blinded",)), (("blinded",), 0, ()), (("db",), 1, ())),
    OPEN_LABEL: ((("open",), 0, ("label", "study", "trial")),
                 (("no",), 0, ("masking", "blinding", "blinded", "masked")),
                 (("without",), 0, ("masking", "blinding")), (("study", "trial"), 0, ("blinded", "masked")),
                 (("blinded", "masked"), 3, ("un",))),
    RANDOMIZED: ((("random",), 4, ()), (("quasi",), 0, ("random",))),
    RANDOMIZING: ((("random",), 0, ()), (("at",), 0, ("random",))),
    RCT: ((("rct",), 0, ()),),
    SINGLE_ARM: ((("single",), 0, ("arm", "group", "cohort")),),
    OBSERVATIONAL: ((("observational",), 0, ()), (("non",), 0, ("interventional",))),
    MASKED_PARTY: ((("blind", "mask", "unaware", "uninformed", "outcome", "assess", "evaluat", "rater", "examiner",
                     "observer", "adjudicat", "reader", "single", "probe"), 0, ()),
                   (("participant", "patient", "subject", "investigator", "care", "surgeon", "physician", "clinician",
                     "therapist", "physio", "nurse", "radiologist", "pathologist", "sonographer", "psychologist",
                     "assistant", "research", "staff", "study", "personnel"), 0, ("blinded", "masked")),
                   (("not",), 0, ("aware",)),
                   (("know",), 12, ())),
    BLINDED_CENTRAL_REVIEW: ((("bicr", "birc", "blinded"), 0, ()),),
}
# The same tables keyed by (pattern text, flags), which hash at the cost of a string.
NEEDLES_BY_KEY = {(p.pattern, p.flags): needles for p, needles in NEEDLES.items()}
_ANCHORS_BY_KEY = {(p.pattern, p.flags): anchors for p, anchors in ANCHORS.items()}


_OPEN_LABEL_KEY = (OPEN_LABEL.pattern, OPEN_LABEL.flags)


def screened(pattern: re.Pattern, needles: tuple[str, ...], anchors: tuple | None = None) -> re.Pattern:
    """The pattern of another module, with the words every one of its matches holds once folded declared as
    NEEDLES declares them here (`claims` skips a text that holds none of them), and where its matches start as
    ANCHORS does (it is tried there only). The pattern itself, for use where it is defined."""
    NEEDLES_BY_KEY[(pattern.pattern, pattern.flags)] = needles
    if anchors is not None:
        _ANCHORS_BY_KEY[(pattern.pattern, pattern.flags)] = anchors
    return pattern


@dataclass(frozen=True)
class Claim:
    """A phrase in one text field; `negated` when the text denies it ("not randomized")."""

    source: StudyText
    start: int
    end: int
    negated: bool

    @property
    def phrase(self) -> str:
        """The matched words."""
        return self.source.text[self.start:self.end]


def claims(sources: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """Every match of `pattern` in sentences about this study, marked negated or not."""
    needles = NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    return [claim for source in sources if may_mention(source, needles) for claim in claims_in(source, pattern)]


def claims_in(source: StudyText, pattern: re.Pattern) -> list[Claim]:
    """The claims of one text, found once per text and pattern (several rules ask for the same; do not change it)."""
    key = (pattern.pattern, pattern.flags)  # hashing a compiled pattern hashes all its code, every time
    known = source.memo.get(key)
    if known is None:
        known = source.memo[key] = _find_claims(source, pattern)
    return known


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the sentence of `sentences(text)` that holds offset `at` (the last one starting at
    or before it), found by splitting the text around `at` only.

    Exact: a sentence end takes whitespace and list bullets only, so none spans a letter or digit, and
    splitting from just after one finds every sentence end the whole text's splitting finds from there on.
    """
    reach = _REACH
    while True:
        since = max(0, at - reach)
        while since and not text[since - 1].isalnum():
            since -= 1
        start, end = (0 if not since else None), len(text)
        for m in sentence_ends(text, since):
            if m.end() > at:
                end = m.start()
                break
            start = m.end()
        if start is not None:
            return start, end
        reach *= 4  # no sentence end between `since` and `at`: look further back


# How far before an offset `sentence_at` first looks for the end of the sentence before it (a few sentences).
_REACH = 256


def _about_this_study(source: StudyText, s_start: int, s_end: int) -> bool:
    """Whether the sentence source.text[s_start:s_end] speaks of this study, judged once per sentence."""
    verdicts = source.memo.get(about_this_study)
    if verdicts is None:
        verdicts = source.memo[about_this_study] = {}
    verdict = verdicts.get(s_start)
    if verdict is None:
        sentence = ascii_hyphens(source.text[s_start:s_end])
        verdict = verdicts[s_start] = about_this_study(sentence, source.narrative) or bool(
            source.narrative and (DESIGN_HEADING.match(sentence) or PARTS_OPENING.match(sentence)
                                  or _opens_with_the_study(source, sentence, s_start)
                                  or _opens_with_a_part(source, sentence, s_start)
                                  or _opens_with_the_named_study(source, sentence, s_start))
            and other_study(sentence) is None) or we_conduct_it(sentence) or in_a_study_to_come(sentence)
    return verdict


def _opens_with_the_study(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by saying what "the study" is or will be, names no other study after
    that, and follows no sentence that points at another study (`_THE_STUDY_IS_OPENING`)."""
    opening = _THE_STUDY_IS_OPENING.match(sentence)
    return opening is not None and _NAMES_A_STUDY.search(sentence, opening.end()) is None and \
        not _after_another_study(source, s_start)


def _after_another_study(source: StudyText, s_start: int) -> bool:
    """Whether the sentence before the one at `s_start` points at another study ("Smith et al. reported ...",
    "A previous trial randomised 200 patients."): "the study" that follows may be that one."""
    if not source.text[:s_start].strip():
        return False
    p_start, p_end = sentence_at(source.text, s_start - 1)
    return other_study(source.text[p_start:p_end]) is not None


# A narrative's sentence that opens by saying what the study is or will be ("The study is not randomised.", "The trial
# will not be randomized", "The study is double-blind", "- The study is not blinded", "The trial is not masked"): the
# record's own study, as "This study is" would be, unless it names another study after the opening, or it or the
# sentence before it points at another ("Smith et al. reported ... The study is"; `_after_another_study`). Not the
# past tense ("A previous trial was published. The study was not randomised."), which often goes on about a trial
# the text has cited.
_THE_STUDY_IS_OPENING = re.compile(r"\s*(?:[-*\u2022]\s*)?the\s+(?:study|trial)\s+(?:is|will(?:\s+not)?\s+be)\b", re.I)
# A study, trial, protocol, cohort or registry named after that opening ("The study is ancillary to a double-blind
# trial of drug X", "The study is linked to a randomized controlled trial"): the sentence may speak of that one.
_NAMES_A_STUDY = re.compile(r"\b(?:stud(?:y|ies)|trials?|protocols?|rcts?|cohorts?|registr(?:y|ies))\b", re.I)


def _opens_with_a_part(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by naming a blinded, randomized or controlled part of the study
    (`PART_OPENING`), in the present or future, not followed by this study as its extension, and follows no
    sentence that points at another study."""
    opening = PART_OPENING.match(sentence)
    return opening is not None and any(word in opening.group().lower() for word in PART_DESIGN_WORDS) \
        and not PART_IN_THE_PAST.search(sentence) and not THIS_STUDY_FOLLOWS.search(sentence) \
        and not _after_another_study(source, s_start)


def _opens_with_the_named_study(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by saying what a study named by its acronym is or will be
    (`NAMED_STUDY_OPENING`) and follows no sentence that points at another study."""
    return NAMED_STUDY_OPENING.match(sentence) is not None and not _after_another_study(source, s_start)


def _goes_on_about_a_study_cited(text: str, s_start: int, sentence: str) -> bool:
    """Whether the sentence opens with "This <kind> study", in the past, after a sentence that cites an earlier study
    of that kind ("In a recent pilot study ... This pilot study design was a crossover study that included 22"), or
    with "In this study", in the past, after one that cites a study with its finding ("A clinical study applied on
    1166 patients ... demonstrated that ... In this study Patients were randomly assigned"), or with "It will be a"
    after a sentence that says another trial is registered separately."""
    if goes_on_about_a_trial_registered_separately(text, s_start, sentence):
        return True
    opening = THIS_KIND_OF_STUDY_IN_THE_PAST_OPENING.match(sentence)
    in_this_study = IN_THIS_STUDY_IN_THE_PAST_OPENING.match(sentence)
    if opening is None and in_this_study is None or not text[:s_start].strip():
        return False
    p_start, p_end = sentence_at(text, s_start - 1)
    if in_this_study is not None and goes_on_about_the_study_cited(text[p_start:p_end]):
        return True
    return opening is not None and cites_a_study_of_kind(text[p_start:p_end], opening[1])


def matches(source: StudyText, pattern: re.Pattern) -> list[re.Match]:
    """The matches `pattern.finditer` gives on the text, found by trying the pattern at its anchors only.

    Exact on any text: an anchor word is looked for in the folded text, where every character a match
    reads as one of the word's letters is that letter, at the same offset.
    """
    anchors = _ANCHORS_BY_KEY.get((pattern.pattern, pattern.flags))
    lowered = folded(source) if anchors is not None else None
    if lowered is None:
        return list(pattern.finditer(source.text))
    starts = set()
    for words, reach, held in anchors:
        if not held or mentions_any(lowered, held):
            places = [at for word in words for at in occurrences(lowered, word)]
            for at in places:
                starts.update(range(max(0, at - reach), at + 1))
    found, tried = [], 0  # `tried`: the first position not yet tried
    for at in sorted(starts):
        if at >= tried:
            m = pattern.match(source.text, at)
            tried = m.end() if m else at + 1
            if m:
                found.append(m)
    return found


def _find_claims(source: StudyText, pattern: re.Pattern) -> list[Claim]:
    return [Claim(source, m.start(), m.end(), negated) for m, s_start, s_end, negated, own in phrases(source, pattern)
            if own or _about_this_study(source, s_start, s_end)]


def phrases(source: StudyText, pattern: re.Pattern) -> Iterator[tuple[re.Match, int, int, bool, bool]]:
    """(match, sentence start, sentence end, negated, own) for each match of the pattern inside one sentence, in
    order, found as they are asked for: a claim is such a match whose sentence is about this study, or that names
    this study (`own`: "this double-blind extension")."""
    if not may_mention(source, NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))):
        return  # most texts never mention the phrase: no sentence work at all
    text = source.text
    key = (pattern.pattern, pattern.flags)
    part_before = PART_BEFORE_BY_KEY.get(key)
    lowered = folded(source)  # at the text's offsets, or None
    for m in matches(source, pattern):  # only the sentences holding a match are split off
        s_start, s_end = sentence_at(text, m.start())
        if m.end() > s_end:  # a phrase spanning a sentence end is no claim
            continue
        sentence = text[s_start:s_end]
        local = m.start() - s_start
        if part_before is not None and part_before.search(sentence, 0, local):
            continue
        if _goes_on_about_a_study_cited(text, s_start, sentence):
            continue
        folded_sentence = lowered and lowered[s_start:s_end]
        own = named_this_study(sentence, local, folded_sentence) or leads_the_title(
            source, sentence, local, m.end() - s_start)
        if not own and not_of_this_design(sentence, local, m.end() - s_start, folded_sentence):
            continue
        if key == _OPEN_LABEL_KEY and open_label_of_another_part(sentence, local, m.end() - s_start):
            continue
        if not own and cited_title(text, s_start, s_end):
            continue
        inner = pattern.match(sentence, local)
        negated = bool(inner and inner.lastindex and inner.group(1)) or bool(
            NEGATION_BEFORE.search(sentence[:local])) or bool(
            NEGATION_AFTER.match(sentence, local + m.end() - m.start()))
        yield m, s_start, s_end, negated, own


def first_affirmed(sources: list[StudyText], pattern: re.Pattern) -> Claim | None:
    """The first claim of the texts not denied: what the first affirmed one of `claims(sources, pattern)` is.

    A match is judged for whether its sentence is about this study only when it is not denied, and no
    match is read past the claim found (denied matches and what follows are no concern of the answer).
    """
    key = (pattern.pattern, pattern.flags)
    needles = NEEDLES_BY_KEY.get(key)
    for source in sources:
        if not may_mention(source, needles):
            continue  # the text has no claim: what claims_in would find there too
        known = source.memo.get(key)
        if known is not None:  # another question read the text's claims already
            for c in known:
                if not c.negated:
                    return c
            continue
        for m, s_start, s_end, negated, own in phrases(source, pattern):
            if not negated and (own or _about_this_study(source, s_start, s_end)):
                return Claim(source, m.start(), m.end(), False)
    return None


def only_denied(sources: list[StudyText], pattern: re.Pattern) -> Claim | None:
    """The first claim of the texts when every claim of them is denied, else None: what reading every claim
    of `claims(sources, pattern)` says, reading no match past the first affirmed claim and judging a denied
    match's sentence only while no claim has been found before it."""
    key = (pattern.pattern, pattern.flags)
    needles = NEEDLES_BY_KEY.get(key)
    first = None
    for source in sources:
        if not may_mention(source, needles):
            continue  # the text has no claim
        known = source.memo.get(key)
        if known is not None:  # another question read the text's claims already
            if any(not c.negated for c in known):
                return None
            first = first or (known[0] if known else None)
            continue
        for m, s_start, s_end, negated, own in phrases(source, pattern):
            if negated and first is not None:
                continue  # a later denial changes nothing
            if own or _about_this_study(source, s_start, s_end):
                if not negated:
                    return None
                first = Claim(source, m.start(), m.end(), True)
    return first
