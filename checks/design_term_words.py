"""The words of a design term and those around it: the words of a trial's design, any run of them after a term,
the words before one, and a term that ends with a trial's noun; how far before a term the words right before it are
read."""
from __future__ import annotations

import re

from checks.design_hyphens import HYPHENS, hyphens_wide

# Words that describe a trial's design between its first design word and its noun: "randomized, double-blind,
# placebo-controlled, parallel-group study", "randomised controlled trial", "placebo-controlled phase 3 trial"; any
# hyphen joins their parts (checks.design_hyphens.HYPHENS). What checks.trial_text reads as a trial's design, and
# what the term of another trial runs on with here.
DESIGN_WORD = hyphens_wide(
    r"(?:(?:double|single|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?|dummy)|(?:placebo|sham|vehicle|active)"
    r"[\s-]*controlled|controlled|clinical|blinded|masked|multi-?cent(?:er|re|ric)|multi-?national|international"
    r"|parallel(?:[\s-]*(?:group|arm))?|open[\s-]*label(?:ed)?|prospective|cross-?over|pilot|comparative|pragmatic"
    r"|cluster|factorial|stratified|interventional|exploratory|superiority|non-?inferiority|equivalence"
    r"|phase[\s-]*(?:[1-4]|i{1,3}|iv)[ab]?(?:/(?:[1-4]|i{1,3}|iv)[ab]?)?"
    r"|(?:two|three|four|[2-4])[\s-]*(?:arm(?:ed)?|group)"
    r"|single[\s-]*cent(?:er|re)|regist(?:ry|er)(?:[\s-]*(?:based|embedded|nested))?)"
)
# Any run of them, "randomized" too, after a term and before the trial's noun ("randomised, double-blind, placebo
# controlled, parallel group clinical study"); and the words between an article and a term, up to three and then any
# run of them ("a 52-week, multi-centre, international, phase III, randomised ...").
DESIGN_TERM = hyphens_wide(rf"(?:{DESIGN_WORD}|(?:non[\s-]?)?randomi[sz]ed)")
DESIGN_RUN_AFTER = rf"(?:(?:,?\s+|\s*[{HYPHENS}]\s*)(?:and\s+)?{DESIGN_TERM}\b)*"
WORDS_BEFORE_TERM = rf"(?:[\w-]+,?\s+){{0,3}}(?:{DESIGN_TERM},?\s+)*"
# A term that ends with a trial's noun ("a randomized trial").
ENDS_WITH_TRIAL = re.compile(r"\b(?:study|trial|rct)$", re.I)

# How far before a term the patterns of the words right before it (a few words) are tried.
BEFORE_REACH = 90


def holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether the folded text holds one of the words."""
    for word in words:
        if word in lowered:
            return True
    return False
