"""'Randomized' said of the study done before this one: randomized in the primary, parent or antecedent study, a
sentence that opens by naming that study, the group an extension's arm says its participants were randomized to and
the one they were treated as; and "RCT" that a study's texts define as other words than a randomized controlled
trial."""
from __future__ import annotations

import re

from checks.design_text import Claim, sentence_at
from checks.study_text import StudyText

# A randomization done in the study before this one ("The subjects were randomized in the primary vaccination study
# 217744/097", NCT00322335): the earlier study's, named by its role.
_EARLIER_STUDY = r"(?:primary|parent|previous|prior|antecedent|original|earlier|preceding|feeder|core|lead-in)"
_IN_AN_EARLIER_STUDY_AFTER = re.compile(
    r"\s+in\s+(?:the\s+)?" + _EARLIER_STUDY + r"\s+(?:[\w-]+\s+){0,2}?(?:study|trial|protocol)\b", re.I)
# A sentence that opens by naming the study before this one ("In Serono Study 24380, the antecedent protocol to Study
# 25373, patients were randomly assigned", NCT01077960): all it says is of that study.
_EARLIER_STUDY_OPENING = re.compile(
    r"\s*in\s+(?:[\w-]+\s+){0,2}?(?:study|trial|protocol)\s+[\w/-]*\d[\w/-]*\s*,\s+the\s+" + _EARLIER_STUDY
    + r"\s+(?:study|trial|protocol)\b", re.I)
# "re-randomized": the same study randomizing again; a sentence's start, to find the opening above before it.
_RE_BEFORE = re.compile(r"\bre-?$", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.;]\s)")


# What an extension's arm says of the group its participants were randomized to in the parent study and the group they
# were treated as ("Subject was randomized in group B13_15_27 but treated as group B12_M13", NCT01139021).
_TREATED_AS_ANOTHER_AFTER = re.compile(
    r"\s+(?:in|to|into)\s+(?:the\s+)?(?:group|arm|cohort)\s+[\w/-]+\s+but\s+(?:was\s+)?"
    r"(?:treated|dosed|vaccinated|analy[sz]ed)\s+(?:as|in|with)\b", re.I)


def of_a_study_before(claim: Claim) -> bool:
    """Whether a 'randomized' claim is of the study done before this one: "randomized in the primary vaccination
    study", or in a sentence that opens "In Study 24380, the antecedent protocol to Study 25373, ...", or a
    re-randomization after such a sentence."""
    text = claim.source.text
    if _IN_AN_EARLIER_STUDY_AFTER.match(text, claim.end):
        return True
    if _EARLIER_STUDY_OPENING.match(text, sentence_at(text, claim.start)[0], claim.start) is not None:
        return True
    # Those patients "then were re-randomized": a second randomization of the same earlier study.
    return _RE_BEFORE.search(text, max(0, claim.start - 3), claim.start) is not None and any(
        _EARLIER_STUDY_OPENING.match(text, m.end()) for m in _SENTENCE_START.finditer(text, 0, claim.start))


def treated_as_another_group(claim: Claim) -> bool:
    """Whether a 'randomized' claim goes on to say its participants were treated as another group than the one they
    were randomized to (`_TREATED_AS_ANOTHER_AFTER`): in an extension, the parent study's groups."""
    return _TREATED_AS_ANOTHER_AFTER.match(claim.source.text, claim.end) is not None


# "RCT" that a text of the study defines as three other words, before or after it in brackets ("Reverse Cholesterol
# Transport (RCT) Study", "parameters of RCT (reverse cholesterol transport)", NCT00673881): the study's texts then use
# it for those words, not for a randomized controlled trial.
_THREE_WORDS_SPELLING_RCT = r"(?!randomi[sz])r[\w-]+\s+c[\w-]+\s+t[\w-]+"
_RCT_DEFINED_OTHERWISE = re.compile(
    rf"\b{_THREE_WORDS_SPELLING_RCT}\s*\(\s*(?-i:RCT)\s*\)"
    rf"|(?<![\w-])(?-i:RCT)\s*\(\s*{_THREE_WORDS_SPELLING_RCT}\s*\)", re.I)


def rct_defined_otherwise(texts: list[StudyText]) -> bool:
    """Whether a text of the study defines "RCT" as words other than randomized controlled trial."""
    return any(_RCT_DEFINED_OTHERWISE.search(t.text) for t in texts)
