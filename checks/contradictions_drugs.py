"""Contradictions between a study's interventions and the drugs its outcomes and arm titles name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Iterator

import duckdb

from checks.drug_classes import unnamed_members
from checks.drug_names import STEM_SCREEN, name_words, stem_drugs, word_at, words_in
from checks.drug_not_given import another_treatment, class_example, not_given
from checks.drug_other_names import coded, spelled_otherwise
from checks.drug_spellings import accents_folded
from checks.other_name_drugs import other_name_of_another_drug
from checks.other_name_placebo import other_name_placebo
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, rows_by_study_matching, texts_of_studies

_OUTCOME_FIELDS = ("design_outcomes.measure", "design_outcomes.description")
_CONTEXT_FIELDS = ("studies.official_title", "studies.brief_title", "brief_summaries.description",
                   "detailed_descriptions.description", "designs.intervention_model_description")


# Other names of the interventions (brand names, codes) and the registry's MeSH terms for them
# name the same drugs as the interventions do ("Conmana" is icotinib).
_OTHER_NAME_FIELDS = ("intervention_other_names.name", "browse_interventions.mesh_term")


class WordsOf:
    """Whether a word is one of the words of some texts, read only when first asked (most studies never are); a
    letter's accent is left off ('Métformine' has the word 'metformine')."""

    def __init__(self, texts: list[str | None]) -> None:
        self.texts, self._sets = texts, None

    def __contains__(self, word: str) -> bool:
        if self._sets is None:
            self._sets = [words_in(accents_folded(t)) for t in self.texts]
        return any(word in words for words in self._sets)


def _places(row: tuple, fields: tuple[str, ...], drug: str) -> list[tuple[str, str, int]]:
    """(field, text, offset) of each field of a row that names the drug."""
    return [(f, t, word_at(t, drug)) for f, t in zip(fields, row) if drug in stem_drugs(t)]


# Names that are no other name of a drug: a placebo's, a sham's, a comparison's.
_NOT_AN_ALIAS = re.compile(r"\b(?:placebo|sham|vehicle|dummy|control|standard|usual|saline|no)\b")
# A name right before the drug's opening parenthesis, or right inside the parenthesis after it (a code of one or two
# words: "ZD6474", "ABP 501", "SB5").
_NAME_BEFORE = re.compile(r"((?:[\w-]+\s+)?[\w-]+)\s*\(\s*$")
_NAME_AFTER = re.compile(r"\s*\(\s*((?:[\w-]+\s+)?[\w-]+)\s*\)")


@dataclass
class KnownDrugs:
    """What a study names as given: every word of its intervention and context texts, and its drug words."""

    words: WordsOf
    names: tuple[str, ...]
    texts: list[str]
    # The interventions' names and descriptions, read for a class of drugs they give ("Statin therapy").
    interventions: list[str | None]

    @cached_property
    def drugs(self) -> set[str]:
        """Drug words of the intervention names and texts, their accents left off (read only when a word is not known
        as is)."""
        return self.name_words.union(*(stem_drugs(accents_folded(t)) for t in self.texts))

    @cached_property
    def name_words(self) -> set[str]:
        """The words of the intervention names (a code such as 'zd6474' among them), their accents left off."""
        return set().union(*(name_words(accents_folded(n)) for n in self.names))

    @cached_property
    def lowered_names(self) -> frozenset[str]:
        """The intervention names in lower case, their runs of white space as one space; not a placebo's or a
        comparison's ("Placebo (vandetanib)" is vandetanib's placebo, not vandetanib)."""
        return frozenset(lower for lower in (" ".join(n.lower().split()) for n in self.names)
                         if not _NOT_AN_ALIAS.search(lower))

    def aliased(self, text: str, at: int, drug: str) -> bool:
        """Whether the drug named at `at` is given beside an intervention's name as its other name: 'ZD6474
        (vandetanib)' where ZD6474 is an intervention (NCT00496509), 'vandetanib (ZD6474)', or 'adalimumab (ABP
        501)' where the intervention is named 'ABP 501'."""
        before = _NAME_BEFORE.search(text, max(0, at - 40), at)
        after = _NAME_AFTER.match(text, at + len(drug))
        return any(m is not None and self._names(m.group(1)) for m in (before, after))

    def _names(self, words: str) -> bool:
        """Whether one or two words are an intervention's name, or end in one ('SB5') or in a word of one ('ZD6474')."""
        lower = " ".join(words.lower().split())
        last = lower.rsplit(" ", 1)[-1]
        return lower in self.lowered_names or last in self.lowered_names or last in self.name_words

    @cached_property
    def member_endings(self) -> tuple[str, ...]:
        """How the names of the drugs of the classes the interventions name, and name no drug of, end ('statin'
        where 'Statin therapy' is given): an arm or an outcome naming such a drug may name the one given."""
        return unnamed_members(self.interventions)

    @property
    def quoted(self) -> str:
        """The intervention names, quoted, for evidence."""
        return ", ".join(f"'{n}'" for n in self.names)

    def __contains__(self, word: str) -> bool:
        return word in self.words or spelled_otherwise(word, self.words, self.drugs) or \
            word.endswith(self.member_endings) or coded(word, self.texts)


def _undeclared(nct_id: str, rows: list[tuple], fields: tuple[str, ...], known: KnownDrugs,
                what: str) -> Iterator[Finding]:
    """Findings for drug words in `rows` (name first) that the study does not otherwise name."""
    reported: set[str] = set()
    for row in rows:
        stems = set().union(*(stem_drugs(t) for t in row)) - reported
        for drug in sorted(d for d in stems if d not in known.words):
            places = _places(row, fields, drug)
            if drug in known or _conjugate_payload(drug, row, rows, known, what) or \
                    any(_not_given_in(row, field, text, at, drug) or known.aliased(text, at, drug)
                        for field, text, at in places):
                continue
            reported.add(drug)
            field, text, at = places[0]
            named = f"The {what} '{row[0]}'" if row[0] else f"An untitled {what}"
            message = f"{named} names {drug}, which is not an intervention of this study."
            evidence = f"{field}: '{excerpt(text, at, at + len(drug), 50)}'; interventions.name: {known.quoted}"
            yield Finding(nct_id, message, evidence, (field, "interventions.name"))


# The payloads of antibody-drug conjugates as drug words read them (monomethyl auristatin E, DM1's maytansine, SN-38's
# govitecan, DXd's deruxtecan): an outcome measures one as a part of the conjugate given, never as a drug given alone.
_CONJUGATE_PAYLOADS = frozenset({"auristatin", "maytansine", "emtansine", "mertansine", "ravtansine", "soravtansine",
                                 "deruxtecan", "exatecan", "calicheamicin", "ozogamicin", "govitecan", "duocarmycin"})
# Words that name an antibody-drug conjugate: "antibody drug conjugate", "ADC", "conjugated antibody", a conjugate's
# name ("brentuximab vedotin", "trastuzumab emtansine").
_CONJUGATE = re.compile(r"\bantibody[\s-]+drug[\s-]+conjugates?\b|\bADCs?\b|\bconjugated?\b"
                        r"|\b\w*(?:vedotin|mafodotin|deruxtecan|tansine|ozogamicin|govitecan|tesirine)\b", re.I)
# A drug an outcome names as a metabolite ("its active metabolite desipramine"): measured, not given.
_METABOLITE_BEFORE = re.compile(r"\bmetabolites?[\s,:(]+$", re.I)


def _conjugate_payload(drug: str, row: tuple, rows: list[tuple], known: KnownDrugs, what: str) -> bool:
    """Whether an outcome's drug is the payload of an antibody-drug conjugate that the study's outcomes, interventions
    or texts name ("total antibody, antibody drug conjugate (ADC), and Monomethyl Auristatin E (MMAE)"), or that the
    outcome measures beside an intervention's name ("Cmax of AGS67E, total antibody and MMAE"): a part of what the
    study gives."""
    if what != "outcome" or drug not in _CONJUGATE_PAYLOADS:
        return False
    studied = [t for t in chain(chain.from_iterable(rows), known.texts) if t]
    return any(_CONJUGATE.search(t) for t in studied) or \
        any(name.lower() in t.lower() for name in known.names for t in row if t)


# A measure that counts medication taken or prescribed ("Change in Medication Use", "Incidence of rescue analgesia",
# "Total consumption of Tylenol", "Combined Symptom and Medication Scores", "Asthmatic Bronchitis, prescriptions"):
# the drugs its description names are what it counts, not what the study gives.
_COUNTS_MEDICATION = re.compile(
    r"\b(?:use|usage|consumption|requirements?|intake|rescue|medication\s+scores?|prescriptions?|prescribed"
    r"|prescribing|bursts?)\b", re.I)
# A description that counts prescriptions, then lists, in the same sentence, the drugs it counts ("Number of
# prescriptions of medicine for asthmatic bronchitis; Ventoline, Flixotide, Montelukast").
_COUNTS_PRESCRIPTIONS = re.compile(r"\b(?:number|count|counts|rate|frequency|total|amount)\s+of\s+(?:[\w-]+\s+){0,2}?"
                                   r"prescri(?:ptions|bed\s+(?:medicines?|medications?|drugs?))\b[^.]{0,200}$", re.I)
# A description that says the medication it scores is rescue medication ("Maximum medication score dependent on
# cumulative rescue medication use", "rescue medication scores: 1-treatment with albuterol").
_SCORES_RESCUE_MEDICATION = re.compile(r"\bmedication\s+scores?\b[^.]*?\brescue\s+medications?\b"
                                       r"|\brescue\s+medications?\s+scores?\b", re.I)
# A drug added to tissue or cells in a laboratory assay ("proton leak in the presence of oligomycin" in respirometry
# of a muscle biopsy, "stimulated ex vivo with lipopolysaccharide"): a reagent, not a drug given to participants.
# ... also after the other stimuli of a list, the reagent in parentheses after its kind ("basophils stimulated with
# allergen, anti-IgE & calcium ionophore (ionomycin)").
_STIMULI = r"(?:[\w-]+\s*(?:,|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*)*"
_REAGENT_BEFORE = re.compile(r"\b(?:(?:in\s+the\s+)?presence\s+of|addition\s+of|added|titrat(?:ion|ed)\s+(?:of|with)"
                             r"|incubat(?:ed|ion)\s+with|stimulat(?:ed|ion)\s+(?:\w+\s+){0,2}?with)\s+(?:the\s+)?"
                             rf"(?:{_STIMULI}(?:[\w-]+\s+){{0,2}}[\w-]+\s*\(\s*|{_STIMULI})$", re.I)
# How far before a drug the words of its assay are read.
_REAGENT_LOOKBACK = 120
# ... the tissue or the blood cells assayed ("IL-4 secretion from basophils", "stimulated PBMCs").
_ASSAY_OF_TISSUE = re.compile(r"\b(?:respirometry|in\s+vitro|ex\s+vivo|biops(?:y|ies)|assays?|permeabili[sz]ed"
                              r"|isolated\s+(?:cells|mitochondria|fibres|fibers)|cultured|basophils?|mast\s+cells"
                              r"|PBMCs?|(?:peripheral\s+blood\s+)?mononuclear\s+cells|(?:secretion|release)\s+from)\b",
                              re.I)
# A level of a scale or of treatment steps written as a regimen: a clause that opens with the level ("at 1,
# budesonide 180 mcg once a day; at 2, ...", "At Step 0, ... albuterol as needed", "Step 3: fluticasone"), in an
# outcome that names steps, a score or a scale; or a score's value described in brackets ("The maximum score is 224
# (... using Albuterol 2 puffs 4x/day ...)"). The drugs define the levels the outcome classifies by.
_CLAUSE_END = re.compile(r"[;(]|\.(?!\d)")
_LEVEL_OPENS = re.compile(r"\s*(?:and\s+)?(?:at\s+)?(?:(?:treatment\s+)?(?:step|level|grade)\s+)?\d+\s*[,:=]\s*[a-z]",
                          re.I)
_SCALE_NAMED = re.compile(r"\b(?:steps?|step[\s-]?care|scores?|scales?)\b", re.I)
_DOSE_LEVELS = re.compile(r"\bdose\s+(?:levels?|escalation|cohorts?)\b", re.I)
_SCORE_VALUE = re.compile(r"\bscores?\s+(?:[\w-]+\s+){0,4}?(?:is|of|=|was|equals)\s*-?\d+\s*\([^()]*$", re.I)
# How far before a drug a score's value is read.
_SCORE_LOOKBACK = 400
# Words that a level's regimen is given in the study ("at 1, participants are given budesonide").
_GIVEN_IN_STUDY = re.compile(r"\b(?:randomi[sz]\w*|assigned|allocated|given|receiv\w*|administ\w*)\b", re.I)

# A drug a cell product is made with ("manufacturing autologous T cells ... using the CliniMACS Prodigy system with
# dasatinib", "T cells transduced ... and expanded in the presence of IL-2", "cultured in medium containing
# dexamethasone"): a reagent of the product, never given to a participant. The words of making the product come
# first in the sentence, the drug after a word of what it is made with, and nothing given to people between them.
_MAKING = re.compile(
    r"\b(?:manufactur\w*|transduc\w*|cultur(?:ed|ing|e\s+medi(?:um|a))|cell\s+processing"
    r"|(?:cells?|product)\s+(?:(?:is|are|was|were|will\s+be)\s+)?expand(?:ed|ing)|expan(?:ded|sion)\s+(?:ex\s+vivo"
    r"|in\s+(?:culture|vitro)))\b", re.I)
_MADE_WITH = re.compile(r"\b(?:with|using|containing|(?:in\s+the\s+)?presence\s+of|supplemented\s+with)\s+"
                        r"(?:the\s+)?(?:[\w-]+\s*(?:,|\band\b|\bor\b)\s*){0,3}$", re.I)
_GIVEN_TO_PEOPLE = re.compile(r"[.;]|\b(?:patients?|participants?|subjects?|infus\w*|administ\w*|receiv\w*|given"
                              r"|lymphodeplet\w*|conditioning|chemotherapy|treated|inject\w*)\b", re.I)
# How far before a drug the words of making the product are read.
_MAKING_LOOKBACK = 250


def _reagent_of_manufacture(text: str, at: int) -> bool:
    """Whether the drug named at `at` is one a cell product is made with, in the sentence that describes making it."""
    if _MADE_WITH.search(text, max(0, at - 60), at) is None:
        return False
    making = list(_MAKING.finditer(text, max(0, at - _MAKING_LOOKBACK), at))
    return bool(making) and _GIVEN_TO_PEOPLE.search(text, making[-1].end(), at) is None


def _not_given_in(row: tuple, field: str, text: str, at: int, drug: str) -> bool:
    """Whether the drug named at `at` in a text of the row is not one the study gives; an outcome's description
    is read after its measure ("Use of acute treatments: sumatriptan and oxygen therapy"), and every drug in the
    description of a measure that counts medication taken is one it counts; an outcome's drug in parentheses
    after a class of care it counts is that class's example ("systemic corticosteroids (prednisolone)"), one added to
    tissue in an assay or to cells a product is made of a reagent ("respirometry of muscle biopsy ... in the presence
    of oligomycin", "manufacturing T cells ... with dasatinib"), and one it calls a metabolite is measured ("its
    active metabolite desipramine")."""
    if not_given(text, at, drug) or (field in _OUTCOME_FIELDS and class_example(text, at)):
        return True
    if field in _OUTCOME_FIELDS and (_reagent_in_assay(row, text, at) or _reagent_of_manufacture(text, at)
                                     or _METABOLITE_BEFORE.search(text, 0, at) or another_treatment(text, at)
                                     or _level_of_scale(row, text, at)):
        return True
    if field == "design_outcomes.description" and row[0]:
        if _COUNTS_MEDICATION.search(row[0]) or _SCORES_RESCUE_MEDICATION.search(text) or \
                _COUNTS_PRESCRIPTIONS.search(text, 0, at):
            return True
        lead = f"{row[0]}: "
        return not_given(lead + text, len(lead) + at, drug) is not None
    return False


def _reagent_in_assay(row: tuple, text: str, at: int) -> bool:
    """Whether the drug named at `at` is a reagent added to tissue or cells in an assay the outcome names."""
    return bool(_REAGENT_BEFORE.search(text, max(0, at - _REAGENT_LOOKBACK), at)) and any(
        _ASSAY_OF_TISSUE.search(t) for t in row if t)


def _level_of_scale(row: tuple, text: str, at: int) -> bool:
    """Whether the drug named at `at` is in a regimen that defines a level of a scale or a treatment step the
    outcome classifies by, or a score's value."""
    value = _SCORE_VALUE.search(text, max(0, at - _SCORE_LOOKBACK), at)
    if value is not None:
        return _GIVEN_IN_STUDY.search(text, value.start(), at) is None
    opened = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    return bool(_LEVEL_OPENS.match(text, opened)) and _GIVEN_IN_STUDY.search(text, opened, at) is None and \
        any(_SCALE_NAMED.search(t) for t in row if t) and not any(_DOSE_LEVELS.search(t) for t in row if t)


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
    yield from _undeclared(nct_id, outcomes, _OUTCOME_FIELDS, with_arms, "outcome")
    # Arm descriptions name background and standard-of-care drugs; titles name what is given.
    yield from _undeclared(nct_id, [(t,) for t, _ in arms], ("design_groups.title",), known, "arm")


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
         "An outcome or arm naming a drug the study does not give is usually copied from another record.",
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
