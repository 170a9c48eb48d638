"""What, in an extension, is its parent study's: a part done before ("the previous double-blind phase"), an arm's
text naming the open-label treatment given after the double-blind one, a sentence naming the parent study; and the
texts of one arm, which may describe one part of the study only."""
from __future__ import annotations

import re

from checks.design_hyphens import hyphens_wide
from checks.design_other_trials import BEFORE_REACH
from checks.design_text import Claim

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
    return (_EARLIER_BEFORE.search(text, max(0, claim.start - BEFORE_REACH), claim.start) is not None
            or _EARLIER_AFTER.match(text, claim.end) is not None)


# An extension's titles ("Open-label Extension Study of Drug X", "A Rollover Study for Participants of Study 301") or
# narrative ("This open-label extension will ..."): its text's "previous double-blind phase" is the parent study's.
EXTENSION_TITLE = re.compile(r"\b(?:extension|roll-?over|continuation)\b", re.I)


# A sentence that names the study participants came from ("outcome assessors of the parent study were blinded"):
# in an extension, that study's masking.
PARENT_STUDY = re.compile(
    r"\b(?:parent|core|previous|prior|preceding|original|originating|feeder|antecedent|lead-in|main)\s+"
    r"(?:[\w-]+\s+)?(?:study|trial|protocol|phase|period)\b", re.I)


# The texts of one arm or intervention, which may describe one part of the study only.
ARM_FIELDS = ("design_groups.title", "design_groups.description", "interventions.description")
COMPARATORS = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


# An arm's text that names an open-label treatment ("Double-blind Placebo / Open-label Drug X", "DB placebo - OLE drug
# X"): in an extension, its double-blind treatment is the one given before, in the parent study.
_OPEN_LABEL_NAMED = re.compile(hyphens_wide(r"\bopen[\s-]*label(?:ed)?\b|(?-i:\bOLE?\b)"), re.I)


def of_the_parent_study(claim: Claim) -> bool:
    """Whether the claim, in an extension, may be of the parent study: of a part done before ("the previous
    double-blind phase"), or in an arm's text that names the open-label treatment given after the double-blind one."""
    return of_an_earlier_part(claim) or (claim.source.field in ARM_FIELDS
                                         and _OPEN_LABEL_NAMED.search(claim.source.text) is not None)
