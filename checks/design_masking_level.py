"""How many parties a text's blinded design masks: "double-blind", "triple-masked" and "DBPC" name two or more,
"single-blind" one; "blinded study" and "double-dummy" (a way to blind participants) say no number."""
from __future__ import annotations

import re

from checks.design_blinded_claims import blinded_design_claim
from checks.design_claims import affirmed
from checks.design_hyphens import hyphens_wide
from checks.design_masking_terms import BLINDED
from checks.design_text import Claim
from checks.study_text import StudyText

# A claim of BLINDED (checks.design_masking_terms) that names two or more masked parties: in words, or abbreviated in
# capitals ("DB, PC", "RDBPC", "DB-RCT").
_TWO_OR_MORE = re.compile(hyphens_wide(r"^(?:double|triple|quadruple)[\s-]*(?:blind|mask)|(?-i:DB)"), re.I)
_ONE = re.compile(hyphens_wide(r"^single[\s-]*(?:blind|mask)"), re.I)


def _may_be_an_extension() -> bool:
    """Read a claim of a part done before ("the previous double-blind phase") as a parent study's, as an extension's
    is read: a single-masked record's text may speak so of the study its participants came from."""
    return True


def names_two_or_more(claim: Claim) -> bool:
    """Whether a blinded design's claim names two or more masked parties ("double-blind", "triple-masked", "DBPC")."""
    return _TWO_OR_MORE.search(claim.phrase) is not None


def double_blind_claim(texts: list[StudyText]) -> Claim | None:
    """The study's blinded design (as checks.design_blinded_claims reads it for a masking of NONE: not a run-in,
    outcomes assessed blind, a design the text withdraws, another trial's or a part done before) when it names two or
    more masked parties, and no claim of the study's texts calls any of it single-blind (a single-blind part or
    group, which a masking of SINGLE may describe)."""
    c = blinded_design_claim(texts, _may_be_an_extension)
    if c is None or not names_two_or_more(c):
        return None
    if any(_ONE.search(other.phrase) for other in affirmed(texts, BLINDED)):
        return None
    return c
