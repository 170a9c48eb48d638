"""Which of a study's drug words stands by an amount in a text: the one right after it, the nearest before it in its
clause, the drugs of a combination before a ratio's amounts, or a family's member other than the study's."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from checks.dose_agreement import Dose
from checks.drug_names import FAMILY_WORDS, other_member

# ... a word of how often or by which route may stand between ("250mg once PO Azithromycin", "5 mg IM haloperidol"),
# a unit's form with "of" after it too ("a 2.5 mg tablet of saxagliptin", "100 mg capsule of ritonavir").
_AFTER_DOSE = re.compile(
    r"\s*(?:of\s+)?(?:(?:oral|orally|iv|intravenous|intravenously|im|intramuscular|intramuscularly|tab\.?|tablets?"
    r"|capsules?|sc|subcutaneous|subcutaneously|the|once|twice|po|p\.o\.)\s+(?:of\s+)?)*([a-z][\w-]*)", re.I,
)
# A drug named alone in brackets right after its amount: "single doses of 500mg (aminophylline) and 5mg (ambrisentan)".
_BRACKETED_AFTER_DOSE = re.compile(r"\s*\(\s*([a-z][\w-]*)\s*\)", re.I)
# A code name, its drug's name in brackets after it: "240 mg BI 201335 NA (Faldaprevir) once daily".
_CODE_NAMED_AFTER_DOSE = re.compile(r"\s*(?:[A-Z][A-Z\d-]*|\d[\d-]*)(?:\s+(?:[A-Z][A-Z\d-]*|\d[\d-]*)){0,3}"
                                    r"\s*\(\s*([A-Za-z][\w-]*)\s*\)")
# How far back a drug name may stand from the dose it governs ("Baricitinib ... 2mg").
DRUG_LOOKBACK = 90


def joined_drugs(text: str, dose: Dose, drugs: Mapping[str, str]) -> list[str] | None:
    """The drugs of a combination named right before a ratio's amounts, in order ("lopinavir/ritonavir 400/100 mg",
    "sacubitril + valsartan (97/103 mg)"), with no amount between them and the ratio; None when the nearest drug
    named is not part of such a list of distinct drugs."""
    named = drug_before(text, dose, drugs)
    if named is None or _DIGIT.search(text, named[2], dose.start):
        return None
    joined, at = [named[0]], named[1]
    while len(joined) < MAX_JOINED and (m := _JOINED_BEFORE.search(text, max(0, at - 40), at)) \
            and m.group(1).lower() in drugs:
        joined.insert(0, drugs[m.group(1).lower()])
        at = m.start(1)
    return joined if len(set(joined)) == len(joined) else None


_DIGIT = re.compile(r"\d")
# The most drugs of a combination named together ("elvitegravir/cobicistat/emtricitabine/tenofovir").
MAX_JOINED = 4


def part_of(dose: Dose, index: int) -> Dose:
    """One drug's amount of a ratio ("400/100 mg" read for ritonavir: 100 mg), a count multiplying it as it does
    the whole ("2 tablets (200/50 mg)": 100 mg)."""
    if not dose.parts[0]:
        return replace(dose, parts=(), part=index)
    scale = dose.parts[index] / dose.parts[0]
    single = None if dose.single is None else (dose.single[0] * scale, dose.single[1] * scale)
    return replace(dose, low=dose.low * scale, high=dose.high * scale, single=single, parts=(), part=index,
                   readings=tuple((low * scale, high * scale) for low, high in dose.readings))


def drug_after(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug named right after the dose ("4 mg of oral baricitinib", "5mg (ambrisentan)"), if any."""
    for pattern in (_AFTER_DOSE, _BRACKETED_AFTER_DOSE, _CODE_NAMED_AFTER_DOSE):
        after = pattern.match(text, dose.end)
        if after and after.group(1).lower() in drugs:
            return drugs[after.group(1).lower()]
    return None


def drug_of(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug named right after the dose, else the nearest one before it in its clause."""
    if drug := drug_after(text, dose, drugs):
        return drug
    named = drug_before(text, dose, drugs)
    return named[0] if named else None


def drug_before(text: str, dose: Dose, drugs: Mapping[str, str]) -> tuple[str, int, int] | None:
    """(drug, where its word starts and ends) of the nearest drug word before the dose in its clause, or None."""
    window = max(0, dose.start - DRUG_LOOKBACK)
    before = text[window:dose.start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    lower = clause.lower()
    for word in reversed(WORD_BEFORE.findall(lower)):
        if word in drugs:
            at = _last_word_at(lower, word) + window + len(before) - len(clause)
            return drugs[word], at, at + len(word)
    return None


def of_another_member(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether the nearest drug word before the dose is a family's ('vitamin') followed by a member's word the
    study's drug of that family is not ('Vitamin E 400 IU' in a study of vitamin D3): the dose is another drug's."""
    if not any(word in drugs for word in FAMILY_WORDS):
        return False  # most studies: no family's drug, no dose to look back from
    named = drug_before(text, dose, drugs)
    if named is None or text[named[1]:named[2]].lower() not in FAMILY_WORDS:
        return False
    return other_member(text.lower(), named[2], named[0])


def _last_word_at(text: str, word: str) -> int:
    """Where the last whole-word occurrence of `word` in `text` starts (a word read from the text: one is there)."""
    at = text.rfind(word)
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_-" or
                      text[at + len(word):at + len(word) + 1].isalnum()):
        at = text.rfind(word, 0, at)
    return max(at, 0)


# Two drugs of a combination product joined by a slash or a plus ("lopinavir/ritonavir 400 mg/100 mg",
# "budesonide/formoterol 160/4.5 mcg"): an amount after them is the product's or either drug's.
_JOINED_BEFORE = re.compile(r"([a-z][\w-]*)\s*[/+]\s*$", re.I)
_JOINED_AFTER = re.compile(r"\s*[/+]\s*([a-z][\w-]*)", re.I)


def in_combination(text: str, start: int, end: int, drugs: Mapping[str, str]) -> bool:
    """Whether the drug word at start..end is joined by a slash or a plus to another of the study's drugs."""
    before = _JOINED_BEFORE.search(text, max(0, start - 40), start) \
        if text[max(0, start - 3):start].rstrip()[-1:] in ("/", "+") else None
    after = _JOINED_AFTER.match(text, end) if text[end:end + 3].lstrip()[:1] in ("/", "+") else None
    return any(m is not None and m.group(1).lower() in drugs for m in (before, after))


# A sentence or line break before a dose (the drug it governs stands after it); the words before a dose.
_CLAUSE_BREAK = re.compile(r"[.;!?]\s+(?=[A-Z])|\n")
WORD_BEFORE = re.compile(r"[a-z][\w-]*")
