"""The drug an intervention of a non-drug type names: a device, behavioural intervention or procedure whose name or
description names a drug ("erythropoietin, recombinant" typed PROCEDURE, "Gonadorelin" typed BEHAVIORAL), a dose, or a
product under its registered mark ("Tri-Luma® applied once daily" for a BEHAVIORAL "Tri-Luma Maintenance regimen").
Such a record's phase may be the drug's, and its intervention's type the thing that is wrong. A drug a stent, balloon,
catheter or implant holds and releases ("Everolimus Eluting Stent System", "paclitaxel-coated balloon") is the device's:
it names no drug given otherwise."""
from __future__ import annotations

import re
from typing import Iterable

from checks.other_name_drugs import drugs_of

# Words that name what is made by recombinant DNA, a biological product: "erythropoietin, recombinant", "recombinant
# human growth hormone", "rhGM-CSF".
_RECOMBINANT = re.compile(r"\brecombinant\b|\b(?-i:rh[A-Z])[\w-]*", re.I)
# An amount in a unit only drugs are dosed in ("40 mcg", "0.5 mg/kg", "5000 IU"); not grams or millilitres, which a
# diet, a blood draw or a fluid gives too.
_DOSE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|ng|iu|i\.u\.|milligrams?|micrograms?)"
                   r"(?:\s*/\s*(?:kg|m2|m²))?(?:\s*/\s*(?:d|day|24\s*h))?(?![\w/])", re.I)
# What an amount in such a unit is when it is a nutrient of a diet, no drug: "2,300 mg sodium", "1200 mg of calcium".
_NUTRIENT_AFTER = re.compile(r"\s*(?:/\s*d(?:ay)?\s*|per\s+day\s+|a\s+day\s+|daily\s+)?(?:of\s+)?"
                             r"(?:dietary\s+)?(?:sodium|salt|potassium|calcium|cholesterol|fib(?:re|er)|protein|iron"
                             r"|magnesium)\b", re.I)
# A text that names a substance measured, not given: "measuring estradiol and progesterone levels in saliva".
_MEASURED = re.compile(r"\bmeasur\w*|\b(?:levels?|concentrations?)\s+(?:of|in)\b|\w\s+levels?\b", re.I)
# A word written with a registered or trade mark: "Tri-Luma®", "QVAR®", "Product(TM)".
_MARKED = re.compile(r"([A-Za-z][\w-]*)\s?(?:®|™|\((?:R|TM)\))")
# What a sentence says of a product given as a drug: its form, its being applied or taken ("Tri-Luma® applied once
# daily", "Elidel® cream"); not a dose, which a programme's sessions have too ("intervention dose: 12 sessions").
_GIVEN_AS_A_DRUG = re.compile(r"\b(?:cream|ointment|lotion|gel|tablets?|capsules?|injections?|inhaler|eye\s+drops"
                              r"|suppositor\w*)\b|\bappl(?:ied|y)\s+(?:once|twice|daily|nightly|topically)"
                              r"|\b(?:swallowed|taken\s+(?:once|twice|daily|orally|by\s+mouth))\b", re.I)
# What a description says of a drug it gives or a device releases ("beclomethasone dipropionate administered via an
# inhaler", "Everolimus Eluting Stent System"); not one named among a package of care ("counseling, contingency
# management and methadone or detoxification").
_GIVEN = re.compile(r"\b(?:administ\w+|given|infus\w*|inject\w*|instill\w*|applied|taken|elut(?:ing|ion)"
                    r"|releasing|coated)\b", re.I)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]|$)")
# A drug a device holds and releases where it is placed, in a combination product the device leads (FDA's device centre
# reviews drug-eluting stents and scaffolds, drug-coated balloons, antibiotic-impregnated catheters and shunts,
# steroid-eluting leads and sinus implants as devices): the words that say so, and the devices. An implant that
# releases a drug is most often a drug itself (contraceptive and intravitreal implants), and so are a
# levonorgestrel-releasing intrauterine system, a vaginal ring and drug-loaded beads: none of them is read here.
DEVICE_HELD = (
    (("elut(?:ing|ion)", "coated", "impregnated", "loaded", "bonded", "releasing"),
     ("stents?", "scaffolds?", "balloons?", "catheters?", "leads?", "electrodes?", "shunts?", "grafts?", "sutures?",
      "mesh(?:es)?", "cement", "spacers?", "sponges?", "dressings?")),
    (("elut(?:ing|ion)", "coated", "impregnated"), ("implants?",)),
)
# A word of the drug a device holds, before its holding word ("Everolimus", "Biolimus A9", "chlorhexidine-silver
# sulfadiazine"), up to a word that joins it to another ("aspirin and a sirolimus-eluting stent") or negates it
# ("non-drug-eluting").
_JOINING = r"(?:and|or|with|plus|versus|vs|of|a|an|the|to|in|on|by|for|from|non|bare|without)\b"
_HELD_WORD = rf"(?!{_JOINING})[^\W_][\w.]*"
# The drug's load on the device, which no dose of a drug given is: "(3 µg/mm2)".
_LOAD = r"\s*\(?\d+(?:[.,]\d+)?\s*(?:µg|μg|ug|mcg)\s*(?:/|per)\s*mm(?:2|²)\)?"


def _device_held_pattern() -> re.Pattern:
    """The phrases of DEVICE_HELD: drug and holding word up to the device, which the next phrase may begin with
    ("paclitaxel-coated PTA "), the device and the holding word and drug after it ("graft coated with rifampin",
    "catheter impregnated with minocycline and rifampin"), or the device and the drug's load on it."""
    orders = []
    for holding, devices in DEVICE_HELD:
        holds, device = "|".join(holding), "|".join(devices)
        drug = rf"(?:{_HELD_WORD}[\s-]+){{0,3}}"
        orders.append(rf"(?<![\w-]){drug}(?:{holds})\s+(?:[\w-]+\s+){{0,3}}?(?=(?:{device})\b)")
        acts = holds.replace("elut(?:ing|ion)", "elut(?:es|ing)")
        held = rf"{_HELD_WORD}(?:[\s-]+{_HELD_WORD}){{0,2}}"
        orders.append(rf"\b(?:{device})\s+(?:that\s+)?(?:{acts})(?:\s+with)?\s+{held}(?:\s+and\s+{held})?")
        orders.append(rf"\b(?:{device})\b{_LOAD}")
    return re.compile("|".join(orders), re.I)


_DEVICE_HELD = _device_held_pattern()


def without_device_held_drugs(text: str) -> str:
    """The text without the drugs a device in it holds and releases ("Everolimus Eluting Stent System")."""
    return _DEVICE_HELD.sub(" ", text)


# How much of a text the message quotes.
QUOTED_CHARS = 40


def named_drug(text: str | None, as_given: bool = False) -> str | None:
    """What a text names that is a drug: a drug the project's drug readings know ('erythropoietin', 'cisplatin'),
    only where the text doses or gives it if `as_given` (a description), a recombinant product, or an amount in a
    dose unit ('40 mcg'); None for a substance it measures, and nothing for a drug a device holds (DEVICE_HELD)."""
    if not text or _MEASURED.search(text):
        return None
    text = without_device_held_drugs(text)
    drugs = drugs_of(text, codes=False) if not as_given or _GIVEN.search(text) or _DOSE.search(text) else ()
    if drugs:
        return _written(text, sorted(drugs)[0])
    recombinant = _RECOMBINANT.search(text)
    if recombinant:
        return " ".join(text.split())[:QUOTED_CHARS]
    for dose in _DOSE.finditer(text):
        if not _NUTRIENT_AFTER.match(text, dose.end()):
            return dose.group(0)
    return None


def _written(text: str, drug: str) -> str:
    """The drug as the text writes it ('Erythropoietin' for epoetin), else its name."""
    lower = text.lower()
    for word in re.findall(r"[a-z][\w-]*", lower):
        if drug in drugs_of(word, codes=False):
            start = lower.index(word)
            return text[start:start + len(word)]
    return drug


def marked_product(name: str | None, own: Iterable[str | None], texts: Iterable[str | None]) -> str | None:
    """A product written with a registered or trade mark in a sentence that applies it or gives it in a drug's form:
    any in the intervention's `own` name and description ("Elidel® cream applied twice daily"), and in the record's
    other `texts` one of the words of its name ('Tri-Luma' of "Tri-Luma® applied once daily")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", name or "")}
    for text, anywhere in [(t, True) for t in own] + [(t, False) for t in texts]:
        for sentence in _SENTENCE.findall(" ".join((text or "").split())):
            if not _GIVEN_AS_A_DRUG.search(sentence):
                continue
            for mark in _MARKED.finditer(sentence):
                if anywhere or mark.group(1).lower() in words:
                    return mark.group(1)
    return None


def drug_typed_otherwise(interventions: list[tuple], texts: Iterable[str | None] = ()) -> tuple[str, str, str] | None:
    """The first intervention (type, name, description) that names a drug, as (type, name, what it names); a
    behavioural intervention's or procedure's name is also read in the record's `texts` (titles, summary) under a
    mark. A device's mark is the device's own."""
    texts = tuple(texts)
    for kind, name, description in interventions:
        found = named_drug(name) or named_drug(description, as_given=True)
        if found is None and kind != "DEVICE":
            found = marked_product(name, (name, description), texts)
        if found:
            return kind, name or "", found
    return None
