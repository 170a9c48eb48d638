"""Whether a 'non-randomized' or single-arm claim is said of the study's allocation, not of a group or part of it."""
from __future__ import annotations

import re

from checks.design_allocation_terms import RANDOMIZED, RCT, SINGLE_ARM
from checks.design_claims import affirmed
from checks.design_randomized_claims import allocates
from checks.design_text import Claim, first_affirmed
from checks.study_text import StudyText

# "Non-randomized" said of a group or part beside the randomized ones ("a non-randomised historical control group",
# "Non-randomized cohort", "patients in this non-randomised arm", "a non-randomized safety lead-in"): not of the
# study's allocation. So are the people it is said of right after it ("Non-randomized patients (those who refuse) will
# be followed as a registry cohort"): others are randomized.
_GROUP_AFTER = re.compile(
    # Not the study's one group ("non-randomised single group", "Non-randomized, one-arm"): its allocation.
    r"(?:,?\s+(?!(?:study|trial|design|comparison)\b)[\w-]+){0,3}?,?\s+(?<!\bsingle\s)(?<!\bsingle-)(?<!\bone\s)"
    r"(?<!\bone-)(?:cohorts?|groups?|arms?|controls?"
    r"|comparators?|registry|population|extension|part|phase(?!\s+(?:[0-4]|i{1,3}|iv)\b)|period|stage"
    r"|sub-?study|lead-in|run-in)(?![\w-])"
    r"|\s+(?:patients|participants|subjects|individuals|people|volunteers)\b"
    # Data, samples or places beside the randomized ones ("compared with non-randomized data from the national
    # registry", "non-randomized samples from the biobank", "non-randomized sites serve as comparison sites").
    r"|\s+(?:data|samples?|specimens?|sites|cent(?:er|re)s|hospitals|clinics|practices)\b"
    r"(?![\s,]+(?:[\w-]+\s+){0,2}?(?:study|trial|design)\b)", re.I)


# A part of the study said to be non-randomized ("The safety run-in is non-randomized", "Part 1 (dose escalation) is
# not randomized"): the other parts may be randomized.
# So are the people who are not randomized ("Participants who are not randomized will be followed as a reference
# cohort"): others are.
_PART_IS_BEFORE = re.compile(
    r"(?:\b(?:run-?in|lead-?in|part|phase|period|stage|cohort|arm|group|extension|portion|segment|sub-?study)s?"
    r"(?:\s+(?:[A-D]|[1-4]|i{1,3}|iv|one|two|three))?(?:\s*\([^()]{0,40}\))?"
    r"|\b(?:patients|participants|subjects|individuals|people|those)\s+(?:who|that))\s+"
    r"(?:is|are|was|were|will\s+be|remains?)\s+(?:not\s+)?$", re.I)
# Participants not randomized one by one ("Patients are not individually randomized; the clinics are", "not
# randomized at the individual level", "no individual randomization", "No randomization of individuals will be done"):
# a cluster trial's words, which deny no randomization of its clusters.
_INDIVIDUALLY_BEFORE = re.compile(r"\bindividual(?:ly|[\s-]+level)?\s+$", re.I)
_INDIVIDUALLY_AFTER = re.compile(
    r"\s+(?:individually|at\s+(?:the\s+)?(?:individual|patient|participant|person)(?:\s+level)?"
    r"|of\s+(?:the\s+)?individual(?:s|\s+(?:patients|participants|subjects)))\b", re.I)
# A later stage said to be randomized a few sentences on ("The intervention will be tested in a nonrandomized pilot (N
# = 15) ... Finally, the revised intervention will be tested in Stage 1b in a randomized pilot study involving 60
# women", NCT01193114): the non-randomized claim is of a stage before the randomized one.
_LATER_RANDOMIZED_STAGE_AFTER = re.compile(
    r"[^;]{0,600}?\b(?:then|finally|next|subsequently|thereafter|afterwards|followed\s+by|later)\b[^.;]{0,120}?"
    r"(?<![\w-])(?<!\bnot\s)(?:randomi[sz]ed\s+(?:[\w-]+\s+){0,2}?(?:pilot|trial|study|phase|stage|part)\b"
    r"|(?-i:RCT)\b)", re.I)
# An arm's title that calls the arm non-randomised ("IDeg (non-randomised)" beside "IDeg + IAsp" and "IDeg +
# liraglutide", NCT01388361): that arm's, the others may be randomised.
_ARM_TITLE = "design_groups.title"


def of_a_group(claim: Claim) -> bool:
    """Whether a 'non-randomized' claim qualifies a group or part of the study (or data, samples or places beside it,
    an arm in its own title, a stage before a randomized one) rather than its allocation, denies only that
    participants are randomized one by one (a cluster trial), or denies randomizing what is no allocation of
    participants ("The order of the tasks will not be randomized")."""
    text, before = claim.source.text, max(0, claim.start - 80)
    return (not allocates(claim) or (claim.negated and claim.source.field == _ARM_TITLE)
            or _GROUP_AFTER.match(text, claim.end) is not None
            or _LATER_RANDOMIZED_STAGE_AFTER.match(text, claim.end) is not None
            or _PART_IS_BEFORE.search(text, before, claim.start) is not None
            or _INDIVIDUALLY_BEFORE.search(text, before, claim.start) is not None
            or _INDIVIDUALLY_AFTER.match(text, claim.end) is not None)


def single_arm_claim(texts: list[StudyText]) -> Claim | None:
    """The first affirmed claim that this study has one arm ("This is a single-arm study"), not a group or part of
    it, where the text never calls the study randomized ("randomized", "RCT"): a study of one arm allocates no one."""
    c = next((claim for claim in affirmed(texts, SINGLE_ARM) if not of_a_group(claim)), None)
    if c is None or first_affirmed(texts, RANDOMIZED) is not None or first_affirmed(texts, RCT) is not None:
        return None
    return c
