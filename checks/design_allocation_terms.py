"""The terms a text names its allocation and type with: randomized, randomizing, "RCT", single arm, observational."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_masking_terms import DESIGN_WORDS_BETWEEN, THE_STUDY_ITSELF_AFTER

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


# One arm said of the study: "This is a single-arm study", "Single arm, open-label study of drug X", "A Single-Arm,
# Phase 2 Study", "a single group, open, multicentre clinical trial", "a single-cohort, open-label study"; not a
# single-arm part, cohort or extension ("a single-arm run-in", "the single-arm safety cohort"), which the noun after it
# names, nor single-arm trials in general. ("A one-arm study" is not read: "one" is in most texts, which the needle
# words would then all let through, for a wording records seldom use.)
SINGLE_ARM = re.compile(hyphens_wide(
    r"\bsingle[\s-]*(?:arm(?:ed)?|group|cohort)\b,?\s+(?:(?:" + DESIGN_WORDS_BETWEEN
    + r"|open(?:[\s-]*label(?:l?ed)?)?"
    r"|non[\s-]?randomi[sz]ed|uncontrolled|non[\s-]?comparative|interventional|exploratory"
    r"|single[\s-]*cent(?:er|re)),?\s+(?:and\s+)?){0,4}(?:study|trial)\b" + THE_STUDY_ITSELF_AFTER), re.I)


OBSERVATIONAL = re.compile(hyphens_wide(
    r"\bobservational,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|trial|cohort\s+study|design|research)\b"
    r"(?!\s+(?:part|component|sub-?study|arm|cohort)\b)"
    r"|\bnon[\s-]?interventional,?\s+(?:[\w-]+,?\s+){0,2}?(?:study|trial|design|research)\b"), re.I
)
