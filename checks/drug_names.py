"""Recognise drug names in free text (INN stems) and the drugs a study's intervention names name.

What the words about a drug's name say of it, and the other names a drug goes by, are read in the modules beside this
one: `drug_doses` (which drug each amount is a dose or a concentration of), `drug_near_dose` (the drug words next to
an amount), `drug_other_amounts` (amounts that are no dose of a study drug), `drug_not_given` and `drug_history` (a
drug named that the study does not give), `drug_other_names`, `drug_brands` and `drug_spellings` (one drug named
otherwise) and `drug_classes` (a class of drugs named for its members).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

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
MEMO = 8192
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
    # Rings of chemistry named whole, which the drugs built on them name with more before the stem ("fluconazole",
    # "tinidazole", "carboxyamidotriazole"): the imidazole of histidine and of "imidazole propionate", triazoles and
    # imidazoles as kinds of antifungal, a benzimidazole as a kind of anthelmintic.
    "imidazole", "benzimidazole", "triazole", "pyrazole", "thiazole", "benzothiazole", "tetrazole", "isoxazole",
    "indazole", "carbazole",
    # A monoclonal antibody's kind, before a development code ("rhuMAb-E25", "rhuMAb VEGF": recombinant humanized
    # monoclonal antibody): no drug's name.
    "rhumab",
})
# Endings of body chemistry built like a drug stem: sterols (-terol), peptides and nucleotides (-tide), the
# nucleosides of DNA (deoxycytidine, -tidine) and phosphoinositides; and of chemical groups built like the
# antipsychotics' "-idone": pyrrolidone (the skin's "pyrrolidone carboxylic acid", "polyvinylpyrrolidone"), piperidone
# and pyridone.
NOT_DRUG_ENDINGS = ("sterol", "peptide", "nucleotide", "ycytidine", "inositide", "pyrrolidone", "piperidone",
                    "pyridone")
# A word that names a carboxylic acid with the word after it ("quinolone carboxylic acid", "imidazole-4-carboxylic
# acid") is a chemical group, not a drug.
_CARBOXYLIC_ACID_AFTER = re.compile(r"[\s-]+(?:\d+[\s-]+)?carboxylic\s+acids?\b")
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


@lru_cache(maxsize=MEMO)
def stem_drugs(text: str | None) -> frozenset[str]:
    """Lower-case words of a text that carry a drug INN stem (belimumab, baricitinib...)."""
    if not text:
        return frozenset()
    lowered = text.lower()
    # each distinct word is judged once, only one with a stem's ending; where each stands is read only in a text that
    # names a carboxylic acid
    drug_words = {word for word in set(_WORD.findall(lowered)) if word.endswith(INN_STEMS) and _drug_word(word)}
    if not drug_words or "carboxylic" not in lowered:
        return frozenset(drug_words)
    return frozenset(m.group() for m in _WORD.finditer(lowered) if m.group() in drug_words
                     and not _CARBOXYLIC_ACID_AFTER.match(lowered, m.end()))


def _drug_word(word: str) -> bool:
    """Whether a lower-case word carries a drug stem and is no ordinary word, body chemistry or chemical group."""
    return (word.endswith(INN_STEMS) and word.isascii() and word.isalpha() and _has_stem(word)
            and word not in NOT_DRUGS and not word.endswith(NOT_DRUG_ENDINGS))


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


def other_member(lower: str, end: int, drug: str) -> bool:
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


@lru_cache(maxsize=MEMO)
def words_in(text: str | None) -> frozenset[str]:
    """Every lower-case word of a text, to test whether a drug is mentioned there."""
    words = set(_TOKEN.findall((text or "").lower()))
    return frozenset(words | {part for word in words if "-" in word for part in word.split("-")})


def word_at(text: str, word: str) -> int:
    """Where a lower-case word first occurs as a whole word in a text (0 when it does not)."""
    m = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    return m.start() if m else 0
