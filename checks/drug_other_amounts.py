"""Amounts in a text that are no dose of a study's drug: a step of a dose, an amount of another substance or of a
carrier, a placebo's, or that of a product named right before the amount."""
from __future__ import annotations

import re
from typing import Mapping

from checks.dose_agreement import Dose
from checks.drug_names import FORM_WORDS

# An amount that is a step of the dose, not the dose: "injected in 5 ml increments", "10 ml aliquots".
_STEP_OF_DOSE = re.compile(r"[\s-]*(?:increments?|aliquots?|portions?)\b", re.I)
# "<amount> of <word>": the word names what the amount is of ("91.5 mg of lactose"), unless it is one of these.
_OF_WORD = re.compile(r"\s*of\s+(?:the\s+|a\s+|an\s+)?([a-z][\w-]*)", re.I)
OF_NOT_A_SUBSTANCE = FORM_WORDS | frozenset({
    "body", "bodyweight", "weight", "study", "active", "investigational", "product", "medication", "medicine",
    "each", "either", "both", "it", "this", "that", "which", "drug", "agent", "compound", "dose", "doses",
})


# An amount of a carrier that contains the dose: "50 g of dairy powder containing 6.5 g MPL" (NCT05700916).
_CARRIER = re.compile(r"(?:\s+of)?(?:\s+[\w-]+){0,3}?\s+(?:containing|contains|which\s+contains|providing)\s+"
                      r"(?:about\s+|approximately\s+)?\d", re.I)
# A list item that is an amount and then a name: "..., 91.5 mg of lactose and 0.3 mg Sunset Yellow FCF".
_LIST_ITEM_BEFORE = re.compile(r"(?:,|\band)\s*$")
_NAME_AFTER = re.compile(r"\s+([A-Z][A-Za-z-]{3,})")


def of_another_substance(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether the amount is a step of a dose ("in 5 ml increments"), or is said to be of a substance the study
    does not list as a drug ("each capsule contains 30 mg iron, 91.5 mg of lactose and 0.3 mg Sunset Yellow"):
    it is no dose of a drug."""
    if _STEP_OF_DOSE.match(text, dose.end) or _CARRIER.match(text, dose.end):
        return True
    of = _OF_WORD.match(text, dose.end)
    if of:
        return (word := of.group(1).lower()) not in drugs and word not in OF_NOT_A_SUBSTANCE
    named = _NAME_AFTER.match(text, dose.end)
    if named is None or not _LIST_ITEM_BEFORE.search(text, max(0, dose.start - 6), dose.start):
        return False
    word = named.group(1).lower()
    return word not in drugs and word not in OF_NOT_A_SUBSTANCE and word not in LEAD_INS


# The amount of a placebo, named for the drug it matches: "placebo matching apixaban 5 mg", "placebo to match
# sitagliptin 100 mg", "apixaban-matching placebo 5 mg".
_PLACEBO_OF = re.compile(
    r"\b(?:placebos?|dummy|sham|vehicle)(?:\s+(?:tablets?|capsules?|pills?|injections?|infusions?|solution))?\s+"
    r"(?:matching|matched\s+(?:to|with)|to\s+match|that\s+match(?:es)?|identical\s+to|corresponding\s+to|for|of)\s+"
    r"(?:the\s+)?(?:[\w/-]+\s+){0,3}$|\b[\w-]+[\s-]+placebos?\s*$", re.I)
_PLACEBO_WORDS = ("placebo", "dummy", "sham", "vehicle")
PLACEBO_LOOKBACK = 70


def placebo_of(text: str, dose: Dose) -> bool:
    """Whether the amount is said of a placebo matching a drug, not of the drug."""
    before = text[max(0, dose.start - PLACEBO_LOOKBACK):dose.start]
    lower = before.lower()
    return any(word in lower for word in _PLACEBO_WORDS) and _PLACEBO_OF.search(before) is not None


# A capitalised word right before an amount names what the amount is of: a product the study lists no
# intervention for ("an injection of Lupron 3.75 mg", "Calcium 500 mg"), unless it is one of the words that
# lead into a dose.
_NAME_RIGHT_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z-]{3,})\s*[:,]?\s*$")
# A second product of a combination written as "<name> <amount>/<name> <amount>", its name (and its abbreviation in
# brackets) right before its own amount: "naproxen sodium 220 mg /diphenhydramine hydrochloride (DPH) 25 mg",
# "Naproxen sodium 440 mg/DPH 50 mg".
_SLASHED_NAME_BEFORE = re.compile(
    r"\d\s*(?:mg|g|mcg|µg|μg|ug|iu)\s*/\s*(?!(?:kg|m2|m|day|d|dose|ml|l|h|hr|hours?|min|weeks?|wk|body)\b)"
    r"(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*(?:\([a-z][\w-]{1,9}\)\s*)?$",
    re.I)
LEAD_INS = FORM_WORDS | frozenset({
    "dosage", "dosing", "day", "days", "week", "weeks", "month", "months", "cycle", "cycles", "cohort", "cohorts",
    "level", "levels", "part", "stage", "phase", "period", "total", "then", "approximately", "about", "receive",
    "receives", "received", "take", "takes", "taken", "given", "give", "administered", "administer", "single",
    "fixed", "starting", "initial", "loading", "maintenance", "bolus", "maximum", "minimum", "target", "each",
    "every", "from", "also", "only", "both", "either", "until", "strength", "amount", "participants", "patients",
    "subjects", "children", "adults", "volunteers", "intramuscular", "intravenously", "subcutaneously",
    # an arm's type or role heading its text ("Experimental :\n50 mg/kg bolus"): the arm's own amount follows
    "experimental", "comparator", "control", "arm", "group",
})


# An item of a list opening with a name, in any case, right before the amount: "..., cytosine arabinoside 300 mg/m^2",
# "Chemo: vincristine 1.2 mg/m2", ", B12 vitamin 0.72 µg" (the amount is that name's). Words that lead into a dose
# keep it the drug's ("..., then 30 mg", "..., up to 4 mg").
_LIST_SEPARATORS = (",", ";", ":", "+", " and", " plus")
# A family's member may be named by a letter and digits before the family's word ("B12 vitamin").
_LISTED_NAME = re.compile(r"\s+(?P<name>(?:[a-z]\d{1,2}\s+)?[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){0,2})", re.I)
# How far back the separator opening the item may stand.
LIST_ITEM = 50
LIST_LEAD_INS = (LEAD_INS - {"acid", "sodium", "hydrochloride", "hcl", "vaccine"}) | frozenset({
    "followed", "increased", "decreased", "reduced", "raised", "up", "by", "at", "dose", "is", "are", "was", "were",
    "be", "will", "as", "via", "than", "over", "under", "within", "after", "before", "versus", "vs", "mean",
    "median", "max", "min", "not", "more", "less", "least", "most", "exceed", "exceeding", "thereafter", "next",
    "second", "third", "dosed", "doses", "given", "week", "weeks", "days", "hours", "hrs", "once", "twice", "times",
    "usual", "recommended", "range", "ranging", "between", "additional", "another", "further",
    "subsequent", "subsequently", "later", "afterwards", "reduction", "increase", "escalation", "orally", "iv",
})


def named_otherwise(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether a name that is neither one of the study's drugs nor a lead-in word stands right before the
    dose's amount: the amount is that product's, not a drug named further back or the arm's own."""
    slashed = _SLASHED_NAME_BEFORE.search(text, max(0, dose.start - 60), dose.start)
    if slashed and not any(w in drugs for w in slashed.group("name").lower().split()):
        return True
    m = _NAME_RIGHT_BEFORE.search(text, max(0, dose.start - 40), dose.start)
    if m:
        word = m.group(1).lower()
        if word not in LEAD_INS and word not in drugs:
            return True
        if word in drugs or word in LIST_LEAD_INS:  # the word that would end a listed name
            return False
    name = _listed_name(text, dose.start, drugs)
    return bool(name) and not any(w in LIST_LEAD_INS or w in drugs for w in name.lower().split())


def _listed_name(text: str, start: int, drugs: Mapping[str, str]) -> str | None:
    """The name opening the list item that ends right before `start` ("cytosine arabinoside" in "..., cytosine
    arabinoside 300 mg"), or None; None at once when the word right before is a drug or a lead-in."""
    end = start
    while end > 0 and text[end - 1] in " :":
        end -= 1
    if end == 0 or not text[end - 1].isalpha():  # no word right before the amount
        return None
    window = max(0, start - LIST_ITEM)
    last = text[max(window, text.rfind(" ", window, end) + 1):end].lower()
    if last in LIST_LEAD_INS or last in drugs:
        return None
    opening = -1
    for sep in _LIST_SEPARATORS:
        at = text.rfind(sep, window, end)
        if at >= 0 and at + len(sep) > opening:
            opening = at + len(sep)
    if opening < 0:
        return None
    m = _LISTED_NAME.fullmatch(text, opening, end)
    return m.group("name") if m else None
