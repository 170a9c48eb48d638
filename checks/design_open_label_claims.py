"""The open-label statement that contradicts a masked design: not one of another part of the study beside a masked
comparison (a placebo, a sham, something blinded), nor where an extension keeps its parent study's blind."""
from __future__ import annotations

import re

from checks.design_claims import affirmed, mentions
from checks.design_hyphens import hyphens_wide
from checks.design_masking_terms import (
    BLINDED, BLINDED_ARM, BLINDED_ASSESSMENT, DESIGN_WORDS_BETWEEN, OPEN_LABEL, OPEN_LABEL_WORDS,
)
from checks.design_negation import denied_before
from checks.design_parent_study import ARM_FIELDS, EXTENSION_TITLE
from checks.design_text import Claim, claims, first_affirmed
from checks.design_this_study import TITLE_FIELDS, opens_the_title
from checks.study_text import StudyText


def _assessor_only(design: dict) -> bool:
    """Whether the design masks the outcomes assessor alone, or may: one party masked (SINGLE) whom the source does
    not name (a meddatax compact page and pre-2017 'Single Blind' records show no roles), which a PROBE trial's open
    label for participants and staff, its outcomes assessed blind, fits."""
    others = (design["subject_masked"], design["caregiver_masked"], design["investigator_masked"])
    unnamed = design["outcomes_assessor_masked"] is None and all(o is None for o in others)
    if design.get("masking") == "SINGLE" and unnamed:
        return True
    return bool(design["outcomes_assessor_masked"]) and not any(others)


def _masked_part(texts: list[StudyText], comparator: bool) -> bool:
    """Whether the study has a masked part: a placebo or sham arm (`comparator`), or an arm or intervention said
    to be blinded. An arm or intervention said to be open label beside it belongs to another part of the study (an
    open-label extension or phase, an open-label reference arm), which the masking, set for the masked
    comparison, does not describe."""
    return comparator or first_affirmed([t for t in texts if t.field in ARM_FIELDS], BLINDED_ARM) is not None


# An arm's own title and description: an arm they call open label beside two arms not said to be (`arms_compared`:
# "Oseltamivir Open Label", its renally impaired participants given reduced doses open label, beside "Oseltamivir
# 100 mg" and "Oseltamivir 200 mg", NCT01050257) is a cohort beside the comparison the masking blinds.
_GROUP_FIELDS = ("design_groups.title", "design_groups.description")


# The word right after "open-label" ("commence treatment with open-label fondaparinux", NCT00790907), and the words
# there that name a design, not a treatment given open label.
_WORD_AFTER = re.compile(r"[\s-]+([a-z][\w-]{3,})", re.I)
_DESIGN_WORD = re.compile(DESIGN_WORDS_BETWEEN + r"|stud(?:y|ies)|trials?|designs?|fashion|manner|protocol|phase"
                          r"|period|parts?|stages?|portion|extension|single|multi\w*|non\w*|two|three|arms?|groups?",
                          re.I)
_A_STUDY_NEXT = re.compile(r"\s+(?:stud(?:y|ies)|trials?)\b", re.I)


def _open_label_treatment(claim: Claim, texts: list[StudyText]) -> bool:
    """Whether the open-label claim names a treatment given open label: the word right after it, no design word, is
    one an arm's or intervention's text names ("open-label fondaparinux" beside the arm "Open label fondaparinux
    background and standard dose UFH"), a background drug beside the masked one."""
    m = _WORD_AFTER.match(claim.source.text, claim.end)
    if m is None or _DESIGN_WORD.fullmatch(m[1]) or _A_STUDY_NEXT.match(claim.source.text, m.end()):
        return False  # "open-label fondaparinux study" names the study
    word = re.compile(rf"\b{re.escape(m[1])}\b", re.I)
    return any(word.search(t.text) for t in texts if t.field in ARM_FIELDS and t is not claim.source)


# An open-label study or trial that follows a first part ("Risedronate ... for 2 Years Followed by a 2 Year Open Label
# Study", a placebo-controlled trial, NCT00619957; "for 24 Weeks With a Later Open-Label Study"): a later part, as an
# open-label extension is, where the study has a masked part.
_FOLLOWING_PART_BEFORE = re.compile(hyphens_wide(
    r"\b(?:followed\s+by|(?:with|and)\s+an?\s+(?:subsequent|later))\s+(?:an?\s+)?(?:(?:(?:\d+|one|two|three|four"
    r"|five|six|twelve)[\s-]*(?:years?|months?|weeks?|days?)|long[\s-]*term|optional|further|additional|subsequent"
    r"|extended)[\s,-]+){0,2}$"), re.I)


def _of_a_following_part(claim: Claim) -> bool:
    """Whether the open-label claim names a part that follows another ("Followed by a 2 Year Open Label Study")."""
    return _FOLLOWING_PART_BEFORE.search(claim.source.text, max(0, claim.start - 60), claim.start) is not None


# A text that says open label beside a masked comparison (a placebo, a sham, something blinded) describes another
# part of the study: "randomized to placebo or HPMPC ...; then eligible to receive open-label HPMPC", "the first
# dose will be randomized and blinded, the second open-label". Not a blinding denied ("the trial is not blinded", "a
# non-blinded trial"), nor a condition that is masked ("masked hypertension").
_COMPARATOR_WORD = re.compile(r"\b(?:placebo|sham|vehicle)\b", re.I)


# People the registry's masking does not record, named as the only ones blinded ("Laboratory staff will be blinded to
# treatment allocation", "only the statistician is blinded", "blinded central laboratory"): no masked comparison.
_UNRECORDED = (r"(?:(?:central|local|study|trial)\s+)?(?:laborator(?:y|ies)|labs?|(?:bio)?statisticians?|sponsors?"
               r"|data\s+(?:managers?|analysts?|management)|analysts?|(?-i:DSMBs?|DMCs?|IDMCs?|DSMCs?)"
               r"|data\s+(?:and\s+safety\s+)?monitoring\s+(?:board|committee)s?)"
               r"(?:\s+(?:staff|personnel|team|technicians?|members?|analysts?))?")
_UNRECORDED_BLINDED_BEFORE = re.compile(
    r"(?:^|[.;:(]\s*|\b(?:only|while|but|whereas)\s+)(?:only\s+)?(?:the\s+)?" + _UNRECORDED
    + r"\s+(?:will\s+(?:be|remain)|shall\s+be|are|is|were|was|remains?)\s+(?:kept\s+|also\s+)?$", re.I)
_UNRECORDED_AFTER = re.compile(r"\s+" + _UNRECORDED + r"\b", re.I)


def _unrecorded_party_blinded(text: str, at: int, end: int) -> bool:
    """Whether the 'blinded' at text[at:end] is said only of people the registry's masking does not record."""
    return (_UNRECORDED_BLINDED_BEFORE.search(text, max(0, at - 80), at) is not None
            or _UNRECORDED_AFTER.match(text, end) is not None)


def _masked_comparison(text: str) -> bool:
    """Whether the text speaks of a masked comparison: a placebo, a sham, a vehicle, or something blinded (not only
    people the registry's masking does not record, such as laboratory staff)."""
    if _COMPARATOR_WORD.search(text):
        return True
    return any(not denied_before(text, m.start()) and not _unrecorded_party_blinded(text, m.start(), m.end())
               for m in BLINDED_ARM.finditer(text))


def _unmasked(texts: list[StudyText]) -> list[StudyText]:
    """The texts that speak of no masked comparison."""
    return [t for t in texts if not _masked_comparison(t.text)]


# A title that opens with an open-label extension or rollover ("Open-Label Extension Study of Drug X in Participants
# Who Completed Study ABC-301", "A Phase 3, Open-label, Multicenter, Long-term Extension Study"): the extension is the
# title's study, and its open label this study's design (elsewhere, "open-label extension" names a part of a masked
# study, which OPEN_LABEL does not read).
_OPEN_EXTENSION_TITLE = re.compile(hyphens_wide(
    r"\bopen[\s-]*label(?:l?ed)?,?\s+(?:(?:long[\s-]*term|multi[\s-]?cent(?:er|re|ric)|multi[\s-]?national"
    r"|international|safety|phase\s+(?:[1-4]|i{1,3}|iv)[ab]?),?\s+){0,3}(?:extension|roll[\s-]?over|continuation)\b"
    r"(?!\s+(?:phase|period|part|stage|portion|arm|cohort)\b)"), re.I)

# Blinding named in any form ("The blind of the parent study is kept", "until the parent study is unblinded").
_BLINDING_NAMED = re.compile(r"\b(?:un)?(?:blind|mask)", re.I)


def _open_extension_title(texts: list[StudyText], comparator: bool) -> Claim | None:
    """The title's lead that calls the study an open-label extension or rollover, where the study has no placebo or
    sham arm (`comparator`) and no text speaks of a placebo, a sham or someone blinded."""
    if comparator:
        return None
    for source in texts:
        if source.field not in TITLE_FIELDS:
            continue
        for m in _OPEN_EXTENSION_TITLE.finditer(source.text):
            if opens_the_title(source.text, m.start()) and not denied_before(source.text, m.start()):
                if any(_masked_comparison(t.text) for t in texts):
                    return None
                return Claim(source, m.start(), m.end(), False)
    return None


def _blind_kept_in_extension(texts: list[StudyText]) -> bool:
    """Whether a title calls the study an extension or rollover and a text names blinding in any form ("The blind of
    the parent study is kept until it is completed", "until the parent study is unblinded"): an extension may keep
    its parent study's blind, and the masking with it."""
    return any(t.field in TITLE_FIELDS and EXTENSION_TITLE.search(t.text) for t in texts) and any(
        _BLINDING_NAMED.search(t.text) for t in texts)


def open_label_claim(design: dict, texts: list[StudyText], comparator: bool = False,
                     arms_compared: bool = False) -> Claim | None:
    """The open-label statement that contradicts a masked design, if there is one: not an arm's or treatment's
    beside a placebo or sham arm (`comparator`) or a blinded one, nor an arm's own beside two arms not said to be open
    label (`arms_compared`).

    What `_open_label_claim_of_every_claim` says, asking only what the answer needs: the masking
    description's claims first, then only the first open-label claim of all texts (no claim after it is
    judged), and whether the texts speak of blinding only when there is one.
    """
    assessor_only = _assessor_only(design)
    for source in texts:
        if source.field != "designs.masking_description":
            continue
        for c in claims([source], OPEN_LABEL):
            if c.negated or (assessor_only and OPEN_LABEL_WORDS.match(c.phrase)):
                continue  # assessor only: open label for participants and staff, outcomes assessed blind
            if not (BLINDED_ASSESSMENT.search(source.text) or BLINDED.search(source.text)
                    or _masked_comparison(source.text)):
                return c
            break  # this text says blinded too: none of its claims is stated plainly
    # "open label" elsewhere fits a design that blinds someone (a PROBE trial's assessors).
    if assessor_only:
        return None
    first = first_affirmed(texts, OPEN_LABEL) or _open_extension_title(texts, comparator)
    if first is None or mentions(texts, BLINDED) or mentions(texts, BLINDED_ASSESSMENT) \
            or _blind_kept_in_extension(texts):
        return None
    if _masked_comparison(first.source.text):
        first = first_affirmed(_unmasked(texts), OPEN_LABEL)
        if first is None:
            return None
    if (first.source.field in ARM_FIELDS or _open_label_treatment(first, texts) or _of_a_following_part(first)) \
            and _masked_part(texts, comparator):
        return next((c for c in affirmed([t for t in _unmasked(texts) if t.field not in ARM_FIELDS], OPEN_LABEL)
                     if not _open_label_treatment(c, texts) and not _of_a_following_part(c)), None)
    if first.source.field in _GROUP_FIELDS and arms_compared:
        return first_affirmed([t for t in _unmasked(texts) if t.field not in _GROUP_FIELDS], OPEN_LABEL)
    return first


def _open_label_claim_of_every_claim(design: dict, texts: list[StudyText], comparator: bool = False,
                                     arms_compared: bool = False) -> Claim | None:
    """`open_label_claim` from every open-label claim of the texts (the plain reading, kept for tests)."""
    opens = affirmed(texts, OPEN_LABEL) or [c for c in [_open_extension_title(texts, comparator)] if c is not None]
    if _assessor_only(design):  # open label for participants and staff, outcomes assessed blind
        opens = [c for c in opens if not OPEN_LABEL_WORDS.match(c.phrase)]
    stated = [c for c in opens if c.source.field == "designs.masking_description"
              and not BLINDED_ASSESSMENT.search(c.source.text) and not BLINDED.search(c.source.text)
              and not _masked_comparison(c.source.text)]
    if stated:
        return stated[0]
    # "open label" elsewhere fits a design that blinds someone (a PROBE trial's assessors).
    if not opens or mentions(texts, BLINDED) or mentions(texts, BLINDED_ASSESSMENT) or _assessor_only(design) \
            or _blind_kept_in_extension(texts):
        return None
    opens = [c for c in opens if not _masked_comparison(c.source.text)]
    if _masked_part(texts, comparator):  # an open-label arm or treatment is another part of the study
        opens = [c for c in opens if c.source.field not in ARM_FIELDS and not _open_label_treatment(c, texts)
                 and not _of_a_following_part(c)]
    elif arms_compared:  # an arm said to be open label is a cohort beside the arms compared
        opens = [c for c in opens if c.source.field not in _GROUP_FIELDS]
    return opens[0] if opens else None
