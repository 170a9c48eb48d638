"""Where a study's own words call it placebo-controlled ("A Randomized, Double-blind, Placebo-controlled Study of
Drug X", "Drug X Versus Placebo in Asthma", "this placebo-controlled trial", "compared with placebo"), and whether
its arms and interventions name a placebo at all.

A claim is read as every design claim is (checks.design_text): in a sentence about this study, not denied ("There
will not be a placebo control group"), not another trial's, trials in general, a trial supposed or to follow, nor a
design the study had before. Beside that, a claim is not this study's where it is of a challenge test participants
undergo ("a double-blind, placebo-controlled food challenge"), of a part done before or the parent study an extension
follows, of a trial a narrative names by its acronym in the past, or of what the study began as ("began as a
randomized, placebo-controlled study but was subsequently amended"); nor is an attention placebo ("an attention placebo
control group"), a behavioural control matched for attention, a placebo the arms must name. A legacy record's "DESIGN
NARRATIVE:" heading makes the sentence it opens this study's; a sentence that opens with the study's purpose ("To
compare X versus placebo") is read apart, for records that list no arms.

A record names a placebo where an arm, an intervention or an other name does, not counting the saline or water a
product is diluted in ("20 drops in 3 mL of saline solution"), or where the study's text says its placebo is a listed
product given alone or the listed device in another mode.
"""
from __future__ import annotations

import re
from typing import Callable

from checks.arm_types import COMPARATOR_TYPES, CONTROL_PRODUCT, PLACEBO_BY_PURPOSE, PLACEBO_WORDS
from checks.design_claims import affirmed
from checks.design_hyphens import HYPHENS, ascii_hyphens, hyphens_wide
from checks.design_parent_study import PARENT_STUDY, of_an_earlier_part, of_the_study_extended
from checks.design_text import Claim, phrases, screened, sentence_at
from checks.design_trials_spoken_of import goes_on_about_a_trial_registered_separately
from checks.study_text import StudyText, other_study
from checks.trial_text import NAMED_TRIAL_IN_THE_PAST

# A test participants undergo under a placebo control, not the trial's design: "a double-blind, placebo-controlled
# food challenge (DBPCFC)", "placebo-controlled oral milk challenge", "placebo control food provocation". A
# "placebo-controlled challenge study" is a trial.
_NOT_A_CHALLENGE = (rf"(?![\s,(){HYPHENS}]*(?:(?!(?:study|trial)\b)[\w(){HYPHENS}]+\s+){{0,3}}?"
                    r"(?:challenges?|provocations?)\b(?!\s+(?:stud(?:y|ies)|trials?)\b))")
# The study called placebo-controlled, or compared with a placebo: "Placebo-Controlled", "placebo controlled", "a
# placebo control group", "Drug X Versus Placebo", "vs matching placebo", "compared with placebo", "against a
# placebo", "in comparison to placebo", "Comparing the Effects of Drug X, Drug Y, and Placebo". After "vs." the claim is
# the placebo alone: a title's "Drug X vs. Placebo" is split into two sentences there.
PLACEBO_CONTROLLED = screened(re.compile(hyphens_wide(
    rf"\bplacebo[\s-]*control(?:l?ed)?\b{_NOT_A_CHALLENGE}"
    r"|\b(?:versus|vs(?!\.)|compared\s+(?:with|to)|against|in\s+comparison\s+(?:with|to))\s+(?:an?\s+|the\s+)?"
    r"(?:matching\s+|matched\s+|identical\s+|inactive\s+)?placebos?\b"
    r"|(?<=\bvs\.\s)placebos?\b"
    r"|\bcompar(?:ing|es?|ison\s+of)\s+(?:the\s+)?(?:[\w()/-]+,?\s+){1,8}?(?:and|with|to)\s+(?:an?\s+|the\s+)?"
    r"(?:matching\s+|matched\s+|identical\s+|inactive\s+)?placebos?\b"), re.I),
    ("placebo",), anchors=((("placebo",), 0, ("control",)), (("placebo",), 0, ("vs",)),
                           (("versus", "vs", "against", "compar"), 0, ("placebo",)),
                           (("comparison",), 3, ("placebo",))))

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


# An attention placebo ("an attention placebo control group", "attention-placebo condition"): a behavioural control
# matched for the time and attention the tested arm gets, which a record registers under any name and type ("TLC-health
# education", Active Comparator), not a placebo product.
_ATTENTION_BEFORE = re.compile(r"\battention(?:al)?(?:[\s-]+(?:matched|control(?:led)?|only))?[\s-]*$", re.I)


def _of_an_attention_control(claim: Claim) -> bool:
    """Whether the claim's placebo is an attention placebo ("an attention placebo control group")."""
    text = claim.source.text
    return _ATTENTION_BEFORE.search(text, max(0, claim.start - 30), claim.start) is not None


def _not_this_studys(claim: Claim) -> bool:
    """Whether the claim is of a part done before or a parent study (its sentence names one, or names this study an
    extension of it: "An Open-Label Extension Phase of the Double-Blind, Placebo-Controlled ... Study"), of a trial a
    narrative names by its acronym in the past ("MARS was a randomized, double-blind, placebo-controlled trial"), or
    of what the study began as, or of a trial its sentence goes on about after the sentence before said it is
    registered separately ("... will be entered separately into ClinicalTrials.gov. It will be a ... trial")."""
    text = claim.source.text
    start, end = sentence_at(text, claim.start)
    sentence = text[start:end]
    return of_an_earlier_part(claim) or of_the_study_extended(claim) or PARENT_STUDY.search(sentence) is not None or (
        claim.source.narrative and NAMED_TRIAL_IN_THE_PAST.match(sentence) is not None) or \
        _BEGAN_AS_BEFORE.search(text, max(start, claim.start - 90), claim.start) is not None or \
        goes_on_about_a_trial_registered_separately(text, start, sentence)


def claimed_words(claim: Claim) -> str:
    """The words of a claim as a message quotes them: "vs. Placebo" where the claim is the placebo after "vs."."""
    before = claim.source.text[max(0, claim.start - 4):claim.start]
    return f"{before}{claim.phrase}" if before.lower() == "vs. " else claim.phrase


# A legacy record's design heading ("DESIGN NARRATIVE: Prospective, randomized, placebo-controlled, double-blind."),
# on the sentence's line or alone on the line before: the sentence is this study's design.
_DESIGN_NARRATIVE = re.compile(r"\s*design\s+narrative\s*:", re.I)
_AFTER_DESIGN_NARRATIVE = re.compile(r"\bdesign\s+narrative\s*:\s*$", re.I)
# The word every design narrative's heading holds: the texts without it are not read for one.
_NARRATIVE = re.compile(r"narrative", re.I)


def _under_design_narrative(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] opens with a design narrative's heading or follows it."""
    return _DESIGN_NARRATIVE.match(text, start, end) is not None or \
        _AFTER_DESIGN_NARRATIVE.search(text, max(0, start - 40), start) is not None


# A sentence that opens with what this study is for, without naming it ("To compare the efficacy of fluconazole versus
# placebo", "The primary objective is to assess X in comparison to placebo"): the objectives a legacy record's summary
# lists. An objective may also be a later phase's (a pilot's "To evaluate X as compared to placebo" before "the study
# will proceed with a placebo-controlled randomized study"): read only where the record lists no arms.
PURPOSE_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*|[ivx]+\.\s+|\d+\.\s+)?(?:(?:the\s+)?(?:primary\s+|main\s+|principal\s+)?"
    r"(?:objectives?|aims?|purposes?)\s+(?:of\s+(?:this|the)\s+(?:study|trial)\s+)?(?:is|are|will\s+be)\s+to\s"
    r"|to\s+(?:compare|determine|evaluate|assess|test)\s)", re.I)


def _purposes(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] opens with this study's purpose."""
    return PURPOSE_OPENING.match(text, start, end) is not None


def _opening_claims(texts: list[StudyText], opens: Callable[[str, int, int], bool]) -> list[Claim]:
    """The claims not denied in sentences that `opens` accepts and that name no other study."""
    return [Claim(source, m.start(), m.end(), False) for source in texts
            for m, start, end, negated, _own in phrases(source, PLACEBO_CONTROLLED)
            if not negated and opens(source.text, start, end)
            and other_study(ascii_hyphens(source.text[start:end])) is None]


def _added(found: list[Claim], more: list[Claim]) -> list[Claim]:
    """The claims of `found`, then those of `more` at other places."""
    known = {(c.source.field, c.start) for c in found}
    return found + [c for c in more if (c.source.field, c.start) not in known]


def placebo_claims(texts: list[StudyText]) -> list[Claim]:
    """The affirmed claims of the texts that call this study placebo-controlled or compare it with a placebo."""
    narratives = [source for source in texts if _NARRATIVE.search(source.text)]
    found = _added(affirmed(texts, PLACEBO_CONTROLLED), _opening_claims(narratives, _under_design_narrative))
    return [c for c in found if not _not_this_studys(c) and not _of_an_attention_control(c)]


def purpose_claims(texts: list[StudyText]) -> list[Claim]:
    """The claims of sentences that open with this study's purpose ("To compare X versus placebo") and of no other
    study, for a record that lists no arms."""
    return [c for c in _opening_claims(texts, _purposes) if not _not_this_studys(c) and not _of_an_attention_control(c)]


# A placebo's words beside those an arm of the registry's types reads (checks.arm_types): stimulation a crossover
# switches off in one period ("the sequence of stimulation begins by OFF", a deep brain stimulation trial's sham), and
# a nutrition trial's isocaloric control ("an isocaloric isonitrogenous non-specific nutritional support", "Control
# Supplement").
_PLACEBO_BESIDE = (r"\bstimulation\b[^.;]{0,40}\boff\b|\boff\b[^.;]{0,40}\bstimulation\b"
                   r"|\biso-?caloric\b|\biso-?nitrogenous\b|\bcontrol\s+supplements?\b")
# A placebo, sham, vehicle or dummy as an arm, an intervention or one of its other names may say it is one.
PLACEBO_GIVEN = re.compile(f"{PLACEBO_WORDS}|{CONTROL_PRODUCT}|{PLACEBO_BY_PURPOSE}|{_PLACEBO_BESIDE}", re.I)


# Saline, sodium chloride, water or dextrose a product is given in, not given as a control: "20 drops in 3 mL of
# saline solution nebulized", "diluted in 50cc of NaCl 0.9%", "dissolved in normal saline", "reconstituted with
# sterile water for injection", "taken with a glass of water", "followed by a saline flush".
_VOLUME = r"\d+(?:[.,]\d+)?\s*(?:ml|mls|cc|l|litres?|liters?|millilit(?:er|re)s?)\b\s*(?:of\s+)?"
_DILUENT = (r"(?:(?:normal|physiological|sterile|isotonic|bacteriostatic|0[.,]9\s*%|5\s*%)\s+)*"
            r"(?:saline|sodium\s+chloride|nacl|ns\b|water(?:\s+for\s+injections?)?|dextrose|glucose)"
            r"(?:\s+(?:solution|0[.,]9\s*%|5\s*%))*")
DILUENT = re.compile(
    r"\b(?:(?:diluted|dissolved|reconstituted|suspended|mixed|made\s+up|prepared|dispersed)\s+(?:in|with|into)\s+"
    rf"(?:an?\s+|the\s+)?(?:total\s+(?:volume\s+)?(?:of\s+)?)?(?:{_VOLUME})?"
    rf"|in\s+(?:an?\s+|the\s+)?(?:total\s+(?:volume\s+)?(?:of\s+)?)?{_VOLUME}"
    r"|(?:taken|swallowed|given|administered)\s+with\s+(?:a\s+(?:full\s+)?glass\s+of\s+|plenty\s+of\s+)?"
    r"|with\s+(?:a\s+(?:full\s+)?glass\s+of|plenty\s+of)\s+|flushed\s+with\s+)"
    rf"{_DILUENT}(?!\w)|\b(?:saline|nacl)\s+flush(?:es|ed|ing)?\b", re.I)


def _without_diluents(text: str) -> str:
    """The text with the saline, water or dextrose a product is given in blanked out (offsets kept)."""
    return DILUENT.sub(lambda m: " " * len(m.group(0)), text)


def names_a_placebo(arms: list[tuple], interventions: list[tuple], other_names: list[tuple]) -> bool:
    """Whether the record gives a placebo: an arm (group_type, title, description) typed Placebo or Sham Comparator,
    or an arm, an intervention (type, name, description) or an other name (name,) whose words name a placebo, not
    counting the saline or water a product is diluted in or given with."""
    if any(arm[0] in COMPARATOR_TYPES for arm in arms):
        return True
    words = [text for arm in arms for text in arm[1:]] + [text for given in interventions for text in given[1:]]
    words += [name for (name,) in other_names]
    return any(PLACEBO_GIVEN.search(_without_diluents(text)) for text in words if text)


# What the study's text says its placebo is: a product given alone ("(Placebo Patients Receive MF59 Emulsion Only)",
# "a placebo consisting of the adjuvant alone"), or a device's mode ("placebo (AAI pacing mode)"). A product named
# in brackets without "only" or "alone" is what the placebo stands for ("placebo (ALVAC)"), not what it is.
PLACEBO_IS = re.compile(
    r"\bplacebo\s+(?:patients|participants|subjects|volunteers|group|arm)\s+(?:will\s+)?receives?\s+([^.;()]{3,60})"
    r"|\bplacebo\s+(?:consist(?:s|ing)\s+of|made\s+of|composed\s+of)\s+([^.;()]{3,60})"
    r"|\bplacebo\s*\(([^()]{3,60}\b(?:only|alone))\)", re.I)
PLACEBO_IN_BRACKETS = re.compile(r"\bplacebo\s*\(([^()]{3,60})\)", re.I)
# A device run in another mode or setting as the placebo ("AAI pacing mode", "device switched off").
_DEVICE_MODE = re.compile(r"\b(?:modes?|settings?|programm?ed|switched\s+off|turned\s+off)\b", re.I)
# Words of a definition that name no product.
_GENERIC = frozenset(("only", "alone", "the", "and", "with", "without", "same", "plus", "mode", "modes", "setting",
                      "group", "arm", "patients", "participants", "subjects", "receive", "receives", "dose", "doses",
                      "drug", "drugs", "tablet", "tablets", "capsule", "capsules", "injection", "injections",
                      "therapy", "treatment", "solution", "emulsion", "daily", "once", "twice", "will", "given"))


def _product_words(text: str) -> set[str]:
    """The words of a text that may name a product (three characters or more, with a letter, not generic)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {w for w in words if len(w) >= 3 and re.search("[a-z]", w) and w not in _GENERIC}


def placebo_defined_as_listed(texts: list[StudyText], interventions: list[tuple]) -> bool:
    """Whether the study's text says its placebo is one of the interventions (type, name, description) it lists: a
    product given alone ("Placebo Patients Receive MF59 Emulsion Only" beside 'MTP-PE/MF59'), or the listed device in
    another mode ("placebo (AAI pacing mode)" beside a device)."""
    names = set().union(*(_product_words(name or "") for _kind, name, _description in interventions))
    devices = any(kind == "DEVICE" for kind, _name, _description in interventions)
    for source in texts:
        products = [next(g for g in m.groups() if g) for m in PLACEBO_IS.finditer(source.text)]
        modes = [m.group(1) for m in PLACEBO_IN_BRACKETS.finditer(source.text)] if devices else []
        if any(not PLACEBO_GIVEN.search(defined) and _product_words(defined) & names for defined in products) or \
                any(_DEVICE_MODE.search(defined) for defined in modes):
            return True
    return False
