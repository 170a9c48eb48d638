"""Readings of a drug an arm title or an outcome names that no intervention lists, which say the study need not give it:
an intervention named only by a research code, an abbreviation an arm declares, a stratum or a cohort named by
background or prior therapy, and an outcome's drug given as a challenge or a scale's earlier use."""
from __future__ import annotations

import re

from checks.drug_known_names import KnownDrugs
from checks.drug_names import stem_drugs
from checks.drug_other_names import coded_drugs

# An intervention named only by a research code ("GW786034", "OPC-34712", "BI 10773", "PF-00299804 45 mg"): letters,
# an optional hyphen or space and digits, a dose at most. Such a code names a drug the record may name elsewhere by its
# INN (GW786034 is pazopanib), so an arm or an outcome naming an unlisted drug may name the coded one.
_CODE_ONLY_NAME = re.compile(
    r"\s*[A-Za-z]{1,6}[- ]?\d{2,}[A-Za-z]?(?:\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml|mg/kg))?\s*", re.I)


def unknown_codes(names: tuple[str, ...]) -> tuple[str, ...]:
    """The intervention names that are only a research code of no drug the product knows by its code."""
    return tuple(dict.fromkeys(n.strip() for n in names if _CODE_ONLY_NAME.fullmatch(n) and not coded_drugs(n)))


# An abbreviation written right after a drug's name or before it, in brackets: "140 mg evolocumab (EvoMab)",
# "EvoMab (evolocumab)".
def _bracket_pairs(word: str) -> re.Pattern[str]:
    """A pattern of the word in brackets after another word, or of another word in brackets after it."""
    escaped = re.escape(word)
    return re.compile(rf"\b([\w-]+)\s*\(\s*{escaped}\s*\)|\b{escaped}\s*\(\s*([\w-]+)\s*\)", re.I)


def declared_abbreviation(description: str | None, drug: str, known: KnownDrugs) -> bool:
    """Whether an arm's own description declares the drug word as another name of a drug the study gives."""
    if not description or drug not in description.lower():
        return False
    return any((m.group(1) or m.group(2)).lower() in known.drugs for m in _bracket_pairs(drug).finditer(description))


# A title's last bracket ("BI 10773 low (metformin)"); the background therapy of strata ("with different background
# therapies", "on a background of metformin").
_TRAILING_BRACKET = re.compile(r"(.*?\S)\s*\(([^()]*)\)\s*")
_BACKGROUND = re.compile(r"\bback-?\s?grounds?\s+(?:therap|medication|treatment|drug|regimen)|\bbackground\s+of\b",
                         re.I)
_PLACEBO_WORD = re.compile(r"\b(?:placebo|sham|vehicle|dummy)\b", re.I)


def stratum_in_brackets(title: str, drug: str, titles: list[str], context: list[str]) -> bool:
    """Whether the drug is in an arm title's last bracket that names a stratum: arms of one title differ by their
    brackets ("BI 10773 low (drug naive)", "BI 10773 low (metformin)"), or the study speaks of background therapy."""
    bracket = _TRAILING_BRACKET.fullmatch(title)
    if bracket is None or drug not in stem_drugs(bracket.group(2)) or drug in stem_drugs(bracket.group(1)):
        return False
    head = bracket.group(1).lower()
    siblings = {m.group(2).lower() for m in map(_TRAILING_BRACKET.fullmatch, titles)
                if m is not None and m.group(1).lower() == head}
    strata = len(siblings) > 1 and not any(_PLACEBO_WORD.search(s) for s in siblings)
    return strata or any(_BACKGROUND.search(t) for t in context if t)


# A drug taken before the study, as a description words it ("who received their last dose of carfilzomib between 21
# and 60 days prior to the first dose", "previously treated with bortezomib", "refractory to lenalidomide").
_PRIOR_BEFORE = re.compile(
    r"\b(?:last\s+dose\s+of|previously\s+(?:treated\s+with|received|given)|pre-?treated\s+with|prior\s+(?:treatment|"
    r"therapy|exposure)\s+(?:with|to)|refractory\s+to|relapsed\s+(?:after|on|from)|resistant\s+to"
    r"|intolerant\s+(?:of|to)|failed|failure\s+(?:of|on)|progressed\s+(?:on|after)|(?:exposed|na[iï]ve)\s+to"
    r"|discontinued)\s+(?:[\w/-]+\s+){0,3}?$", re.I)


def prior_therapy_of_cohort(description: str | None, drug: str, given: KnownDrugs) -> bool:
    """Whether an arm's own description names the drug of its title as the participants' earlier treatment, and names a
    drug the study gives as the arm's ('Carfilzomib': "Ixazomib citrate ... in the expansion cohort of participants
    who received their last dose of carfilzomib ...")."""
    if not description or not any(d in given for d in stem_drugs(description) - {drug}):
        return False
    return any(_PRIOR_BEFORE.search(description, max(0, m.start() - 60), m.start())
               for m in re.finditer(rf"\b{re.escape(drug)}\b", description, re.I))


# A measured quantity's response to a drug given as a challenge ("Airway Blood Flow Response to Albuterol",
# "bronchodilator response to salbutamol", "cortisol response to ACTH"), not the treatment's effect.
CHALLENGE_RESPONSE = re.compile(
    r"\b(?:flow|pressure|fev1|fvc|conductance|resistance|tone|diameter|dilat\w*|constrict\w*|bronchodilator|"
    r"vasodilator|vasoconstrictor|secretion|release|cortisol|insulin|glucose|hormone|pupil\w*|airways?|vascular|"
    r"endothelial|forearm)\s+respons(?:e|es)\s+to\s+(?:[\w-]+\s+){0,2}?$", re.I)

# A measure's or a scale's earlier use, in the sentence that names the drug ("It has been used to assess mucosal
# healing in response to infliximab", "was validated in patients treated with adalimumab").
_EARLIER_USE = re.compile(
    r"\b(?:has|have)\s+(?:also\s+|previously\s+|widely\s+|since\s+)?been\s+(?:used|validated|applied|employed|studied|"
    r"tested)\b|\bwas\s+(?:(?:previously|originally|first)\s+(?:validated|developed|used)|validated|developed)\s+"
    r"(?:in|for|to|among)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?=\s|[A-Z]|$)")


def earlier_use(text: str, at: int) -> bool:
    """Whether the sentence that names a drug at `at` tells of a measure's earlier use, not of this study."""
    opened = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    return bool(_EARLIER_USE.search(text, opened, at))
