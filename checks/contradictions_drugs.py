"""Contradictions between a study's interventions and the drugs its outcomes and arm titles name."""
from __future__ import annotations

import re
from itertools import chain
from typing import Callable, Iterator

import duckdb

from checks.drug_brand_names import OTHER_BRANDS
from checks.drug_brands import BRANDS
from checks.drug_known_names import KnownDrugs, WordsOf
from checks.drug_names import STEM_SCREEN, stem_drugs, word_at
from checks.drug_unlisted_readings import (CHALLENGE_RESPONSE, declared_abbreviation, earlier_use,
                                           prior_therapy_of_cohort, stratum_in_brackets, unknown_codes)
from checks.other_name_drugs import other_name_of_another_drug
from checks.other_name_placebo import other_name_placebo
from checks.outcome_drugs_not_given import OUTCOME_FIELDS, conjugate_payload, not_given_in
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, rows_by_study_matching, texts_of_studies

# The drugs the product knows by their common names: a title naming one names that drug, no product's own name.
COMMON_DRUGS = frozenset(BRANDS) | frozenset(OTHER_BRANDS)
_CONTEXT_FIELDS = ("studies.official_title", "studies.brief_title", "brief_summaries.description",
                   "detailed_descriptions.description", "designs.intervention_model_description")


# Other names of the interventions (brand names, codes) and the registry's MeSH terms for them
# name the same drugs as the interventions do ("Conmana" is icotinib).
_OTHER_NAME_FIELDS = ("intervention_other_names.name", "browse_interventions.mesh_term")


def _places(row: tuple, fields: tuple[str, ...], drug: str) -> list[tuple[str, str, int]]:
    """(field, text, offset) of each field of a row that names the drug."""
    return [(f, t, word_at(t, drug)) for f, t in zip(fields, row) if drug in stem_drugs(t)]


# What an outcome's drug that no intervention lists may be: outcomes of records with results name rescue, background,
# prior and analysed drugs far more often than a study drug the interventions leave out (on 6,403 legacy records, 2 of
# about 25 such findings were the latter), so it is only worth knowing, and said as such.
_OUTCOME_DRUG = ("which is not an intervention of this study: a rescue, background or measured drug, or one the "
                 "interventions leave out")
# An outcome that names the drug as the treatment it measures, in its measure ("Response rate to ruxolitinib", "Change
# in FEV1 after 24 weeks of tiotropium", "Safety of drug X") or its description ("Adverse events related to belimumab
# are recorded", "response to X"): that drug is the study's, and its absence from the interventions is likely wrong.
# The drug follows the treatment's words within a few words; a description's "treatment with X" may be allowed care,
# so only effects, responses and events caused by the drug are read there.
_MEASURED_OF = (r"\b(?:respon(?:se|ses|ders?)|efficacy|effectiveness|effects?|safety|tolerability)(?:\s+rates?)?"
                r"\s+(?:to|of)\s+(?:[\w-]+\s+){0,2}?$"
                r"|\b(?:adverse\s+(?:events?|reactions?|effects?)|side[\s-]+effects?|toxicit(?:y|ies))\s+"
                r"(?:(?:possibly|probably|definitely)\s+)?(?:related|attributable|attributed|due|associated|caused)"
                r"\s+(?:to|with|by)\s+(?:[\w-]+\s+){0,1}?$")
_TREATMENT_MEASURED = {
    OUTCOME_FIELDS[0]: re.compile(_MEASURED_OF + r"|\b(?:treatment|therapy)\s+(?:with|of)\s+(?:[\w-]+\s+){0,2}?$"
                                  r"|\bafter\s+(?:[\w-]+\s+){1,4}?of\s+(?:[\w-]+\s+){0,1}?$", re.I),
    OUTCOME_FIELDS[1]: re.compile(_MEASURED_OF, re.I),
}


def _measured_as_treatment(field: str, text: str, at: int) -> bool:
    """Whether the outcome's `field` (its measure or description) names the drug at `at` as the treatment measured;
    not a measured quantity's response to a drug given as a challenge ("Airway Blood Flow Response to Albuterol")."""
    before = text[max(0, at - 80):at]
    return bool(_TREATMENT_MEASURED[field].search(before)) and not CHALLENGE_RESPONSE.search(before)


def _undeclared(nct_id: str, rows: list[tuple], fields: tuple[str, ...], known: KnownDrugs, what: str,
                explained=lambda row, drug: False) -> Iterator[Finding]:
    """Findings for drug words in `rows` (name first) that the study does not otherwise name, nor `explained` says
    the row need not be given; an outcome's are info."""
    reported: set[str] = set()
    for row in rows:
        stems = set().union(*(stem_drugs(t) for t in row)) - reported
        for drug in sorted(d for d in stems if d not in known.words):
            places = _places(row, fields, drug)
            if drug in known or conjugate_payload(drug, row, rows, known, what) or \
                    any(not_given_in(row, field, text, at, drug) or known.aliased(text, at, drug)
                        or (field == OUTCOME_FIELDS[1] and earlier_use(text, at)) for field, text, at in places) \
                    or explained(row, drug):
                continue
            reported.add(drug)
            yield _finding(nct_id, row, drug, places, known, what)


def _finding(nct_id: str, row: tuple, drug: str, places: list[tuple[str, str, int]], known: KnownDrugs,
             what: str) -> Finding:
    """The finding of a drug a row names at `places` that no intervention lists: info where an outcome names it
    otherwise than as the treatment measured, or else where an intervention named only by a code the product does not
    know may be the drug (the message says which)."""
    field, text, at = places[0]
    named = f"The {what} '{row[0]}'" if row[0] else f"An untitled {what}"
    outcome = what == "outcome" and not any(_measured_as_treatment(f, t, a) for f, t, a in places)
    codes = () if outcome else unknown_codes(known.names)
    said = _OUTCOME_DRUG if outcome else "which is not an intervention of this study"
    if codes:
        said += f" unless it is the drug the intervention named only by its code '{codes[0]}' gives"
    evidence = f"{field}: '{excerpt(text, at, at + len(drug), 50)}'; interventions.name: {known.quoted}"
    severity = "info" if outcome or codes else None
    return Finding(nct_id, f"{named} names {drug}, {said}.", evidence, (field, "interventions.name"), severity)


def _interventional(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> set[str]:
    types = rows_by_study(con, scope, "studies", ("study_type",))
    return {nct_id for nct_id, rows in types.items() if rows[0][0] in ("INTERVENTIONAL", None)}


def _names_a_drug(outcomes: list[tuple], arms: list[tuple]) -> bool:
    """Whether an outcome or an arm title has a drug word (a study with none has nothing to report)."""
    return any(map(stem_drugs, chain.from_iterable(outcomes))) or any(stem_drugs(title) for title, _ in arms)


def study_drug_findings(nct_id: str, outcomes: list[tuple], arms: list[tuple], interventions: list[tuple],
                        links: list[tuple], context: list[str]) -> Iterator[Finding]:
    """Drugs one study's outcomes (measure, description) and arm titles name but does not give.

    `arms` are (title, description), `interventions` (name, description), `links` (intervention,) and
    `context` the study's other texts that name what it gives. Only a study whose outcomes or arm
    titles have a drug word is read further: a finding is about such a word.
    """
    if not _names_a_drug(outcomes, arms):
        return
    yield from _named_study_findings(nct_id, outcomes, arms, interventions, links, context)


def _named_study_findings(nct_id: str, outcomes: list[tuple], arms: list[tuple], interventions: list[tuple],
                          links: list[tuple], context: list[str]) -> Iterator[Finding]:
    """`study_drug_findings` of a study whose outcomes or arm titles have a drug word (known to have one)."""
    given = [t for row in interventions + links for t in row] + context
    names = tuple(n for n, _ in interventions if n)
    given_texts = [t for row in interventions for t in row]
    known = KnownDrugs(WordsOf(given), names, given, given_texts)
    with_arms = KnownDrugs(WordsOf(given + [t for row in arms for t in row]), names, given, given_texts)
    texts = [t for row in outcomes + arms for t in row if t] + context
    yield from _undeclared(nct_id, outcomes, OUTCOME_FIELDS, with_arms, "outcome",
                           lambda row, drug: _aliased_anywhere(texts, drug, known))
    # Arm descriptions name background and standard-of-care drugs; titles name what is given.
    described = {title: description for title, description in arms if title and description}
    for found in _undeclared(nct_id, [(t,) for t, _ in arms], ("design_groups.title",), known, "arm",
                             _arm_title_explained(arms, known, context, texts)):
        yield _as_product_name(found, described, known)


# The words an arm title may hold beside a product's name alone: a label letter or numeral, a dose, a frequency, a route
# ("Luarprofen 50 mg", "Arm B: Luarprofen", "Luarprofen inhaled tid"); not another name or code ("A10 EvoMab Q2W").
_BESIDE_A_NAME = re.compile(r"[a-h]|i{1,3}|iv|arm|group|cohort|\d+(?:[.,]\d+)?|(?:\d+(?:[.,]\d+)?)?(?:mg|mcg|µg|ug|g"
                            r"|ml|%|iu|mg/kg|mg/ml)|qd|od|bid|tid|qid|q\d+[hdw]|daily|weekly|inhaled|oral|topical"
                            r"|iv|sc|im|nebuli[sz]ed|once|twice|a|an|the|of|per|day|dose")


def _as_product_name(found: Finding, described: dict[str, str], known: KnownDrugs) -> Finding:
    """The finding of an arm title's drug word, info where it may be a product name of the drug the arm's own
    description gives (`described`: description by arm title): the title names that word alone (with at most a
    label, a dose, a frequency or a route: `_BESIDE_A_NAME`), not a drug the product knows by its common name, and
    the description names it nowhere and gives only drugs the study gives ("Luarprofen" described as "Inhaled
    Hypertonic ibuprofen 50 mg tid", with the intervention "Inhaled Hypertonic ibuprofen", NCT04382768)."""
    title = next((t for t in described if found.message.startswith(f"The arm '{t}' names ")), None)
    drugs = stem_drugs(title)
    if title is None or len(drugs) != 1 or found.severity is not None:
        return found
    drug, description = next(iter(drugs)), described[title]
    if not all(word == drug or _BESIDE_A_NAME.fullmatch(word) for word in re.findall(r"[\w.%/]+", title.lower())):
        return found
    given = stem_drugs(description)
    if drug in given or drug in COMMON_DRUGS or not given or any(d not in known.words and d not in known
                                                                 for d in given):
        return found
    of = " and ".join(sorted(given))
    message = found.message[:-1] + f" unless it is a product name of the {of} the arm's description gives."
    return Finding(found.nct_id, message, found.evidence + f"; design_groups.description: '{description[:120]}'",
                   found.fields, "info")


def _arm_title_explained(arms: list[tuple], known: KnownDrugs, context: list[str],
                         texts: list[str]) -> Callable[[tuple, str], bool]:
    """Whether an arm title's drug is one the arm need not be given: an abbreviation its own description declares, a
    stratum of background therapy, a cohort named by its prior therapy, or another name of an intervention."""
    described = {title: description for title, description in arms if description}
    titles = [t for t, _ in arms if t]

    def explained(row: tuple, drug: str) -> bool:
        description = described.get(row[0])
        return declared_abbreviation(description, drug, known) or prior_therapy_of_cohort(description, drug, known) \
            or stratum_in_brackets(row[0] or "", drug, titles, context) or _aliased_anywhere(texts, drug, known)
    return explained


def _aliased_anywhere(texts: list[str], drug: str, known: KnownDrugs) -> bool:
    """Whether some text of the study gives the drug beside an intervention's name as its other name ("Dacomitinib
    (PF-00299804)" where the intervention is named 'PF-00299804')."""
    return any(known.aliased(text, m.start(), drug) for text in texts if drug in text.lower()
               for m in re.finditer(rf"\b{re.escape(drug)}\b", text, re.I))


def drug_not_an_intervention(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An outcome or an arm title names a drug that is none of the study's interventions, by any of their names."""
    # Only the outcomes of studies where one may name a drug (STEM_SCREEN): another study's outcomes name
    # none, and have nothing to report, as none at all.
    outcomes = rows_by_study_matching(con, scope, "design_outcomes", ("measure", "description"), STEM_SCREEN)
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    # The links as the dose rule reads them (the same rows in the same order), the intervention of each.
    links = rows_by_study(con, scope, "design_group_interventions", ("design_group", "intervention"))
    studies = sorted(_interventional(con, scope) & interventions.keys())
    # Only a study whose outcomes or arm titles name a drug is read further (as study_drug_findings
    # reads it): only those studies' other texts are read, and each is asked once.
    named = [n for n in studies if _names_a_drug(outcomes.get(n, []), arms.get(n, []))]
    context = texts_of_studies(con, scope, _CONTEXT_FIELDS + _OTHER_NAME_FIELDS, named)
    for nct_id in named:
        yield from _named_study_findings(nct_id, outcomes.get(nct_id, []), arms.get(nct_id, []),
                                         interventions[nct_id], [(i,) for _, i in links.get(nct_id, [])],
                                         context.get(nct_id, []))


RULES = (
    Rule("contradictions.drug_not_an_intervention", "contradiction", "warning",
         "An arm title naming a drug the study does not give, or an outcome measured of it as the treatment ('Response "
         "rate to X', 'after 24 weeks of X'), is usually copied from another record, or the intervention is left out. "
         "Info where an outcome names it otherwise: outcomes name rescue, background, prior and measured drugs far "
         "more often than a study drug the interventions leave out; and where an intervention is named only by a "
         "research code the product does not know, as the drug may be that code's (GW786034 is pazopanib), or "
         "where an arm title is the word alone and its own description gives only the study's drugs, as the word may "
         "be a product name of one ('Luarprofen' described as inhaled ibuprofen).",
         ("design_outcomes.description", "design_groups.title", "interventions.name"),
         func=drug_not_an_intervention, in_worker=True),
    Rule("contradictions.other_name_of_another_drug", "contradiction", "warning",
         "An intervention's other name that is another drug's brand, name or code is usually copied from another "
         "intervention or record, and finds the study under a drug it does not give.",
         ("intervention_other_names.name", "interventions.name"), func=other_name_of_another_drug, in_worker=True),
    Rule("contradictions.other_name_placebo", "contradiction", "warning",
         "A placebo or a sham is no other name of the drug, biological or device it imitates: given as one, it is the "
         "comparator entered in the wrong field, and a search by other name finds the product under 'placebo'. A "
         "warning where the study lists its placebo as an intervention of its own; info where the other name is the "
         "record's only word of the placebo its masked arms get. Not read: an intervention that is itself the "
         "placebo, or a masked product whose name, description or arm says so ('X or matching placebo').",
         ("intervention_other_names.name", "interventions.name"), func=other_name_placebo, in_worker=True),
)
