"""What a study's text says about its own design: blinding, open label, randomisation, study type.

Text matching respects negation ("not randomized", "non-blinded") and context: narrative
text often cites earlier trials ("In a double-blind study across 11 countries..."), so a
narrative sentence counts only when it speaks of this study, and any sentence that points
at another study (a parent study, a published trial, an NCT id) is ignored.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from checks.study_text import StudyText

_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z(\[])|(?<=\w\.)(?=[A-Z][a-z]{2,})|\n\s*\n|\n\s*[-*•]\s+|\n(?=\s*\d{1,2}[.)]\s)"
)
# A negation close before a term, in the same clause: "will not be", "no", "without".
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|without|neither|nor|rather\s+than|instead\s+of)\s+(?:[\w-]+\s+){0,2}|\b(?:non|un)[\s-]?)$",
    re.I,
)
_SELF = re.compile(
    r"\b(?:this|the\s+present|the\s+current|the\s+proposed|our)\s+(?:[\w,()/-]+\s+){0,12}?"
    r"(?:study|trial|protocol|research|investigation|project|design)\b"
    r"|\bwe\s+(?:will|plan|propose|aim|intend|conducted|performed|designed|are\s+conducting)\b"
    r"|^\s*this\s+(?:is|was|will)\b|\b(?:patients|participants|subjects)\s+(?:are|will)\b"
    r"|^\s*(?:the\s+)?[\w-]+\s+(?:is|was)\s+(?:a|an)\s+(?:[\w,()/-]+\s+){0,12}?(?:study|trial)\b"
    r"|\b(?:will|shall)\s+(?:be|receive|undergo)\b|^\s*(?:a|an)\s+(?:[\w,()/-]+\s+){0,10}?(?:study|trial)\b",
    re.I,
)
_OTHER_STUDY = re.compile(
    r"\bet\s+al\b|\bpublished\b|\breported\s+(?:that|in|by)\b|\bshowed\b|\bdemonstrated\b"
    r"|\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:shown|proven|reported)\b|\bliterature\b|\bmeta-?analys"
    r"|\bprevious(?:ly)?\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trials?|reports?|work|research|publications?)\b"
    r"|\bpreviously\s+(?:reported|described|conducted|completed|randomi[sz]ed|enrolled|participated)\b"
    r"|\b(?:parent|prior|preceding|feeder|core|originating|antecedent|earlier|lead-in|index)\s+"
    r"(?:[\w-]+\s+)?(?:study|studies|trial|trials|protocol)\b|\bNCT\d{8}\b"
    r"|\bin\s+(?:a|an|one|two|three|several|many|recent)\s+(?:[\w,()/-]+\s+){0,10}?(?:study|trial|studies|trials)\b"
    r"|\b(?:perform|performing|conduct|conducting|inform|informing|design|designing|prepare|preparing"
    r"|support|feasibility\s+of)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:study|trial)\b"
    r"|\b(?:future|subsequent|larger|definitive|full[\s-]scale|follow-on)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:study|studies|trials?|rcts?)\b"
    r"|\bcurrently\s+in\s+progress\b|\bongoing\b|\bstudies\b|\brolled\s+over\b|\bparticipated\s+in\b"
    r"|\b(?:completed|enrolled\s+in|finished)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:study|trial|protocol)\b",
    re.I,
)
BLINDED = re.compile(
    r"\b(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?|dummy)\b"
    r"|\bplacebo[\s-]+controlled,?\s+blinded\b|\bblinded\s+(?:study|trial|period|phase|design)\b",
    re.I,
)
OPEN_LABEL = re.compile(
    r"\bopen[\s-]*label(?:ed)?\b(?!\s*(?:,\s*)?(?:extension|period|phase|part|stage|portion|lead[\s-]?in"
    r"|run[\s-]?in|follow[\s-]?up|treatment|continuation|arm|cohort|rollover|basis|therapy|drug|use|access))"
    r"|\b(?:no|without)\s+(?:masking|blinding)\b(?!\s+(?:of|for)\b)"
    r"|\bnon[\s-]?(?:blinded|masked)\s+(?:study|trial|design)\b"
    r"|\b(?:study|trial)\s+(?:is|was|will\s+be)\s+(?:not\s+|un-?)(?:blinded|masked)\b",
    re.I,
)
RANDOMIZED = re.compile(
    r"\b(non[\s-]?|un)?randomi[sz](?:ed|ation)\b|\brandomly\s+(?:assigned|allocated|divided)\b", re.I
)
OBSERVATIONAL = re.compile(
    r"\bobservational\s+(?:[\w-]+\s+){0,2}?(?:study|trial|cohort\s+study|design|research)\b", re.I
)
# A design with a masked party that no "open label" text contradicts (PROBE designs and the like).
BLINDED_ASSESSMENT = re.compile(
    r"\b(?:assessor|evaluator|observer|rater|reader|endpoint|end-point|outcome)s?[\s-]+(?:blind|mask)"
    r"|\b(?:blind|mask)(?:ed|ing)?\s+(?:of\s+(?:the\s+)?)?(?:outcomes?\s+)?"
    r"(?:assessor|evaluator|observer|rater|reader|assessment|endpoint|end-point|evaluation)",
    re.I,
)


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


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences and list items of a text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def about_this_study(source: StudyText, sentence: str) -> bool:
    """Whether a sentence speaks of this study rather than of another one."""
    if _OTHER_STUDY.search(sentence):
        return False
    return not source.narrative or bool(_SELF.search(sentence))


def claims(sources: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """Every match of `pattern` in sentences about this study, marked negated or not."""
    found = []
    for source in sources:
        matches = list(pattern.finditer(source.text))
        if not matches:  # most texts never mention the phrase: no sentence work at all
            continue
        bounds = list(sentences(source.text))
        starts = [b[0] for b in bounds]
        verdicts: dict[int, bool] = {}
        for m in matches:
            i = bisect_right(starts, m.start()) - 1
            s_start, s_end = bounds[i]
            if m.end() > s_end:  # the phrase spans a sentence end: not one claim
                continue
            sentence = source.text[s_start:s_end]
            if i not in verdicts:
                verdicts[i] = about_this_study(source, sentence)
            if not verdicts[i]:
                continue
            local = m.start() - s_start
            inner = pattern.match(sentence, local)
            negated = bool(inner and inner.lastindex and inner.group(1)) or bool(
                _NEGATION_BEFORE.search(sentence[:local]))
            found.append(Claim(source, m.start(), m.end(), negated))
    return found


def mentions(sources: list[StudyText], pattern: re.Pattern) -> bool:
    """Whether any of the texts matches `pattern` anywhere (no context rules)."""
    return any(pattern.search(source.text) for source in sources)
