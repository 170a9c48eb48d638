"""What a study's text says that makes it a trial: randomized, placebo-controlled or blinded, or a clinical trial.

An observational study's text speaks of trials often without being one: the trial its participants came from,
the trials it follows up, pools or emulates, the trials that showed what it builds on. A claim counts only in a
sentence about this study (checks.study_text.about_this_study) that names no other trial (`OTHER_TRIAL`), does not
open by telling what a trial named by its acronym was (`NAMED_TRIAL_IN_THE_PAST`) and does not call this study
observational too; a bare controlled trial of people compared with matched or healthy controls is such a
comparison, not a trial; negation as for every design claim ("not a randomized trial").
"""
from __future__ import annotations

import re

from checks.design_hyphens import HYPHENS, hyphens_wide
from checks.design_term_words import DESIGN_WORD
from checks.design_text import Claim, claims, screened, sentence_at
from checks.study_text import StudyText

# The words of a trial's design (checks.design_term_words.DESIGN_WORD) between its first design word and its noun;
# any hyphen may join two of them too ("Randomized-Controlled Trial", "randomised\u2014controlled trial").
_DESIGN_WORDS = rf"(?:(?:,?\s+|\s*[{HYPHENS}]\s*)(?:and\s+)?{DESIGN_WORD})*,?\s+"
# A trial's design noun followed by what belongs to it, not the trial itself: "randomized trial data", "randomized
# controlled trial participants", "clinical trial registry".
_NOT_THE_TRIAL = (r"(?!\s*[-/]?\s*(?:data|evidence|results?|findings|participants?|patients|population|subjects"
                  r"|cohorts?|registry|registries|network|sites?|units?|centers?|centres?|methodology|literature"
                  r"|settings?|context|framework|era|experience|participation|based|like|emulation)\b)")
# Words every match of TRIAL_DESIGN holds once folded, and where its matches start (checks.design_text.ANCHORS): at
# 'randomi' or up to four characters before it ("non-randomized"), at 'placebo', 'single', 'controlled' or 'rct'.
TRIAL_DESIGN_NEEDLES = ("random", "controlled", "blind", "mask", "rct")
_TRIAL_DESIGN_ANCHORS = ((("randomi",), 4, ()), (("placebo", "sham", "vehicle"), 0, ("controlled",)),
                         (("single", "double", "triple", "quadruple"), 0, ("blind", "mask")),
                         (("controlled",), 0, ("trial",)), (("rct",), 0, ()))
# A design this study states for itself: only a trial that assigns its participants an intervention has one.
# Blinding alone makes a trial only when the text says trial: an observational study of a test's accuracy may
# blind its readers ("a prospective, double-blinded study of the diagnostic accuracy of ultrasound").
TRIAL_DESIGN = screened(re.compile(hyphens_wide(
    rf"\b(?:(non[\s-]?|un[\s-]?)?randomi[sz]ed|(?:placebo|sham|vehicle)[\s-]*controlled){_DESIGN_WORDS}"
    rf"(?:trial|study|design|protocol){_NOT_THE_TRIAL}\b"
    rf"|\b(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?){_DESIGN_WORDS}trial{_NOT_THE_TRIAL}\b"
    rf"|(?<![\w{HYPHENS}])controlled\s+(?:clinical\s+)?trial{_NOT_THE_TRIAL}\b"
    rf"|\bRCT\b{_NOT_THE_TRIAL}"),
    re.I,
), TRIAL_DESIGN_NEEDLES, _TRIAL_DESIGN_ANCHORS)
# This study called a clinical trial and no more: "This study is a clinical trial study", "this clinical trial".
# Old NCI summaries call every study a clinical trial ("PURPOSE: This clinical trial studies quality-of-life
# assessments"), so it counts only beside a group given placebo or a sham (`PLACEBO_GROUP`).
CLINICAL_TRIAL = screened(re.compile(
    rf"\b(?:this|our|(?:is|was|will\s+be)\s+(?:a|an))\s+(?:{DESIGN_WORD},?\s+(?:and\s+)?)*clinical\s+trial"
    rf"{_NOT_THE_TRIAL}\b", re.I), ("clinical",))
# A group given placebo or a sham, by its title.
PLACEBO_GROUP = re.compile(r"\b(?:placebo|sham)\b", re.I)

# Where another trial is named: not "this", "our", "the present" or "the current" one.
_ANOTHER = r"(?!(?:this|our|the\s+present|the\s+current)\b)(?:[\w,()/-]+\s+){0,8}?(?:trial|rct|study)s?\b"
# A sentence that names another trial than this study. Each entry: (what it recognises, pattern).
OTHER_TRIAL = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("study of a trial", r"\b(?:follow[\s-]?ups?|extensions?|sub-?stud(?:y|ies)|ancillary|analys[ie]s|re-?analys[ie]s"
                         r"|evaluation|assessment|registry|cohort|survey|biobank|data(?:base)?|results?|findings"
                         r"|outcomes?|generali[sz]ability|applicability)\s+(?:study\s+)?"
                         r"(?:of|to|from|within|in|after|following|alongside|among|on)\s+" + _ANOTHER),
    ("inside a trial", r"(?:\b(?:nested|embedded|conducted|performed|included|enrolled|randomi[sz]ed|participating"
                       r"|participated|participation|took\s+part|taking\s+part|treated|recruited)\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:in|within|into|alongside|from)"
                       # "patients screened for a randomized controlled trial", "not eligible for the RCT"
                       r"|\b(?:screened|eligible|ineligible|approached|considered|referred)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:for|to))\s+" + _ANOTHER),
    ("people of a trial", r"\b(?:patients|participants|subjects|women|men|children|infants|individuals|volunteers"
                          r"|people|those|survivors)\s+(?:[\w-]+\s+){0,3}?(?:of|from|in)\s+" + _ANOTHER),
    ("trial to come", r"\b(?:prior\s+to|before|ahead\s+of|preparation\s+for|launch\w*|inform\w*|towards?"
                      r"|leading\s+to|pave\s+the\s+way\s+for)\s+(?:[\w-]+\s+){0,3}?(?:a|an|the\s+(?:next|future|main"
                      r"|subsequent|planned))\s+" + _ANOTHER),
    ("trial done before", r"\b(?:recent(?:ly)?|earlier|past|landmark|pivotal|seminal|historic(?:al)?|original)\s+"
                          r"(?:[\w,()/-]+\s+){0,4}?(?:trial|rct|study)s?\b"),
    ("trial supposed", r"\b(?:would|could|might)\s+(?:require|need|be\s+(?:needed|required|necessary|unethical"
                       r"|impractical|difficult|impossible))\b|\b(?:unethical|impractical|impossible|infeasible)\b"
                       r"|\bnot\s+(?:be\s+)?(?:feasible|possible|ethical)\b"),
    ("emulated trial", r"\bemulat\w*|\btarget[\s-]+trials?\b|\bmimic\w*|\bopposed\s+to\b"),
    ("trials in the plural", r"\b(?:trials|rcts)\b"),
))
# A sentence that opens by telling what a trial named by its acronym or code was ("DISH was a multicenter,
# controlled, randomized study conducted in 1980-1983", "TOMHS was a two phase double-blind randomized controlled
# clinical trial"): in an observational record, the finished trial whose data or people it studies, where a sentence
# in the present ("DISH is a randomized study") may be this study's own.
NAMED_TRIAL_IN_THE_PAST = re.compile(r"\s*(?:[-*\u2022]\s*)?(?:[Tt]he\s+)?[A-Z][\w-]*[A-Z0-9][\w-]*\s+was\s+an?\b")
# A sentence that opens by telling what the study this one extends or follows is, named in an earlier sentence
# ("This study is the long-term extension of the PRV-031-001 (PROTECT) study. PROTECT is a Phase 3, randomized,
# double-blind ... study"): the other trial's design. A sentence in the present naming a trial no earlier sentence
# says this study extends may be this study's own.
_NAMED_TRIAL_OPENS = re.compile(r"\s*(?:[-*\u2022]\s*)?(?:[Tt]he\s+)?(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)"
                                r"(?:\s+(?:study|trial))?\s+(?:is|was)\s+an?\b")
_FOLLOWS_A_TRIAL = (r"\b(?:extension|follow-?up|continuation|roll-?over|sub-?study|companion\s+study)\s+"
                    r"(?:study\s+)?(?:of|to|from|for)\s+(?:the\s+)?")


def _describes_the_trial_followed(text: str, start: int, sentence: str) -> bool:
    """Whether the sentence at text[start:] opens by telling what the trial an earlier sentence says this study
    extends or follows is ("... the long-term extension of the PROTECT study. PROTECT is a randomized study.")."""
    before = text[max(0, start - 400):start]
    named = _NAMED_TRIAL_OPENS.match(sentence)
    return bool(named) and re.search(_FOLLOWS_A_TRIAL + r"[^.;]{0,40}?\b" + re.escape(named.group("name")) + r"\b",
                                     before, re.I) is not None


# A sentence that calls this study observational while it speaks of a trial: the trial is another one ("This
# observational study follows patients of a randomized trial") or a part beside this one.
OBSERVATIONAL_TOO = re.compile(hyphens_wide(
    r"\b(?:observational|non[\s-]?interventional|retrospective(?:ly)?|case[\s-]control\w*"
    r"|cross[\s-]sectional)\b"), re.I)
# A registry named in the sentence: the study is a registry, or draws on one ("a registry study of randomized
# patients"), unless the sentence calls it a registry trial (`REGISTRY_TRIAL`).
REGISTRY = re.compile(r"\bregistry\b", re.I)
# A trial run on a registry, which randomizes its participants and follows them in the registry: "registry-based
# randomized clinical trial (R-RCT)", "randomized registry trial", "register-based RCT", "registry-embedded,
# pragmatic, randomised trial". Not a registry of a trial's patients ("a registry of patients from a randomized
# trial", "a randomized controlled trial registry").
_TRIAL_WORD = rf"(?:randomi[sz]ed|{DESIGN_WORD})"
REGISTRY_TRIAL = re.compile(hyphens_wide(
    rf"\b(?:{_TRIAL_WORD}[,\s-]+(?:and\s+)?)*regist(?:ry|er)(?:[\s-]*(?:based|embedded|nested))?[,\s-]+"
    rf"(?:(?:and\s+)?{_TRIAL_WORD}[,\s-]+)*(?:trial|rct)\b"), re.I)
# The registry a registry trial runs on, after the trial: "... trial using the SWEDEHEART registry", "embedded in
# the Danish National Patient Registry". Not a sentence's registry of its own ("This registry will follow ...").
REGISTRY_PLATFORM = re.compile(
    r"\b(?:using|in|within|into|on|through|via|from)\s+(?:the\s+)?(?:[\w()-]+\s+){0,4}?registry\b", re.I)
# Words that stand for another thing than a randomized controlled trial, spelt out beside it: "Radiochemotherapy
# (RCT)", "root canal treatment (RCT)", "RCT (radiochemotherapy)". A text that spells RCT out so means no trial by it.
_RCT_SPELT_OUT = re.compile(r"((?:[\w-]+\s+){0,3}[\w-]+)\s*\(\s*RCTs?\s*\)|\bRCTs?\s*\(\s*([^)]{3,60})\)", re.I)
_RCT_AS_TRIAL = re.compile(r"random|trial", re.I)
# A treatment's word before RCT that makes it radiochemotherapy: "neoadjuvant RCT", "definitive RCT".
_RCT_AS_TREATMENT = re.compile(
    r"\b(?:(?:neo-?)?adjuvant|definitive|concurrent|concomitant|simultaneous|pre-?operative|post-?operative"
    r"|induction|salvage|palliative)\s+$", re.I)
_RCT_BEFORE = 30  # characters before RCT read for a treatment's word


def other_trial(sentence: str) -> str | None:
    """What marks a sentence as naming another trial, or as calling this study observational, or None."""
    found = next((name for name, pattern in OTHER_TRIAL if pattern.search(sentence)), None)
    if found:
        return found
    return "observational too" if OBSERVATIONAL_TOO.search(sentence) or _registry_study(sentence) else None


def _registry_study(sentence: str) -> bool:
    """Whether the sentence names a registry that is not a registry trial's own (`REGISTRY_TRIAL` and the registry
    it runs on, `REGISTRY_PLATFORM`): this study may be the registry, or draw on one."""
    if not REGISTRY.search(sentence):
        return False
    if not REGISTRY_TRIAL.search(sentence):
        return True
    return bool(REGISTRY.search(REGISTRY_PLATFORM.sub(" ", REGISTRY_TRIAL.sub(" ", sentence))))


def _rct_spelt_otherwise(texts: list[StudyText]) -> bool:
    """Whether a text of the study spells RCT out as something else than a randomized controlled trial."""
    return any(not _RCT_AS_TRIAL.search(m.group(1) or m.group(2))
               for source in texts if "rct" in source.text.lower() for m in _RCT_SPELT_OUT.finditer(source.text))


def _rct_as_treatment(claim: Claim, texts: list[StudyText]) -> bool:
    """Whether the claim is an RCT that stands for a treatment: after a treatment's word ("neoadjuvant RCT") or in
    a study whose text spells RCT out as something else ("Radiochemotherapy (RCT)")."""
    if claim.phrase.upper() != "RCT":
        return False
    before = claim.source.text[max(0, claim.start - _RCT_BEFORE):claim.start]
    return bool(_RCT_AS_TREATMENT.search(before)) or _rct_spelt_otherwise(texts)


def _of_this_study(claim: Claim) -> bool:
    start, end = sentence_at(claim.source.text, claim.start)
    sentence = claim.source.text[start:end]
    return other_trial(sentence) is None and NAMED_TRIAL_IN_THE_PAST.match(sentence) is None \
        and not _describes_the_trial_followed(claim.source.text, start, sentence)


# A controlled trial and no more ("Prospective Controlled Trial"), not a randomized, placebo-controlled or blinded one.
_BARE_CONTROLLED_TRIAL = re.compile(r"controlled\s+(?:clinical\s+)?trial", re.I)
# Controls matched to the people studied, or healthy ones ("in Male Cyclists Compared to Age Matched Controls",
# "versus sex- and age-matched healthy controls"): people compared for a trait or an exposure they already have,
# which an observational study does; nobody is assigned to be a control.
_MATCHED_CONTROLS = re.compile(hyphens_wide(
    r"\b(?:(?:age|sex|gender)[\s-]*(?:(?:and|,)\s*(?:age|sex|gender)[\s-]*)?)?matched\s+(?:healthy\s+)?controls?\b"
    r"|\bhealthy\s+controls?\b"), re.I)


def _controls_matched(claim: Claim) -> bool:
    """Whether the claim is a bare controlled trial whose sentence names matched or healthy controls."""
    if _BARE_CONTROLLED_TRIAL.fullmatch(claim.phrase) is None:
        return False
    start, end = sentence_at(claim.source.text, claim.start)
    return _MATCHED_CONTROLS.search(claim.source.text, start, end) is not None


def trial_claim(texts: list[StudyText], pattern: re.Pattern = TRIAL_DESIGN) -> Claim | None:
    """The first affirmed claim of `pattern` (TRIAL_DESIGN or CLINICAL_TRIAL) that speaks of this study alone, and
    is not a bare controlled trial of people compared with matched or healthy controls."""
    return next((c for c in claims(texts, pattern)
                 if not c.negated and _of_this_study(c) and not _rct_as_treatment(c, texts)
                 and not _controls_matched(c)), None)
