"""Recognise drug names in free text (INN stems) and the drugs a study's intervention names name."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import Container, Iterable, Mapping

from checks.dose_text import Dose, parse_doses
from checks.study_context import folded_words_pattern

# WHO International Nonproprietary Name stems (suffixes) that mark a word as a drug name.
INN_STEMS = (
    "mab", "tinib", "anib", "rafenib", "ciclib", "parib", "lisib", "zomib", "cept", "kinra", "leukin",
    "parin", "xaban", "gatran", "grel", "grelor", "vir", "statin", "olol", "alol", "pril", "sartan",
    "azole", "cycline", "mycin", "micin", "oxacin", "cillin", "penem", "fungin", "platin", "taxel",
    "rubicin", "citabine", "trexed", "tecan", "mustine", "phamide", "fosfamide", "lutamide", "relix",
    "relin", "dipine", "pamil", "tiazem", "thiazide", "gliptin", "gliflozin", "glitazone", "glutide",
    "formin", "lukast", "setron", "triptan", "afil", "coxib", "profen", "azepam", "azolam", "barbital",
    "oxetine", "triptyline", "peridol", "apine", "idone", "asone", "isone", "olone", "sonide",
    "terol", "tropium", "dronate", "vaptan", "caine", "curonium", "codone", "morphone", "fentanil",
    "vudine", "ciclovir", "reotide", "paratide", "tretin",
    # Stems of newer classes (venetoclax, vismodegib, sotorasib, capivasertib, vorinostat), peptides (exenatide,
    # linaclotide), H2 blockers and cytidine analogues (ranitidine, azacitidine), meglitinides, loop diuretics, mTOR
    # inhibitors (everolimus), growth factors (filgrastim, darbepoetin), RNA interference drugs (inclisiran), NSAIDs
    # (diclofenac, meloxicam), quinine's kin (chloroquine), a conjugate's payload (emtansine), gepants,
    # tricyclics (imipramine), alpha blockers, NK1 antagonists, thrombolytics (alteplase), endothelin antagonists,
    # hirudins, IIb/IIIa antagonists, beta-lactamase inhibitors, racetams, progestins, antimuscarinics, CAR-T cells.
    "clax", "degib", "rasib", "sertib", "inostat", "tide", "tidine", "glinide", "semide", "limus", "grastim",
    "mostim", "siran", "fenac", "oxicam", "quine", "tansine", "gepant", "pramine", "azosin", "pitant",
    "teplase", "sentan", "poetin", "irudin", "fiban", "bactam", "racetam", "gestrel", "fenacin", "leucel",
)
# Every text with a drug word (`stem_drugs`) holds a stem before a character that is no ASCII letter, digit nor
# underscore (or at its end), each letter one that lower-cases to it: a screen Arrow runs (RE2) before any text
# is read in Python. A letter of the class may stand for more than it must (ı, ſ): the screen only passes more.
STEM_SCREEN = "(?:" + folded_words_pattern(INN_STEMS) + ")(?:[^0-9A-Za-z_]|$)"
# Hyphens split words here, so "hdl-cholesterol" is read as "hdl" and "cholesterol".
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]")
_NUMBER = re.compile(r"[\d.]+")
# Rules ask about the same texts again and again (each arm, outcome and intervention of a study).
_MEMO = 8192
# A drug word has at least this many letters before its stem ("aprepitant" yes, "mab" alone no); before a stem of
# LONG_STEM letters or more, two ("sorafenib", "diazepam", "rocuronium", "decitabine").
STEM_PREFIX = 3
LONG_STEM, LONG_STEM_PREFIX = 6, 2
# Ordinary words and body chemistry that happen to end like a drug stem (sterols end in -terol; the neurosteroids
# and cortisol's partner measured as hormones: "Urinary cortisol and cortisone", "Serum pregnenolone sulfate").
NOT_DRUGS = frozenset({
    "april", "concept", "accept", "except", "intercept", "percept", "precept", "interleukin", "ghrelin",
    "povidone", "cholesterol", "noncholesterol", "cystatin", "cortisone", "pregnenolone", "allopregnanolone",
    # Tides of the sea and of the year; the nucleosides and the amino acid the H2 blockers' stem ends; what
    # precipitates an attack.
    "riptide", "eventide", "yuletide", "noontide", "springtide", "whitsuntide", "shrovetide", "cytidine", "histidine",
    "precipitant",
})
# Endings of body chemistry built like a drug stem: sterols (-terol), peptides and nucleotides (-tide), the
# nucleosides of DNA (deoxycytidine, -tidine) and phosphoinositides.
NOT_DRUG_ENDINGS = ("sterol", "peptide", "nucleotide", "ycytidine", "inositide")
# Words in intervention names that are not the drug itself ("tab baricitinib 4 mg daily").
FORM_WORDS = frozenset({
    "tab", "tabs", "tablet", "tablets", "capsule", "capsules", "cap", "caps", "oral", "orally", "injection",
    "infusion", "intravenous", "iv", "sc", "subcutaneous", "im", "dose", "doses", "high", "low", "daily",
    "weekly", "once", "twice", "mg", "g", "mcg", "ug", "ml", "kg", "solution", "suspension", "cream",
    "gel", "patch", "drug", "with", "and", "plus", "or", "of", "the", "a", "in", "for", "to", "arm",
    "group", "placebo", "matching", "standard", "care", "therapy", "treatment", "regimen", "combination",
    "extended", "release", "er", "xr", "sr", "film", "coated", "hydrochloride", "hcl", "sodium",
    "acid", "vaccine", "dry", "powder", "inhaler", "spray", "eye", "drops", "topical",
    # Routes as prescriptions abbreviate them ("Montelukast dosage: PO 10 mg QHS"): by mouth, under the tongue, by
    # rectum, inhaled, nebulised.
    "po", "sl", "pr", "inh", "neb", "sublingual", "inhaled", "nebulized", "nebulised",
})


@lru_cache(maxsize=_MEMO)
def stem_drugs(text: str | None) -> frozenset[str]:
    """Lower-case words of a text that carry a drug INN stem (belimumab, baricitinib...)."""
    if not text:
        return frozenset()
    return frozenset(w for w in _WORD.findall(text.lower())
                     if w.endswith(INN_STEMS) and w.isascii() and w.isalpha() and _has_stem(w)
                     and w not in NOT_DRUGS and not w.endswith(NOT_DRUG_ENDINGS))


def _has_stem(word: str) -> bool:
    return any(word.endswith(stem) and len(word) >= len(stem) + (LONG_STEM_PREFIX if len(stem) >= LONG_STEM
                                                                  else STEM_PREFIX) for stem in INN_STEMS)


# Words that name a family whose members a short word after them tells apart ('Vitamin D3', 'Vitamin E', 'Factor
# VIII'): the member's word is part of the drug's name, and a dose after the family's word with another member's is
# that member's.
FAMILY_WORDS = frozenset({"vitamin", "factor"})
# The short word that names a family's member: a letter or two with digits ('d3', 'b12', 'k2', 'e'), or a roman
# numeral ('viii').
_MEMBER = re.compile(r"[a-z]{1,2}\d{0,2}|[ivx]{1,5}")


def name_words(name: str | None) -> set[str]:
    """The drug words of an intervention name: 'tab methotrexate 25 mg weekly' -> {'methotrexate'}; 'Vitamin D3'
    -> {'vitamin', 'd3'} (a family's member, however short its word)."""
    if not name:
        return set()
    words = _NAME_TOKEN.findall(name.lower())
    members = {after for w, after in zip(words, words[1:]) if w in FAMILY_WORDS and _MEMBER.fullmatch(after)}
    return {w for w in words if (len(w) >= 4 or w in members) and w not in FORM_WORDS and not _NUMBER.fullmatch(w)}


# A name's words, and its single letters (a family's member: 'Vitamin D', 'Hepatitis B').
_NAME_TOKEN = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]|[a-z]")


_NEXT_WORD = re.compile(r"[\s-]*([a-z0-9]+)")


def _other_member(lower: str, end: int, drug: str) -> bool:
    """Whether the family's word ending at `end` is followed by a member's word the drug's name does not hold
    ('vitamin e' where the drug is 'vitamin d3')."""
    after = _NEXT_WORD.match(lower, end)
    return after is not None and _MEMBER.fullmatch(after.group(1)) is not None and \
        after.group(1) not in drug.split()


_NAME_PARTS = re.compile(r"\s*(?:\+|/|,|;|&|\band\b|\bwith\b|\bplus\b|\bvs\.?|\bversus\b|\bor\b)\s*", re.I)


def drug_vocabulary(names: Iterable[str | None], texts: Iterable[str | None] = ()) -> dict[str, str]:
    """Drug words of intervention names and INN-stem words of texts, each mapped to its drug's name."""
    # Each part of a name is one drug: 'Peginterferon alfa-2a + Ribavirin' gives
    # peginterferon, alfa-2a -> 'peginterferon alfa-2a' and ribavirin -> 'ribavirin'.
    vocabulary: dict[str, str] = {}
    for name in names:
        for part in _NAME_PARTS.split(name or ""):
            words = name_words(part)
            if not words:
                continue
            drug = " ".join(w for w in _NAME_TOKEN.findall(part.lower()) if w in words or w == "acid")
            for word in words:
                if len(word) > 1:  # a member's single letter is part of the name, too common in a text to find it
                    vocabulary.setdefault(word, drug)
    for text in texts:
        for word in stem_drugs(text):
            vocabulary.setdefault(word, word)
    return vocabulary


@lru_cache(maxsize=_MEMO)
def words_in(text: str | None) -> frozenset[str]:
    """Every lower-case word of a text, to test whether a drug is mentioned there."""
    words = set(_TOKEN.findall((text or "").lower()))
    return frozenset(words | {part for word in words if "-" in word for part in word.split("-")})


def word_at(text: str, word: str) -> int:
    """Where a lower-case word first occurs as a whole word in a text (0 when it does not)."""
    m = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    return m.start() if m else 0


_AFTER_DOSE = re.compile(
    r"\s*(?:of\s+)?(?:(?:oral|orally|iv|intravenous|tab\.?|tablets?|capsules?|sc|subcutaneous|the)\s+)*([a-z][\w-]*)",
    re.I,
)
# How far back a drug name may stand from the dose it governs ("Baricitinib ... 2mg").
DRUG_LOOKBACK = 90


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


def doses_by_drug(text: str | None, drugs: Mapping[str, str], default: str | None = None) -> dict[str, list[Dose]]:
    """Doses of a text by drug (`drugs` maps lower-case words to drug names); unattributed ones go to `default`,
    unless a name the study does not list stands right before the amount ("Lupron 3.75 mg"); an amount of a
    substance the study does not list ("91.5 mg of lactose"), or a step of a dose ("5 ml increments"), is none."""
    found: dict[str, list[Dose]] = {}
    concentration: tuple[str, int] | None = None  # the last concentration's drug, and where it ended
    for dose in parse_doses(text):
        if dose.unit == PERCENT:  # compared with the drug's concentrations only, whatever its amounts say
            drug = _drug_of_concentration(text, dose, drugs) or _continued(text, dose, concentration, drugs)
            if drug:
                found.setdefault(f"{drug} {CONCENTRATION}", []).append(dose)
                concentration = (drug, dose.end)
            continue
        if of_another_substance(text, dose, drugs) or of_another_member(text, dose, drugs):
            continue
        if len(dose.parts) > 1 and (joined := _joined_drugs(text, dose, drugs)) and len(joined) == len(dose.parts):
            for i, drug in enumerate(joined):  # "lopinavir/ritonavir 400/100 mg": each drug's amount
                found.setdefault(drug, []).append(_part_of(dose, i))
            continue
        if named_otherwise(text, dose, drugs):  # the dose is of the name before it, unless a drug follows
            drug = _drug_after(text, dose, drugs)
        else:
            drug = _drug_of(text, dose, drugs) or default
        if drug:
            found.setdefault(drug, []).append(dose)
    return found


PERCENT = "%"
# The word after a drug's name that keys its concentrations apart from its amounts ("bupivacaine concentration"): an
# arm's "0.5%, 20 mL" and an intervention's "0.25%, 20 mL" disagree in concentration though their volumes agree.
CONCENTRATION = "concentration"
# Words that may stand between a drug's name and its concentration: a salt, a form, a route, "at a concentration of"
# ("timolol maleate 0.5%", "bupivacaine hydrochloride (hyperbaric) 0.75%", "tacrolimus ointment 0.1%").
CONCENTRATION_LEAD_INS = FORM_WORDS | frozenset({
    "maleate", "tartrate", "sulfate", "sulphate", "citrate", "besylate", "mesylate", "fumarate", "succinate",
    "propionate", "dipropionate", "acetonide", "valerate", "butyrate", "furoate", "phosphate", "acetate", "bromide",
    "chloride", "gluconate", "digluconate", "potassium", "calcium", "magnesium", "nitrate", "lactate",
    "hyperbaric", "isobaric", "hypobaric", "heavy", "plain", "ophthalmic", "ointment", "lotion", "foam", "jelly",
    "viscous", "nasal", "vaginal", "rectal", "spinal", "epidural", "local", "anesthetic", "anaesthetic", "at",
    "concentration", "strength", "w", "v", "wt", "vol", "preservative-free", "free", "mouthwash", "rinse",
})
_CONCENTRATION_WORDS = re.compile(r"[a-z][\w-]*|[^\sa-z/():,]", re.I)
# A vehicle's concentration: "0.9% saline", "5% dextrose", "0.9% NaCl", "70% alcohol".
_VEHICLE_AFTER = re.compile(r"\s*(?:w/v\s+|normal\s+|sterile\s+)?(?:saline|dextrose|glucose|sodium\s+chloride|nacl"
                            r"|water|ethanol|alcohol|albumin|lipid|intralipid|mannitol)\b", re.I)
# Concentrations listed before another ("0.03% or ", "0.5%, 0.75% and ").
_LISTED_CONCENTRATIONS = re.compile(r"(?:\d*\.?\d+\s*%\s*(?:,|/|\bor\b|\band\b)\s*)+$", re.I)
# How far back a concentration's drug may be named.
CONCENTRATION_LOOKBACK = 60


def _drug_of_concentration(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug a concentration is of: named right after it ("1% lidocaine"), or right before it with only a salt, a
    form or a route between ("Timolol maleate 0.5%", "lidocaine gel 2%"). A percentage standing elsewhere ("a 25%
    reduction in lidocaine") is no drug's concentration: none is guessed from the text's drug."""
    if placebo_of(text, dose):
        return None
    if drug := _drug_after(text, dose, drugs):
        return drug
    if _VEHICLE_AFTER.match(text, dose.end):  # "ketamine in 0.9% saline": the saline's
        return None
    before = text[max(0, dose.start - CONCENTRATION_LOOKBACK):dose.start]
    if listed := _LISTED_CONCENTRATIONS.search(before):  # "tacrolimus ointment 0.03% or 0.1%"
        before = before[:listed.start()]
    for word in reversed(_CONCENTRATION_WORDS.findall(before)):
        lower = word.lower()
        if lower in drugs:
            return drugs[lower]
        if lower not in CONCENTRATION_LEAD_INS:
            return None
    return None


def _continued(text: str, dose: Dose, last: tuple[str, int] | None, drugs: Mapping[str, str]) -> str | None:
    """The drug of the concentration before this one in its sentence when no other drug is named between them
    ("bupivacaine 0.5%, 20 mL, then 0.125% infusion"): the text goes on about the same drug."""
    if last is None or _VEHICLE_AFTER.match(text, dose.end):
        return None
    between = text[last[1]:dose.start]
    if _SENTENCE_BREAK.search(between) or any(word in drugs and drugs[word] != last[0]
                                              for word in _WORD_BEFORE.findall(between.lower())):
        return None
    return None if placebo_of(text, dose) else last[0]


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")


def _joined_drugs(text: str, dose: Dose, drugs: Mapping[str, str]) -> list[str] | None:
    """The drugs of a combination named right before a ratio's amounts, in order ("lopinavir/ritonavir 400/100 mg",
    "sacubitril + valsartan (97/103 mg)"), with no amount between them and the ratio; None when the nearest drug
    named is not part of such a list of distinct drugs."""
    named = _drug_before(text, dose, drugs)
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


def _part_of(dose: Dose, index: int) -> Dose:
    """One drug's amount of a ratio ("400/100 mg" read for ritonavir: 100 mg), a count multiplying it as it does
    the whole ("2 tablets (200/50 mg)": 100 mg)."""
    if not dose.parts[0]:
        return replace(dose, parts=(), part=index)
    scale = dose.parts[index] / dose.parts[0]
    single = None if dose.single is None else (dose.single[0] * scale, dose.single[1] * scale)
    return replace(dose, low=dose.low * scale, high=dose.high * scale, single=single, parts=(), part=index,
                   readings=tuple((low * scale, high * scale) for low, high in dose.readings))


def _drug_after(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug named right after the dose ("4 mg of oral baricitinib"), if any."""
    after = _AFTER_DOSE.match(text, dose.end)
    if after and after.group(1).lower() in drugs:
        return drugs[after.group(1).lower()]
    return None


def _drug_of(text: str, dose: Dose, drugs: Mapping[str, str]) -> str | None:
    """The drug named right after the dose, else the nearest one before it in its clause."""
    if drug := _drug_after(text, dose, drugs):
        return drug
    named = _drug_before(text, dose, drugs)
    return named[0] if named else None


def not_given_here(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether a text's amount is not a dose it gives of the drug named with it: a placebo's ("placebo matching
    apixaban 5 mg"), a drug's the participants took before or go without ("switched from tacrolimus 0.1 mg/kg/day",
    "without dexamethasone 8 mg"), or a combination product's ("budesonide/formoterol 160/4.5 mcg")."""
    if _drug_after(text, dose, drugs) or named_otherwise(text, dose, drugs):
        return placebo_of(text, dose)
    named = _drug_before(text, dose, drugs)
    # A combination's amount read for one of its drugs ("lopinavir/ritonavir 400/100 mg") is that drug's.
    joined = dose.part is None
    return placebo_of(text, dose) or bool(named) and (taken_before(text, named[1])
                                                      or joined and _in_combination(text, named[1], named[2], drugs))


def _drug_before(text: str, dose: Dose, drugs: Mapping[str, str]) -> tuple[str, int, int] | None:
    """(drug, where its word starts and ends) of the nearest drug word before the dose in its clause, or None."""
    window = max(0, dose.start - DRUG_LOOKBACK)
    before = text[window:dose.start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    lower = clause.lower()
    for word in reversed(_WORD_BEFORE.findall(lower)):
        if word in drugs:
            at = _last_word_at(lower, word) + window + len(before) - len(clause)
            return drugs[word], at, at + len(word)
    return None


def of_another_member(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether the nearest drug word before the dose is a family's ('vitamin') followed by a member's word the
    study's drug of that family is not ('Vitamin E 400 IU' in a study of vitamin D3): the dose is another drug's."""
    if not any(word in drugs for word in FAMILY_WORDS):
        return False  # most studies: no family's drug, no dose to look back from
    named = _drug_before(text, dose, drugs)
    if named is None or text[named[1]:named[2]].lower() not in FAMILY_WORDS:
        return False
    return _other_member(text.lower(), named[2], named[0])


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


def _in_combination(text: str, start: int, end: int, drugs: Mapping[str, str]) -> bool:
    """Whether the drug word at start..end is joined by a slash or a plus to another of the study's drugs."""
    before = _JOINED_BEFORE.search(text, max(0, start - 40), start) \
        if text[max(0, start - 3):start].rstrip()[-1:] in ("/", "+") else None
    after = _JOINED_AFTER.match(text, end) if text[end:end + 3].lstrip()[:1] in ("/", "+") else None
    return any(m is not None and m.group(1).lower() in drugs for m in (before, after))


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
LEAD_INS = FORM_WORDS | frozenset({
    "dosage", "dosing", "day", "days", "week", "weeks", "month", "months", "cycle", "cycles", "cohort", "cohorts",
    "level", "levels", "part", "stage", "phase", "period", "total", "then", "approximately", "about", "receive",
    "receives", "received", "take", "takes", "taken", "given", "give", "administered", "administer", "single",
    "fixed", "starting", "initial", "loading", "maintenance", "bolus", "maximum", "minimum", "target", "each",
    "every", "from", "also", "only", "both", "either", "until", "strength", "amount", "participants", "patients",
    "subjects", "children", "adults", "volunteers", "intramuscular", "intravenously", "subcutaneously",
})


# An item of a list opening with a name, in any case, right before the amount: "..., cytosine arabinoside 300 mg/m^2",
# "Chemo: vincristine 1.2 mg/m2" (the amount is that name's). Words that lead into a dose keep it the drug's
# ("..., then 30 mg", "..., up to 4 mg").
_LIST_SEPARATORS = (",", ";", ":", "+", " and", " plus")
_LISTED_NAME = re.compile(r"\s+(?P<name>[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){0,2})", re.I)
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


# A sentence or line break before a dose (the drug it governs stands after it); the words before a dose.
_CLAUSE_BREAK = re.compile(r"[.;!?]\s+(?=[A-Z])|\n")
_WORD_BEFORE = re.compile(r"[a-z][\w-]*")


# A drug named in an outcome that the study does not give: rescue or acute medication, a
# covariate, a treatment participants already take, a measured substance, a dose unit.
NOT_GIVEN_BEFORE = tuple((name, re.compile(pattern + r"[^.;]{0,80}$", re.I)) for name, pattern in (
    ("medication use", r"\b(?:use|usage|uses|consumption|requirements?|need|needs|amount|cumulative|intake)\b"),
    ("rescue or acute", r"\b(?:rescue|salvage|acute|abortive|symptomatic|emergency|escape|breakthrough|attack|as-needed"
                        r"|as\s+needed|on-demand|prn)\b"),
    # ... or given to every participant as the setting of the study ("All patients received standardized anesthesia
    # with propofol, fentanyl and rocuronium", "patients also received remifentanil infusion")
    ("concomitant", r"\b(?:concomitant|concurrent|additional|supplemental|co-?medications?|also\s+(?:received|receive"
                    r"|given|get)|standardi[sz]ed\s+(?:general\s+)?(?:an(?:a)?esthe\w*|analgesi\w*|premedication))\b"),
    ("already taken", r"\b(?:prior|previous|background|stable|current|ongoing|existing|usual|habitual"
                      r"|already|their|on\s+top\s+of|add-?on\s+to|continu(?:e|ed|es|ing))\b"),
    ("preference", r"\bprefer(?:s|red|ring|ence|ences)?\b|\bopt(?:s|ed|ing)?\s+(?:to|for)\b"),
    # "hypersensitivity despite premedication (dexamethasone and diphenhydramine)": given before the study drug.
    ("premedication", r"\bpre-?medicat(?:ion|ions|ed)\b"),
    # "efficacy compared with historical controls treated with rituximab": another study's treatment.
    ("historical", r"\bhistoric(?:al|ally)?\b"),
    # "participants who used prohibited medication (rituximab)".
    ("prohibited", r"\b(?:prohibited|disallowed|forbidden|not\s+(?:permitted|allowed))\b"),
))
NOT_GIVEN_RIGHT_BEFORE = tuple((name, re.compile(pattern + r"\s+$", re.I)) for name, pattern in (
    ("measured in", r"\b(?:serum|plasma|blood|urinary|urine|salivary|trough)"),
    ("equivalent of", r"\bequivalents?\s+(?:doses?\s+)?(?:of|to)"),
    # "Change in Metformin at 4.5 months" (NCT05766735): the drug's use is what changes.
    ("change in", r"\bchanges?\s+(?:from\s+baseline\s+)?in(?:\s+the)?"),
    # "serum trough concentrations of tildrakizumab" (NCT05685940): the drug is what is measured.
    ("level of", r"\b(?:levels?|concentrations?|exposure|clearance|antibod(?:y|ies))\s+(?:of|to|against)"),
    # "anti-angiogenic therapy (such as bevacizumab)" (NCT01604512): an example of a class of drugs.
    ("example", r"\b(?:such\s+as|e\.\s?g\.,?|for\s+example,?)"),
    # "mammalian target of rapamycin (mTOR)" (NCT05693129): a pathway's name.
    ("target of", r"\btarget\s+of"),
    # "Proportion of patients who stopped prednisolone", "tapering off prednisone": a background drug stopped.
    ("stopped", r"\b(?:stop(?:s|ped|ping)?|discontinu(?:e|es|ed|ing|ation\s+of)|withdraw(?:n|al)?\s+(?:of|from)"
                r"|taper(?:s|ed|ing)?\s+off|wean(?:s|ed|ing)?\s+off|cessation\s+of)(?:\s+(?:their|the))?"),
    # "MIC of meropenem against isolates", "susceptibility to fluconazole": what the isolates are tested for.
    ("susceptibility", r"\b(?:MICs?|minimum\s+inhibitory\s+concentrations?|susceptib(?:le|ility)|sensitiv(?:e|ity))"
                       r"\s+(?:of|to|for|against)"),
    # "anti-Xa activity in patients on enoxaparin prophylaxis": a treatment the patients are on.
    ("patients on it", r"\b(?:patients|participants|subjects|people|those|women|men|children|adults)\s+"
                       r"(?:already\s+)?(?:on|taking)"),
    # An arm "without rituximab", "Standard of care (no tofacitinib)".
    ("negated", r"\b(?:no|without|w/o|minus|omit(?:s|ted|ting)?|avoid(?:s|ed|ing)?)"),
    # "Time to initiation of rituximab": a later treatment, not the study's.
    # ... or "Time to treatment escalation to vedolizumab": a treatment the participants may move on to.
    ("later start", r"\btime\s+to\s+(?:the\s+)?(?:initiation|start|commencement)\s+of"
                    r"|\btime\s+to\s+(?:the\s+)?(?:switch(?:ing)?|change)\s+to"
                    r"|\b(?:treatment\s+)?escalat(?:ed|es|ing|ion)\s+to|\bstep(?:ped)?[\s-]+up\s+to"),
    # "Total dose of remifentanil during surgery": how much of a drug of the anaesthesia was used.
    # ... or "Days of carbapenem therapy" (not a count of days: "within 30 days of pembrolizumab").
    # ... or "Courses of prednisone or prednisolone", "Number of bursts of oral prednisolone": how often a drug was
    # taken (the courses of steroids that define an asthma exacerbation), each drug of the list so counted.
    ("amount used", r"\b(?:(?:(?:total|cumulative|mean|average|median)\s+doses?|number\s+of\s+doses"
                    r"|(?<!\d\s)(?<!\d)days)\s+of"
                    r"|(?:courses?|bursts?)\s+of(?:\s+(?:oral|systemic|iv|intravenous|intramuscular|rescue))?"
                    r"(?:\s+[\w-]+\s*(?:,|\bor\b|\band\b))*)"),
))
NOT_GIVEN_AFTER = tuple((name, re.compile(r"[\s-]+" + pattern, re.I)) for name, pattern in (
    # ... or a ratio of it and another substance measured ("cortisol to cortisone ratio", "allopregnanolone-to-
    # progesterone ratio"): a biomarker named like a drug.
    # ... also where it is measured said between ("vancomycin serum levels", "ropivacaine total plasma concentration").
    ("level", r"(?:(?:(?:serum|plasma|blood|whole[\s-]+blood|total|free|unbound|peak|steady[\s-]+state|csf|urine"
              r"|urinary)[\s-]+){0,2}(?:levels?|concentrations?|trough|exposure|clearance)\b"
              r"|(?:(?:to|/|:)[\s-]*[a-z][\w-]*[\s-]+)?ratios?\b)"),
    # "Number of carbapenem prescriptions", "Days of vancomycin therapy": how much of it was prescribed.
    # ... or "Number of prednisolone courses", "Prednisolone bursts": how often it was taken.
    ("covariate", r"(?:use|usage|users?|intake|consumption|requirements?|sparing|naive|na[iï]ve|prescriptions?"
                  r"|prescribing|requests?|courses?|bursts?)\b"),
    # "average prednisone dose reduced by 25%" (NCT05688696): a background drug's dose is what is measured.
    ("dose of it", r"(?:doses?|dosages?|dosing|taper(?:ing)?)\b"),
    # "somatostatin receptor expression" (NCT01617733): a receptor or pathway named after the substance.
    ("target", r"(?:receptors?|pathways?)\b"),
    ("dose unit", r"(?:milligram\s+)?equivalen(?:t|ts|ce)\b"),
    ("discontinuation", r"(?:discontinuation|discontinued|withdrawal|withdrawn|cessation|weaning|stopped)\b"),
    # "Observation (tofacitinib not given)", "Tofacitinib washout".
    ("withheld", r"(?:not\s+given|not\s+administered|omitted|withheld|wash-?out)\b"),
    # "amoxicillin-clavulanate susceptibility of isolates".
    ("susceptibility of it", r"(?:[a-z]+[\s-]+)?(?:susceptib\w*|non-?susceptib\w*|MICs?|sensitivity)\b"),
    # "Dexamethasone suppression test", "ACTH stimulation test": a diagnostic test named after its drug.
    ("test", r"(?:suppression|stimulation|challenge|provocation|skin[\s-]+test(?:s|ing)?)\b"),
    # "Paclitaxel with dexamethasone premedication": given before the study drug, not the study's treatment.
    ("premedication", r"pre-?medicat(?:ion|ions|ed)\b"),
))

# The patients' history with a drug, or its place in their care, right before it: a drug they had, failed or need, or
# standard care, not one the study gives ("previously treated with ibrutinib", "refractory to imatinib", "after
# progression on osimertinib", "standard of care (enoxaparin)", "exacerbations requiring oral prednisolone").
HISTORY_BEFORE = tuple((name, re.compile(pattern + r"[\s(]*$", re.I)) for name, pattern in (
    ("treated before", r"\b(?:previously|formerly|already)\s+(?:(?:treated|exposed)\s+(?:with|to)(?:\s+prior)?"
                       r"|on|taking|receiving)"),
    ("failed before", r"\b(?:refractory|resistant|resistance|intoleran(?:t|ce)|relapsed|progressed|progressing|failed"
                      r"|failing|unresponsive|non-?respon(?:se|ding|ders?)"
                      r"|(?:inadequate|insufficient|incomplete)(?:ly)?[\s-]+respon(?:se|ding|ders?)"
                      r"|(?:after|following|despite)\s+(?:(?:disease|treatment)\s+)?"
                      r"(?:progression|failure|relapse))\s+(?:to|on|of|after|with|following|under)"
                      r"(?:\s+(?:prior|previous))?"),
    ("standard care", r"\b(?:standard[\s-]+(?:of[\s-]+)?care|usual[\s-]+care|routine[\s-]+care|(?-i:SOC|SoC))"
                      r"(?:\s*[:,]|\s+(?:with|of|using|including|consisting\s+of))?"),
    ("required", r"\b(?:requir(?:e|es|ed|ing)|need(?:ed|ing)?)(?:\s+(?:oral|intravenous|iv|systemic|rescue"
                 r"|additional|treatment\s+with|therapy\s+with))*"),
    ("tolerated", r"\bmaximally\s+tolerated"),
    # "Switch from tacrolimus to sirolimus": the drug the participants leave.
    ("switched from", r"\b(?:switch(?:ed|es|ing)?|convert(?:ed|s|ing)?|transition(?:ed|s|ing)?"
                      r"|de-?escalat(?:ed|es|ing|ion))\s+(?:over\s+)?(?:to\s+[\w-]+\s+)?from"
                      r"(?:\s+(?:their|the))?(?:\s+(?:usual|current|previous|prior|existing))?"),
    # "anti-TNF experienced patients (infliximab or adalimumab)": examples of the drugs the patients had.
    ("examples of history", r"\b(?:experienced|exposed|pre-?treated|refractory|resistant|intolerant|na[iï]ve|failures?"
                            r"|inadequate\s+responders?)\b[^.;()]{0,20}\((?:\s*[\w-]+\s*(?:,|or|and|/))*"),
))
# ... or right after it: a condition or a state of the patients named after the drug ("methicillin-resistant
# Staphylococcus aureus", "cisplatin-ineligible", "cisplatin-induced nephrotoxicity", "oxaliplatin-associated
# neuropathy", "penicillin allergy", "prednisone-free remission", "imatinib failure"), a device that carries it
# ("paclitaxel-coated balloon", "sirolimus-eluting stent"), or a background it is ("on a metformin background").
HISTORY_AFTER = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("named after", r"[\s-]+(?:resistant|resistance|refractory|intolerant|intolerance|ineligible|eligible|unfit"
                    r"|pre-?treated|experienced|exposed|induced|dependent|allerg(?:y|ies|ic)"
                    r"|hypersensitivity|coated|eluting|impregnated|loaded|failures?)\b|-(?:free|failure|failed)\b"
                    # "in metformin-treated patients": the patients' treatment before or beside the study's
                    r"|-treated\b"
                    # "oxaliplatin-associated neuropathy", "doxorubicin-related cardiotoxicity": a condition the drug
                    # causes; its adverse events or toxicity ("Ibrutinib-related adverse events") are a drug given's
                    r"|[\s-]+(?:associated|related)\b(?![\s-]+(?:adverse|aes?\b|side[\s-]+effects?|toxicit|events?\b"
                    r"|reactions?\b|safety|deaths?\b|serious))"),
    ("background", r"\s+(?:background|backbone)\b"),
    # "Adalimumab to upadacitinib switch": the drug the participants leave.
    ("switched from", r"\s+to\s+[\w-]+\s+(?:switch(?:ing)?|conversion|transition)\b"),
    # "adalimumab or infliximab inadequate responders": patients the drugs failed.
    ("inadequate response", r"(?:\s*(?:,|or|and|/)\s*[\w-]+)*[\s-]+(?:inadequate|insufficient|incomplete|partial"
                            r"|non-?)[\s-]*respon\w*"),
    # "vancomycin per standard of care", "as part of routine care".
    ("standard care after", r"\s+(?:per|as\s+(?:part\s+of\s+)?|according\s+to)\s+(?:the\s+)?(?:standard|routine|usual"
                            r"|local|institutional)\b"),
))


# A drug the participants took before the study, stop for it or go without: "no prior rituximab", "switched from
# tacrolimus", "stop their usual metformin", "without dexamethasone", "previously treated with imatinib", "progressed on
# imatinib" (HISTORY_BEFORE).
TAKEN_BEFORE = tuple((name, re.compile(pattern + r"[\s(]*$", re.I)) for name, pattern in (
    ("before the study", r"\b(?:no\s+)?(?:prior|previous|former|earlier|pre-?study)(?:\s+(?:treatment|therapy|exposure"
                         r"|use|dose|regimen)s?\s+(?:with|of|to))?"),
    ("stopped", r"\b(?:stop(?:s|ped|ping)?|discontinu(?:e|es|ed|ing)|withdrawn\s+from|instead\s+of"
                r"|replac(?:e|es|ed|ing))"
                r"(?:\s+(?:their|the))?(?:\s+(?:usual|current|previous|prior|existing))?"),
    ("their own", r"\btheir\s+(?:usual|current|own|existing|habitual|regular)"),
    ("not given", r"\b(?:no|without|w/o|minus)"),
))
_HISTORY_TAKEN = tuple(entry for entry in HISTORY_BEFORE
                       if entry[0] in ("treated before", "failed before", "switched from"))
# How far back of a drug word its history is read.
HISTORY_LOOKBACK = 80


def taken_before(text: str, at: int) -> str | None:
    """Why the drug named at `at` is one the participants took before, or stop, rather than one given ('switched
    from'...), or None."""
    before = text[max(0, at - HISTORY_LOOKBACK):at]
    return next((name for name, pattern in TAKEN_BEFORE + _HISTORY_TAKEN if pattern.search(before)), None)


# Later in its clause: kept at hand ("Epinephrine, hydrocortisone, and IV antihistamine will be available",
# NCT00007904), or allowed beside the study's treatment ("glucocorticoids (prednisone <= 10 mg) permitted").
NOT_GIVEN_LATER = (("at hand", re.compile(r"[^.;]{0,60}?\b(?:(?:will\s+be|is|are)\s+(?:made\s+|kept\s+)?available"
                                          r"|(?:(?:is|are|was|were|will\s+be)\s+)?(?:permitted|allowed))\b", re.I)),)
# ... or given only when a symptom calls for it ("ondansetron 4 mg IV given if VAS > 4"): a rescue drug.
GIVEN_IF_NEEDED = (("given if needed", re.compile(r"[^.;]{0,40}?\b(?:given|administered|offered|used)\s+(?:only\s+)?"
                                                  r"(?:if|when|as\s+needed|on\s+demand|in\s+case\s+of)\b", re.I)),)


# A count of the participants given a drug, as the measure itself ("Number of patients who received ondansetron",
# "Proportion of patients receiving ondansetron in PACU", "Proportion of patients who switched to adalimumab after
# infusion reactions"): how many needed it or moved on to it, not a drug the study gives. Only where
# nothing but when, where or why follows the drug: "Number of patients receiving tofacitinib with infections" counts
# infections among those the study treats.
_COUNT_OF = r"(?:number|proportion|percentage|percent|rate|incidence|frequency|count|share|%)"
_GIVEN_VERBS = (r"(?:received?|receiving|given|administered|treated\s+with|took|taking|get|got|getting|prescribed"
                r"|dispensed|discharged\s+on|switched\s+to|switching\s+to"
                r"|(?:were|was)\s+(?:given|administered|treated\s+with|prescribed|dispensed|discharged\s+on))")
# When, where or why the drug was given, or the rest of a class's list, after it: "within 24 hours", "in PACU",
# "for PONV", "(PONV rescue)", "or metoclopramide)"; not "in combination", nor what those given it then have or do
# ("for 52 weeks who achieve remission", "with infections").
_GIVEN_WHEN = (r"(?![^.;]*?\b(?:who|whose|that|with|achiev\w*|respond\w*|experienc\w*|develop\w*|had|have|has)\b)"
               r"(?:\s*(?:(?:,|\bor\b|\band\b|/)\s*[\w-]+\s*)*\)"
               r"|\s*(?:$|[(,:]|\b(?:within|during|for|after|before|at|on|by|over|up\s+to|as|per|postoperatively"
               r"|post-?operatively|intra-?operatively)\b|\bin\s+(?!combination\b)))")
COUNTED_GIVEN = (
    ("count of those given it", re.compile(
        rf"\b{_COUNT_OF}\s+of\s+(?:the\s+)?(?:patients|participants|subjects|women|men|children|infants|neonates"
        rf"|people|individuals|mothers|cases)\s+(?:(?:who|that)\s+)?{_GIVEN_VERBS}\s+(?:any\s+|an?\s+)?"
        r"(?:(?:iv|intravenous|oral|additional|supplemental|post-?operative|prophylactic|antiemetic|analgesic)\s+){0,2}"
        # ... or one of the drugs of a class given ("receiving antiemetics (ondansetron or metoclopramide)")
        r"(?:[a-z-]+\s*\(\s*(?:[\w-]+\s*(?:,|\bor\b|\band\b|/)\s*)*)?$", re.I),
     re.compile(_GIVEN_WHEN, re.I)),
    # ... or of its administrations: "Incidence of ondansetron administration"
    ("count of its administrations", re.compile(rf"\b{_COUNT_OF}\s+of\s+(?:the\s+)?(?:rescue\s+)?$", re.I),
     re.compile(r"[\s-]+administrations?\b", re.I)),
)
# How far before the drug its count may start.
COUNT_LOOKBACK = 120


# A class of drugs that an outcome counts as care the participants needed (steroids that define an exacerbation,
# antibiotics, rescue analgesia, vasopressors), named right before an opening parenthesis, with a word of its use
# between ("Oral corticosteroid bursts (", "Antibiotic courses ("), and any drugs listed before in that parenthesis:
# a drug inside ("requiring systemic corticosteroids (prednisolone or methylprednisolone)") is the class's example,
# also where the list opens with its marker and names drugs of two or three words ("usage of higher antibiotics (e.g.
# carbapenems, colistin, ceftazidime avibactam and ...)", "antiemetics (such as ondansetron ...)").
_SUPPORTIVE_CLASS = (r"(?:cortico)?steroids?|glucocorticoids?|antibiotics?|antibacterials?|antimicrobials?"
                     r"|analgesics?|analgesia|opioids?|nsaids?|anti-?emetics?|anti-?histamines?|bronchodilators?"
                     r"|relievers?|sedatives?|sedation|hypnotics?|laxatives?|diuretics?|vasopressors?|inotropes?"
                     r"|uterotonics?|tocolytics?|antipyretics?|anti-?convulsants?|anti-?epileptics?"
                     r"|benzodiazepines?")
# What opens a list of examples ("e.g.", "i.e.", "such as", "including"), a drug listed before (of up to three words,
# "ceftazidime avibactam"), and the words of a drug's name before the one read ("ceftazidime " before "avibactam"),
# read only after a marker or a listed drug.
_LIST_MARKER = r"(?:e\.?\s?g\.?|i\.?\s?e\.?|such\s+as|including|like)[\s,:]*"
_LISTED = r"(?:[\w-]+(?:\s+[\w-]+){0,2}?\s*(?:,|\bor\b|\band\b|/)\s*)"
_NAME_START = r"(?:[\w-]+\s+){0,2}"
CLASS_EXAMPLE = re.compile(rf"\b(?:{_SUPPORTIVE_CLASS})(?:\s+(?:courses?|bursts?|therapy|treatment|use))?\s*\(\s*"
                           rf"(?:{_LIST_MARKER}{_LISTED}*{_NAME_START}|{_LISTED}+{_NAME_START}|{_LISTED}*)$", re.I)
# How far before a drug its class is read.
CLASS_LOOKBACK = 120


def class_example(text: str, at: int) -> bool:
    """Whether the drug named at `at` stands in parentheses as an example of a class of care that an outcome counts
    ('oral corticosteroids (prednisone) for >= 3 days'), not as a drug the study gives."""
    return CLASS_EXAMPLE.search(text, max(0, at - CLASS_LOOKBACK), at) is not None


# A drug stem inside a chemical or labelled name: "5-amino=imidazole-4-carboxamide", "90Y-daclizumab".
NOT_GIVEN_JOINED = (("part of a compound name", re.compile(r"[0-9A-Za-z][-=]$"), re.compile(r"[-=][0-9]")),)


def not_given(text: str, at: int, drug: str) -> str | None:
    """Why the drug named at `at` in `text` is not one the study gives ('rescue or acute'...), or None."""
    before, after_at = text[:at], at + len(drug)
    for name, joined_before, joined_after in NOT_GIVEN_JOINED:
        if joined_before.search(text, max(0, at - 2), at) or joined_after.match(text, after_at):
            return name
    for name, pattern in NOT_GIVEN_BEFORE + NOT_GIVEN_RIGHT_BEFORE + HISTORY_BEFORE:
        if pattern.search(before):
            return name
    for name, counted, qualified in COUNTED_GIVEN:
        if counted.search(text, max(0, at - COUNT_LOOKBACK), at) and qualified.match(text, after_at):
            return name
    return next((name for name, pattern in NOT_GIVEN_AFTER + HISTORY_AFTER + NOT_GIVEN_LATER + GIVEN_IF_NEEDED
                 if pattern.match(text, after_at)), None)


# The longest word ("with", "and", "of") found run together before a drug name.
RUN_TOGETHER = 5


# Former names that carry a drug stem, and the INN that replaced them: an outcome may say "adriamycin" where the
# intervention is doxorubicin (NCT00007904).
FORMER_NAMES = {
    "adriamycin": "doxorubicin", "daunomycin": "daunorubicin", "rubidomycin": "daunorubicin",
    "rapamycin": "sirolimus", "mithramycin": "plicamycin", "aureomycin": "chlortetracycline",
    "terramycin": "oxytetracycline",
}
# The same drug as another pharmacopoeia names it (USAN against INN, BAN), where the name read carries a stem: an arm
# may say "Albuterol" where the intervention is "Salbutamol".
OTHER_PHARMACOPOEIA_NAMES = {
    "albuterol": ("salbutamol",), "levalbuterol": ("levosalbutamol",),
    "thiamazole": ("methimazole",), "methimazole": ("thiamazole",), "floxacillin": ("flucloxacillin",),
    "flucloxacillin": ("floxacillin",), "benzylpenicillin": ("penicillin",), "phenoxymethylpenicillin": ("penicillin",),
}
# Development codes of drugs, as sponsors name an intervention before its INN ("MK-3475" is pembrolizumab, "CDDP"
# cisplatin): a study naming the code gives the drug. Each code is read without regard to case, and to a hyphen or
# space between its letters and digits ("MK3475", "MK 3475").
CODE_NAMES = {
    "pembrolizumab": ("MK-3475", "SCH 900475"), "nivolumab": ("BMS-936558", "MDX-1106", "ONO-4538"),
    "atezolizumab": ("MPDL3280A", "RG7446"), "durvalumab": ("MEDI4736",), "avelumab": ("MSB0010718C",),
    "cemiplimab": ("REGN2810",), "ipilimumab": ("MDX-010", "BMS-734016"), "tremelimumab": ("CP-675,206",),
    "imatinib": ("STI571", "STI-571", "CGP57148B"), "gefitinib": ("ZD1839",), "erlotinib": ("OSI-774",),
    "sorafenib": ("BAY 43-9006",), "vandetanib": ("ZD6474",), "sunitinib": ("SU11248",),
    "osimertinib": ("AZD9291",),
    "dasatinib": ("BMS-354825",), "nilotinib": ("AMN107",), "lapatinib": ("GW572016",), "olaparib": ("AZD2281",),
    "crizotinib": ("PF-02341066",), "ibrutinib": ("PCI-32765",), "bortezomib": ("PS-341",), "ixazomib": ("MLN9708",),
    "palbociclib": ("PD-0332991",), "ribociclib": ("LEE011",), "abemaciclib": ("LY2835219",),
    "tofacitinib": ("CP-690,550",), "baricitinib": ("LY3009104",), "upadacitinib": ("ABT-494",),
    "ruxolitinib": ("INCB018424",), "nintedanib": ("BIBF 1120",), "afatinib": ("BIBW 2992",),
    "trametinib": ("GSK1120212",), "dabrafenib": ("GSK2118436",), "vemurafenib": ("PLX4032", "RG7204"),
    "adalimumab": ("D2E7",), "infliximab": ("CT-P13",), "rituximab": ("IDEC-C2B8",), "ustekinumab": ("CNTO 1275",),
    "golimumab": ("CNTO 148",), "vedolizumab": ("MLN0002",), "daratumumab": ("JNJ-54767414",),
    "rivaroxaban": ("BAY 59-7939",), "apixaban": ("BMS-562247",), "edoxaban": ("DU-176b",),
    "sitagliptin": ("MK-0431",), "empagliflozin": ("BI 10773",), "dapagliflozin": ("BMS-512148",),
    "canagliflozin": ("JNJ-28431754",), "dulaglutide": ("LY2189265",), "semaglutide": ("NN9535",),
    "liraglutide": ("NN2211",), "darunavir": ("TMC114",), "raltegravir": ("MK-0518",), "dolutegravir": ("GSK1349572",),
    "sofosbuvir": ("GS-7977", "PSI-7977"), "cisplatin": ("CDDP", "DDP"), "carmustine": ("BCNU",),
    "lomustine": ("CCNU",), "irinotecan": ("CPT-11",), "oxaliplatin": ("L-OHP",),
}


def _code_pattern(codes: tuple[str, ...]) -> re.Pattern:
    """Codes as a pattern that reads them whole, whatever their case and a hyphen or space between letters and
    digits."""
    spelt = (r"[\s-]?".join(re.escape(part) for part in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d\s-]", code))
             for code in codes)
    return re.compile(r"(?<![\w-])(?:" + "|".join(spelt) + r")(?![\w-])", re.I)


_CODES_OF = {drug: _code_pattern(codes) for drug, codes in CODE_NAMES.items()}


def coded(word: str, texts: Iterable[str | None]) -> bool:
    """Whether `word` is a drug the texts name by its development code ('pembrolizumab' where 'MK-3475' is given)."""
    pattern = _CODES_OF.get(word)
    return pattern is not None and any(pattern.search(t) for t in texts if t)
# Combination regimens named by their drugs' initials: a study that gives "mFOLFIRINOX" gives irinotecan. Each is
# also written with an "m" for modified or a schedule's number after it ("mFOLFOX6", "FOLFOX4").
REGIMENS = {
    "folfox": ("fluorouracil", "leucovorin", "oxaliplatin"),
    "folfiri": ("fluorouracil", "leucovorin", "irinotecan"),
    "folfirinox": ("fluorouracil", "leucovorin", "irinotecan", "oxaliplatin"),
    "folfoxiri": ("fluorouracil", "leucovorin", "oxaliplatin", "irinotecan"),
    "flot": ("fluorouracil", "leucovorin", "oxaliplatin", "docetaxel"),
    "xelox": ("capecitabine", "oxaliplatin"), "capox": ("capecitabine", "oxaliplatin"),
    "xeliri": ("capecitabine", "irinotecan"), "capiri": ("capecitabine", "irinotecan"),
    "gemox": ("gemcitabine", "oxaliplatin"),
    "chop": ("cyclophosphamide", "doxorubicin", "vincristine", "prednisone"),
    "abvd": ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine"),
    "beacopp": ("bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine",
                "prednisone"),
    "cmf": ("cyclophosphamide", "methotrexate", "fluorouracil"),
    "bep": ("bleomycin", "etoposide", "cisplatin"),
    "ecf": ("epirubicin", "cisplatin", "fluorouracil"), "eox": ("epirubicin", "oxaliplatin", "capecitabine"),
}


def _regimens_of() -> dict[str, tuple[str, ...]]:
    """For each drug of REGIMENS, every written form of the regimens that give it."""
    found: dict[str, tuple[str, ...]] = {}
    for name, drugs in REGIMENS.items():
        forms = tuple(f"{m}{name}{n}" for m in ("", "m") for n in ("", *"1234567"))
        for drug in drugs:
            found[drug] = found.get(drug, ()) + forms
    return found


_REGIMENS_OF = _regimens_of()
# Prefixes that name one enantiomer of a drug: levobupivacaine is bupivacaine's, esomeprazole omeprazole's.
ENANTIOMER_PREFIXES = ("levo", "lev", "dextro", "dex", "es", "ar")
# Prefixes that name a drug's metabolite after it: what is measured of a drug given ("hydroxyitraconazole",
# "dehydroaripiprazole", "desacetylrifampicin", "norfluoxetine").
METABOLITE_PREFIXES = ("hydroxy", "dihydro", "dehydro", "desmethyl", "demethyl", "didesmethyl", "desethyl",
                       "deethyl", "desacetyl", "deacetyl", "nor", "oxo", "keto", "carboxy")

# Prefixes that make a drug's prodrug: what is measured or named of valacyclovir given is acyclovir, of valganciclovir
# ganciclovir, of fosamprenavir amprenavir.
PRODRUG_PREFIXES = ("val", "fos")
# Combination products named by a word that is neither drug's name (a British approved name, an abbreviation, a brand
# or a code), each as the words that name it, and the drugs they combine: a study that gives "Co-amoxiclav" gives
# amoxicillin, one that gives "Paxlovid" ritonavir.
COMBINATION_PRODUCTS = {
    ("sulfamethoxazole", "trimethoprim"): (("cotrimoxazole",), ("trimoxazole",), ("tmp", "smx"), ("bactrim",),
                                           ("septra",)),
    ("amoxicillin", "clavulanate"): (("amoxiclav",), ("augmentin",)),
    ("piperacillin", "tazobactam"): (("tazocin",), ("zosyn",), ("pip", "tazo")),
    ("ampicillin", "sulbactam"): (("unasyn",),),
    ("nirmatrelvir", "ritonavir"): (("paxlovid",),),
    ("lopinavir", "ritonavir"): (("kaletra",),),
    ("sacubitril", "valsartan"): (("entresto",), ("lcz696",)),
    ("emtricitabine", "tenofovir"): (("truvada",), ("descovy",)),
    ("bictegravir", "emtricitabine", "tenofovir"): (("biktarvy",),),
    ("efavirenz", "emtricitabine", "tenofovir"): (("atripla",),),
    ("abacavir", "dolutegravir", "lamivudine"): (("triumeq",),),
    ("dolutegravir", "lamivudine"): (("dovato",),),
    ("sofosbuvir", "velpatasvir"): (("epclusa",),),
    ("ledipasvir", "sofosbuvir"): (("harvoni",),),
    ("glecaprevir", "pibrentasvir"): (("mavyret",), ("maviret",)),
    ("elbasvir", "grazoprevir"): (("zepatier",),),
    ("budesonide", "formoterol"): (("symbicort",),),
    ("fluticasone", "salmeterol"): (("seretide",), ("advair",)),
    ("metformin", "sitagliptin"): (("janumet",),),
}


def _products_of() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each drug of COMBINATION_PRODUCTS, the names of the products that hold it."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for drugs, names in COMBINATION_PRODUCTS.items():
        for drug in drugs:
            found[drug] = found.get(drug, ()) + names
    return found


_PRODUCTS_OF = _products_of()
# A product's one-word name ("co-trimoxazole", itself a drug word), and the drugs it combines.
_DRUGS_OF_PRODUCT = {name[0]: drugs for drugs, names in COMBINATION_PRODUCTS.items()
                     for name in names if len(name) == 1}

# Brand names of single-drug products among the drugs trials register most, by the INN each brand is (its
# non-proprietary name as outcomes and arm titles write it): a study whose intervention is "Keytruda" gives
# pembrolizumab. Only brands that are no ordinary word and name one drug in every market listed; a fixed
# combination's brands are in COMBINATION_PRODUCTS, and an antibody-drug conjugate's (Kadcyla, Enhertu) names
# another drug than its antibody's. Only drugs whose name carries an INN stem are listed: another
# drug's name is never read as a drug word.
BRANDS = {
    # antibodies and fusion proteins
    "pembrolizumab": ("keytruda",), "nivolumab": ("opdivo",), "ipilimumab": ("yervoy",),
    "atezolizumab": ("tecentriq",), "durvalumab": ("imfinzi",), "avelumab": ("bavencio",),
    "cemiplimab": ("libtayo",), "dostarlimab": ("jemperli",),
    "tislelizumab": ("tevimbra",),
    "trastuzumab": ("herceptin", "ogivri", "kanjinti"),
    "pertuzumab": ("perjeta",),
    "bevacizumab": ("avastin", "mvasi", "zirabev"), "ramucirumab": ("cyramza",),
    "cetuximab": ("erbitux",), "panitumumab": ("vectibix",), "amivantamab": ("rybrevant",),
    "rituximab": ("rituxan", "mabthera", "truxima"), "obinutuzumab": ("gazyva", "gazyvaro"),
    "ofatumumab": ("kesimpta",), "ocrelizumab": ("ocrevus",),
    "daratumumab": ("darzalex",), "isatuximab": ("sarclisa",), "elotuzumab": ("empliciti",),
    "belantamab": ("blenrep",), "teclistamab": ("tecvayli",), "elranatamab": ("elrexfio",),
    "talquetamab": ("talvey",), "glofitamab": ("columvi",), "epcoritamab": ("epkinly",),
    "mosunetuzumab": ("lunsumio",), "tafasitamab": ("monjuvi",), "blinatumomab": ("blincyto",),
    "brentuximab": ("adcetris",), "polatuzumab": ("polivy",), "enfortumab": ("padcev",),
    "sacituzumab": ("trodelvy",), "inotuzumab": ("besponsa",), "gemtuzumab": ("mylotarg",),
    "mirvetuximab": ("elahere",),
    "alemtuzumab": ("lemtrada",), "natalizumab": ("tysabri",),
    "adalimumab": ("humira", "amjevita", "amgevita", "hadlima", "hyrimoz", "imraldi"),
    "infliximab": ("remicade", "inflectra", "remsima"),
    "golimumab": ("simponi",), "certolizumab": ("cimzia",), "etanercept": ("enbrel", "benepali"),
    "abatacept": ("orencia",), "belatacept": ("nulojix",), "anakinra": ("kineret",), "rilonacept": ("arcalyst",),
    "canakinumab": ("ilaris",), "tocilizumab": ("actemra", "roactemra"), "sarilumab": ("kevzara",),
    "ustekinumab": ("stelara",), "secukinumab": ("cosentyx",), "ixekizumab": ("taltz",),
    "bimekizumab": ("bimzelx",), "brodalumab": ("siliq",), "risankizumab": ("skyrizi",),
    "guselkumab": ("tremfya",), "tildrakizumab": ("ilumya",), "mirikizumab": ("omvoh",), "vedolizumab": ("entyvio",),
    "dupilumab": ("dupixent",), "tralokinumab": ("adbry",), "lebrikizumab": ("ebglyss",),
    "nemolizumab": ("nemluvio",), "omalizumab": ("xolair",), "mepolizumab": ("nucala",),
    "benralizumab": ("fasenra",), "reslizumab": ("cinqair",), "tezepelumab": ("tezspire",),
    "belimumab": ("benlysta",), "anifrolumab": ("saphnelo",), "teplizumab": ("tzield",),
    "denosumab": ("prolia", "xgeva"), "romosozumab": ("evenity",), "burosumab": ("crysvita",),
    "evolocumab": ("repatha",), "alirocumab": ("praluent",),
    "erenumab": ("aimovig",), "fremanezumab": ("ajovy",), "galcanezumab": ("emgality",),
    "eptinezumab": ("vyepti",),
    "ranibizumab": ("lucentis",), "aflibercept": ("eylea",),
    "brolucizumab": ("beovu",), "faricimab": ("vabysmo",),
    "eculizumab": ("soliris",), "ravulizumab": ("ultomiris",), "emicizumab": ("hemlibra",),
    "teprotumumab": ("tepezza",), "palivizumab": ("synagis",),
    "nirsevimab": ("beyfortus",), "lecanemab": ("leqembi",),
    "donanemab": ("kisunla",), "abciximab": ("reopro",),
    # kinase, PARP, CDK and proteasome inhibitors
    "imatinib": ("gleevec", "glivec"), "dasatinib": ("sprycel",), "nilotinib": ("tasigna",),
    "bosutinib": ("bosulif",), "ponatinib": ("iclusig",),
    "erlotinib": ("tarceva",), "gefitinib": ("iressa",), "afatinib": ("gilotrif", "giotrif"),
    "osimertinib": ("tagrisso",), "dacomitinib": ("vizimpro",),
    "crizotinib": ("xalkori",), "alectinib": ("alecensa",), "ceritinib": ("zykadia",), "brigatinib": ("alunbrig",),
    "lorlatinib": ("lorbrena", "lorviqua"), "entrectinib": ("rozlytrek",), "larotrectinib": ("vitrakvi",),
    "capmatinib": ("tabrecta",), "tepotinib": ("tepmetko",), "selpercatinib": ("retevmo",),
    "pralsetinib": ("gavreto",), "lapatinib": ("tykerb", "tyverb"), "neratinib": ("nerlynx",),
    "tucatinib": ("tukysa",), "sorafenib": ("nexavar",), "regorafenib": ("stivarga",), "sunitinib": ("sutent",),
    "pazopanib": ("votrient",), "axitinib": ("inlyta",), "cabozantinib": ("cabometyx",),
    "lenvatinib": ("lenvima",),
    "vemurafenib": ("zelboraf",), "dabrafenib": ("tafinlar",), "encorafenib": ("braftovi",),
    "trametinib": ("mekinist",), "cobimetinib": ("cotellic",), "binimetinib": ("mektovi",),
    "ibrutinib": ("imbruvica",), "acalabrutinib": ("calquence",), "zanubrutinib": ("brukinsa",),
    "pirtobrutinib": ("jaypirca",), "ruxolitinib": ("jakafi", "jakavi", "opzelura"), "fedratinib": ("inrebic",),
    "gilteritinib": ("xospata",), "quizartinib": ("vanflyta",), "erdafitinib": ("balversa",),
    "avapritinib": ("ayvakit",),
    "nintedanib": ("ofev",),
    "tofacitinib": ("xeljanz",), "baricitinib": ("olumiant",), "upadacitinib": ("rinvoq",),
    "filgotinib": ("jyseleca",), "abrocitinib": ("cibinqo",), "deucravacitinib": ("sotyktu",),
    "palbociclib": ("ibrance",), "ribociclib": ("kisqali",), "abemaciclib": ("verzenio",),
    "olaparib": ("lynparza",), "niraparib": ("zejula",), "rucaparib": ("rubraca",), "talazoparib": ("talzenna",),
    "alpelisib": ("piqray",), "idelalisib": ("zydelig",), "duvelisib": ("copiktra",),
    "bortezomib": ("velcade",), "carfilzomib": ("kyprolis",), "ixazomib": ("ninlaro",),
    # chemotherapy and hormone therapy
    "paclitaxel": ("taxol", "abraxane"), "docetaxel": ("taxotere",), "cabazitaxel": ("jevtana",),
    "gemcitabine": ("gemzar",), "capecitabine": ("xeloda",), "decitabine": ("dacogen",),
    "pemetrexed": ("alimta",), "irinotecan": ("camptosar", "onivyde"), "topotecan": ("hycamtin",),
    "oxaliplatin": ("eloxatin",), "carboplatin": ("paraplatin",), "cisplatin": ("platinol",),
    "doxorubicin": ("doxil", "caelyx"), "epirubicin": ("ellence",),
    "cyclophosphamide": ("cytoxan",), "bendamustine": ("treanda",),
    "enzalutamide": ("xtandi",), "apalutamide": ("erleada",), "darolutamide": ("nubeqa",),
    "bicalutamide": ("casodex",), "goserelin": ("zoladex",), "degarelix": ("firmagon",),
    "octreotide": ("sandostatin",), "lanreotide": ("somatuline",),
    # heart, vessels, blood and metabolism
    "atorvastatin": ("lipitor",), "rosuvastatin": ("crestor",), "simvastatin": ("zocor",),
    "pravastatin": ("pravachol",), "pitavastatin": ("livalo",),
    "clopidogrel": ("plavix",), "ticagrelor": ("brilinta", "brilique"), "prasugrel": ("effient",),
    "cangrelor": ("kengreal",),
    "apixaban": ("eliquis",), "rivaroxaban": ("xarelto",), "edoxaban": ("lixiana", "savaysa"),
    "dabigatran": ("pradaxa",), "enoxaparin": ("lovenox", "clexane"), "dalteparin": ("fragmin",),
    "tinzaparin": ("innohep",),
    "valsartan": ("diovan",), "losartan": ("cozaar",), "olmesartan": ("benicar",), "telmisartan": ("micardis",),
    "candesartan": ("atacand",), "irbesartan": ("avapro",), "lisinopril": ("zestril", "prinivil"),
    "enalapril": ("vasotec",), "ramipril": ("altace",), "perindopril": ("coversyl",),
    "amlodipine": ("norvasc",), "nifedipine": ("procardia", "adalat"), "diltiazem": ("cardizem",),
    "metoprolol": ("lopressor", "toprol"), "atenolol": ("tenormin",), "propranolol": ("inderal",),
    "nebivolol": ("bystolic",), "bisoprolol": ("concor",), "labetalol": ("trandate",),
    "tolvaptan": ("samsca", "jynarque"),
    "semaglutide": ("ozempic", "wegovy", "rybelsus"), "liraglutide": ("victoza", "saxenda"),
    "dulaglutide": ("trulicity",), "sitagliptin": ("januvia",), "linagliptin": ("tradjenta", "trajenta"),
    "saxagliptin": ("onglyza",), "vildagliptin": ("galvus",), "empagliflozin": ("jardiance",),
    "dapagliflozin": ("farxiga", "forxiga"), "canagliflozin": ("invokana",), "ertugliflozin": ("steglatro",),
    "metformin": ("glucophage",), "rosiglitazone": ("avandia",),
    "alendronate": ("fosamax",), "risedronate": ("actonel",), "ibandronate": ("boniva",),
    "teriparatide": ("forteo",), "abaloparatide": ("tymlos",),
    # stomach, nausea and pain
    "esomeprazole": ("nexium",), "omeprazole": ("prilosec", "losec"), "pantoprazole": ("protonix",),
    "lansoprazole": ("prevacid",), "rabeprazole": ("aciphex", "pariet"), "dexlansoprazole": ("dexilant",),
    "ondansetron": ("zofran",), "palonosetron": ("aloxi",), "granisetron": ("kytril",),
    "sumatriptan": ("imitrex",), "rizatriptan": ("maxalt",), "zolmitriptan": ("zomig",),
    "eletriptan": ("relpax",), "celecoxib": ("celebrex",), "ibuprofen": ("advil", "motrin", "nurofen"),
    "oxycodone": ("oxycontin",), "hydromorphone": ("dilaudid",), "remifentanil": ("ultiva",),
    "sufentanil": ("sufenta",), "lidocaine": ("xylocaine",), "bupivacaine": ("marcaine", "exparel"),
    "ropivacaine": ("naropin",), "rocuronium": ("zemuron",),
    # the brain and the mind
    "diazepam": ("valium",), "alprazolam": ("xanax",), "lorazepam": ("ativan",),
    "clonazepam": ("klonopin", "rivotril"),
    "midazolam": ("dormicum",), "fluoxetine": ("prozac",), "paroxetine": ("paxil", "seroxat"),
    "duloxetine": ("cymbalta",), "atomoxetine": ("strattera",), "amitriptyline": ("elavil",),
    "haloperidol": ("haldol",), "olanzapine": ("zyprexa",), "quetiapine": ("seroquel",), "clozapine": ("clozaril",),
    "asenapine": ("saphris",), "risperidone": ("risperdal",), "paliperidone": ("invega",),
    "ziprasidone": ("geodon",), "lurasidone": ("latuda",), "aripiprazole": ("abilify",),
    "brexpiprazole": ("rexulti",),
    # lungs and steroids
    "montelukast": ("singulair",), "zafirlukast": ("accolate",), "albuterol": ("proventil", "ventolin"),
    "salmeterol": ("serevent",), "formoterol": ("foradil",), "indacaterol": ("onbrez",),
    "tiotropium": ("spiriva",), "budesonide": ("pulmicort", "entocort", "rhinocort"),
    "fluticasone": ("flovent", "flixotide", "flonase", "arnuity"), "mometasone": ("asmanex", "nasonex"),
    "ciclesonide": ("alvesco",), "dexamethasone": ("decadron", "ozurdex"), "methylprednisolone": ("medrol",),
    "prednisone": ("deltasone",), "hydrocortisone": ("cortef",), "triamcinolone": ("kenalog",),
    "fluocinolone": ("iluvien",), "pirfenidone": ("esbriet",),
    # infections
    "azithromycin": ("zithromax",), "clarithromycin": ("biaxin", "klacid"), "ciprofloxacin": ("cipro",),
    "levofloxacin": ("levaquin", "tavanic"), "moxifloxacin": ("avelox",), "doxycycline": ("doryx",),
    "minocycline": ("minocin",), "tigecycline": ("tygacil",), "omadacycline": ("nuzyra",),
    "amoxicillin": ("amoxil",), "meropenem": ("merrem",), "ertapenem": ("invanz",),
    "imipenem": ("primaxin",), "vancomycin": ("vancocin",), "daptomycin": ("cubicin",),
    "fidaxomicin": ("dificid",), "caspofungin": ("cancidas",), "micafungin": ("mycamine",),
    "anidulafungin": ("eraxis",), "fluconazole": ("diflucan",), "voriconazole": ("vfend",),
    "posaconazole": ("noxafil",), "itraconazole": ("sporanox",), "ketoconazole": ("nizoral",),
    "metronidazole": ("flagyl",), "valacyclovir": ("valtrex",), "acyclovir": ("zovirax",),
    "valganciclovir": ("valcyte",), "ganciclovir": ("cytovene",), "letermovir": ("prevymis",),
    "oseltamivir": ("tamiflu",), "baloxavir": ("xofluza",),
    "remdesivir": ("veklury",), "molnupiravir": ("lagevrio",), "sofosbuvir": ("sovaldi",),
    "entecavir": ("baraclude",), "tenofovir": ("viread", "vemlidy"), "lamivudine": ("epivir",),
    "zidovudine": ("retrovir",), "raltegravir": ("isentress",), "dolutegravir": ("tivicay",),
    "cabotegravir": ("vocabria", "apretude"), "darunavir": ("prezista",), "atazanavir": ("reyataz",),
    "lenacapavir": ("sunlenca",),
    # other
    "sildenafil": ("viagra", "revatio"), "tadalafil": ("cialis", "adcirca"), "vardenafil": ("levitra",),
    "timolol": ("timoptic",),
}


# How the registries of other languages write an INN: French adds an "e" (metformine), Spanish, Italian and Portuguese
# an "a" or an "o" (metformina, paracetamolo, ciprofloxacino), dropping an "h" after a "t" or a "p" (claritromicina,
# fenitoina), writing "i" for "y" and one letter for two (amoxicilina); German drops a final "e" (Dexamethason). A word
# and a known drug's name that are one spelling after these are one drug.
_OTHER_SPELLINGS = (("th", "t"), ("ph", "f"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1")
_ADDED_ENDINGS = ("a", "e", "o")
# The fewest letters a name has for its other languages' spellings to be read: shorter names differ by too little.
SPELLINGS_LEAST = 6


@lru_cache(maxsize=_MEMO)
def language_folded(word: str) -> str:
    """A lower-case drug name as its spellings in other languages fold to: 'clarithromycin' and 'claritromicina'
    are 'claritromicin', 'dexamethasone' and 'Dexamethason' 'dexametason'."""
    for spelt, other in _OTHER_SPELLINGS:
        word = word.replace(spelt, other)
    word = _DOUBLED.sub(r"\1", word)
    return word[:-1] if word.endswith(_ADDED_ENDINGS) else word


@lru_cache(maxsize=_MEMO)
def accents_folded(text: str | None) -> str | None:
    """The text with its letters' accents left off ('Métformine' -> 'Metformine', 'Ibuprofène' -> 'Ibuprofene'), as
    a name is compared across languages; a text without any is returned as is."""
    if not text or text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DRUG_OF_BRAND = {brand: drug for drug, brands in BRANDS.items() for brand in brands}
# The brands by their drug's name as other languages' spellings fold to ('aciclovir' is Zovirax's, as acyclovir is).
_BRANDS_BY_SPELLING = {language_folded(drug): brands for drug, brands in BRANDS.items()}


def _branded(word: str, known: Container[str]) -> bool:
    """Whether `word` is a drug one of whose brands the study names ('pembrolizumab' where Keytruda is given), or a
    brand of a drug it names ('marcaine' where bupivacaine is given)."""
    if any(brand in known for brand in _BRANDS_BY_SPELLING.get(language_folded(word), ())):
        return True
    drug = _DRUG_OF_BRAND.get(word)
    return drug is not None and drug in known


def _in_product(word: str, known: Container[str]) -> bool:
    """Whether `word` is a drug of a combination product the study names otherwise ('amoxicillin' where
    co-amoxiclav is given), or the product's name where the study names each of its drugs ('co-trimoxazole' where
    trimethoprim-sulfamethoxazole is given)."""
    if any(all(w in known for w in name) for name in _PRODUCTS_OF.get(word, ())):
        return True
    return word in _DRUGS_OF_PRODUCT and all(d in known for d in _DRUGS_OF_PRODUCT[word])


def spelled_otherwise(word: str, known: set[str], drugs: Iterable[str]) -> bool:
    """Whether `word` is a known drug run together with a word ('ofponatinib'), misspelt ('ponatinb'), the same
    drug as one of `drugs` but for an enantiomer's prefix ('bupivacaine' where levobupivacaine is given), a
    former name of a known drug ('adriamycin' where doxorubicin is given), a drug of a regimen the study names
    ('irinotecan' where mFOLFIRINOX is given), what a prodrug the study names yields ('acyclovir' where valacyclovir
    is given), a drug of a combination product it names otherwise ('amoxicillin' where co-amoxiclav is given), a drug
    one of whose brands it names or a brand of a drug it names ('pembrolizumab' where Keytruda is given; `BRANDS`),
    or a known drug as another language writes it ('clarithromycin' where claritromicina is given)."""
    # Drug words end in their stem, so a word run together with a drug stands before it.
    if any(word[i:] in known for i in range(1, min(RUN_TOGETHER, len(word) - 5) + 1)):
        return True
    drugs = tuple(drugs)
    if any(_enantiomer_of(word, d) or _enantiomer_of(d, word) for d in drugs):
        return True
    if any(word.startswith(p) and word[len(p):] in known for p in METABOLITE_PREFIXES):  # a metabolite of one
        return True
    if FORMER_NAMES.get(word) in known:  # a former name of a drug the study names by its INN
        return True
    if any(name in known for name in OTHER_PHARMACOPOEIA_NAMES.get(word, ())):  # another pharmacopoeia's name
        return True
    if any(form in known for form in _REGIMENS_OF.get(word, ())):  # a drug of a regimen the study gives
        return True
    if any(p + word in known for p in PRODRUG_PREFIXES) or _in_product(word, known):  # what a prodrug gives
        return True
    if _branded(word, known):  # a brand's drug, or a drug's brand ('pembrolizumab' where Keytruda is given)
        return True
    allowed = 1 if len(word) < 9 else 2
    if any(abs(len(d) - len(word)) <= allowed and _same_start(word, d) and _within(word, d, allowed)
           for d in drugs if len(d) >= 6):
        return True
    folded = language_folded(word)  # written as another language writes it ('claritromicina', 'Métformine')
    return len(word) >= SPELLINGS_LEAST and any(language_folded(d) == folded for d in drugs
                                                if len(d) >= SPELLINGS_LEAST)


def _same_start(word: str, drug: str) -> bool:
    """Whether two words start alike, or one is the other with a letter before it ('oestradiol'): a misspelling
    keeps a name's first letter, while drugs of one stem differ there ('ropivacaine' and 'bupivacaine', 'rituximab'
    and 'cetuximab')."""
    return word[0] == drug[0] or word[1:] == drug or drug[1:] == word


def _enantiomer_of(word: str, drug: str) -> bool:
    """Whether `word` is `drug` with an enantiomer's prefix ('levobupivacaine', 'bupivacaine')."""
    return len(word) > len(drug) >= 6 and word.endswith(drug) and word[:-len(drug)] in ENANTIOMER_PREFIXES


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance between a and b is at most `limit`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


# Names of a class of drugs, or of a procedure or a device that gives one, and how its members' names end: a study
# whose intervention is "Statin therapy", "Beta-blocker", "Chemotherapy", "Erector spinae plane block" or a
# "Drug-coated balloon" gives a member ("atorvastatin", "metoprolol", "cisplatin", "ropivacaine", "paclitaxel") that
# an arm or an outcome names.
_CHEMOTHERAPY = ("platin", "taxel", "rubicin", "citabine", "trexed", "tecan", "mustine", "phamide", "fosfamide",
                 "mitomycin", "bleomycin", "dactinomycin")
_LOCAL_ANAESTHESIA = ("caine", "fentanil")
# A block or an infiltration of a local anaesthetic, by where it is given ("Erector spinae plane block", "Interscalene
# block", "Wound infiltration"); not a heart block, a beta or neuromuscular blockade, nor randomisation in blocks.
_NAMED_BLOCK = (r"(?:nerve|plane|regional|field|caudal|epidural|spinal|neuraxial|plexus|fascial|paravertebral|femoral"
                r"|sciatic|tap|esp|pecs?|ql)[\s-]+(?:blocks?|blockade|an(?:a)?esthesia|analgesia)")
_ANY_BLOCK = (r"(?<![\w-])(?!(?:in|of|by|randomi[sz]ed|permuted|variable|size|heart|av|atrioventricular|branch"
              r"|conduction|beta|adrenergic|neuromuscular|receptor)[\s-])[a-z-]+[\s-]+block(?:s|ade)?")
_INFILTRATION = r"(?:local|wound|periarticular|incision(?:al)?|port[\s-]+site|surgical[\s-]+site)[\s-]+infiltration"
# ... not where the class is what the participants go without or had ("Steroid-free remission", "statin-naive"), nor
# a programme that reviews its prescribing ("Antifungal stewardship").
_NOT_GIVEN_CLASS = (r"(?![\s-]+(?:free|sparing|na[iï]ve|refractory|resistant|intoleran\w*|dependent|withdrawal|exposed"
                    r"|experienced|induced|associated|related|allerg\w*|stewardship)\b)")
DRUG_CLASSES = tuple((re.compile(f"(?:{pattern}){_NOT_GIVEN_CLASS}", re.I), endings) for pattern, endings in (
    (r"\bstatins?\b", ("statin",)),
    (r"\b(?:beta|β)[\s-]*(?:adrenergic[\s-]+)?(?:blockers?|blockade|antagonists?)\b", ("olol", "alol")),
    (r"\b(?:ace[\s-]?inhibitors?|acei|angiotensin[\s-]+converting[\s-]+enzyme[\s-]+inhibitors?)\b", ("pril",)),
    (r"\b(?:arbs?|angiotensin(?:[\s-]+ii)?[\s-]+receptor[\s-]+(?:blockers?|antagonists?))\b", ("sartan",)),
    (r"\b(?:[dn]oacs?|direct[\s-]+(?:oral[\s-]+)?(?:anticoagulants?|thrombin[\s-]+inhibitors?|factor[\s-]+xa"
     r"[\s-]+inhibitors?))\b", ("xaban", "gatran")),
    (r"\b(?:lmwh|low[\s-]+molecular[\s-]+weight[\s-]+heparins?)\b", ("parin",)),
    (r"\b(?:ppis?|proton[\s-]+pump[\s-]+inhibitors?)\b", ("prazole",)),
    (r"\btriptans?\b", ("triptan",)),
    (r"\b(?:gliptins?|dpp[\s-]?4[\s-]+inhibitors?)\b", ("gliptin",)),
    (r"\b(?:gliflozins?|sglt[\s-]?2[\s-]*(?:inhibitors?|is?))\b", ("gliflozin",)),
    (r"\b(?:glp|glucagon[\s-]+like[\s-]+peptide)[\s-]?1[\s-]+(?:receptor[\s-]+)?(?:agonists?|ras?|analog(?:ue)?s?)\b",
     ("glutide",)),
    (r"\bbisphosphonates?\b", ("dronate",)),
    (r"\bbenzodiazepines?\b", ("azepam", "azolam")),
    (r"\b(?:calcium[\s-]+channel[\s-]+(?:blockers?|antagonists?)|ccbs?)\b", ("dipine", "pamil", "tiazem")),
    (r"\b(?:5[\s-]?ht3|serotonin)[\s-]+(?:receptor[\s-]+)?antagonists?\b", ("setron",)),
    (r"\b(?:corticosteroids?|glucocorticoids?|steroids?)\b", ("asone", "isone", "olone", "sonide")),
    (r"\b(?:nsaids?|non[\s-]?steroidal[\s-]+anti[\s-]?inflammatory|cox[\s-]?2[\s-]+inhibitors?)\b",
     ("profen", "coxib")),
    (r"\bopioids?\b", ("codone", "morphone", "fentanil")),
    (r"\bcarbapenems?\b", ("penem",)),
    (r"\b(?:fluoro)?quinolones?\b", ("oxacin",)),
    (r"\bpenicillins\b", ("cillin",)),
    (r"\b(?:aminoglycosides?|macrolides?)\b", ("mycin", "micin")),
    (r"\b(?:taxanes?)\b", ("taxel",)),
    (r"\banthracyclines?\b", ("rubicin",)),
    (r"\bplatinum\b", ("platin",)),
    (r"\b(?:tkis?|tyrosine[\s-]+kinase[\s-]+inhibitors?|jak[\s-]?inhibitors?)\b", ("tinib", "anib")),
    (r"\bparp[\s-]?inhibitors?\b", ("parib",)),
    (r"\bcdk[\s-]?4/6[\s-]+inhibitors?\b", ("ciclib",)),
    (r"\b(?:monoclonal[\s-]+antibod(?:y|ies)|checkpoint[\s-]+inhibitors?|anti[\s-]?(?:pd[\s-]?l?1|ctla[\s-]?4"
     r"|her2|vegf|cd20|il[\s-]?\d+))\b", ("mab",)),
    (r"\banti[\s-]?tnf\b|\btnf[\s-]+(?:alpha[\s-]+)?(?:inhibitors?|blockers?|antagonists?)\b", ("mab", "cept")),
    (r"\b(?:antiretrovirals?|(?-i:ART|HAART|cART)|direct[\s-]+acting[\s-]+antivirals?|daas?|antivirals?)\b",
     ("vir", "vudine", "citabine")),
    (r"\b(?:chemo(?:therapy|therapies|therapeutic|radiotherapy|radiation)?|chemoembolization|chemoembolisation|tace"
     r"|hipec|pipac|cytotoxics?)\b", _CHEMOTHERAPY),
    (rf"\b(?:local[\s-]+an(?:a)?esthe(?:tics?|sia)|{_NAMED_BLOCK}|{_ANY_BLOCK}|{_INFILTRATION}|epidural)\b",
     _LOCAL_ANAESTHESIA),
    (r"\b(?:neuromuscular[\s-]+(?:block(?:ing|ade|er)?s?|relaxants?)|muscle[\s-]+relaxants?)\b", ("curonium",)),
    (r"\b(?:drug[\s-]+(?:coated|eluting)|(?-i:DCBs?|DES)|paclitaxel[\s-]+(?:coated|eluting))\b", ("taxel",)),
    (r"\bhmg[\s-]?coa[\s-]+reductase[\s-]+inhibitors?\b", ("statin",)),
    (r"\b(?:anti-?fungals?|anti-?mycotics?|echinocandins?)\b", ("conazole", "fungin")),
    (r"\b(?:ssris?|snris?|antidepressants?|(?:selective[\s-]+)?serotonin(?:[\s-]+(?:and[\s-]+)?"
     r"nor(?:adrenaline|epinephrine))?[\s-]+re-?uptake[\s-]+inhibitors?)\b", ("oxetine", "triptyline")),
    (r"\b(?:anti-?psychotics?|neuroleptics?)\b", ("apine", "idone", "peridol")),
    (r"\b(?:anti-?platelets?|p2y12[\s-]+(?:receptor[\s-]+)?(?:inhibitors?|antagonists?|blockers?))\b",
     ("grel", "grelor")),
    (r"\banti-?coagula(?:nts?|tion)\b", ("xaban", "gatran", "parin")),
    (r"\b(?:(?:neuraminidase|integrase|protease|polymerase|ns5a|ns5b|reverse[\s-]+transcriptase)[\s-]+inhibitors?"
     r"|nucleos(?:t)?ides?[\s-]+analog(?:ue)?s?)\b", ("vir", "vudine", "citabine")),
    (r"\bproteasome[\s-]+inhibitors?\b", ("zomib",)),
    (r"\b(?:btk|egfr|alk|bcr[\s-]?abl|multi-?kinase)[\s-]+(?:tkis?|inhibitors?)\b", ("tinib", "anib")),
    (r"\bhypomethylating[\s-]+agents?\b", ("citabine",)),
    (r"\b(?:pde[\s-]?5|phosphodiesterase[\s-]+(?:type[\s-]+)?5)[\s-]+inhibitors?\b", ("afil",)),
    (r"\b(?:ltras?|leukotriene[\s-]+(?:receptor[\s-]+)?(?:antagonists?|modifiers?))\b", ("lukast",)),
    (r"\bthiazides?(?:[\s-]+(?:like[\s-]+)?diuretics?)\b", ("thiazide",)),
    (r"\b(?:gnrh|lhrh|gonadotropin[\s-]+releasing[\s-]+hormone)[\s-]+(?:receptor[\s-]+)?(?:agonists?|antagonists?"
     r"|analog(?:ue)?s?)\b", ("relin", "relix")),
    (r"\b(?:anti-?androgens?|androgen[\s-]+receptor[\s-]+(?:inhibitors?|antagonists?|blockers?))\b", ("lutamide",)),
    (r"\b(?:androgen[\s-]+deprivation|(?-i:ADT))\b", ("relin", "relix", "lutamide")),
    (r"\bsomatostatin[\s-]+(?:receptor[\s-]+)?(?:analog(?:ue)?s?|agonists?)\b", ("reotide",)),
    (r"\b(?:lamas?|long[\s-]+acting[\s-]+muscarinic[\s-]+(?:receptor[\s-]+)?antagonists?|anti-?muscarinics?)\b",
     ("tropium",)),
    (r"\b(?:labas?|sabas?|(?:long|short)[\s-]+acting[\s-]+(?:beta|β)[\s-]?2?[\s-]+(?:adrenergic[\s-]+)?agonists?"
     r"|(?:beta|β)[\s-]?2[\s-]+(?:adrenergic[\s-]+)?agonists?|bronchodilators?)\b", ("terol",)),
    (r"\b(?-i:ICS)\b", ("asone", "isone", "olone", "sonide")),
    (r"\banti-?emetics?\b", ("setron",)),
    (r"\banti[\s-]?vegf\b", ("cept",)),
    (r"\b(?:platinum|chemotherapy)[\s-]+(?:based[\s-]+)?doublets?\b", _CHEMOTHERAPY),
))


@lru_cache(maxsize=_MEMO)
def classes_named(text: str | None) -> tuple[tuple[str, ...], ...]:
    """How the names of the drugs of each class, procedure or device a text names end ('Statin therapy' ->
    (('statin',),)): a study whose intervention is so named gives such a drug."""
    if not text:
        return ()
    return tuple(endings for pattern, endings in DRUG_CLASSES if pattern.search(text))


def unnamed_members(texts: Iterable[str | None]) -> tuple[str, ...]:
    """How the names of the drugs end of each class the texts (an intervention's name and description) name but
    name no drug of ('Erector spinae plane block' with '20 ml of local anaesthetic' -> 'caine', 'fentanil'): any
    drug of such a class may be the one given; where the texts name one ('PECS block of levobupivacaine'), another
    of its class is not."""
    texts = list(texts)
    # a class's own name may carry a stem ('carbapenem'): no member named
    named = {d for d in set().union(*(stem_drugs(t) for t in texts)) if not classes_named(d)}
    classes = dict.fromkeys(endings for t in texts for endings in classes_named(t))
    return tuple(e for endings in classes if not any(d.endswith(endings) for d in named) for e in endings)
