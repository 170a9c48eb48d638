"""What a study's text says about its own design: blinding, open label, randomisation, study type.

Text matching respects negation ("not randomized", "non-blinded") and context: a sentence
counts only when it speaks of this study (checks.study_text.about_this_study).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checks.study_context import CASE_FOLDS, folded_text
from checks.study_text import OTHER_STUDY, StudyText, about_this_study, other_study

# The hyphens records write inside a word ("non-randomized"): the ASCII one, and the hyphen, non-breaking hyphen,
# figure dash, en dash, em dash, minus sign and soft hyphen that text pasted from a word processor carries
# ("non\u2010randomized", "double\u2013blind", "Double\u2014Blind", "double\u00adblind"), joined or spaced ("Open \u2014
# Label").
HYPHENS = "\\-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
# A space or one of those hyphens, as a character class.
_SPACE_OR_HYPHEN = f"[\\s{HYPHENS}]"


# Each of those hyphens as the ASCII one, character for character (offsets stay): what the patterns of a sentence's
# context (checks.study_context: "Single\u2010arm study of drug X" opens with the study) read.
_TO_ASCII_HYPHEN = str.maketrans({c: "-" for c in HYPHENS if not c.isascii()})


def ascii_hyphens(text: str) -> str:
    """The text with every hyphen of HYPHENS written as the ASCII one, at the same offsets."""
    return text if text.isascii() else text.translate(_TO_ASCII_HYPHEN)


def hyphens_wide(pattern: str) -> str:
    """The pattern with each class of a space or an ASCII hyphen (`[\\s-]`) reading every hyphen of HYPHENS too."""
    return pattern.replace(r"[\s-]", _SPACE_OR_HYPHEN)


_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z(\[])|(?<=\w\.)(?=[A-Z][a-z]{2,})|\n\s*\n|\n\s*[-*•]\s+|\n(?=\s*\d{1,2}[.)]\s)"
)
# A negation close before a term, in the same clause: "will not be", "no", "without"; or carried to it by "or"
# ("with no blinding of subjects or randomization"); a term said to be impossible ("this trial cannot be
# double-blinded", "it is impossible to run a double-blind comparison"); a term set against this study ("unlike an
# observational study, this trial assigns ..."); "non" or "un" before it, joined by any hyphen or spaced ("Non -
# randomized").
_NEGATION_BEFORE = re.compile(hyphens_wide(
    r"(?:\b(?:not|no|never|without|neither|nor|rather\s+than|instead\s+of|unlike)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:cannot|can't)\s+be\s+(?:[\w-]+\s+)?|\b(?:non|un)\s*[\s-]?\s*"
    r"|\b(?:not|no|without|neither)\s+(?:[\w-]+\s+){1,4}(?:or|nor)\s+"
    r"|\b(?:impossible|unable|infeasible|unfeasible|impractical|unethical)\s+to\s+(?:[\w-]+\s+){0,3})$"),
    re.I,
)
# A heading's answer that ends it: at the end of the text or of a clause, or before the next heading in capitals
# ("RANDOMIZATION-None BLINDING-single").
_ANSWER_ENDS = r"(?=\s*(?:[.;,)\n]|$)|\s+(?-i:[A-Z]{2}))"
# A denial right after a term, or after the design it names: "single or double blind is not appropriate"
# (NCT05696093), "special methods for randomization are not required" (NCT06897982), "a double-blind design is not
# feasible", "randomization is not applicable as this is a single-arm study", "randomization was deemed unethical",
# "Randomization not applicable", "a randomized design was not chosen"; a heading answered no ("Randomization: N/A",
# "Randomized: No").
_NEGATION_AFTER = re.compile(
    r"(?:\s+(?:design|study|trial|approach|method|comparison|technique|procedure|fashion|manner))?(?:\s+(?:"
    r"(?:(?:is|was|are|were|would\s+be|will\s+be)\s+not|(?:would|could|will|can)\s+not\s+be|cannot\s+be)\s+"
    r"(?:appropriate|possible|feasible|practical|practicable|ethical|applicable|used|applied|planned|performed|done"
    r"|required|needed|necessary|involved|conducted|maintained|ensured|chosen|adopted|employed|utili[sz]ed|pursued"
    r"|considered)\b"
    r"|(?:is|was|are|were|would\s+be|will\s+be)\s+(?:(?:deemed|considered|judged|thought|felt|found)\s+"
    r"(?:to\s+be\s+)?)?(?:impossible|unfeasible|infeasible|impractical|unethical|inappropriate|not\s+ethical)\b"
    r"|not\s+(?:applicable|done|performed|used|planned)\b"
    # "The observational study design was rejected", "a double-blind design was considered but not adopted".
    r"|(?:was|were|has\s+been|had\s+been)\s+(?:considered\s+(?:but|and)\s+)?(?:rejected|abandoned|discarded"
    r"|dismissed|not\s+(?:adopted|chosen|pursued))\b)"
    # "RANDOMIZATION & ALLOCATION CONCEALMENT-Not applicable" (NCT05696600): a heading answered no.
    r"|(?:\s*&\s*[\w ]{1,30}?)?\s*[-:–]\s*(?:not\s+applicable\b|(?:none|n/?a|no)" + _ANSWER_ENDS + "))", re.I)
# A term named as one of a study's listed parts ("4 periods: Screening, open label, randomized withdrawal"; "Part A:
# open label dose escalation") is that part's, as "an open-label period" is: the study has other parts. ("Phase 3:
# open-label study of ..." names the trial's phase, not a part.) So is a term said of a part ("The second period of
# this study will be open-label", "Period 2 is open label") or of what the study turns into ("the study continues as
# an open-label study").
_PART = r"(?:periods?|phases|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|parts?|stages?|segments?|epochs?)"
_LISTED_PART_BEFORE = re.compile(
    rf"\b{_PART}\b[^.;:\n]{{0,24}}:\s*(?:[^.;:,\n]{{1,60}},\s*(?:(?:and|or)\s+)?)*(?:(?:and|or)\s+)?$"
    rf"|\b(?:{_PART}|extension|portion)(?:\s+[\w-]+)?(?:\s+of\s+(?:this|the|our)\s+(?:[\w-]+\s+)?(?:study|trial))?\s+"
    r"(?:will\s+(?:be|become|remain)|is|are|was|were|becomes?|remains?)\s+(?:an?\s+)?$"
    r"|\b(?:continues?|continued|becomes?|became|switch(?:es|ed)?|converts?|converted)\s+(?:as|to|into)?\s*"
    r"(?:an?\s+)?$",
    re.I)
# A food or drug challenge done double-blind ("a double-blind, placebo-controlled food challenge (DBPCFC)", "DBPC oral
# food challenge", "double-blind placebo-controlled gluten challenges") is a test participants undergo, which an
# open-label trial uses to confirm an allergy or measure desensitisation: no blinding of the trial's arms. (A
# "double-blind, placebo-controlled challenge study" is a trial.)
_CHALLENGE_AFTER = (rf"(?![\s,(){HYPHENS}]*(?:placebo[\s{HYPHENS}]*controlled[\s,(){HYPHENS}]*)?"
                    r"(?:(?!(?:study|trial)\b)[\w()-]+\s+){0,3}?(?:challenges?|provocations?)\b"
                    r"(?!\s+(?:stud(?:y|ies)|trials?)\b))")
# Titles abbreviate a double-blind design among its other design words ("A Phase 3, R, DB, PC Study", "Randomized, DB,
# Placebo-controlled"), or with its placebo control in one word ("DBPC", "RDBPC", "RDBPCT"). "DB" alone is an
# abbreviation of many things (an author's initials "Mark DB", "dB", "DB-301", "DBS", "DBP"): it counts only in
# capitals, standing alone, right before another design word ("PC", "Placebo-controlled"; "R" only before another
# abbreviation: "the DB, R was used" names a database and a program) or right after "R" or "Randomized".
_ABBREVIATIONS = r"(?-i:PC|MC|DD|AC|PG|RCT|OL)"
_DESIGN_ABBREVIATION_AFTER = (
    rf"(?=\s*[,/]?\s*(?:and\s+)?(?:(?:{_ABBREVIATIONS}|(?-i:R)(?=\s*[,/]?\s*{_ABBREVIATIONS}))(?![\w{HYPHENS}])"
    r"|placebo[\s-]*controlled|randomi[sz]ed|multi-?cent|double[\s-]*dummy|parallel|cross-?over"
    r"|active[\s-]*controlled))")
_RANDOMIZED_BEFORE = "|".join(
    f"(?<={word}{gap})" for word in (r"\b(?-i:R)", "randomized", "randomised") for gap in (", ", ",", " ", "/"))
_DOUBLE_BLIND_ABBREVIATED = (
    rf"(?<![\w{HYPHENS}])(?:(?-i:R?DBPCT?|DB[\s-]?RCT)|(?:{_RANDOMIZED_BEFORE})(?-i:DB)"
    rf"|(?-i:DB){_DESIGN_ABBREVIATION_AFTER})(?![\w{HYPHENS}])")
# Design words between "blinded" and the study's noun ("a blinded, randomised trial", "Blinded, Randomized, Controlled
# Trial"); not after a party blinded, which in an open-label trial is often its outcome assessor only ("open-label,
# assessor-blinded, randomized trial", "Observer-blinded Randomised Trial"): a masking the record may or may not give.
_NO_PARTY_BEFORE = "".join(
    f"(?<!{party}[\\s-])" for party in ("assessor", "assessors", "observer", "evaluator", "rater", "reader", "outcome",
                                          "outcomes", "endpoint", "examiner", "adjudicator"))
_DESIGN_WORDS_BETWEEN = (r"(?:randomi[sz]ed|controlled|(?:placebo|sham|active)[\s-]*controlled|parallel(?:[\s-]*group)?"
                         r"|cross-?over|multi-?cent(?:er|re|ric)|prospective|pilot|clinical|comparative|pragmatic"
                         r"|cluster|phase\s+(?:[1-4]|i{1,3}|iv)[ab]?)")
# A sponsor-blinded study blinds none of the parties the registry records (masking NONE).
# A party the registry does not record as masked ("Single-blind (Data Analyst)", "Single blind - only the data
# analyst is blinded") is no blinding it records either.
BLINDED = re.compile(hyphens_wide(
    r"\b(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?|dummy)\b"
    r"(?![\s(:–-]*(?:only\s+)?(?:the\s+)?(?:data\s+analysts?|statisticians?|sponsors?)\b)" + _CHALLENGE_AFTER
    + r"|\bplacebo[\s-]+controlled,?\s+blinded\b"
    r"|(?<!sponsor[\s-])(?<!sponsor)(?<!non[\s-])(?<!non)"
    r"\bblinded\s+(?:study|trial|period|phase|design)\b"
    r"|(?<!sponsor[\s-])(?<!non[\s-])" + _NO_PARTY_BEFORE + r"\bblinded,?\s+(?:" + _DESIGN_WORDS_BETWEEN
    + r",?\s+(?:and\s+)?){1,4}(?:study|trial|period|phase|design)\b"
    r"|(?:" + _DOUBLE_BLIND_ABBREVIATED + ")" + _CHALLENGE_AFTER),
    re.I,
)
# A party not recorded as masked named right after "open label" ("open label for the investigator", "open-label to the
# sponsor"): the other parties may be masked as the design says.
_UNMASKED_PARTY = (r"(?:for|to)\s+(?:the\s+|all\s+)?(?:investigators?|(?:site|study)\s+(?:staff|team)|staff"
                   r"|care[\s-]*(?:givers?|providers?)|clinicians?|surgeons?|physicians?|doctors?|therapists?|nurses?"
                   r"|pharmacists?|sponsors?(?:'s)?|statisticians?|(?:data\s+)?analysts?|monitors?)\b")
# What is given open label in a masked study, not the study itself: "open-label study drug will be dispensed",
# "open-label study medication during the extension", "supplied in open-label packs".
_GIVEN_OPEN = (r"study\s+(?:drug|medication|treatment|product|agent|intervention|therap)"
               r"|(?:medications?|products?|agents?|interventions?|packs?|kits?|bottles?|vials?|supplies|containers?"
               r"|boxes)\b(?!\s+(?:study|trial)\b)")
# What follows a study's noun when the noun names the study ("an unblinded study of drug X", "a non-blinded trial.",
# "a non-masked study comparing"), not a person or thing of it ("a non-blinded study nurse", "the unblinded study
# pharmacist", "unblinded study data").
_THE_STUDY_ITSELF_AFTER = (r"(?=\s*(?:[.,;:()]|$)|\s+(?:of|in|to|for|with|on|at|among|between|comparing|evaluating"
                           r"|assessing|investigating|examining|exploring|testing|using|that|which|where|whose"
                           r"|designed|conducted|performed|will|is|was|has|involving|including|compares|evaluates"
                           r"|assesses|investigates|examines|explores|tests|aims)\b)")
# A group or part of the study named a word or two after "open label" ("an open-label safety cohort", "an open-label,
# single-arm cohort of Japanese participants", "an open-label active reference arm", "an open-label pharmacokinetic
# sub-study"): that group's, beside the masked comparison. Not the study's own count of arms or cohorts ("Open-label,
# Two Arm, Study", "open-label, single arm, phase 2 study", "an open-label prospective cohort study"), nor its phase
# ("An Open-label Phase 2 Study", which a phase's number tells from an open-label phase of the study).
_TRIAL_PHASE = r"(?:[0-4]|i{1,3}|iv)[ab]?\b"
_GROUP_NAMED_AFTER = (
    r"(?:,?\s+(?!(?:single|one|two|three|four|five|dual|\d+)\b(?!-)|(?:parallel|randomi[sz]ed|controlled|study|trial"
    r"|phase)\b)[\w-]+){1,2}\s+(?:cohorts?|arms?|groups?|sub-?stud(?:y|ies)|extension|period"
    rf"|phase(?!\s+{_TRIAL_PHASE})|part|stage)\b(?!\s*,?\s*(?:study|trial|design)\b)")
OPEN_LABEL = re.compile(hyphens_wide(
    r"\bopen[\s-]*label(?:l?ed)?\b(?!\s*(?:,\s*)?(?:extension|period|phase(?!\s+" + _TRIAL_PHASE + r")|part|stage"
    r"|portion|lead[\s-]?in|run[\s-]?in|follow[\s-]?up|treatment|continuation|arm|cohort|rollover|basis|therapy|drug"
    r"|use|access|rescue|background|concomitant|followed\s+by|" + _UNMASKED_PARTY + "|" + _GIVEN_OPEN + "))"
    r"(?!" + _GROUP_NAMED_AFTER + ")"
    r"|\b(?:no|without)\s+(?:masking|blinding)\b(?!\s+(?:of|for)\b)"
    r"|\b(?:non|un)[\s-]?(?:blinded|masked),?\s+(?:" + _DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}"
    r"(?:study|trial|design)\b" + _THE_STUDY_ITSELF_AFTER +
    # "an open trial", "This open, randomised trial", "an Open, Randomised, Multicentre Trial": open label as European
    # records say it; in capitals it is a trial's name ("the OPEN trial"), and "open to" is enrolment's.
    r"|\b(?-i:[Oo]pen),?\s+(?:" + _DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}(?:study|trial)\b"
    + _THE_STUDY_ITSELF_AFTER +
    # The same in a text written in capitals, its study's noun in capitals too ("AN OPEN, RANDOMISED, MULTICENTRE
    # TRIAL", "A PHASE II OPEN TRIAL OF DRUG X"); not after "the" ("THE OPEN TRIAL: OUTCOMES OF ...", a name), nor
    # "the OPEN trial" in a text that is not in capitals.
    r"|(?<!\bthe\s)\b(?-i:OPEN),?\s+(?:" + _DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}(?-i:STUDY|TRIAL)\b"
    + _THE_STUDY_ITSELF_AFTER +
    # "The study will be unblinded after database lock", "was unblinded early": blinded until then.
    r"|\b(?:study|trial)\s+(?:(?:is|was)\s+not\s+|will\s+not\s+be\s+|is\s+un[\s-]?)(?:blinded|masked)\b"
    r"(?!\s+(?:at|after|when|once|following|upon|before|until|early|prematurely|for)\b)"),
    re.I,
)
# "Quasi-randomized" (allocated by alternation, date of birth or record number) is a non-random allocation.
RANDOMIZED = re.compile(hyphens_wide(
    r"\b(non[\s-]?|un[\s-]?|quasi[\s-]?)?randomi[sz](?:ed|ation)\b|\brandomly\s+(?:assigned|allocated|divided)\b"),
    re.I)
# The verb in the present or future ("we will randomize volunteers to either the early or late second biopsy",
# NCT05688969): a study that says it randomizes, whatever else it says it is not; or that it allocates at random
# ("allocated at random", "a computer-generated random allocation sequence").
# A random sequence or list made to allocate ("A computer-generated random sequence will be used to allocate
# participants"), not one that selects or orders ("a random number table to select charts").
RANDOMIZING = re.compile(r"\brandomi[sz](?:e|es|ing)\b|\bat\s+random\b|\brandom\s+(?:allocation|assignment)\b"
                         r"|\brandom(?:\s+numbers?)?\s+(?:sequences?|lists?|tables?)\b"
                         r"(?=[^.;]{0,60}?\b(?:allocat|assign)\w*\s+(?:the\s+)?(?:participants|patients|subjects))",
                         re.I)
# "RCT", the abbreviation of a randomised controlled trial, in capitals and standing alone ("Drug X in pSS: an RCT",
# "This RCT will compare"); not "RCTs", trials in general.
RCT = re.compile(r"(?<![\w-])RCT(?![\w-])")
# An RCT that this study is made for or leads to, not this one: "Feasibility Study for an RCT of Drug X", "a pilot
# to inform a future RCT", "participants of the RCT ABC-301".
_RCT_FOR_BEFORE = re.compile(r"\b(?:for|to|towards|before|into|of|from|prior\s+to|ahead\s+of)\s+(?:an?|the)\s+"
                             r"(?:[\w,-]+\s+){0,4}$", re.I)
# One arm said of the study: "This is a single-arm study", "Single arm, open-label study of drug X", "A Single-Arm,
# Phase 2 Study", "a single group, open, multicentre clinical trial", "a single-cohort, open-label study"; not a
# single-arm part, cohort or extension ("a single-arm run-in", "the single-arm safety cohort"), which the noun after it
# names, nor single-arm trials in general. ("A one-arm study" is not read: "one" is in most texts, which the needle
# words would then all let through, for a wording records seldom use.)
SINGLE_ARM = re.compile(hyphens_wide(
    r"\bsingle[\s-]*(?:arm(?:ed)?|group|cohort)\b,?\s+(?:(?:" + _DESIGN_WORDS_BETWEEN
    + r"|open(?:[\s-]*label(?:l?ed)?)?"
    r"|non[\s-]?randomi[sz]ed|uncontrolled|non[\s-]?comparative|interventional|exploratory"
    r"|single[\s-]*cent(?:er|re)),?\s+(?:and\s+)?){0,4}(?:study|trial)\b" + _THE_STUDY_ITSELF_AFTER), re.I)
# A part of the study said to be single-arm ("Part A is a single-arm, open-label study", "Cohort 2 will be a single-arm
# study", "The run-in is a single-arm trial"): the other parts may be randomized.
_SINGLE_ARM_PART_BEFORE = re.compile(
    _LISTED_PART_BEFORE.pattern + r"|\b(?:cohorts?|arms?|groups?|run[\s-]?in|lead[\s-]?in|sub-?stud(?:y|ies))"
    r"(?:\s+[\w-]+)?\s+(?:will\s+be|is|are|was|were)\s+(?:an?\s+)?$", re.I)
OBSERVATIONAL = re.compile(hyphens_wide(
    r"\bobservational,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|trial|cohort\s+study|design|research)\b"
    r"(?!\s+(?:part|component|sub-?study|arm|cohort)\b)"
    r"|\bnon[\s-]?interventional,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|trial|design|research)\b"), re.I
)
# A study beside this one: "... and an observational cohort study in the low-risk group", "a nested observational
# cohort study", "This trial will be followed by a long-term observational study", "A Randomized Trial and
# Observational Follow-up Study", "Interventional and Observational Study", "patients who decline randomisation will
# be invited to join an observational cohort study", "this trial includes an observational study of untreated
# siblings", "this trial will be followed by an observational extension study", "participants of the observational
# study XYZ".
_BESIDE_BEFORE = re.compile(
    r"(?:(?:\b(?:and|with|plus)|&)\s+an?"
    r"|\b(?:trial|study|treatment|intervention|interventional)\s+(?:and|plus|&)(?:\s+an?)?"
    r"|\b(?:alongside|includ(?:es?|ing)|join(?:s|ing)?|enter(?:s|ing)?|into|(?:nested|embedded)\s+(?:in|within)"
    r"|followed\s+by|(?:patients|participants|subjects|people|individuals|members)\s+(?:of|from|in))"
    r"(?:\s+(?:an?|the))?"
    # "A nested observational cohort study will follow patients who decline randomization"; not "This is a nested
    # observational study", which is this study.
    r"|(?<!\bis\s)(?<!\bwas\s)(?<!\bbe\s)\b(?:an?|the)(?=\s+(?:nested|embedded|ancillary|companion)\s))\s+"
    r"(?:(?:separate|parallel|additional|prospective|companion|ongoing|nested|embedded|ancillary|long[\s-]term"
    r"|extended|subsequent|\d+[\s-](?:years?|months?))\s+){0,2}$", re.I)
# Each pattern with what, right before a match, makes it name a part of the study or a study beside it: an
# "open label" listed as one of the study's parts, an observational study joined to the trial.
_PART_BEFORE = {OPEN_LABEL: _LISTED_PART_BEFORE, OBSERVATIONAL: _BESIDE_BEFORE, RCT: _RCT_FOR_BEFORE,
                SINGLE_ARM: _SINGLE_ARM_PART_BEFORE}
# A term that names another trial, this study a part or a follow-up of it ("An Open-label Substudy of the Randomized
# ABC Trial", "Long-term follow-up of the double-blind XYZ trial").
_OF_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:sub-?study|ancillary\s+study|companion\s+study|add-on\s+study|follow-?up(?:\s+study)?|extension"
    r"(?:\s+study)?)\s+(?:of|to|within|from)\s+(?:the|a|an)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
# The same for the trial participants completed or came from ("subjects who completed the randomized,
# placebo-controlled Study 301", "following completion of the double-blind study CL-301", "interviews with participants
# of a randomized trial": a trial, not "the" one, which is often this study) or a trial planned ("data to plan a
# randomised trial"); with words (folded) one of which every match holds.
_FROM_OR_FOR_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:(?:completed|completing|finished|completion\s+of|participated\s+in|enrolled\s+in|rolled\s+over\s+from)"
    r"\s+(?:the|a|an)|plan(?:ning)?\s+an?|(?:participants|patients|subjects|individuals|people)\s+(?:of|from)\s+an?)"
    r"\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_FROM_OR_FOR_WORDS = ("complet", "finished", "participated", "enrolled", "rolled", "plan", "participants", "patients",
                      "subjects", "individuals", "people")
# The trial's noun a few words after such a term, not past words that lead back to this study ("completed the
# double-blind treatment period of this study").
_TRIAL_NAMED_AFTER = re.compile(
    r"(?:,?\s+(?!(?:of|in|within|this|our|present|current)\b)[\w-]+){0,4}?\s+(?:study|trial|protocol|rct)\b", re.I)
# What a study gives or goes through, named after "study" ("the double-blind study medication of study ABC-123"):
# "study" there is no trial's noun.
_STUDY_THINGS = (r"(?:medications?|drugs?|treatments?|therap(?:y|ies)|products?|agents?|interventions?|periods?"
                 r"|phases?|parts?|visits?|assignments?|regimens?|doses?)\b")
# A trial named as the one participants came from: by its code ("study CL-201"), its acronym ("the ABC trial"), or
# as the main, parent or core trial ("the double-blind medication of the main study", "who decline randomization in
# the main trial").
_NAMED_TRIAL = (r"(?:(?:study|trial|protocol)\s+(?=[\w-]*\d)[\w-]+"
                r"|(?-i:[A-Z][A-Z0-9-]+)\s+(?:study|trial)\b"
                r"|(?:main|parent|core|preceding|previous|prior|original|originating|feeder|lead-in|pivotal|antecedent)"
                r"\s+(?:study|trial|protocol)\b)")
# A term of a trial named a few words on ("randomized to the experimental arm of study CL-201", "patients randomized
# to placebo in the ABC trial", "the double-blind study medication of study ABC-123", "the randomized treatment of
# the parent study"): the trial participants came from. Not a term of this study's own noun ("A Randomized Substudy
# of the ABC Trial").
_IN_A_NAMED_TRIAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:sub-?)?(?:study|trial|design)\b(?!\s+" + _STUDY_THINGS + r"))[\w-]+){0,6}?\s+"
    r"(?:of|in|from|during)\s+(?:the\s+)?" + _NAMED_TRIAL, re.I)
# A term of a trial named by its code or acronym right after its noun, the trial spoken of as one participants were
# in, came from or go to ("In the double-blind study ABC-123, patients received drug X or placebo", "participants from
# the randomized PARADIGM trial", "may be eligible for the double-blind study ABC-456", "This open-label study follows
# the double-blind study ABC-123", "A single-arm study within the randomized ABC platform trial"): not this study.
_NAMED_AFTER_THE_BEFORE = re.compile(
    r"\b(?:in|within|from|of|after|during|following|into|than|since|for|to|with|follows?|continues?|extends?)\s+the\s+"
    r"(?:[\w-]+,?\s+){0,3}$", re.I)
# A code holds a digit ("ABC-123", "301"); an acronym is in capitals, which tell it from a word only in a text not
# written in capitals (a title in capitals: `_NUMBERED_NAMED_AFTER`, `_NUMBER_AFTER`).
_NUMBER = r"(?=[\w-]*\d)(?-i:[A-Z0-9])[\w-]*"
_CODE = rf"(?:{_NUMBER}|(?-i:[A-Z]{{2,}}[A-Z0-9-]*)\b)"
# The kind of trial an acronym may name ("the randomized ABC platform trial").
_KIND_OF_TRIAL = r"(?:platform|master|umbrella|basket|adaptive|pilot|main|core|parent|pivotal|registration)"
_CODE_NAMED_AFTER = re.compile(
    rf"(?:,?\s+[\w-]+){{0,3}}?\s+(?:(?:study|trial)\s+{_CODE}|(?-i:[A-Z][A-Z0-9-]+)\s+(?:{_KIND_OF_TRIAL}\s+)?"
    r"(?:study|trial)\b)", re.I)
_NUMBERED_NAMED_AFTER = re.compile(rf"(?:,?\s+[\w-]+){{0,3}}?\s+(?:study|trial)\s+{_NUMBER}", re.I)
# The same after a term that ends with the trial's noun ("the observational cohort study ABC").
_CODE_AFTER = re.compile(rf"\s+{_CODE}", re.I)
_NUMBER_AFTER = re.compile(rf"\s+{_NUMBER}", re.I)
# A term said of trials in general ("randomised controlled trials are the gold standard", "double-blind trials of
# drug X have shown benefit"): no claim on this study's design.
_TRIALS_IN_GENERAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:to|into|in|of|for|between|at|by|and|or)\b)[\w-]+){0,3}?,?\s+(?:trials|studies|rcts)\b", re.I)
# A trial's finding reported a few words on ("A recent double-blind trial found that ...", "A large observational
# study showed a benefit"): a trial done before, unless the sentence names this study before the term. The trial's
# noun comes first (not "patients randomized to drug X showed ..."), in the term or after it.
_REPORTED = (r"(?:,?\s+[\w()-]+){0,6}?\s+(?:found|showed|suggested|revealed|concluded|reported|demonstrated"
             r"|indicated|confirmed)\s+(?:that|an?|the|no|significant|improved|reduced|increased|decreased|better"
             r"|similar|benefit)\b")
_REPORTED_AFTER = re.compile(_REPORTED, re.I)
_TRIAL_REPORTED_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct)\b" + _REPORTED, re.I)
_ENDS_WITH_TRIAL = re.compile(r"\b(?:study|trial|rct)$", re.I)
# A trial supposed, not done ("A double-blind trial would be needed to confirm these findings", "a randomized trial is
# warranted"): no claim on this study's design, unless the sentence names this study before the term. A trial ("a",
# "another", "further"), not the one the record describes ("The double-blind study should last 12 weeks").
_SUPPOSED = (r"\s+(?:(?:would|could|might|should)\b"
             r"|(?:is|are|will\s+be)\s+(?:needed|required|warranted|necessary|justified)\b)")
_A_TRIAL_BEFORE = re.compile(r"\b(?:an?|another|further)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_SUPPOSED_AFTER = re.compile(_SUPPOSED, re.I)
_TRIAL_SUPPOSED_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,4}?\s+(?:study|trial|rct|design)\b" + _SUPPOSED, re.I)
# A trial to follow if this one succeeds ("If this pilot is successful, a double-blind trial will be conducted"): the
# sentence opens with the condition, and the term is of a trial ("a ... trial"), not of a part.
_IF_SUCCESSFUL_BEFORE = re.compile(
    r"^\s*(?:if|should|once|when)\s+(?:[\w-]+\s+){0,5}?(?:is|are|prove|proves|were|be)\s+(?:\w+\s+)?"
    r"(?:successful|positive|promising|effective|favou?rable|encouraging|feasible|confirmed)\b[^.;]*?\ban?\s+"
    r"(?:[\w-]+,?\s+){0,3}$", re.I)
_SUPPOSING_WORDS = ("would", "could", "might", "should", "needed", "required", "warranted", "necessary", "justified")
_THIS_STUDY_BEFORE = re.compile(r"\b(?:this|our|the\s+(?:present|current|proposed))\b", re.I)
# A design the study had before it was changed ("This study, initially double-blind, was amended to open label",
# "originally planned as a double-blind trial", "was initially double-blind"). Not the first part of the study
# ("participants will initially receive double-blind treatment").
_FORMERLY_BEFORE = re.compile(
    r"(?:\b(?:originally|initially|formerly|previously)\s+(?:planned|designed|registered|intended|conceived"
    r"|described|set\s+up)\s+(?:as|to\s+be)"
    r"|\b(?:was|were)\s+(?:originally|initially|formerly)|,\s*(?:originally|initially|formerly))"
    r"\s+(?:(?:a|an)\s+)?(?:[\w-]+,?\s+){0,2}$", re.I)
# A design the study weighs in a condition ("if randomization is feasible", "whether a double-blind design is
# possible"): no claim either way.
_CONDITION_BEFORE = re.compile(r"\b(?:whether|if)\s+(?:[\w-]+,?\s+){0,4}$", re.I)
_FEASIBLE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:is|are|would\s+be|will\s+be|proves?|becomes?|were)\s+"
    r"(?:feasible|possible|acceptable|practicable|practical|ethical|appropriate|safe)\b", re.I)
# An "open label" sentence about a later part of the study ("From week 24 the study will be open-label", "drug X
# will be given open label after unblinding"), or about the drugs given beside the masked ones ("Open-label rescue
# medication is allowed", "Background therapy with methotrexate, open label"), unless it names the study itself
# open label ("an open-label study").
_LATER_PART = re.compile(
    r"\b(?:from|after|beyond|following|starting\s+(?:at|from)|as\s+of)\s+(?:study\s+)?(?:week|month|day|visit|year"
    r"|cycle)s?\s+\d+"
    r"|\b(?:after|following|upon|once|on)\s+(?:the\s+)?(?:unblinding|database\s+lock|primary\s+(?:endpoint|analysis)"
    r"|study\s+completion|completion\s+of\s+(?:the\s+)?(?:study|trial|treatment))\b|\bthereafter\b"
    # "Drug X will be given open-label to all participants in the follow-up period"
    r"|\b(?:in|during)\s+the\s+(?:[\w-]+\s+){0,2}?(?:follow[\s-]?up|extension|post[\s-]?trial|long[\s-]?term"
    r"|maintenance)\s+(?:period|phase|part|stage|portion)\b", re.I)
_AFTER_COMPLETING_BEFORE = re.compile(
    r"\b(?:who|that)\s+(?:have\s+)?(?:complete[sd]?|finish(?:ed)?)\s+(?:the\s+)?(?:study|trial|treatment"
    r"|[\w-]*\s*(?:week|month)|double[\s-]*blind|blinded|core|main|randomi[sz]ed)\b", re.I)
_DRUGS_BESIDE = re.compile(
    r"\b(?:rescue|background|concomitant|standard[\s-]+of[\s-]+care|add-on|pre-?medication|co-?medication"
    r"|supportive)\b", re.I)
_NAMES_THE_STUDY_AFTER = re.compile(r"(?:,?\s+[\w-]+){0,3}?,?\s+(?:study|trial|design)\b", re.I)
# A design with a masked party that no "open label" text contradicts (PROBE designs and the like).
BLINDED_ASSESSMENT = re.compile(hyphens_wide(
    r"\b(?:assessor|evaluator|observer|rater|reader|endpoint|end-point|outcome)s?[\s-]+(?:blind|mask)"
    r"|\b(?:blind|mask)(?:ed|ing)?\s+(?:of\s+(?:the\s+)?)?(?:outcomes?\s+)?"
    r"(?:assessor|evaluator|observer|rater|reader|assessment|endpoint|end-point|evaluation)"
    r"|\b(?:assessors?|evaluators?|observers?|raters?|readers?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:are|is|were|was|will\s+be|remain|remains|kept)\s+(?:\w+\s+)?(?:blind|mask|unaware)"
    # Scans read by a blinded independent central review (BICR) in an open-label oncology trial.
    r"|\bBICR\b|\bblinded\s+independent\s+(?:central\s+)?(?:review|read|assessment|radiolog)"),
    re.I,
)
# An arm said to be blinded or masked ("Blinded active TMS coil"): the study has a masked part. Not a condition
# that is masked ("masked hypertension", "masked facies").
BLINDED_ARM = re.compile(r"\b(?:blinded|masked)\b(?!\s+(?:hypertension|facies|face|depression)\b)", re.I)
# The open-label wording (not "no masking") that fits a design masking only the outcomes assessor.
OPEN_LABEL_WORDS = re.compile(hyphens_wide(r"^open[\s-]*label"), re.I)
# The intervention each participant is assigned, as a text names what someone is masked to: "treatment allocation",
# "the assigned group", "study arm", "randomisation", "which treatment the patient received". Not a treatment's
# response or history, nor anything else ("the study hypothesis", "patient identity", "the index test result").
_ASSIGNMENT = (r"(?:the\s+|their\s+|each\s+|(?:patients?|participants?|subjects?)(?:'s?)?\s+)*"
               r"(?:(?:study|treatment|therapy|trial|group|intervention|randomi[sz]ed|randomi[sz]ation|allocated"
               r"|assigned|surgical)\s+){0,2}"
               r"(?:allocations?|assignments?|groups?|arms?|treatments?|interventions?|randomi[sz]ation"
               r"|(?:treatment|experimental|intervention)\s+conditions?"
               r"|(?:type|kind)\s+of\s+(?:intervention|treatment|surgery|surgical\s+\w+|procedure|technique|therapy"
               r"|an(?:a?e)sthe\w+|analgesi\w+|block|drug|medication|device|dressing|implant|graft|stent|approach"
               r"|exercise|program(?:me)?|diet|solution|fluid))\b"
               r"(?!\s+(?:response|outcome|effect|history|period|duration|plan|adherence|dose)s?\b)"
               r"|which\s+(?:[\w-]+\s+){0,2}?(?:group|treatment|arm|intervention|procedure|technique|therapy)\b")
# The people a record names when it says who assesses its outcomes.
_ASSESSORS = (r"(?:outcomes?[\s-]+)?(?:assessors?|evaluators?|raters?|examiners?|observers?|adjudicators?"
              r"|readers?)")
# The other people a record names as masked, each one of the registry's parties or staff who may be one
# (participants, investigators, care providers): "investigator-blinded", "Participants will be blinded", "a blinded
# physiotherapist".
_PEOPLE = (r"(?:participants?|patients?|subjects?|investigators?|care[\s-]*(?:givers?|providers?)|surgeons?"
           r"|physicians?|clinicians?|(?:physio)?therapists?|nurses?|radiologists?|pathologists?|sonographers?"
           r"|psychologists?|(?:research\s+)?assistants?|(?:study\s+)?staff|personnel)")
# Masked to the assigned intervention, said of whoever the words before name ("a physiotherapist blinded to group
# allocation", "Outcome assessors were not aware of group assignment", "Patients will not be aware of their group",
# "The patients and the evaluator will not know the group", "Parents don't know which treatment their child gets").
# Not knowing it only until it is told is the allocation's concealment, not masking ("staff and participants won't
# know the allocation until the research team informs them").
_MASKED_TO = (r"\b(?:(?:blind(?:ed)?|mask(?:ed)?|unaware|uninformed|not\s+(?:be\s+)?(?:made\s+)?aware)\s+"
              r"(?:to|of|as\s+to|regarding)\s+(?:" + _ASSIGNMENT + ")"
              r"|(?:(?:will|would|do|does|did|shall|should|must)\s+not|don'?t|doesn'?t|won'?t|cannot|can'?t)\s+know\s+"
              r"(?:" + _ASSIGNMENT + r")(?![^.;]{0,60}?\b(?:until|till|before|prior\s+to)\b))")
# Someone masked to the intervention each participant is assigned, which the registry's masking records: the
# outcome assessor above all, in an open-label trial ("assessor-blinded", "blinded outcome assessment", "Outcome
# assessors will be blinded to treatment allocation", "the evaluator is masked", "a Masked Endpoint Committee", "an
# individual blinded to intervention assignment will collect measures", "PROBE design", "Single (Outcomes
# Assessor)"), or another party ("investigator-blinded", "Participants will be blinded"). Only an assessor may be
# "blind" ("patients who are blind" are visually impaired). A blinded central review of scans is
# BLINDED_CENTRAL_REVIEW.
MASKED_PARTY = re.compile(hyphens_wide(
    _MASKED_TO + r"|\b" + _ASSESSORS + r"[\s-]+(?:blind(?:ed)?|masked)\b"
    r"|\b(?:patient|participant|subject|investigator)[\s-]+(?:blinded|masked)\b"
    r"|\b(?:blind(?:ed|ing)?|mask(?:ed|ing))\s+(?:of\s+(?:the\s+)?)?(?:(?:independent|outcomes?|endpoint|end[\s-]?point"
    r"|clinical|study|primary)\s+){0,2}(?:assessors?|evaluators?|observers?|raters?|examiners?|readers?"
    r"|adjudicat(?:ors?|ion)|assessments?|evaluations?|(?:end[\s-]?point|adjudication|events?)\s+committees?"
    r"|end[\s-]?points?)\b"
    r"|\b(?:blinded|masked)\s+(?:(?:independent|trained|study|outcome)\s+)?" + _PEOPLE + r"\b"
    r"|\b(?:" + _ASSESSORS + r"|(?:outcomes?\s+)?(?:assessments?|evaluations?))\s+"
    r"(?:(?!(?:not|never|no|cannot)\b)[\w-]+\s+){0,4}?(?:are|is|were|was|will\s+be|shall\s+be|remains?|kept)\s+"
    r"(?:(?!(?:not|never)\b)\w+\s+)?(?:blind(?:ed)?|masked|unaware)\b"
    r"|\b" + _PEOPLE + r"\s+(?:(?!(?:not|never|no|cannot)\b)[\w-]+\s+){0,4}?(?:are|is|were|was|will\s+be|shall\s+be"
    r"|remains?|kept)\s+(?:(?!(?:not|never)\b)\w+\s+)?(?:blinded|masked)\b"
    r"|\bsingle\s*\(\s*outcomes?\s+assessors?\s*\)"
    # "a PROBE design", "(PROBE) methodology"; not "the PROBE trial", which may be a trial's name.
    r"|(?-i:\bPROBE\b)\)?(?:[\s-]+trial)?[\s-]+(?:design|method(?:ology)?)\b"),
    re.I,
)
# What the masked assessor is masked to, said after the term: a term followed by "to" names it ("blinded outcome
# assessment (blinded to treatment allocation)", "assessor-blinded to patient identity"), alone or in a list
# ("blinded to clinical information and treatment assignment").
_MASKED_TO_AFTER = re.compile(hyphens_wide(r"\s*,?\s*\(?\s*(?:(?:blind(?:ed)?|masked)\s+)?(?:to|as\s+to)\s+"), re.I)
_UNAWARE_OF_AFTER = re.compile(r"\s*(?:of|as\s+to|regarding)\s+", re.I)
_ASSIGNMENT_AT = re.compile(r"(?:(?:[\w'-]+,?\s+){0,6}?(?:and|or|as\s+well\s+as)\s+(?:to\s+|of\s+)?)?(?:"
                            + _ASSIGNMENT + ")", re.I)
_MASKED_TO_ASSIGNMENT = re.compile(_MASKED_TO, re.I)
# Sight lost to an illness ("patients who were blinded by their disease"): no masking.
_SIGHT_LOST_AFTER = re.compile(
    r"\s+(?:by|from|due\s+to|as\s+a\s+result\s+of)\s+(?:(?:their|his|her|the|an?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:diseases?|injur(?:y|ies)|trauma|conditions?|illness|accidents?|glaucoma|retinopathy|degeneration|strokes?"
    r"|infections?)\b", re.I)
# A face mask worn ("Subjects will be masked with surgical masks"): no masking.
_MASK_WORN_AFTER = re.compile(r"\s+(?:with|using|wearing)\s+(?:an?\s+|the\s+|their\s+)?(?:(?:surgical|face|medical"
                              r"|n95|ffp2|cloth|protective)\s+)*(?:face\s*)?masks?\b", re.I)
# Words before a term that say no one will try to mask ("No attempt will be made to blind outcome assessors").
_NO_ATTEMPT_BEFORE = re.compile(r"\b(?:no\s+(?:attempts?|efforts?)|not\s+(?:attempt|try|plan)\w*)\b[^.;]{0,40}"
                                r"\bto\s+$", re.I)
# A claim that opens with one of the people (not an assessor): whose masking counts only when the words before
# name no party the registry does not record ("Laboratory staff will be blinded").
_PEOPLE_FIRST = re.compile(r"(?:blinded\s+|masked\s+)?(?:(?:independent|trained|study|outcome)\s+)?" + _PEOPLE
                           + r"\b|(?:patient|participant|subject|investigator)\b", re.I)
# Parties the registry's masking does not record, and work that no party of it does: "the statistician will be
# blinded to group allocation", "the sponsor will remain blinded to treatment assignment", "data will be analysed
# blinded to group", "the Data Monitoring Committee", "the central laboratory".
_UNRECORDED_PARTY = re.compile(
    r"\b(?:sponsors?|(?:bio)?statisticians?|analysts?|analy[sz](?:ed|ing|es|is)|statistical|data\s+(?:managers?"
    r"|management|monitoring|safety)|monitors?|(?-i:DSMBs?|DMCs?|IDMCs?|DSMCs?)|steering\s+committee"
    r"|laborator(?:y|ies)|labs?)\b", re.I)
# Parties it records, or people of the study who may be one of them (a generic person who collects measures).
_RECORDED_PARTY = re.compile(
    r"\b(?:participants?|patients?|subjects?|volunteers?|children|parents?|families|care[\s-]?givers?"
    r"|care[\s-]+providers?|investigators?|assessors?|evaluators?|raters?|examiners?|observers?|readers?"
    r"|[a-z]+ologists?|[a-z]*graphers?|physicians?|doctors?|clinicians?|surgeons?|nurses?|(?:physio)?therapists?"
    r"|dentists?|endoscopists?|anaesthetists?|assistants?|staff|personnel|team|researchers?|interviewers?"
    r"|collectors?|technicians?|adjudicators?|committees?|panel|individuals?|persons?|everyone|outcomes?)\b", re.I)
# The clause before a term: from the last semicolon, colon or "but" before it.
_CLAUSE_START = re.compile(r".*(?:[;:]|\bbut\b|\bwhereas\b|\bhowever\b)", re.I | re.S)
# A part of the study, or a group within it, that the sentence speaks of ("blinded outcome assessment in a
# sub-study", "Part B", "a subgroup of participants"): the masking is set for the study's main comparison.
_ANOTHER_PART = re.compile(
    r"\b(?:sub-?stud(?:y|ies)|ancillary\s+stud|companion\s+stud|nested\s+stud|sub-?samples?|sub-?sets?"
    r"|sub-?groups?|(?:pilot|extension|follow-?up|lead-in|run-in)\s+(?:phase|period|part|stage)"
    r"|(?:part|stage|cohort)\s+(?:[A-D1-4]|one|two|three|II?I?)\b)", re.I)
# Scans or responses read by a blinded independent central review (BICR, BIRC): the shape open-label oncology
# trials take, which sponsors register as masking NONE far more often than as Single (Outcomes Assessor).
BLINDED_CENTRAL_REVIEW = re.compile(hyphens_wide(
    r"\b(?-i:BICR|BIRC)\b|\bblinded[\s-]+independent[\s-]+(?:central[\s-]+)?(?:review|read|assessment|radiolog"
    r"|committee|panel|evaluation|imaging)|\bblinded[\s-]+central[\s-]+(?:review|read|imaging|radiolog)"), re.I)


def masked_party_named(claim: Claim) -> bool:
    """Whether a MASKED_PARTY claim names someone the registry's masking records, masked to the intervention each
    participant is assigned: a term masked "to" something else ("assessor-blinded to patient identity") names no
    such masking; "blinded to treatment allocation" counts only after a recorded party ("outcome assessors", "a
    research assistant") and none it does not record ("the statistician", "the sponsor", "the laboratory"), and
    people other than an assessor ("staff will be blinded") only after no party it does not record, nor when they
    wear face masks ("masked with surgical masks"). A term after "No attempt will be made to" names nobody masked."""
    text = claim.source.text
    phrase = claim.phrase
    s_start, _ = sentence_at(text, claim.start)
    clause = text[max(s_start, claim.start - _PARTY_REACH):claim.start]
    cut = _CLAUSE_START.match(clause)
    clause = clause[cut.end():] if cut else clause
    if _NO_ATTEMPT_BEFORE.search(clause):
        return False
    if _MASKED_TO_ASSIGNMENT.fullmatch(phrase):
        return _RECORDED_PARTY.search(clause) is not None and _UNRECORDED_PARTY.search(clause) is None
    if _PEOPLE_FIRST.match(phrase) and (_UNRECORDED_PARTY.search(clause) or _SIGHT_LOST_AFTER.match(text, claim.end)
                                        or _MASK_WORN_AFTER.match(text, claim.end)):
        return False
    # A term ("assessor-blinded", "blinded outcome assessment"), masked to the assignment unless it says otherwise.
    to = (_UNAWARE_OF_AFTER if phrase.lower().endswith("unaware") else _MASKED_TO_AFTER).match(text, claim.end)
    return to is None or _ASSIGNMENT_AT.match(text, to.end()) is not None


# How far before "blinded to ..." the party it is said of is looked for.
_PARTY_REACH = 160


def outside_the_main_comparison(claim: Claim) -> bool:
    """Whether the claim's sentence speaks of a part of the study or a group within it (a sub-study, Part B, a
    subgroup), whose masking the study's masking, set for its main comparison, need not give; of trials in general
    ("Blinded outcome assessment reduces bias in surgical trials"); or denies the term later in its clause
    ("Blinded independent central review of images is not planned")."""
    text = claim.source.text
    s_start, s_end = sentence_at(text, claim.start)
    if _ANOTHER_PART.search(text, s_start, s_end) or _DENIED_LATER.match(text, claim.end, s_end):
        return True
    return _TRIALS_IN_GENERAL.search(text, s_start, s_end) is not None and not _THIS_STUDY_BEFORE.search(
        text, s_start, s_end)


# Trials in the plural, which a sentence that does not name this study speaks of in general.
_TRIALS_IN_GENERAL = re.compile(r"\b(?:trials|studies|rcts)\b", re.I)
# A denial a few words after a term, in its clause: "... of images is not planned", "... will not be possible", "...
# was not deemed necessary", "... is therefore unnecessary", "... will not be collected".
_DENIED_LATER = re.compile(
    r"[^.;,]{0,60}?\b(?:(?:(?:is|are|was|were|will|would|could|can)\s+not|cannot)(?:\s+be)?"
    r"(?:\s+(?:deemed|considered|judged|thought))?\s+"
    r"(?:planned|possible|feasible|performed|used|done|applicable|available|conducted|required|needed|necessary"
    r"|collected|obtained|implemented|undertaken)"
    r"|(?:is|are|was|were|will\s+be|would\s+be)\s+(?:(?:deemed|considered|judged|thought|therefore|thus)\s+)?"
    r"(?:impossible|unnecessary|infeasible|unfeasible|impractical)"
    r"|(?:was|were)\s+considered\s+but\s+(?:rejected|not))\b",
    re.I)
# Words every match of a pattern contains (lower case): a text without any of them is not scanned,
# which spares the pattern's slow case-insensitive search on most texts.
NEEDLES = {
    BLINDED: ("blind", "mask", "dumm", "db"),
    OPEN_LABEL: ("open", "mask", "blind"),
    RANDOMIZED: ("random",),
    RANDOMIZING: ("random",),
    RCT: ("rct",),
    SINGLE_ARM: ("single",),
    OBSERVATIONAL: ("observational", "interventional"),
    BLINDED_ASSESSMENT: ("blind", "mask", "unaware", "bicr"),
    BLINDED_ARM: ("blind", "mask"),
    MASKED_PARTY: ("blind", "mask", "aware", "uninformed", "assessor", "probe", "know"),
    BLINDED_CENTRAL_REVIEW: ("bicr", "birc", "blind"),
}
# Every needle word: a text without any of them (folded) has no match of any of the patterns above.
NEEDLE_WORDS = tuple(dict.fromkeys(word for needles in NEEDLES.values() for word in needles))
# Where every match of a pattern starts: at one of the words (lower case) or up to `reach`
# characters before one ("non-randomized"); each entry with the words one of which its matches
# also hold (no anchor needed in a text without them). A pattern is tried at those places of the
# text's folded form (`folded`) only instead of at every character.
ANCHORS = {
    BLINDED: ((("single", "double", "triple", "quadruple"), 0, ("blind", "mask", "dummy")),
              (("placebo",), 0, ("blinded",)), (("blinded",), 0, ()), (("db",), 1, ())),
    OPEN_LABEL: ((("open",), 0, ("label", "study", "trial")),
                 (("no",), 0, ("masking", "blinding", "blinded", "masked")),
                 (("without",), 0, ("masking", "blinding")), (("study", "trial"), 0, ("blinded", "masked")),
                 (("blinded", "masked"), 3, ("un",))),
    RANDOMIZED: ((("random",), 4, ()), (("quasi",), 0, ("random",))),
    RANDOMIZING: ((("random",), 0, ()), (("at",), 0, ("random",))),
    RCT: ((("rct",), 0, ()),),
    SINGLE_ARM: ((("single",), 0, ("arm", "group", "cohort")),),
    OBSERVATIONAL: ((("observational",), 0, ()), (("non",), 0, ("interventional",))),
    MASKED_PARTY: ((("blind", "mask", "unaware", "uninformed", "outcome", "assess", "evaluat", "rater", "examiner",
                     "observer", "adjudicat", "reader", "single", "probe"), 0, ()),
                   (("participant", "patient", "subject", "investigator", "care", "surgeon", "physician", "clinician",
                     "therapist", "physio", "nurse", "radiologist", "pathologist", "sonographer", "psychologist",
                     "assistant", "research", "staff", "study", "personnel"), 0, ("blinded", "masked")),
                   (("not",), 0, ("aware",)),
                   (("know",), 12, ())),
    BLINDED_CENTRAL_REVIEW: ((("bicr", "birc", "blinded"), 0, ()),),
}
# The same tables keyed by (pattern text, flags), which hash at the cost of a string.
_NEEDLES_BY_KEY = {(p.pattern, p.flags): needles for p, needles in NEEDLES.items()}
_ANCHORS_BY_KEY = {(p.pattern, p.flags): anchors for p, anchors in ANCHORS.items()}
_PART_BEFORE_BY_KEY = {(p.pattern, p.flags): before for p, before in _PART_BEFORE.items()}
_OPEN_LABEL_KEY = (OPEN_LABEL.pattern, OPEN_LABEL.flags)


def screened(pattern: re.Pattern, needles: tuple[str, ...], anchors: tuple | None = None) -> re.Pattern:
    """The pattern of another module, with the words every one of its matches holds once folded declared as
    NEEDLES declares them here (`claims` skips a text that holds none of them), and where its matches start as
    ANCHORS does (it is tried there only). The pattern itself, for use where it is defined."""
    _NEEDLES_BY_KEY[(pattern.pattern, pattern.flags)] = needles
    if anchors is not None:
        _ANCHORS_BY_KEY[(pattern.pattern, pattern.flags)] = anchors
    return pattern


@dataclass(frozen=True)
class Claim:
    """A phrase in one text field; `negated` when the text denies it ("not randomized")."""

    source: StudyText
    start: int
    end: int
    negated: bool

    @property
    def phrase(self) -> str:
        """The matched words."""
        return self.source.text[self.start:self.end]


# Every sentence end starts just after one of .!?; or at a line break: the end pattern is tried there only.
_BREAK_CHARS = re.compile(r"[.!?;\n]")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences and list items of a text."""
    start = 0
    for m in _sentence_ends(text, 0):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _sentence_ends(text: str, since: int) -> Iterator[re.Match]:
    """The sentence ends of the text from offset `since` on, in order."""
    tried = since  # the first position not yet tried for a sentence end
    for c in _BREAK_CHARS.finditer(text, since):
        at = c.start() if c.group() == "\n" else c.end()
        if at < tried:
            continue
        m = _SENTENCE_END.match(text, at)
        tried = max(at + 1, m.end()) if m else at + 1
        if m:
            yield m


def claims(sources: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """Every match of `pattern` in sentences about this study, marked negated or not."""
    needles = _NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    return [claim for source in sources if _may_mention(source, needles) for claim in claims_in(source, pattern)]


def claims_in(source: StudyText, pattern: re.Pattern) -> list[Claim]:
    """The claims of one text, found once per text and pattern (several rules ask for the same; do not change it)."""
    key = (pattern.pattern, pattern.flags)  # hashing a compiled pattern hashes all its code, every time
    known = source.memo.get(key)
    if known is None:
        known = source.memo[key] = _find_claims(source, pattern)
    return known


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the sentence of `sentences(text)` that holds offset `at` (the last one starting at
    or before it), found by splitting the text around `at` only.

    Exact: a sentence end takes whitespace and list bullets only, so none spans a letter or digit, and
    splitting from just after one finds every sentence end the whole text's splitting finds from there on.
    """
    reach = _REACH
    while True:
        since = max(0, at - reach)
        while since and not text[since - 1].isalnum():
            since -= 1
        start, end = (0 if not since else None), len(text)
        for m in _sentence_ends(text, since):
            if m.end() > at:
                end = m.start()
                break
            start = m.end()
        if start is not None:
            return start, end
        reach *= 4  # no sentence end between `since` and `at`: look further back


# How far before an offset `sentence_at` first looks for the end of the sentence before it (a few sentences).
_REACH = 256


def _about_this_study(source: StudyText, s_start: int, s_end: int) -> bool:
    """Whether the sentence source.text[s_start:s_end] speaks of this study, judged once per sentence."""
    verdicts = source.memo.get(about_this_study)
    if verdicts is None:
        verdicts = source.memo[about_this_study] = {}
    verdict = verdicts.get(s_start)
    if verdict is None:
        sentence = ascii_hyphens(source.text[s_start:s_end])
        verdict = verdicts[s_start] = about_this_study(sentence, source.narrative) or bool(
            source.narrative and (_DESIGN_HEADING.match(sentence) or _PARTS_OPENING.match(sentence)
                                  or _opens_with_the_study(source, sentence, s_start)
                                  or _opens_with_a_part(source, sentence, s_start)
                                  or _opens_with_the_named_study(source, sentence, s_start))
            and other_study(sentence) is None) or we_conduct_it(sentence) or _in_a_study_to_come(sentence)
    return verdict


# The investigators saying they run the study the record describes ("We will conduct a randomized trial of drug X",
# "The investigators will conduct a double-blind study", "We are conducting a randomised trial", "We propose to
# conduct a randomised trial comparing A and B", a grant's summary of the study it funds): a trial "to conduct"
# is read as one to prepare (checks.study_context OTHER_STUDY), but here the subject is the investigators and the time
# now. Not a trial to follow ("If feasible, we will then conduct a randomized trial"), nor where the sentence names a
# second study ("We will conduct a pilot study to inform a randomized trial").
_WE_CONDUCT = re.compile(
    r"\b(?:we|the\s+(?:investigators|researchers|study\s+team|research\s+team))\s+(?:will|shall"
    r"|are(?:\s+going\s+to)?|plan\s+to|intend\s+to|aim\s+to|propose\s+to)\s+"
    r"(?:conduct|perform|carry\s+out|run|undertake)(?:ing)?"
    r"\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,4}?(?:study|trial)\b", re.I)
_CONDUCT_WORDS = ("conduct", "perform", "carry", "run", "undertak")
_STUDY_NOUN = re.compile(r"\b(?:stud(?:y|ies)|trials?|rcts?|protocols?|pilots?|sub-?stud(?:y|ies))\b", re.I)
_TO_PREPARE = dict(OTHER_STUDY)["a study to prepare"]
# Words that put the trial after this one, or make it one supposed ("then", "next", "if", "once", "later").
_LATER_OR_SUPPOSED = re.compile(r"\b(?:if|once|when|whether|should|unless|after|afterwards|then|next|subsequent(?:ly)?"
                                r"|later|eventual(?:ly)?|future|upcoming|further|larger|definitive)\b", re.I)


def we_conduct_it(sentence: str) -> bool:
    """Whether the sentence says the investigators conduct this study ("We will conduct a randomized trial") and
    points at no other study: it names no study (nor a pilot) but the one it conducts, its only other-study reading is
    that trial, and nothing puts the trial later."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _CONDUCT_WORDS) or _LATER_OR_SUPPOSED.search(sentence):
        return False
    ours = [m.span() for m in _WE_CONDUCT.finditer(sentence)]
    if not ours or any(not any(start <= m.start() < end for start, end in ours)
                       for m in _STUDY_NOUN.finditer(sentence)):
        return False
    if any(name != "a study to prepare" and pattern.search(sentence) for name, pattern in OTHER_STUDY):
        return False
    return all(any(start <= m.start() < end for start, end in ours) for m in _TO_PREPARE.finditer(sentence))


def _opens_with_the_study(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by saying what "the study" is or will be, names no other study after
    that, and follows no sentence that points at another study (`_THE_STUDY_IS_OPENING`)."""
    opening = _THE_STUDY_IS_OPENING.match(sentence)
    return opening is not None and _NAMES_A_STUDY.search(sentence, opening.end()) is None and \
        not _after_another_study(source, s_start)


def _after_another_study(source: StudyText, s_start: int) -> bool:
    """Whether the sentence before the one at `s_start` points at another study ("Smith et al. reported ...",
    "A previous trial randomised 200 patients."): "the study" that follows may be that one."""
    if not source.text[:s_start].strip():
        return False
    p_start, p_end = sentence_at(source.text, s_start - 1)
    return other_study(source.text[p_start:p_end]) is not None


# A narrative's sentence headed as the study's design ("DESIGN: Prospective, randomized, single-blinded study."):
# about this study unless it points at another.
_DESIGN_HEADING = re.compile(r"\s*(?:(?:study|trial)\s+)?design\s*[:\u2013-]", re.I)
# A part of a study by its noun; not a trial's phase ("a phase 2 study").
_PART_NOUN = r"(?:period|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|part|stage|segment|epoch|portion)"
# A narrative's sentence that opens by listing the study's parts ("The study consists of a 12-week double-blind period
# and an open-label extension", "The trial is divided into three periods"): about this study unless it points at
# another.
_PARTS_OPENING = re.compile(
    r"\s*the\s+(?:study|trial)\s+(?:will\s+)?(?:consists?\s+of|comprises?|(?:is|will\s+be)\s+(?:divided|split"
    r"|composed|made\s+up)\s+(?:in|into|of)|(?:has|have|includes?)\s+(?:two|three|four|five|[2-5])\s+"
    r"(?:[\w-]+\s+)?(?:periods|phases|parts|stages|segments)"
    # One part named with its design ("The study includes a 24-week double-blind phase and a 52-week open-label
    # extension", "The trial has a double-blind period followed by ...").
    r"|(?:has|have|includes?|contains?)\s+an?\s+(?:[\w,-]+\s+){0,4}?" + _PART_NOUN + r")\b", re.I)


# A narrative's sentence that opens by saying what the study is or will be ("The study is not randomised.", "The trial
# will not be randomized", "The study is double-blind", "- The study is not blinded", "The trial is not masked"): the
# record's own study, as "This study is" would be, unless it names another study after the opening, or it or the
# sentence before it points at another ("Smith et al. reported ... The study is"; `_after_another_study`). Not the
# past tense ("A previous trial was published. The study was not randomised."), which often goes on about a trial
# the text has cited.
_THE_STUDY_IS_OPENING = re.compile(r"\s*(?:[-*\u2022]\s*)?the\s+(?:study|trial)\s+(?:is|will(?:\s+not)?\s+be)\b", re.I)
# A study, trial, protocol, cohort or registry named after that opening ("The study is ancillary to a double-blind
# trial of drug X", "The study is linked to a randomized controlled trial"): the sentence may speak of that one.
_NAMES_A_STUDY = re.compile(r"\b(?:stud(?:y|ies)|trials?|protocols?|rcts?|cohorts?|registr(?:y|ies))\b", re.I)


# The design words a study or one of its parts is named with ("a blinded, randomized, controlled study", "a 12-week
# double-blind, placebo-controlled treatment period").
_DESIGN_NAMING = hyphens_wide(
    r"(?:" + _DESIGN_WORDS_BETWEEN + r"|(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?)|blinded"
    r"|masked|open[\s-]*label(?:l?ed)?|\d+[\s-]*(?:days?|weeks?|months?|years?))")
# A narrative's sentence that opens by naming a part of the study with its design, as a title's design words do
# ("Double-blind treatment period of 12 weeks followed by an open extension.", "A 24-week double-blind,
# placebo-controlled phase, then a 52-week open-label extension", "- 12-week randomised treatment period"): about this
# study, unless it points at another study, follows a sentence that does, speaks of the part in the past ("The
# double-blind phase was completed in 2019") or of this study as what follows the part ("The double-blind period is
# followed by this open-label extension": an extension's parent study).
_PART_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:(?:an?|the)\s+)?(?:" + _DESIGN_NAMING + r",?\s+(?:and\s+)?){1,5}"
    r"(?:(?:treatment|therapy|dosing|core|main|efficacy|intervention)\s+)?" + _PART_NOUN + r"\b", re.I)
_PART_IN_THE_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.I)
_THIS_STUDY_FOLLOWS = re.compile(
    r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,3}?(?:extension|roll-?over|continuation|follow-?up)\b",
    re.I)
# The words of _PART_OPENING's design one of which its match holds (folded).
_PART_DESIGN_WORDS = ("blind", "mask", "random", "controlled", "label")


def _opens_with_a_part(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by naming a blinded, randomized or controlled part of the study
    (`_PART_OPENING`), in the present or future, not followed by this study as its extension, and follows no
    sentence that points at another study."""
    opening = _PART_OPENING.match(sentence)
    return opening is not None and any(word in opening.group().lower() for word in _PART_DESIGN_WORDS) \
        and not _PART_IN_THE_PAST.search(sentence) and not _THIS_STUDY_FOLLOWS.search(sentence) \
        and not _after_another_study(source, s_start)


# A narrative's sentence that opens by saying what a study, named by its acronym or code and its noun, is or will be
# ("The BEL-LIFT (effect of Bempedoic acid on Liver fat content) trial is an investigator initiated, open label,
# randomized clinical study", "The PROTECT-2 study will be a double-blind trial"), as "BARI-SS is a randomized trial"
# does (checks.study_context): about this study unless it points at another, or follows a sentence that does. Not
# another trial named so ("Another Phase 3 trial is a ...", "A previous ABC trial is ..."), nor in the past ("The
# ABC trial was a double-blind trial"), which often describes a trial the text cites.
_NAME_WORD = r"(?!(?:another|an?|one|each|every|any|no|some|that|those|these|such|previous|prior|earlier|parent)\b)" \
             r"(?-i:(?=[\w-]*[A-Z0-9])[\w-]+)"
_NAMED_STUDY_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:the\s+)?(?:" + _NAME_WORD + r"\s+){1,3}(?:\([^()]{1,120}\)\s+)?(?:study|trial)\s+"
    r"(?:is|will\s+be)\s+(?:(?:designed|conducted|planned)\s+as\s+)?an?\s+(?:[\w,()/-]+\s+){0,12}?"
    r"(?:study|trial|rct)\b", re.I)


def _opens_with_the_named_study(source: StudyText, sentence: str, s_start: int) -> bool:
    """Whether a narrative's sentence opens by saying what a study named by its acronym is or will be
    (`_NAMED_STUDY_OPENING`) and follows no sentence that points at another study."""
    return _NAMED_STUDY_OPENING.match(sentence) is not None and not _after_another_study(source, s_start)


# A sentence that opens by placing what participants will do in a study of a design ("In a blinded, randomized,
# controlled study, current smokers motivated to quit will use an app for 8 weeks", "In a randomised, double-blind
# trial, 120 patients will receive drug X or placebo"): this study, which the future tense makes the one to be run.
# Not a study reported ("In a randomized study, smokers quit more often"), one cited or done before ("In a previous
# randomized study, ...", "In a randomized study by Smith et al., ..."), nor one to come ("In a future randomized
# trial, patients will ...").
_IN_A_STUDY_WILL = re.compile(
    r"\s*in\s+an?\s+(?:" + _DESIGN_NAMING + r",?\s+(?:and\s+)?){1,6}(?:study|trial|rct)\s*,\s*"
    r"(?:[\w'-]+\s+){1,10}?(?:will|shall)\s+(?!be\s+(?:needed|required|warranted|necessary)\b)", re.I)
_A_STUDY_ELSEWHERE = "a study elsewhere"


def _in_a_study_to_come(sentence: str) -> bool:
    """Whether the sentence opens by saying what participants will do in a study of a design (`_IN_A_STUDY_WILL`)
    and points at no other study but by that opening "In a ... study"."""
    if sentence.lstrip()[:3].lower() != "in " or _IN_A_STUDY_WILL.match(sentence) is None:
        return False
    return all(name == _A_STUDY_ELSEWHERE or not pattern.search(sentence) for name, pattern in OTHER_STUDY)


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


# The characters a case-insensitive pattern reads as an ASCII letter that str.lower does not turn into
# it (checks.study_context.CASE_FOLDS); str.lower turns no other character into more or fewer than one
# (tests/checks/test_design_text_phrases.py checks both over all of Unicode).
_UNLOWERED = re.compile("[" + "".join(map(chr, CASE_FOLDS)) + "]")


_UNLOWERED_CHARS = tuple(map(chr, CASE_FOLDS))


def _unlowered_in(text: str) -> bool:
    """Whether `_UNLOWERED` finds a character in the text (three one-character searches, faster than the class)."""
    for char in _UNLOWERED_CHARS:
        if char in text:
            return True
    return False


def folded(source: StudyText) -> str | None:
    """The text lower-cased so that each character stays at its offset and becomes the ASCII letter a
    case-insensitive pattern matches it to, if any: ASCII text's `lowered`; None if that cannot be."""
    text = source.text
    if text.isascii():
        return source.lowered
    known = source.memo.get("folded")
    if known is None:
        known = folded_text(text) if _unlowered_in(text) else source.lowered
        known = source.memo["folded"] = known if len(known) == len(text) else ""
    return known or None


def matches(source: StudyText, pattern: re.Pattern) -> list[re.Match]:
    """The matches `pattern.finditer` gives on the text, found by trying the pattern at its anchors only.

    Exact on any text: an anchor word is looked for in the folded text, where every character a match
    reads as one of the word's letters is that letter, at the same offset.
    """
    anchors = _ANCHORS_BY_KEY.get((pattern.pattern, pattern.flags))
    lowered = folded(source) if anchors is not None else None
    if lowered is None:
        return list(pattern.finditer(source.text))
    starts = set()
    for words, reach, held in anchors:
        if not held or _mentions_any(lowered, held):
            places = [at for word in words for at in _occurrences(lowered, word)]
            starts.update(max(0, at - k) for at in places for k in range(reach + 1))
    found, tried = [], 0  # `tried`: the first position not yet tried
    for at in sorted(starts):
        if at >= tried:
            m = pattern.match(source.text, at)
            tried = m.end() if m else at + 1
            if m:
                found.append(m)
    return found


def _mentions_any(lowered: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in lowered:
            return True
    return False


def _find_claims(source: StudyText, pattern: re.Pattern) -> list[Claim]:
    return [Claim(source, m.start(), m.end(), negated) for m, s_start, s_end, negated, own in _phrases(source, pattern)
            if own or _about_this_study(source, s_start, s_end)]


def _phrases(source: StudyText, pattern: re.Pattern) -> Iterator[tuple[re.Match, int, int, bool, bool]]:
    """(match, sentence start, sentence end, negated, own) for each match of the pattern inside one sentence, in
    order, found as they are asked for: a claim is such a match whose sentence is about this study, or that names
    this study (`own`: "this double-blind extension")."""
    if not _may_mention(source, _NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))):
        return  # most texts never mention the phrase: no sentence work at all
    text = source.text
    key = (pattern.pattern, pattern.flags)
    part_before = _PART_BEFORE_BY_KEY.get(key)
    lowered = folded(source)  # at the text's offsets, or None
    for m in matches(source, pattern):  # only the sentences holding a match are split off
        s_start, s_end = sentence_at(text, m.start())
        if m.end() > s_end:  # a phrase spanning a sentence end is no claim
            continue
        sentence = text[s_start:s_end]
        local = m.start() - s_start
        if part_before is not None and part_before.search(sentence, 0, local):
            continue
        folded_sentence = lowered and lowered[s_start:s_end]
        own = _named_this_study(sentence, local, folded_sentence) or _leads_the_title(
            source, sentence, local, m.end() - s_start)
        if not own and _not_of_this_design(sentence, local, m.end() - s_start, folded_sentence):
            continue
        if key == _OPEN_LABEL_KEY and _open_label_of_another_part(sentence, local, m.end() - s_start):
            continue
        if not own and _cited_title(text, s_start, s_end):
            continue
        inner = pattern.match(sentence, local)
        negated = bool(inner and inner.lastindex and inner.group(1)) or bool(
            _NEGATION_BEFORE.search(sentence[:local])) or bool(
            _NEGATION_AFTER.match(sentence, local + m.end() - m.start()))
        yield m, s_start, s_end, negated, own


# A cited article's title, as a reference gives it: the journal, year, volume and pages right after it ("A randomized
# double-blind trial of drug X. N Engl J Med 2010;362:123-30", "... J Clin Oncol. 2010 May 1;28(13):2137-43", "...
# doi:10.1056/..."), or, after its authors' "et al.", the journal and year alone ("Smith J, et al. A double-blind
# trial of drug X. Lancet 2010."). The title speaks of the cited trial, not of this one.
_JOURNAL = r"\s*(?:[A-Z][A-Za-z&'-]*\.?,?\s+){1,8}\(?(?:19|20)\d{2}\)?"
_CITATION_AFTER = re.compile(
    _JOURNAL + r"(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*[;,]\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[eE]?\d+"
    r"|\s*(?i:doi|pmid)\s*:")
_JOURNAL_YEAR_AFTER = re.compile(_JOURNAL + r"\s*[.;]?\s*(?:$|[\n)\]])")
_ET_AL_BEFORE = re.compile(r"\bet\.?\s+al\.?[,;]?\s*$", re.I)
# How far before a sentence its authors' "et al." may stand (their list ends right before the title).
_AUTHORS_REACH = 12


def _cited_title(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] is the title of an article a reference cites: a journal's year,
    volume and pages follow it, or its authors' "et al." stands right before it and a journal and year follow."""
    if _CITATION_AFTER.match(text, end):
        return True
    return bool(_ET_AL_BEFORE.search(text, max(0, start - _AUTHORS_REACH), start)
                and _JOURNAL_YEAR_AFTER.match(text, end))


# The words that may stand between "this" and a design term of this study ("this 52-week, randomized, double-blind
# extension", "This is a phase 3, multicenter, double-blind study"): numbers, hyphenated words and design words.
_DESIGN_FILLER = hyphens_wide(
    rf"(?:\d[\w{HYPHENS}]*|[a-z]+[\s-]?(?:week|month|year|day)|[a-z]+[{HYPHENS}][\w{HYPHENS}]+"
    r"|phase|i{1,3}|iv|randomi[sz]ed|controlled|blinded|masked|prospective|multi-?cent(?:er|re|ric)"
    r"|multi-?national|international|pilot|exploratory|parallel|cross-?over|open|label|single|double|triple"
    r"|blind|extension|clinical|interventional|placebo|active|sham|comparative)")
# A term that qualifies this study by name ("This double-blind extension study", "In this randomized extension",
# "This is a randomized, double-blind, placebo-controlled extension of study ABC-123"): this study's design, though
# the sentence names the study participants came from.
_THIS_STUDY_NAMED_BEFORE = re.compile(
    rf"(?:\b(?:this|the\s+present|the\s+current|our)|^\s*this\s+(?:(?:study|trial|extension)\s+)?"
    rf"(?:is|was|will\s+be)\s+(?:a|an))\s+(?:{_DESIGN_FILLER},?\s+(?:and\s+)?){{0,5}}$", re.I)
_THIS_WORDS = ("this", "present", "current", "our")


def _named_this_study(sentence: str, start: int, lowered: str | None) -> bool:
    """Whether the term at sentence[start:] qualifies this study by name ("this double-blind extension") or says
    participants are randomized again ("re-randomized"), which makes it this study's design whatever other trial the
    sentence names."""
    if _AGAIN_BEFORE.search(sentence, max(0, start - 4), start):
        return True
    near = max(0, start - _BEFORE_REACH)
    if lowered is not None and not _holds_any(lowered[near:start], _THIS_WORDS):
        return False
    return _THIS_STUDY_NAMED_BEFORE.search(sentence, near, start) is not None


# Where a study gives its name: a design term leading a title is this study's own design.
TITLE_FIELDS = ("studies.official_title", "studies.brief_title")
# Words that are no design word of the title's study: what ties a term to something else ("of", "for", "vs", "in"),
# and the words that name a study participants came from ("Former Open-label Study Participants").
_NOT_THE_TITLES_DESIGN = (r"(?!(?:of|in|for|to|with|vs|versus|on|at|by|from|after|before|among|between|comparing"
                          r"|towards?|or|the|a|an|who|whom|that|which|where|when|if|whether|previous(?:ly)?|prior"
                          r"|parent|former(?:ly)?|original(?:ly)?|initially|earlier|preceding|core|feeder|post)\b)")
# A word of a title, any hyphen in it ("Open\u2010label", "Placebo-controlled").
_TITLE_WORD = f"[\\w{HYPHENS}]+"
# A title's segment (from its start, or after a colon or a dash: "Drug X in Myeloma: an Open-label, Single-arm Phase 3
# Trial") opening with design words up to the term ("An Open Label, Multicenter, Phase IV", "A Phase 3, Randomized,").
_TITLE_LEAD_BEFORE = re.compile(hyphens_wide(
    r"(?:^|[:\u2013\u2014]|\s-\s)\s*(?:(?:an?|the)\s+)?"
    r"(?:" + _NOT_THE_TITLES_DESIGN + _TITLE_WORD + r"[,/]?\s+(?:and\s+)?){0,6}$"), re.I)
# The rest of that lead, up to the study it qualifies ("..., Multicenter, Phase IV Study", "Extension Study", "Trial").
_TITLE_LEAD_AFTER = re.compile(hyphens_wide(
    r"(?:[,/]?\s+(?:and\s+)?" + _NOT_THE_TITLES_DESIGN + _TITLE_WORD + r"){0,6}?[,/]?\s+"
    r"(?:study|trial|rct|extension|investigation)\b"), re.I)
# A term that itself ends with the study it qualifies ("Single-arm, Phase 2 Study").
_TITLE_HEAD_ENDS = re.compile(r"\b(?:study|trial|rct|extension|investigation)$", re.I)


def opens_the_title(title: str, at: int) -> bool:
    """Whether only design words stand before offset `at` in its segment of the title (from the title's start, or
    after a colon or dash), with an article: "An Open Label, Multicenter, " before "Phase IV Study"."""
    return _TITLE_LEAD_BEFORE.search(title, 0, at) is not None


# A title that, past its lead, calls the study an extension, rollover or follow-up of another ("Double-Blind Study
# ABC-301 Open-Label Extension"): its lead may name the parent study.
_EXTENSION_LATER = re.compile(r"\b(?:extension|roll-?over|continuation|follow-?up)\b", re.I)


def _leads_the_title(source: StudyText, sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] of a title is among the design words that open the title (or its
    part after a colon or dash) and qualify the study it names ("An Open Label, Multicenter, Phase IV Study of Drug X
    in Participants Who Have Demonstrated Disease Progression"): this study's design, whatever the rest of the title
    says of earlier treatment, other studies or findings."""
    if source.field not in TITLE_FIELDS or not opens_the_title(sentence, start):
        return False
    if _TITLE_HEAD_ENDS.search(sentence, start, end):
        lead_end = end
    elif lead := _TITLE_LEAD_AFTER.match(sentence, end):
        lead_end = lead.end()
    else:
        return False
    return _EXTENSION_LATER.search(sentence, lead_end) is None


# "re-randomized": participants randomized again, in this study.
_AGAIN_BEFORE = re.compile(hyphens_wide(r"\bre[\s-]$"), re.I)


def _not_of_this_design(sentence: str, start: int, end: int, lowered: str | None = None) -> bool:
    """Whether the term at sentence[start:end] names another trial ("a substudy of the randomized ABC trial", "those
    randomized to the experimental arm of study CL-201", "a recent double-blind trial found that"), trials in general
    ("randomised controlled trials are the gold standard"), a design the study had before ("initially
    double-blind") or one it weighs ("if randomization is feasible") rather than this study's design. `lowered`, the
    sentence folded (checks.study_context.folded_text), spares the patterns of words it does not hold."""
    if _TRIALS_IN_GENERAL_AFTER.match(sentence, end):
        return True
    after = lowered and lowered[end:]
    if (lowered is None or _holds_any(after, _TRIAL_WORDS)) and _IN_A_NAMED_TRIAL_AFTER.match(sentence, end):
        return True
    near = max(0, start - _BEFORE_REACH)  # the words right before the term: what these patterns read
    before = lowered and lowered[near:start]
    if (_OF_ANOTHER_TRIAL_BEFORE.search(sentence, near, start) or (lowered is None or _holds_any(
            before, _FROM_OR_FOR_WORDS)) and _FROM_OR_FOR_ANOTHER_TRIAL_BEFORE.search(sentence, near, start)) \
            and _TRIAL_NAMED_AFTER.match(sentence, end):
        return True
    if lowered is None or _holds_any(after, _REPORTING_WORDS):
        reported = _REPORTED_AFTER if _ENDS_WITH_TRIAL.search(sentence, start, end) else _TRIAL_REPORTED_AFTER
        if reported.match(sentence, end) and not _THIS_STUDY_BEFORE.search(sentence, 0, start):
            return True
    if (lowered is None or _holds_any(after, _SUPPOSING_WORDS)) and _supposed(sentence, start, end):
        return True
    if (lowered is None or _holds_any(lowered[:start], _IF_WORDS)) and _to_follow_if_successful(sentence, start, end):
        return True
    if (_named_by_code(sentence, start, end, after) or _named_in_words(sentence, start, end)) \
            and _NAMED_AFTER_THE_BEFORE.search(sentence, near, start):
        return True
    if (lowered is None or _holds_any(before, _FORMERLY_WORDS)) and _FORMERLY_BEFORE.search(sentence, near, start):
        return True
    return bool((lowered is None or _holds_any(before, _CONDITION_WORDS)) and _FEASIBLE_AFTER.match(sentence, end)
                and _CONDITION_BEFORE.search(sentence, near, start))


# How far before a term the patterns of the words right before it (a few words) are tried.
_BEFORE_REACH = 90
# Words (folded) one of which every match of _REPORTED_AFTER, _FORMERLY_BEFORE, _IN_A_NAMED_TRIAL_AFTER and
# _CONDITION_BEFORE holds.
_REPORTING_WORDS = ("found", "showed", "suggested", "revealed", "concluded", "reported", "demonstrated", "indicated",
                    "confirmed")
_FORMERLY_WORDS = ("originally", "initially", "formerly", "previously")
_TRIAL_WORDS = ("study", "trial", "protocol")
_CONDITION_WORDS = ("whether", "if")
_IF_WORDS = ("if", "should", "once", "when")


def _supposed(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial supposed ("a randomized trial would be needed"), not
    the one the sentence names before it."""
    supposed = _SUPPOSED_AFTER if _ENDS_WITH_TRIAL.search(sentence, start, end) else _TRIAL_SUPPOSED_AFTER
    return bool(supposed.match(sentence, end)) and not _THIS_STUDY_BEFORE.search(sentence, 0, start) and bool(
        _A_TRIAL_BEFORE.search(sentence, max(0, start - _BEFORE_REACH), start))


def _named_by_code(sentence: str, start: int, end: int, after: str | None) -> bool:
    """Whether the trial of the term at sentence[start:end] is named by its code or acronym right after its noun
    ("the double-blind study ABC-123", "the observational cohort study ABC"). `after`: the folded rest, or None."""
    capitals = sentence[start:end].isupper()
    if _ENDS_WITH_TRIAL.search(sentence, start, end):
        return (_NUMBER_AFTER if capitals else _CODE_AFTER).match(sentence, end) is not None
    named_after = _NUMBERED_NAMED_AFTER if capitals else _CODE_NAMED_AFTER
    return (after is None or _holds_any(after, _TRIAL_WORDS)) and named_after.match(sentence, end) is not None


# A trial's name in capitalised words ending with its acronym, which a design word may open ("the Randomised Evaluation
# of COVID-19 Therapy (RECOVERY) trial", "the Randomized Aldactone Evaluation Study (RALES)"). Not a part of this study
# named so ("during the Double-Blind Treatment Period (DBTP)", "the Randomized Withdrawal Phase (RWP)").
_NAME_WITH_ACRONYM_AFTER = re.compile(
    r"(?:,?\s+(?!(?:periods?|phases?|parts?|stages?|segments?|epochs?|portions?|extensions?|cohorts?|arms?|groups?)\b)"
    r"(?:(?-i:[A-Z0-9])[\w'-]*|of|for|in|on|and|with|the|to|a|an|versus|vs\.?)){1,10}?\s+"
    r"\((?-i:[A-Z][A-Z0-9-]{2,})\)", re.I)


def _named_in_words(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] opens a trial's name, capitalised and ended by its acronym."""
    return sentence[start].isupper() and _NAME_WITH_ACRONYM_AFTER.match(sentence, end) is not None


def _to_follow_if_successful(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial to follow if this one succeeds ("If this pilot is
    successful, a double-blind trial will be conducted")."""
    return bool(_IF_SUCCESSFUL_BEFORE.search(sentence, 0, start)) and bool(
        _ENDS_WITH_TRIAL.search(sentence, start, end) or _TRIAL_NAMED_AFTER.match(sentence, end))


def _holds_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether the folded text holds one of the words."""
    for word in words:
        if word in lowered:
            return True
    return False


def _open_label_of_another_part(sentence: str, start: int, end: int) -> bool:
    """Whether "open label" at sentence[start:end] is said of a later part of the study (after week 24, after
    unblinding, for participants who completed the treatment) or of drugs given beside the masked ones (rescue or
    background medication), not of the study itself ("an open-label study")."""
    if _AFTER_COMPLETING_BEFORE.search(sentence, 0, start):
        return True
    if _NAMES_THE_STUDY_AFTER.match(sentence, end):
        return False
    return bool(_LATER_PART.search(sentence) or _DRUGS_BESIDE.search(sentence))


# A term said of a part done before ("the previous double-blind phase", "previously randomized to placebo", "in the
# prior 12-week double-blind period"): in an extension, the part of the study participants came from.
_EARLIER_BEFORE = re.compile(
    r"\b(?:previous|prior|preceding|earlier|previously|formerly)\s+(?:\d[\w-]*\s+)?(?:[\w-]+,\s+)?$", re.I)
# The same said after the term ("who were randomized to placebo in the previous randomized phase", "blinded during
# the prior study").
_EARLIER_AFTER = re.compile(
    r"(?:,?\s+[\w-]+){0,5}?\s+(?:in|during|from|of)\s+the\s+(?:previous|prior|preceding|earlier)\s+"
    r"(?:[\w-]+,?\s+){0,3}?(?:phase|period|part|stage|portion|study|trial|protocol|treatment)\b", re.I)


def of_an_earlier_part(claim: Claim) -> bool:
    """Whether the claim is of a part done before ("the previous double-blind phase", "randomized in the prior
    study"), which in an extension is the part of the parent study, not of this one."""
    text = claim.source.text
    return (_EARLIER_BEFORE.search(text, max(0, claim.start - _BEFORE_REACH), claim.start) is not None
            or _EARLIER_AFTER.match(text, claim.end) is not None)


def denied_before(text: str, at: int) -> bool:
    """Whether a term at text[at:] is denied by the words close before it ("not blinded", "non-blinded")."""
    return _NEGATION_BEFORE.search(text, max(0, at - 80), at) is not None


def _may_mention(source: StudyText, needles: tuple[str, ...] | None) -> bool:
    """False when the text holds none of a pattern's needle words (so no match), else True: exact on any
    text, as the needles are looked for in its folded form."""
    if not needles:
        return True
    lowered = source.lowered if source.text.isascii() else folded(source)
    if lowered is None:
        return True
    for word in needles:
        if word in lowered:
            return True
    return False


def first_affirmed(sources: list[StudyText], pattern: re.Pattern) -> Claim | None:
    """The first claim of the texts not denied: what the first affirmed one of `claims(sources, pattern)` is.

    A match is judged for whether its sentence is about this study only when it is not denied, and no
    match is read past the claim found (denied matches and what follows are no concern of the answer).
    """
    key = (pattern.pattern, pattern.flags)
    needles = _NEEDLES_BY_KEY.get(key)
    for source in sources:
        if not _may_mention(source, needles):
            continue  # the text has no claim: what claims_in would find there too
        known = source.memo.get(key)
        if known is not None:  # another question read the text's claims already
            for c in known:
                if not c.negated:
                    return c
            continue
        for m, s_start, s_end, negated, own in _phrases(source, pattern):
            if not negated and (own or _about_this_study(source, s_start, s_end)):
                return Claim(source, m.start(), m.end(), False)
    return None


def only_denied(sources: list[StudyText], pattern: re.Pattern) -> Claim | None:
    """The first claim of the texts when every claim of them is denied, else None: what reading every claim
    of `claims(sources, pattern)` says, reading no match past the first affirmed claim and judging a denied
    match's sentence only while no claim has been found before it."""
    key = (pattern.pattern, pattern.flags)
    needles = _NEEDLES_BY_KEY.get(key)
    first = None
    for source in sources:
        if not _may_mention(source, needles):
            continue  # the text has no claim
        known = source.memo.get(key)
        if known is not None:  # another question read the text's claims already
            if any(not c.negated for c in known):
                return None
            first = first or (known[0] if known else None)
            continue
        for m, s_start, s_end, negated, own in _phrases(source, pattern):
            if negated and first is not None:
                continue  # a later denial changes nothing
            if own or _about_this_study(source, s_start, s_end):
                if not negated:
                    return None
                first = Claim(source, m.start(), m.end(), True)
    return first


def claims_not_elsewhere(sources: list[StudyText], pattern: re.Pattern) -> list[Claim]:
    """Every match of `pattern` in sentences that point at no other study, marked negated or not. A narrative's
    sentence on how the study is run ("The evaluator is masked", "An individual blinded to intervention assignment
    will collect measures") need not name this study to be about it: only a sentence that points at another (a
    previous trial, a citation, a study to come) is not."""
    needles = _NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    found = []
    for source in sources:
        if not _may_mention(source, needles):
            continue
        for m, s_start, s_end, negated, own in _phrases(source, pattern):
            sentence = ascii_hyphens(source.text[s_start:s_end])
            if own or other_study(sentence) is None or we_conduct_it(sentence):
                found.append(Claim(source, m.start(), m.end(), negated))
    return found


def mentions(sources: list[StudyText], pattern: re.Pattern) -> bool:
    """Whether any of the texts matches `pattern` anywhere (no context rules)."""
    needles = _NEEDLES_BY_KEY.get((pattern.pattern, pattern.flags))
    return any(pattern.search(source.text) for source in sources
               if not needles or (lowered := folded(source)) is None or _mentions_any(lowered, needles))
