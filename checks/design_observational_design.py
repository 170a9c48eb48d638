"""A design named that is observational (a cohort, case-control, cross-sectional or retrospective study, a registry),
and a text that calls this study or a part of it interventional."""
from __future__ import annotations

import re
from typing import Iterator

from checks.design_claims import claims_not_elsewhere
from checks.design_folding import folded
from checks.design_hyphens import hyphens_wide
from checks.design_negation import denied_before
from checks.design_observational_claims import PART_LABEL, PART_OPENS
from checks.design_study_openings import we_conduct_it
from checks.design_text import Claim, screened, sentence_at
from checks.design_this_study import TITLE_FIELDS
from checks.study_text import DESIGN_FIELDS, NARRATIVE_FIELDS, StudyText, other_study

# Words that may qualify an observational design ("a prospective, multicentre, population-based cohort study").
_DESIGN_QUALIFIER = hyphens_wide(
    r"(?:prospective|retrospective|ambispective|longitudinal|observational|descriptive|analytic(?:al)?|comparative"
    r"|exploratory|pilot|historical|matched|multi[\s-]?cent(?:er|re|ric)|single[\s-]?cent(?:er|re|ric)"
    r"|mono[\s-]?cent(?:er|re|ric)|(?:population|hospital|community|registry|clinic)[\s-]*based|nation(?:al|wide)"
    r"|multi[\s-]?national|international|\d+[\s-](?:years?|months?|weeks?))")
# An observational design by its name: a cohort followed ("a cohort pilot study"), cases compared with controls, a
# population sampled at one time ("cross-sectional survey"), records looked back on ("retrospective chart review"), a
# registry ("a prospective patient registry", "this observational registry"); not a trial a registry hosts ("a
# registry trial", "a registry-based randomized trial", "registry RCT").
_DESIGN_NAMED = hyphens_wide(
    r"(?:cohort|case[\s-]*control|cross[\s-]*sectional)\s+(?:(?:pilot|feasibility)\s+)?(?:study|design|survey"
    r"|research)\b"
    r"|retrospective,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|analysis|chart\s+review|review)\b"
    r"|(?:patient\s+|disease\s+)?registry\b(?![\s-]*(?:based|trials?|rcts?|randomi[sz]ed|platform)\b)")
_DESIGN_TERM = rf"(?P<term>(?:{_DESIGN_QUALIFIER},?\s+(?:and\s+)?){{0,4}}(?:{_DESIGN_NAMED}))"
# Such a design said of this study: "This is a prospective cohort study", "This retrospective cohort study", "The
# present study is a cross-sectional study", "The study was designed as a case-control study", "We will conduct a
# prospective cohort study", "It is a retrospective study". A denial breaks the words the pattern needs ("This is not
# a cohort study", "this is a randomised trial, not a cohort study"), as does a study named otherwise ("our previous
# cohort study", "a randomised trial within a prospective cohort study").
_OBSERVATIONAL_DESIGN = re.compile(
    r"(?:\b(?:this|our|the\s+(?:present|current))\s+(?:(?:study|trial|research|project|investigation)\s+"
    r"(?:is|was|will\s+be|represents)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+)?"
    r"|\bthe\s+(?:study|trial)\s+(?:is|was|will\s+be)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+"
    r"|\b(?:it|this)\s+(?:is|was|will\s+be)\s+an?\s+"
    r"|\bwe\s+(?:will\s+|shall\s+)?(?:conduct(?:ed)?|perform(?:ed)?|carr(?:y|ied)\s+out|undert(?:ake|ook)"
    r"|design(?:ed)?)\s+an?\s+)" + _DESIGN_TERM, re.I)
# A title that is such a design ("Prospective Cohort Study of Montelukast in Asthma", "Smoking and Asthma: A
# Retrospective Cohort Study"): opening it or after its colon or dash, not named as another study within it ("A
# Randomised Trial Within a Prospective Cohort Study").
_OBSERVATIONAL_DESIGN_TITLE = re.compile(
    rf"(?:^|[:(\u2013\u2014]\s*|\s-\s)(?:an?\s+)?{_DESIGN_TERM}", re.I)
_TITLE_FIELDS = TITLE_FIELDS
# Where a study names its own design: titles, summaries and the model's description, not its arms or interventions.
DESIGN_NAMED_FIELDS = _TITLE_FIELDS + NARRATIVE_FIELDS + ("designs.intervention_model_description",)
# Words every observational design named holds (folded), for the texts worth reading.
OBSERVATIONAL_DESIGN_WORDS = ("cohort", "sectional", "case", "retrospective", "registry")
# A registry, which a randomized trial's text may call the cohort of those it does not randomize ("This observational
# registry follows the patients who decline randomization"): this study's design only on a single-group record. Not
# a design based on one ("a registry-based cohort study").
_REGISTRY_NOUN = r"\bregistry\b(?![\s-]*based)"
_REGISTRY = re.compile(_REGISTRY_NOUN, re.I)
# What a single-group study that calls itself so is not, whatever it calls its treated participants: a design that
# looks back on what was already done, one it says is observational, or a registry (the registry's own name for an
# observational study of patients, "Observational [Patient Registry]").
_NOT_ONE_TREATED_GROUP = re.compile(r"\bretrospective|\bobservational|" + _REGISTRY_NOUN, re.I)
# A registry the trial's participants or data go into ("After treatment, patients enter this registry", "Data will be
# entered into this registry", "followed in this registry"): one beside the trial.
_INTO_BEFORE = re.compile(r"\b(?:in|into|within|from|to|enter(?:s|ed|ing)?|join(?:s|ed|ing)?)\s+$", re.I)


# Words one of which every observational design's name holds (folded), where the patterns above are tried: around
# each, from as far before it as this study may be named ("This study is designed as a prospective, multicentre,
# population-based cohort study") to past the design's noun. "case" counts only right before "control".
_DESIGN_WORDS = ("cohort", "sectional", "retrospective", "case", "registry")
_LEAD_REACH, _TERM_REACH = 160, 80


def _design_matches(source: StudyText, pattern: re.Pattern) -> Iterator[re.Match]:
    """The matches of `pattern` in the text, tried only around the words every match holds: most texts are not
    searched at all."""
    text, lowered = source.text, folded(source) or source.text.lower()
    places = sorted(at for word in _DESIGN_WORDS for at in _places(lowered, word)
                    if word != "case" or "control" in lowered[at:at + 14])
    found_to = -1
    for at in places:
        if at < found_to:
            continue  # within a match already found
        m = pattern.search(text, max(0, at - _LEAD_REACH), min(len(text), at + _TERM_REACH))
        if m is not None and m.end() > found_to:
            found_to = m.end()
            yield m


def _places(lowered: str, word: str) -> Iterator[int]:
    """The offsets of a word in the folded text."""
    at = lowered.find(word)
    while at >= 0:
        yield at
        at = lowered.find(word, at + 1)


def observational_design_claim(texts: list[StudyText], single_group: bool) -> Claim | None:
    """The first claim that calls this study a cohort, case-control or cross-sectional study, a retrospective one or,
    on a single-group record, a registry, in a sentence that points at no other study and opens with none of its parts
    (`PART_OPENS`). A single-group study that follows its treated participants as "a prospective cohort" uses the
    word loosely: only a design that looks back, one called observational, or a registry counts there."""
    for source in texts:
        title = source.field in _TITLE_FIELDS
        matches = _OBSERVATIONAL_DESIGN_TITLE.finditer(source.text) if title else _design_matches(
            source, _OBSERVATIONAL_DESIGN)
        for m in matches:
            term = m.group("term")
            if (not _NOT_ONE_TREATED_GROUP.search(term)) if single_group else _REGISTRY.search(term):
                continue
            if _REGISTRY.search(term) and _INTO_BEFORE.search(source.text, max(0, m.start() - 20), m.start()):
                continue
            start, end = sentence_at(source.text, m.start("term"))
            sentence = source.text[start:end]
            if not denied_before(source.text, m.start()) and not PART_OPENS.match(sentence) and (
                    other_study(sentence) is None or we_conduct_it(sentence)):
                return Claim(source, m.start("term"), m.end("term"), False)
    return None


# This study or a part of it called interventional or experimental ("Stage (2): It will be an interventional
# non-experimental study", "a prospective, interventional, single-arm trial", "a quasi-experimental design", "The
# second part is an experimental phase", "Cohort B (interventional)", "Study type: Interventional"); not
# "non-interventional", an experimental drug, arm or group, nor such studies in general ("experimental studies"). An
# open-label study or trial gives its participants a treatment they know (an observational study assigns none): "a
# non-randomized, open-label study to evaluate the safety of plerixafor"; not one it calls observational too ("an
# open label observational single center study"). Each match holds one of the words (folded).
_INTERVENTIONAL_NEEDLES = ("interventional", "experimental", "label")
_INTERVENTIONAL = screened(re.compile(hyphens_wide(
    r"(?<![\w-])(?<!\bnon\s)(?:quasi[\s-]?)?(?:interventional|experimental)"
    r"(?:,?\s+(?:and\s+)?(?!(?:and|or|of|in|to|for|with|drugs?|arms?|groups?)\b)[\w-]+){0,2}?,?\s+"
    r"(?:study|trial|design|research|phase|part|stage|period|component|sub-?study|cohort)\b"
    r"(?!\s+(?:drugs?|medications?|products?|treatments?|agents?|therap\w*|interventions?|visits?|sites?"
    r"|procedures?)\b)"
    rf"|\b{PART_LABEL}\s*[(:,\u2013-]\s*(?:an?\s+)?(?:interventional|experimental)\b"
    r"(?!\s+(?:drugs?|arms?|groups?|treatments?)\b)"
    r"|\b(?:study|trial)\s+(?:type\s*:?\s*|(?:is|was|will\s+be)\s+)interventional\b"
    r"|\bopen[\s-]*label(?:l?ed)?,?\s+(?:(?:and\s+)?(?!(?:observational|non[\s-]?interventional|cohort|registry"
    r"|retrospective)\b)[\w-]+,?\s+){0,3}?(?:study|trial)\b"), re.I),
    _INTERVENTIONAL_NEEDLES)
# The trial this record registers, nested in a host study its text names first ("A Diagnostic Study And Nested
# Randomised Trial", "will be enrolled in the nested malaria treatment trial"), or the record said to be the
# randomized part of a study whose observational part another registration holds ("This record refers only to the
# randomized portion of the study", "Please refer to NCT02280642 for the observational portion"). Not a study nested
# in a trial ("an observational study nested within a randomized trial"), a nested case-control study, nor a trial
# said to be nested in a cohort ("The trial is nested in an observational cohort"), which may be the host's record.
_TRIAL_PART = re.compile(hyphens_wide(
    r"\bnested,?\s+(?!(?:with)?in\b|case)(?:[\w-]+,?\s+){0,5}?(?:trial|rct)\b"
    r"|\bthis\s+record\s+refers\s+only\s+to\s+the\s+(?:randomi[sz]ed|interventional|experimental)\s+"
    r"(?:portion|part|phase|component|arm)s?\b"
    r"|\brefer\s+to\s+NCT\d{8}\s+for\s+the\s+observational\s+(?:portion|part|phase|component|cohort)\b"), re.I)
_TRIAL_PART_WORDS = ("nested", "record", "refer")
# Words one of which every text read for a claim of interventional design holds (lower case).
INTERVENTIONAL_WORDS = _INTERVENTIONAL_NEEDLES + _TRIAL_PART_WORDS
INTERVENTIONAL_FIELDS = DESIGN_FIELDS + NARRATIVE_FIELDS


def called_interventional(texts: list[StudyText]) -> bool:
    """Whether a text calls this study, or a part of it, interventional, experimental or open-label, in a sentence
    that points at no other study and does not deny it; or names the trial it registers nested in a host study, or
    itself the randomized part of a study (`_TRIAL_PART`)."""
    return (any(not c.negated for c in claims_not_elsewhere(texts, _INTERVENTIONAL))
            or any(_TRIAL_PART.search(t.text) for t in texts if _mentions(t, _TRIAL_PART_WORDS)))


def _mentions(source: StudyText, words: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words (lower case)."""
    lowered = folded(source) or source.text.lower()
    return any(word in lowered for word in words)
