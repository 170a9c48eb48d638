"""Drugs an outcome names that the study does not give: counted as medication taken, recommended or given on demand by
a pump, added as reagents, defining a scale's levels or naming a scale, measured as metabolites, as the payload of a
conjugate given or after the participants' own daily dose."""
from __future__ import annotations

import re
from itertools import chain
from typing import TYPE_CHECKING

from checks.drug_not_given import another_treatment, class_example, not_given

if TYPE_CHECKING:
    from checks.drug_known_names import KnownDrugs

OUTCOME_FIELDS = ("design_outcomes.measure", "design_outcomes.description")


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


def conjugate_payload(drug: str, row: tuple, rows: list[tuple], known: KnownDrugs, what: str) -> bool:
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

# An outcome that counts what respondents, clinicians or prescribers recommend or choose ("Likelihood of Recommending a
# Medication", "Proportion of respondents who recommend a medication ..., including Typical antipsychotics - e.g.,
# Haloperidol (Haldol)"): the drugs it names are the answers counted, not drugs the study gives. Not a "recommended"
# dose or treatment, which the study gives.
_COUNTS_CHOICES = re.compile(
    r"\brecommend(?:s|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:medications?|medicines?|drugs?|treatments?)\b"
    r"|\b(?:respondents?|clinicians?|physicians?|prescribers?|doctors?|pharmacists?|providers?)\s+(?:who|that)\s+"
    r"(?:would\s+)?(?:recommend|prescrib|choos|chose|select|prefer)\w*", re.I)
# The analgesic a patient-controlled analgesia pump gives on demand ("The PCA pump will provide a bolus of 2μg
# sufentanil", "sufentanil PCA"): the rescue analgesia every patient has, which an outcome counts by presses or doses.
_ON_DEMAND_PUMP_BEFORE = re.compile(r"(?:(?-i:\b(?:IV-?)?PC[IE]?A\b)|\bpatient[\s-]+controlled\s+(?:[\w-]+\s+){0,2}?"
                                    r"analges\w*)[^.;]{0,80}$", re.I)
_ON_DEMAND_PUMP_AFTER = re.compile(r"[\s-]+(?-i:(?:IV-?)?PC[IE]?A)\b", re.I)
# A drug's name inside the name of a scale or of its subscale ("Addiction Research Center Inventory (ARCI) Pentobarbital
# Chlorpromazine Group (PCAG)", "the Amphetamine scale"): the scale is named after the drug whose effects it rates.
_SCALE_PART_AFTER = re.compile(r"(?:[\s/-]+[a-z]+){0,3}?[\s-]+(?:(?:sub)?scale\b|group\s*(?:\(\s*(?-i:[A-Z]{2,6})\s*\)"
                               r"|[\s-]+(?:sub)?scale\b))", re.I)
_NAMES_A_SCALE = re.compile(r"\b(?:inventory|questionnaire|(?:sub)?scales?|ARCI)\b", re.I)
# A time point after the participants' own daily dose ("ACTH sampled at 0, 1, 2, and 3 hours after morning
# hydrocortisone", "2 hours after the evening dose of levodopa"): a therapy they take, the anchor of sampling.
_AFTER_ROUTINE_DOSE = re.compile(r"\b(?:hours?|hrs?|h|minutes?|mins?)\s+(?:after|before|following|post)\s+(?:the\s+"
                                 r"|their\s+)?(?:usual\s+|regular\s+|routine\s+|daily\s+)?(?:morning|evening"
                                 r"|night(?:ly)?|bedtime)\s+(?:(?:dose|dosing|intake|administration)\s+(?:of\s+)?)?$",
                                 re.I)


def _chosen_pumped_scale_named_or_dose_timed(row: tuple, text: str, at: int, drug: str) -> bool:
    """Whether the drug an outcome names at `at` is an answer its respondents choose, the analgesic a PCA pump gives
    on demand, part of a scale's name, or the participants' own daily dose that times a sampling."""
    measure = row[0] or ""
    if _COUNTS_CHOICES.search(measure) or _COUNTS_CHOICES.search(text, 0, at):
        return True
    if _ON_DEMAND_PUMP_BEFORE.search(text, max(0, at - 120), at) or _ON_DEMAND_PUMP_AFTER.match(text, at + len(drug)):
        return True
    if _SCALE_PART_AFTER.match(text, at + len(drug)) and any(_NAMES_A_SCALE.search(t) for t in row if t):
        return True
    return _AFTER_ROUTINE_DOSE.search(text, max(0, at - 80), at) is not None


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


# A drug that names a trial an outcome cites, a scale's source ("Clinical Status Ordinal Scale established in the
# remdesivir ACTT study"): the trial's acronym follows the drug, or a verb of citing comes before it.
_TRIAL_ACRONYM_AFTER = re.compile(r"\s+(?-i:[A-Z][A-Z0-9]{2,}(?:-\d+)?)\s+(?:study|trial)\b", re.I)
_TRIAL_AFTER = re.compile(r"\s+(?:study|trial)\b", re.I)
_CITED_IN_BEFORE = re.compile(r"\b(?:established|developed|used|validated|defined|described|reported|published"
                              r"|adapted|derived)\s+(?:in|from|by)\s+the\s+$", re.I)


def _names_a_cited_trial(text: str, at: int, drug: str) -> bool:
    """Whether the drug at `at` names a trial the outcome cites ("established in the remdesivir ACTT study")."""
    end = at + len(drug)
    if not text[max(0, at - 4):at].lower().endswith("the "):
        return False
    return bool(_TRIAL_ACRONYM_AFTER.match(text, end)) or bool(
        _TRIAL_AFTER.match(text, end) and _CITED_IN_BEFORE.search(text, max(0, at - 40), at))


def not_given_in(row: tuple, field: str, text: str, at: int, drug: str) -> bool:
    """Whether the drug named at `at` in a text of the row is not one the study gives; an outcome's description
    is read after its measure ("Use of acute treatments: sumatriptan and oxygen therapy"), and every drug in the
    description of a measure that counts medication taken is one it counts; an outcome's drug in parentheses
    after a class of care it counts is that class's example ("systemic corticosteroids (prednisolone)"), one added to
    tissue in an assay or to cells a product is made of a reagent ("respirometry of muscle biopsy ... in the presence
    of oligomycin", "manufacturing T cells ... with dasatinib"), and one it calls a metabolite is measured ("its
    active metabolite desipramine"), and one that names a trial it cites ("the remdesivir ACTT study")."""
    if not_given(text, at, drug) or (field in OUTCOME_FIELDS and class_example(text, at)):
        return True
    if field in OUTCOME_FIELDS and (_reagent_in_assay(row, text, at) or _reagent_of_manufacture(text, at)
                                     or _METABOLITE_BEFORE.search(text, 0, at) or another_treatment(text, at)
                                     or _level_of_scale(row, text, at) or _names_a_cited_trial(text, at, drug)
                                     or _chosen_pumped_scale_named_or_dose_timed(row, text, at, drug)):
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

