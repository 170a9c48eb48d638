"""An intervention's other name that names another drug than the intervention: a brand, a name or a development code
of another active substance ('Anafranil', clomipramine's brand, as the other name of desipramine: NCT00018200)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import duckdb

from checks.drug_brand_names import ONE_SUBSTANCE, OTHER_BRANDS, SAME_DRUG_NAMES
from checks.drug_brands import BRANDS
from checks.drug_classes import unnamed_members
from checks.drug_conjugates import conjugates_read_past
from checks.drug_names import MEMO, stem_drugs, words_in
from checks.drug_other_names import COMBINATION_PRODUCTS, FORMER_NAMES, coded, coded_drugs, spelled_otherwise
from checks.drug_spellings import accents_folded, language_folded
from checks.rule import CheckScope, Finding
from checks.study_text import rows_by_study, texts_of_studies


# What a drug's own name is of it (a message quotes the name alone).
OWN_NAME = "the name of"


@dataclass(frozen=True)
class Naming:
    """A word (or words) of a text that names drugs: what it is of them ('a brand of'), and the drugs."""

    words: str
    kind: str
    drugs: tuple[str, ...]

    def describe(self, written: str) -> str:
        """The words as `written`, and what they are unless a drug's own name: "'Anafranil' (a brand of
        clomipramine)", "'Goserelin'"."""
        own = self.kind == OWN_NAME
        return f"'{written}'" if own else f"'{written}' ({self.kind} {' and '.join(self.drugs)})"


def _word_namings() -> dict[str, Naming]:
    """Each lower-case word that names drugs on its own, as the tables give it."""
    found: dict[str, Naming] = {}
    for table in (BRANDS, OTHER_BRANDS):
        for drug, brands in table.items():
            found.update({brand: Naming(brand, "a brand of", (drug,)) for brand in brands})
            found[language_folded(drug)] = Naming(drug, OWN_NAME, (drug,))
    found.update({language_folded(other): Naming(other, "another name of", (drug,))
                  for other, drug in SAME_DRUG_NAMES.items()})
    found.update({former: Naming(former, "a former name of", (drug,)) for former, drug in FORMER_NAMES.items()})
    for drugs, names in COMBINATION_PRODUCTS.items():
        found.update({name[0]: Naming(name[0], "a combination product of", drugs) for name in names if len(name) == 1})
    return found


_NAMING_OF_WORD = _word_namings()
# Combination products named by several words ("TMP SMX").
_NAMINGS_OF_WORDS = tuple(Naming(" ".join(name), "a combination product of", drugs)
                          for drugs, names in COMBINATION_PRODUCTS.items() for name in names if len(name) > 1)


@lru_cache(maxsize=MEMO)
def namings(text: str | None, codes: bool = True) -> tuple[Naming, ...]:
    """The drugs a text names by a brand, a drug's name the tables list, a former name, a combination product's name
    or, unless `codes` is False, a development code ('Anafranil' -> clomipramine, 'MK-3475' -> pembrolizumab)."""
    if not text:
        return ()
    words = words_in(accents_folded(text))
    found = [_NAMING_OF_WORD[w] for w in sorted(words) if w in _NAMING_OF_WORD]
    found += [_NAMING_OF_WORD[language_folded(w)] for w in sorted(words)
              if w not in _NAMING_OF_WORD and language_folded(w) in _NAMING_OF_WORD]
    found += [naming for naming in _NAMINGS_OF_WORDS if all(w in words for w in naming.words.split())]
    found += [Naming(drug, "a development code of", (drug,)) for drug in (coded_drugs(text) if codes else ())]
    return tuple(dict.fromkeys(found))


def drugs_of(text: str | None, codes: bool = True) -> set[str]:
    """Every drug a text names: by the tables (`namings`) or by a word with an INN stem."""
    return {d for n in namings(text, codes) for d in n.drugs} | set(stem_drugs(accents_folded(text)))


def named_in(drugs: Iterable[str], texts: list[str | None]) -> bool:
    """Whether one of `drugs` is one substance with a drug the texts name (a long text's codes read only for these
    drugs: `coded`)."""
    drugs = tuple(drugs)
    return among(drugs, set().union(*(drugs_of(t, codes=False) for t in texts))) or \
        any(coded(d, texts) for d in drugs)


_ONE_SUBSTANCE = {frozenset(pair) for pair in ONE_SUBSTANCE}
# An acid's name and its salt's ('valproic', 'valproate').
_ACID_OR_SALT = re.compile(r"(?:ic|ate)$")


def _base(drug: str) -> str:
    drug = SAME_DRUG_NAMES.get(drug, drug)
    return _ACID_OR_SALT.sub("", language_folded(drug)) if len(drug) >= 8 else language_folded(drug)


def same_substance(a: str, b: str) -> bool:
    """Whether two drug names name one active substance: one name in two pharmacopoeias or languages, misspelt, an
    acid and its salt, an enantiomer, a prodrug and what it gives, a metabolite ('citalopram' and 'escitalopram',
    'valacyclovir' and 'aciclovir', 'imipramine' and 'desipramine')."""
    a, b = SAME_DRUG_NAMES.get(a, a), SAME_DRUG_NAMES.get(b, b)
    if a == b or _base(a) == _base(b) or frozenset((a, b)) in _ONE_SUBSTANCE:
        return True
    return spelled_otherwise(a, {b}, (b,)) or spelled_otherwise(b, {a}, (a,))


def among(drugs: Iterable[str], others: Iterable[str]) -> bool:
    """Whether one of `drugs` is one substance with one of `others`."""
    others = tuple(others)
    return any(same_substance(d, o) for d in drugs for o in others)


# Names that are no drug's other name: a placebo's, a sham's, a comparison's ("matching Anafranil").
_NOT_AN_ALIAS = re.compile(r"\b(?:placebos?|sham|vehicle|dummy|matching|matched|identical|control|standard|usual"
                           r"|saline|no|without|free)\b", re.I)
# Words that join a drug to another, or mark a fixed combination ("Atacand HCT", "Zyrtec-D", "Fosamax Plus"): such an
# other name may hold the intervention's drug under a word no table reads.
_COMBINED = re.compile(r"\b(?:hct|hctz|plus|comp|duo|co|d|and|with)\b|[+/&]", re.I)
# A drug's name denied ("Non-coumadin Oral Anticoagulant": an anticoagulant other than warfarin), read past.
_DENIED_DRUG = re.compile(r"\bnon(?:-|\s+)[a-z]\w*", re.I)
# A drug's name inside a chemical name of a derivative, after a locant or a bracketed substituent
# ("42-O-(2-hydroxy)ethyl rapamycin" is everolimus, not rapamycin), read past with it.
_DERIVATIVE = re.compile(r"(?:\b\d+(?:,\d+)*-[a-z]{1,2}-|\(\d+-[\w-]+\))[\w()-]*[\s-]*\w+", re.I)
# More words than a drug's other name has: a regimen or a sentence ("1. 20 mg prednisone pill to be taken...").
MOST_WORDS = 5
# Texts of a study that name the drugs it gives besides its interventions and arms.
CONTEXT_FIELDS = ("studies.brief_title", "studies.official_title", "brief_summaries.description",
                  "detailed_descriptions.description", "designs.intervention_model_description")


def other_drug(name: str, description: str | None, other: str) -> tuple[Naming, ...]:
    """What the other name `other` of the intervention `name` (described by `description`) names that is another
    drug than the intervention's: nothing for a placebo, a combination, a sentence, a name without a drug or denying
    one ('Non-coumadin'), nor for a drug bound in a conjugate ('Ga-68 DOTA0-Tyr3-octreotide' is no octreotide) or
    named in a derivative's chemical name; nor for a drug of a class the name or description names and names no
    drug of ('Levitra', vardenafil's brand, of "Testosterone and/or PDE-5": `unnamed_members`)."""
    if _NOT_AN_ALIAS.search(name) or _NOT_AN_ALIAS.search(other) or _COMBINED.search(other) or \
            len(other.split()) > MOST_WORDS:
        return ()
    named = drugs_of(_DENIED_DRUG.sub(" ", name))
    other = _DERIVATIVE.sub(" ", other)
    if not named or among(drugs_of(other), named) or named_in(drugs_of(other), [description]):
        return ()
    members = unnamed_members((name, description))
    return tuple(n for n in namings(conjugates_read_past(other)) if not members or
                 not all(d.endswith(members) for d in n.drugs))


def other_name_findings(nct_id: str, interventions: list[tuple], other_names: list[tuple], arms: list[tuple],
                        context: list[str]) -> Iterator[Finding]:
    """For each of one study's interventions, its other names that name another drug than its own, and than the
    study names elsewhere.

    `interventions` are (id, name, description), `other_names` (intervention id, intervention name, other name),
    `arms` (title, description) and `context` the study's titles and descriptions.
    """
    by_id = {i: (name, description) for i, name, description in interventions}
    ids = {name: i for i, name, _ in interventions}
    found: dict[tuple, list[tuple[str, Naming]]] = {}
    for intervention_id, intervention_name, other in dict.fromkeys(other_names):
        intervention_id = intervention_id if intervention_id in by_id else ids.get(intervention_name)
        name, description = by_id.get(intervention_id, (intervention_name, None))
        named = other_drug(name, description, other) if name and other else ()
        if not named:
            continue
        elsewhere = context + [t for row in arms for t in row] + \
            [t for i, n, d in interventions if i != intervention_id for t in (n, d)] + \
            [o for i, _, o in other_names if i != intervention_id]
        naming = next((n for n in named if not named_in(n.drugs, elsewhere)), None)
        if naming is not None:
            found.setdefault((intervention_id, name), []).append((other, naming))
    for (_, name), others in found.items():
        yield _finding(nct_id, name, others)


def _finding(nct_id: str, name: str, others: list[tuple[str, Naming]]) -> Finding:
    described = [naming.describe(other) for other, naming in others]
    listed = described[0] if len(others) == 1 else ", ".join(described[:-1]) + f" and {described[-1]}"
    message = (f"The intervention '{name}' has the other name{'s' if len(others) > 1 else ''} {listed}: not the "
               f"intervention's drug ({', '.join(sorted(drugs_of(name)))}), nor one the study's other interventions, "
               "arms, titles or descriptions name.")
    quoted = ", ".join(f"'{other}'" for other, _ in others)
    return Finding(nct_id, message, f"interventions.name: '{name}'; intervention_other_names.name: {quoted}")


def other_name_of_another_drug(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An intervention's other name is the brand, the name or the code of another drug than the intervention's."""
    other_names = rows_by_study(con, scope, "intervention_other_names",
                                ("intervention_id", "intervention_name", "name"))
    interventions = rows_by_study(con, scope, "interventions", ("id", "name", "description"))
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    rows = {n: (interventions.get(n, []), other_names[n], arms.get(n, [])) for n in sorted(other_names)}
    # Only a study with an other name that names another drug than its intervention's, its arms aside, has its other
    # texts read (adding them only takes findings away).
    named = [n for n, (i, o, a) in rows.items() if any(other_name_findings(n, i, o, a, []))]
    context = texts_of_studies(con, scope, CONTEXT_FIELDS, named)
    for nct_id in named:
        yield from other_name_findings(nct_id, *rows[nct_id], context.get(nct_id, []))
