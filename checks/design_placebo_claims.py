"""Where a study's own words call it placebo-controlled ("A Randomized, Double-blind, Placebo-controlled Study of
Drug X", "Drug X Versus Placebo in Asthma", "this placebo-controlled trial", "compared with placebo"), and whether
its arms and interventions name a placebo at all.

A claim is read as every design claim is (checks.design_text): in a sentence about this study, not denied ("There
will not be a placebo control group"), not another trial's, trials in general, a trial supposed or to follow, nor a
design the study had before. Beside that, a claim is not this study's where it is of a challenge test participants
undergo ("a double-blind, placebo-controlled food challenge"), of a part done before or the parent study an extension
follows, of a trial a narrative names by its acronym in the past, or of what the study began as ("began as a
randomized, placebo-controlled study but was subsequently amended").
"""
from __future__ import annotations

import re

from checks.arm_types import COMPARATOR_TYPES, CONTROL_PRODUCT, PLACEBO_BY_PURPOSE, PLACEBO_WORDS
from checks.design_claims import affirmed
from checks.design_hyphens import HYPHENS, hyphens_wide
from checks.design_parent_study import PARENT_STUDY, of_an_earlier_part
from checks.design_text import Claim, screened, sentence_at
from checks.study_text import StudyText
from checks.trial_text import NAMED_TRIAL_IN_THE_PAST

# A test participants undergo under a placebo control, not the trial's design: "a double-blind, placebo-controlled
# food challenge (DBPCFC)", "placebo-controlled oral milk challenge", "placebo control food provocation". A
# "placebo-controlled challenge study" is a trial.
_NOT_A_CHALLENGE = (rf"(?![\s,(){HYPHENS}]*(?:(?!(?:study|trial)\b)[\w(){HYPHENS}]+\s+){{0,3}}?"
                    r"(?:challenges?|provocations?)\b(?!\s+(?:stud(?:y|ies)|trials?)\b))")
# The study called placebo-controlled, or compared with a placebo: "Placebo-Controlled", "placebo controlled", "a
# placebo control group", "Drug X Versus Placebo", "vs matching placebo", "compared with placebo", "against a
# placebo", "in comparison to placebo". After "vs." the claim is the placebo alone: a title's "Drug X vs. Placebo" is
# split into two sentences there.
PLACEBO_CONTROLLED = screened(re.compile(hyphens_wide(
    rf"\bplacebo[\s-]*control(?:l?ed)?\b{_NOT_A_CHALLENGE}"
    r"|\b(?:versus|vs(?!\.)|compared\s+(?:with|to)|against|in\s+comparison\s+(?:with|to))\s+(?:an?\s+|the\s+)?"
    r"(?:matching\s+|matched\s+|identical\s+|inactive\s+)?placebos?\b"
    r"|(?<=\bvs\.\s)placebos?\b"), re.I),
    ("placebo",), anchors=((("placebo",), 0, ("control",)), (("placebo",), 0, ("vs",)),
                           (("versus", "vs", "compared", "against", "comparison"), 0, ("placebo",))))

# Where a study calls itself placebo-controlled: its titles, summaries and design descriptions; not its arms and
# interventions, whose placebo is what the claim is held against.
CLAIM_FIELDS = ("studies.official_title", "studies.brief_title", "brief_summaries.description",
                "detailed_descriptions.description", "designs.intervention_model_description",
                "designs.masking_description")
# A word every claim holds (folded).
CLAIM_WORDS = ("placebo",)

# What the study began as, before an amendment ("Protocol 86-EI-0062 began as a randomized, double-masked, placebo
# controlled study ... but was subsequently amended"): no longer its design.
_BEGAN_AS_BEFORE = re.compile(
    r"\b(?:began|started|initiated|commenced|was\s+(?:originally|initially)\s+(?:designed|planned|conceived))\s+as\s+"
    r"(?:an?\s+)?(?:[\w-]+,?\s+){0,5}$", re.I)


def _not_this_studys(claim: Claim) -> bool:
    """Whether the claim is of a part done before or a parent study (its sentence names one), of a trial a narrative
    names by its acronym in the past ("MARS was a randomized, double-blind, placebo-controlled trial"), or of what
    the study began as."""
    text = claim.source.text
    start, end = sentence_at(text, claim.start)
    sentence = text[start:end]
    return of_an_earlier_part(claim) or PARENT_STUDY.search(sentence) is not None or (
        claim.source.narrative and NAMED_TRIAL_IN_THE_PAST.match(sentence) is not None) or \
        _BEGAN_AS_BEFORE.search(text, max(start, claim.start - 90), claim.start) is not None


def claimed_words(claim: Claim) -> str:
    """The words of a claim as a message quotes them: "vs. Placebo" where the claim is the placebo after "vs."."""
    before = claim.source.text[max(0, claim.start - 4):claim.start]
    return f"{before}{claim.phrase}" if before.lower() == "vs. " else claim.phrase


def placebo_claims(texts: list[StudyText]) -> list[Claim]:
    """The affirmed claims of the texts that call this study placebo-controlled or compare it with a placebo."""
    return [c for c in affirmed(texts, PLACEBO_CONTROLLED) if not _not_this_studys(c)]


# A placebo's words beside those an arm of the registry's types reads (checks.arm_types): stimulation a crossover
# switches off in one period ("the sequence of stimulation begins by OFF", a deep brain stimulation trial's sham), and
# a nutrition trial's isocaloric control ("an isocaloric isonitrogenous non-specific nutritional support", "Control
# Supplement").
_PLACEBO_BESIDE = (r"\bstimulation\b[^.;]{0,40}\boff\b|\boff\b[^.;]{0,40}\bstimulation\b"
                   r"|\biso-?caloric\b|\biso-?nitrogenous\b|\bcontrol\s+supplements?\b")
# A placebo, sham, vehicle or dummy as an arm, an intervention or one of its other names may say it is one.
PLACEBO_GIVEN = re.compile(f"{PLACEBO_WORDS}|{CONTROL_PRODUCT}|{PLACEBO_BY_PURPOSE}|{_PLACEBO_BESIDE}", re.I)


def names_a_placebo(arms: list[tuple], interventions: list[tuple], other_names: list[tuple]) -> bool:
    """Whether the record gives a placebo: an arm (group_type, title, description) typed Placebo or Sham Comparator,
    or an arm, an intervention (type, name, description) or an other name (name,) whose words name a placebo."""
    if any(arm[0] in COMPARATOR_TYPES for arm in arms):
        return True
    words = [text for arm in arms for text in arm[1:]] + [text for given in interventions for text in given[1:]]
    words += [name for (name,) in other_names]
    return any(PLACEBO_GIVEN.search(text) for text in words if text)
